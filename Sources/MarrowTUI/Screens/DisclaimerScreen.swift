import MarrowCore

/// The course's full disclaimer: shown on the very first run, and one key (`d`) from the course map.
package struct DisclaimerScreen: TextPage {
    package internal(set) var scroll = 0

    package init() {}

    package var title: String { "Disclaimer" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .disclaimer) }

    package var statusKeys: [KeyHelp] { [KeyHelp("Enter", "continue")] }

    static let extraCloseKeys: Set<Key> = [.character(" "), .character("d")]

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        updatePage(key, context: context)
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        renderPage(context: context, into: &buffer, area: area)
    }

    /// The text, wrapped to a comfortable width and centred, and where it goes.
    static func content(context: AppContext, area: Rect) -> ([StyledLine], Rect) {
        let width = max(1, min(72, area.width - 4))
        let info = context.course.info
        var lines = Layout.wrap("About this course", width: width, style: Style(.title, [.bold]))
        lines.append(StyledLine())
        let text = info.disclaimer.isEmpty ? "This course is for general education only. It is not medical advice." : info.disclaimer
        lines += Layout.wrap(text, width: width)
        lines.append(StyledLine())
        if !info.lastReviewed.isEmpty {
            lines += Layout.wrap("Content last checked against its sources on \(info.lastReviewed) (version \(info.version)).", width: width, style: Style(.dim))
            lines.append(StyledLine())
        }
        lines.append(StyledLine([Span("Enter", Style(.key)), Span(": continue")]))
        let column = area.column + max(0, (area.width - width) / 2)
        let top = area.row + (area.height > lines.count + 2 ? 1 : 0)
        return (lines, Rect(row: top, column: column, width: width, height: area.row + area.height - top))
    }
}
