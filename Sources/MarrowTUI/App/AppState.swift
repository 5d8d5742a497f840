import MarrowCore

/// Everything the app is: the shared context and a stack of screens, the top one
/// showing and taking keys. The course map is always at the bottom.
package struct AppState: Sendable, Equatable {
    package var context: AppContext
    package var screens: [AppScreen]
    /// A one-line message in the status line until the next key (a save that failed, say).
    package var flash: String?
    /// The terminal's size.
    package private(set) var size: Size
    /// Every answer of the answer log (self-grades applied), read once just
    /// after the first screen is drawn (never before it), then kept up to date
    /// with each answer and self-grade given. The review plan comes from it.
    package var answerHistory: [AnswerRecord]?

    /// The state at launch: the course map, with the full disclaimer over it on
    /// the very first run (which counts as having seen it, and is saved).
    package init(context: AppContext, size: Size) {
        self.context = context
        self.size = size
        self.screens = []
        self.context.screenArea = App.screenArea(for: size)
        screens = [.courseMap(CourseMapScreen(context: self.context))]
        if !self.context.courseProgress.disclaimerSeen {
            self.context.courseProgress.disclaimerSeen = true
            self.context.effects.append(.saveProgress)
            screens.append(.disclaimer(DisclaimerScreen()))
        }
    }

    /// The screen showing.
    package var top: any Screen { screens[screens.count - 1].screen }

    /// Whether an effect asked the app to leave.
    package var isQuitting: Bool { context.effects.contains(.quit) }

    /// Whether the run loop should read the answer log: it was not read yet.
    package var needsAnswerHistory: Bool { answerHistory == nil }

    /// Sets the answer history (read from the log), recomputes the review plan
    /// and hands the history to the progress review.
    package mutating func setAnswerHistory(_ records: [AnswerRecord]) {
        answerHistory = records
        refreshPlan()
        refreshProgressReview()
    }

    /// Gives the progress review or the mistakes view on top the answer history
    /// the app holds, after the log was read or when a retry quiz returns to it.
    mutating func refreshProgressReview() {
        guard let history = answerHistory else { return }
        switch screens.last {
        case .progressReview(var review)?:
            review.history = history
            screens[screens.count - 1] = .progressReview(review)
        case .mistakes(var mistakes)?:
            mistakes.history = history
            screens[screens.count - 1] = .mistakes(mistakes)
        default:
            break
        }
    }

    /// Adds an answer just given to the history, if the history was read.
    mutating func appendToHistory(_ record: AnswerRecord) {
        answerHistory?.append(record)
    }

    /// Recomputes the review plan from the history at the context's `now`.
    mutating func refreshPlan() {
        context.refreshPlan(records: answerHistory ?? [])
    }

    /// Takes in the answers and self-grades a screen just gave (`effects`):
    /// adds them to the history, recomputes the plan once, and sets those
    /// questions' schedules in progress to the plan's (the log's truth).
    mutating func learn(from effects: some Sequence<Effect>) {
        var touched: [String] = []
        for effect in effects {
            switch effect {
            case .recordAnswer(let record):
                appendToHistory(record)
                touched.append(record.question)
            case .recordGrade(let grade):
                if let i = answerHistory?.lastIndex(where: grade.amends) {
                    answerHistory?[i].rating = grade.rating
                }
                touched.append(grade.question)
            case .recordUndo(let undo):
                if let i = answerHistory?.lastIndex(where: undo.cancels) { answerHistory?.remove(at: i) }
                touched.append(undo.question)
            case .saveProgress, .quit, .discardTypeahead:
                break
            }
        }
        guard !touched.isEmpty else { return }
        refreshPlan()
        guard answerHistory != nil else { return }
        for id in touched {
            // After an undo of a question's only answer the plan has no schedule for it: nor has progress.
            context.courseProgress.reviews[id] = context.plan.schedules[id]
        }
    }

    /// Whether the terminal is below the minimum size (the too-small screen shows).
    package var isTooSmall: Bool { App.isTooSmall(size) }

    mutating func resize(to size: Size) {
        self.size = size
        context.screenArea = App.screenArea(for: size)
    }
}
