import ArgumentParser
import MarrowCore
import MarrowTUI
#if canImport(Glibc)
import Glibc
#endif

/// `marrow read LESSON`: one lesson as plain text, for screen readers, pipes and printing.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print one lesson as plain text.",
        discussion: "Headings, wrapped paragraphs, indented lists and the quiz questions (without answers). Never prints a control character."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The lesson: its id, its number in the course (1, 2 …) or its file name.", valueName: "lesson"))
    var lesson: String

    @Option(help: ArgumentHelp("Wrap to this many columns (default: the terminal's width, or 80).", valueName: "n"))
    var width: Int?

    func validate() throws {
        if let width, width < 20 || width > 1000 {
            throw ValidationError("--width must be between 20 and 1000")
        }
    }

    func run() throws {
        let course = CourseLoader.load(directory: try global.lessonsDirectory())
        let found = try LessonLookup.find(lesson, in: course)
        let columns = width ?? Self.terminalWidth() ?? 80
        try StandardOutput.write(PlainText.render(lesson: found, width: columns))
    }

    /// The width of the terminal on standard output, when it is one.
    static func terminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 else { return nil }
        return min(Int(size.ws_col), 100)
    }
}

/// Finds a lesson named on the command line.
enum LessonLookup {
    static func find(_ name: String, in course: Course) throws -> Lesson {
        if let lesson = course.lesson(id: name) { return lesson }
        if let number = Int(name), number >= 1 {
            // A number counts lesson files, broken ones included, as the course map does.
            if let lesson = course.lessons.first(where: { lessonNumber($0.fileName) == number }) { return lesson }
        }
        if let lesson = course.lessons.first(where: { $0.fileName == name || $0.fileName == name + ".md" }) { return lesson }
        if let broken = course.brokenLessons.first(where: { $0.fileName == name || $0.fileName == name + ".md" || lessonNumber($0.fileName) == Int(name) }) {
            throw CLIError("lesson '\(name)' cannot be opened: \(broken.error)")
        }
        throw CLIError("no lesson '\(name)' in this course (\(LessonLookup.known(course)))")
    }

    /// The lessons a course has, for a message: "lessons: a, b", or that it has none.
    static func known(_ course: Course) -> String {
        course.lessons.isEmpty ? "it has no lessons: run 'marrow validate'" : "lessons: " + course.lessons.map(\.id).joined(separator: ", ")
    }

    /// The number a lesson file starts with (`03-foo.md` → 3).
    static func lessonNumber(_ fileName: String) -> Int? {
        Int(fileName.prefix { $0.isASCII && $0.isNumber })
    }
}
