import Foundation
import MarrowTestSupport
import MarrowCore
import Testing

/// Every catchable signal that would end the app × the app's screens (issue 12,
/// finding 9 and the signals × screens suite): the app saves, gives the terminal
/// back (canonical input, echo, signals and CR→NL on again, as `stty -a` in the
/// pane shows) and exits with 128 + the signal, with nothing on standard error;
/// the answer given before the signal is in the log and the state, the reading
/// place in the state.
///
/// One launch per signal, not per signal × screen (that would be about 150
/// launches of a tmux session): each signal meets one screen, picked by a seeded
/// shuffle dealt round-robin, so every signal and every screen appears at least
/// once (19 signals over 9 screens: each screen twice or three times). The
/// real-time signals (SIGRTMIN … SIGRTMAX, 31 of them, one code path) are
/// represented by the first, one picked by the seed and the last. SIGTERM in every
/// screen is `TerminalFaultTests.sigtermInEveryScreenSavesAndRestores`; the
/// crashes (SIGSEGV, SIGABRT …) are not asked to stop, they restore and die.
@Suite(.timeLimit(.minutes(15))) struct SignalScreenTests {
    typealias Screen = TerminalFaultTests.Screen

    /// The screens: `TerminalFaultTests.screens` (the quiz there is after an
    /// answer) and the quiz before any answer.
    static let screens: [Screen] = TerminalFaultTests.screens + [
        Screen(name: "quiz before answering", keys: ["t"], title: "Question 1 of"),
    ]

    /// Every catchable signal whose default action ends a process, but the crashes.
    static let signals: [Int32] = {
        let realTimeFirst = __libc_current_sigrtmin(), realTimeLast = __libc_current_sigrtmax()
        var random = SplitMix64(seed: 12)
        let realTimeMiddle = realTimeFirst + 1 + Int32(random.next() % UInt64(realTimeLast - realTimeFirst - 1))
        return [SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF,
                SIGXCPU, SIGXFSZ, SIGSYS, SIGIO, SIGSTKFLT, SIGPWR, realTimeFirst, realTimeMiddle, realTimeLast]
    }()

    /// A signal and the screen it is sent in.
    struct Case: Sendable, CustomTestStringConvertible {
        var signal: Int32
        var screen: Screen
        var testDescription: String { "\(String(cString: strsignal(signal))) (\(signal)) in \(screen.name)" }
    }

    /// The signals dealt over a seeded shuffle of the screens.
    static let cases: [Case] = {
        var random = SplitMix64(seed: 9)
        var order = Array(screens.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        return signals.enumerated().map { i, signal in Case(signal: signal, screen: screens[order[i % order.count]]) }
    }()

    @Test func everySignalAndEveryScreenAppear() {
        #expect(Set(Self.cases.map(\.signal)) == Set(Self.signals))
        #expect(Set(Self.cases.map(\.screen.name)) == Set(Self.screens.map(\.name)))
    }

    @Test(arguments: cases)
    func aSignalSavesRestoresAndExitsWith128PlusIt(_ test: Case) throws {
        let folder = try TerminalFaultTests.Folder()
        let tmux = try TmuxSession(program: folder.command)
        defer { tmux.close() }
        let label = test.testDescription
        #expect(tmux.waitFor("Course map"), "\(label): \(tmux.screen())")
        for key in test.screen.keys {
            // Each key changes the screen: wait for that, not for a fixed time.
            let before = tmux.screen()
            tmux.keys(key)
            #expect(tmux.waitFor(timeout: 10) { $0 != before }, "\(label): \(key) changed nothing: \(tmux.screen())")
        }
        #expect(tmux.waitFor(test.screen.title), "\(label): \(tmux.screen())")
        let pid = try #require(tmux.programPID())
        kill(pid, test.signal)
        let status = tmux.exitStatus(timeout: 10)
        #expect(status == 128 + test.signal, "\(label): status \(String(describing: status)) \(tmux.stderr)")
        #expect(tmux.stderr.isEmpty, "\(label): \(tmux.stderr)")
        #expect(tmux.terminalRestored(), "\(label)")
        // The answer given before the signal: in the log, in the state, and counted.
        let answered = test.screen.name == "quiz" ? 1 : 0
        #expect(ProgressFiles.answers(folder.log).answers.count == answered, "\(label)")
        #expect(try folder.loadsCleanly(label) == answered, "\(label)")
        if answered == 1 {
            let attempts = try stateAttempts(folder.state)
            #expect(attempts == 1, "\(label): the state holds \(attempts) answered question(s)")
        }
        if test.screen.keys.first == "Enter" { #expect(folder.lastPlaceLesson == "long-lesson", "\(label)") }
    }

    /// The number of answers the state file holds for the fixture course, over every lesson and attempt.
    private func stateAttempts(_ path: String) throws -> Int {
        let data = try #require(FileManager.default.contents(atPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let course = (object["courses"] as? [String: Any])?["e2e"] as? [String: Any]
        let lessons = course?["lessons"] as? [String: Any] ?? [:]
        return lessons.values.reduce(0) { total, lesson in
            let attempts = (lesson as? [String: Any])?["attempts"] as? [[String: Any]] ?? []
            return total + attempts.reduce(0) { $0 + (($1["answers"] as? [String: Any])?.count ?? 0) }
        }
    }
}
