#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The numbers the screens show about reviews, taken from a `ReviewPlan` once
/// when it is recomputed (after an answer, a self-grade, reading the log or
/// returning to the course map), so drawing a screen computes nothing.
package struct ReviewSummary: Sendable, Hashable {
    /// The time the plan was made for: what "due now" and "in 2 days" count from.
    package var asOf: Date
    /// Active questions due at the plan's time, most overdue first.
    package var dueQuestionIDs: [String]
    /// When the next review after the plan's time falls due; nil when none is scheduled.
    package var nextDue: Date?
    /// Reviews falling due on each of the next 14 days, today first.
    package var forecast: [Int]
    /// Per lesson id, its questions' mastery.
    package var lessonMastery: [String: Mastery]
    /// Per tag (`benefit`, `risk`, …), the mastery of the questions with it.
    package var tagMastery: [String: Mastery]
    package var overallMastery: Mastery
    /// Whether any question of the course was ever answered (has a schedule).
    package var hasSchedules: Bool

    package static let forecastDays = 14

    package init(plan: ReviewPlan, course: Course) {
        asOf = plan.now
        dueQuestionIDs = plan.dueQuestionIDs
        nextDue = plan.nextDue(after: plan.now)
        forecast = plan.forecast(days: Self.forecastDays)
        // The plan's own table (lessons with questions; the rest read as 0 of 0):
        // a table of every lesson cost a thousand lookups on the first screen of a long course.
        lessonMastery = plan.masteryByLesson
        let tags = Set(course.allQuestions.flatMap(\.tags))
        tagMastery = Dictionary(uniqueKeysWithValues: tags.map { ($0, plan.mastery(tag: $0)) })
        overallMastery = plan.overallMastery
        hasSchedules = plan.newQuestionIDs.count < plan.activeQuestions.count
    }

    package func mastery(lessonID: String) -> Mastery { lessonMastery[lessonID] ?? Mastery(mastered: 0, total: 0) }
    package func mastery(tag: String) -> Mastery { tagMastery[tag] ?? Mastery(mastered: 0, total: 0) }
}
