import Foundation
import MarrowTestSupport
import Testing

/// Another Marrow holds the progress lock while the learner answers (issue 12,
/// finding 7): the app says it is waiting, still reads keys, leaves on q or a
/// signal without waiting for the lock, names the answer it could not save, and
/// after a time limit goes on with the answer pending, saving it once the lock is
/// free. The test holds the lock itself (`flock` on `progress.lock`), as another
/// instance stuck mid-save would.
///
/// Here, through the real binary in tmux, only what a process shows: the line on
/// the way out (standard error, exit status), the terminal given back, and a
/// signal that does not wait. The waiting line, keys read while waiting, the save
/// once the lock is freed and the time limit are in-process journeys
/// (`InProcessJourneyTests`: the same `RunLoop`, a real held lock, the limit
/// given to the loop instead of waiting the app's 20 s).
@Suite(.timeLimit(.minutes(15))) struct LockWaitTests {
    static let waiting = "Waiting for another Marrow using this progress file"

    /// The app on the first question of the long lesson's quiz, the lock held by the test.
    private func answerUnderAHeldLock() throws -> (TerminalFaultTests.Folder, TmuxSession, HeldLock) {
        let folder = try TerminalFaultTests.Folder()
        let tmux = try TmuxSession(program: folder.command)
        #expect(tmux.waitFor("Course map"), "\(tmux.screen())")
        tmux.keys("t")
        #expect(tmux.waitFor("Question 1 of"), "\(tmux.screen())")
        let lock = HeldLock(folder.path + "/progress.lock")
        tmux.keys("2", "Enter")
        #expect(tmux.waitFor(Self.waiting, timeout: 5), "no waiting line: \(tmux.screen())")
        #expect(tmux.exitStatus(timeout: 0.1) == nil, "\(tmux.stderr)")
        return (folder, tmux, lock)
    }

    @Test func qLeavesAndSaysTheAnswerWasNotSaved() throws {
        let (folder, tmux, lock) = try answerUnderAHeldLock()
        defer { tmux.close() }
        let start = ContinuousClock.now
        tmux.keys("q")
        let status = tmux.exitStatus(timeout: 10)
        let took = ContinuousClock.now - start
        #expect(status == 1, "\(String(describing: status)) \(tmux.stderr)")
        #expect(took < .seconds(5), "q took \(took) to leave")
        #expect(tmux.stderr == "marrow: your last answer was not saved: another Marrow is using this progress file (\(folder.path)/progress.lock). Answer again once it is closed.\n", "\(tmux.stderr)")
        #expect(tmux.terminalRestored())
        lock.release()
        #expect(ProgressFiles.answers(folder.log).answers.isEmpty)
        #expect(try folder.loadsCleanly("after q") == 0)
    }

    @Test func sigtermDoesNotWaitForTheLock() throws {
        let (folder, tmux, lock) = try answerUnderAHeldLock()
        defer { tmux.close() }
        let pid = try #require(tmux.programPID())
        let start = ContinuousClock.now
        kill(pid, SIGTERM)
        let status = tmux.exitStatus(timeout: 10)
        let took = ContinuousClock.now - start
        #expect(status == 128 + SIGTERM, "\(String(describing: status)) \(tmux.stderr)")
        #expect(took < .seconds(5), "SIGTERM took \(took) to end the app")
        #expect(tmux.stderr.hasPrefix("marrow: your last answer was not saved: another Marrow is using this progress file"), "\(tmux.stderr)")
        #expect(tmux.terminalRestored())
        lock.release()
        _ = try folder.loadsCleanly("after SIGTERM")
    }
}

extension LockWaitTests {
    /// At launch, a damaged state file is moved aside under the lock: with the
    /// lock held by another Marrow, SIGTERM still ends the app at once (143), and
    /// the file is left as it was.
    /// Polls until process `pid` has `path` open (a link in /proc/PID/fd), up to `timeout` seconds.
    static func hasOpen(_ path: String, pid: pid_t, timeout: Double = 10) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        let folder = "/proc/\(pid)/fd"
        repeat {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == path }) { return true }
            usleep(20_000)
        } while Date() < end
        return false
    }

    @Test func sigtermAtLaunchDoesNotWaitForTheLock() throws {
        let folder = try TerminalFaultTests.Folder()
        let damaged = #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":tr"#
        try damaged.write(toFile: folder.state, atomically: true, encoding: .utf8)
        let lock = HeldLock(folder.path + "/progress.lock")
        let tmux = try TmuxSession(program: folder.command)
        defer { tmux.close() }
        let pid = try #require(tmux.programPID())
        // The app is waiting for the lock (it has the lock file open): it has not moved the file aside.
        #expect(Self.hasOpen(folder.path + "/progress.lock", pid: pid), "the app never opened the lock file")
        #expect(tmux.exitStatus(timeout: 0.1) == nil, "\(tmux.stderr)")
        let start = ContinuousClock.now
        kill(pid, SIGTERM)
        let status = tmux.exitStatus(timeout: 10)
        let took = ContinuousClock.now - start
        #expect(status == 128 + SIGTERM, "\(String(describing: status)) \(tmux.stderr)")
        #expect(took < .seconds(5), "SIGTERM took \(took) to end the app")
        #expect(tmux.terminalRestored())
        lock.release()
        #expect((try? String(contentsOfFile: folder.state, encoding: .utf8)) == damaged)
    }
}
