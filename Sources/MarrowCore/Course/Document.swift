/// A lesson body, converted from cmark's tree into plain Swift values at once,
/// so that nothing outside `MarkdownConverter.swift` ever touches a cmark pointer.
package struct Document: Sendable, Hashable {
    package var blocks: [Block]

    package init(blocks: [Block] = []) {
        self.blocks = blocks
    }
}

/// One block of a document, with the source position where it starts
/// (1-based line and column in the lesson file, front matter included).
package struct Block: Sendable, Hashable {
    package indirect enum Kind: Sendable, Hashable {
        case heading(level: Int, content: [Inline])
        case paragraph([Inline])
        case codeBlock(info: String, text: String)
        case figure(Figure)
        case bulletList(items: [ListItem])
        case orderedList(start: Int, items: [ListItem])
        case blockQuote([Block])
        case thematicBreak
    }

    package var kind: Kind
    package var line: Int
    package var column: Int

    package init(_ kind: Kind, line: Int = 0, column: Int = 0) {
        self.kind = kind
        self.line = line
        self.column = column
    }
}

/// A drawing in a lesson: a fenced block with the info string `figure` whose first
/// line is the caption, followed by a paragraph starting "Alt text:" that says in words
/// what the drawing shows. The alt text is what `marrow read`, `quiz --plain` and a
/// terminal too narrow for the drawing show instead of it.
package struct Figure: Sendable, Hashable {
    package var caption: String
    /// The drawing's lines as written (the reader strips control characters when drawing).
    package var drawing: [String]
    package var altText: String

    package init(caption: String, drawing: [String], altText: String) {
        self.caption = caption
        self.drawing = drawing
        self.altText = altText
    }

    /// Columns the drawing needs: its widest line by display width.
    package var width: Int {
        drawing.map { DisplayWidth.of(Sanitizer.clean($0, singleLine: true)) }.max() ?? 0
    }

    /// What search and reading positions count: the caption and the alt text, not the drawing.
    package var plainText: String { caption + "\n" + altText }
}

/// One item of a bullet or numbered list: its own blocks (paragraphs, nested lists …).
package struct ListItem: Sendable, Hashable {
    package var blocks: [Block]
    package var line: Int
    package var column: Int

    package init(blocks: [Block], line: Int = 0, column: Int = 0) {
        self.blocks = blocks
        self.line = line
        self.column = column
    }
}

/// Inline content of a paragraph or heading.
package indirect enum Inline: Sendable, Hashable {
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case code(String)
    case link(text: [Inline], url: String)
    case softBreak
    case lineBreak
}

extension Inline {
    /// The text a reader sees, without markup (soft breaks become spaces).
    package var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .emphasis(let c), .strong(let c): return c.plainText
        case .link(let text, _): return text.plainText
        case .softBreak, .lineBreak: return " "
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup.
    package var plainText: String {
        var out = ""
        for inline in self { out += inline.plainText }
        return out
    }
}

extension Block {
    /// All the text in this block and its children, for search and glossary lookup.
    package var plainText: String {
        switch kind {
        case .heading(_, let c), .paragraph(let c): return c.plainText
        case .codeBlock(_, let t): return t
        case .figure(let f): return f.plainText
        case .bulletList(let items), .orderedList(_, let items):
            return items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .blockQuote(let b): return b.map(\.plainText).joined(separator: "\n")
        case .thematicBreak: return ""
        }
    }
}
