import MarrowCore

/// A run of text in one style.
package struct Span: Sendable, Hashable {
    package var text: String
    package var style: Style
    /// Where the text links to, already checked (`Hyperlink.target`): the
    /// terminal shows it as a hyperlink where it can (OSC 8).
    package var link: String?

    package init(_ text: String, _ style: Style = .normal, link: String? = nil) {
        self.text = text
        self.style = style
        self.link = link
    }

    package var width: Int { DisplayWidth.of(text) }
}

/// One laid-out line: spans that fit the width they were wrapped to, plus where
/// the line comes from in the document, so a reading position survives re-wrapping.
package struct StyledLine: Sendable, Hashable {
    package var spans: [Span]
    /// Index of the top-level block of the document this line belongs to.
    package var block: Int
    /// Character offset into that block's plain text where this line starts.
    package var offset: Int

    package init(_ spans: [Span] = [], block: Int = 0, offset: Int = 0) {
        self.spans = spans
        self.block = block
        self.offset = offset
    }

    package var width: Int { spans.reduce(0) { $0 + $1.width } }
    package var plainText: String { spans.map(\.text).joined() }
}

extension ScreenBuffer {
    /// Draws a styled line at (row, column), clipped to `width` cells.
    package mutating func draw(_ line: StyledLine, row: Int, column: Int, width: Int) {
        var col = column
        for span in line.spans {
            let remaining = column + width - col
            if remaining <= 0 { break }
            let written = put(span.text, row: row, column: col, style: span.style, maxWidth: remaining)
            if let link = span.link, written > 0 { addLink(link, row: row, column: col, width: written) }
            col += written
        }
    }
}
