import MarrowCore

/// A column of laid-out lines seen through a window of rows. When the lines do not
/// fit, the window's last row becomes an indicator ("↓ more · j/k scroll · 40%"),
/// so the learner always knows there is more and how to reach it.
///
/// `update` and `render` both use these functions with the same rectangle, so the
/// scroll limits `update` enforces are exactly what `render` shows.
enum Scrolling {
    /// Rows left for lines in a window `height` rows tall.
    static func visibleRows(lineCount: Int, height: Int) -> Int {
        lineCount > height ? max(1, height - 1) : max(0, height)
    }

    /// The largest useful top line.
    static func maxTop(lineCount: Int, height: Int) -> Int {
        max(0, lineCount - visibleRows(lineCount: lineCount, height: height))
    }

    static func clamp(_ top: Int, lineCount: Int, height: Int) -> Int {
        min(max(0, top), maxTop(lineCount: lineCount, height: height))
    }

    /// The top line after a scroll key, or nil when the key does not scroll.
    /// j/k and arrows move a line, PgDn/PgUp a page, g/Home and G/End to the ends.
    static func top(after key: Key, from top: Int, lineCount: Int, height: Int, letters: Bool = true) -> Int? {
        let page = max(1, visibleRows(lineCount: lineCount, height: height) - 1)
        let next: Int
        switch key {
        case .down: next = top + 1
        case .up: next = top - 1
        case .pageDown: next = top + page
        case .pageUp: next = top - page
        case .home: next = 0
        case .end: next = Int.max / 2
        case .character("j") where letters: next = top + 1
        case .character("k") where letters: next = top - 1
        case .character("g") where letters: next = 0
        case .character("G") where letters: next = Int.max / 2
        default: return nil
        }
        return clamp(next, lineCount: lineCount, height: height)
    }

    /// The top line that keeps lines `range` in view, moving as little as possible from `top`.
    static func reveal(_ range: Range<Int>, from top: Int, lineCount: Int, height: Int) -> Int {
        let rows = visibleRows(lineCount: lineCount, height: height)
        var t = top
        if range.upperBound > t + rows { t = range.upperBound - rows }
        if range.lowerBound < t { t = range.lowerBound }
        return clamp(t, lineCount: lineCount, height: height)
    }

    /// Draws `lines` from `top` into `rect` (lines `column`-aligned at `rect.column`),
    /// with the indicator row (naming the scroll `keys`) when they overflow. Returns the clamped top.
    @discardableResult
    static func draw(_ lines: [StyledLine], top: Int, in rect: Rect, into buffer: inout ScreenBuffer, keys: String = "j/k") -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let t = clamp(top, lineCount: lines.count, height: rect.height)
        let rows = visibleRows(lineCount: lines.count, height: rect.height)
        // A heading is never the window's last line while more follows: it would
        // stand alone with its text a page later (the reader keeps headings with
        // their next line the same way).
        var shown = rows
        while shown > 1, t + rows < lines.count, t + shown - 1 < lines.count, isHeading(lines[t + shown - 1]) { shown -= 1 }
        for r in 0..<shown where t + r < lines.count {
            buffer.draw(lines[t + r], row: rect.row + r, column: rect.column, width: rect.width)
        }
        if lines.count > rect.height {
            let percent = Layout.percent(top: t, count: lines.count, visibleRows: rows)
            let arrow = t == 0 ? "↓ more" : (t >= maxTop(lineCount: lines.count, height: rect.height) ? "↑ end" : "↕ more")
            let text = "\(arrow) · \(keys) scroll · \(percent)%"
            buffer.put(text, row: rect.row + rows, column: rect.column, style: Style(.dim), maxWidth: rect.width)
        }
        return t
    }

    /// A line of heading text only (blanks aside).
    static func isHeading(_ line: StyledLine) -> Bool {
        let words = line.spans.filter { $0.text.contains { $0 != " " } }
        return !words.isEmpty && words.allSatisfy { $0.style.role == .heading }
    }
}
