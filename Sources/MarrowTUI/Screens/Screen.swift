import MarrowCore

/// A screen of the app: its own state plus a pure `update` and a pure `render`.
/// Each kind of screen is a case of `AppScreen`, which is how the app holds it.
package protocol Screen: Sendable, Equatable {
    /// Handles a key. Returns a route when the screen wants to navigate.
    mutating func update(_ key: Key, context: inout AppContext) -> Route?
    /// Handles a click on the item `render` marked at the clicked row
    /// (`ScreenBuffer.targets`). Screens with nothing to click keep the default.
    mutating func click(_ item: Int, context: inout AppContext) -> Route?
    /// Draws the screen into `area` (the whole screen minus the status line, which the app draws).
    func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect)
    /// Every key of this screen, for `?` help.
    var keyHelp: [KeyHelp] { get }
    /// The few most useful keys, for the status line.
    var statusKeys: [KeyHelp] { get }
    /// Which of `statusKeys` a narrow status line drops first, in order (what
    /// the screen's own text already says); the rest go from the end.
    var statusDropOrder: [KeyHelp] { get }
    /// A short title for the help screen ("Reader", "Quiz" …).
    var title: String { get }
    /// Whether `?` goes to the screen rather than opening help: screens that take
    /// typed text (they return `.openHelp` themselves when `?` is not text), and help itself.
    var takesQuestionMark: Bool { get }
}

extension Screen {
    package var takesQuestionMark: Bool { false }
    package var statusDropOrder: [KeyHelp] { [] }
    package mutating func click(_ item: Int, context: inout AppContext) -> Route? { nil }
}
