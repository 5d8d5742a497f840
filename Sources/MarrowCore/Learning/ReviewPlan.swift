#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What to review and how well the course is known, from the answer log at one
/// moment: each question's FSRS schedule, the questions due, a forecast of the
/// days ahead and mastery per lesson, per tag and overall.
///
/// Only *active* questions (those the course has now) are due, forecast or
/// counted. Ids in the log that the course no longer has are *retired*: their
/// schedules stay in `schedules` (and their answers in the files), but they are
/// left out of everything else; a retired id that comes back to the course gets
/// its history back, since schedules are keyed by id. An edited prompt or
/// explanation keeps its id, and so its schedule.
package struct ReviewPlan: Sendable, Equatable {
    /// A question counts as mastered when its recall probability is at least this.
    package static let masteryThreshold = 0.9

    package let now: Date
    package let fsrs: FSRS
    package let clock: DayClock
    /// Question id -> schedule, retired questions included.
    package let schedules: [String: ReviewState]
    /// Ids in the log that the course no longer has.
    package let retiredQuestionIDs: Set<String>
    /// The course's questions, in course order.
    package let activeQuestions: [Question]
    /// Active questions due now (`due <= now`): most overdue first, then course order.
    package let dueQuestionIDs: [String]
    /// Active questions never answered (not reviews: they are learnt in the lesson quiz), in course order.
    package let newQuestionIDs: [String]
    /// Mastery per lesson id, found in one pass over the active questions: asking
    /// each lesson to filter every question is quadratic in the course's size.
    private let lessonMastery: [String: Mastery]

    package init(course: Course, records: [AnswerRecord], now: Date, fsrs: FSRS, clock: DayClock = .system) {
        self.now = now
        self.fsrs = fsrs
        self.clock = clock
        let schedules = ReviewSchedule.rebuild(records: records, courseID: course.info.id, fsrs: fsrs)
        self.schedules = schedules
        var seen = Set<String>()
        let active = course.allQuestions.filter { seen.insert($0.id).inserted }
        activeQuestions = active
        retiredQuestionIDs = Set(schedules.keys).subtracting(seen)
        let order = Dictionary(uniqueKeysWithValues: active.enumerated().map { ($1.id, $0) })
        dueQuestionIDs = active.compactMap { q in schedules[q.id].flatMap { $0.due <= now ? q.id : nil } }
            .sorted { a, b in
                let da = schedules[a]!.due, db = schedules[b]!.due
                return da != db ? da < db : order[a]! < order[b]!
            }
        newQuestionIDs = active.filter { schedules[$0.id] == nil }.map(\.id)
        var byLesson: [String: Mastery] = [:]
        for question in active {
            byLesson[question.lessonID, default: Mastery(mastered: 0, total: 0)].total += 1
            if Self.isMastered(schedules[question.id], fsrs: fsrs, at: now) { byLesson[question.lessonID]?.mastered += 1 }
        }
        lessonMastery = byLesson
    }

    /// The plan for `course` from the log's `records` at `now`.
    package static func make(course: Course, records: [AnswerRecord], now: Date, fsrs: FSRS, clock: DayClock = .system) -> ReviewPlan {
        ReviewPlan(course: course, records: records, now: now, fsrs: fsrs, clock: clock)
    }

    /// The schedule of an active question; nil if never answered or retired.
    package func schedule(of questionID: String) -> ReviewState? {
        retiredQuestionIDs.contains(questionID) ? nil : schedules[questionID]
    }

    /// The earliest due time of an active question after `date` (nil: none scheduled).
    package func nextDue(after date: Date) -> Date? {
        activeQuestions.compactMap { schedules[$0.id]?.due }.filter { $0 > date }.min()
    }

    /// How many reviews fall due on each of the next `days` days of the
    /// learner's calendar, today first; today's count includes those overdue.
    package func forecast(days: Int = 14) -> [Int] {
        guard days > 0 else { return [] }
        var counts = Array(repeating: 0, count: days)
        let today = clock.day(of: now).dayNumber
        for question in activeQuestions {
            guard let due = schedules[question.id]?.due else { continue }
            let index = max(0, clock.day(of: due).dayNumber - today)
            if index < days { counts[index] += 1 }
        }
        return counts
    }

    /// The recall probability of an active question now (0 if never answered or retired).
    package func recall(of questionID: String) -> Double {
        schedule(of: questionID).map { fsrs.retrievability($0, at: now) } ?? 0
    }

    /// Whether an active question is mastered now: answered, its latest answer
    /// right, and its recall probability at least `masteryThreshold`. (FSRS puts
    /// recall back at 1 right after any review; a question just answered wrongly
    /// is not mastered for that, until it is answered right again.)
    package func isMastered(_ questionID: String) -> Bool {
        Self.isMastered(schedule(of: questionID), fsrs: fsrs, at: now)
    }

    private static func isMastered(_ state: ReviewState?, fsrs: FSRS, at now: Date) -> Bool {
        guard let state, state.lastRating != .again else { return false }
        return fsrs.retrievability(state, at: now) >= masteryThreshold
    }

    /// What is remembered of each lesson that has questions (lessons without
    /// any have none here: `mastery(lessonID:)` gives them 0 of 0).
    package var masteryByLesson: [String: Mastery] { lessonMastery }

    package func mastery(lessonID: String) -> Mastery {
        lessonMastery[lessonID] ?? Mastery(mastered: 0, total: 0)
    }

    package func mastery(tag: String) -> Mastery {
        mastery(of: activeQuestions.filter { $0.tags.contains(tag) })
    }

    /// Mastery over every active question of the course.
    package var overallMastery: Mastery { mastery(of: activeQuestions) }

    private func mastery(of questions: [Question]) -> Mastery {
        Mastery(mastered: questions.filter { isMastered($0.id) }.count, total: questions.count)
    }
}

/// How many of some questions are mastered (recall probability now at least 0.9).
package struct Mastery: Sendable, Hashable {
    package var mastered: Int
    package var total: Int

    package init(mastered: Int, total: Int) {
        self.mastered = mastered
        self.total = total
    }

    /// `mastered / total`, 0 when there are no questions.
    package var fraction: Double { total == 0 ? 0 : Double(mastered) / Double(total) }
    /// Rounded 0...100; nil when there are no questions.
    package var percent: Int? { Scoring.percent(mastered, of: total) }
}
