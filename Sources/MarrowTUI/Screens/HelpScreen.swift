import MarrowCore

/// `?`: the keys of the screen it was opened from.
package struct HelpScreen: Screen {
    /// The title of the screen the keys belong to.
    package let screenTitle: String
    package let keys: [KeyHelp]
    package private(set) var scroll = 0

    package init(for screen: any Screen) {
        screenTitle = screen.title
        keys = screen.keyHelp
    }

    package var title: String { "Help" }
    /// `?` closes help.
    package var takesQuestionMark: Bool { true }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .help) }

    package var statusKeys: [KeyHelp] { [KeyHelp("q", "close")] }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        switch key {
        case .escape, .enter, .character("q"), .character("?"):
            return .back
        default:
            let (lines, rect) = content(area: context.screenArea)
            if let top = Scrolling.top(after: key, from: scroll, lineCount: lines.count, height: rect.height) { scroll = top }
            return nil
        }
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        let (lines, rect) = content(area: area)
        Scrolling.draw(lines, top: scroll, in: rect, into: &buffer)
        buffer.cursor = (rect.row, rect.column)
    }

    /// Keys in one column, what they do in the next (wrapped under itself).
    func content(area: Rect) -> ([StyledLine], Rect) {
        let width = max(1, min(76, area.width - 2))
        let all = keys
        let keyWidth = min(max(6, all.map { DisplayWidth.of($0.keys) }.max() ?? 0), width * 2 / 5)
        var lines = [StyledLine([Span("Keys: \(screenTitle)", Style(.title, [.bold]))]), StyledLine()]
        for entry in all {
            let keys = DisplayWidth.truncate(entry.keys, to: keyWidth)
            let padded = keys + String(repeating: " ", count: keyWidth - DisplayWidth.of(keys) + 2)
            lines += Layout.wrap(entry.action, width: width, firstPrefix: [Span(padded, Style(.key))], restPrefix: [Span(String(repeating: " ", count: keyWidth + 2))])
        }
        lines.append(StyledLine())
        lines += Layout.wrap("Every action has a plain-letter key; arrows and vim keys both work.", width: width, style: Style(.dim))
        let column = area.column + max(1, (area.width - width) / 2)
        return (lines, Rect(row: area.row, column: column, width: width, height: area.height))
    }
}
