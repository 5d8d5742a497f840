#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Range checks of the review schedules read from `progress.json`.
///
/// A file can be valid JSON of the right types and still hold values no answer
/// could have produced (a hand edit, another program, a damaged disk): counts of
/// 9223372036854775807, a difficulty of -1e308. Such a schedule is not kept: it is
/// rebuilt from the question's answers in the log, or dropped when the log has
/// none, and the learner is told in one line.
extension ReviewState {
    /// More reviews of one question than anyone could give.
    package static let repsLimit = 1_000_000
    /// The longest gap from a review to its due date: the scheduler's longest interval and a day.
    static let longestDueGap = Double(FSRS().maximumInterval + 1) * 86_400

    /// Whether every field is one the scheduler could have produced: stability
    /// and difficulty finite and within `FSRS`'s bounds (the prior's too), counts
    /// from 0 to `repsLimit` with no more lapses than reviews, and the due date
    /// no earlier than the review and at most the longest interval after it.
    package var isWithinBounds: Bool {
        func memory(_ s: Double, _ d: Double) -> Bool {
            s.isFinite && s >= FSRS.stabilityMinimum && s <= FSRS.stabilityMaximum && d.isFinite && FSRS.difficultyRange.contains(d)
        }
        func gap(_ due: Date, _ review: Date) -> Bool {
            let g = due.timeIntervalSince(review)
            return g.isFinite && g >= 0 && g <= Self.longestDueGap
        }
        guard memory(stability, difficulty), gap(due, lastReview),
              (0...Self.repsLimit).contains(reps), (0...reps).contains(lapses) else { return false }
        if let prior { return memory(prior.stability, prior.difficulty) && gap(prior.due, prior.lastReview) }
        return true
    }
}

extension LearnerProgress {
    /// Replaces every review schedule out of bounds (`ReviewState.isWithinBounds`)
    /// with the one `records` (the log's answers) give for its question, or removes
    /// it when they give none. Returns how many were replaced and removed.
    mutating func repairReviews(from records: () -> [AnswerRecord], fsrs: FSRS = FSRS()) -> (rebuilt: Int, removed: Int) {
        var bad: [(course: String, question: String)] = []
        for (courseID, course) in courses {
            for (question, state) in course.reviews where !state.isWithinBounds { bad.append((courseID, question)) }
        }
        guard !bad.isEmpty else { return (0, 0) }
        let log = records()
        var rebuilt = 0, removed = 0
        var schedules: [String: [String: ReviewState]] = [:]
        for (courseID, question) in bad {
            if schedules[courseID] == nil { schedules[courseID] = ReviewSchedule.rebuild(records: log, courseID: courseID, fsrs: fsrs) }
            if let state = schedules[courseID]?[question], state.isWithinBounds {
                courses[courseID]?.reviews[question] = state
                rebuilt += 1
            } else {
                courses[courseID]?.reviews[question] = nil
                removed += 1
            }
        }
        return (rebuilt, removed)
    }
}
