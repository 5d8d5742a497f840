#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MarrowCore

/// The full-screen app, as the `marrow` command starts it.
public enum MarrowApp {
    /// The line printed when there is no terminal to draw on.
    public static let needsTerminalMessage = "marrow: needs an interactive terminal (stdin and stdout must be a terminal and TERM must be set). Try 'marrow read LESSON' or 'marrow progress'."

    /// Whether the app can run here: stdin and stdout are terminals and TERM is set and not "dumb".
    public static func hasInteractiveTerminal(environment: [String: String]) -> Bool {
        guard isatty(0) == 1, isatty(1) == 1 else { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// Opens the course in the terminal and runs until the learner quits.
    /// Returns the exit code: 0, or 1 with one line on standard error when there is
    /// no terminal, the progress cannot be read, or the last save failed; after
    /// SIGTERM, SIGHUP or SIGINT (progress saved, terminal restored) 128 + the signal.
    /// `monochrome` (--no-color) or a non-empty NO_COLOR draws without colour.
    /// `desiredRetention` (--desired-retention) overrides the course's for scheduling reviews.
    public static func run(lessonsDirectory: String, progressPath: String, monochrome: Bool, desiredRetention: Double? = nil) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        guard hasInteractiveTerminal(environment: environment) else {
            fputsStandardError(needsTerminalMessage)
            return 1
        }
        let noColor = monochrome || !(environment["NO_COLOR"] ?? "").isEmpty
        installStopHandlers()
        var notices: [String] = []
        if let localeNotice = Terminal.prepareLocale() { notices.append(localeNotice) }

        let store = ProgressStore(path: progressPath)
        // With a usable progress file, the first screen is drawn at once from the
        // course's outline (see `FirstScreen`), its two parts read side by side;
        // the course and the progress are then loaded in full, drawn again, and
        // only then are keys handled.
        let firstProgress = BackgroundValue { store.firstScreenProgress() }
        firstProgress.start()
        let outline = CourseOutline.load(directory: lessonsDirectory, firstLessons: FirstScreen.expectedRows())
        var early: Terminal?
        if let progress = firstProgress.join(), let outline {
            do {
                early = try Terminal(monochrome: noColor)
            } catch {
                fputsStandardError("marrow: \(error.description)")
                return 1
            }
            FirstScreen.draw(on: early!, lessonsDirectory: lessonsDirectory, outline: outline, progress: progress, monochrome: noColor, notices: notices)
        }

        // The course loads on a second thread while this one reads the progress
        // (and starts the terminal): the full first screen needs all three.
        let courseLoad = BackgroundValue { CourseLoader.load(directory: lessonsDirectory) }
        courseLoad.start()
        let loaded: ProgressStore.LoadResult
        do {
            loaded = try store.load()
        } catch {
            _ = courseLoad.join()
            early?.restore()
            fputsStandardError("marrow: \(error.description)")
            return 1
        }
        notices += loaded.notices

        let terminal: Terminal
        if let early {
            terminal = early
        } else {
            do {
                terminal = try Terminal(monochrome: noColor)
            } catch {
                _ = courseLoad.join()
                fputsStandardError("marrow: \(error.description)")
                return 1
            }
        }
        var course = courseLoad.join()
        if let desiredRetention { course.info.desiredRetention = desiredRetention }
        let context = AppContext(course: course, progress: loaded.progress, now: Date(), randomSeed: UInt64.random(in: .min ... .max), monochrome: noColor, notices: notices)
        var loop = RunLoop(terminal: terminal, store: store, state: AppState(context: context, size: terminal.size))
        return loop.run()
    }
}
