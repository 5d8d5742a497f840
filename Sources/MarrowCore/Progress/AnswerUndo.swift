#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A log line taking back an earlier answer: right after answering, the learner
/// may press `u` (or type `u` in `marrow quiz --plain`) to say "that is not what
/// I meant". The answer line is already written and the log is never rewritten,
/// so the undo is a line of its own, naming the answer by attempt, question and
/// time:
///
/// `{"event":"undo","course":"hsct","lesson":"basics","question":"basics-q1","attempt":"3F2A…","answered":"2026-11-26T10:00:00Z","time":"2026-11-26T10:00:05Z"}`
///
/// Reading the log (`AnswerLog.parse`) drops the latest matching answer above the
/// line, with its self-grade, so scores, schedules and mastery rebuilt from the
/// log never count it. The line has no `chosen` or `correct`, so no Marrow, of any
/// version, can take it for an answer: an older Marrow that knows events skips it
/// as an unknown event, one from before events counts it as an unreadable line.
/// Such a Marrow keeps the undo as long as it loads the state file (which
/// records how much of the log it holds, so the answer is not replayed); only a
/// state rebuilt by it from the whole log, or its review of the log, would count
/// the answer again.
package struct AnswerUndo: Sendable, Hashable, Decodable {
    package var course: String
    package var lesson: String
    package var question: String
    /// The attempt of the answer taken back (`AnswerRecord.attempt`).
    package var attempt: String
    /// The time of the answer taken back (`AnswerRecord.time`).
    package var answerTime: Date
    /// When it was taken back.
    package var time: Date

    package init(course: String, lesson: String, question: String, attempt: String, answerTime: Date, time: Date) {
        self.course = course
        self.lesson = lesson
        self.question = question
        self.attempt = attempt
        self.answerTime = answerTime
        self.time = time
    }

    /// The undo of `record`, at `time`.
    package init(of record: AnswerRecord, time: Date) {
        self.init(course: record.course, lesson: record.lesson, question: record.question, attempt: record.attempt,
                  answerTime: record.time, time: time)
    }

    /// Whether this takes back `record` (times as the log writes them: whole seconds).
    package func cancels(_ record: AnswerRecord) -> Bool {
        record.course == course && record.attempt == attempt && record.question == question
            && abs(answerTime.timeIntervalSince(record.time)) < 1
    }

    /// The fields of an undo line (its `"event"` is left to `AnswerLog.parse`); the
    /// line itself is written by `AnswerLog.line(for:)`, which keeps the fields in order.
    enum CodingKeys: String, CodingKey { case course, lesson, question, attempt, answerTime = "answered", time }
}

extension LearnerProgress {
    /// Takes an answer back (`AnswerUndo`): its question leaves the attempt (an
    /// attempt left with no answers goes, and so does a lesson that only that
    /// answer had brought in, as a state rebuilt from the log would not have it), and the question's review schedule goes
    /// back one review when its latest review is that answer (or goes, when that
    /// was its first). Returns false when the schedule could not be put back here
    /// (the state one review back was not kept): rebuild it from the log then.
    @discardableResult
    package mutating func apply(_ undo: AnswerUndo) -> Bool {
        guard var course = courses[undo.course] else { return true }
        if var lesson = course.lessons[undo.lesson], let i = lesson.attempts.firstIndex(where: { $0.id == undo.attempt }) {
            lesson.attempts[i].answers[undo.question] = nil
            if lesson.attempts[i].answers.isEmpty { lesson.attempts.remove(at: i) }
            let onlyThatAnswer = lesson.attempts.isEmpty && lesson.finished == nil && lesson.position == nil && lesson.bookmarks.isEmpty
                && lesson.unknownFields.isEmpty && lesson.opened.map { abs($0.timeIntervalSince(undo.answerTime)) < 1 } ?? true
            course.lessons[undo.lesson] = onlyThatAnswer ? nil : lesson
        }
        var reverted = true
        if let review = course.reviews[undo.question], abs(review.lastReview.timeIntervalSince(undo.answerTime)) < 1 {
            if review.reps <= 1 {
                course.reviews[undo.question] = nil
            } else if let before = review.beforeLatestReview {
                course.reviews[undo.question] = before
            } else {
                reverted = false
            }
        }
        courses[undo.course] = course
        return reverted
    }
}
