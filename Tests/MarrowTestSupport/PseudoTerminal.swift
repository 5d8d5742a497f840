import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The suites' one pseudo-terminal driver: a program on a pseudo-terminal of a
/// given size, keys typed into it, and every byte it writes to the terminal kept
/// (what a real terminal would have received, escape sequences and all).
///
/// The pseudo-terminal is not the program's controlling terminal, so closing our
/// end gives it end of input (and no SIGHUP). Every read polls with a deadline;
/// the program is killed at the end of the session's life if it still runs.
public final class PseudoTerminal {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `openpty(3)`, looked up at run time: `<pty.h>` is not part of the Glibc module.
    private typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
    private static let openpty: OpenPTY? = {
        let handle = dlopen(nil, RTLD_NOW)
        let symbol = dlsym(handle, "openpty") ?? dlopen("libutil.so.1", RTLD_NOW).flatMap { dlsym($0, "openpty") }
        return symbol.map { unsafeBitCast($0, to: OpenPTY.self) }
    }()

    private var master: Int32
    private let pid: pid_t
    /// The program's exit status once it was reaped (a shell's number: 128 + signal).
    private var status: Int32?
    /// Every byte the program wrote to its terminal so far.
    public private(set) var output: [UInt8] = []
    public var text: String { String(decoding: output, as: UTF8.self) }
    /// The output as text, for messages (escape shown as ␛).
    public var printable: String { text.replacingOccurrences(of: "\u{1B}", with: "␛") }

    /// Starts `argv` (the program's path first) on a new pseudo-terminal of
    /// `columns`×`rows`, in this process's environment with a UTF-8 locale, TERM
    /// xterm-256color (xterm where this system does not know it), no MARROW_LESSONS,
    /// MARROW_PROGRESS or NO_COLOR, then `changes` (nil removes a variable).
    /// `standardError`: a file for the program's standard error (else the terminal).
    public init(_ argv: [String], columns: UInt16 = 80, rows: UInt16 = 24, environment changes: [String: String?] = [:],
                standardError: String? = nil) throws {
        var m: Int32 = -1, s: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard let openpty = Self.openpty, openpty(&m, &s, nil, nil, &size) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal (errno \(errno))")
        }
        // Other tests start processes too: they must not inherit either end.
        _ = fcntl(m, F_SETFD, FD_CLOEXEC)
        _ = fcntl(s, F_SETFD, FD_CLOEXEC)
        master = m

        var environment = ProcessInfo.processInfo.environment
        for name in ["MARROW_LESSONS", "MARROW_PROGRESS", "NO_COLOR"] { environment[name] = nil }
        let known = ["/lib/terminfo", "/usr/share/terminfo", "/etc/terminfo"].contains {
            FileManager.default.fileExists(atPath: $0 + "/x/xterm-256color")
        }
        environment["TERM"] = known ? "xterm-256color" : "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        for (key, value) in changes { environment[key] = value }

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 { posix_spawn_file_actions_adddup2(&actions, s, fd) }
        if let standardError {
            posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        // The test runs on a thread that blocks most signals; the program must not inherit that.
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgs = argv.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArgs.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, argv[0], &actions, &attributes, cArgs, envp)
        // The child has its own copies; keeping ours would hide the end of output.
        close(s)
        guard spawned == 0 else {
            close(m)
            throw Failure(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        pid = child
    }

    deinit {
        if reap(block: false) == nil {
            kill(pid, SIGKILL)
            _ = reap(block: true)
        }
        if master >= 0 { close(master) }
    }

    /// Whether the program still runs.
    public var isRunning: Bool { reap(block: false) == nil }

    /// Sends `signal` to the program.
    public func signal(_ signal: Int32) { kill(pid, signal) }

    /// Whether the terminal is in its normal modes (canonical input, echo,
    /// signals, CR to NL), as a shell needs it: after the program, whether it
    /// gave the terminal back. A pseudo-terminal's modes are shared by its two
    /// ends, so our end reads them even after the program has gone.
    public var terminalRestored: Bool {
        var modes = termios()
        guard master >= 0, tcgetattr(master, &modes) == 0 else { return false }
        return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
            && modes.c_lflag & tcflag_t(ISIG) != 0 && modes.c_iflag & tcflag_t(ICRNL) != 0
    }

    /// The program's status if it has exited (waiting for it if `block`).
    private func reap(block: Bool) -> Int32? {
        if let status { return status }
        var raw: Int32 = 0
        while true {
            let r = waitpid(pid, &raw, block ? 0 : WNOHANG)
            if r == pid {
                status = ProcessRunner.exitCode(raw)
                return status
            }
            if r == -1, errno == EINTR { continue }
            return nil
        }
    }

    /// Reads what the program writes until it has been quiet for `quiet` (or `limit` passed).
    @discardableResult
    public func drain(quiet: Duration = .milliseconds(150), limit: Duration = .seconds(10)) -> [UInt8] {
        guard master >= 0 else { return [] }
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var fresh: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while clock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(quiet))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            // EIO: the program closed its end (it exited).
            guard n > 0 else { break }
            fresh += buffer[0..<n]
        }
        output += fresh
        return fresh
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Writes `text` (bytes as a terminal sends them for keys) and reads nothing.
    public func send(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count, master >= 0 {
            let n = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            written += n
        }
    }

    /// Types `text`, then reads the program's answer: waits up to `firstByte` for it
    /// to start writing (a key that changes nothing on screen gets no answer), then
    /// until it has been quiet for `quiet`.
    @discardableResult
    public func type(_ text: String, firstByte: Duration = .seconds(5), quiet: Duration = .milliseconds(120)) -> [UInt8] {
        send(text)
        let start = output.count
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat { ready = poll(&descriptor, 1, Self.milliseconds(firstByte)) } while ready < 0 && errno == EINTR
        guard ready > 0 else { return [] }
        drain(quiet: quiet)
        return Array(output[start...])
    }

    /// Types each key on its own, reading the program's answer to each.
    public func press(_ keys: [String], firstByte: Duration = .seconds(5)) {
        for key in keys { type(key, firstByte: firstByte) }
    }

    /// Reads until the output written since byte `start` holds `text` (true), or
    /// until `limit` passes or the program exits (false).
    public func wait(for text: String, since start: Int = 0, limit: Duration = .seconds(15)) -> Bool {
        let needle = Array(text.utf8)
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            if output.count > start, output[start...].firstRange(of: needle) != nil { return true }
            guard clock.now < deadline, isRunning else {
                drain(quiet: .milliseconds(20), limit: .milliseconds(200))
                return output.count > start && output[start...].firstRange(of: needle) != nil
            }
            drain(quiet: .milliseconds(50), limit: .milliseconds(500))
        }
    }

    /// Waits for the program to exit (after it was told to quit), reading the rest of
    /// its output; ends it if it does not exit within `limit`. Returns its exit status.
    @discardableResult
    public func finish(limit: Duration = .seconds(10)) -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while isRunning, clock.now < deadline {
            drain(quiet: .milliseconds(50), limit: .milliseconds(500))
        }
        if isRunning { kill(pid, SIGTERM) }
        let status = reap(block: true) ?? -1
        drain(quiet: .milliseconds(20), limit: .milliseconds(200))
        return status
    }

    /// Closes our end (the terminal goes away under the program) and waits for the
    /// program; its status, or nil if it did not end within `timeout` seconds (it is
    /// then killed).
    public func closeAndWait(timeout: Double) -> Int32? {
        if master >= 0 { close(master) }
        master = -1
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if let status = reap(block: false) { return status }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = reap(block: true)
        return nil
    }
}

/// Keys as an xterm sends them to a program that asked for them (curses'
/// `keypad`, which sends `smkx`): the cursor keys, Home and End in application
/// mode (`kcuu1=\EOA` …), as xterm-256color's terminfo names them. (In normal
/// mode, ESC [ A …, curses would read Escape, then [ and A.)
public enum TerminalKeys {
    public static let enter = "\r"
    public static let escape = "\u{1B}"
    public static let down = "\u{1B}OB"
    public static let up = "\u{1B}OA"
    public static let pageDown = "\u{1B}[6~"
    public static let end = "\u{1B}OF"
    public static let home = "\u{1B}OH"
}
