import MarrowCore

/// `b` on the course map: every bookmark in the course, by lesson in course
/// order, each labeled by its section (`BookmarkLabel`); Enter opens the
/// lesson at the bookmark.
package struct BookmarksScreen: Screen {
    /// One bookmark to open.
    package struct Entry: Sendable, Hashable {
        package var lessonID: String
        package var position: ReadingPosition
        package var label: BookmarkLabel
    }

    package let entries: [Entry]
    package private(set) var selection = 0
    package private(set) var message: String?

    package init(context: AppContext) {
        entries = Self.entries(context: context)
    }

    /// The bookmarks of every lesson still in the course, in course order, each
    /// lesson's in reading order. (Bookmarks of a lesson no longer in the course
    /// stay in the progress file, untouched, but cannot be opened.)
    static func entries(context: AppContext) -> [Entry] {
        context.course.lessons.flatMap { lesson in
            context.courseProgress[lesson: lesson.id].bookmarks
                .sorted { ($0.block, $0.offset) < ($1.block, $1.offset) }
                .map { Entry(lessonID: lesson.id, position: $0, label: BookmarkLabel(mark: $0, in: lesson)) }
        }
    }

    package var title: String { "Bookmarks" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .bookmarks) }

    package var statusKeys: [KeyHelp] {
        entries.isEmpty ? [KeyHelp("q", "back")] : [KeyHelp("Enter", "open"), KeyHelp("x", "remove"), KeyHelp("q", "back")]
    }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        message = nil
        if let moved = ListSelection.moved(selection, by: key, count: entries.count) {
            selection = moved
            return nil
        }
        switch key {
        case .enter, .character("l"), .right:
            guard entries.indices.contains(selection) else { return nil }
            return .openReader(lessonID: entries[selection].lessonID, target: .position(entries[selection].position))
        case .character("x"):
            guard entries.indices.contains(selection) else { return nil }
            let entry = entries[selection]
            context.courseProgress[lesson: entry.lessonID].bookmarks.removeAll {
                $0.block == entry.position.block && $0.offset == entry.position.offset
            }
            context.effects.append(.saveProgress)
            var updated = BookmarksScreen(context: context)
            updated.selection = min(selection, max(0, updated.entries.count - 1))
            updated.message = "Bookmark removed."
            self = updated
        case .escape, .character("q"), .left, .character("h"):
            return .back
        default: break
        }
        return nil
    }

    /// A click selects a bookmark; a click on the selected one opens it, as Enter does.
    package mutating func click(_ item: Int, context: inout AppContext) -> Route? {
        guard item == selection else {
            message = nil
            selection = item
            return nil
        }
        return update(.enter, context: &context)
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 2 else { return }
        let width = max(1, min(78, area.width - 2))
        let left = area.column + max(1, (area.width - width) / 2)
        let count = entries.count
        let heading = count == 0 ? "Bookmarks" : "Bookmarks (\(count))"
        buffer.put(heading, row: area.row, column: left, style: Style(.title, [.bold]), maxWidth: width)
        if let message { buffer.put(message, row: area.row + 1, column: left, style: Style(.warning), maxWidth: width) }
        let rect = Rect(row: area.row + 2, column: left, width: width, height: area.height - 2)
        guard !entries.isEmpty else {
            let text = "No bookmarks yet. In a lesson, m bookmarks the place you are reading; they are listed here and in the lesson's outline (o)."
            let lines = Layout.wrap(text, width: width, style: Style(.dim))
            Scrolling.draw(lines, top: 0, in: rect, into: &buffer)
            return
        }
        var lines: [StyledLine] = []
        var lineOfEntry: [Int] = []
        var lesson: String?
        let lessons = context.course.lessons
        for entry in entries {
            if entry.lessonID != lesson {
                lesson = entry.lessonID
                if !lines.isEmpty { lines.append(StyledLine()) }
                if let index = lessons.firstIndex(where: { $0.id == entry.lessonID }) {
                    let title = "\(CourseMapScreen.number(of: lessons[index], index: index)). " + Sanitizer.clean(lessons[index].title, singleLine: true)
                    lines.append(StyledLine([Span(DisplayWidth.truncateAtWord(title, to: width), Style(.subheading, [.bold]))]))
                }
            }
            lineOfEntry.append(lines.count)
            lines.append(entry.label.line(percent: entry.position.percent, width: width))
        }
        let selectedLine = lineOfEntry.indices.contains(selection) ? lineOfEntry[selection] : 0
        // The lesson's title stays in view above its first bookmark.
        let wanted = selectedLine > 0 && lines[selectedLine - 1].spans.first?.style.role == .subheading ? selectedLine - 1 : selectedLine
        let top = Scrolling.reveal(wanted..<(selectedLine + 1), from: 0, lineCount: lines.count, height: rect.height)
        let shownTop = Scrolling.draw(lines, top: top, in: rect, into: &buffer)
        let rows = Scrolling.visibleRows(lineCount: lines.count, height: rect.height)
        for (index, line) in lineOfEntry.enumerated() where line >= shownTop && line < shownTop + rows {
            buffer.targets[rect.row + line - shownTop] = index
        }
        let row = rect.row + selectedLine - shownTop
        if row >= rect.row, row < rect.row + rows {
            buffer.put("›", row: row, column: left, style: Style(.selected, [.bold]))
            buffer.restyle(row: row, column: left, width: width, style: Style(.selected))
            buffer.cursor = (row, left)
        }
    }
}
