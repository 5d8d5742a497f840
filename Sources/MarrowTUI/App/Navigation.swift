import MarrowCore

/// The screens a route opens (quiz, progress review, glossary, search).
enum Navigation {
    static func screen(for route: Route, context: inout AppContext) -> (any Screen)? {
        switch route {
        case .openQuiz(let lessonID, let questionIDs):
            return QuizScreen(lessonID: lessonID, questionIDs: questionIDs, context: &context)
        default:
            return nil
        }
    }

    /// Screens that take typed text, so `?` goes to them (they return `.openHelp` themselves).
    static func takesTyping(_ screen: any Screen) -> Bool {
        false
    }
}
