import ArgumentParser
import MarrowCore

/// `marrow reset`: forget all progress, or one lesson's, keeping a backup.
struct ResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Reset all progress, or one lesson's (a backup is kept)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Reset only this lesson (its id).", valueName: "id"))
    var lesson: String?

    @Flag(help: "Do not ask for confirmation.")
    var yes = false

    func run() throws {
        let course = CourseLoader.load(directory: try global.lessonsDirectory())
        if let lesson, course.lesson(id: lesson) == nil, !course.brokenLessons.contains(where: { $0.fileName.contains(lesson) }) {
            throw CLIError("no lesson '\(lesson)' in this course (\(LessonArgument.known(course)))")
        }
        let what = Sanitizer.visible(lesson.map { "progress on lesson '\($0)'" } ?? "all progress in '\(course.info.title)'")
        if !yes {
            try StandardOutput.write("Reset \(what)? A backup is kept. [y/N] ")
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased().filter { $0 != " " }) else {
                try StandardOutput.print("Nothing was reset.")
                return
            }
        }
        let store = ProgressStore(path: try global.progressPath())
        do {
            // Load first to say what loading found (a damaged file moved aside), even if the reset then fails.
            for notice in try store.load().notices { printError("marrow: \(notice)") }
            let backup = try store.reset(course: course.info.id, lesson: lesson)
            try StandardOutput.print("Reset \(what). Backup: \(Sanitizer.visible(backup))")
        } catch let error as StandardOutput.Closed {
            throw error
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(error)")
        }
    }
}
