import MarrowCore

extension App {
    /// Acts on a screen's route: pushes, pops or replaces screens. One case per
    /// route, each making the screen it opens.
    static func navigate(_ route: Route, in state: inout AppState) {
        switch route {
        case .back:
            state.screens.removeLast()
            if state.screens.isEmpty { quit(&state); return }
            // Back on the course map, reviews that fell due meanwhile show.
            if case .courseMap = state.screens.last { state.refreshPlan() }
            state.refreshProgressReview()
        case .quit:
            quit(&state)
        case .openReader(let lessonID, let target):
            guard state.context.course.lesson(id: lessonID) != nil else {
                state.flash = "That lesson is not in the course."
                return
            }
            // A reader always sits right above the course map: opening one replaces the rest.
            state.screens.removeSubrange(1...)
            state.screens.append(.reader(ReaderScreen(lessonID: lessonID, target: target, context: &state.context)))
        case .openHelp:
            state.screens.append(.help(HelpScreen(for: state.top)))
        case .openDisclaimer:
            state.screens.append(.disclaimer(DisclaimerScreen()))
        case .openStartHere:
            state.screens.append(.startHere(StartHereScreen()))
        case .openOutline(let lessonID):
            state.screens.append(.outline(OutlineScreen(lessonID: lessonID, context: state.context)))
        case .openBookmarks:
            state.screens.append(.bookmarks(BookmarksScreen(context: state.context)))
        case .openQuiz(let lessonID, let questionIDs):
            let quiz = QuizScreen(lessonID: lessonID, questionIDs: questionIDs, context: &state.context, history: state.answerHistory ?? [])
            state.screens.append(.quiz(quiz))
        case .openReview:
            state.refreshPlan()
            state.screens.append(.quiz(QuizScreen(reviewOf: &state.context)))
        case .openProgress:
            // The answer log is read by the run loop just after the first screen
            // (`AppState.needsAnswerHistory`); until then it has what is known.
            state.refreshPlan()
            state.screens.append(.progressReview(ProgressReviewScreen(history: state.answerHistory ?? [], clock: state.context.clock)))
        case .openMistakes(let questionIDs):
            let scope: MistakesScreen.Scope = questionIDs.map { .quiz(questionIDs: $0) } ?? .everMissed
            state.screens.append(.mistakes(MistakesScreen(scope: scope, history: state.answerHistory ?? [])))
        case .openGlossary(let terms):
            state.screens.append(.glossary(GlossaryScreen(terms: terms, course: state.context.course)))
        case .openSearch(let query):
            let index = state.context.searchIndex ?? CourseSearch(course: state.context.course)
            state.context.searchIndex = index
            state.screens.append(.search(SearchScreen(query: query.isEmpty ? state.context.searchQuery : query, index: index)))
        case .openQuestion(let lessonID, let questionID):
            state.screens.append(.question(QuestionScreen(lessonID: lessonID, questionID: questionID, course: state.context.course)))
        }
    }
}
