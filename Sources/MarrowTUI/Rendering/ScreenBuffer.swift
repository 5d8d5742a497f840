import MarrowCore

/// Named roles that a theme turns into colors and attributes. Screens say what
/// a piece of text *is*; the theme decides how it looks (color, or monochrome
/// attributes under `NO_COLOR`). Right and wrong are never told by color alone:
/// screens always write ✓/✗ and words too.
package enum Role: String, Sendable, Hashable, CaseIterable {
    case normal, title, heading, subheading, emphasis, strong, code, link, url, quote
    case dim, accent, selected, focus, correct, wrong, warning, status, key, highlight
    case barFilled, barEmpty, heat0, heat1, heat2, heat3, heat4
}

/// Extra attributes a piece of text can carry on top of its role.
package struct TextAttributes: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let bold = TextAttributes(rawValue: 1)
    package static let italic = TextAttributes(rawValue: 2)
    package static let underline = TextAttributes(rawValue: 4)
    package static let reverse = TextAttributes(rawValue: 8)
    package static let dim = TextAttributes(rawValue: 16)
}

/// How a cell is drawn: a role plus extra attributes.
package struct Style: Sendable, Hashable {
    package var role: Role
    package var attributes: TextAttributes

    package init(_ role: Role = .normal, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    package static let normal = Style()
}

/// One cell of the screen. A double-width character fills its cell and marks
/// the next one as a continuation, which is never drawn on its own.
package struct Cell: Sendable, Hashable {
    package var character: Character
    package var style: Style
    package var isContinuation: Bool

    package init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }
}

/// A terminal size in cells.
package struct Size: Sendable, Hashable {
    package var columns: Int
    package var rows: Int

    package init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
}

/// A grid of cells that `render` fills and the backend draws. Width-aware: text is
/// placed by display width and clipped at the right edge; lesson text is sanitized
/// on the way in, so no control character can reach the terminal.
package struct ScreenBuffer: Sendable, Hashable {
    package let size: Size
    package private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (the focused item), so screen readers follow it.
    package var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set { cursorRow = newValue?.row; cursorColumn = newValue?.column ?? 0 }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0
    /// What a click on a row means, by row: the index of the item drawn there
    /// (a lesson entry, a choice), set by `render`, so hit-testing a click is
    /// rendering the screen and reading this (`App.click`).
    package var targets = RowTargets()
    /// The hyperlinks on screen (a source's web address in the reader): each a
    /// run of cells on one row and its checked target (`Hyperlink.target`). The
    /// terminal backend sends them as OSC 8 hyperlinks where the terminal has them.
    package private(set) var links: [Link] = []

    /// A run of cells that links to `target`.
    package struct Link: Sendable, Hashable {
        package var row: Int
        package var column: Int
        package var width: Int
        package var target: String
    }

    package init(size: Size) {
        self.size = size
        self.cells = Array(repeating: Cell(), count: size.columns * size.rows)
    }

    package subscript(row: Int, column: Int) -> Cell {
        cells[row * size.columns + column]
    }

    /// Writes `text` at (row, column), clipped to `maxWidth` cells (and to the
    /// screen). A wide character that would straddle the limit is not drawn.
    /// Returns the number of cells written.
    @discardableResult
    package mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < size.rows, column < size.columns else { return 0 }
        let limit = min(size.columns, column + (maxWidth ?? size.columns))
        if !links.isEmpty { removeLinks(row: row, columns: max(0, column)..<limit) }
        if let written = putPrintableASCII(text, row: row, column: column, style: style, limit: limit) { return written }
        var col = column
        for character in Sanitizer.clean(String(text), singleLine: true) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                let index = row * size.columns + col
                clearWide(at: index)
                cells[index] = Cell(character, style: style)
                if w == 2 {
                    clearWide(at: index + 1)
                    cells[index + 1] = Cell(" ", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return max(0, col - column)
    }

    /// `put` for text that is all printable ASCII (most of every screen): one cell
    /// per byte, with no sanitizing (nothing to remove) and no search for grapheme
    /// cluster breaks (each byte is one). Nil for any other text.
    private mutating func putPrintableASCII(_ text: some StringProtocol, row: Int, column: Int, style: Style, limit: Int) -> Int? {
        var col = column
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return false }
            for byte in bytes {
                if col + 1 > limit { break }
                if col >= 0 {
                    let index = row * size.columns + col
                    clearWide(at: index)
                    cells[index] = Cell(Character(Unicode.Scalar(byte)), style: style)
                }
                col += 1
            }
            return true
        }
        guard done == true else { return nil }
        return max(0, col - column)
    }

    /// Fills a rectangle with spaces of a style.
    package mutating func fill(row: Int, column: Int, width: Int, height: Int = 1, style: Style) {
        for r in max(0, row)..<min(size.rows, row + height) {
            if !links.isEmpty { removeLinks(row: r, columns: max(0, column)..<min(size.columns, column + width)) }
            for c in max(0, column)..<min(size.columns, column + width) {
                cells[r * size.columns + c] = Cell(" ", style: style)
            }
        }
    }

    /// Changes the style of cells already written (for a selected line, say).
    package mutating func restyle(row: Int, column: Int, width: Int, style: Style) {
        guard row >= 0, row < size.rows else { return }
        for c in max(0, column)..<min(size.columns, column + width) {
            cells[row * size.columns + c].style = style
        }
    }

    /// Marks `width` cells from (row, column) as a link to a checked `target`,
    /// joined to a run of the same target that ends where it starts.
    package mutating func addLink(_ target: String, row: Int, column: Int, width: Int) {
        let start = max(0, column), end = min(size.columns, column + width)
        guard row >= 0, row < size.rows, start < end else { return }
        if let last = links.indices.last, links[last].row == row, links[last].target == target,
           links[last].column + links[last].width == start {
            links[last].width += end - start
        } else {
            links.append(Link(row: row, column: start, width: end - start, target: target))
        }
    }

    /// Cells written over are no longer a link.
    private mutating func removeLinks(row: Int, columns: Range<Int>) {
        guard !columns.isEmpty else { return }
        links.removeAll { $0.row == row && $0.column < columns.upperBound && columns.lowerBound < $0.column + $0.width }
    }

    /// Overwriting half of a wide character blanks the other half.
    private mutating func clearWide(at index: Int) {
        guard index < cells.count else { return }
        if cells[index].isContinuation, index > 0, index % size.columns != 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if index + 1 < cells.count, (index + 1) % size.columns != 0, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// One row as text (continuations skipped), trailing spaces kept.
    package func line(_ row: Int) -> String {
        var s = ""
        for c in 0..<size.columns where !self[row, c].isContinuation {
            s.append(self[row, c].character)
        }
        return s
    }

    /// The whole screen as text, one line per row with trailing spaces trimmed:
    /// what golden-file snapshot tests compare.
    package var text: String {
        (0..<size.rows).map { row in
            var l = line(row)
            while l.last == " " { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    package static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn && lhs.links == rhs.links
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(cells)
    }
}
