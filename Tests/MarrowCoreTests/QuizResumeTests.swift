import Foundation
import Testing
@testable import MarrowCore

/// A lesson's quiz left part-way is continued as the same attempt.
@Suite struct QuizResumeTests {
    let course = QuizSessionFixture.course()
    var basics: Lesson { course.lessons[0] }
    let t0 = QuizSessionFixture.t0

    func attempt(_ id: String, _ answers: [String: Bool], at minutes: Double = 0, total: Int = 4, full: Bool? = true) -> QuizAttempt {
        QuizAttempt(id: id, started: t0.addingTimeInterval(minutes * 60), total: total, answers: answers, fullQuiz: full)
    }

    @Test func theLatestWholeQuizAttemptLeftPartWayIsTheOneToContinue() {
        let partWay = attempt("A", ["q1": true, "q2": false], at: 10)
        var progress = LessonProgress(attempts: [attempt("old", ["q1": true], at: 0), partWay])
        #expect(QuizSession.unfinishedAttempt(of: basics, in: progress) == partWay)
        // A retry or review since then does not hide it.
        progress.attempts.append(attempt("retry", ["q2": true], at: 20, total: 1, full: false))
        #expect(QuizSession.unfinishedAttempt(of: basics, in: progress) == partWay)
        // Nothing to continue: finished, not started, not a whole quiz, unknown, or on a quiz since edited.
        for latest in [attempt("done", ["q1": true, "q2": true, "q3": true, "q4": false], at: 30), attempt("empty", [:], at: 30),
                       attempt("mixed", ["q1": true], at: 30, full: false), attempt("old-file", ["q1": true], at: 30, full: nil),
                       attempt("edited", ["q1": true, "gone": true], at: 30), attempt("resized", ["q1": true], at: 30, total: 5)] {
            let other = LessonProgress(attempts: [latest])
            #expect(QuizSession.unfinishedAttempt(of: basics, in: other) == nil, "\(latest.id)")
        }
        #expect(QuizSession.unfinishedAttempt(of: basics, in: LessonProgress()) == nil)
    }

    @Test func aContinuedAttemptKeepsItsIdAndAnswersAndFinishesAsAWholeQuiz() {
        var generator = SplitMix64(seed: 1)
        var first = QuizSession(course: course, questions: basics.quiz, lessonID: "basics", started: t0, generator: &generator)
        let r1 = first.answer(question: 0, displayed: [first.displayedIndex(ofQuestion: 0, written: 0)], at: t0)
        let r2 = first.answer(question: 1, displayed: [0], at: t0.addingTimeInterval(5))
        var progress = LearnerProgress()
        progress.apply(r1)
        progress.apply(r2)
        let left = QuizSession.unfinishedAttempt(of: basics, in: progress[course: "hsct"][lesson: "basics"])!
        var resumed = QuizSession(resuming: left, course: course, lesson: basics, history: [r1, r2], generator: &generator)
        #expect(resumed.attemptID == first.attemptID && resumed.started == t0)
        #expect(resumed.records[0] == r1 && resumed.records[1] == r2)
        #expect(resumed.firstUnanswered == 2 && resumed.answeredCount == 2)
        progress.apply(resumed.answer(question: 2, displayed: [0], at: t0.addingTimeInterval(600)))
        progress.apply(resumed.answer(question: 3, displayed: [2], at: t0.addingTimeInterval(610)))
        #expect(resumed.isComplete && resumed.correctCount == 3)
        let lesson = progress[course: "hsct"][lesson: "basics"]
        #expect(lesson.attempts.count == 1 && lesson.attempts[0].isComplete)
        #expect(lesson.bestScore == 0.75)
        #expect(QuizSession.unfinishedAttempt(of: basics, in: lesson) == nil)

        // Without the log, each answer's right or wrong still counts.
        let bare = QuizSession(resuming: left, course: course, lesson: basics, history: [], generator: &generator)
        #expect(bare.records.map { $0?.correct } == [true, r2.correct, nil, nil])
        #expect(bare.records[0]?.attempt == first.attemptID)
    }

    @Test func aQuizLeftPartWayIsKeptInTheStateFileThroughDaysOfOtherAttempts() {
        // Left part-way, then reviews or retries of the lesson on eight later days:
        // more than the attempts kept by recency, none within a day of the first.
        var lesson = LessonProgress(attempts: [attempt("left", ["q1": true])])
        for day in 1...8 {
            lesson.attempts.append(attempt("review\(day)", ["q2": true], at: Double(day) * 24 * 60, total: 1, full: false))
        }
        #expect(QuizSession.unfinishedAttempt(of: basics, in: lesson)?.id == "left")
        let kept = LessonProgress(attempts: lesson.retainedAttempts)
        #expect(kept.attempts.count < lesson.attempts.count)
        #expect(QuizSession.unfinishedAttempt(of: basics, in: kept)?.id == "left")
    }
}
