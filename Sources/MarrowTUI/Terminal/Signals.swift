#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by SIGTERM, SIGHUP or SIGINT; the run loop polls it between reads and
/// then saves progress and restores the terminal. A handler may only store here.
let stop = Atomic<Int32>(0)

/// Installs the stop handlers. Call before curses starts, so curses keeps them.
func installStopHandlers() {
    for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { number in stop.store(number, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { number in stop.store(number, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signalNumber, &action, nil)
    }
}

/// The signal that asked the app to stop, or nil.
func stopRequested() -> Int32? {
    let value = stop.load(ordering: .relaxed)
    return value == 0 ? nil : value
}
