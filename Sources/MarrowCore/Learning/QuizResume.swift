#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Picking up a lesson's quiz where the learner left it. Every answer is saved the
/// moment it is given, so a quiz left part-way (Esc, a signal, a closed terminal)
/// has an attempt in progress with its answers; opening the lesson's quiz again
/// continues that attempt, and finishing it gives the lesson its score.
extension QuizSession {
    /// The attempt at `lesson`'s whole quiz to continue: the lesson's latest
    /// whole-quiz attempt, if some but not all of the quiz's questions were
    /// answered and the quiz still has every question it answered (an attempt on
    /// a quiz since edited is left as it is). Nil otherwise.
    package static func unfinishedAttempt(of lesson: Lesson, in progress: LessonProgress) -> QuizAttempt? {
        guard let latest = progress.unfinishedWholeQuiz else { return nil }
        let quiz = Set(lesson.quiz.map(\.id))
        guard latest.total == quiz.count, latest.answers.keys.allSatisfy(quiz.contains) else { return nil }
        return latest
    }

    /// `attempt` continued: the lesson's quiz with the attempt's id and start and
    /// the answers given so far, each question's latest record from `history` (the
    /// answer log), or, for an answer the history does not have, a record of its
    /// right or wrong alone. Choice orders are drawn afresh from `generator`.
    package init(resuming attempt: QuizAttempt, course: Course, lesson: Lesson, history: [AnswerRecord], generator: inout SplitMix64) {
        self.init(course: course, questions: lesson.quiz, lessonID: lesson.id, started: attempt.started, generator: &generator)
        attemptID = attempt.id
        var latest: [String: AnswerRecord] = [:]
        for record in history where record.attempt == attempt.id && record.lesson == lesson.id { latest[record.question] = record }
        for (index, question) in questions.enumerated() {
            guard let correct = attempt.answers[question.id] else { continue }
            records[index] = latest[question.id] ?? AnswerRecord(
                course: courseID, lesson: lesson.id, question: question.id, chosen: [], correct: correct, time: attempt.started,
                attempt: attempt.id, attemptTotal: questions.count, fullQuiz: true)
        }
    }

    /// Lesson `lessonID`'s quiz left part-way, continued at once (`unfinishedAttempt`,
    /// `init(resuming:)`); nil when the course has no such lesson or nothing is left
    /// part-way. `history` (the answer log) is asked for only then.
    package static func resumed(lessonID: String, course: Course, progress: CourseProgress,
                               history: () throws -> [AnswerRecord], generator: inout SplitMix64) rethrows -> QuizSession? {
        guard let lesson = course.lesson(id: lessonID),
              let attempt = unfinishedAttempt(of: lesson, in: progress[lesson: lessonID]) else { return nil }
        return QuizSession(resuming: attempt, course: course, lesson: lesson, history: try history(), generator: &generator)
    }

    /// The first question not answered yet (`total` when all are).
    package var firstUnanswered: Int { records.firstIndex { $0 == nil } ?? total }
}

extension LessonProgress {
    /// The lesson's latest whole-quiz attempt if some but not all of its questions
    /// were answered, from the progress alone, so that it can be shown from a course's
    /// outline (no quiz read); `QuizSession.unfinishedAttempt` also checks it against the quiz.
    package var unfinishedWholeQuiz: QuizAttempt? {
        guard let index = latestWholeQuizAttempt else { return nil }
        let latest = attempts[index]
        return !latest.answers.isEmpty && latest.answers.count < latest.total ? latest : nil
    }
}
