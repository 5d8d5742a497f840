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
    public static func rebuild(records: [AnswerRecord], courseID: String, fsrs: FSRS) -> [String: ReviewState] {
        var schedules: [String: ReviewState] = [:]
        for record in records where record.course == courseID {
            schedules[record.question] = fsrs.next(schedules[record.question], rating: record.effectiveRating, at: record.time)
        }
        return schedules
    }

    /// The schedule after `records` (one question's answers, in log order); nil if there are none.
    public static func state(of records: [AnswerRecord], fsrs: FSRS) -> ReviewState? {
        fsrs.replay(records.map { ($0.effectiveRating, $0.time) })
    }
}
