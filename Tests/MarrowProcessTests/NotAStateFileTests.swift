import Foundation
import Testing

/// Finding 1, through the binary: `--progress` aimed at something that is not a
/// Marrow state file (the issue's list: the data folder itself, the answer log,
/// a course file, a text file, a character device, a FIFO, a socket) is refused
/// by every command that reads progress, with one line and exit 1, and nothing
/// in its folder changes: nothing is moved aside, replaced or created.
@Suite(.timeLimit(.minutes(15))) struct NotAStateFileTests {
    struct Object: Sendable, CustomTestStringConvertible {
        var name: String
        /// Makes it in `folder` (which holds a valid log and state) and returns the path to pass.
        var make: @Sendable (String) -> String
        var testDescription: String { name }
    }

    static let objects: [Object] = [
        Object(name: "the data folder") { folder in folder },
        Object(name: "the answer log") { folder in folder + "/progress.history.jsonl" },
        Object(name: "a course file") { folder in
            Fault.shell("cp \(Fault.quoted(Fault.course))/course.yaml \(Fault.quoted(folder))/course.yaml")
            return folder + "/course.yaml"
        },
        Object(name: "a text file") { folder in
            Fault.write(Array("Ask the team about fevers.\n".utf8), to: folder + "/notes.txt")
            return folder + "/notes.txt"
        },
        Object(name: "a character device") { folder in
            // A node like /dev/null (1, 3) made here: without the fix it would be renamed, and /dev/null must not be.
            // (Making a device node needs root; otherwise a link to /dev/null stands in.)
            if mknod(folder + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) != 0 { symlink("/dev/null", folder + "/null") }
            return folder + "/null"
        },
        Object(name: "a FIFO") { folder in
            mkfifo(folder + "/pipe", 0o600)
            return folder + "/pipe"
        },
        Object(name: "a socket") { folder in
            Fault.shell("python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \(Fault.quoted(folder + "/sock"))")
            return folder + "/sock"
        },
    ]

    static let commands: [(name: String, arguments: [String], stdin: String?)] = [
        ("progress", ["progress", "--json"], nil),
        ("quiz", ["quiz", "--plain", "long-lesson"], "2\n\nt\n\n"),
        ("reset", ["reset", "--yes"], nil),
    ]

    @Test(arguments: objects)
    func refusedByEveryCommandAndLeftAlone(object: Object) throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fault.write(Array((Fault.answer("e2e-q1", correct: true) + "\n").utf8), to: folder + "/progress.history.jsonl")
        let target = object.make(folder)
        let before = Fault.snapshot(folder)
        for command in Self.commands {
            let r = try Marrow.run(command.arguments + ["--lessons", Fault.course, "--progress", target], stdin: command.stdin,
                                   wrap: { ["/usr/bin/timeout", "-s", "KILL", "30"] + $0 })
            let label = "\(object.name), \(command.name): status \(r.status), stderr \(r.stderr.debugDescription)"
            #expect(r.status == 1, "\(label)")
            #expect(r.errorLines.count == 1 && r.errorLines.first?.hasPrefix("marrow: --progress wants a file such as ") == true, "\(label)")
            #expect(r.stderr.contains("Nothing was changed"), "\(label)")
            let after = Fault.snapshot(folder)
            #expect(after == before, "\(label): \(Fault.changes(before, after))")
        }
    }
}
