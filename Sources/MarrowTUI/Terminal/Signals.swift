#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The number of the last signal that asked the app to stop (`stopSignals`), or 0.
/// The run loop polls it between reads and then saves progress and restores the
/// terminal. A handler may only store here.
let requestedStopSignal = Atomic<Int32>(0)

/// Every catchable signal whose default action ends the process, except the
/// crashes (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: `Terminal`'s crash
/// handlers give the terminal back and die of them). Left at their default, any
/// of these (`kill -QUIT`, SIGUSR1 from a stray script, SIGALRM, SIGPIPE, a CPU
/// or file size limit) would end the app with the terminal raw and the session's
/// reading place unsaved; caught, each is SIGTERM: save, restore, exit 128 + n.
/// (Ctrl-\ in raw mode is a key, not SIGQUIT.)
let stopSignals: [Int32] = {
    var signals = [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2,
                   SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS, SIGIO]
    #if os(Linux)
    signals += [SIGSTKFLT, SIGPWR]
    // The real-time signals: their default action ends the process too.
    signals += Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
    #endif
    return signals
}()

/// Installs the stop handlers. Call before curses starts, so curses keeps them.
func installStopHandlers() {
    for signalNumber in stopSignals {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = { number in requestedStopSignal.store(number, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { number in requestedStopSignal.store(number, ordering: .relaxed) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signalNumber, &action, nil)
    }
}

/// Stops the app for the shell, as Ctrl-Z stops a program in a terminal that
/// is not raw (raw mode reads Ctrl-Z as a key, so the app must do it itself):
/// SIGTSTP, with its default action, to the whole process group, as the
/// terminal would send it. Returns once the shell continues it (`fg`, `bg`).
/// Where no job control can continue it (an orphaned process group, such as a
/// program started without a job-control shell), the system discards the
/// signal and this returns at once.
func stopForJobControl() {
    let previous = signal(SIGTSTP, SIG_DFL)
    var blocked = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGTSTP)
    pthread_sigmask(SIG_UNBLOCK, &blocked, nil)
    kill(0, SIGTSTP)
    signal(SIGTSTP, previous)
}

/// The signal that asked the app to stop, or nil.
func stopRequested() -> Int32? {
    let value = requestedStopSignal.load(ordering: .relaxed)
    return value == 0 ? nil : value
}
