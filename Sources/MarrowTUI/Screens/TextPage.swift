import MarrowCore

/// A screen that is one page of text to read and close (the disclaimer, "Start
/// here"): its close keys go back, every other key scrolls the text.
protocol TextPage: Screen {
    var scroll: Int { get set }
    /// Keys that close the page (Enter, Esc and q close every page).
    static var extraCloseKeys: Set<Key> { get }
    /// The text, wrapped, and the rectangle it goes in.
    static func content(context: AppContext, area: Rect) -> ([StyledLine], Rect)
}

extension TextPage {
    mutating func updatePage(_ key: Key, context: AppContext) -> Route? {
        if key == .enter || key == .escape || key == .character("q") || Self.extraCloseKeys.contains(key) { return .back }
        let (lines, rect) = Self.content(context: context, area: context.screenArea)
        if let top = Scrolling.top(after: key, from: scroll, lineCount: lines.count, height: rect.height) { scroll = top }
        return nil
    }

    func renderPage(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        let (lines, rect) = Self.content(context: context, area: area)
        Scrolling.draw(lines, top: scroll, in: rect, into: &buffer)
        buffer.cursor = (rect.row, rect.column)
    }
}
