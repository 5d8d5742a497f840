import Foundation
import Testing
@testable import MarrowCore

/// A small course built in code: two lessons, every question kind.
enum QuizSessionFixture {
    static func question(_ id: String, lesson: String, _ prompt: String, kind: Question.Kind = .single,
                         choices: [(String, Bool)], tags: [String] = [], fixedOrder: Bool = false) -> Question {
        Question(id: id, lessonID: lesson, prompt: [.text(prompt)], tags: tags,
                 choices: choices.map { Choice(text: [.text($0.0)], isCorrect: $0.1) },
                 explanation: [Block(.paragraph([.text("Because.")]))], kind: kind, fixedOrder: fixedOrder)
    }

    static func course(shuffle: Bool = true) -> Course {
        let a = Lesson(meta: LessonMeta(id: "basics", title: "Basics"), body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("Basics")])),
            Block(.paragraph([.text("Stem cells make blood.")])),
        ]), quiz: [
            question("q1", lesson: "basics", "Where are stem cells?", choices: [("Marrow", true), ("Skin", false), ("Hair", false), ("Nails", false)]),
            question("q2", lesson: "basics", "Sources?", kind: .multiple, choices: [("Marrow", true), ("Blood", true), ("Skin", false), ("Cord blood", true)]),
            question("q3", lesson: "basics", "GVL exists.", kind: .trueFalse, choices: [("True", true), ("False", false)]),
            question("q4", lesson: "basics", "Pick the last.", choices: [("A", false), ("B", false), ("All of the above", true)], fixedOrder: true),
        ])
        let b = Lesson(meta: LessonMeta(id: "risks", title: "Risks"), body: Document(blocks: []), quiz: [
            question("r1", lesson: "risks", "GVHD is?", choices: [("Donor cells attack", true), ("A virus", false)], tags: ["risk"]),
            question("r2", lesson: "risks", "Infections are common.", kind: .trueFalse, choices: [("True", true), ("False", false)], tags: ["risk"]),
        ])
        return Course(info: CourseInfo(id: "hsct", title: "HSCT", shuffleChoices: shuffle), lessons: [a, b])
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
}

@Suite struct QuizSessionTests {
    let course = QuizSessionFixture.course()

    @Test func sameSeedSameOrderAndID() {
        let a = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 42)
        let b = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 42)
        #expect(a.attemptID == b.attemptID)
        #expect(a.choiceOrders == b.choiceOrders)
        #expect(a.attemptID.count == 16)
        #expect(a.questions.map(\.id) == ["q1", "q2", "q3", "q4"])
    }

    @Test func differentSeedsShuffleDifferently() {
        let orders = Set((1...20).map { QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: UInt64($0)).choiceOrders[0] })
        #expect(orders.count > 3)
        let ids = Set((1...20).map { QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: UInt64($0)).attemptID })
        #expect(ids.count == 20)
        // Every order is a permutation of the written indices.
        for order in orders { #expect(order.sorted() == [0, 1, 2, 3]) }
    }

    @Test func fixedOrderTrueFalseAndCourseSettingKeepWrittenOrder() {
        for seed in UInt64(1)...20 {
            let s = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: seed)
            #expect(s.choiceOrders[2] == [0, 1])
            #expect(s.choiceOrders[3] == [0, 1, 2])
        }
        let unshuffled = QuizSession(course: QuizSessionFixture.course(shuffle: false), lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 9)
        #expect(unshuffled.choiceOrders == [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1], [0, 1, 2]])
    }

    @Test func displayedIndicesMapToWrittenOnes() {
        let s = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 7)
        let order = s.choiceOrders[0]
        for d in 0..<4 {
            #expect(s.writtenIndex(ofQuestion: 0, displayed: d) == order[d])
            #expect(s.displayedIndex(ofQuestion: 0, written: order[d]) == d)
            #expect(s.displayedChoices(ofQuestion: 0)[d] == course.lessons[0].quiz[0].choices[order[d]])
        }
        #expect(s.writtenIndices(ofQuestion: 0, displayed: [0, 2, 9]) == [order[0], order[2]].sorted())
    }

    @Test func answersMakeRecordsAndScore() {
        var s = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 3)
        let right = s.displayedIndex(ofQuestion: 0, written: 0)
        let r1 = s.answer(question: 0, displayed: [right], at: QuizSessionFixture.t0.addingTimeInterval(5))
        #expect(r1 == AnswerRecord(course: "hsct", lesson: "basics", question: "q1", chosen: [0], correct: true,
                                   time: QuizSessionFixture.t0.addingTimeInterval(5), attempt: s.attemptID, attemptTotal: 4, fullQuiz: true))
        // Multiple: all three right ones, in any displayed order.
        let multi = Set([0, 1, 3].map { s.displayedIndex(ofQuestion: 1, written: $0) })
        #expect(s.answer(question: 1, displayed: multi, at: QuizSessionFixture.t0).correct)
        // Missing one of them is wrong.
        let partial = Set([0, 1].map { s.displayedIndex(ofQuestion: 1, written: $0) })
        #expect(!s.answer(question: 1, displayed: partial, at: QuizSessionFixture.t0).correct)
        #expect(s.records[1]?.chosen == [0, 1])
        #expect(!s.answer(question: 2, displayed: [1], at: QuizSessionFixture.t0).correct)
        #expect(!s.isComplete)
        #expect(s.answer(question: 3, displayed: [2], at: QuizSessionFixture.t0).correct)
        #expect(s.isComplete)
        #expect(s.correctCount == 2)
        #expect(s.scorePercent == 50)
        #expect(s.missedQuestionIDs == ["q2", "q3"])
    }

    @Test func scorePercentRounds() {
        var s = QuizSession(course: course, lessonID: nil, questionIDs: ["q1", "q3", "q4"], started: QuizSessionFixture.t0, seed: 1)
        s.answer(question: 0, displayed: [s.displayedIndex(ofQuestion: 0, written: 0)], at: QuizSessionFixture.t0)
        s.answer(question: 1, displayed: [0], at: QuizSessionFixture.t0)
        s.answer(question: 2, displayed: [0], at: QuizSessionFixture.t0)
        #expect(s.scorePercent == 67)
    }

    @Test func retryHasOnlyMissedWithFreshIDAndOrder() throws {
        var s = QuizSession(course: course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 11)
        for i in 0..<4 { s.answer(question: i, displayed: [], at: QuizSessionFixture.t0) }
        s.answer(question: 2, displayed: [0], at: QuizSessionFixture.t0)
        let retry = try #require(s.retrySession(course: course, started: QuizSessionFixture.t0))
        #expect(retry.questions.map(\.id) == ["q1", "q2", "q4"])
        #expect(retry.attemptID != s.attemptID)
        #expect(retry.lessonID == "basics")
        var done = retry
        let r = done.answer(question: 0, displayed: [], at: QuizSessionFixture.t0)
        #expect(r.attemptTotal == 3)
        // Deterministic too.
        #expect(s.retrySession(course: course, started: QuizSessionFixture.t0) == retry)
        // Nothing missed: no retry.
        var perfect = QuizSession(course: course, lessonID: nil, questionIDs: ["q3"], started: QuizSessionFixture.t0, seed: 1)
        perfect.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0)
        #expect(perfect.retrySession(course: course, started: QuizSessionFixture.t0) == nil)
    }

    @Test func questionSelection() {
        #expect(QuizSession.questions(in: course, lessonID: "risks", questionIDs: nil).map(\.id) == ["r1", "r2"])
        #expect(QuizSession.questions(in: course, lessonID: nil, questionIDs: ["r2", "q1", "nope", "r2"]).map(\.id) == ["r2", "q1"])
        #expect(QuizSession.questions(in: course, lessonID: "risks", questionIDs: ["r2", "q1"]).map(\.id) == ["r2"])
        #expect(QuizSession.questions(in: course, lessonID: nil, questionIDs: nil).count == 6)
        #expect(QuizSession.questions(in: course, lessonID: "missing", questionIDs: nil).isEmpty)
    }

    @Test func mixedLessonRecordsCarryEachLessonAndItsTotal() {
        var s = QuizSession(course: course, lessonID: nil, questionIDs: ["q1", "r1", "r2"], started: QuizSessionFixture.t0, seed: 5)
        let a = s.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0)
        let b = s.answer(question: 1, displayed: [0], at: QuizSessionFixture.t0)
        #expect(a.lesson == "basics" && a.attemptTotal == 1)
        #expect(b.lesson == "risks" && b.attemptTotal == 2)
        #expect(a.attempt == b.attempt)
    }

    @Test func applyingAnswersToProgress() {
        var progress = LearnerProgress()
        var s = QuizSession(course: course, lessonID: nil, questionIDs: ["q1", "r1", "r2"], started: QuizSessionFixture.t0, seed: 5)
        let t1 = QuizSessionFixture.t0.addingTimeInterval(60)
        progress.apply(s.answer(question: 0, displayed: [s.displayedIndex(ofQuestion: 0, written: 0)], at: t1))
        progress.apply(s.answer(question: 1, displayed: [s.displayedIndex(ofQuestion: 1, written: 1)], at: t1))
        progress.apply(s.answer(question: 2, displayed: [0], at: t1))
        let basics = progress[course: "hsct"][lesson: "basics"]
        #expect(basics.attempts == [QuizAttempt(id: s.attemptID, started: t1, total: 1, answers: ["q1": true], fullQuiz: false)])
        // A quiz across lessons is no lesson's quiz, even where it asks all of risks' questions.
        #expect(basics.bestScore == nil)
        let risks = progress[course: "hsct"][lesson: "risks"]
        #expect(risks.attempts.count == 1)
        #expect(risks.attempts[0].answers == ["r1": false, "r2": true])
        #expect(risks.attempts[0].fullQuiz == false && risks.lastScore == nil)
        #expect(progress[course: "hsct"].reviews.mapValues(\.lastRating) == ["q1": .good, "r1": .again, "r2": .good])
        // Re-applying the same record changes nothing.
        let before = progress
        progress.apply(s.records[2]!)
        #expect(progress == before)
    }

    @Test func splitMixIsStable() {
        var g = SplitMix64(seed: 0)
        // Reference values of SplitMix64 for seed 0.
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        var h = SplitMix64(seed: 99)
        for _ in 0..<200 { #expect((0..<5).contains(h.index(below: 5))) }
    }
}
