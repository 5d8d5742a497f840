#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MarrowCore

/// Waiting for the course to load with the terminal started: the learner can
/// still leave. A course loads in milliseconds, but a slow disk or a huge
/// course must not leave a screen that ignores q, Ctrl-C and signals.
enum CourseLoadWait {
    enum Outcome {
        /// The course, and the keys typed while it loaded, to handle in order.
        case loaded(Course, pending: [Event])
        /// The learner left before it loaded (nothing was done yet, so nothing to
        /// save): the exit code, 0 or 128 + the signal.
        case left(Int32)
    }

    /// How long to wait before reading keys at all: a usual load ends well within
    /// it, so keys typed meanwhile reach the app exactly as before.
    static let grace = 0.2

    /// Waits for `load`. Every few milliseconds `stopRequested` is asked (a signal
    /// ends the wait at once); after `grace` seconds keys are read with
    /// `readEvent` (which waits up to its own timeout): q, Ctrl-C or closed input
    /// leave, other events are kept for the app.
    static func wait(for load: BackgroundValue<Course>, grace: Double = grace, readEvent: () -> Event?,
                     stopRequested: () -> Int32?) -> Outcome {
        let start = seconds()
        var pending: [Event] = []
        while !load.isFinished {
            if let signal = stopRequested() { return .left(128 + signal) }
            if seconds() - start < grace {
                usleep(2_000)
                continue
            }
            guard let event = readEvent() else { continue }
            switch event {
            case .key(.character("q")), .key(.control("c")), .inputClosed, .terminate:
                return .left(0)
            default:
                pending.append(event)
            }
        }
        return .loaded(load.join(), pending: pending)
    }

    private static func seconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
