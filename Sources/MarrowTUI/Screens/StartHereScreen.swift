import MarrowCore

/// "Start here": one screen on the very first run, right after the disclaimer
/// (so it is shown once: the disclaimer being seen is what is saved), and again
/// from help with `s`. What the course is, the four keys that matter, and where
/// progress is kept, so a new learner is never left guessing.
package struct StartHereScreen: TextPage {
    package internal(set) var scroll = 0

    package init() {}

    package var title: String { "Start here" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .startHere) }

    package var statusKeys: [KeyHelp] { [KeyHelp("Enter", "continue"), KeyHelp("?", "help")] }

    static let extraCloseKeys: Set<Key> = [.character(" ")]

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        updatePage(key, context: context)
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        renderPage(context: context, into: &buffer, area: area)
    }

    /// The keys that matter, in the words of the course map and the reader.
    static let keys: [(key: String, action: String)] = [
        ("Enter", "open the lesson selected; “Continue” picks up where you were"),
        ("t", "take the quiz of a lesson (each answer is saved at once)"),
        ("?", "help: every key of the screen you are on"),
        ("q", "go back; on the course map, quit"),
    ]

    /// The text, wrapped to a comfortable width and centered, and where it goes.
    static func content(context: AppContext, area: Rect) -> ([StyledLine], Rect) {
        let width = max(1, min(72, area.width - 4))
        let info = context.course.info
        var lines = Layout.wrap("Start here", width: width, style: Style(.title, [.bold]))
        lines.append(StyledLine())
        let about = info.summary.isEmpty ? info.title : info.summary
        lines += Layout.wrap(Sanitizer.clean(about, singleLine: true), width: width)
        lines += Layout.wrap("Read the short lessons in order, each with a quiz; the questions come back for review just before you would forget them.", width: width)
        lines.append(StyledLine())
        lines += Layout.wrap("The keys that matter (arrows or j/k move):", width: width, style: Style(.heading, [.bold]))
        let keyWidth = keys.map { DisplayWidth.of($0.key) }.max() ?? 1
        for entry in keys {
            let padded = entry.key + String(repeating: " ", count: keyWidth - DisplayWidth.of(entry.key) + 2)
            lines += Layout.wrap(entry.action, width: width, firstPrefix: [Span("  "), Span(padded, Style(.key))],
                                 restPrefix: [Span(String(repeating: " ", count: keyWidth + 4))])
        }
        lines.append(StyledLine())
        let place = context.progressPath.isEmpty ? "a file" : Sanitizer.clean(context.progressPath, singleLine: true)
        lines += Layout.wrap("Your progress is saved on this computer after every answer, in \(place). Nothing is sent anywhere.", width: width, style: Style(.dim))
        lines += Layout.wrap("To see this again: ? (help), then s.", width: width, style: Style(.dim))
        lines.append(StyledLine())
        lines.append(StyledLine([Span("Enter", Style(.key)), Span(": go to the course")]))
        let column = area.column + max(0, (area.width - width) / 2)
        let top = area.row + (area.height > lines.count + 2 ? 1 : 0)
        return (lines, Rect(row: top, column: column, width: width, height: area.row + area.height - top))
    }
}
