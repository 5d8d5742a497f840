import Foundation
import Testing
@testable import MarrowCore


/// progress.json keeps a bounded number of attempts per lesson, without changing
/// anything shown from the state.
@Suite struct AttemptRetentionTests {
    private func attempt(_ n: Int, total: Int, correct: Int, complete: Bool = true, fullQuiz: Bool? = nil) -> QuizAttempt {
        var answers: [String: Bool] = [:]
        for q in 0..<(complete ? total : max(0, total - 1)) { answers["q\(q)"] = q < correct }
        return QuizAttempt(id: String(format: "A%04d", n), started: Date(timeIntervalSince1970: Double(n) * 60), total: total,
                           answers: answers, fullQuiz: fullQuiz)
    }

    @Test func fewAttemptsAreAllKept() {
        let lesson = LessonProgress(attempts: (0..<LessonProgress.recentAttemptsKept).map { attempt($0, total: 8, correct: $0 % 8) })
        #expect(lesson.retainedAttempts == lesson.attempts)
    }

    @Test func manyAttemptsKeepTheRecentAndWhatTheStateShows() throws {
        var attempts = [attempt(0, total: 8, correct: 8)]                 // the best
        attempts += (1..<200).map { attempt($0, total: 8, correct: 3) }
        attempts += (200..<220).map { attempt($0, total: 2, correct: 1) } // retries, not lesson scores
        attempts.append(attempt(220, total: 8, correct: 2, complete: false))
        let lesson = LessonProgress(attempts: attempts)
        let kept = lesson.retainedAttempts
        #expect(kept.count <= LessonProgress.recentAttemptsKept + 4)
        #expect(kept.suffix(LessonProgress.recentAttemptsKept) == attempts.suffix(LessonProgress.recentAttemptsKept))
        let slim = LessonProgress(attempts: kept)
        #expect(slim.bestScore == lesson.bestScore)
        #expect(slim.lastScore == lesson.lastScore)
        #expect(slim.attempts.filter(\.isComplete).map(\.score).max() == lesson.attempts.filter(\.isComplete).map(\.score).max())
        #expect(kept == kept.sorted(by: QuizAttempt.chronological))
    }

    @Test func theStateFileStaysTheSizeOfTheCourse() throws {
        var progress = LearnerProgress()
        for n in 0..<2000 {
            let record = AnswerRecord(course: "c", lesson: "l\(n % 5)", question: "q\(n % 8)", chosen: [0], correct: n % 3 == 0,
                                      time: Date(timeIntervalSince1970: Double(n) * 60), attempt: "A\(n / 8)", attemptTotal: 8)
            progress.apply(record)
        }
        let data = try ProgressJSON.stateEncoder().encode(progress.normalized())
        let back = try ProgressJSON.decoder().decode(LearnerProgress.self, from: data)
        for (id, lesson) in progress[course: "c"].lessons {
            #expect(back[course: "c"][lesson: id].attempts.count <= LessonProgress.recentAttemptsKept + 4)
            #expect(back[course: "c"][lesson: id].bestScore == lesson.bestScore)
            #expect(back[course: "c"][lesson: id].lastScore == lesson.lastScore)
        }
    }
}
