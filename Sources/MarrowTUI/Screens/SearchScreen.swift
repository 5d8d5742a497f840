import MarrowCore

/// Search across all lessons as you type: a query line, then the matches (lesson
/// title and a line of context with the match highlighted). Enter opens the reader
/// at the match (or, for a quiz question, a quiz of that one question).
///
/// Letters type into the query, so the selection moves with the arrows and
/// Ctrl-N/Ctrl-P, and Esc goes back. `?` opens help only while the query is empty
/// (otherwise it is typed), so the app must let this screen see `?`
/// (`takesQuestionMark`).
package struct SearchScreen: Screen {
    package private(set) var query: String
    package private(set) var results: [CourseSearch.Result] = []
    /// The selected result.
    package private(set) var selection = 0
    /// First result shown.
    package private(set) var listTop = 0
    /// The course's search index, built once.
    package let index: CourseSearch

    /// Lines per result: lesson title, then context.
    static let linesPerResult = 2

    /// `Route.openSearch(query:)`: builds the course's index (cheap for a course of
    /// tens of lessons; pass a kept `index` to reuse one).
    package init(query: String = "", course: Course) {
        self.init(query: query, index: CourseSearch(course: course))
    }

    package init(query: String = "", index: CourseSearch) {
        self.query = query
        self.index = index
        self.results = index.search(query)
    }

    package var title: String { "Search" }
    package var takesQuestionMark: Bool { true }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .search) }

    package var statusKeys: [KeyHelp] {
        // Selecting and opening are offered only when there is something to select or open.
        var keys = [KeyHelp("type", "search")]
        if results.count > 1 { keys.append(KeyHelp("↑↓", "select")) }
        if !results.isEmpty { keys.append(KeyHelp("Enter", "open")) }
        keys.append(KeyHelp("Esc", "back"))
        if query.isEmpty { keys.append(KeyHelp("?", "help")) }
        return keys
    }

    // MARK: Update

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        switch key {
        case .escape:
            return .back
        case .character("?") where query.isEmpty:
            return .openHelp
        case .character(let c):
            guard let s = c.unicodeScalars.first, !Sanitizer.isForbidden(s), c != "\n", c != "\t" else { return nil }
            query.append(c)
            refresh()
        case .backspace, .delete:
            guard !query.isEmpty else { return nil }
            query.removeLast()
            refresh()
        case .control("u"):
            query = ""
            refresh()
        case .enter:
            guard results.indices.contains(selection) else { return nil }
            let result = results[selection]
            switch result.location {
            case .quiz(let questionID):
                return .openQuiz(lessonID: nil, questionIDs: [questionID])
            case .title, .body:
                return .openReader(lessonID: result.lessonID, target: .match(query: query.trimmingSpaces, block: result.block ?? 0))
            }
        case .down, .control("n"): select(selection + 1, context: context)
        case .up, .control("p"): select(selection - 1, context: context)
        case .pageDown: select(selection + resultsPerPage(context.screenArea), context: context)
        case .pageUp: select(selection - resultsPerPage(context.screenArea), context: context)
        case .home: select(0, context: context)
        case .end: select(results.count - 1, context: context)
        default: break
        }
        return nil
    }

    private mutating func refresh() {
        results = index.search(query)
        selection = 0
        listTop = 0
    }

    private mutating func select(_ index: Int, context: AppContext) {
        guard !results.isEmpty else { return }
        selection = min(max(0, index), results.count - 1)
        let visible = resultsPerPage(context.screenArea)
        if selection < listTop { listTop = selection }
        if selection >= listTop + visible { listTop = selection - visible + 1 }
    }

    // MARK: Layout

    /// Title, query and summary rows, then the results (after a blank row when there is room).
    private static func listRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let top = area.height >= 16 ? 4 : 3
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    /// Results that fit at once (the last row is kept for "more" when they overflow).
    private func resultsPerPage(_ area: Rect) -> Int {
        let height = SearchScreen.listRect(of: area).height
        let rows = results.count * Self.linesPerResult > height ? height - 1 : height
        return max(1, rows / Self.linesPerResult)
    }

    /// One line of context fitted to `width`: the match kept in view, highlighted.
    static func contextLine(_ result: CourseSearch.Result, width: Int) -> StyledLine {
        var characters = Array(result.snippet)
        var match = result.match
        let before = DisplayWidth.of(String(characters[..<match.lowerBound]))
        let matchWidth = DisplayWidth.of(String(characters[match]))
        // Cut the start, no further than needed to fill the line, and so that the
        // match begins at least a third of the way in.
        if before + matchWidth > width, before > width / 3 {
            var drop = 0
            var cut = before
            var total = DisplayWidth.of(String(characters)) + 1
            while cut > width / 3, total > width, drop < match.lowerBound {
                let w = DisplayWidth.of(characters[drop])
                cut -= w
                total -= w
                drop += 1
            }
            characters = ["…"] + characters[drop...]
            match = (match.lowerBound - drop + 1)..<(match.upperBound - drop + 1)
        }
        var spans = [Span(String(characters[..<match.lowerBound])), Span(String(characters[match]), Style(.highlight, .bold)),
                     Span(String(characters[match.upperBound...]))]
        // Truncate to the width, ending in "…" when cut.
        if DisplayWidth.of(String(characters)) > width {
            var left = width - 1
            var kept: [Span] = []
            for span in spans {
                let piece = DisplayWidth.prefix(span.text, fitting: max(0, left))
                kept.append(Span(String(piece), span.style))
                left -= DisplayWidth.of(piece)
                if piece.count < span.text.count { break }
            }
            kept.append(Span("…"))
            spans = kept
        }
        return StyledLine(spans.filter { !$0.text.isEmpty })
    }

    // MARK: Render

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (column, width) = area.centeredColumns(maxWidth: 76)
        buffer.put("Search all lessons", row: area.row, column: column, style: Style(.title, .bold), maxWidth: width)
        buffer.cursor = (area.row, column)
        guard area.height > 1 else { return }
        // The query line, cursor after what was typed (the end of a long query stays in view).
        let label = "Search: "
        let labelWidth = DisplayWidth.of(label)
        buffer.put(label, row: area.row + 1, column: column, style: Style(.dim), maxWidth: width)
        let room = max(0, width - labelWidth - 1)
        var visible = Substring(Sanitizer.clean(query, singleLine: true))
        while DisplayWidth.of(visible) > room, !visible.isEmpty { visible = visible.dropFirst() }
        let written = buffer.put(visible, row: area.row + 1, column: column + labelWidth, style: Style(.accent), maxWidth: room)
        buffer.cursor = (area.row + 1, min(column + width - 1, column + labelWidth + written))
        guard area.height > 2 else { return }
        buffer.put(DisplayWidth.truncate(summary, to: width), row: area.row + 2, column: column, style: Style(.dim))

        let rect = SearchScreen.listRect(of: area)
        guard rect.height > 0, !results.isEmpty else { return }
        let perPage = resultsPerPage(area)
        let top = min(listTop, max(0, results.count - perPage))
        var row = rect.row
        for i in top..<min(results.count, top + perPage) {
            let result = results[i]
            let selected = i == selection
            var title = Sanitizer.clean(result.lessonTitle, singleLine: true)
            if case .quiz = result.location { title += " · quiz question" }
            buffer.put(selected ? "▸ " : "  ", row: row, column: rect.column, style: Style(.focus, .bold))
            buffer.put(DisplayWidth.truncate(title, to: max(0, rect.width - 2)), row: row, column: rect.column + 2,
                       style: Style(selected ? .selected : .strong, .bold))
            buffer.draw(SearchScreen.contextLine(result, width: max(1, rect.width - 4)), row: row + 1, column: rect.column + 4, width: rect.width - 4)
            row += Self.linesPerResult
        }
        if results.count > perPage {
            let text = "\(selection + 1) of \(results.count) · ↑↓ select"
            buffer.put(text, row: rect.row + rect.height - 1, column: rect.column, style: Style(.dim), maxWidth: rect.width)
        }
    }

    /// The line under the query: how many matches, or why there are none.
    private var summary: String {
        let trimmed = query.trimmingSpaces
        if trimmed.isEmpty { return "Type to search every lesson." }
        if CourseSearch.folded(trimmed).count < CourseSearch.minimumQueryLength {
            return "Type at least \(CourseSearch.minimumQueryLength) characters."
        }
        if results.isEmpty { return "No matches for “\(Sanitizer.clean(trimmed, singleLine: true))”." }
        let lessons = Set(results.map(\.lessonID)).count
        return "\(results.count) \(results.count == 1 ? "match" : "matches") in \(lessons) \(lessons == 1 ? "lesson" : "lessons")"
    }
}

private extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
