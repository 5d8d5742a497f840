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
    public static func rebuild(from records: [AnswerRecord]) -> Progress {
        var progress = Progress()
        for record in records { progress.apply(record) }
        return progress.normalized()
    }

    /// Adds one answer: creates the attempt if needed and sets the question's
    /// result (a later answer to the same question in the attempt replaces it).
    public mutating func apply(_ record: AnswerRecord) {
        var lesson = self[course: record.course][lesson: record.lesson]
        if let opened = lesson.opened { lesson.opened = min(opened, record.time) } else { lesson.opened = record.time }
        if let i = lesson.attempts.firstIndex(where: { $0.id == record.attempt }) {
            lesson.attempts[i].answers[record.question] = record.correct
            lesson.attempts[i].total = max(lesson.attempts[i].total, record.attemptTotal)
            lesson.attempts[i].started = min(lesson.attempts[i].started, record.time)
        } else {
            lesson.attempts.append(QuizAttempt(id: record.attempt, started: record.time, total: record.attemptTotal,
                                               answers: [record.question: record.correct]))
        }
        self[course: record.course][lesson: record.lesson] = lesson
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
