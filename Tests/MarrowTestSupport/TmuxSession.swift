import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The suites' one tmux driver: a tmux server of its own (a private socket, no
/// config file) with one detached session, keys in, the screen out.
///
/// Nothing here can hang: every tmux command is a child process run by
/// `ProcessRunner` (a deadline, output through a file, no pipes), every wait on
/// the screen polls `capture-pane` until a deadline (`SettledScreen`), and the
/// server is killed on `close()` (also at the end of the session's life).
///
/// Started with `program:`, the pane runs the program and then records its exit
/// status, its standard error and the terminal modes (`stty -a`) it left behind,
/// for `exitStatus`, `stderr` and `terminalRestored`.
public final class TmuxSession {
    /// tmux on the PATH, or nil.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// How long a screen may take to appear.
    public static let screenTimeout = 15.0

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The server's socket name (`tmux -L`).
    public let socket = "marrow-test-\(getpid())-\(UUID().uuidString.prefix(8))"
    /// A folder of the session's own, removed at the end.
    public let folder: String
    public var rcPath: String { folder + "/rc" }
    var errPath: String { folder + "/stderr" }
    var sttyPath: String { folder + "/stty" }
    private var serverPID: pid_t?
    private var socketPath: String?

    /// Starts `command` (a shell command line) in a `columns`×`rows` window.
    public convenience init(shellCommand command: String, columns: Int = 80, rows: Int = 24) throws {
        try self.init(command: [command], columns: columns, rows: rows, folder: Self.newFolder())
    }

    /// Starts `program` (words, quoted here), its input from `stdinFrom` if given.
    /// After it exits, the pane records its status and `stty -a`, then waits.
    public convenience init(program: [String], columns: Int = 80, rows: Int = 24, stdinFrom: String? = nil) throws {
        let folder = Self.newFolder()
        // The script names files in the session's folder, known only once it exists:
        // it reads the folder from its first argument.
        let words = program.map(Shell.quoted).joined(separator: " ")
        let input = stdinFrom.map { " < " + Shell.quoted($0) } ?? ""
        let script = #"f="$0"; "# + words + input + #" 2>"$f/stderr"; echo $? > "$f/rc.tmp"; mv "$f/rc.tmp" "$f/rc"; stty -a > "$f/stty" 2>&1; exec sleep 600"#
        // Words given one by one: tmux runs them with no shell in between, so the
        // pane's process is this script's shell and the program its child.
        try self.init(command: ["/bin/sh", "-c", script, folder], columns: columns, rows: rows, folder: folder)
    }

    private init(command: [String], columns: Int, rows: Int, folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let started = tmux(["new-session", "-d", "-s", "main", "-x", "\(columns)", "-y", "\(rows)", "-e", "LANG=C.UTF-8"] + command)
        guard started.status == 0 else {
            try? FileManager.default.removeItem(atPath: folder)
            throw Failure(description: "tmux new-session failed (\(started.status)): \(started.output)")
        }
        let server = tmux(["display-message", "-p", "-t", "main", "#{pid} #{socket_path}"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1)
        serverPID = server.first.flatMap { pid_t($0) }
        socketPath = server.count == 2 ? String(server[1]) : nil
    }

    private static func newFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("marrow-tmux-\(UUID().uuidString)").path
    }

    deinit {
        close()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs one tmux command against this server: its status and output.
    @discardableResult
    public func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        guard let tmux = Self.executable else { return (127, "tmux is not installed") }
        do {
            let r = try ProcessRunner.run([tmux, "-L", socket, "-f", "/dev/null"] + arguments, folder: folder,
                                          environment: ["SHELL": "/bin/sh", "TMUX": nil], timeout: 30)
            return (r.status, r.output)
        } catch {
            return (127, "\(error)")
        }
    }

    /// Stops the server and everything in it, killing it outright if it lingers,
    /// and removes its socket. Safe to call more than once.
    public func close() {
        tmux(["kill-server"])
        if let serverPID {
            let deadline = Date().addingTimeInterval(3)
            while Self.isRunning(serverPID), Date() < deadline { usleep(10_000) }
            if Self.isRunning(serverPID) { _ = kill(serverPID, SIGKILL) }
            self.serverPID = nil
        }
        if let socketPath { unlink(socketPath) }
    }

    /// Whether process `pid` still runs. The server is a daemon, so its parent is
    /// init; an exited server stays a zombie until init reaps it, which on some
    /// machines takes more than a second (`kill(pid, 0)` still succeeds on a
    /// zombie): a zombie has gone.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let name = stat.lastIndex(of: ")") else { return true }
        // The state follows the command name in parentheses: Z zombie, X dead.
        let state = stat[stat.index(after: name)...].first { $0 != " " }
        return state != "Z" && state != "X"
    }

    // MARK: Keys and screen

    /// Sends tmux key names (`Enter`, `q`, `C-c`…).
    public func keys(_ names: String...) { tmux(["send-keys", "-t", "main"] + names) }

    /// Types text literally.
    public func type(_ text: String) { tmux(["send-keys", "-t", "main", "-l", text]) }

    /// The screen as text.
    public func screen() -> String { tmux(["capture-pane", "-p", "-t", "main"]).output }

    public func resize(columns: Int, rows: Int) { tmux(["resize-window", "-t", "main", "-x", "\(columns)", "-y", "\(rows)"]) }

    /// Polls the screen until `predicate` holds on a settled screen (`SettledScreen`)
    /// or `timeout` seconds pass; whether it held.
    @discardableResult
    public func waitFor(timeout: Double = TmuxSession.screenTimeout, _ predicate: (String) -> Bool) -> Bool {
        SettledScreen.poll(timeout: timeout, capture: screen, until: predicate).matched
    }

    @discardableResult
    public func waitFor(_ text: String, timeout: Double = TmuxSession.screenTimeout) -> Bool { waitFor(timeout: timeout) { $0.contains(text) } }

    /// Polls until the screen has not changed for `window` seconds (the program has
    /// drawn all it will for now), or `timeout` seconds pass; the last screen. For
    /// what shows no new text, such as a redraw at the same size or a key ignored.
    @discardableResult
    public func quietScreen(for window: Double = 0.3, timeout: Double = TmuxSession.screenTimeout) -> String {
        let end = Date().addingTimeInterval(timeout)
        var last = screen(), unchangedSince = Date()
        while Date() < end {
            usleep(50_000)
            let now = screen()
            if now != last {
                last = now
                unchangedSince = Date()
            } else if Date().timeIntervalSince(unchangedSince) >= window {
                break
            }
        }
        return last
    }

    /// Waits until the screen satisfies `condition` and has settled; returns the
    /// screen, or throws after `screenTimeout` with the last screen.
    @discardableResult
    public func screen(_ description: String, where condition: (String) -> Bool) throws -> String {
        let (matched, screen) = SettledScreen.poll(timeout: Self.screenTimeout, capture: screen, until: condition)
        guard matched else { throw ScreenTimeout(waitingFor: description, screen: screen) }
        return screen
    }

    /// Waits until the screen shows `text`; returns the screen, or throws with the last one.
    @discardableResult
    public func screen(showing text: String) throws -> String {
        try screen("\"\(text)\"") { $0.contains(text) }
    }

    /// A first run, from launch to the course map: the disclaimer, then "Start
    /// here" (each closed with Enter). Returns the course map's screen.
    @discardableResult
    public func throughFirstRun() throws -> String {
        try screen(showing: "not medical advice")
        keys("Enter")
        try screen(showing: "Enter: go to the course")
        keys("Enter")
        return try screen(showing: "Course map")
    }

    /// Presses j until the screen satisfies `condition` (at most 60 times).
    public func scroll(until condition: (String) -> Bool) throws -> String {
        var screen = screen()
        for _ in 0..<60 where !condition(screen) {
            let before = screen
            keys("j")
            screen = try self.screen("the screen to scroll") { $0 != before }
        }
        guard condition(screen) else { throw ScreenTimeout(waitingFor: "scrolling", screen: screen) }
        return screen
    }

    // MARK: The program (started with `program:`)

    /// The program's process id (the pane's shell's child).
    public func programPID(timeout: Double = 5) -> pid_t? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let pane = pid_t(tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)),
               let children = try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8),
               let first = children.split(separator: " ").first.flatMap({ pid_t($0) }) {
                return first
            }
            usleep(20_000)
        }
        return nil
    }

    /// The exit status once the program has exited, or nil after `timeout` seconds.
    public func exitStatus(timeout: Double = 10) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        repeat {
            if let rc = recordedExitStatus() { return rc }
            usleep(20_000)
        } while Date() < end
        return nil
    }

    /// Presses q (up to six times) until the program exits; returns its status.
    ///
    /// After each q it waits until the program has exited or the screen has
    /// changed and settled (the q was handled: one screen closed), then presses
    /// again at once; a q that changes nothing is pressed again after a second.
    /// A screen deeper than the course map so costs a frame, not a second, and the
    /// hang guard stays six presses of at most a second each.
    public func quit() -> Int32? {
        for _ in 0..<6 {
            let before = screen()
            keys("q")
            let end = Date().addingTimeInterval(1)
            var previous: String?
            repeat {
                if let status = recordedExitStatus() { return status }
                let now = screen()
                // Settled (the same twice, 20 ms apart) and still running: the
                // program left a screen, not itself (on exit the status is
                // written right after the screen is given back).
                if now != before, now == previous {
                    if let status = recordedExitStatus() { return status }
                    break
                }
                previous = now
                usleep(20_000)
            } while Date() < end
        }
        return recordedExitStatus()
    }

    /// The exit status the pane recorded, if the program has exited.
    private func recordedExitStatus() -> Int32? {
        guard let text = try? String(contentsOfFile: rcPath, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// What the program wrote to standard error.
    public var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Whether the terminal was left in its normal modes: canonical input, echo, signals, CR to NL.
    public func terminalRestored(timeout: Double = 5) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        var text = ""
        repeat {
            text = (try? String(contentsOfFile: sttyPath, encoding: .utf8)) ?? ""
            if text.contains("speed") || text.contains("rows") { break }
            usleep(20_000)
        } while Date() < end
        let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.contains("icanon") && words.contains("echo") && words.contains("isig") && words.contains("icrnl")
    }
}

/// A wait on a screen that ran out, with the last screen for the message.
public struct ScreenTimeout: Error, CustomStringConvertible {
    public var waitingFor: String
    public var screen: String
    public var description: String {
        "gave up after \(Int(TmuxSession.screenTimeout)) s waiting for \(waitingFor); the screen was:\n\(screen)"
    }
}

/// Words for `sh`.
public enum Shell {
    /// Single-quotes a word for the shell.
    public static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
