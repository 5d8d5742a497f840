import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Order, match and type-the-answer questions in the quiz screen: each state as golden
/// files at 80×24 and 40×12, and a keyboard journey per kind through `update`.
@Suite struct QuizPuzzleScreenTests {
    static let why = [Block(.paragraph([.text("Tests come first; conditioning makes room; the cells are given on day 0; engraftment follows weeks later.")]))]
    static let lesson = Lesson(
        meta: LessonMeta(id: "journey", title: "The transplant journey", minutes: 5),
        body: Document(blocks: [Block(.paragraph([.text("The journey.")]))]),
        quiz: [
            Question(id: "p-order", lessonID: "journey", prompt: [.text("Put these steps of an allogeneic transplant in order, first to last.")],
                     choices: [], explanation: why, kind: .order,
                     orderItems: ["Tests to check the body is ready", "Conditioning with chemotherapy", "Infusion of the donor's stem cells",
                                  "Engraftment: the new cells start making blood"].map { [Inline.text($0)] }),
            Question(id: "p-match", lessonID: "journey", prompt: [.text("Match each kind of transplant to whose stem cells it uses.")],
                     choices: [], explanation: [Block(.paragraph([.text("Auto means self, allo other, syn same.")]))], kind: .match,
                     pairs: [("Autologous", "the patient's own cells"), ("Allogeneic", "cells from a donor"), ("Syngeneic", "cells from an identical twin")]
                        .map { MatchPair(left: [.text($0.0)], right: [.text($0.1)]) }),
            Question(id: "p-typed", lessonID: "journey", prompt: [.text("What is it called when the new cells settle in and start making blood? Type the word.")],
                     choices: [], explanation: [Block(.paragraph([.text("Engraftment usually comes some weeks after the infusion.")]))], kind: .typed,
                     acceptedAnswers: ["engraftment", "graft take"]),
        ])

    static func context(columns: Int = 80, rows: Int = 24) -> AppContext {
        AppContext(course: Course(info: CourseInfo(id: "hsct", title: "HSCT"), lessons: [lesson]), progress: LearnerProgress(),
                   now: QuizTestCourse.now, randomSeed: 7, screenArea: Rect(row: 0, column: 0, width: columns, height: rows - 1), clock: .utc)
    }

    /// The quiz at question `question` (earlier ones answered right), after `keys`.
    static func quiz(at question: Int, keys: [Key], context: inout AppContext) -> QuizScreen {
        var quiz = QuizScreen(lessonID: "journey", questionIDs: nil, context: &context)
        for asked in 0..<question {
            for key in rightKeys(quiz) { _ = quiz.update(key, context: &context) }
            // Enter goes on; on a small screen it first scrolls to an explanation not yet shown.
            for _ in 0..<10 where quiz.index == asked { _ = quiz.update(.enter, context: &context) }
        }
        for key in keys { _ = quiz.update(key, context: &context) }
        return quiz
    }

    /// Keys that answer the question shown right.
    static func rightKeys(_ quiz: QuizScreen) -> [Key] {
        let session = quiz.session
        let index = quiz.index
        switch session.questions[index].kind {
        case .order:
            // Selection sort with K: bring each step up to its place.
            var arrangement = session.choiceOrders[index]
            var keys: [Key] = []
            for place in arrangement.indices {
                var row = arrangement.firstIndex(of: place)!
                keys += [.character(Character(String(row + 1)))]
                while row > place { keys.append(.character("K")); arrangement.swapAt(row, row - 1); row -= 1 }
            }
            return keys + [.enter]
        case .match:
            return (0..<session.questions[index].pairs.count).flatMap { left -> [Key] in
                let position = session.displayedIndex(ofQuestion: index, written: left)
                return [.character(Character(String(left + 1))), .character(Character(UnicodeScalar(UInt8(0x61 + position))))]
            } + [.enter]
        default:
            return "Engraftmnet".map { Key.character($0) } + [.enter]
        }
    }

    func snapshot(_ name: String, question: Int, keys: [Key]) {
        for (columns, rows) in QuizSnapshotTests.sizes {
            var context = Self.context(columns: columns, rows: rows)
            let quiz = Self.quiz(at: question, keys: keys, context: &context)
            assertSnapshot(QuizTestCourse.render(quiz, context: context), named: "quiz-\(name)-\(columns)x\(rows)")
        }
    }

    @Test func orderAsking() { snapshot("order", question: 0, keys: [.down]) }
    @Test func orderHoldingAStep() { snapshot("order-holding", question: 0, keys: [.down, .character(" "), .up]) }
    @Test func orderFeedbackWrong() { snapshot("order-feedback", question: 0, keys: [.character("K"), .enter]) }
    @Test func matchAsking() { snapshot("match", question: 1, keys: [.character("b")]) }
    @Test func matchNotAllPaired() { snapshot("match-unpaired", question: 1, keys: [.character("b"), .enter]) }
    @Test func matchFeedbackWrong() { snapshot("match-feedback", question: 1, keys: [.character("a"), .character("b"), .character("c"), .enter]) }
    @Test func typedAsking() { snapshot("typed", question: 2, keys: "graft q?1".map { Key.character($0) }) }
    @Test func typedFeedbackTypo() { snapshot("typed-feedback-typo", question: 2, keys: "Engraftmnet".map { Key.character($0) } + [.enter]) }
    @Test func typedFeedbackWrong() { snapshot("typed-feedback-wrong", question: 2, keys: "engraft".map { Key.character($0) } + [.enter]) }
    @Test func summaryCountsEachPuzzleWhole() {
        let answers: [[Key]] = [[.character("K"), .enter], "abc".map { Key.character($0) } + [.enter], "engraftment".map { Key.character($0) } + [.enter]]
        for (columns, rows) in QuizSnapshotTests.sizes {
            var context = Self.context(columns: columns, rows: rows)
            var quiz = Self.quiz(at: 0, keys: [], context: &context)
            for (asked, keys) in answers.enumerated() {
                for key in keys { _ = quiz.update(key, context: &context) }
                for _ in 0..<10 where quiz.index == asked && quiz.phase != .summary { _ = quiz.update(.enter, context: &context) }
            }
            #expect(quiz.phase == .summary)
            assertSnapshot(QuizTestCourse.render(quiz, context: context), named: "quiz-puzzle-summary-\(columns)x\(rows)")
        }
    }

    /// Each kind answered right from the keyboard: the answer is recorded, applied to
    /// progress, and emitted to be saved.
    @Test func everyKindAnsweredRightByKeyboard() {
        var context = Self.context()
        var quiz = QuizScreen(lessonID: "journey", questionIDs: nil, context: &context)
        for index in 0..<3 {
            #expect(quiz.index == index && quiz.phase == .asking)
            for key in Self.rightKeys(quiz) { _ = quiz.update(key, context: &context) }
            #expect(quiz.phase == .feedback)
            #expect(quiz.session.records[index]?.correct == true, "question \(index)")
            _ = quiz.update(.enter, context: &context)
        }
        #expect(quiz.phase == .summary)
        #expect(quiz.session.records.map { $0?.chosen } == [[0, 1, 2, 3], [0, 1, 2], [0]])
        #expect(quiz.session.records[2]?.typed == "Engraftmnet")
        let saved = context.effects.compactMap { effect -> String? in
            if case .recordAnswer(let record) = effect { return record.question }
            return nil
        }
        #expect(saved == ["p-order", "p-match", "p-typed"])
        #expect(context.progress[course: "hsct"].reviews["p-typed"] != nil)
    }

    /// In a text field, q, ? and digits are text; Esc still leaves; Enter on nothing does nothing.
    @Test func theTextFieldTakesEveryPrintableKey() {
        var context = Self.context()
        var quiz = Self.quiz(at: 2, keys: [], context: &context)
        #expect(quiz.update(.enter, context: &context) == nil)
        #expect(quiz.phase == .asking && quiz.notice == "Type your answer first, then press Enter.")
        for key in "q?1 n".map({ Key.character($0) }) { #expect(quiz.update(key, context: &context) == nil) }
        #expect(quiz.puzzle == .typed(TypedAnswerView(text: "q?1 n")))
        _ = quiz.update(.backspace, context: &context)
        #expect(quiz.puzzle == .typed(TypedAnswerView(text: "q?1 ")))
        #expect(quiz.update(.escape, context: &context) == .back)
    }

    /// A match submitted with items unpaired is not an answer.
    @Test func matchNeedsEveryPair() {
        var context = Self.context()
        var quiz = Self.quiz(at: 1, keys: [.character("a"), .enter], context: &context)
        #expect(quiz.phase == .asking && quiz.session.records[1] == nil)
        #expect(quiz.notice == "Pair every item first: 2 items still without a partner.")
        _ = quiz.update(.character("q"), context: &context)
    }
}
