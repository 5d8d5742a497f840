#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Review schedules rebuilt from the answer log: the log is the truth, the
/// schedules in `progress.json` (`CourseProgress.reviews`) are a copy kept up to
/// date answer by answer (`Progress.apply`), and the two always agree.
public enum ReviewSchedule {
    /// Per question id answered in course `courseID`, the schedule after all its
    /// answers, in log order (each answer one FSRS review rated
    /// `AnswerRecord.effectiveRating` at its time). Questions no longer in the
    /// course are included: their history is kept for when they come back.
    /// An answer repeated (the same attempt, result and second as the question's
    /// latest review) counts once, as `Progress.apply` counts it.
    public static func rebuild(records: [AnswerRecord], courseID: String, fsrs: FSRS) -> [String: ReviewState] {
        var schedules: [String: ReviewState] = [:]
        var latest: [String: AnswerRecord] = [:]
        for record in records where record.course == courseID {
            let previous = schedules[record.question]
            if let previous, let last = latest[record.question],
               isSameAnswer(record, asReviewAt: previous.lastReview, attempt: last.attempt == record.attempt ? last.correct : nil) {
                continue
            }
            schedules[record.question] = fsrs.next(previous, rating: record.effectiveRating, at: record.time)
            latest[record.question] = record
        }
        return schedules
    }

    /// The schedule after `records` (one question's answers, in log order); nil if there are none.
    public static func state(of records: [AnswerRecord], fsrs: FSRS) -> ReviewState? {
        guard let first = records.first else { return nil }
        return rebuild(records: records, courseID: first.course, fsrs: fsrs)[first.question]
    }

    /// Whether `record` repeats the answer behind a review at `reviewTime`:
    /// `attempt` is the result the record's attempt already holds for its question.
    static func isSameAnswer(_ record: AnswerRecord, asReviewAt reviewTime: Date, attempt: Bool?) -> Bool {
        attempt == record.correct && abs(record.time.timeIntervalSince(reviewTime)) < 1
    }
}
