import Foundation
import MarrowCore
import Testing

/// Two `marrow quiz --plain` processes answering at the same time on one progress
/// file: no answer is lost, in the log or in the state file.
@Suite(.timeLimit(.minutes(15))) struct TwoInstanceTests {
    @Test func twoQuizzesAnsweringAtOnceLoseNothing() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/progress.json", log = folder + "/progress.history.jsonl"
        var random = SplitMix64(seed: 2)
        // A first quiz alone, so the state file exists (else the second instance
        // to start says, rightly, that it rebuilt the state from the log).
        let first = folder + "/in-first"
        try "2\n\nt\n\n".write(toFile: first, atomically: true, encoding: .utf8)
        let p = try #require(Spawned.marrow(["quiz", "--plain", "long-lesson", "--lessons", Fault.course, "--progress", state], stdinPath: first, in: folder, tag: "first"))
        #expect(p.wait() == 0)
        var acknowledged = PlainQuizOutput.acknowledged(p.stdout).count
        for round in 0..<30 {
            // Both on the same lesson most of the time, so their saves merge the same entries.
            var runs: [(lesson: String, process: Spawned)] = []
            for who in 0..<2 {
                let lesson = random.next() % 4 == 0 ? "short-lesson" : "long-lesson"
                let input = lesson == "short-lesson" ? ["1 2", "3"][Int(random.next() % 2)] + "\n\n"
                    : String(1 + random.next() % 3) + "\n\n" + (random.next() % 2 == 0 ? "t" : "f") + "\n\n"
                let path = folder + "/in\(who)"
                try input.write(toFile: path, atomically: true, encoding: .utf8)
                // --restart: each process its own attempt, even when the other's is still
                // part-way (which it would otherwise pick up).
                let p = try #require(Spawned.marrow(["quiz", "--plain", lesson, "--restart", "--lessons", Fault.course, "--progress", state],
                                                   stdinPath: path, in: folder, tag: "p\(who)"))
                runs.append((lesson, p))
            }
            for (lesson, p) in runs {
                #expect(p.wait() == 0, "round \(round): \(p.stderr)")
                #expect(p.stderr.isEmpty, "round \(round): \(p.stderr)")
                let acks = PlainQuizOutput.acknowledged(p.stdout)
                #expect(acks.count == (lesson == "short-lesson" ? 1 : 2), "round \(round): \(p.stdout)")
                acknowledged += acks.count
            }
            let (answers, unreadable) = ProgressFiles.answers(log)
            #expect(unreadable == 0)
            #expect(answers.count == acknowledged, "round \(round)")
            // Each process's attempt is in the state file with all of its answers.
            let thisRound = answers.suffix(runs.reduce(0) { $0 + ($1.lesson == "short-lesson" ? 1 : 2) })
            for attempt in Set(thisRound.map(\.attempt)) {
                let lines = thisRound.filter { $0.attempt == attempt }
                let held = ProgressFiles.stateAnswers(state, lesson: lines[0].lesson, attempt: attempt)
                for line in lines {
                    #expect(held?[line.question] == line.correct, "round \(round): attempt \(attempt) in the state: \(String(describing: held))")
                }
            }
        }
        let check = try Fault.run(["progress", "--json", "--lessons", Fault.course, "--progress", state])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr)")
        #expect(Fault.totals(check.stdout)?.answered == acknowledged)
    }
}
