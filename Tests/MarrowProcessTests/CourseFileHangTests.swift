import Foundation
import MarrowTestSupport
import Testing

/// A FIFO in the place of `course.yaml`, `glossary.yaml` or a lesson, and
/// `course.yaml` linked to `/dev/zero` (finding 5 of issue 12: every command hung
/// on the FIFO, and `/dev/zero` was read until memory ran out). Every command must
/// end at once with the problem named; each run is under a time limit, so without
/// the fix these fail instead of hanging.
@Suite(.timeLimit(.minutes(15))) struct CourseFileHangTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var file: String
        var reason: String
        var make: @Sendable (String) -> Void
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "course.yaml is a FIFO", file: "course.yaml", reason: "cannot read the file: it is a FIFO (named pipe), not a file") { mkfifo($0, 0o644) },
        Case(name: "glossary.yaml is a FIFO", file: "glossary.yaml", reason: "cannot read the file: it is a FIFO (named pipe), not a file") { mkfifo($0, 0o644) },
        Case(name: "a lesson is a FIFO", file: "02-short-lesson.md", reason: "cannot read the lesson: it is a FIFO (named pipe), not a file") { mkfifo($0, 0o644) },
        Case(name: "course.yaml is /dev/zero", file: "course.yaml", reason: "cannot read the file: it is a device, not a file") { symlink("/dev/zero", $0) },
    ]

    /// A copy of the fixture course with `kinds` in place of their files.
    static func course(_ kinds: [Case]) throws -> (course: String, progress: String) {
        let folder = try Marrow.temporaryDirectory()
        Fault.shell("cp -R \(Fault.quoted(Fault.course)) \(Fault.quoted(folder))/course")
        for kind in kinds {
            let path = folder + "/course/" + kind.file
            unlink(path)
            kind.make(path)
        }
        return (folder + "/course", folder + "/progress.json")
    }

    @Test(arguments: cases)
    func everyCommandEndsAndNamesTheProblem(_ kind: Case) throws {
        let (course, progress) = try Self.course([kind])
        let folder = folderOf(progress)
        let line = "\(course)/\(kind.file):1:1: error: \(kind.reason)"
        let validate = try Child.run([Marrow.executable, "validate", "--lessons", course], folder: folder, timeout: 30)
        #expect(validate.status == 1, "\(kind.name): \(validate.output)")
        #expect(validate.output.split(separator: "\n").contains { $0 == line }, "\(kind.name): \(validate.output)")
        for command in [["read", "1"], ["progress"], ["quiz", "long-lesson", "--plain"]] {
            let r = try Child.run([Marrow.executable] + command + ["--lessons", course, "--progress", progress], folder: folder, timeout: 30)
            #expect(r.status < 128, "\(kind.name) \(command): \(r.status) \(r.output)")
        }
    }

    /// The app runs: a course with a FIFO for each of its files (read to open the app,
    /// in the full load after it, and for a lesson), and one with `course.yaml` linked
    /// to /dev/zero (a device: another way to hang or run out of memory). The FIFOs
    /// share one run: each is met on the way to the course map, where the lesson shows
    /// as one that cannot open; which file hangs, if one does, the commands above name.
    static let appRuns: [[Case]] = [Array(cases.prefix(3)), [cases[3]]]

    /// The app opens on such a course and q leaves it at once, terminal restored.
    @Test(arguments: appRuns.map { $0.map(\.name).joined(separator: ", ") })
    func theAppOpensAndQuits(_ name: String) throws {
        let kinds = try #require(Self.appRuns.first { $0.map(\.name).joined(separator: ", ") == name })
        let (course, progress) = try Self.course(kinds)
        let lesson = kinds.first { $0.file.hasSuffix(".md") }?.file
        let tmux = try TmuxSession(program: [Marrow.executable, "--lessons", course, "--progress", progress])
        defer {
            if tmux.exitStatus(timeout: 0) == nil, let pid = tmux.programPID(timeout: 1) { kill(pid, SIGKILL) }
            tmux.close()
        }
        #expect(tmux.waitFor(timeout: 20) { $0.contains("Course map") || $0.contains("not medical advice") || $0.contains("disclaimer") }, "\(name): \(tmux.screen())")
        if let lesson {
            // The lesson is not dropped: the course map lists it as one that cannot open.
            if tmux.screen().contains("Enter: continue") {
                // The disclaimer, then "Start here".
                tmux.keys("Enter")
                #expect(tmux.waitFor("Start here"), "\(name): \(tmux.screen())")
                tmux.keys("Enter")
            }
            #expect(tmux.waitFor("\(lesson): cannot open"), "\(name): \(tmux.screen())")
        }
        let status = tmux.quit()
        #expect(status == 0, "\(name): \(String(describing: status)) \(tmux.stderr)")
        #expect(tmux.terminalRestored(), "\(name)")
    }
}

/// The folder part of a path.
private func folderOf(_ path: String) -> String {
    (path as NSString).deletingLastPathComponent
}
