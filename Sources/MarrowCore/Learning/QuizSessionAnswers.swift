#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Answering order, match and type-the-answer questions. As with choices, the learner
/// works with *displayed* positions and the record holds *written* indices
/// (`Question.isCorrect(recorded:)` says what they mean).
extension QuizSession {
    /// Answers order question `index` with the displayed positions of its steps in the
    /// order the learner put them, first to last.
    @discardableResult
    package mutating func answer(question index: Int, arranged displayed: [Int], at time: Date) -> AnswerRecord {
        let order = choiceOrders[index]
        return record(question: index, chosen: displayed.map { order.indices.contains($0) ? order[$0] : -1 }, typed: nil, at: time)
    }

    /// Answers match question `index`: for each left item in written order, the displayed
    /// position of the right item the learner paired with it (nil: left unpaired).
    @discardableResult
    package mutating func answer(question index: Int, pairedWith displayed: [Int?], at time: Date) -> AnswerRecord {
        let order = choiceOrders[index]
        return record(question: index, chosen: displayed.map { position in
            guard let position, order.indices.contains(position) else { return -1 }
            return order[position]
        }, typed: nil, at: time)
    }

    /// Answers type-the-answer question `index` with what the learner typed; returns the
    /// record and the verdict (which accepted answer, and whether a typo was forgiven).
    @discardableResult
    package mutating func answer(question index: Int, typed: String, at time: Date) -> (record: AnswerRecord, verdict: TypedAnswerMatcher.Verdict) {
        let verdict = TypedAnswerMatcher.judge(typed, accepted: questions[index].acceptedAnswers)
        let record = record(question: index, chosen: verdict.matched.map { [$0] } ?? [], typed: typed, at: time)
        return (record, verdict)
    }

    private mutating func record(question index: Int, chosen: [Int], typed: String?, at time: Date) -> AnswerRecord {
        let q = questions[index]
        let record = AnswerRecord(
            course: courseID, lesson: q.lessonID, question: q.id, chosen: chosen,
            correct: q.isCorrect(recorded: chosen), time: time, attempt: attemptID,
            attemptTotal: attemptTotal(forLesson: q.lessonID), fullQuiz: fullQuizLessons.contains(q.lessonID), typed: typed)
        records[index] = record
        return record
    }
}
