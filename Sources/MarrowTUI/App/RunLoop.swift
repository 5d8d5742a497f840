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

/// Runs the app on a terminal: draw, read an event, update, perform the effects,
/// repeat, until an effect says quit or a signal asks to stop. The only place
/// where `update`'s effects touch files.
struct RunLoop {
    let terminal: Terminal
    let store: ProgressStore
    var state: AppState
    /// The last save that failed, to say so after the terminal is restored.
    private var saveError: String?

    init(terminal: Terminal, store: ProgressStore, state: AppState) {
        self.terminal = terminal
        self.store = store
        self.state = state
    }

    /// Runs until the learner leaves; restores the terminal. Returns the exit code:
    /// 0; 1 when the last save failed; 128 + the signal number when SIGTERM, SIGHUP
    /// or SIGINT stopped it (143, 129, 130), as shells expect.
    mutating func run() -> Int32 {
        defer { terminal.restore() }
        var needsDraw = true
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
            guard let event = terminal.readEvent() else { continue }
            if event == .key(.control("l")) { terminal.invalidate() }
            state.context.now = Date()
            state = App.update(state, event)
            if state.needsAnswerHistory { loadAnswerHistory() }
            needsDraw = true
        }
        terminal.restore()
        if let saveError { fputsStandardError("marrow: \(saveError)") }
        if let stoppedBy { return 128 + stoppedBy }
        return saveError == nil ? 0 : 1
    }

    /// Performs and clears the effects `update` asked for. Answers go to the log
    /// at once; then progress is saved once. Returns whether to quit.
    private mutating func performEffects() -> Bool {
        let effects = state.context.effects
        guard !effects.isEmpty else { return false }
        state.context.effects = []
        var save = false
        var quit = false
        for effect in effects {
            switch effect {
            // The log is the record of an answer: progress.json is rewritten when the
            // learner moves on or leaves (its cost grows with the answers; this does not).
            case .recordAnswer(let record):
                do {
                    try store.append(record)
                } catch {
                    report(error.description)
                }
            case .recordGrade(let grade):
                do {
                    try store.append(grade)
                } catch {
                    report(error.description)
                }
            case .saveProgress:
                save = true
            case .quit:
                save = true
                quit = true
            }
        }
        if save {
            do {
                let result = try store.saveReporting(state.context.progress)
                state.context.progress = result.progress
                state.context.notices += result.notices
                saveError = nil
            } catch {
                report(error.description)
            }
        }
        return quit
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

    private mutating func report(_ message: String) {
        saveError = message
        state.flash = message
    }
}

/// Writes one line to standard error.
func fputsStandardError(_ line: String) {
    var text = line
    if !text.hasSuffix("\n") { text += "\n" }
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
