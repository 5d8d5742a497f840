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
public struct AnswerGrade: Sendable, Hashable, Codable {
    public var course: String
    public var lesson: String
    public var question: String
    /// The attempt of the graded answer (`AnswerRecord.attempt`).
    public var attempt: String
    /// The time of the graded answer (`AnswerRecord.time`), to tell apart two
    /// answers to one question in one attempt; nil matches the latest.
    public var answerTime: Date?
    public var rating: Rating
    /// When the grade was given.
    public var time: Date

    public init(course: String, lesson: String, question: String, attempt: String, answerTime: Date?, rating: Rating, time: Date) {
        self.course = course
        self.lesson = lesson
        self.question = question
        self.attempt = attempt
        self.answerTime = answerTime
        self.rating = rating
        self.time = time
    }

    /// The grade of `record` (a right answer) as `rating`, given at `time`.
    public init(of record: AnswerRecord, rating: Rating, time: Date) {
        self.init(course: record.course, lesson: record.lesson, question: record.question, attempt: record.attempt,
                  answerTime: record.time, rating: rating, time: time)
    }

    /// Whether this grade amends `record`.
    public func amends(_ record: AnswerRecord) -> Bool {
        record.course == course && record.attempt == attempt && record.question == question
            && (answerTime.map { abs($0.timeIntervalSince(record.time)) < 1 } ?? true)
    }

    enum CodingKeys: String, CodingKey { case event, course, lesson, question, attempt, answered, rating, time }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        course = try c.decode(String.self, forKey: .course)
        lesson = try c.decode(String.self, forKey: .lesson)
        question = try c.decode(String.self, forKey: .question)
        attempt = try c.decode(String.self, forKey: .attempt)
        answerTime = try c.decodeIfPresent(Date.self, forKey: .answered)
        rating = try c.decode(Rating.self, forKey: .rating)
        time = try c.decode(Date.self, forKey: .time)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("grade", forKey: .event)
        try c.encode(course, forKey: .course)
        try c.encode(lesson, forKey: .lesson)
        try c.encode(question, forKey: .question)
        try c.encode(attempt, forKey: .attempt)
        try c.encodeIfPresent(answerTime, forKey: .answered)
        try c.encode(rating, forKey: .rating)
        try c.encode(time, forKey: .time)
    }
}
