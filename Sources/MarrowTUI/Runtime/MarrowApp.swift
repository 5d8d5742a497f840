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
package enum MarrowApp {
    /// The line printed when there is no terminal to draw on.
    package static let needsTerminalMessage = "marrow: needs an interactive terminal (stdin and stdout must be a terminal and TERM must be set). Try 'marrow read LESSON' or 'marrow progress'."

    /// Whether the app can run here: stdin and stdout are terminals and TERM is set and not "dumb".
    package static func hasInteractiveTerminal(environment: [String: String]) -> Bool {
        hasInteractiveTerminal(term: environment["TERM"])
    }

    static func hasInteractiveTerminal(term: String?) -> Bool {
        guard isatty(0) == 1, isatty(1) == 1 else { return false }
        guard let term, !term.isEmpty, term != "dumb" else { return false }
        return true
    }

    /// Opens the course in the terminal and runs until the learner quits.
    /// Returns the exit code: 0, or 1 with one line on standard error when there is
    /// no terminal, the progress cannot be read, or the last save failed; after
    /// SIGTERM, SIGHUP, SIGINT or any other signal that would end it (`stopSignals`:
    /// progress saved, terminal restored) 128 + the signal, also while the course
    /// still loads (`CourseLoadWait`).
    /// `monochrome` (--no-color) or a non-empty NO_COLOR draws without color.
    /// `desiredRetention` (--desired-retention) overrides the course's for scheduling reviews.
    /// `now` (`MARROW_NOW`, for demos and tests) is the time of every event instead
    /// of the clock: what is due, the study days, the times answers are saved at.
    /// `reviewLimit` (--review-limit) overrides the course's cap on one review session.
    /// `mouse` false (--no-mouse) leaves the mouse to the terminal.
    package static func run(lessonsDirectory: String, progressPath: String, monochrome: Bool, desiredRetention: Double? = nil,
                            reviewLimit: Int? = nil, now fixedNow: Date? = nil, mouse: Bool = true) -> Int32 {
        let clock: @Sendable () -> Date = { fixedNow ?? Date() }
        guard hasInteractiveTerminal(term: Environment.value("TERM")) else {
            fputsStandardError(needsTerminalMessage)
            return 1
        }
        let noColor = monochrome || !(Environment.value("NO_COLOR") ?? "").isEmpty
        installStopHandlers()
        var notices: [String] = []
        if let localeNotice = Terminal.prepareLocale() { notices.append(localeNotice) }

        // The first screen is drawn at once (`drawFirstScreen`); the course and the
        // progress are then loaded in full, drawn again, and only then are keys handled.
        let store = ProgressStore(path: progressPath)
        let early: Terminal?
        do {
            early = try drawFirstScreen(store: store, lessonsDirectory: lessonsDirectory, monochrome: noColor, mouse: mouse, notices: notices, now: clock())
        } catch {
            fputsStandardError("marrow: \(error.description)")
            return 1
        }
        early?.waitUntilRead()

        // The course loads on a second thread while this one reads the progress
        // (and starts the terminal): the full first screen needs all three.
        let courseLoad = BackgroundValue { CourseLoader.load(directory: lessonsDirectory) }
        courseLoad.start(givingWay: early != nil)
        let loaded: ProgressStore.LoadResult
        do {
            // Loading takes the lock only to move a damaged file aside; a signal
            // must not wait for another Marrow holding it.
            let untilStopped = LockWaiting { _ in
                guard stopRequested() == nil else { return false }
                usleep(50_000)
                return true
            }
            loaded = try LockWaiting.$current.withValue(untilStopped) { try store.load() }
        } catch {
            _ = courseLoad.join()
            early?.restore()
            if let signalNumber = stopRequested() { return 128 + signalNumber }
            fputsStandardError("marrow: \(error)")
            return 1
        }
        notices += loaded.notices

        let terminal: Terminal
        if let early {
            terminal = early
        } else {
            do {
                terminal = try Terminal(monochrome: noColor, mouse: mouse)
            } catch {
                _ = courseLoad.join()
                fputsStandardError("marrow: \(error.description)")
                return 1
            }
        }
        var course: Course
        let pending: [Event]
        switch CourseLoadWait.wait(for: courseLoad, readEvent: terminal.readEvent, stopRequested: stopRequested) {
        case .loaded(let loadedCourse, let typed):
            course = loadedCourse
            pending = typed
        case .left(let status):
            terminal.restore()
            return status
        }
        if let desiredRetention { course.info.desiredRetention = desiredRetention }
        if let reviewLimit { course.info.reviewLimit = reviewLimit }
        var context = AppContext(course: course, progress: loaded.progress, now: clock(), randomSeed: UInt64.random(in: .min ... .max), monochrome: noColor, notices: notices)
        context.progressPath = progressPath
        var state = AppState(context: context, size: terminal.size)
        for event in pending { state = App.update(state, event) }
        var loop = RunLoop(terminal: terminal, store: store, state: state, clock: clock)
        return loop.run()
    }

    /// Starts the terminal and draws the first screen before the course and the
    /// progress are loaded in full (`FirstScreen`): from the course's outline and the
    /// progress's summary, those two read side by side. Nil, with no terminal
    /// started, when there is no first screen to draw (the very first run, or a
    /// course the outline cannot vouch for): the app then starts the terminal once
    /// everything is loaded. A state file the summary cannot vouch for gives the
    /// terminal with nothing drawn yet.
    private static func drawFirstScreen(store: ProgressStore, lessonsDirectory: String, monochrome: Bool, mouse: Bool,
                                        notices: [String], now: Date) throws(TerminalError) -> Terminal? {
        let summary = BackgroundValue { store.loadSummary() }
        summary.start()
        let outline = CourseOutline.load(directory: lessonsDirectory, firstLessons: FirstScreen.expectedRows())
        guard let outline, store.stateFileIsPlain else {
            _ = summary.join()
            return nil
        }
        // The terminal starts while the summary is still being read (it is the
        // longer of the two). Should the summary then be nil (a damaged file),
        // nothing is drawn yet: the full load draws the first screen.
        let terminal = try Terminal(monochrome: monochrome, mouse: mouse)
        guard let progress = summary.join() else { return terminal }
        FirstScreen.draw(on: terminal, lessonsDirectory: lessonsDirectory, outline: outline, progress: progress,
                         monochrome: monochrome, notices: notices, now: now)
        return terminal
    }
}
