import MarrowCore

/// The screens a route opens besides the reader, help, disclaimer and outline
/// (which `App.navigate` makes itself): quiz, progress review, mistakes, glossary, search.
enum Navigation {
    static func screen(for route: Route, in state: inout AppState) -> (any Screen)? {
        switch route {
        case .openQuiz(let lessonID, let questionIDs):
            return QuizScreen(lessonID: lessonID, questionIDs: questionIDs, context: &state.context, history: state.answerHistory ?? [])
        case .openReview:
            state.refreshPlan()
            return QuizScreen(reviewOf: &state.context)
        case .openProgress:
            // The answer log is read by the run loop just after the first screen
            // (`AppState.needsAnswerHistory`); until then it has what is known.
            state.refreshPlan()
            return ProgressReviewScreen(history: state.answerHistory ?? [], clock: state.context.clock)
        case .openMistakes(let questionIDs):
            return MistakesScreen(scope: questionIDs.map { .quiz(questionIDs: $0) } ?? .everMissed, history: state.answerHistory ?? [])
        case .openGlossary(let terms):
            return GlossaryScreen(terms: terms)
        case .openSearch(let query):
            let index = state.context.searchIndex ?? CourseSearch(course: state.context.course)
            state.context.searchIndex = index
            return SearchScreen(query: query, index: index)
        default:
            return nil
        }
    }

    /// Screens that take typed text, so `?` goes to them (they return `.openHelp`
    /// themselves when `?` is not text).
    static func takesTyping(_ screen: any Screen) -> Bool {
        screen is GlossaryScreen || screen is SearchScreen
    }

    /// Gives the progress review or mistakes view on top the answer history the
    /// app holds, after the log was read or when a retry quiz returns to it.
    static func refreshHistory(in state: inout AppState) {
        guard let history = state.answerHistory else { return }
        if var review = state.top as? ProgressReviewScreen {
            review.history = history
            state.screens[state.screens.count - 1] = review
        } else if var mistakes = state.top as? MistakesScreen {
            mistakes.history = history
            state.screens[state.screens.count - 1] = mistakes
        }
    }
}
