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

    @Argument(help: ArgumentHelp("The lesson: its number in the course (1, 2 …), its id, its file name, or a unique part of its id or title (gvhd).", valueName: "lesson"))
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
        let found = try LessonArgument.find(lesson, in: course)
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

/// A lesson named on the command line (`LessonLookup`): its number, id, file
/// name or a unique part of its id or title; several matches are listed.
enum LessonArgument {
    static func find(_ name: String, in course: Course) throws -> Lesson {
        switch LessonLookup.find(name, in: course) {
        case .found(let lesson):
            return lesson
        case .broken(let broken):
            throw CLIError("lesson '\(name)' cannot be opened: \(broken.error)")
        case .ambiguous(let lessons):
            let listed = lessons.map { lesson in
                let number = LessonLookup.lessonNumber(lesson.fileName).map { "\($0) " } ?? ""
                return "\(number)\(lesson.id) (\(Sanitizer.clean(lesson.title, singleLine: true)))"
            }
            throw CLIError("'\(name)' matches \(lessons.count) lessons: \(listed.joined(separator: ", ")); name one by its number or id")
        case .none:
            throw CLIError("no lesson '\(name)' in this course (\(known(course)))")
        }
    }

    /// The lessons a course has, for a message: "lessons: a, b", or that it has none.
    static func known(_ course: Course) -> String {
        course.lessons.isEmpty ? "it has no lessons: run 'marrow validate'" : "lessons: " + course.lessons.map(\.id).joined(separator: ", ")
    }
}
