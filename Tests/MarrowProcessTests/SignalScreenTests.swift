import Foundation
import MarrowTestSupport
import MarrowCore
import Testing

/// Every catchable signal that would end the app (issue 12, finding 9): the app
/// saves, gives the terminal back (canonical input, echo, signals and CR→NL on
/// again) and exits with 128 + the signal, with nothing on standard error.
///
/// Every such signal takes one code path in the app (`stopSignals`: a handler
/// that stores the number; the run loop then saves and leaves like SIGTERM), so
/// what differs from one signal to the next is only whether its handler is
/// installed and the exit status it gives: one launch per signal, each in the
/// reader (its reading place is what the save must keep), on a pseudo-terminal
/// (no tmux server, all launched side by side). The real-time signals
/// (SIGRTMIN … SIGRTMAX, 31 of them) are represented by the first, one picked by
/// the seed and the last. What a stop saves on each screen does not depend on the
/// signal or on the terminal: `StopSignalScreenTests` (MarrowTUITests) stops the
/// real run loop on every screen; a signal mid-quiz through the real binary, the
/// answer kept, is `EndToEndTests`. The crashes (SIGSEGV, SIGABRT …) are not asked
/// to stop: they restore and die.
@Suite(.timeLimit(.minutes(15))) struct SignalScreenTests {
    static let seed: UInt64 = 12

    /// Every catchable signal whose default action ends a process, but the crashes.
    static let signals: [Int32] = {
        let realTimeFirst = __libc_current_sigrtmin(), realTimeLast = __libc_current_sigrtmax()
        var random = SplitMix64(seed: seed)
        let realTimeMiddle = realTimeFirst + 1 + Int32(random.next() % UInt64(realTimeLast - realTimeFirst - 1))
        return [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
                SIGXCPU, SIGXFSZ, SIGSYS, SIGIO, SIGSTKFLT, SIGPWR, realTimeFirst, realTimeMiddle, realTimeLast]
    }()

    static func name(_ signal: Int32) -> String { "\(String(cString: strsignal(signal))) (\(signal))" }

    /// One app in the reader, on its own pseudo-terminal and progress folder.
    struct Run {
        var signal: Int32
        let folder: TerminalFaultTests.Folder
        let terminal: PseudoTerminal
        var errors: String { folder.path + "/stderr" }
        var label: String { SignalScreenTests.name(signal) }

        init(_ signal: Int32) throws {
            self.signal = signal
            folder = try TerminalFaultTests.Folder()
            terminal = try PseudoTerminal(folder.command, standardError: folder.path + "/stderr")
        }

        /// From the course map into the reader.
        func openTheReader() {
            #expect(terminal.wait(for: "Course map", since: 0), "\(label): \(terminal.printable.suffix(300))")
            let mark = terminal.output.count
            terminal.send(TerminalKeys.enter)
            #expect(terminal.wait(for: "Reader", since: mark), "\(label): \(terminal.printable.suffix(300))")
        }
    }

    @Test func everyStopSignalSavesRestoresAndExitsWith128PlusIt() throws {
        // Started side by side: the launches overlap, the waits too.
        let runs = try Self.signals.map(Run.init)
        // SIGKILL cannot be caught: the terminal stays raw, which shows the check below can fail.
        let killed = try Run(SIGKILL)
        for run in runs + [killed] { run.openTheReader() }
        for run in runs + [killed] { run.terminal.signal(run.signal) }

        #expect(killed.terminal.finish() == 128 + SIGKILL)
        #expect(!killed.terminal.terminalRestored, "the terminal check saw normal modes after SIGKILL in raw mode")
        var random = SplitMix64(seed: Self.seed)
        let sampled = Int(random.next() % UInt64(runs.count))
        for (index, run) in runs.enumerated() {
            let label = run.label
            let status = run.terminal.finish()
            let errors = (try? String(contentsOfFile: run.errors, encoding: .utf8)) ?? "(none)"
            #expect(status == 128 + run.signal, "\(label): status \(status) \(errors)")
            #expect(errors.isEmpty, "\(label): \(errors)")
            #expect(run.terminal.terminalRestored, "\(label)")
            #expect(ProgressFiles.stateIsValid(run.folder.state), "\(label)")
            #expect(run.folder.lastPlaceLesson == "long-lesson", "\(label)")
            #expect(ProgressFiles.answers(run.folder.log).answers.isEmpty, "\(label)")
            // The files as another command reads them: one, picked by the seed (every save is the same code).
            if index == sampled { #expect(try run.folder.loadsCleanly("\(label), sampled with seed \(Self.seed)") == 0) }
        }
    }
}
