import MarrowCore

/// Everything the app is: the shared context and a stack of screens, the top one
/// showing and taking keys. The course map is always at the bottom.
public struct AppState: Sendable {
    public var context: AppContext
    public var screens: [any Screen]
    /// A one-line message in the status line until the next key (a save that failed, say).
    public var flash: String?
    /// The terminal's size.
    public private(set) var size: Size
    /// Every answer of the answer log, read only when the progress review first
    /// needs it (never at launch), then kept up to date with each answer given.
    public var answerHistory: [AnswerRecord]?

    /// The state at launch: the course map, with the full disclaimer over it on
    /// the very first run (which counts as having seen it, and is saved).
    public init(context: AppContext, size: Size) {
        self.context = context
        self.size = size
        self.screens = []
        self.context.screenArea = App.screenArea(for: size)
        screens = [CourseMapScreen(context: self.context)]
        if !self.context.courseProgress.disclaimerSeen {
            self.context.courseProgress.disclaimerSeen = true
            self.context.effects.append(.saveProgress)
            screens.append(DisclaimerScreen())
        }
    }

    /// The screen showing.
    public var top: any Screen { screens[screens.count - 1] }

    /// Whether an effect asked the app to leave.
    public var isQuitting: Bool { context.effects.contains(.quit) }

    /// Whether the run loop should read the answer log: the progress review shows and it was not read yet.
    public var needsAnswerHistory: Bool { answerHistory == nil && top is ProgressReviewScreen }

    /// Sets the answer history (read from the log) and hands it to the progress review.
    public mutating func setAnswerHistory(_ records: [AnswerRecord]) {
        answerHistory = records
        Navigation.refreshHistory(in: &self)
    }

    /// Adds an answer just given to the history, if the history was read.
    mutating func appendToHistory(_ record: AnswerRecord) {
        answerHistory?.append(record)
    }

    /// Whether the terminal is below the minimum size (the too-small screen shows).
    public var isTooSmall: Bool { App.isTooSmall(size) }

    mutating func resize(to size: Size) {
        self.size = size
        context.screenArea = App.screenArea(for: size)
    }
}
