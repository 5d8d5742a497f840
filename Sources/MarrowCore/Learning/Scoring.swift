#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One lesson's quiz results, from its attempts.
package struct LessonScore: Sendable, Hashable {
    package var lessonID: String
    package var title: String
    /// Finished attempts at the whole lesson quiz (retries of some questions not counted).
    package var completedAttempts: Int
    /// Best and latest score of finished attempts, 0...1; nil if none finished.
    package var bestScore: Double?
    package var lastScore: Double?
    /// The quiz score shown: the best finished attempt's right answers; nil if none finished.
    package var quizScore: QuizScore?

    package init(lessonID: String, title: String, completedAttempts: Int, bestScore: Double?, lastScore: Double?, quizScore: QuizScore? = nil) {
        self.lessonID = lessonID
        self.title = title
        self.completedAttempts = completedAttempts
        self.bestScore = bestScore
        self.lastScore = lastScore
        self.quizScore = quizScore
    }
}

/// How well the questions with one tag (`benefit`, `risk`, …) were answered.
package struct TagAccuracy: Sendable, Hashable {
    package var tag: String
    package var answered: Int
    package var correct: Int

    package init(tag: String, answered: Int, correct: Int) {
        self.tag = tag
        self.answered = answered
        self.correct = correct
    }

    /// Rounded 0...100; nil if nothing was answered.
    package var percent: Int? { Scoring.percent(correct, of: answered) }
}

/// A question answered wrongly at least once.
package struct MissedQuestion: Sendable, Hashable {
    package var questionID: String
    package var lessonID: String
    package var timesMissed: Int
    package var timesAnswered: Int

    package init(questionID: String, lessonID: String, timesMissed: Int, timesAnswered: Int) {
        self.questionID = questionID
        self.lessonID = lessonID
        self.timesMissed = timesMissed
        self.timesAnswered = timesAnswered
    }
}

/// Everything the progress review shows.
package struct ProgressReview: Sendable, Hashable {
    /// In course order, every lesson of the course.
    package var lessons: [LessonScore]
    /// By tag name, every tag that a course question has.
    package var tags: [TagAccuracy]
    /// Most missed first.
    package var mostMissed: [MissedQuestion]
    /// Answers to questions the course still has.
    package var answered: Int
    package var correct: Int
    /// `correct` of `answered`, rounded 0...100; nil if nothing was answered.
    package var overallPercent: Int?
    package var questionCount: Int
    /// Days with at least one answer, in the learner's time zone: a plain record,
    /// not a streak to keep (people who are ill miss days, and that is fine).
    package var studyDays: Set<StudyDay>
    /// The latest of `studyDays`; nil before any answer.
    package var lastStudyDay: StudyDay? { studyDays.max() }
    /// Answers to questions no longer in the course: left out of every total.
    package var retiredAnswers: Int
}

/// Pure scoring over the answer log for the progress review.
///
/// Records of other courses are ignored. Answers to *retired* questions (ids in
/// the log that the course no longer has) are left out of the totals, the tag
/// accuracy and the missed list; they still count as study days, and attempt
/// scores stay as they were when the attempt was taken.
package enum Scoring {
    package static func review(records: [AnswerRecord], course: Course, now: Date, clock: DayClock = .system, missedLimit: Int = 10) -> ProgressReview {
        let own = records.filter { $0.course == course.info.id }
        let current = currentAnswers(own, course: course)
        let days = studyDays(records: own, clock: clock)
        let answered = current.count
        let correct = current.filter(\.record.correct).count
        return ProgressReview(
            lessons: lessonScores(records: own, course: course),
            tags: tagAccuracy(current, course: course),
            mostMissed: mostMissed(current, course: course, limit: missedLimit),
            answered: answered,
            correct: correct,
            overallPercent: percent(correct, of: answered),
            questionCount: course.allQuestions.count,
            studyDays: days,
            retiredAnswers: own.count - answered
        )
    }

    /// Per lesson of the course, in course order: best and last score of its
    /// finished attempts at the whole lesson quiz (`LessonProgress.scoredAttempts`:
    /// a retry of just the missed questions is not a lesson score).
    package static func lessonScores(records: [AnswerRecord], course: Course) -> [LessonScore] {
        let progress = LearnerProgress.rebuild(from: records.filter { $0.course == course.info.id })[course: course.info.id]
        return course.lessons.map { lesson in
            let state = progress[lesson: lesson.id]
            return LessonScore(lessonID: lesson.id, title: lesson.title,
                               completedAttempts: state.scoredAttempts.count,
                               bestScore: state.bestScore, lastScore: state.lastScore, quizScore: QuizScore(best: state))
        }
    }

    /// The questions missed in the learner's most recent session (the attempt of
    /// the course's latest answer): those whose latest answer in it was wrong,
    /// in the order first answered, questions the course no longer has left out.
    package static func lastSessionMistakes(records: [AnswerRecord], course: Course) -> [String] {
        guard let last = records.last(where: { $0.course == course.info.id }) else { return [] }
        let active = Set(course.allQuestions.map(\.id))
        var order: [String] = []
        var latest: [String: Bool] = [:]
        for record in records where record.course == course.info.id && record.attempt == last.attempt {
            if latest[record.question] == nil { order.append(record.question) }
            latest[record.question] = record.correct
        }
        return order.filter { latest[$0] == false && active.contains($0) }
    }

    /// Answered and correct per tag, sorted by tag; every tag of the course appears.
    package static func tagAccuracy(records: [AnswerRecord], course: Course) -> [TagAccuracy] {
        tagAccuracy(currentAnswers(records, course: course), course: course)
    }

    private static func tagAccuracy(_ current: [CurrentAnswer], course: Course) -> [TagAccuracy] {
        var byTag: [String: TagAccuracy] = [:]
        for question in course.allQuestions {
            for tag in question.tags where byTag[tag] == nil { byTag[tag] = TagAccuracy(tag: tag, answered: 0, correct: 0) }
        }
        for (record, question) in current {
            for tag in Set(question.tags) {
                byTag[tag]?.answered += 1
                if record.correct { byTag[tag]?.correct += 1 }
            }
        }
        return byTag.values.sorted { $0.tag < $1.tag }
    }

    /// Questions missed at least once: most misses first, then the highest share
    /// missed, then course order. At most `limit`.
    package static func mostMissed(records: [AnswerRecord], course: Course, limit: Int = 10) -> [MissedQuestion] {
        mostMissed(currentAnswers(records, course: course), course: course, limit: limit)
    }

    private static func mostMissed(_ current: [CurrentAnswer], course: Course, limit: Int) -> [MissedQuestion] {
        var answered: [String: Int] = [:]
        var missed: [String: Int] = [:]
        for (record, _) in current {
            answered[record.question, default: 0] += 1
            if !record.correct { missed[record.question, default: 0] += 1 }
        }
        let order = Dictionary(course.allQuestions.enumerated().map { ($1.id, $0) }) { a, _ in a }
        let list = course.allQuestions.compactMap { q -> MissedQuestion? in
            guard let m = missed[q.id] else { return nil }
            return MissedQuestion(questionID: q.id, lessonID: q.lessonID, timesMissed: m, timesAnswered: answered[q.id] ?? m)
        }
        let sorted = list.sorted { a, b in
            if a.timesMissed != b.timesMissed { return a.timesMissed > b.timesMissed }
            let shareA = a.timesMissed * b.timesAnswered, shareB = b.timesMissed * a.timesAnswered
            if shareA != shareB { return shareA > shareB }
            return order[a.questionID, default: 0] < order[b.questionID, default: 0]
        }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// The days with at least one answer.
    package static func studyDays(records: [AnswerRecord], clock: DayClock) -> Set<StudyDay> {
        Set(records.map { clock.day(of: $0.time) })
    }

    /// `part` of `whole` as a rounded percentage (halves up); nil if `whole` is 0.
    package static func percent(_ part: Int, of whole: Int) -> Int? {
        whole == 0 ? nil : (part * 200 + whole) / (2 * whole)
    }

    /// An answer to a question the course still has, with that question.
    private typealias CurrentAnswer = (record: AnswerRecord, question: Question)

    /// The course's records whose question the course still has, with that question.
    /// `review` finds them once and hands them to each of its parts.
    private static func currentAnswers(_ records: [AnswerRecord], course: Course) -> [CurrentAnswer] {
        let questions = Dictionary(course.allQuestions.map { ($0.id, $0) }) { a, _ in a }
        return records.compactMap { record in
            guard record.course == course.info.id, let q = questions[record.question] else { return nil }
            return (record, q)
        }
    }
}
