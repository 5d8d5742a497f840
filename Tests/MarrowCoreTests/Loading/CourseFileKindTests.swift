import Foundation
import Testing
@testable import MarrowCore

/// Course files that are not regular files, or not readable, or far too large
/// (findings 5 and 6 of issue 12). Only cases that cannot hang or exhaust memory
/// without the fix run in process; FIFOs and `/dev/zero` run through the binary
/// under a time limit (`CourseFileHangTests` in MarrowProcessTests).
@Suite struct CourseFileKindTests {
    static let course = "id: c\ntitle: C\nsummary: s\ndisclaimer: d\nversion: \"1\"\nlast-reviewed: 2026-11-26\n"
    static let lesson = LoadingFixtures.frontMatter + "Body.\n\n## Quiz\n\n### Q {#q}\n\n- [x] a\n- [ ] b\n\n> Why.\n"

    func make() throws -> String {
        try TemporaryCourse.make(files: ["course.yaml": Self.course, "01-good.md": Self.lesson])
    }

    /// Each kind of entry named like a lesson that cannot be read: the message it gets.
    static let unreadableLessons: [(name: String, reason: String, make: @Sendable (String) -> Void)] = [
        ("folder", "it is a folder, not a file", { mkdir($0, 0o755) }),
        ("dangling link", "it is a symbolic link to a missing file", { symlink("/nonexistent/marrow-lesson.md", $0) }),
        ("link loop", "it is a symbolic link that loops", { symlink($0, $0) }),
        ("link to a folder", "it is a folder, not a file", { symlink("/tmp", $0) }),
    ]

    /// A lesson-named entry that cannot be read is a broken lesson with an error, not
    /// dropped (before: left out of the listing, and validate said 0 errors).
    @Test(arguments: unreadableLessons.indices)
    func anUnreadableLessonIsReported(_ index: Int) throws {
        let kind = Self.unreadableLessons[index]
        let directory = try make()
        defer { TemporaryCourse.remove(directory) }
        kind.make(directory + "/03-x.md")
        let course = CourseLoader.load(directory: directory)
        #expect(course.lessons.map(\.id) == ["test"], "\(kind.name)")
        #expect(course.brokenLessons.map(\.fileName) == ["03-x.md"], "\(kind.name)")
        #expect(LoadingFixtures.lines(course.diagnostics) == ["\(directory)/03-x.md:1:1: error: cannot read the lesson: \(kind.reason)"], "\(kind.name)")
        let report = ValidationReport.make(course: course)
        #expect(report.errorCount == 1 && report.totals.lessons == 2, "\(kind.name)")
    }

    /// A glossary.yaml that is a link to nowhere is reported; a missing one is fine.
    @Test func aDanglingGlossaryIsReported() throws {
        let directory = try make()
        defer { TemporaryCourse.remove(directory) }
        #expect(CourseLoader.load(directory: directory).diagnostics == [])
        symlink("/nonexistent/glossary.yaml", directory + "/glossary.yaml")
        #expect(LoadingFixtures.lines(CourseLoader.load(directory: directory).diagnostics)
                == ["\(directory)/glossary.yaml:1:1: error: cannot read the file: it is a symbolic link to a missing file"])
    }

    /// A file over the size cap is refused with a clear reason, without reading it
    /// (a sparse file: it costs no disk).
    @Test(arguments: ["course.yaml", "glossary.yaml", "02-huge.md"])
    func aFileOverTheCapIsRefused(_ name: String) throws {
        let directory = try make()
        defer { TemporaryCourse.remove(directory) }
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        ftruncate(fd, off_t(CourseFiles.sizeLimit + 1))
        close(fd)
        let course = CourseLoader.load(directory: directory)
        let what = name.hasSuffix(".md") ? "lesson" : "file"
        #expect(LoadingFixtures.lines(course.diagnostics) == ["\(path):1:1: error: cannot read the \(what): it is larger than 32 MB, the most a course file may be"])
    }

    /// `README.md` stays the course's own documentation; any other Markdown file not
    /// named like a lesson gets the "not read as a lesson" warning, as `2-stem.MD` does.
    @Test func aMarkdownFileOutsideThePatternIsWarnedAbout() throws {
        let directory = try make()
        defer { TemporaryCourse.remove(directory) }
        for name in ["README.md", "leukemia.md", "2-stem.MD"] {
            try Data(Self.lesson.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        let course = CourseLoader.load(directory: directory)
        let warned = course.diagnostics.filter { $0.severity == .warning && $0.message.contains("is not read as a lesson") }.map(\.path)
        #expect(warned.sorted() == [directory + "/2-stem.MD", directory + "/leukemia.md"])
        #expect(course.diagnostics.count == 2)
    }
}
