#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A log line amending the rating of an earlier answer: after a right answer the
/// learner may press one key to say it was hard or easy. The answer line is
/// already written and the log is never rewritten, so the grade is a line of
/// its own, naming the answer by attempt and question:
///
/// `{"event":"grade","course":"hsct","lesson":"basics","question":"basics-q1","attempt":"3F2A…","answered":"2026-11-26T10:00:00Z","rating":2,"time":"2026-11-26T10:00:04Z"}`
///
/// `rating` is FSRS's number (2 hard, 3 good, 4 easy). Reading the log
/// (`AnswerLog.parse`) sets `AnswerRecord.rating` of the latest matching answer
/// above the line; a grade of a wrong answer, or of an answer no longer in the
/// log (reset), changes nothing. An older Marrow ignores the line (an unknown
/// event), so its schedules simply treat the answer as `good`.
package struct AnswerGrade: Sendable, Hashable, Decodable {
    package var course: String
    package var lesson: String
    package var question: String
    /// The attempt of the graded answer (`AnswerRecord.attempt`).
    package var attempt: String
    /// The time of the graded answer (`AnswerRecord.time`), to tell apart two
    /// answers to one question in one attempt; nil matches the latest.
    package var answerTime: Date?
    package var rating: Rating
    /// When the grade was given.
    package var time: Date

    package init(course: String, lesson: String, question: String, attempt: String, answerTime: Date?, rating: Rating, time: Date) {
        self.course = course
        self.lesson = lesson
        self.question = question
        self.attempt = attempt
        self.answerTime = answerTime
        self.rating = rating
        self.time = time
    }

    /// The grade of `record` (a right answer) as `rating`, given at `time`.
    package init(of record: AnswerRecord, rating: Rating, time: Date) {
        self.init(course: record.course, lesson: record.lesson, question: record.question, attempt: record.attempt,
                  answerTime: record.time, rating: rating, time: time)
    }

    /// Whether this grade amends `record`.
    package func amends(_ record: AnswerRecord) -> Bool {
        record.course == course && record.attempt == attempt && record.question == question
            && (answerTime.map { abs($0.timeIntervalSince(record.time)) < 1 } ?? true)
    }

    /// The fields of a grade line (its `"event"` is left to `AnswerLog.parse`); the
    /// line itself is written by `AnswerLog.line(for:)`, which keeps the fields in order.
    enum CodingKeys: String, CodingKey { case course, lesson, question, attempt, answerTime = "answered", rating, time }
}
