import MarrowCore

/// One screen of the stack, as one case per kind of screen.
///
/// Adding a screen is adding a case here: the compiler then points to the two
/// switches below and to the one in `App.navigate` (the route that opens it),
/// the only places that list the screens.
package enum AppScreen: Sendable, Equatable {
    case courseMap(CourseMapScreen)
    case disclaimer(DisclaimerScreen)
    case startHere(StartHereScreen)
    case reader(ReaderScreen)
    case outline(OutlineScreen)
    case bookmarks(BookmarksScreen)
    case quiz(QuizScreen)
    case progressReview(ProgressReviewScreen)
    case mistakes(MistakesScreen)
    case glossary(GlossaryScreen)
    case search(SearchScreen)
    case question(QuestionScreen)
    case help(HelpScreen)

    /// The screen itself: what it draws, its keys and its title.
    package var screen: any Screen {
        switch self {
        case .courseMap(let screen): screen
        case .disclaimer(let screen): screen
        case .startHere(let screen): screen
        case .reader(let screen): screen
        case .outline(let screen): screen
        case .bookmarks(let screen): screen
        case .quiz(let screen): screen
        case .progressReview(let screen): screen
        case .mistakes(let screen): screen
        case .glossary(let screen): screen
        case .search(let screen): screen
        case .question(let screen): screen
        case .help(let screen): screen
        }
    }

    /// Gives `key` to the screen and keeps what it became, in the same case. The
    /// screen is moved out of `self` (not copied), so its arrays stay uniquely held.
    mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        let route: Route?
        switch consume self {
        case .courseMap(var screen): route = screen.update(key, context: &context); self = .courseMap(screen)
        case .disclaimer(var screen): route = screen.update(key, context: &context); self = .disclaimer(screen)
        case .startHere(var screen): route = screen.update(key, context: &context); self = .startHere(screen)
        case .reader(var screen): route = screen.update(key, context: &context); self = .reader(screen)
        case .outline(var screen): route = screen.update(key, context: &context); self = .outline(screen)
        case .bookmarks(var screen): route = screen.update(key, context: &context); self = .bookmarks(screen)
        case .quiz(var screen): route = screen.update(key, context: &context); self = .quiz(screen)
        case .progressReview(var screen): route = screen.update(key, context: &context); self = .progressReview(screen)
        case .mistakes(var screen): route = screen.update(key, context: &context); self = .mistakes(screen)
        case .glossary(var screen): route = screen.update(key, context: &context); self = .glossary(screen)
        case .search(var screen): route = screen.update(key, context: &context); self = .search(screen)
        case .question(var screen): route = screen.update(key, context: &context); self = .question(screen)
        case .help(var screen): route = screen.update(key, context: &context); self = .help(screen)
        }
        return route
    }

    /// Gives a click on `item` to the screen, as `update` gives a key.
    mutating func click(_ item: Int, context: inout AppContext) -> Route? {
        let route: Route?
        switch consume self {
        case .courseMap(var screen): route = screen.click(item, context: &context); self = .courseMap(screen)
        case .disclaimer(var screen): route = screen.click(item, context: &context); self = .disclaimer(screen)
        case .startHere(var screen): route = screen.click(item, context: &context); self = .startHere(screen)
        case .reader(var screen): route = screen.click(item, context: &context); self = .reader(screen)
        case .outline(var screen): route = screen.click(item, context: &context); self = .outline(screen)
        case .bookmarks(var screen): route = screen.click(item, context: &context); self = .bookmarks(screen)
        case .quiz(var screen): route = screen.click(item, context: &context); self = .quiz(screen)
        case .progressReview(var screen): route = screen.click(item, context: &context); self = .progressReview(screen)
        case .mistakes(var screen): route = screen.click(item, context: &context); self = .mistakes(screen)
        case .glossary(var screen): route = screen.click(item, context: &context); self = .glossary(screen)
        case .search(var screen): route = screen.click(item, context: &context); self = .search(screen)
        case .question(var screen): route = screen.click(item, context: &context); self = .question(screen)
        case .help(var screen): route = screen.click(item, context: &context); self = .help(screen)
        }
        return route
    }
}
