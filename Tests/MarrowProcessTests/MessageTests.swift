import Foundation
import MarrowTestSupport
import Testing

/// The words of messages (finding 11 of issue 12): a locale that is not installed,
/// paths holding control characters, a course with no lessons.
@Suite(.timeLimit(.minutes(15))) struct MessageTests {
    /// A locale no system has: the same path as en_US.UTF-8 in a container that lacks it.
    static let absentLocale = "xx_XX.UTF-8"

    @Test func aLocaleThatIsNotInstalledIsSaidSo() throws {
        let folder = try Marrow.temporaryDirectory()
        let tmux = try TmuxSession(program: ["/usr/bin/env", "LC_ALL=", "LC_CTYPE=", "LANG=\(Self.absentLocale)",
                                    Marrow.executable, "--lessons", Fault.course, "--progress", folder + "/progress.json"])
        defer { tmux.close() }
        // The first run shows the disclaimer over the course map and its notices.
        #expect(tmux.waitFor("Disclaimer"), "\(tmux.screen())")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Start here"), "\(tmux.screen())")
        tmux.keys("Enter")
        #expect(tmux.waitFor("is not installed"), "\(tmux.screen())")
        let screen = tmux.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(screen.contains("The locale \(Self.absentLocale) (from LANG) is not installed; Marrow uses C.UTF-8 instead."), "\(screen)")
        #expect(!screen.contains("is not UTF-8"), "\(screen)")
        #expect(tmux.quit() != nil)
    }

    /// A newline and an escape in the `--progress` path: every message stays one
    /// line, with both shown as `<U+…>`, and nothing reaches the terminal raw.
    @Test func controlCharactersInAPathAreShownNotPrinted() throws {
        let folder = try Marrow.temporaryDirectory()
        Fault.write(Array("a file, not a folder".utf8), to: folder + "/file")
        let hostile = folder + "/file/\n\u{1B}[31mred/progress.json"
        for command in [["reset", "--yes"], ["quiz", "long-lesson", "--plain"], ["progress"]] {
            let r = try Marrow.run(command + ["--lessons", Fault.course, "--progress", hostile], stdin: "1\n")
            #expect(!r.stderr.contains("\u{1B}"), "\(command): \(r.stderr.debugDescription)")
            #expect(r.errorLines.count <= 1, "\(command): \(r.stderr.debugDescription)")
            if command == ["reset", "--yes"] {
                #expect(r.status == 1, "\(r.stderr)")
                #expect(r.stderr.contains("/file/<U+000A><U+001B>[31mred"), "\(r.stderr.debugDescription)")
            }
        }
    }

    /// An empty course fails validate with "no lessons"; `read 1` says the course has none.
    @Test func anEmptyCourseIsAnError() throws {
        let folder = try Marrow.temporaryDirectory()
        let course = folder + "/course"
        mkdir(course, 0o755)
        Fault.write(Fault.bytes(Fault.course + "/course.yaml")!, to: course + "/course.yaml")
        let validate = try Marrow.run(["validate", "--lessons", course])
        #expect(validate.status == 1)
        #expect(validate.stdout == "\(course):1:1: error: no lessons: a course needs at least one lesson file named NN-slug.md (such as 01-welcome.md)\n0 lessons, 0 questions: 1 error, 0 warnings\n", "\(validate.stdout)")
        let read = try Marrow.run(["read", "1", "--lessons", course])
        #expect(read.status == 1)
        #expect(read.stderr == "marrow: no lesson '1' in this course (it has no lessons: run 'marrow validate')\n", "\(read.stderr)")
        let reset = try Marrow.run(["reset", "--lesson", "x", "--yes", "--lessons", course, "--progress", folder + "/p.json"])
        #expect(reset.stderr == "marrow: no lesson 'x' in this course (it has no lessons: run 'marrow validate')\n", "\(reset.stderr)")
    }
}
