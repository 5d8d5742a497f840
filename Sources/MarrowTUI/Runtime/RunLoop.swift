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
import Synchronization

/// Runs the app on a terminal: draw, read an event, update, perform the effects,
/// repeat, until an effect says quit or a signal asks to stop. The only place
/// where `update`'s effects touch files.
struct RunLoop {
    let terminal: any TerminalBackend
    let store: ProgressStore
    /// The time of each event (`AppContext.now`): the wall clock, or a test's.
    let clock: () -> Date
    /// The signal that asked the app to stop, if any (`stopRequested()`, or a test's).
    let stopRequested: () -> Int32?
    /// Stops the process for the shell on Ctrl-Z (`stopForJobControl`, or a test's).
    let suspendForShell: () -> Void
    /// How long a save waits for another Marrow's lock before the app goes on
    /// with the answer pending (`LockWaitView.limit`, or a test's shorter one).
    let lockWaitLimit: Duration
    var state: AppState
    /// The last save that failed, to say so after the terminal is restored.
    private var saveError: String?
    /// Answers and grades the log could not take yet (another Marrow held the lock), oldest first.
    private var pending: [Effect] = []
    /// Progress changed since the last save that succeeded.
    private var owesSave = false
    private var needsDraw = true
    /// A new question was asked for (`Effect.discardTypeahead`): once it is drawn,
    /// the keys that were typed before it are thrown away.
    private var discardAfterDraw = false
    /// How long a read waits for a key before signals and pending saves are looked at again.
    static let readTimeout: Duration = .milliseconds(100)

    init(terminal: any TerminalBackend, store: ProgressStore, state: AppState,
         clock: @escaping () -> Date = { Date() }, stopRequested: @escaping () -> Int32? = MarrowTUI.stopRequested,
         suspendForShell: @escaping () -> Void = MarrowTUI.stopForJobControl, lockWaitLimit: Duration = LockWaitView.limit) {
        self.terminal = terminal
        self.store = store
        self.state = state
        self.clock = clock
        self.stopRequested = stopRequested
        self.suspendForShell = suspendForShell
        self.lockWaitLimit = lockWaitLimit
    }

    /// Runs until the learner leaves; restores the terminal. Returns the exit code:
    /// 0; 1 when the last save failed; 128 + the signal number when a signal stopped
    /// it (`stopSignals`: 143 for SIGTERM, 129 for SIGHUP …), as shells expect.
    mutating func run() -> Int32 {
        defer { terminal.restore() }
        var isFirstScreen = true
        var stoppedBy: Int32?
        while true {
            // Answers and progress are written before the next screen is drawn, except
            // at launch: the first screen never waits for a save.
            if !isFirstScreen, performEffects() { break }
            if needsDraw {
                terminal.draw(App.render(state, size: terminal.size))
                needsDraw = false
            }
            if discardAfterDraw {
                discardAfterDraw = false
                terminal.discardTypeahead()
            }
            if isFirstScreen {
                isFirstScreen = false
                if performEffects() { break }
                // The answer log (for reviews and mastery) is read once the first screen shows.
                if state.needsAnswerHistory { loadAnswerHistory(); needsDraw = true }
            }
            if let signalNumber = stopRequested() {
                stoppedBy = signalNumber
                state = App.update(state, .terminate)
                _ = performEffects()
                break
            }
            guard let event = terminal.readEvent(timeout: Self.readTimeout) else { continue }
            if event == .key(.control("l")) { terminal.invalidate() }
            if event == .key(.control("z")) {
                suspend()
                continue
            }
            state.context.now = clock()
            state = App.update(state, event)
            if state.needsAnswerHistory { loadAnswerHistory() }
            needsDraw = true
        }
        terminal.restore()
        if !pending.isEmpty {
            let answers = pending.filter { if case .recordAnswer = $0 { true } else { false } }.count
            let what = answers == 0 ? "your last self-grade was" : answers == 1 ? "your last answer was" : "your last \(answers) answers were"
            fputsStandardError("marrow: \(what) not saved: another Marrow is using this progress file (\(Sanitizer.clean(store.lockPath, singleLine: true))). Answer again once it is closed.")
            return stoppedBy.map { 128 + $0 } ?? 1
        }
        if let saveError { fputsStandardError("marrow: \(saveError)") }
        if let stoppedBy { return 128 + stoppedBy }
        return saveError == nil ? 0 : 1
    }

    /// Performs and clears the effects `update` asked for. Answers go to the log
    /// at once; progress is saved once when `update` asks for it (moving on,
    /// leaving). Returns whether to quit.
    ///
    /// While another Marrow holds the lock, the save waits with `LockWaitView`
    /// (a line on screen, keys read). If it gives up, the answers the log could
    /// not take stay pending: tried again, without waiting, at every turn of the
    /// loop (so saved as soon as the lock is free), and named on leaving if still
    /// not saved. Any other failure is said on the status line, as before.
    private mutating func performEffects() -> Bool {
        if state.context.effects.contains(.discardTypeahead) {
            state.context.effects.removeAll { $0 == .discardTypeahead }
            discardAfterDraw = true
            needsDraw = true
        }
        let effects = state.context.effects
        if effects.isEmpty {
            guard !pending.isEmpty || owesSave else { return false }
            let flash = state.flash
            performRecords(waiting: .once)
            if pending.isEmpty && !owesSave && saveError == nil { state.flash = "Your answers are saved now." }
            if state.flash != flash { needsDraw = true }
            return false
        }
        state.context.effects = []
        pending += effects.filter { if case .quit = $0 { false } else if case .saveProgress = $0 { false } else { true } }
        // The log is the record of an answer: progress.json is rewritten when the
        // learner moves on or leaves (its cost grows with the answers; this does not).
        if effects.contains(.saveProgress) || effects.contains(.quit) { owesSave = true }
        let view = LockWaitView(terminal: terminal, state: state, stopRequested: stopRequested, limit: lockWaitLimit)
        performRecords(waiting: view.waiting)
        if let size = view.resized {
            state = App.update(state, .resize(size))
            needsDraw = true
        }
        return effects.contains(.quit) || view.leaveRequested
    }

    /// Appends the pending answers and grades to the log, in order, then saves
    /// progress once if a save is owed, each waiting for the lock as `waiting` says. What gave up
    /// on the lock stays pending (or owed); what failed otherwise is reported.
    private mutating func performRecords(waiting: LockWaiting) {
        let gaveUp = GaveUp()
        let watched = LockWaiting { waited in
            let keep = waiting.keepWaiting(waited)
            if !keep { gaveUp.flag.store(true, ordering: .relaxed) }
            return keep
        }
        LockWaiting.$current.withValue(watched) {
            var failed = false
            while let effect = pending.first {
                do {
                    switch effect {
                    case .recordAnswer(let record): try store.append(record)
                    case .recordGrade(let grade): try store.append(grade)
                    case .recordUndo(let undo): try store.append(undo)
                    case .saveProgress, .quit, .discardTypeahead: break
                    }
                } catch {
                    // Kept, and what follows it too, so the log keeps their order.
                    if gaveUp.flag.load(ordering: .relaxed) {
                        reportNotSavedYet("\(error)")
                        return
                    }
                    report("\(error)")
                    failed = true
                }
                pending.removeFirst()
            }
            guard owesSave else {
                // Every answer is in the log: a wait that gave up earlier is over.
                if !failed { saveError = nil }
                return
            }
            do {
                let result = try store.saveReporting(state.context.progress)
                state.context.progress = result.progress
                state.context.notices += result.notices
                saveError = nil
                owesSave = false
            } catch {
                owesSave = gaveUp.flag.load(ordering: .relaxed)
                if owesSave { reportNotSavedYet("\(error)") } else { report("\(error)") }
            }
        }
    }

    /// Ctrl-Z: what is owed is saved (a stopped job may be killed from the shell),
    /// the terminal is given back as it was, and the process stops; once the
    /// shell continues it (`fg`), the terminal is taken again and the screen
    /// the learner was on is drawn in full.
    private mutating func suspend() {
        if !pending.isEmpty || owesSave { performRecords(waiting: .once) }
        terminal.suspend()
        suspendForShell()
        terminal.resume()
        needsDraw = true
    }

    /// Reads the answer log for the progress review (never at launch).
    private mutating func loadAnswerHistory() {
        do {
            let log = try store.readLog()
            state.setAnswerHistory(log.records)
            if let warning = log.warning { state.flash = warning }
        } catch {
            state.setAnswerHistory([])
            state.flash = error.description
        }
    }

    /// A save that gave up on the lock: kept for the exit message, and a short
    /// line on screen (the error's long paths would push out what matters).
    private mutating func reportNotSavedYet(_ message: String) {
        saveError = message
        state.flash = "Not saved yet: another Marrow is using this progress file. Answer kept."
    }

    private mutating func report(_ message: String) {
        saveError = message
        state.flash = message
    }
}

/// Whether a save gave up waiting for the lock (set from inside `LockWaiting`).
private final class GaveUp: Sendable {
    let flag = Atomic<Bool>(false)
}

/// Writes one line to standard error, with every control character (a newline
/// or escape in a path, say) shown as `<U+000A>`, so a message stays one line.
func fputsStandardError(_ line: String) {
    StandardError.write(Sanitizer.visible(line.hasSuffix("\n") ? String(line.dropLast()) : line) + "\n")
}
