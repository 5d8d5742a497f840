import MarrowCore

/// Choices for laying out a document.
package struct LayoutOptions: Sendable, Hashable {
    /// Text to highlight wherever it appears (matched by `TextMatcher`): a search match.
    package var highlight: String?
    /// Whether a link's URL follows its text as " <url>".
    package var showURLs: Bool
    /// Whether figures are described (caption and alt text) instead of drawn: `marrow read`,
    /// `quiz --plain`. The reader draws them when they fit and describes them when not.
    package var describeFigures: Bool
    /// Columns the screen keeps beside the laid-out text (the reader's margins), so that
    /// "(figure needs N columns)" names the terminal width that would show the drawing.
    package var screenMargin: Int

    package init(highlight: String? = nil, showURLs: Bool = true, describeFigures: Bool = false, screenMargin: Int = 0) {
        self.highlight = highlight
        self.showURLs = showURLs
        self.describeFigures = describeFigures
        self.screenMargin = screenMargin
    }
}

/// Lays out a document at a width: wrapped by display width, styled by role,
/// each line remembering where in the document it starts.
///
/// Pure, and shared by the reader screen and `marrow read`. Every line carries
/// the index of its top-level block and a character offset into that block's
/// `plainText`, so a `ReadingPosition` finds its line again at any width.
package enum Layout {
    /// The lines of `blocks` wrapped to `width` cells.
    package static func lines(for blocks: [Block], width: Int, options: LayoutOptions = .init()) -> [StyledLine] {
        var builder = LayoutBuilder(width: max(1, width), options: options)
        for (index, block) in blocks.enumerated() {
            builder.topBlock = index
            if !builder.lines.isEmpty { builder.blank(prefix: []) }
            builder.layout(block, base: 0, first: [], rest: [], depth: 0)
        }
        return builder.finish()
    }

    /// Inline content (a quiz prompt, a choice) wrapped to `width` cells. The first
    /// line starts with `firstPrefix`, later lines with `restPrefix` (a hanging indent).
    package static func lines(for inlines: [Inline], width: Int, style: Style = .normal, firstPrefix: [Span] = [], restPrefix: [Span] = [], options: LayoutOptions = .init()) -> [StyledLine] {
        var builder = LayoutBuilder(width: max(1, width), options: options)
        var offset = 0
        var glyphs: [Glyph] = []
        builder.collect(inlines, style: style, offset: &offset, into: &glyphs)
        builder.wrap(glyphs, first: firstPrefix, rest: restPrefix, emptyOffset: 0)
        return builder.finish()
    }

    /// Plain text (a glossary definition, a message) wrapped to `width` cells.
    /// Newlines in `text` start new lines.
    package static func wrap(_ text: String, width: Int, style: Style = .normal, firstPrefix: [Span] = [], restPrefix: [Span] = []) -> [StyledLine] {
        var inlines: [Inline] = []
        for (index, part) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { inlines.append(.lineBreak) }
            inlines.append(.text(String(part)))
        }
        return lines(for: inlines, width: width, style: style, firstPrefix: firstPrefix, restPrefix: restPrefix)
    }

    /// The line showing `position`: the last line starting at or before it.
    package static func lineIndex(for position: ReadingPosition, in lines: [StyledLine]) -> Int {
        var low = 0
        var high = lines.count - 1
        var found = 0
        while low <= high {
            let mid = (low + high) / 2
            let line = lines[mid]
            if (line.block, line.offset) <= (position.block, position.offset) {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        return found
    }

    /// The reading position of a view whose top line is `lineIndex` and which
    /// shows `visibleRows` rows. `percent` is 100 once the last line is visible.
    package static func position(at lineIndex: Int, in lines: [StyledLine], visibleRows: Int) -> ReadingPosition {
        guard !lines.isEmpty else { return ReadingPosition(block: 0, offset: 0, percent: 100) }
        let index = min(max(0, lineIndex), lines.count - 1)
        let line = lines[index]
        return ReadingPosition(block: line.block, offset: line.offset, percent: percent(top: index, count: lines.count, visibleRows: visibleRows))
    }

    /// How far a view is through `count` lines: 0 at the top, 100 when the last line is visible.
    package static func percent(top: Int, count: Int, visibleRows: Int) -> Int {
        let maxTop = max(0, count - max(1, visibleRows))
        if maxTop == 0 || top >= maxTop { return 100 }
        return max(0, min(100, top * 100 / maxTop))
    }

    /// `line` with every occurrence of `query` (as `TextMatcher` matches it) restyled in the highlight role.
    package static func highlighting(_ query: String, in line: StyledLine) -> StyledLine {
        highlighting(query, in: [line])[0]
    }

    /// `lines` with every occurrence of `query` restyled in the highlight role, matched
    /// as search matches (`TextMatcher`: case and accents folded, so "leukemie" lights up
    /// "leukémie"), including a match that a wrap split over two lines of the same block
    /// (the wrap ate the space: the first line ends with the part before a space of
    /// `query`, the next one starts with the rest, after its indent, bullet or quote bar).
    package static func highlighting(_ query: String, in lines: [StyledLine]) -> [StyledLine] {
        let needle = TextMatcher.foldedQuery(query)
        guard !needle.isEmpty else { return lines }
        let glyphs: [[(Character, Style, String?)]] = lines.map { line in
            line.spans.flatMap { span in span.text.map { ($0, span.style, span.link) } }
        }
        let folded = glyphs.map { TextMatcher.FoldedCharacters($0.lazy.map(\.0)) }
        var marked = glyphs.map { Array(repeating: false, count: $0.count) }

        for row in lines.indices {
            for range in TextMatcher.ranges(ofFolded: needle, in: folded[row]) {
                for k in range { marked[row][k] = true }
            }
        }

        let splits = needle.indices.filter { needle[$0] == 0x20 && $0 > 0 && $0 < needle.count - 1 }
        if !splits.isEmpty {
            for row in lines.indices.dropLast() where lines[row].block == lines[row + 1].block {
                let bytes = folded[row].bytes
                var end = bytes.count
                while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
                let next = folded[row + 1]
                for split in splits {
                    let head = needle[..<split], tail = Array(needle[(split + 1)...])
                    guard head.count <= end, bytes[(end - head.count)..<end].elementsEqual(head) else { continue }
                    // The continuation starts after a prefix of at most a few non-letters.
                    for start in 0...min(12, glyphs[row + 1].count) {
                        if start > 0, glyphs[row + 1][start - 1].0.isLetter || glyphs[row + 1][start - 1].0.isNumber { break }
                        guard let byte = next.owner.firstIndex(of: start), byte + tail.count <= next.bytes.count,
                              next.bytes[byte..<(byte + tail.count)].elementsEqual(tail) else { continue }
                        for k in folded[row].characters(of: (end - head.count)..<end) { marked[row][k] = true }
                        for k in next.characters(of: byte..<(byte + tail.count)) { marked[row + 1][k] = true }
                        break
                    }
                }
            }
        }

        return lines.indices.map { row in
            guard marked[row].contains(true) else { return lines[row] }
            var spans: [Span] = []
            for (index, glyph) in glyphs[row].enumerated() {
                let style = marked[row][index] ? Style(.highlight, glyph.1.attributes) : glyph.1
                if let last = spans.last, last.style == style, last.link == glyph.2 {
                    spans[spans.count - 1].text.append(glyph.0)
                } else {
                    spans.append(Span(String(glyph.0), style, link: glyph.2))
                }
            }
            var result = lines[row]
            result.spans = spans
            return result
        }
    }

    /// The top-level headings of a document, for an outline: level, text and block index.
    package static func headings(in blocks: [Block]) -> [(level: Int, title: String, block: Int)] {
        blocks.enumerated().compactMap { index, block in
            if case .heading(let level, let content) = block.kind {
                return (level, Sanitizer.clean(content.plainText, singleLine: true), index)
            }
            return nil
        }
    }
}

/// One character to place, with its style and its offset in the block's plain text.
struct Glyph {
    var character: Character
    var style: Style
    var offset: Int
    /// A hard line break, never drawn.
    var isBreak = false
    /// The checked address of the link the glyph is part of (`Hyperlink.target`).
    var link: String? = nil
}

/// The mutable work of a layout: the lines so far and where they come from.
struct LayoutBuilder {
    let width: Int
    let options: LayoutOptions
    var lines: [StyledLine] = []
    var topBlock = 0
    /// The checked address of the link being collected, if any.
    var link: String?

    init(width: Int, options: LayoutOptions) {
        self.width = width
        self.options = options
    }

    func finish() -> [StyledLine] {
        guard let query = options.highlight, !query.isEmpty else { return lines }
        return Layout.highlighting(query, in: lines)
    }

    // MARK: Blocks

    mutating func layout(_ block: Block, base: Int, first: [Span], rest: [Span], depth: Int) {
        switch block.kind {
        case .heading(let level, let content):
            let style: Style = switch level {
            case 1: Style(.title, [.bold])
            case 2: Style(.heading, [.bold])
            default: Style(.subheading, [.bold])
            }
            var offset = base
            var glyphs: [Glyph] = []
            collect(content, style: style, offset: &offset, into: &glyphs)
            let start = lines.count
            wrap(glyphs, first: first, rest: rest, emptyOffset: base)
            if level == 1 {
                let textWidth = lines[start...].map { $0.width - Self.width(of: rest) }.max() ?? 0
                let rule = String(repeating: "═", count: max(1, min(available(rest), textWidth)))
                emit(rest + [Span(rule, Style(.title))], offset: offset)
            }
        case .paragraph(let content):
            var offset = base
            var glyphs: [Glyph] = []
            collect(content, style: .normal, offset: &offset, into: &glyphs)
            wrap(glyphs, first: first, rest: rest, emptyOffset: base)
        case .codeBlock(_, let text):
            layoutCode(text, base: base, first: first, rest: rest)
        case .figure(let figure):
            layoutFigure(figure, base: base, first: first, rest: rest)
        case .bulletList(let items):
            let marker = ["• ", "◦ ", "▪ "][depth % 3]
            layoutItems(items, markers: items.map { _ in marker }, base: base, first: first, rest: rest, depth: depth)
        case .orderedList(let start, let items):
            let numbers = items.indices.map { "\(start + $0)." }
            let widest = numbers.map(\.count).max() ?? 0
            let markers = numbers.map { String(repeating: " ", count: widest - $0.count) + $0 + " " }
            layoutItems(items, markers: markers, base: base, first: first, rest: rest, depth: depth)
        case .blockQuote(let children):
            let bar = Span("│ ", Style(.quote))
            layoutChildren(children, base: base, first: first + [bar], rest: rest + [bar], depth: depth, blankBetween: { _ in true })
        case .thematicBreak:
            emit(first + [Span(String(repeating: "─", count: available(rest)), Style(.dim))], offset: base)
        }
    }

    private mutating func layoutItems(_ items: [ListItem], markers: [String], base: Int, first: [Span], rest: [Span], depth: Int) {
        var itemBase = base
        for (index, item) in items.enumerated() {
            let marker = markers[index]
            let indent = Span(String(repeating: " ", count: DisplayWidth.of(marker)))
            layoutChildren(item.blocks, base: itemBase, first: (index == 0 ? first : rest) + [Span(marker, Style(.accent))], rest: rest + [indent], depth: depth + 1) { next in
                // Paragraphs of one item are set apart; a nested list follows at once.
                switch next.kind {
                case .bulletList, .orderedList: return false
                default: return true
                }
            }
            if item.blocks.isEmpty {
                emit((index == 0 ? first : rest) + [Span(marker, Style(.accent))], offset: itemBase)
            }
            itemBase += item.blocks.map(\.plainText).joined(separator: "\n").count + 1
        }
    }

    private mutating func layoutChildren(_ children: [Block], base: Int, first: [Span], rest: [Span], depth: Int, blankBetween: (Block) -> Bool) {
        var childBase = base
        for (index, child) in children.enumerated() {
            if index > 0, blankBetween(child) { blank(prefix: rest, offset: childBase) }
            layout(child, base: childBase, first: index == 0 ? first : rest, rest: rest, depth: depth)
            childBase += child.plainText.count + 1
        }
    }

    private mutating func layoutCode(_ text: String, base: Int, first: [Span], rest: [Span]) {
        var codeLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if codeLines.last?.isEmpty == true { codeLines.removeLast() }
        if codeLines.isEmpty { codeLines = [""] }
        let room = max(1, available(rest) - 2)
        var offset = base
        for (index, raw) in codeLines.enumerated() {
            var clean = ""
            for character in raw {
                if let c = Self.clean(character) { clean.append(c) }
            }
            let shown = DisplayWidth.truncate(clean, to: room)
            var spans = (index == 0 ? first : rest) + [Span("  ")]
            if !shown.isEmpty { spans.append(Span(shown, Style(.code))) }
            emit(spans, offset: offset)
            offset += raw.count + 1
        }
    }

    /// A figure drawn as written, centered as one block in the room (every row shifted
    /// alike, so its shapes stay true), under its caption; or, when described or when the
    /// room is narrower than the drawing, the caption and the alt text in its place.
    private mutating func layoutFigure(_ figure: Figure, base: Int, first: [Span], rest: [Span]) {
        let room = available(rest)
        let drawingWidth = figure.width
        let caption = "Figure: " + figure.caption
        // Offsets count the block's plain text: the caption, a newline, the alt text.
        let altBase = base + figure.caption.count + 1
        let captionStyle = Style(.strong, [.bold])
        if options.describeFigures || drawingWidth > room {
            var offset = base
            var glyphs: [Glyph] = []
            collect([.text(caption)], style: captionStyle, offset: &offset, into: &glyphs)
            if !options.describeFigures {
                let needed = drawingWidth + max(0, options.screenMargin)
                var noteOffset = offset
                collect([.text(" (figure needs \(needed) columns)")], style: Style(.dim), offset: &noteOffset, into: &glyphs)
                for i in glyphs.indices where glyphs[i].offset > offset { glyphs[i].offset = offset }
            }
            wrap(glyphs, first: first, rest: rest, emptyOffset: base)
            var altOffset = altBase
            var altGlyphs: [Glyph] = []
            collect([.text(figure.altText)], style: .normal, offset: &altOffset, into: &altGlyphs)
            wrap(altGlyphs, first: rest, rest: rest, emptyOffset: altBase)
            return
        }
        let captionWidth = DisplayWidth.of(Sanitizer.clean(caption, singleLine: true))
        let blockWidth = max(drawingWidth, min(captionWidth, room))
        let pad = Span(String(repeating: " ", count: max(0, (room - blockWidth) / 2)))
        var offset = base
        var glyphs: [Glyph] = []
        collect([.text(caption)], style: captionStyle, offset: &offset, into: &glyphs)
        wrap(glyphs, first: first + [pad], rest: rest + [pad], emptyOffset: base)
        for row in figure.drawing {
            var clean = ""
            for character in row {
                if let c = Self.clean(character), c != "\n" { clean.append(c) }
            }
            var spans = rest + [pad]
            if !clean.isEmpty { spans.append(Span(clean)) }
            emit(spans, offset: altBase)
        }
    }

    // MARK: Inlines

    /// Flattens inline content into glyphs, counting offsets the way `Inline.plainText` does.
    mutating func collect(_ inlines: [Inline], style: Style, offset: inout Int, into glyphs: inout [Glyph]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                append(text, style: style, offset: &offset, into: &glyphs)
            case .emphasis(let content):
                collect(content, style: Style(style.role, style.attributes.union(.italic)), offset: &offset, into: &glyphs)
            case .strong(let content):
                collect(content, style: Style(style.role, style.attributes.union(.bold)), offset: &offset, into: &glyphs)
            case .code(let text):
                append(text, style: Style(.code, style.attributes), offset: &offset, into: &glyphs)
            case .link(let content, let url):
                let text = content.plainText
                let outer = link
                link = Hyperlink.target(url)
                collect(content, style: Style(.link, style.attributes.union(.underline)), offset: &offset, into: &glyphs)
                let bare = url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url
                if options.showURLs, !url.isEmpty, text != url, text != bare {
                    // The URL is not part of the block's plain text: its glyphs keep the link's end offset.
                    glyphs.append(Glyph(character: " ", style: Style(.url), offset: offset))
                    glyphs.append(Glyph(character: "<", style: Style(.url), offset: offset))
                    for character in url {
                        if let c = Self.clean(character), c != "\n" { glyphs.append(Glyph(character: c, style: Style(.url), offset: offset, link: link)) }
                    }
                    glyphs.append(Glyph(character: ">", style: Style(.url), offset: offset))
                }
                link = outer
            case .softBreak:
                glyphs.append(Glyph(character: " ", style: style, offset: offset))
                offset += 1
            case .lineBreak:
                glyphs.append(Glyph(character: "\n", style: style, offset: offset, isBreak: true))
                offset += 1
            }
        }
    }

    private func append(_ text: String, style: Style, offset: inout Int, into glyphs: inout [Glyph]) {
        for character in text {
            if let c = Self.clean(character) {
                glyphs.append(Glyph(character: c == "\n" ? " " : c, style: style, offset: offset, link: link))
            }
            offset += 1
        }
    }

    /// A character safe to draw: forbidden scalars removed, tab made a space; nil if nothing is left.
    static func clean(_ character: Character) -> Character? {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let s = scalars.first {
            if s == "\t" { return " " }
            if s == "\n" { return "\n" }
            return Sanitizer.isForbidden(s) ? nil : character
        }
        var kept = String.UnicodeScalarView()
        for s in scalars where !Sanitizer.isForbidden(s) && s != "\t" && s != "\n" && s != "\r" { kept.append(s) }
        if kept.isEmpty { return scalars.contains("\n") ? "\n" : nil }
        return String(kept).first
    }

    // MARK: Wrapping

    /// Wraps glyphs into lines at word boundaries by display width. A word wider
    /// than the room is broken; double-width characters may break anywhere.
    /// Spaces where a line breaks are dropped; a hard break ends the line.
    mutating func wrap(_ glyphs: [Glyph], first: [Span], rest: [Span], emptyOffset: Int) {
        var line = WrapLine(first: first, rest: rest, emptyOffset: emptyOffset, room: max(1, available(rest)))
        var index = 0
        var sawContent = false
        while index < glyphs.count {
            if glyphs[index].isBreak {
                flush(&line, force: true)
                sawContent = true
                index += 1
            } else if glyphs[index].character == " " {
                let end = Self.endOfSpaces(in: glyphs, from: index)
                if !line.glyphs.isEmpty { line.pendingSpace = Array(glyphs[index..<end]) }
                index = end
            } else {
                let end = Self.endOfWord(in: glyphs, from: index)
                add(glyphs[index..<end], to: &line)
                sawContent = true
                index = end
            }
        }
        // An empty paragraph still takes a line (with its prefix).
        if !line.glyphs.isEmpty || !sawContent || line.isFirst { flush(&line, force: true) }
    }

    /// The line `wrap` is filling, and what it needs to end it.
    private struct WrapLine {
        /// The prefix of the first line (a bullet, a quote bar) and of the others (an indent).
        let first: [Span]
        let rest: [Span]
        /// The offset of a line with no glyphs.
        let emptyOffset: Int
        /// Cells for text after the prefix.
        let room: Int
        var glyphs: [Glyph] = []
        var width = 0
        /// Spaces after the last word, placed only if another word follows on this line.
        var pendingSpace: [Glyph] = []
        var isFirst = true
    }

    /// Where the run of spaces starting at `index` ends.
    private static func endOfSpaces(in glyphs: [Glyph], from index: Int) -> Int {
        var end = index
        while end < glyphs.count, glyphs[end].character == " ", !glyphs[end].isBreak { end += 1 }
        return end
    }

    /// Where the word starting at `index` ends: at the next space or break, or
    /// after one double-width character (which may break anywhere).
    private static func endOfWord(in glyphs: [Glyph], from index: Int) -> Int {
        var end = index + 1
        if DisplayWidth.of(glyphs[index].character) < 2 {
            while end < glyphs.count, glyphs[end].character != " ", !glyphs[end].isBreak, DisplayWidth.of(glyphs[end].character) < 2 { end += 1 }
        }
        return end
    }

    /// Adds a word after the pending space if both fit; otherwise ends the line
    /// and starts the word on the next one.
    private mutating func add(_ word: ArraySlice<Glyph>, to line: inout WrapLine) {
        let wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
        let spaceWidth = line.pendingSpace.count
        if line.glyphs.isEmpty {
            place(word, on: &line)
        } else if line.width + spaceWidth + wordWidth <= line.room {
            line.glyphs.append(contentsOf: line.pendingSpace)
            line.glyphs.append(contentsOf: word)
            line.width += spaceWidth + wordWidth
        } else {
            flush(&line)
            place(word, on: &line)
        }
        line.pendingSpace = []
    }

    /// Places a word from where the line is, breaking it over as many lines as
    /// it needs (at least one glyph per line, however narrow the room).
    private mutating func place(_ word: ArraySlice<Glyph>, on line: inout WrapLine) {
        var remaining = word
        while !remaining.isEmpty {
            var taken = 0
            var takenWidth = 0
            for glyph in remaining {
                let w = DisplayWidth.of(glyph.character)
                if line.width + takenWidth + w > line.room { break }
                taken += 1
                takenWidth += w
            }
            if taken == 0 {
                if line.glyphs.isEmpty { taken = 1; takenWidth = DisplayWidth.of(remaining.first!.character) }
                else { flush(&line); continue }
            }
            // A web address too long for a line breaks after a "/" (or "-", ".", "?", "&",
            // "=", "_"), not in the middle of a name.
            if taken < remaining.count, remaining[remaining.startIndex + taken - 1].style.role == .url {
                let part = remaining.prefix(taken)
                if let cut = part.lastIndex(where: { "/-.?&=_".contains($0.character) }), cut > part.startIndex {
                    let kept = part.distance(from: part.startIndex, to: cut) + 1
                    takenWidth = part.prefix(kept).reduce(0) { $0 + DisplayWidth.of($1.character) }
                    taken = kept
                }
            }
            line.glyphs.append(contentsOf: remaining.prefix(taken))
            line.width += takenWidth
            remaining = remaining.dropFirst(taken)
            if !remaining.isEmpty { flush(&line) }
        }
    }

    /// Emits the line (if it has glyphs, or `force`) with its prefix, and starts the next.
    private mutating func flush(_ line: inout WrapLine, force: Bool = false) {
        guard force || !line.glyphs.isEmpty else { return }
        let offset = line.glyphs.first?.offset ?? line.pendingSpace.first?.offset ?? line.emptyOffset
        emit((line.isFirst ? line.first : line.rest) + Self.spans(line.glyphs), offset: offset)
        line.isFirst = false
        line.glyphs = []
        line.width = 0
        line.pendingSpace = []
    }

    /// Glyphs merged into spans of one style.
    private static func spans(_ glyphs: [Glyph]) -> [Span] {
        var spans: [Span] = []
        for glyph in glyphs {
            if let last = spans.last, last.style == glyph.style, last.link == glyph.link {
                spans[spans.count - 1].text.append(glyph.character)
            } else {
                spans.append(Span(String(glyph.character), glyph.style, link: glyph.link))
            }
        }
        return spans
    }

    // MARK: Lines

    mutating func emit(_ spans: [Span], offset: Int) {
        lines.append(StyledLine(spans.filter { !$0.text.isEmpty }, block: topBlock, offset: offset))
    }

    /// An empty line; inside a quote it keeps the quote's bar.
    mutating func blank(prefix: [Span], offset: Int? = nil) {
        var spans = prefix
        while let last = spans.last {
            let trimmed = String(last.text.reversed().drop(while: { $0 == " " }).reversed())
            if trimmed.isEmpty { spans.removeLast(); continue }
            spans[spans.count - 1].text = trimmed
            break
        }
        lines.append(StyledLine(spans, block: topBlock, offset: offset ?? 0))
    }

    /// Cells left for text after a prefix.
    private func available(_ prefix: [Span]) -> Int {
        max(1, width - Self.width(of: prefix))
    }

    private static func width(of spans: [Span]) -> Int {
        spans.reduce(0) { $0 + $1.width }
    }
}
