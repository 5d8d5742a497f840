import Foundation
import Testing
@testable import MarrowCore

/// `marrow progress --format markdown|csv` after wrong answers to an order, a match and a
/// typed question (given through `marrow quiz --plain`): the report names the right order
/// as a numbered list, the pairs as "left → right" and the accepted answers; the CSV has
/// what the learner gave, item by item.
@Suite struct PuzzleReportTests {
    let course = Marrow.fixture("puzzles")
    let environment = ["MARROW_NOW": "2026-12-03T09:00:00Z", "TZ": "UTC"]
    let seed: UInt64 = 11

    /// The three questions answered wrong (steps 1 and 2 swapped, partners 2 and 3 swapped, "engraft").
    func progressWithWrongAnswers() throws -> String {
        let s = QuizSession(course: CourseLoader.load(directory: course), lessonID: "journey", questionIDs: nil,
                            started: Date(timeIntervalSince1970: 0), seed: seed)
        var order = (0..<4).map { s.displayedIndex(ofQuestion: 0, written: $0) + 1 }
        order.swapAt(0, 1)
        var pairs = (0..<3).map { String(UnicodeScalar(UInt8(0x61 + s.displayedIndex(ofQuestion: 1, written: $0)))) }
        pairs.swapAt(1, 2)
        let progress = try Marrow.temporaryDirectory() + "/progress.json"
        let input = "\(order.map(String.init).joined(separator: " "))\n\(pairs.joined(separator: " "))\nengraft\n"
        let r = try Marrow.run(["quiz", "1", "--plain", "--seed", String(seed), "--lessons", course, "--progress", progress],
                               stdin: input, environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Score: 0 of 3 correct (0%)."), "\(r.stdout)")
        return progress
    }

    @Test func markdownGivesEachKindsRightAnswer() throws {
        let progress = try progressWithWrongAnswers()
        let r = try Marrow.run(["progress", "--format", "markdown", "--lessons", course, "--progress", progress], environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("Right order, first to last:\n\n1. Tests\n2. Conditioning\n3. Infusion\n4. Engraftment\n\n> Tests come first"), "\(out)")
        #expect(out.contains("Right pairs:\n\n- Autologous → own cells\n- Allogeneic → donor cells\n- Syngeneic → twin cells\n\n> Auto means self."))
        #expect(out.contains("Right answer: engraftment (also accepted: graft take)\n\n> Engraftment follows the infusion."))
        #expect(!out.contains("Right answers: \n"))
    }

    @Test func csvHoldsWhatTheLearnerGave() throws {
        let progress = try progressWithWrongAnswers()
        let r = try Marrow.run(["progress", "--format", "csv", "--lessons", course, "--progress", progress], environment: environment)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.components(separatedBy: "\r\n")
        #expect(rows.count == 5, "\(r.stdout)")
        #expect(rows[1].hasSuffix(",journey,pz-order,2 1 3 4,Conditioning; Tests; Infusion; Engraftment,false,again"), "\(rows[1])")
        #expect(rows[2].hasSuffix(",journey,pz-match,1 3 2,Autologous → own cells; Allogeneic → twin cells; Syngeneic → donor cells,false,again"), "\(rows[2])")
        #expect(rows[3].hasSuffix(",journey,pz-typed,,engraft,false,again"), "\(rows[3])")
    }
}
