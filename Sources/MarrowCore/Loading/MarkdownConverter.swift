import CCmark

/// Converts a lesson body from CommonMark to `Document` values. The only file that touches cmark.
///
/// The body is parsed once with `cmark_parse_document` (default options: no HTML is ever
/// rendered), the tree is walked once and freed. Raw HTML is dropped and images are
/// replaced by their alt text, each with a warning; HTML comments are dropped silently,
/// since they are how authors leave notes for each other.
struct MarkdownConverter {
    /// cmark_node is opaque to Swift.
    private typealias Node = OpaquePointer

    /// Blocks nested deeper than this are dropped with a warning instead of recursing further.
    static let maximumDepth = 64

    let path: String
    /// Lines of the file before the body, added to cmark's line numbers.
    let lineOffset: Int
    private let bytes: ArraySlice<UInt8>
    /// Byte offset (in `bytes`) of each body line's start, for turning cmark's byte
    /// columns into columns counted in characters (Unicode scalars).
    private var lineStarts: [Int] = []
    private var diagnostics: [Diagnostic] = []
    /// Position of the block whose inlines are being converted (inlines carry none in cmark).
    private var blockLine = 0
    private var blockColumn = 0
    private var warnedDepth = false
    /// Lines of the blocks already warned about for hidden characters, and how many warnings.
    private var hiddenWarnings = 0
    private var lastHiddenLine = 0

    /// Converts `body` (UTF-8 CommonMark) whose first line is line `lineOffset + 1` of the file at `path`.
    static func convert(_ body: ArraySlice<UInt8>, lineOffset: Int, path: String) -> (document: Document, diagnostics: [Diagnostic]) {
        var converter = MarkdownConverter(path: path, lineOffset: lineOffset, bytes: body)
        let blocks = body.withUnsafeBufferPointer { buffer -> [Block] in
            let document: Node? = buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            }
            guard let document else { return [] }
            defer { cmark_node_free(document) }
            return converter.blocks(of: document, depth: 0)
        }
        return (Document(blocks: blocks), converter.diagnostics)
    }

    private init(path: String, lineOffset: Int, bytes: ArraySlice<UInt8>) {
        self.path = path
        self.lineOffset = lineOffset
        self.bytes = bytes
    }

    // MARK: Positions

    /// The file position of a node: its line plus the offset, its byte column as a character column.
    private mutating func position(_ node: Node) -> (line: Int, column: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        return (line + lineOffset, characterColumn(line: line, byteColumn: byteColumn))
    }

    private mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, byteColumn > 1 else { return max(byteColumn, 1) }
        if lineStarts.isEmpty {
            lineStarts.append(bytes.startIndex)
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if bytes[i] == 0x0A { lineStarts.append(i + 1) }
                i += 1
            }
        }
        guard line <= lineStarts.count else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(start + byteColumn - 1, bytes.endIndex)
        var column = 1
        var i = start
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    private mutating func error(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .error, message: message))
    }

    private mutating func warn(line: Int, column: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .warning, message: message))
    }

    /// Warns (once per block, ten times per file at most) about text that holds a character
    /// the app never shows: a control character from a character reference (`&#x1B;`), a
    /// bidirectional control or an invisible zero-width character.
    private mutating func checkHidden(_ text: String) {
        guard hiddenWarnings < SourceText.maximumReported, lastHiddenLine != blockLine,
              let scalar = HiddenText.first(in: text) else { return }
        hiddenWarnings += 1
        lastHiddenLine = blockLine
        warn(line: blockLine, column: blockColumn, HiddenText.message(scalar, in: "this block"))
    }

    // MARK: Blocks

    private mutating func blocks(of parent: Node, depth: Int) -> [Block] {
        var result: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, depth: depth) { result.append(block) }
            child = cmark_node_next(node)
        }
        return attachingAltText(result)
    }

    // MARK: Figures

    /// Widest drawing a figure may have: it fits the reader's 76-column text at 80 columns.
    static let maximumFigureWidth = 76
    /// What starts the paragraph after a figure that describes it in words.
    static let altTextPrefix = "alt text:"

    /// A figure's block from a fenced block whose info string is `figure`: the first line is
    /// the caption, the rest the drawing; the alt text comes from the paragraph after it.
    private mutating func figure(_ text: String, line: Int, column: Int) -> Figure {
        // Row i of the text is on line `line + 1 + i` (the fence's own line comes first).
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map { row in
            var row = String(row)
            if row.hasSuffix("\r") { row.removeLast() }
            while row.last == " " { row.removeLast() }
            return row
        }
        let caption = all.first?.trimmingSpaces ?? ""
        var first = 1
        var end = all.count
        while first < end, all[first].isEmpty { first += 1 }
        while end > first, all[end - 1].isEmpty { end -= 1 }
        let rows = first < end ? Array(all[first..<end]) : []
        if caption.isEmpty {
            error(line: line, column: column, "the figure has no caption: its first line says what it shows")
        }
        if rows.isEmpty {
            error(line: line, column: column, "the figure has no drawing: put it after the caption line")
        }
        let figure = Figure(caption: caption, drawing: rows, altText: "")
        let width = figure.width
        if width > Self.maximumFigureWidth,
           let wide = rows.firstIndex(where: { DisplayWidth.of(Sanitizer.clean($0, singleLine: true)) > Self.maximumFigureWidth }) {
            error(line: line + 1 + first + wide, column: column,
                  "the figure is \(width) columns wide: a figure may be at most \(Self.maximumFigureWidth) columns so it fits an 80-column terminal")
        }
        return figure
    }

    /// Gives each figure the "Alt text: …" paragraph that follows it (taking that paragraph
    /// out of the document), or reports the figure as having none.
    private mutating func attachingAltText(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var index = 0
        while index < blocks.count {
            var block = blocks[index]
            index += 1
            guard case .figure(var figure) = block.kind else {
                result.append(block)
                continue
            }
            if index < blocks.count, case .paragraph(let content) = blocks[index].kind,
               let alt = Self.altText(content) {
                index += 1
                if alt.isEmpty {
                    error(line: blocks[index - 1].line, column: blocks[index - 1].column, "the figure's alt text is empty: say in words what the drawing shows")
                }
                figure.altText = alt
                block.kind = .figure(figure)
            } else {
                error(line: block.line, column: block.column,
                      "the figure has no alt text: follow it with a paragraph starting 'Alt text:' that says in words what it shows")
            }
            result.append(block)
        }
        return result
    }

    /// The words after "Alt text:" when a paragraph starts with it (emphasis allowed), else nil.
    static func altText(_ content: [Inline]) -> String? {
        let text = content.plainText.trimmingSpaces
        guard text.lowercased().hasPrefix(altTextPrefix) else { return nil }
        return String(text.dropFirst(altTextPrefix.count)).trimmingSpaces
    }

    private mutating func block(_ node: Node, depth: Int) -> Block? {
        let (line, column) = position(node)
        if depth >= Self.maximumDepth {
            if !warnedDepth {
                warnedDepth = true
                warn(line: line, column: column, "content nested more than \(Self.maximumDepth) levels deep is not shown")
            }
            return nil
        }
        blockLine = line
        blockColumn = column
        let kind: Block.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(of: node, depth: depth))
        case CMARK_NODE_PARAGRAPH:
            let content = inlines(of: node, depth: depth)
            if content.isEmpty { return nil }
            kind = .paragraph(content)
        case CMARK_NODE_CODE_BLOCK:
            var text = Self.string(cmark_node_get_literal(node))
            checkHidden(text)
            if text.hasSuffix("\n") { text.removeLast() }
            let info = Self.string(cmark_node_get_fence_info(node)).trimmingSpaces
            if info.split(separator: " ").first == "figure" {
                kind = .figure(figure(text, line: line, column: column))
            } else {
                kind = .codeBlock(info: info, text: text)
            }
        case CMARK_NODE_LIST:
            var items: [ListItem] = []
            var child = cmark_node_first_child(node)
            while let item = child {
                let (itemLine, itemColumn) = position(item)
                items.append(ListItem(blocks: blocks(of: item, depth: depth + 1), line: itemLine, column: itemColumn))
                child = cmark_node_next(item)
            }
            if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
                kind = .orderedList(start: Int(cmark_node_get_list_start(node)), items: items)
            } else {
                kind = .bulletList(items: items)
            }
        case CMARK_NODE_BLOCK_QUOTE:
            kind = .blockQuote(blocks(of: node, depth: depth + 1))
        case CMARK_NODE_THEMATIC_BREAK:
            kind = .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            if !Self.isComment(cmark_node_get_literal(node)) {
                warn(line: line, column: column, "raw HTML is not shown")
            }
            return nil
        default:
            return nil
        }
        return Block(kind, line: line, column: column)
    }

    // MARK: Inlines

    private mutating func inlines(of parent: Node, depth: Int) -> [Inline] {
        var result: [Inline] = []
        appendInlines(of: parent, to: &result, depth: depth)
        return result
    }

    private mutating func appendInlines(of parent: Node, to result: inout [Inline], depth: Int) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            appendInline(node, to: &result, depth: depth + 1)
            child = cmark_node_next(node)
        }
    }

    /// Appends one inline, merging adjacent text (cmark splits text at brackets and other
    /// punctuation it considered as markup).
    private mutating func appendInline(_ node: Node, to result: inout [Inline], depth: Int) {
        if depth >= Self.maximumDepth {
            if !warnedDepth {
                warnedDepth = true
                warn(line: blockLine, column: blockColumn, "content nested more than \(Self.maximumDepth) levels deep is not shown")
            }
            return
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let text = Self.string(cmark_node_get_literal(node))
            checkHidden(text)
            if case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(.text(text))
            }
        case CMARK_NODE_SOFTBREAK:
            result.append(.softBreak)
        case CMARK_NODE_LINEBREAK:
            result.append(.lineBreak)
        case CMARK_NODE_CODE:
            let text = Self.string(cmark_node_get_literal(node))
            checkHidden(text)
            result.append(.code(text))
        case CMARK_NODE_EMPH:
            result.append(.emphasis(inlines(of: node, depth: depth)))
        case CMARK_NODE_STRONG:
            result.append(.strong(inlines(of: node, depth: depth)))
        case CMARK_NODE_LINK:
            let url = Self.string(cmark_node_get_url(node))
            checkHidden(url)
            result.append(.link(text: inlines(of: node, depth: depth), url: url))
        case CMARK_NODE_IMAGE:
            warn(line: blockLine, column: blockColumn, "images are not shown; their alt text is kept")
            appendInlines(of: node, to: &result, depth: depth)
        case CMARK_NODE_HTML_INLINE:
            if !Self.isComment(cmark_node_get_literal(node)) {
                warn(line: blockLine, column: blockColumn, "raw HTML is not shown")
            }
        default:
            break
        }
    }

    // MARK: Helpers

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func isComment(_ pointer: UnsafePointer<CChar>?) -> Bool {
        guard let pointer else { return false }
        var text = Substring(String(cString: pointer))
        while let first = text.first, first == " " || first == "\t" || first == "\n" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\n" || last == "\r" { text.removeLast() }
        return text.hasPrefix("<!--") && text.hasSuffix("-->")
    }
}
