import Foundation
import Testing
@testable import MarrowCore

/// Order, match and type-the-answer questions in a session: how answers are recorded,
/// scored (one question each, right only when wholly right) and logged.
@Suite struct QuizSessionPuzzleTests {
    static func course(shuffle: Bool = false) -> Course {
        let why = [Block(.paragraph([.text("Because.")]))]
        let steps = ["Tests", "Conditioning", "Infusion", "Engraftment"].map { [Inline.text($0)] }
        let pairs = [("Autologous", "own cells"), ("Allogeneic", "donor cells"), ("Syngeneic", "twin cells")]
            .map { MatchPair(left: [.text($0.0)], right: [.text($0.1)]) }
        let lesson = Lesson(meta: LessonMeta(id: "journey", title: "Journey"), body: Document(blocks: [Block(.paragraph([.text("Text.")]))]), quiz: [
            Question(id: "o1", lessonID: "journey", prompt: [.text("Order them.")], choices: [], explanation: why, kind: .order, orderItems: steps),
            Question(id: "m1", lessonID: "journey", prompt: [.text("Match them.")], choices: [], explanation: why, kind: .match, pairs: pairs),
            Question(id: "t1", lessonID: "journey", prompt: [.text("Type it.")], choices: [], explanation: why, kind: .typed,
                     acceptedAnswers: ["engraftment"]),
        ])
        return Course(info: CourseInfo(id: "hsct", title: "HSCT", shuffleChoices: shuffle), lessons: [lesson])
    }

    /// Even with shuffling off, steps and partners are shuffled and never shown solved.
    @Test func puzzlesAreAlwaysShuffledAndNeverSolved() {
        let course = Self.course(shuffle: false)
        for seed in UInt64(0)..<200 {
            let session = QuizSession(course: course, lessonID: "journey", questionIDs: nil, started: QuizSessionFixture.t0, seed: seed)
            #expect(session.choiceOrders[0].sorted() == [0, 1, 2, 3] && session.choiceOrders[0] != [0, 1, 2, 3], "seed \(seed)")
            #expect(session.choiceOrders[1].sorted() == [0, 1, 2] && session.choiceOrders[1] != [0, 1, 2], "seed \(seed)")
            #expect(session.choiceOrders[2] == [])
        }
    }

    @Test func rightAnswersAreRecordedInWrittenOrder() {
        var session = QuizSession(course: Self.course(), lessonID: "journey", questionIDs: nil, started: QuizSessionFixture.t0, seed: 7)
        // The learner puts the displayed steps in their right order.
        let arranged = (0..<4).map { session.displayedIndex(ofQuestion: 0, written: $0) }
        let order = session.answer(question: 0, arranged: arranged, at: QuizSessionFixture.t0)
        #expect(order.chosen == [0, 1, 2, 3] && order.correct && order.typed == nil)
        let paired = (0..<3).map { Optional(session.displayedIndex(ofQuestion: 1, written: $0)) }
        let match = session.answer(question: 1, pairedWith: paired, at: QuizSessionFixture.t0)
        #expect(match.chosen == [0, 1, 2] && match.correct)
        let (typed, verdict) = session.answer(question: 2, typed: "Engraftmnet", at: QuizSessionFixture.t0)
        #expect(typed.chosen == [0] && typed.correct && typed.typed == "Engraftmnet")
        #expect(verdict.typoForgiven)
        #expect(session.correctCount == 3 && session.scorePercent == 100)
    }

    /// 2 of 4 steps in place and 1 of 3 pairs right: wrong, for review and the score.
    @Test func partlyRightIsWrong() {
        var session = QuizSession(course: Self.course(), lessonID: "journey", questionIDs: nil, started: QuizSessionFixture.t0, seed: 7)
        let arranged = [0, 2, 1, 3].map { session.displayedIndex(ofQuestion: 0, written: $0) }
        let order = session.answer(question: 0, arranged: arranged, at: QuizSessionFixture.t0)
        #expect(order.chosen == [0, 2, 1, 3] && !order.correct)
        let paired = [0, 2, 1].map { Optional(session.displayedIndex(ofQuestion: 1, written: $0)) }
        let match = session.answer(question: 1, pairedWith: paired, at: QuizSessionFixture.t0)
        #expect(match.chosen == [0, 2, 1] && !match.correct)
        let (typed, verdict) = session.answer(question: 2, typed: "engraft", at: QuizSessionFixture.t0)
        #expect(typed.chosen == [] && !typed.correct && verdict == .wrong)
        #expect(session.correctCount == 0)
        // Wholly right or wrong in the score too: the feedback says what part was right.
        #expect(session.scorePercent == 0)
        #expect(session.missedQuestionIDs == ["o1", "m1", "t1"])
        // Review counts them wrong.
        #expect(order.effectiveRating == .again && match.effectiveRating == .again)
    }

    /// The typed text goes into the log line and comes back; other lines are unchanged.
    @Test func theTypedTextSurvivesTheLog() {
        var session = QuizSession(course: Self.course(), lessonID: "journey", questionIDs: nil, started: QuizSessionFixture.t0, seed: 7)
        let (record, _) = session.answer(question: 2, typed: "graft \"versus\" host\\", at: QuizSessionFixture.t0)
        let line = AnswerLog.line(for: record)
        #expect(String(decoding: line, as: UTF8.self).contains(#","typed":"graft \"versus\" host\\"}"#))
        #expect(AnswerLog.parse(line, fileName: "h").records == [record])
        let order = session.answer(question: 0, arranged: [0, 1, 2, 3], at: QuizSessionFixture.t0)
        #expect(!String(decoding: AnswerLog.line(for: order), as: UTF8.self).contains("typed"))
    }
}
