import Foundation
import Testing
@testable import MarrowCore

/// `marrow quiz --plain` with order, match and type-the-answer questions, end to end:
/// the binary, answers piped in, what it prints and what it logs. The shuffled order
/// comes from `--seed`; the test rebuilds the same session to know what was shown.
@Suite struct PlainQuizPuzzleTests {
    let course = Marrow.fixture("puzzles")
    let environment = ["MARROW_NOW": "2026-12-03T09:00:00Z", "TZ": "UTC"]
    let seed: UInt64 = 11

    func session() -> QuizSession {
        QuizSession(course: CourseLoader.load(directory: course), lessonID: "journey", questionIDs: nil,
                    started: Date(timeIntervalSince1970: 0), seed: seed)
    }

    func run(_ input: String) throws -> (Marrow.Result, String) {
        let progress = try Marrow.temporaryDirectory() + "/progress.json"
        let r = try Marrow.run(["quiz", "1", "--plain", "--seed", String(seed), "--lessons", course, "--progress", progress],
                               stdin: input, environment: environment)
        let log = (try? String(contentsOfFile: progress.replacingOccurrences(of: ".json", with: ".history.jsonl"), encoding: .utf8)) ?? ""
        return (r, log)
    }

    /// The step numbers as shown, in the right order ("3 1 2 4"), and the letters of the
    /// right partners in left order ("1b 2a 3c").
    func rightOrder(_ s: QuizSession) -> [Int] { (0..<4).map { s.displayedIndex(ofQuestion: 0, written: $0) + 1 } }
    func rightPairs(_ s: QuizSession) -> [String] {
        (0..<3).map { "\($0 + 1)" + String(UnicodeScalar(UInt8(0x61 + s.displayedIndex(ofQuestion: 1, written: $0)))) }
    }

    @Test func everyKindRightWithATypoForgiven() throws {
        let s = session()
        let order = rightOrder(s).map(String.init).joined(separator: " ")
        let (r, log) = try run("1 1 2 3\n\(order)\n\n\(rightPairs(s).joined(separator: " "))\n\nEngraftmnet\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("Put these steps in order, first to last.\n  1. "))
        #expect(out.contains("Step 1 is there twice: give each step once."))
        #expect(out.contains("✓ Correct: every step is in place.\nThe right order:\n✓ 1. Tests\n✓ 2. Conditioning\n✓ 3. Infusion\n✓ 4. Engraftment\nExplanation: Tests come first and engraftment last.\n"))
        #expect(out.contains("Partners:\n  a. "))
        #expect(out.contains("✓ Correct: every pair is right.\n✓ Autologous → own cells\n✓ Allogeneic → donor cells\n✓ Syngeneic → twin cells\n"))
        #expect(out.contains("✓ Correct, with one typo forgiven: it is spelled \"engraftment\".\n"))
        #expect(out.hasSuffix("Score: 3 of 3 correct (100%).\n"))
        let lines = log.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains(#""chosen":[0,1,2,3],"correct":true"#))
        #expect(lines[1].contains(#""chosen":[0,1,2],"correct":true"#))
        #expect(lines[2].contains(#""chosen":[0],"correct":true"#) && lines[2].contains(#""typed":"Engraftmnet""#))
    }

    /// A typed answer longer than the app takes (`TypedAnswerMatcher.maximumLength`)
    /// is not an answer: the quiz says so and asks again, and nothing is logged for it.
    @Test func aTooLongTypedAnswerIsAskedAgain() throws {
        let s = session()
        let order = rightOrder(s).map(String.init).joined(separator: " ")
        let long = String(repeating: "engraftment ", count: 11)
        let (r, log) = try run("\(order)\n\n\(rightPairs(s).joined(separator: " "))\n\n\(long)\nengraftment\n\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("That is long enough: an answer here is a word or a few (at most 120 characters)."), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("Score: 3 of 3 correct (100%).\n"), "\(r.stdout)")
        let lines = log.split(separator: "\n")
        #expect(lines.count == 3 && lines[2].contains(#""typed":"engraftment""#), "\(log)")
    }

    @Test func wrongAnswersAreMarkedItemByItem() throws {
        let s = session()
        var order = rightOrder(s)
        order.swapAt(0, 1)
        var pairs = rightPairs(s).map { String($0.last!) }
        pairs.swapAt(1, 2)
        let (r, log) = try run("\(order.map(String.init).joined())\n\(pairs.joined(separator: " "))\nengraft\n")
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("✗ Not quite: 2 of 4 steps in place.\nThe right order:\n✗ 1. Tests (you put it second)\n✗ 2. Conditioning (you put it first)\n✓ 3. Infusion\n✓ 4. Engraftment\n"))
        #expect(out.contains("✗ Not quite: 1 of 3 pairs right.\n✓ Autologous → own cells\n✗ Allogeneic → twin cells (right: donor cells)\n✗ Syngeneic → donor cells (right: twin cells)\n"))
        #expect(out.contains("✗ Not quite. You typed: \"engraft\".\nThe answer: engraftment (also accepted: graft take).\n"))
        #expect(out.contains("Score: 0 of 3 correct (0%)."))
        #expect(out.contains("Missed:\n- Put these steps in order, first to last. (right order: Tests, then Conditioning, then Infusion, then Engraftment)\n"))
        #expect(out.contains("- What is it called when the new cells start making blood? (answer: engraftment)\n"))
        #expect(log.split(separator: "\n").allSatisfy { $0.contains(#""correct":false"#) })
    }
}
