import MarrowCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The app while a save waits for the lock another Marrow holds on the same
/// progress file (`LockWaiting`): after a short moment it says so on the status
/// line; keys are still read, and q or Ctrl-C (or the end of input) give up and
/// leave (Esc, which only goes back, waits on); a signal gives up at once; after
/// `limit` it gives up and the app goes on, the answer kept pending (`RunLoop`).
///
/// Used only on the run loop's thread, inside `LockWaiting.$current.withValue`:
/// hence `@unchecked Sendable` around the terminal.
final class LockWaitView: @unchecked Sendable {
    /// How long a save may wait before the learner is told: a save by another
    /// instance takes milliseconds.
    static let quietMoment: Duration = .milliseconds(400)
    /// How long a save waits at most, unless the run loop is given another limit.
    static let limit: Duration = .seconds(20)
    static let message = "Waiting for another Marrow using this progress file… (q: leave)"

    /// The waiting line for a screen `columns` wide: shorter on a narrow one (it
    /// fits the app's 40 columns at the least), so that how to leave is never the
    /// part cut off.
    static func message(columns: Int) -> String {
        DisplayWidth.of(message) + 2 <= columns ? message : "Waiting for another Marrow… q: leave"
    }

    private let terminal: any TerminalBackend
    private let state: AppState
    private let stopRequested: () -> Int32?
    /// How long this save waits at most (`RunLoop.lockWaitLimit`).
    private let limit: Duration
    private(set) var leaveRequested = false
    /// The terminal's new size if it changed while waiting, for the app to take in after.
    private(set) var resized: Size?
    private var shown = false

    /// `state` is what the screen shows while the save waits.
    /// `stopRequested` says whether a signal asked the app to stop (as `RunLoop`'s);
    /// `limit` is how long the save may wait (`RunLoop.lockWaitLimit`).
    init(terminal: any TerminalBackend, state: AppState, stopRequested: @escaping () -> Int32?, limit: Duration) {
        self.terminal = terminal
        self.state = state
        self.stopRequested = stopRequested
        self.limit = limit
    }

    var waiting: LockWaiting { LockWaiting { [self] waited in keepWaiting(waited) } }

    private func keepWaiting(_ waited: Duration) -> Bool {
        if stopRequested() != nil || leaveRequested { return false }
        if waited >= limit { return false }
        // Keys typed during a short wait are left for the screens.
        guard waited >= Self.quietMoment else {
            usleep(20_000)
            return true
        }
        if !shown {
            shown = true
            draw()
        }
        // Waits up to 100 ms for a key.
        switch terminal.readEvent(timeout: RunLoop.readTimeout) {
        case .key(.character("q")), .key(.character("Q")), .key(.control("c")), .inputClosed:
            leaveRequested = true
            return false
        case .resize(let size):
            resized = size
            draw()
        case .key(.control("l")):
            terminal.invalidate()
            draw()
        default:
            break
        }
        return true
    }

    private func draw() {
        var shown = state
        shown.flash = Self.message(columns: terminal.size.columns)
        terminal.draw(App.render(shown, size: terminal.size))
    }
}
