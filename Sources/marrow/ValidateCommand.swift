import ArgumentParser
import MarrowCore

/// `marrow validate`: checks the whole course and reports every problem in one run.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a course for errors, compiler style.",
        discussion: "Prints path:line:column: error|warning: message for each problem, then a summary. Exits 1 if there is any error."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print a JSON report: totals, lessons and diagnostics.")
    var json = false

    func run() throws {
        let directory = try global.lessonsDirectory()
        let course = CourseLoader.load(directory: directory)
        let report = ValidationReport.make(course: course)
        if json {
            try StandardOutput.print(try report.json())
        } else {
            try StandardOutput.print(report.text)
        }
        if report.errorCount > 0 { throw ExitCode(1) }
    }
}
