import Foundation
import MarrowTestSupport
import MarrowCore
import Testing

/// The terminal app under terminal faults, driven in tmux: a storm of resizes, a
/// 1×1 window, standard input closed mid-session or not a terminal at all. No
/// crash, progress saved, the terminal restored.
@Suite(.timeLimit(.minutes(15))) struct TerminalFaultTests {
    /// A progress folder whose state has seen the disclaimer, so the app opens on the course map.
    final class Folder {
        let path: String
        var state: String { path + "/progress.json" }
        var log: String { path + "/progress.history.jsonl" }

        init() throws {
            path = try Marrow.temporaryDirectory()
            try #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true}}}"#.write(toFile: state, atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }

        var command: [String] { [Marrow.executable, "--lessons", Fault.course, "--progress", state] }

        /// `progress --json` loads the files cleanly; returns the answers counted.
        func loadsCleanly(_ label: String) throws -> Int? {
            let r = try Fault.run(["progress", "--json", "--lessons", Fault.course, "--progress", state])
            #expect(r.status == 0 && r.stderr.isEmpty, "\(label): \(r.stderr)")
            return Fault.totals(r.stdout)?.answered
        }

        /// The lesson of the saved reading place, if any.
        var lastPlaceLesson: String? {
            guard let data = FileManager.default.contents(atPath: state),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let courses = object["courses"] as? [String: Any], let course = courses["e2e"] as? [String: Any],
                  let place = course["lastPlace"] as? [String: Any] else { return nil }
            return place["lessonID"] as? String
        }
    }

    /// The screen without its blank lines at the end (tmux pads them).
    static func trimmed(_ screen: String) -> String {
        var lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: Resizes

    @Test func aStormOfResizesEndsOnACorrectScreen() throws {
        let folder = try Folder()
        let tmux = try TmuxSession(program: folder.command)
        defer { tmux.close() }
        #expect(tmux.waitFor("Course map"))
        let before = Self.trimmed(tmux.quietScreen())

        // 100 resizes in about a second, sizes from 1×1 to 200×60.
        var random = SplitMix64(seed: 7)
        var script = ""
        for i in 0..<100 {
            let columns = i % 10 == 0 ? 1 : Int(1 + random.next() % 200)
            let rows = i % 10 == 0 ? 1 : Int(1 + random.next() % 60)
            script += "tmux -L \(tmux.socket) resize-window -x \(columns) -y \(rows); sleep 0.005; "
        }
        let start = Date()
        Fault.shell(script)
        let stormSeconds = Date().timeIntervalSince(start)
        tmux.resize(columns: 80, rows: 24)

        #expect(tmux.waitFor(timeout: 5) { Self.trimmed($0) == before }, "after \(String(format: "%.2f", stormSeconds)) s of resizes:\n\(tmux.screen())\n--- expected:\n\(before)")
        #expect(tmux.exitStatus(timeout: 0.1) == nil, "the app exited during the storm: \(tmux.stderr)")
        // Still answers keys, then quits cleanly.
        tmux.keys("Enter")
        #expect(tmux.waitFor("Reader"))
        #expect(tmux.quit() == 0, "\(tmux.stderr)")
        #expect(tmux.stderr.isEmpty, "\(tmux.stderr)")
        #expect(tmux.terminalRestored())
        #expect(folder.lastPlaceLesson == "long-lesson")
        _ = try folder.loadsCleanly("resize storm")
    }

    @Test func aOneByOneWindow() throws {
        let folder = try Folder()
        // Started at 1×1.
        let tiny = try TmuxSession(program: folder.command, columns: 1, rows: 1)
        defer { tiny.close() }
        #expect(tiny.programPID() != nil)
        tiny.quietScreen()
        #expect(tiny.exitStatus(timeout: 0.1) == nil, "the app exited at 1×1: \(tiny.stderr)")
        tiny.resize(columns: 80, rows: 24)
        #expect(tiny.waitFor("Course map"), "\(tiny.screen())")
        // Through the reader (the course map then offers to continue), then shrunk to 1×1 and back.
        tiny.keys("Enter")
        #expect(tiny.waitFor("Reader"))
        tiny.keys("q")
        #expect(tiny.waitFor("Continue: A long lesson"))
        let normal = Self.trimmed(tiny.quietScreen())
        tiny.resize(columns: 1, rows: 1)
        tiny.quietScreen()
        #expect(tiny.exitStatus(timeout: 0.1) == nil, "the app exited when shrunk to 1×1: \(tiny.stderr)")
        tiny.resize(columns: 80, rows: 24)
        #expect(tiny.waitFor(timeout: 5) { Self.trimmed($0) == normal }, "\(tiny.screen())")
        // q quits from the too-small screen too.
        tiny.resize(columns: 1, rows: 1)
        tiny.quietScreen()
        tiny.keys("q")
        #expect(tiny.exitStatus(timeout: 5) == 0, "\(tiny.stderr)")
        #expect(tiny.stderr.isEmpty, "\(tiny.stderr)")
        #expect(tiny.terminalRestored())
        _ = try folder.loadsCleanly("1×1")
    }

    // MARK: Signals
    // A signal in every screen: `StopSignalScreenTests` (in-process, what each
    // screen saves) and `SignalScreenTests` (every stop signal through the binary).

    // MARK: Standard input closed

    /// The terminal goes away under the app (a closed terminal window, a dropped
    /// ssh link): the pseudo-terminal's other end is closed, so reading gives an
    /// error or end of input. The app saves and exits.
    @Test func inputClosedMidSessionSavesAndExits() throws {
        let folder = try Folder()
        let pty = try PseudoTerminal(folder.command, environment: ["TERM": "xterm"])
        #expect(pty.wait(for: "Course map"), "\(pty.printable.suffix(500))")
        pty.send("\r")
        #expect(pty.wait(for: "Reader"), "\(pty.printable.suffix(500))")
        // Everything the reader draws, read: it has settled on its page.
        pty.drain(quiet: .milliseconds(200))
        let status = pty.closeAndWait(timeout: 10)
        #expect(status == 0, "status \(String(describing: status))")
        #expect(folder.lastPlaceLesson == "long-lesson")
        _ = try folder.loadsCleanly("input closed")
    }

    /// Standard input not a terminal from the start (`marrow < /dev/null` in a
    /// terminal): one clear line, exit 1, the terminal untouched.
    @Test func inputNotATerminalIsOneClearLine() throws {
        let folder = try Folder()
        let before = Fault.snapshot(folder.path)
        let tmux = try TmuxSession(program: folder.command, stdinFrom: "/dev/null")
        defer { tmux.close() }
        #expect(tmux.exitStatus(timeout: 10) == 1)
        #expect(tmux.stderr == "marrow: needs an interactive terminal (stdin and stdout must be a terminal and TERM must be set). Try 'marrow read LESSON' or 'marrow progress'.\n", "\(tmux.stderr)")
        #expect(tmux.terminalRestored())
        #expect(Fault.snapshot(folder.path) == before)
    }
}
