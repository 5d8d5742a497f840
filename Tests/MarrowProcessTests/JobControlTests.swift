import Foundation
import Testing
import MarrowTestSupport

/// What only a real terminal shows about keys and job control: marrow run by an
/// interactive shell in tmux, keys typed ahead into the pty, Ctrl-Z and `fg`.
@Suite(
    .serialized,
    .timeLimit(.minutes(15)),
    .enabled(if: TmuxSession.executable != nil, "tmux is not installed: these tests drive marrow in tmux")
)
struct JobControlTests {
    /// A shell in an 80×24 pane, with job control, and the marrow command line to type in it.
    struct Shell {
        let folder: String
        let tmux: TmuxSession
        var progress: String { folder + "/progress.json" }
        var command: String {
            "MARROW_PROGRESS=\(Fault.quoted(progress)) \(Fault.quoted(Marrow.executable)) --lessons \(Fault.quoted(Marrow.fixture("course")))"
        }

        init() throws {
            folder = try Marrow.temporaryDirectory()
            tmux = try TmuxSession(shellCommand: "env PS1='shell$ ' LANG=C.UTF-8 TERM=xterm-256color NO_COLOR= bash --norc --noprofile -i")
            try tmux.screen(showing: "shell$")
        }

        /// Types the marrow command and answers the disclaimer: the course map shows.
        func startMarrow() throws {
            tmux.keys(command, "Enter")
            try tmux.throughFirstRun()
        }

        /// From the shell to question 1 of the first quiz, answered right (choice 2, then Enter).
        func answerTheFirstQuestion() throws {
            try startMarrow()
            tmux.keys("t")
            try tmux.screen(showing: "Question 1 of 2")
            tmux.keys("2", "Enter")
            try tmux.screen(showing: "✓ Correct")
        }

        func answers() throws -> [String] {
            let text = (try? String(contentsOfFile: folder + "/progress.history.jsonl", encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map(String.init)
        }

        func close() {
            tmux.close()
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Ctrl-Z stops marrow as it stops any program: the shell's prompt comes
    /// back with the terminal as the shell needs it (line editing and echo on),
    /// and `fg` brings back the same screen, drawn in full, taking keys again.
    ///
    /// Then, on that feedback, Enter, 1 and Enter typed in one burst (as a tremor
    /// or a fast hand does): Enter shows question 2, and the keys already in the
    /// pty when it was drawn are thrown away, so question 2 waits unanswered.
    /// (One session for both: each starts from the same feedback screen, and the
    /// burst after `fg` also shows the terminal taken back in full.)
    @Test func ctrlZSuspendsFgComesBackAndKeysTypedAheadDoNotAnswer() throws {
        let shell = try Shell()
        defer { shell.close() }
        try shell.answerTheFirstQuestion()

        shell.tmux.keys("C-z")
        let stopped = try shell.tmux.screen("the shell's prompt after Stopped") { screen in
            screen.contains("Stopped") && Self.lastLine(of: screen).hasPrefix("shell$")
        }
        #expect(!stopped.contains("✓ Correct"), "\(stopped)")
        // The marker is computed by the shell, so the typed command line does not show it.
        shell.tmux.keys("stty -a | grep -q ' icanon' && stty -a | grep -q ' echo ' && echo COOKED-$((40 + 2))", "Enter")
        try shell.tmux.screen(showing: "COOKED-42")
        #expect(try shell.answers().count == 1)

        shell.tmux.keys("fg", "Enter")
        let back = try shell.tmux.screen(showing: "✓ Correct")
        #expect(back.contains("Question 1 of 2") && back.contains("✓ 2. Bone marrow (your answer)"), "\(back)")
        #expect(!back.contains("COOKED-42"), "\(back)")

        shell.tmux.keys("Enter", "1", "Enter")
        let next = try shell.tmux.screen(showing: "Question 2 of 2")
        #expect(next.contains("True or false? Press t or f, then Enter."), "\(next)")
        #expect(!next.contains("▸"), "\(next)")
        #expect(try shell.answers().count == 1)
        // Typed after the question was drawn, the same keys answer it.
        shell.tmux.keys("1", "Enter")
        try shell.tmux.screen(showing: "✓ Correct")
        #expect(try shell.answers().count == 2)
        shell.tmux.keys("q", "q")
        try shell.tmux.screen("the shell's prompt") { Self.lastLine(of: $0).hasPrefix("shell$") && !$0.contains("Question") }
        shell.tmux.keys("echo EXIT=$?", "Enter")
        let done = try shell.tmux.screen("the exit status") { $0.split(separator: "\n").contains { $0.hasPrefix("EXIT=") } }
        #expect(done.split(separator: "\n").contains("EXIT=0"), "\(done)")
        #expect(Self.lastLine(of: done).hasPrefix("shell$"), "\(done)")
    }

    /// The last line of a screen with anything on it.
    static func lastLine(of screen: String) -> String {
        screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map(String.init) ?? ""
    }
}
