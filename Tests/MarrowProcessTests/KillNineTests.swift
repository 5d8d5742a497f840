import Foundation
import MarrowTestSupport
import MarrowCore
import Testing

/// `kill -9` while `marrow quiz --plain` answers and saves, on one progress file,
/// until every outcome (killed before any answer was acknowledged, killed after
/// one, the run finished first) has been seen, with a seeded sample of at least
/// 30 kills (at most 120): after every kill the files load cleanly and hold every answer
/// the quiz acknowledged ("✓ Correct" / "✗ Not quite" is printed only after the
/// answer is in the log; the state file is rewritten when the quiz ends, and
/// loading replays the log lines newer than it, so the state as loaded holds them).
@Suite(.timeLimit(.minutes(15))) struct KillNineTests {
    /// The answers typed for one run: a lesson and its input lines, picked by `random`.
    static func script(_ random: inout SplitMix64) -> (lesson: String, input: String) {
        if random.next() % 3 == 0 {
            // Select all: right is "1 2".
            return ("short-lesson", ["1 2", "1", "2 3", "1,2,3"][Int(random.next() % 4)] + "\n\n")
        }
        let q1 = String(1 + random.next() % 3)      // 2 is right; a right answer waits for Enter
        let q2 = random.next() % 2 == 0 ? "t" : "f" // t is right
        let grade = ["", "h", "e"][Int(random.next() % 3)]
        return ("long-lesson", q1 + "\n" + grade + "\n" + q2 + "\n\n")
    }

    @Test func killedAtRandomMomentsLosesNoAcknowledgedAnswer() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/progress.json", log = folder + "/progress.history.jsonl"
        var random = SplitMix64(seed: 0x6D61_7272_6F77)

        // How long a whole run takes here, so most kills land inside one.
        var durations: [Double] = []
        for i in 0..<3 {
            let input = folder + "/warm\(i).in"
            try "2\n\nt\n\n".write(toFile: input, atomically: true, encoding: .utf8)
            let start = Date()
            let p = try #require(Spawned.marrow(["quiz", "--plain", "long-lesson", "--lessons", Fault.course, "--progress", state], stdinPath: input, in: folder, tag: "warm"))
            #expect(p.wait() == 0, "\(p.stderr)")
            durations.append(Date().timeIntervalSince(start))
        }
        let typical = durations.sorted()[1]
        // The kill comes at a random moment within `window`, which follows the load
        // of the machine: shorter after a run that ended first, longer after one
        // killed before its first answer.
        var window = max(0.005, typical * 1.3)

        var killedMidRun = 0
        var acknowledgedTotal = 0
        /// The outcomes seen: 0 killed before any acknowledgement, 1 killed after one, 2 finished.
        var outcomes = Set<Int>()
        var runs = 0
        let started = Date()
        for iteration in 0..<120 {
            if runs >= 30 && outcomes.count == 3 { break }
            runs += 1
            let (lesson, text) = Self.script(&random)
            let input = folder + "/in"
            try text.write(toFile: input, atomically: true, encoding: .utf8)
            let linesBefore = ProgressFiles.answers(log).answers.count
            let p = try #require(Spawned.marrow(["quiz", "--plain", lesson, "--lessons", Fault.course, "--progress", state], stdinPath: input, in: folder, tag: "run"))
            usleep(UInt32(Double(random.next() % 1_000_000) / 1_000_000 * window * 1_000_000))
            kill(p.pid, SIGKILL)
            let status = p.wait()
            if status == 128 + SIGKILL { killedMidRun += 1 } else { #expect(status == 0, "run \(iteration): status \(status) \(p.stderr)") }

            let acks = PlainQuizOutput.acknowledged(p.stdout)
            acknowledgedTotal += acks.count
            outcomes.insert(status != 128 + SIGKILL ? 2 : acks.isEmpty ? 0 : 1)
            if status != 128 + SIGKILL { window = max(0.002, window * 0.9) } else if acks.isEmpty { window = min(0.5, window * 1.1) }
            let (answers, unreadable) = ProgressFiles.answers(log)
            let new = Array(answers.dropFirst(linesBefore))
            let label = "run \(iteration) (\(lesson), \(text.debugDescription)): acks \(acks.map(\.question)), new log lines \(new.map(\.question))"
            // Every line in the log parses (a kill between two writes never tears a line: each line is one write).
            #expect(unreadable == 0, "\(label)")
            // The acknowledged answers are the first new lines, in order; at most one more was written unacknowledged.
            #expect(new.count >= acks.count && new.count <= acks.count + 1, "\(label)")
            for (ack, line) in zip(acks, new) {
                #expect(ack.question == line.question && ack.correct == line.correct, "\(label)")
            }
            // The state as Marrow loads it holds them too, in this run's attempt.
            if let attempt = new.first?.attempt, !acks.isEmpty {
                let held = Self.loadedAnswers(state, lesson: lesson, attempt: attempt)
                for ack in acks {
                    #expect(held?[ack.question] == ack.correct, "\(label): state has \(String(describing: held))")
                }
            }
            #expect(ProgressFiles.stateIsValid(state) || (!FileManager.default.fileExists(atPath: state) && answers.isEmpty), "\(label)")

            // And the files load: no damage reported, every answer of the log counted.
            let check = try Fault.run(["progress", "--json", "--lessons", Fault.course, "--progress", state])
            #expect(check.status == 0 && check.stderr.isEmpty, "\(label): \(check.stderr)")
            #expect(Fault.totals(check.stdout)?.answered == answers.count, "\(label)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.contains(".corrupt-") }, "\(names)")
        // Kills must land inside a run, before and after an acknowledged answer, or the test proves little.
        #expect(outcomes.contains(0) && outcomes.contains(1), "outcomes seen \(outcomes.sorted()) in \(runs) runs (a run takes ~\(Int(typical * 1000)) ms)")
        #expect(killedMidRun * 5 >= runs * 2, "only \(killedMidRun) of \(runs) kills landed inside a run (a run takes ~\(Int(typical * 1000)) ms)")
        print("KillNineTests: \(runs) kills in \(String(format: "%.1f", Date().timeIntervalSince(started))) s, \(killedMidRun) inside a run, \(acknowledgedTotal) answers acknowledged, run ~\(Int(typical * 1000)) ms")
    }
}

extension KillNineTests {
    /// The answers the state holds for one attempt, as Marrow loads it (the state
    /// file and the log lines newer than it), without changing anything.
    static func loadedAnswers(_ statePath: String, lesson: String, attempt: String) -> [String: Bool]? {
        guard let loaded = try? ProgressStore(path: statePath).loadForReading() else { return nil }
        return loaded.progress[course: "e2e"][lesson: lesson].attempts.first { $0.id == attempt }?.answers
    }

    /// The terminal app killed with SIGKILL within 20 ms of an answer in its quiz,
    /// on one progress file, until a kill has landed both before and after the
    /// feedback showed (at least 3 runs, at most 25): every answer it showed
    /// feedback for is in the log and the files load cleanly. The two outcomes and
    /// one more seeded moment are enough: every run after the first also picks up a
    /// quiz a kill left part-way, and the many kills of the plain quiz above are
    /// where the moments are sampled densely (each tmux run costs seconds).
    @Test func theAppKilledWhileAnsweringLosesNoAcknowledgedAnswer() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/progress.json", log = folder + "/progress.history.jsonl"
        try #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true}}}"#.write(toFile: state, atomically: true, encoding: .utf8)
        var random = SplitMix64(seed: 9)
        var acknowledged = 0
        var unacknowledged = 0
        var runs = 0
        for iteration in 0..<25 {
            if runs >= 3 && acknowledged > 0 && unacknowledged > 0 { break }
            runs += 1
            let tmux = try TmuxSession(program: [Marrow.executable, "--lessons", Fault.course, "--progress", state])
            defer { tmux.close() }
            #expect(tmux.waitFor("Course map"), "run \(iteration): \(tmux.screen())")
            tmux.keys("t")
            // A quiz a kill left part-way picks up at its second question.
            #expect(tmux.waitFor(timeout: 10) { $0.contains("Question 1 of 2") || $0.contains("Question 2 of 2") }, "run \(iteration): \(tmux.screen())")
            let pid = try #require(tmux.programPID())
            // Answer (1 or 2 answers either question), and kill within the next 20 ms:
            // before, during or after the save.
            tmux.keys(String(1 + random.next() % 2), "Enter")
            usleep(UInt32(random.next() % 20_000))
            kill(pid, SIGKILL)
            #expect(tmux.exitStatus(timeout: 5) == 128 + SIGKILL, "run \(iteration)")
            // The pane keeps the last screen drawn: feedback there was drawn after the save.
            let screen = tmux.screen()
            if screen.contains("✓ Correct") || screen.contains("✗ Not quite") { acknowledged += 1 } else { unacknowledged += 1 }
            let (answers, unreadable) = ProgressFiles.answers(log)
            #expect(unreadable == 0, "run \(iteration)")
            #expect(answers.count >= acknowledged && answers.count <= iteration + 1, "run \(iteration): \(answers.count) answers, \(acknowledged) shown")
            #expect(ProgressFiles.stateIsValid(state), "run \(iteration)")
            let check = try Fault.run(["progress", "--json", "--lessons", Fault.course, "--progress", state])
            #expect(check.status == 0 && check.stderr.isEmpty, "run \(iteration): \(check.stderr)")
            #expect(Fault.totals(check.stdout)?.answered == answers.count, "run \(iteration)")
        }
        print("KillNineTests: the app killed \(runs) times, \(acknowledged) answers shown before the kill")
    }
}
