import MarrowCore

/// `o` in the reader: the lesson's headings and bookmarks, to jump to one.
package struct OutlineScreen: Screen {
    /// One row to jump to.
    package struct Entry: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            case heading(level: Int)
            case bookmark
        }
        package var kind: Kind
        package var text: String
        package var position: ReadingPosition
        /// A bookmark's label: its section's heading and a snippet (`BookmarkLabel`).
        package var label: BookmarkLabel?
    }

    package let lessonID: String
    package let entries: [Entry]
    package private(set) var selection = 0
    package private(set) var message: String?

    package init(lessonID: String, context: AppContext) {
        self.lessonID = lessonID
        self.entries = Self.entries(lessonID: lessonID, context: context)
        // Start on the heading of the section being read.
        if let position = context.courseProgress[lesson: lessonID].position,
           let current = entries.lastIndex(where: { $0.kind != .bookmark && ($0.position.block, $0.position.offset) <= (position.block, position.offset) }) {
            selection = current
        }
    }

    static func entries(lessonID: String, context: AppContext) -> [Entry] {
        guard let lesson = context.course.lesson(id: lessonID) else { return [] }
        var entries = Layout.headings(in: lesson.body.blocks).map {
            Entry(kind: .heading(level: $0.level), text: $0.title, position: ReadingPosition(block: $0.block, offset: 0))
        }
        for mark in context.courseProgress[lesson: lessonID].bookmarks {
            let label = BookmarkLabel(mark: mark, in: lesson)
            entries.append(Entry(kind: .bookmark, text: label.heading, position: mark, label: label))
        }
        return entries
    }

    package var title: String { "Outline" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .outline) }

    package var statusKeys: [KeyHelp] { [KeyHelp("Enter", "go"), KeyHelp("q", "back")] }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        message = nil
        if let moved = ListSelection.moved(selection, by: key, count: entries.count) {
            selection = moved
            return nil
        }
        switch key {
        case .enter, .character("l"), .right:
            guard entries.indices.contains(selection) else { return nil }
            return .openReader(lessonID: lessonID, target: .position(entries[selection].position))
        case .character("x"):
            guard entries.indices.contains(selection), entries[selection].kind == .bookmark else {
                message = "Only bookmarks can be removed."
                return nil
            }
            let position = entries[selection].position
            context.courseProgress[lesson: lessonID].bookmarks.removeAll { $0.block == position.block && $0.offset == position.offset }
            context.effects.append(.saveProgress)
            var updated = OutlineScreen(lessonID: lessonID, context: context)
            updated.selection = min(selection, max(0, updated.entries.count - 1))
            updated.message = "Bookmark removed."
            self = updated
        case .escape, .character("q"), .character("o"), .left, .character("h"):
            return .back
        default: break
        }
        return nil
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 2 else { return }
        let width = max(1, min(78, area.width - 2))
        let left = area.column + max(1, (area.width - width) / 2)
        let lessonTitle = context.course.lesson(id: lessonID).map { Sanitizer.clean($0.title, singleLine: true) } ?? lessonID
        buffer.put("Outline: \(lessonTitle)", row: area.row, column: left, style: Style(.title, [.bold]), maxWidth: width)
        if let message { buffer.put(message, row: area.row + 1, column: left, style: Style(.warning), maxWidth: width) }
        var lines: [StyledLine] = []
        var lineOfEntry: [Int] = []
        var bookmarksTitled = false
        for entry in entries {
            switch entry.kind {
            case .heading(let level):
                let indent = String(repeating: "  ", count: max(0, level - 1))
                lineOfEntry.append(lines.count)
                lines.append(StyledLine([Span("  " + indent), Span(DisplayWidth.truncate(entry.text, to: max(1, width - 2 - indent.count)), level <= 2 ? Style(.heading, [.bold]) : Style(.subheading))]))
            case .bookmark:
                if !bookmarksTitled {
                    bookmarksTitled = true
                    lines.append(StyledLine())
                    lines.append(StyledLine([Span("Bookmarks", Style(.subheading, [.bold]))]))
                }
                lineOfEntry.append(lines.count)
                let label = entry.label ?? BookmarkLabel(heading: entry.text, snippet: "")
                lines.append(label.line(percent: entry.position.percent, width: width))
            }
        }
        if entries.isEmpty {
            lines.append(StyledLine([Span("This lesson has no headings or bookmarks. m in the reader adds a bookmark.", Style(.dim))]))
        }
        let rect = Rect(row: area.row + 2, column: left, width: width, height: area.height - 2)
        let selectedLine = lineOfEntry.indices.contains(selection) ? lineOfEntry[selection] : 0
        let top = Scrolling.reveal(selectedLine..<(selectedLine + 1), from: 0, lineCount: lines.count, height: rect.height)
        let shownTop = Scrolling.draw(lines, top: top, in: rect, into: &buffer)
        if !entries.isEmpty {
            let row = rect.row + selectedLine - shownTop
            if row >= rect.row, row < rect.row + rect.height {
                buffer.put("›", row: row, column: left, style: Style(.selected, [.bold]))
                buffer.restyle(row: row, column: left, width: width, style: Style(.selected))
                buffer.cursor = (row, left)
            }
        }
    }
}
