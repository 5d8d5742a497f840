import Foundation
import Testing

/// Standard output that cannot be written (issue 12, finding 8): a full disk
/// (`> /dev/full`) makes every command that prints a result fail with one line
/// and exit 1, never exit 0 with the result cut short; a reader that went away
/// (`| head -1`) ends the command quietly, as Unix tools end.
@Suite(.timeLimit(.minutes(15))) struct OutputFailureTests {
    /// A command that prints a result: its arguments after `marrow`.
    struct Command: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var testDescription: String { arguments.first.map { $0.hasPrefix("-") ? $0 : arguments.prefix(3).joined(separator: " ") } ?? "" }
    }

    static let commands: [Command] = [
        Command(arguments: ["progress"]),
        Command(arguments: ["progress", "--format", "markdown"]),
        Command(arguments: ["progress", "--format", "csv"]),
        Command(arguments: ["progress", "--format", "json"]),
        Command(arguments: ["read", "1"]),
        Command(arguments: ["validate"]),
        Command(arguments: ["validate", "--json"]),
        Command(arguments: ["reset", "--yes"]),
        // The plain quiz stops at its first failed write, before reading an answer.
        Command(arguments: ["quiz", "1", "--plain"]),
        Command(arguments: ["--help"]),
        Command(arguments: ["progress", "--help"]),
        Command(arguments: ["--version"]),
    ]

    /// A progress folder with a few answers, so every report has rows.
    final class Folder {
        let path: String
        var state: String { path + "/progress.json" }
        init() throws {
            path = try Marrow.temporaryDirectory()
            try #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true}}}"#.write(toFile: state, atomically: true, encoding: .utf8)
            let lines = [
                Fault.answer("e2e-q1", correct: true),
                Fault.answer("e2e-q2", chosen: [1], correct: false),
            ]
            try (lines.joined(separator: "\n") + "\n").write(toFile: path + "/progress.history.jsonl", atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }

        func argv(_ command: Command) -> [String] {
            let options = command.arguments.first?.hasPrefix("-") == true ? [] : ["--lessons", Fault.course, "--progress", state]
            return [Marrow.executable] + command.arguments + options
        }
    }

    @Test(arguments: commands)
    func aFullDiskIsOneLineAndExitOne(command: Command) throws {
        let folder = try Folder()
        let words = folder.argv(command).map(Fault.quoted).joined(separator: " ")
        // Standard output on /dev/full, standard error to the child's output.
        let r = try Child.run(["/bin/sh", "-c", "\(words) > /dev/full"], folder: folder.path)
        #expect(r.status == 1, "\(command.testDescription): status \(r.status), \(r.output)")
        #expect(r.output == "marrow: could not write the output: No space left on device\n", "\(command.testDescription): \(r.output)")
    }

    /// A real full disk (a 64 KiB tmpfs): the CSV of 1,500 answers (about 200 KiB)
    /// fills it part-way; the command says so and exits 1, as on /dev/full.
    @Test(.enabled(if: Fault.canMountTmpfs, "needs root to mount a tmpfs"))
    func aReportCutShortByAFullDiskIsOneLineAndExitOne() throws {
        let folder = try Folder()
        let lines = (0..<1500).map { i in
            Fault.answer(i % 2 == 0 ? "e2e-q1" : "e2e-q2", correct: i % 3 == 0, attempt: "A\(i / 2)", time: "2026-11-20T10:00:00Z")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.path + "/progress.history.jsonl", atomically: true, encoding: .utf8)
        let disk = try Fault.mountSmallTmpfs()
        defer { Fault.unmount(disk) }
        let words = folder.argv(Command(arguments: ["progress", "--format", "csv"])).map(Fault.quoted).joined(separator: " ")
        let r = try Child.run(["/bin/sh", "-c", "\(words) > \(Fault.quoted(disk + "/report.csv"))"], folder: folder.path)
        #expect(r.status == 1, "status \(r.status), \(r.output)")
        #expect(r.output == "marrow: could not write the output: No space left on device\n", "\(r.output)")
        let written = FileManager.default.contents(atPath: disk + "/report.csv")?.count ?? 0
        #expect(written > 0 && written <= 64 * 1024, "\(written) bytes written")
    }

    /// The reader of the output is gone before the command writes: with SIGPIPE
    /// as it usually is, and ignored (as some parents leave it), the command ends
    /// by SIGPIPE (141) without a word. The pipe's reader closes its end before the
    /// command starts (a FIFO passes the word), so the write always meets EPIPE.
    @Test(arguments: [false, true])
    func aReaderThatWentAwayEndsQuietly(ignoringSIGPIPE: Bool) throws {
        let folder = try Folder()
        let words = folder.argv(Command(arguments: ["progress", "--format", "csv"])).map(Fault.quoted).joined(separator: " ")
        let go = Fault.quoted(folder.path + "/go")
        let script = """
            \(ignoringSIGPIPE ? "trap '' PIPE;" : "") mkfifo \(go)
            { read x < \(go); \(words); echo "rc=$?" >&2; } | { exec 0<&-; echo go > \(go); }
            wait
            """
        let r = try Child.run(["/bin/sh", "-c", script], folder: folder.path)
        #expect(r.output == "rc=141\n", "\(r.output)")
    }
}
