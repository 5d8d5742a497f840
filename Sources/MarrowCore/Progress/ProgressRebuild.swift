#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Progress {
    /// The answer-derived state the log alone gives: per course and lesson, one
    /// `QuizAttempt` per attempt id (started at its first answer, `total` from
    /// `attemptTotal`, the latest answer per question), and the lesson marked
    /// opened at its first answer. Positions, bookmarks, `finished`, reviews and
    /// `lastPlace` are not in the log, so they stay empty.
    ///
    /// Pass records from `LogReadResult.records` (reset answers already left out).
    /// Review schedules are rebuilt too (in log order, with `fsrs`), so they
    /// equal the ones `apply` kept answer by answer.
    public static func rebuild(from records: [AnswerRecord], fsrs: FSRS = FSRS()) -> Progress {
        var progress = Progress()
        for record in records { progress.apply(record, fsrs: fsrs) }
        return progress.normalized()
    }

    /// Adds one answer: creates the attempt if needed and sets the question's
    /// result (a later answer to the same question in the attempt replaces it),
    /// and moves the question's review schedule on by one FSRS review rated
    /// `record.effectiveRating` at `record.time`.
    public mutating func apply(_ record: AnswerRecord, fsrs: FSRS = FSRS()) {
        var lesson = self[course: record.course][lesson: record.lesson]
        let review = self[course: record.course].reviews[record.question]
        let repeated = review.map { ReviewSchedule.isSameAnswer(record, asReviewAt: $0.lastReview,
                                                               attempt: lesson.attempts.first { $0.id == record.attempt }?.answers[record.question]) } ?? false
        if let opened = lesson.opened { lesson.opened = min(opened, record.time) } else { lesson.opened = record.time }
        if let i = lesson.attempts.firstIndex(where: { $0.id == record.attempt }) {
            lesson.attempts[i].answers[record.question] = record.correct
            lesson.attempts[i].total = max(lesson.attempts[i].total, record.attemptTotal)
            lesson.attempts[i].started = min(lesson.attempts[i].started, record.time)
            if lesson.attempts[i].fullQuiz == nil { lesson.attempts[i].fullQuiz = record.fullQuiz }
        } else {
            lesson.attempts.append(QuizAttempt(id: record.attempt, started: record.time, total: record.attemptTotal,
                                               answers: [record.question: record.correct], fullQuiz: record.fullQuiz))
        }
        self[course: record.course][lesson: record.lesson] = lesson
        // The same answer applied again (same attempt, result and second) is not a second review.
        if !repeated {
            self[course: record.course].reviews[record.question] = fsrs.next(review, rating: record.effectiveRating, at: record.time)
        }
    }

    /// Applies a self-grade (hard or easy after a right answer) to the question's
    /// schedule: its latest review is re-rated. Returns false, changing nothing,
    /// when the latest review was a wrong answer or is not the graded one.
    @discardableResult
    public mutating func apply(_ grade: AnswerGrade, fsrs: FSRS = FSRS()) -> Bool {
        guard let state = self[course: grade.course].reviews[grade.question],
              state.lastRating != .again,
              grade.answerTime.map({ abs($0.timeIntervalSince(state.lastReview)) < 1 }) ?? true,
              let regraded = fsrs.regrade(state, to: Rating.forAnswer(correct: true, selfGrade: grade.rating))
        else { return false }
        self[course: grade.course].reviews[grade.question] = regraded
        return true
    }

    /// The same state with each lesson's attempts in a canonical order (by start
    /// time, then id), so `lastScore` means the latest attempt.
    public func normalized() -> Progress {
        var copy = self
        for (courseID, course) in copy.courses {
            for (lessonID, lesson) in course.lessons where !lesson.attempts.isSorted {
                copy.courses[courseID]?.lessons[lessonID]?.attempts.sort(by: QuizAttempt.chronological)
            }
        }
        return copy
    }
}

extension QuizAttempt {
    static func chronological(_ a: QuizAttempt, _ b: QuizAttempt) -> Bool {
        a.started != b.started ? a.started < b.started : a.id < b.id
    }
}

private extension [QuizAttempt] {
    var isSorted: Bool {
        zip(self, dropFirst()).allSatisfy { !QuizAttempt.chronological($1, $0) }
    }
}
