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
public struct AppContext: Sendable {
    public var course: Course {
        didSet { searchIndex = nil }
    }
    public var progress: Progress
    /// The course's search index, built the first time search opens and kept, so
    /// that opening search again on a large course costs nothing.
    public var searchIndex: CourseSearch?
    /// The time of the current event (injected, so tests are repeatable).
    public var now: Date
    /// Turns times into the learner's calendar days (injected, so tests are repeatable).
    public var clock: DayClock
    /// What to review and how well each lesson is known, as of the last answer,
    /// self-grade or return to the course map (`AppState` recomputes it then,
    /// from the answer history; never while drawing). Empty until the answer
    /// log is read, just after the first screen is drawn.
    public internal(set) var plan: ReviewPlan
    /// The numbers the screens show, taken from `plan` when it is recomputed.
    public internal(set) var reviews: ReviewSummary
    /// The questions missed in the last session (`Scoring.lastSessionMistakes`),
    /// recomputed with `plan`.
    public internal(set) var lastSessionMistakes: [String] = []
    /// Seed for anything random (choice shuffling), so tests are repeatable.
    public var randomSeed: UInt64
    /// Effects requested by the last `update`, run and cleared by the run loop.
    public var effects: [Effect]
    /// Whether to draw without color (NO_COLOR / --no-color); screens rarely need it.
    public var monochrome: Bool
    /// One-line notices to show once (e.g. "progress.json was damaged and moved aside …").
    public var notices: [String]
    /// The area screens render into (the screen minus the status line), kept current
    /// by the run loop on every resize, so `update` can size pages and clamp scrolling.
    public var screenArea: Rect

    public init(course: Course, progress: Progress, now: Date, randomSeed: UInt64 = 1, monochrome: Bool = false, notices: [String] = [],
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
    public var fsrs: FSRS { course.info.scheduler() }

    /// Recomputes `plan`, `reviews` and `lastSessionMistakes` from the answer history at `now`.
    mutating func refreshPlan(records: [AnswerRecord]) {
        plan = ReviewPlan.make(course: course, records: records, now: now, fsrs: fsrs, clock: clock)
        reviews = ReviewSummary(plan: plan, course: course)
        lastSessionMistakes = Scoring.lastSessionMistakes(records: records, course: course)
    }

    /// This course's progress.
    public var courseProgress: CourseProgress {
        get { progress[course: course.info.id] }
        set { progress[course: course.info.id] = newValue }
    }
}

/// Side effects that `update` asks the run loop to perform.
public enum Effect: Sendable, Hashable {
    /// Progress changed in a way worth keeping (position, lesson finished, bookmark): write progress.json.
    case saveProgress
    /// An answer was given: append it to the answer log at once, then save progress.json.
    case recordAnswer(AnswerRecord)
    /// After a right answer the learner said it was hard or easy: append the
    /// grade to the answer log at once, then save progress.json.
    case recordGrade(AnswerGrade)
    /// Leave the app (after saving).
    case quit
}

/// Where the reader should open.
public enum ReaderTarget: Sendable, Hashable {
    case start
    /// The saved reading position of the lesson, if any.
    case resume
    case position(ReadingPosition)
    /// A search match: highlight `query` in block `block` (index into the lesson body's blocks).
    case match(query: String, block: Int)
}

/// Navigation asked for by a screen's `update`.
public enum Route: Sendable, Hashable {
    case back
    case quit
    case openReader(lessonID: String, target: ReaderTarget)
    /// A quiz on a lesson, or on the given questions only (retry mistakes); `lessonID` nil mixes lessons.
    case openQuiz(lessonID: String?, questionIDs: [String]?)
    /// A review session: the questions due now (`AppContext.plan`), from every lesson.
    case openReview
    case openProgress
    /// The glossary, optionally limited to these terms (those on the reader's screen).
    case openGlossary(terms: [String]?)
    case openSearch(query: String)
    case openHelp
    case openDisclaimer
    /// The headings and bookmarks of a lesson, to jump to one.
    case openOutline(lessonID: String)
}

/// One line of a help screen or status line: "j/k" — "scroll".
public struct KeyHelp: Sendable, Hashable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// A rectangle of the screen, in cells.
public struct Rect: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A screen of the app: its own state plus a pure `update` and a pure `render`.
public protocol Screen: Sendable {
    /// Handles a key. Returns a route when the screen wants to navigate.
    mutating func update(_ key: Key, context: inout AppContext) -> Route?
    /// Draws the screen into `area` (the whole screen minus the status line, which the app draws).
    func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect)
    /// Every key of this screen, for `?` help.
    var keyHelp: [KeyHelp] { get }
    /// The few most useful keys, for the status line.
    var statusKeys: [KeyHelp] { get }
    /// A short title for the help screen ("Reader", "Quiz" …).
    var title: String { get }
}

extension Rect {
    /// A centred band of at most `maxWidth` columns with a one-cell margin each side: where list screens draw.
    func centredColumns(maxWidth: Int) -> (column: Int, width: Int) {
        let width = max(1, min(self.width - 2, maxWidth))
        return (column + max(0, (self.width - width) / 2), width)
    }
}
