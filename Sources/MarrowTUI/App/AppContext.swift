#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// What every screen may read and change besides its own state: the course,
/// the learner's progress, the clock and the effects to run after `update`.
///
/// `update` stays pure: instead of writing files it appends `Effect`s, which
/// the run loop performs (and tests inspect).
package struct AppContext: Sendable, Equatable {
    package var course: Course {
        didSet { searchIndex = nil }
    }
    package var progress: LearnerProgress
    /// The course's search index, built the first time search opens and kept, so
    /// that opening search again on a large course costs nothing.
    package var searchIndex: CourseSearch?
    /// What was last typed into search, kept while the app runs (not saved).
    package var searchQuery = ""
    /// The time of the current event (injected, so tests are repeatable).
    package var now: Date
    /// Turns times into the learner's calendar days (injected, so tests are repeatable).
    package var clock: DayClock
    /// What to review and how well each lesson is known, as of the last answer,
    /// self-grade or return to the course map (`AppState` recomputes it then,
    /// from the answer history; never while drawing). Empty until the answer
    /// log is read, just after the first screen is drawn.
    package internal(set) var plan: ReviewPlan
    /// The numbers the screens show, taken from `plan` when it is recomputed.
    package internal(set) var reviews: ReviewSummary
    /// The questions missed in the last session (`Scoring.lastSessionMistakes`),
    /// recomputed with `plan`.
    package internal(set) var lastSessionMistakes: [String] = []
    /// Seed for anything random (choice shuffling), so tests are repeatable.
    package var randomSeed: UInt64
    /// Effects requested by the last `update`, run and cleared by the run loop.
    package var effects: [Effect]
    /// Whether to draw without color (NO_COLOR / --no-color); screens rarely need it.
    package var monochrome: Bool
    /// One-line notices to show once (e.g. "progress.json was damaged and moved aside …").
    package var notices: [String]
    /// The area screens render into (the screen minus the status line), kept current
    /// by the run loop on every resize, so `update` can size pages and clamp scrolling.
    package var screenArea: Rect

    package init(course: Course, progress: LearnerProgress, now: Date, randomSeed: UInt64 = 1, monochrome: Bool = false, notices: [String] = [],
                screenArea: Rect = Rect(row: 0, column: 0, width: 80, height: 23), clock: DayClock = .system) {
        self.course = course
        self.progress = progress
        self.now = now
        self.clock = clock
        self.plan = ReviewPlan.make(course: course, records: [], now: now, fsrs: course.info.scheduler(), clock: clock)
        self.reviews = ReviewSummary(plan: plan, course: course)
        self.randomSeed = randomSeed
        self.effects = []
        self.monochrome = monochrome
        self.notices = notices
        self.screenArea = screenArea
    }

    /// The course's FSRS scheduler (its desired retention).
    package var fsrs: FSRS { course.info.scheduler() }

    /// Recomputes `plan`, `reviews` and `lastSessionMistakes` from the answer history at `now`.
    mutating func refreshPlan(records: [AnswerRecord]) {
        plan = ReviewPlan.make(course: course, records: records, now: now, fsrs: fsrs, clock: clock)
        reviews = ReviewSummary(plan: plan, course: course)
        lastSessionMistakes = Scoring.lastSessionMistakes(records: records, course: course)
    }

    /// This course's progress.
    package var courseProgress: CourseProgress {
        get { progress[course: course.info.id] }
        set { progress[course: course.info.id] = newValue }
    }
}
