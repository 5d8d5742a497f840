import ArgumentParser
import MarrowCore
import MarrowTUI

/// `marrow`: opens the course; subcommands work without a terminal UI.
@main
struct MarrowCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "marrow",
        abstract: "Learn about stem cell transplants for leukemia, in your terminal.",
        discussion: """
            Without a subcommand, opens the course in a full-screen terminal app.
            Progress is kept in $XDG_DATA_HOME/marrow/progress.json (or ~/.local/share/marrow/).
            """,
        version: version,
        subcommands: [ValidateCommand.self, ProgressCommand.self, QuizCommand.self, ReadCommand.self, ResetCommand.self, CourseCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("no-color"), help: "Draw without color (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (select text as usual); by default a click picks a lesson or a choice and the wheel scrolls.")
    var noMouse = false

    @Option(name: .customLong("desired-retention"),
            help: "Schedule reviews for this chance of recalling an answer, 0.7 to 0.99 (default: the course's, usually 0.9).")
    var desiredRetention: Double?

    /// Prints the man page's KEYS section from the app's keymap (`Scripts/build-manual`
    /// uses it); hidden, so it is in no help, completion or man page.
    @Flag(name: .customLong("manual-keys"), help: .hidden)
    var manualKeys = false

    /// No `--review-limit` here: ArgumentParser would give a root option the
    /// value meant for `marrow quiz --review --review-limit N`. The app takes the
    /// course's `review-limit`.
    func validate() throws {
        try checkDesiredRetention(desiredRetention)
    }

    func run() throws {
        if manualKeys {
            try StandardOutput.write(Keymap.manualSection)
            return
        }
        try Self.openApp(lessons: global.lessons, progress: global.progress, noColor: noColor, noMouse: noMouse, desiredRetention: desiredRetention)
    }

    /// Opens the course in the full-screen app; throws the app's exit code when it is not 0.
    static func openApp(lessons: String?, progress: String?, noColor: Bool, noMouse: Bool = false, desiredRetention: Double?, reviewLimit: Int? = nil) throws {
        let lessonsDirectory = try GlobalOptions.lessonsDirectory(explicit: lessons)
        let progressPath = try GlobalOptions.progressPath(explicit: progress)
        let now = try GlobalOptions.fixedNow()
        let code = MarrowApp.run(lessonsDirectory: lessonsDirectory, progressPath: progressPath, monochrome: noColor,
                                 desiredRetention: desiredRetention, reviewLimit: reviewLimit, now: now, mouse: !noMouse)
        if code != 0 { throw ExitCode(code) }
    }

    /// The second line of `--version`: which course this invocation would open and its
    /// version, found by the same lookup as every command (`--lessons` if given).
    static func versionCourseLine() -> String {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var lessons: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lessons", index + 1 < arguments.count { lessons = arguments[index + 1] }
            if argument.hasPrefix("--lessons=") { lessons = String(argument.dropFirst("--lessons=".count)) }
        }
        do {
            return GlobalOptions.courseLine(directory: try GlobalOptions.lessonsDirectory(explicit: lessons))
        } catch let error as CLIError {
            return "course: " + error.message
        } catch {
            return "course: \(error)"
        }
    }

    /// Runs the command, mapping errors to one clear line and the documented exit
    /// codes: 1 for user and data errors, 2 for usage errors.
    static func main() {
        do {
            if let quick = QuickLaunch(Array(CommandLine.arguments.dropFirst())) {
                try openApp(lessons: quick.lessons, progress: quick.progress, noColor: quick.noColor, desiredRetention: nil)
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let error as CLIError {
            printError(error.message)
            Platform.exit(1)
        } catch let error as ExitCode {
            Platform.exit(error.rawValue)
        } catch is StandardOutput.Closed {
            StandardOutput.endQuietly()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: printed here, not by ArgumentParser, so a failed write is an error.
                var text = fullMessage(for: error)
                if CommandLine.arguments.dropFirst().contains("--version") { text += "\n" + versionCourseLine() }
                printResult(text)
                Platform.exit(0)
            }
            if code == .validationFailure {
                // A usage error: say what was wrong and how to get help.
                printErrorLines(fullMessage(for: error))
                Platform.exit(2)
            }
            printErrorLines(fullMessage(for: error))
            Platform.exit(code.rawValue == 0 ? 1 : code.rawValue)
        }
    }
}

/// Prints the text of `--help` or `--version`, checking the write as every command's result is checked.
private func printResult(_ text: String) {
    do {
        try StandardOutput.print(text)
    } catch let error as CLIError {
        printError(error.message)
        Platform.exit(1)
    } catch {
        StandardOutput.endQuietly()
    }
}

/// Writes one line to standard error, with every control character (a newline
/// or escape in a path or value the user gave) shown as `<U+000A>`, so a message
/// stays one line and cannot steer the terminal.
func printError(_ message: String) {
    writeError(Sanitizer.visible(message.hasSuffix("\n") ? String(message.dropLast()) : message))
}

/// Writes a message of several lines (a usage error), each line sanitized as `printError` does.
func printErrorLines(_ message: String) {
    let text = message.hasSuffix("\n") ? String(message.dropLast()) : message
    writeError(text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.visible(String($0)) }.joined(separator: "\n"))
}

private func writeError(_ message: String) {
    StandardError.write(message + "\n")
}

/// A user or data error: one line, exit 1.
struct CLIError: Error {
    var message: String
    init(_ message: String) { self.message = "marrow: " + message }
}
