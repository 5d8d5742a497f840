import MarrowCore

/// Search across all lessons as you type: a query line, then one line per lesson
/// that matches (the lessons about the query first, `CourseSearch.searchByLesson`)
/// with its number of matches. Enter (or →) on a lesson shows its matches, each a
/// line of context with the match highlighted; Enter on a match opens the reader
/// there, or shows a quiz question with its answer (never a graded quiz).
///
/// Letters type into the query, so the selection moves with the arrows and
/// Ctrl-N/Ctrl-P, and Esc goes back. `?` opens help only while the query is empty
/// (otherwise it is typed), so the app must let this screen see `?`
/// (`takesQuestionMark`). The query is kept in `AppContext.searchQuery`, so
/// search opens again with it while the app runs.
package struct SearchScreen: Screen {
    /// One row of the list: a lesson, or one of its matches when it is expanded.
    package enum Row: Sendable, Hashable {
        /// Index into `groups`.
        case lesson(Int)
        /// Index into `groups`, then into that group's `results`.
        case match(Int, Int)
    }

    package private(set) var query: String
    /// The lessons that match, best first.
    package private(set) var groups: [CourseSearch.LessonHits] = []
    /// Lessons (by id) whose matches are shown.
    package private(set) var expanded: Set<String> = []
    /// The selected row.
    package private(set) var selection = 0
    /// First row shown.
    package private(set) var listTop = 0
    /// The course's search index, built once.
    package let index: CourseSearch

    /// `Route.openSearch(query:)`: builds the course's index (cheap for a course of
    /// tens of lessons; pass a kept `index` to reuse one).
    package init(query: String = "", course: Course) {
        self.init(query: query, index: CourseSearch(course: course))
    }

    package init(query: String = "", index: CourseSearch) {
        self.query = query
        self.index = index
        refresh()
    }

    /// Every match, lesson by lesson in the order shown.
    package var results: [CourseSearch.Result] { groups.flatMap(\.results) }

    /// The rows shown: each lesson, followed by its matches when expanded.
    package var rows: [Row] {
        var rows: [Row] = []
        for (g, group) in groups.enumerated() {
            rows.append(.lesson(g))
            if expanded.contains(group.lessonID) { rows += group.results.indices.map { Row.match(g, $0) } }
        }
        return rows
    }

    package var title: String { "Search" }
    package var takesQuestionMark: Bool { true }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .search) }

    package var statusKeys: [KeyHelp] {
        // Selecting is offered only when there is more than one row to select.
        var keys = [KeyHelp("type", "search")]
        if rows.count > 1 { keys.append(KeyHelp("↑↓", "select")) }
        switch rows.indices.contains(selection) ? rows[selection] : nil {
        case .lesson(let g)?: keys.append(KeyHelp("Enter", expanded.contains(groups[g].lessonID) ? "hide" : "matches"))
        case .match?: keys.append(KeyHelp("Enter", "open"))
        case nil: break
        }
        keys.append(KeyHelp("Esc", "back"))
        if query.isEmpty { keys.append(KeyHelp("?", "help")) }
        return keys
    }

    // MARK: Update

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        let rows = rows
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
        case .enter, .right:
            guard rows.indices.contains(selection) else { return nil }
            switch rows[selection] {
            case .lesson(let g):
                let id = groups[g].lessonID
                if expanded.contains(id) {
                    if key == .enter { expanded.remove(id) }
                } else {
                    expanded.insert(id)
                }
                select(selection, context: context)
            case .match(let g, let r):
                guard key == .enter else { return nil }
                let result = groups[g].results[r]
                switch result.location {
                case .quiz(let questionID):
                    return .openQuestion(lessonID: result.lessonID, questionID: questionID)
                case .title, .body:
                    return .openReader(lessonID: result.lessonID, target: .match(query: query.trimmingSpaces, block: result.block ?? 0))
                }
            }
        case .left:
            guard rows.indices.contains(selection) else { return nil }
            let g: Int
            switch rows[selection] {
            case .lesson(let i): g = i
            case .match(let i, _): g = i
            }
            expanded.remove(groups[g].lessonID)
            selection = self.rows.firstIndex(of: .lesson(g)) ?? 0
            select(selection, context: context)
        case .down, .control("n"): select(selection + 1, context: context)
        case .up, .control("p"): select(selection - 1, context: context)
        case .pageDown: select(selection + rowsPerPage(context.screenArea), context: context)
        case .pageUp: select(selection - rowsPerPage(context.screenArea), context: context)
        case .home: select(0, context: context)
        case .end: select(rows.count - 1, context: context)
        default: break
        }
        context.searchQuery = query
        return nil
    }

    /// Searches again; a single lesson's matches show at once, its first selected.
    private mutating func refresh() {
        groups = index.searchByLesson(query)
        expanded = groups.count == 1 ? [groups[0].lessonID] : []
        selection = groups.count == 1 ? 1 : 0
        listTop = 0
    }

    private mutating func select(_ row: Int, context: AppContext) {
        let count = rows.count
        guard count > 0 else { return }
        selection = min(max(0, row), count - 1)
        let visible = rowsPerPage(context.screenArea)
        if selection < listTop { listTop = selection }
        if selection >= listTop + visible { listTop = selection - visible + 1 }
        listTop = max(0, min(listTop, count - visible))
    }

    // MARK: Layout

    /// Title, query and summary rows, then the results (after a blank row when there is room).
    private static func listRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let top = area.height >= 16 ? 4 : 3
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    /// Rows that fit at once (the last row is kept for "more" when they overflow).
    private func rowsPerPage(_ area: Rect) -> Int {
        let height = SearchScreen.listRect(of: area).height
        return max(1, rows.count > height ? height - 1 : height)
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
        let rows = rows
        guard rect.height > 0, !rows.isEmpty else { return }
        let perPage = rowsPerPage(area)
        let top = max(0, min(listTop, rows.count - perPage))
        for (offset, index) in (top..<min(rows.count, top + perPage)).enumerated() {
            let row = rect.row + offset
            let selected = index == selection
            let marker = FocusMarker.span(focused: selected)
            buffer.put(marker.text, row: row, column: rect.column, style: marker.style)
            switch rows[index] {
            case .lesson(let g):
                let lessons = context.course.lessons
                let number = lessons.indices.contains(groups[g].lessonIndex)
                    ? CourseMapScreen.number(of: lessons[groups[g].lessonIndex], index: groups[g].lessonIndex) : groups[g].lessonIndex + 1
                buffer.draw(Self.lessonLine(groups[g], number: number, expanded: expanded.contains(groups[g].lessonID), width: rect.width - 2, selected: selected),
                            row: row, column: rect.column + 2, width: rect.width - 2)
            case .match(let g, let r):
                let result = groups[g].results[r]
                var line = SearchScreen.contextLine(result, width: max(1, rect.width - 4 - (result.isQuiz ? 6 : 0)))
                if result.isQuiz { line.spans.insert(Span("Quiz: ", Style(.accent, .bold)), at: 0) }
                buffer.draw(line, row: row, column: rect.column + 4, width: rect.width - 4)
            }
        }
        if rows.count > perPage {
            let text = "\(selection + 1) of \(rows.count) rows · ↑↓ select"
            buffer.put(text, row: rect.row + rect.height - 1, column: rect.column, style: Style(.dim), maxWidth: rect.width)
        }
    }

    /// "+ 8. Risks: graft-versus-host disease … 41 matches": + or − says whether
    /// the matches are shown; the count sits at the right.
    static func lessonLine(_ group: CourseSearch.LessonHits, number: Int, expanded: Bool, width: Int, selected: Bool) -> StyledLine {
        let count = group.matches
        let countText = "\(count) \(count == 1 ? "match" : "matches")"
        let marker = expanded ? "− " : "+ "
        let title = "\(number). \(Sanitizer.clean(group.lessonTitle, singleLine: true))"
        let room = max(1, width - DisplayWidth.of(marker) - DisplayWidth.of(countText) - 2)
        let shown = DisplayWidth.truncate(title, to: room)
        let gap = max(2, width - DisplayWidth.of(marker) - DisplayWidth.of(shown) - DisplayWidth.of(countText))
        return StyledLine([Span(marker, Style(.accent)), Span(shown, Style(selected ? .selected : .strong, .bold)),
                           Span(String(repeating: " ", count: gap)), Span(countText, Style(.dim))])
    }

    /// The line under the query: how many matches, or why there are none.
    private var summary: String {
        let trimmed = query.trimmingSpaces
        if trimmed.isEmpty { return "Type to search every lesson." }
        if CourseSearch.folded(trimmed).count < CourseSearch.minimumQueryLength {
            return "Type at least \(CourseSearch.minimumQueryLength) characters."
        }
        if groups.isEmpty { return "No matches for “\(Sanitizer.clean(trimmed, singleLine: true))”." }
        let lessons = groups.count
        let matches = groups.reduce(0) { $0 + $1.matches }
        return "\(matches) \(matches == 1 ? "match" : "matches") in \(lessons) \(lessons == 1 ? "lesson" : "lessons")"
    }
}
