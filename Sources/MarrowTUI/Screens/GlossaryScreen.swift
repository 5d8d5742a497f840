import MarrowCore

/// The glossary: the course's terms in alphabetical order (ignoring case and
/// accents), each with its definition wrapped underneath. Typing filters the list
/// (by term, alias or definition) as you type.
///
/// Because letters type into the filter, `q` and `j`/`k` are text here: the arrows
/// (and Ctrl-N/Ctrl-P) scroll, and Esc leaves. Esc first clears a filter, then
/// widens a "terms on this page" list to all terms, then goes back. `?` opens help
/// only while the filter is empty (otherwise it is typed), so the app must let this
/// screen see `?` (`takesQuestionMark`).
///
/// Each entry names the lesson that teaches it (`GlossaryLessons`: the first lesson
/// that uses the term); ↑/↓ choose an entry and Enter opens that lesson in the
/// reader at the term, highlighted as a search hit is.
package struct GlossaryScreen: Screen {
    /// What has been typed.
    package private(set) var filter = ""
    /// The terms the reader had on screen, when opened from there; nil for all terms.
    package private(set) var limitedTo: [String]?
    /// Top line of the list.
    package private(set) var scroll = 0
    /// The chosen entry (index into `entries`), which Enter opens.
    package private(set) var selected = 0
    /// Where each term is taught, by term (found once, when the glossary opens).
    package private(set) var teaching: [String: GlossaryLesson]

    /// `terms`: `Route.openGlossary(terms:)`, names of terms (or of their aliases)
    /// to show alone, or nil for the whole glossary. `course`: to name the lesson
    /// that teaches each term (none named without it).
    package init(terms: [String]? = nil, course: Course? = nil) {
        self.limitedTo = terms
        self.teaching = course.map(GlossaryLessons.find(in:)) ?? [:]
    }

    package var title: String { "Glossary" }
    package var takesQuestionMark: Bool { true }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .glossary) }

    package var statusKeys: [KeyHelp] {
        let esc: KeyHelp
        if !filter.isEmpty { esc = KeyHelp("Esc", "clear") }
        else if limitedTo != nil { esc = KeyHelp("Esc", "all terms") }
        else { esc = KeyHelp("Esc", "back") }
        var keys = [KeyHelp("type", "filter"), KeyHelp("↑↓", "choose"), KeyHelp("Enter", "lesson"), esc]
        if filter.isEmpty { keys.append(KeyHelp("?", "help")) }
        return keys
    }

    // MARK: Update

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        let rect = GlossaryScreen.listRect(of: context.screenArea)
        let (lines, starts) = layout(course: context.course, width: rect.width)
        let height = rect.height
        switch key {
        case .escape:
            if !filter.isEmpty { filter = "" }
            else if limitedTo != nil { limitedTo = nil }
            else { return .back }
            scroll = 0
            selected = 0
        case .enter:
            let entries = entries(in: context.course)
            guard entries.indices.contains(selected), let lesson = teaching[entries[selected].term] else { return nil }
            return .openReader(lessonID: lesson.lessonID, target: .match(query: lesson.name, block: lesson.block))
        case .character("?") where filter.isEmpty:
            return .openHelp
        case .character(let c):
            guard !Sanitizer.isForbidden(c.unicodeScalars.first ?? " "), c != "\n", c != "\t" else { return nil }
            filter.append(c)
            scroll = 0
            selected = 0
        case .backspace, .delete:
            if !filter.isEmpty { filter.removeLast(); scroll = 0; selected = 0 }
        case .control("u"):
            filter = ""
            scroll = 0
            selected = 0
        case .down, .control("n"):
            choose(selected + 1, starts: starts, lineCount: lines.count, height: height)
        case .up, .control("p"):
            choose(selected - 1, starts: starts, lineCount: lines.count, height: height)
        default:
            guard let top = Scrolling.top(after: key, from: scroll, lineCount: lines.count, height: height, letters: false) else { return nil }
            scroll = Scrolling.clamp(top, lineCount: lines.count, height: height)
            // The chosen entry follows the page: the first one that starts on it.
            if let first = starts.firstIndex(where: { $0 >= scroll }) { selected = first }
            else if !starts.isEmpty { selected = starts.count - 1 }
        }
        return nil
    }

    /// Chooses entry `index` (clamped) and scrolls so that all of it shows (its top when it is taller than the list).
    private mutating func choose(_ index: Int, starts: [Int], lineCount: Int, height: Int) {
        guard !starts.isEmpty else { return }
        selected = min(max(0, index), starts.count - 1)
        let first = starts[selected]
        let last = (selected + 1 < starts.count ? starts[selected + 1] - 1 : lineCount) - 1
        let rows = Scrolling.visibleRows(lineCount: lineCount, height: height)
        if last >= scroll + rows { scroll = last - rows + 1 }
        if first < scroll || first >= scroll + rows { scroll = first }
        scroll = Scrolling.clamp(scroll, lineCount: lineCount, height: height)
    }

    // MARK: Entries

    /// The terms shown, in order: limited to the page's terms if asked, filtered, sorted.
    package func entries(in course: Course) -> [GlossaryTerm] {
        var terms = course.glossary
        if let limitedTo {
            let wanted = Set(limitedTo.map(CourseSearch.folded))
            terms = terms.filter { term in
                wanted.contains(CourseSearch.folded(term.term)) || term.aliases.contains { wanted.contains(CourseSearch.folded($0)) }
            }
        }
        let needle = String(decoding: TextMatcher.foldedQuery(filter), as: UTF8.self)
        let sorted = terms.map { ($0, TextMatcher.folded($0.term)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.term < $1.0.term }
        guard !needle.isEmpty else { return sorted.map(\.0) }
        // Filtered: the terms named by what was typed first ("gvhd" is Graft-versus-host
        // disease's acronym, so it comes before terms that only mention GVHD), then
        // names that start with it, then names that contain it, then definitions.
        return sorted.compactMap { entry, _ in Self.rank(entry, needle: needle).map { (entry, $0) } }
            .enumerated()
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
            .map(\.element.0)
    }

    /// How well a term matches a folded filter, best 0; nil when it does not match.
    static func rank(_ term: GlossaryTerm, needle: String) -> Int? {
        let name = TextMatcher.folded(term.term)
        let aliases = term.aliases.map(TextMatcher.folded)
        if name == needle { return 0 }
        if aliases.contains(needle) { return 1 }
        if name.hasPrefix(needle) { return 2 }
        if aliases.contains(where: { $0.hasPrefix(needle) }) { return 3 }
        if name.contains(needle) || aliases.contains(where: { $0.contains(needle) }) { return 4 }
        if TextMatcher.folded(term.definition).contains(needle) { return 5 }
        return nil
    }

    /// The other names worth showing: not a plural of the term or of another name
    /// ("calcineurin inhibitors" beside "Calcineurin inhibitor" tells nothing new).
    /// They still match the filter.
    static func shownAliases(of term: GlossaryTerm) -> [String] {
        let names = ([term.term] + term.aliases).map(TextMatcher.folded)
        return term.aliases.filter { alias in
            let folded = TextMatcher.folded(alias)
            return !names.contains { name in
                name != folded && (folded == name + "s" || folded == name + "es" || (name.hasSuffix("y") && folded == name.dropLast() + "ies"))
            }
        }
    }

    // MARK: Layout

    /// Title row, filter row, then the list (after a blank row when there is room).
    private static func listRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let top = area.height >= 16 ? 3 : 2
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    func lines(course: Course, width: Int) -> [StyledLine] {
        layout(course: course, width: width).lines
    }

    /// The list's lines, and the line where each entry starts.
    func layout(course: Course, width: Int) -> (lines: [StyledLine], starts: [Int]) {
        let entries = entries(in: course)
        let query = filter.trimmingSpaces
        if entries.isEmpty {
            let text: String
            if course.glossary.isEmpty { text = "This course has no glossary." }
            else if !query.isEmpty { text = "No terms match “\(Sanitizer.clean(query, singleLine: true))”. Backspace edits the filter; Esc clears it." }
            else { text = "None of the glossary's terms are on this page. Esc shows all terms." }
            return (Layout.wrap(text, width: width, style: Style(.dim)), [])
        }
        var lines: [StyledLine] = []
        var starts: [Int] = []
        for (i, entry) in entries.enumerated() {
            if i > 0 { lines.append(StyledLine()) }
            starts.append(lines.count)
            let isChosen = i == selected
            var head = [Span(Sanitizer.clean(entry.term, singleLine: true), isChosen ? Style(.focus, .bold) : Style(.strong, .bold))]
            let aliases = Self.shownAliases(of: entry)
            if !aliases.isEmpty {
                head.append(Span("  (" + aliases.map { Sanitizer.clean($0, singleLine: true) }.joined(separator: ", ") + ")", Style(.dim)))
            }
            let headLine = StyledLine(head)
            if headLine.width <= width {
                lines.append(headLine)
            } else {
                lines += Layout.wrap(head.map(\.text).joined(), width: width, style: isChosen ? Style(.focus, .bold) : Style(.strong, .bold))
            }
            lines += Layout.wrap(Sanitizer.clean(entry.definition, singleLine: true), width: max(1, width - 2),
                                 firstPrefix: [Span("  ")], restPrefix: [Span("  ")])
            if let taught = teaching[entry.term], course.lessons.indices.contains(taught.lessonIndex) {
                let lesson = course.lessons[taught.lessonIndex]
                let number = CourseMapScreen.number(of: lesson, index: taught.lessonIndex)
                let text = "In lesson \(number): " + Sanitizer.clean(lesson.title, singleLine: true) + (isChosen ? " (Enter)" : "")
                lines.append(StyledLine([Span("  "), Span(DisplayWidth.truncate(text, to: max(1, width - 2)), Style(.dim))]))
            }
        }
        if !query.isEmpty { lines = lines.map { Layout.highlighting(query, in: $0) } }
        return (lines, starts)
    }

    // MARK: Render

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let shown = entries(in: context.course).count
        let heading: String
        if limitedTo != nil {
            let long = "Terms on this page (\(shown)) — Esc: all terms"
            heading = DisplayWidth.of(long) <= width ? long : "Page terms (\(shown)) — Esc: all terms"
        } else {
            heading = "Glossary · \(shown) of \(context.course.glossary.count) terms"
        }
        buffer.put(DisplayWidth.truncate(heading, to: width), row: area.row, column: column, style: Style(.title, .bold))
        guard area.height > 1 else { return }
        // The filter line, with the cursor after what was typed.
        let label = "Filter: "
        buffer.put(label, row: area.row + 1, column: column, style: Style(.dim), maxWidth: width)
        let room = max(0, width - DisplayWidth.of(label) - 1)
        let typed = Sanitizer.clean(filter, singleLine: true)
        // Show the end of a long filter.
        var visible = Substring(typed)
        while DisplayWidth.of(visible) > room, !visible.isEmpty { visible = visible.dropFirst() }
        let written = buffer.put(visible, row: area.row + 1, column: column + DisplayWidth.of(label), style: Style(.accent), maxWidth: room)
        if typed.isEmpty {
            buffer.put("type to filter", row: area.row + 1, column: column + DisplayWidth.of(label), style: Style(.dim), maxWidth: room)
        }
        buffer.cursor = (area.row + 1, min(column + width - 1, column + DisplayWidth.of(label) + written))
        let rect = GlossaryScreen.listRect(of: area)
        guard rect.height > 0 else { return }
        Scrolling.draw(lines(course: context.course, width: rect.width), top: scroll, in: rect, into: &buffer, keys: "↑↓")
    }
}
