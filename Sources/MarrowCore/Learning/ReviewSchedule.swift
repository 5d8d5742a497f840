#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Review schedules rebuilt from the answer log: the log is the truth, the
/// schedules in `progress.json` (`CourseProgress.reviews`) are a copy kept up to
/// date answer by answer (`LearnerProgress.apply`), and the two always agree.
package enum ReviewSchedule {
    /// Per question id answered in course `courseID`, the schedule after all its
    /// answers, in log order (each answer one FSRS review rated
    /// `AnswerRecord.effectiveRating` at its time). Questions no longer in the
    /// course are included: their history is kept for when they come back.
    /// An answer repeated (the result its attempt already holds for the question,
    /// within a second of the question's latest review) counts once, by the very
    /// rule `LearnerProgress.apply` uses (`isSameAnswer`), so the two always agree.
    package static func rebuild(records: [AnswerRecord], courseID: String, fsrs: FSRS) -> [String: ReviewState] {
        var schedules: [String: ReviewState] = [:]
        /// Each attempt's latest result per question, as `QuizAttempt.answers` holds it.
        var results: [AttemptAnswer: Bool] = [:]
        for record in records where record.course == courseID {
            let key = AttemptAnswer(lesson: record.lesson, attempt: record.attempt, question: record.question)
            let previous = schedules[record.question]
            let repeated = previous.map { isSameAnswer(record, asReviewAt: $0.lastReview, attempt: results[key]) } ?? false
            results[key] = record.correct
            if !repeated {
                schedules[record.question] = fsrs.next(previous, rating: record.effectiveRating, at: record.time)
            }
        }
        return schedules
    }

    private struct AttemptAnswer: Hashable {
        var lesson: String
        var attempt: String
        var question: String
    }

    /// The schedule after `records` (one question's answers, in log order); nil if there are none.
    package static func state(of records: [AnswerRecord], fsrs: FSRS) -> ReviewState? {
        guard let first = records.first else { return nil }
        return rebuild(records: records, courseID: first.course, fsrs: fsrs)[first.question]
    }

    /// Whether `record` repeats the answer behind a review at `reviewTime`:
    /// `attempt` is the result the record's attempt already holds for its question.
    static func isSameAnswer(_ record: AnswerRecord, asReviewAt reviewTime: Date, attempt: Bool?) -> Bool {
        attempt == record.correct && abs(record.time.timeIntervalSince(reviewTime)) < 1
    }
}
