import Foundation
import Testing

/// `marrow quiz --plain` end to end: the built binary, answers piped to its
/// standard input, what it prints, and what it saved.
@Suite struct PlainQuizTests {
    let course = Marrow.fixture("course")
    /// A fixed "now", so that review schedules are the same on every run.
    let environment = ["MARROW_NOW": "2026-11-27T09:00:00Z", "TZ": "UTC"]

    func progressFile() throws -> String {
        try Marrow.temporaryDirectory() + "/progress.json"
    }

    func quiz(_ arguments: [String], progress: String, input: String) throws -> Marrow.Result {
        try Marrow.run(["quiz"] + arguments + ["--plain", "--lessons", course, "--progress", progress], stdin: input, environment: environment)
    }

    /// The answers saved in the log beside `progress`.
    func logLines(_ progress: String) throws -> [[String: Any]] {
        let log = progress.replacingOccurrences(of: ".json", with: ".history.jsonl")
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        return try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func progressJSON(_ progress: String) throws -> [String: Any] {
        let r = try Marrow.run(["progress", "--json", "--lessons", course, "--progress", progress], environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func writeLog(_ progress: String, _ lines: [String]) throws {
        let log = progress.replacingOccurrences(of: ".json", with: ".history.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
    }

    @Test func everyAnswerRight() throws {
        let progress = try progressFile()
        let r = try quiz(["1"], progress: progress, input: "2\n\nt\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let out = r.stdout
        #expect(out.hasPrefix("Quiz: A long lesson\n2 questions."))
        #expect(out.contains("Question 1 of 2\nWhich tissue makes blood cells?\n  1. Skin\n  2. Bone marrow\n  3. Muscle\n"))
        #expect(out.contains("Your answer: 2\n✓ Correct\n  1. Skin\n✓ 2. Bone marrow (right answer, your answer)\n  3. Muscle\n"))
        #expect(out.contains("Explanation: Blood cells are made in the bone marrow. FIRSTEXPLANATION."))
        #expect(out.contains("Enter to go on (h: it was hard, e: it was easy, u: undo): \n"))
        #expect(out.contains("Question 2 of 2\nPlatelets help blood clot.\n  1. True\n  2. False\n"))
        #expect(out.hasSuffix("Score: 2 of 2 correct (100%).\n"))
        #expect(!out.contains("Missed:"))
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })

        let lines = try logLines(progress)
        #expect(lines.count == 2)
        #expect(lines.map { $0["question"] as? String } == ["e2e-q1", "e2e-q2"])
        #expect(lines[0]["chosen"] as? [Int] == [1])
        #expect(lines.allSatisfy { $0["correct"] as? Bool == true && $0["attemptTotal"] as? Int == 2 })
        #expect(lines[0]["attempt"] as? String == lines[1]["attempt"] as? String)

        let report = try progressJSON(progress)
        #expect(report["totals"] as? [String: Int] == ["answered": 2, "correct": 2, "lessonsRead": 0, "lessonsTotal": 2])
        let lessons = try #require(report["lessons"] as? [[String: Any]])
        #expect((lessons[0]["quizScore"] as? [String: Any])?["percent"] as? Int == 100)
    }

    @Test func stoppingAfterTheLastAnswerIsFinishing() throws {
        for input in ["2\n\nt\n", "2\n\nt\nq\n"] {
            let r = try quiz(["1"], progress: try progressFile(), input: input)
            #expect(r.status == 0)
            #expect(r.stdout.hasSuffix("Score: 2 of 2 correct (100%).\n"), "\(input)")
        }
    }

    @Test func wrongAnswersShowTheRightOnesFeedbackAndWhatWasMissed() throws {
        let progress = try progressFile()
        let r = try quiz(["long-lesson"], progress: progress, input: "1\nf\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("Your answer: 1\n✗ Not quite\n✗ 1. Skin (your answer)\n✓ 2. Bone marrow (right answer)\n  3. Muscle\n"))
        #expect(out.contains("About 1 (Skin): Skin does not make blood cells."))
        #expect(out.contains("Your answer: f\n✗ Not quite\n✓ 1. True (right answer)\n✗ 2. False (your answer)\n"))
        #expect(out.contains("SECONDEXPLANATION"))
        // No "Enter to go on" after a wrong answer: the next line read is the next answer.
        #expect(!out.contains("Enter to go on"))
        #expect(out.hasSuffix("""
            Score: 0 of 2 correct (0%).
            Missed:
            - Which tissue makes blood cells? (right answer: 2. Bone marrow)
            - Platelets help blood clot. (right answer: 1. True)

            """))
        let report = try progressJSON(progress)
        #expect(report["totals"] as? [String: Int] == ["answered": 2, "correct": 0, "lessonsRead": 0, "lessonsTotal": 2])
        let missed = try #require(report["mostMissed"] as? [[String: Any]])
        #expect(Set(missed.compactMap { $0["question"] as? String }) == ["e2e-q1", "e2e-q2"])
    }

    @Test func selectAllTakesSeveralNumbers() throws {
        let progress = try progressFile()
        let right = try quiz(["02-short-lesson.md"], progress: progress, input: "2, 1\n\n")
        #expect(right.status == 0, "\(right.stderr)")
        #expect(right.stdout.contains("Type the numbers of all the right answers"))
        #expect(right.stdout.contains("✓ Correct\n✓ 1. Red blood cells (right answer, your answer)\n✓ 2. Platelets (right answer, your answer)\n  3. Neurons\n"))
        #expect(right.stdout.hasSuffix("Score: 1 of 1 correct (100%).\n"))

        let partly = try quiz(["2"], progress: progress, input: "1\n")
        #expect(partly.stdout.contains("✗ Not quite\n✓ 1. Red blood cells (right answer, your answer)\n✓ 2. Platelets (right answer)\n"))
        #expect(partly.stdout.contains("(right answers: 1. Red blood cells; 2. Platelets)"))

        let lines = try logLines(progress)
        #expect(lines.map { $0["chosen"] as? [Int] } == [[0, 1], [0]])
        #expect(lines.map { $0["correct"] as? Bool } == [true, false])
    }

    @Test func trueFalseTakesLettersWordsAndNumbers() throws {
        for (input, correct) in [("t", true), ("TRUE", true), ("1", true), ("f", false), ("false", false), ("2", false)] {
            let progress = try progressFile()
            // Question 1 right first, then question 2 answered with `input`.
            let r = try quiz(["1"], progress: progress, input: "2\n\n\(input)\n\n")
            #expect(r.status == 0)
            #expect(try logLines(progress).last?["correct"] as? Bool == correct, "\(input)")
        }
    }

    @Test func invalidInputAsksAgainAndIsNotCounted() throws {
        let progress = try progressFile()
        let r = try quiz(["1"], progress: progress, input: "\n7\nabc\n1 2\n2\nx\n\nq\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("Your answer: \nType one number from 1 to 3, or q to stop.\n"))
        #expect(out.contains("Your answer: 7\n'7' is not one of the choices. Type one number from 1 to 3, or q to stop.\n"))
        #expect(out.contains("Your answer: abc\n'abc' is not one of the choices."))
        #expect(out.contains("Your answer: 1 2\nOnly one answer is right here."))
        #expect(out.contains("Your answer: 2\n✓ Correct"))
        #expect(out.contains("(h: it was hard, e: it was easy, u: undo): x\nPress Enter to go on, or type h if it was hard, e if it was easy, u to undo your answer, q to stop.\n"))
        #expect(out.hasSuffix("You stopped the quiz: 1 of 2 answered, 1 correct; your answers are saved.\nThe same command picks up at question 2 (--restart starts over).\n"))
        let lines = try logLines(progress)
        #expect(lines.count == 1)
        #expect(lines.first?["chosen"] as? [Int] == [1])
    }

    @Test func theEndOfInputMidQuizKeepsTheAnswersGiven() throws {
        let progress = try progressFile()
        let r = try quiz(["1"], progress: progress, input: "3\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("""
            Your answer: \n
            The quiz was left unfinished: 1 of 2 answered, 0 correct; your answers are saved.
            The same command picks up at question 2 (--restart starts over).
            Missed:
            - Which tissue makes blood cells? (right answer: 2. Bone marrow)

            """))
        #expect(try logLines(progress).count == 1)
        let report = try progressJSON(progress)
        #expect((report["totals"] as? [String: Int])?["answered"] == 1)
        // An unfinished attempt has no score yet.
        let lessons = try #require(report["lessons"] as? [[String: Any]])
        #expect(lessons[0]["quizScore"] is NSNull)

        let nothing = try quiz(["1"], progress: try progressFile(), input: "")
        #expect(nothing.status == 0)
        #expect(nothing.stdout.hasSuffix("The quiz was left unfinished: nothing was answered.\n"))
    }

    @Test func aQuizLeftPartWayPicksUpAtTheNextQuestion() throws {
        let progress = try progressFile()
        _ = try quiz(["1"], progress: progress, input: "3\n")
        let r = try quiz(["1"], progress: progress, input: "t\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Picking up where you left off: 1 of 2 answered. (--restart starts over.)\n"), "\(r.stdout)")
        #expect(!r.stdout.contains("Question 1 of 2"), "\(r.stdout)")
        #expect(r.stdout.contains("Question 2 of 2"))
        // Finished as one attempt: the first answer (wrong) and this one (right) make the score.
        #expect(r.stdout.contains("Score: 1 of 2 correct (50%)."), "\(r.stdout)")
        #expect(r.stdout.contains("- Which tissue makes blood cells? (right answer: 2. Bone marrow)"))
        let lines = try logLines(progress)
        #expect(lines.count == 2 && lines[0]["attempt"] as? String == lines[1]["attempt"] as? String)
        let lessons = try #require(try progressJSON(progress)["lessons"] as? [[String: Any]])
        #expect((lessons[0]["quizScore"] as? [String: Any])?["percent"] as? Int == 50)

        // --restart starts a new attempt from the first question.
        _ = try quiz(["1"], progress: progress, input: "2\n")
        let again = try quiz(["1", "--restart"], progress: progress, input: "2\n\nt\n\n")
        #expect(!again.stdout.contains("Picking up") && again.stdout.contains("Question 1 of 2"), "\(again.stdout)")
        #expect(again.stdout.contains("Score: 2 of 2 correct (100%)."))
        let usage = try Marrow.run(["quiz", "--review", "--restart", "--plain", "--lessons", course, "--progress", progress], environment: environment)
        #expect(usage.status == 2 && usage.stderr.contains("--restart goes with a lesson's quiz"), "\(usage.stderr)")
    }

    /// `u` at the next prompt takes the last answer back: an undo line in the
    /// log, the question asked again, and the score, the saved state and a state
    /// rebuilt from the log all count only the new answer.
    @Test func uTakesBackTheLastAnswer() throws {
        let progress = try progressFile()
        // Question 1 wrong (1); u at question 2's prompt; question 1 again, right (2); then question 2.
        let r = try quiz(["1"], progress: progress, input: "u\n1\nu\n2\n\nt\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("Your answer: u\nNothing to undo: u takes back the answer you just gave. Type one number from 1 to 3, or q to stop.\n"), "\(out)")
        #expect(out.contains("Your answer: u\nUndone: your answer 1 to question 1 no longer counts. Answer it again.\n\nQuestion 1 of 2\n"), "\(out)")
        #expect(out.hasSuffix("Score: 2 of 2 correct (100%).\n"), "\(out)")
        let lines = try logLines(progress)
        #expect(lines.count == 4)
        #expect(lines[1]["event"] as? String == "undo")
        #expect(lines[1]["question"] as? String == "e2e-q1" && lines[1]["answered"] as? String == lines[0]["time"] as? String)
        #expect(lines[1]["chosen"] == nil && lines[1]["correct"] == nil)
        let report = try progressJSON(progress)
        #expect(report["totals"] as? [String: Int] == ["answered": 2, "correct": 2, "lessonsRead": 0, "lessonsTotal": 2])
        #expect(((report["lessons"] as? [[String: Any]])?.first?["quizScore"] as? [String: Any])?["percent"] as? Int == 100)
        // Rebuilt from the log alone (the state file gone): the same.
        try FileManager.default.removeItem(atPath: progress)
        #expect(try progressJSON(progress)["totals"] as? [String: Int] == ["answered": 2, "correct": 2, "lessonsRead": 0, "lessonsTotal": 2])

        // Right after the last answer (right, then taken back and answered wrong).
        let last = try progressFile()
        let end = try quiz(["1"], progress: last, input: "2\n\nt\nu\nf\n\n")
        #expect(end.stdout.contains("Enter to see your score (h: it was hard, e: it was easy, u: undo): u\nUndone: your answer 1 to question 2 no longer counts."), "\(end.stdout)")
        #expect(end.stdout.contains("Enter to see your score (u: undo your answer): \n"), "\(end.stdout)")
        #expect(end.stdout.contains("Score: 1 of 2 correct (50%)."), "\(end.stdout)")
        #expect(try progressJSON(last)["totals"] as? [String: Int] == ["answered": 2, "correct": 1, "lessonsRead": 0, "lessonsTotal": 2])
    }

    @Test func selfGradesAfterARightAnswerAreSaved() throws {
        let progress = try progressFile()
        let r = try quiz(["1"], progress: progress, input: "2\nh\nt\ne\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("Score: 2 of 2 correct (100%).\n"))
        let csv = try Marrow.run(["progress", "--format", "csv", "--lessons", course, "--progress", progress], environment: environment)
        let rows = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 3, "\(csv.stdout)")
        #expect(rows.dropFirst().map { $0.split(separator: ",").last.map(String.init) } == ["hard", "easy"])
    }

    @Test func withoutPlainItPointsToTheApp() throws {
        let r = try Marrow.run(["quiz", "1", "--lessons", course, "--progress", try progressFile()])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--plain"))
        let none = try Marrow.run(["quiz", "--plain", "--lessons", course])
        #expect(none.status == 2)
        #expect(none.stderr.contains("--review"))
        let unknown = try Marrow.run(["quiz", "9", "--plain", "--lessons", course, "--progress", try progressFile()])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("marrow: no lesson '9'"))
    }

    @Test func reviewWithNothingAnsweredOrNothingDue() throws {
        let progress = try progressFile()
        let empty = try quiz(["--review"], progress: progress, input: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.hasPrefix("Nothing is due for review yet"))

        // Answered right an hour ago: not due again for days.
        try writeLog(progress, [
            #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q1","chosen":[1],"correct":true,"time":"2026-11-27T08:00:00Z","attempt":"A1","attemptTotal":2}"#,
        ])
        let notDue = try quiz(["--review"], progress: progress, input: "")
        #expect(notDue.status == 0)
        #expect(notDue.stdout.hasPrefix("Nothing is due for review now. The next question falls due "), "\(notDue.stdout)")
        #expect(try logLines(progress).count == 1)
    }

    @Test func reviewAsksTheDueQuestions() throws {
        let progress = try progressFile()
        try writeLog(progress, [
            // Long ago: due now.
            #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q1","chosen":[1],"correct":true,"time":"2020-01-10T08:00:00Z","attempt":"A1","attemptTotal":2}"#,
            // An hour ago: not due.
            #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q2","chosen":[0],"correct":true,"time":"2026-11-27T08:00:00Z","attempt":"A2","attemptTotal":2}"#,
        ])
        let r = try quiz(["--review"], progress: progress, input: "2\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Review: questions due now\n1 question."))
        #expect(r.stdout.contains("Question 1 of 1 (from A long lesson)\nWhich tissue makes blood cells?"))
        #expect(r.stdout.hasSuffix("Score: 1 of 1 correct (100%).\n"))
        let lines = try logLines(progress)
        #expect(lines.count == 3)
        #expect(lines.last?["question"] as? String == "e2e-q1")
        #expect(lines.last?["time"] as? String == "2026-11-27T09:00:00Z")

        // Now answered, it is no longer due.
        let again = try quiz(["--review"], progress: progress, input: "")
        #expect(again.stdout.hasPrefix("Nothing is due for review now."))
    }

    /// A review stopped part-way is not picked up later (what is due is asked
    /// afresh), so it does not say so.
    @Test func aReviewStoppedPartWayPromisesNoPickUp() throws {
        let progress = try progressFile()
        try writeLog(progress, [
            #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q1","chosen":[1],"correct":true,"time":"2020-01-10T08:00:00Z","attempt":"A1","attemptTotal":2}"#,
            #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q2","chosen":[0],"correct":true,"time":"2020-01-10T08:00:00Z","attempt":"A1","attemptTotal":2}"#,
        ])
        let r = try quiz(["--review", "--seed", "1"], progress: progress, input: "1\nq\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("You stopped the quiz: 1 of 2 answered"), "\(r.stdout)")
        #expect(!r.stdout.contains("picks up"), "\(r.stdout)")
        // Issue 14: the review asked both of the lesson's questions, yet it is no
        // lesson quiz left part-way: the lesson's quiz starts afresh.
        #expect(try logLines(progress).last?["fullQuiz"] as? Bool == false)
        let lesson = try quiz(["1"], progress: progress, input: "")
        #expect(lesson.status == 0, "\(lesson.stderr)")
        #expect(!lesson.stdout.contains("Picking up") && lesson.stdout.contains("Question 1 of 2"), "\(lesson.stdout)")
    }

    @Test func mistakesPractisesWhatTheLastQuizMissed() throws {
        let progress = try progressFile()
        _ = try quiz(["1"], progress: progress, input: "1\n\nt\n\n")
        let r = try quiz(["--mistakes"], progress: progress, input: "2\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Question 1 of 1 (from A long lesson)\nWhich tissue makes blood cells?"), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("Score: 1 of 1 correct (100%).\n"))
    }

    @Test func aSeedRepeatsTheShuffledOrder() throws {
        // The shipped course shuffles choices: the same seed gives the same order.
        let lessons = Marrow.packageRoot.appendingPathComponent("Lessons").path
        func run(_ seed: String) throws -> String {
            try Marrow.run(["quiz", "1", "--plain", "--seed", seed, "--lessons", lessons, "--progress", try progressFile()],
                           stdin: "", environment: environment).stdout
        }
        #expect(try run("7") == (try run("7")))
    }

    /// A conversation, as a screen reader or an `expect` script has it: each
    /// prompt arrives before marrow waits for input (nothing held in a buffer),
    /// and the next line is written only once the prompt has been seen.
    @Test func eachPromptArrivesBeforeTheQuizWaits() throws {
        let progress = try progressFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Marrow.executable)
        process.arguments = ["quiz", "1", "--plain", "--no-color", "--lessons", course, "--progress", progress]
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        let received = Received()
        output.fileHandleForReading.readabilityHandler = { handle in received.append(handle.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        func waitFor(_ ending: String) throws {
            let deadline = Date().addingTimeInterval(20)
            while !received.text.hasSuffix(ending) {
                guard Date() < deadline else {
                    Issue.record("no '\(ending)' at the end of: \(received.text)")
                    throw CancellationError()
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        try waitFor("Your answer: ")
        #expect(received.text.contains("Which tissue makes blood cells?"))
        send("2")
        try waitFor("(h: it was hard, e: it was easy, u: undo): ")
        #expect(received.text.contains("✓ Correct"))
        // The answer is saved before the quiz asks anything more.
        #expect(try logLines(progress).count == 1)
        send("")
        try waitFor("Your answer: ")
        #expect(received.text.contains("Platelets help blood clot."))
        send("f")
        // After the last answer, a prompt offers to take it back before the score.
        try waitFor("Enter to see your score (u: undo your answer): ")
        #expect(try logLines(progress).count == 2)
        send("")
        try waitFor("Missed:\n- Platelets help blood clot. (right answer: 1. True)\n")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        #expect(process.terminationStatus == 0)
        #expect(try logLines(progress).count == 2)
    }
}

/// Output collected from a pipe on another thread.
final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) {
        lock.lock()
        data.append(more)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
