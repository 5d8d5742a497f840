/// Checks a lesson's citation markers against its `sources`: a statistic in the prose
/// must say where it comes from, and a marker must point at a source that exists.
///
/// A marker is `[2]` or `[2, 5]` in a paragraph, list item or quote: the numbers are
/// places in the front matter's `sources` list, which the reader shows numbered.
/// A sentence "states a statistic" when it holds a percentage, a ratio ("1 in 4",
/// "half of"), a count of people ("5,215 patients"), a number of time units
/// ("2–4 weeks", "100 days") or "N times". The check is deliberately broad: a marker
/// on a sentence that did not need one costs the reader nothing, while a number
/// without its source is what a learner cannot check.
///
/// It works on UTF-8 bytes (every word it looks for is ASCII), so that even a very
/// long lesson is checked quickly: a walk over `Character`s is far slower.
enum CitationCheck {
    static func diagnostics(for blocks: [Block], sourceCount: Int, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for block in blocks { check(block, sourceCount: sourceCount, path: path, into: &found) }
        return found
    }

    private static func check(_ block: Block, sourceCount: Int, path: String, into found: inout [Diagnostic]) {
        switch block.kind {
        case .paragraph(let inlines):
            var text: [UInt8] = []
            appendSourceText(inlines, to: &text)
            checkParagraph(text, line: block.line, column: block.column, sourceCount: sourceCount, path: path, into: &found)
        case .bulletList(let items), .orderedList(_, let items):
            for item in items {
                for child in item.blocks { check(child, sourceCount: sourceCount, path: path, into: &found) }
            }
        case .blockQuote(let children):
            for child in children { check(child, sourceCount: sourceCount, path: path, into: &found) }
        case .heading, .codeBlock, .figure, .thematicBreak:
            break
        }
    }

    /// One paragraph, sentence by sentence. Soft breaks keep their place as newlines, so
    /// a sentence is reported on the source line where it starts.
    private static func checkParagraph(_ text: [UInt8], line: Int, column: Int, sourceCount: Int, path: String, into found: inout [Diagnostic]) {
        // Sentences come in order, so lines and columns are counted once across the paragraph.
        var scanned = 0, lineOffset = 0, columnOffset = 0
        for sentence in sentences(text) {
            while scanned < sentence.lowerBound {
                if text[scanned] == 0x0A {
                    lineOffset += 1
                    columnOffset = 0
                } else if text[scanned] & 0xC0 != 0x80 {
                    columnOffset += 1 // a column counts characters, not bytes
                }
                scanned += 1
            }
            let at = (line: line + lineOffset, column: column + columnOffset)
            let markers = markers(in: text[sentence])
            for number in markers where number < 1 || number > sourceCount {
                found.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .error,
                                        message: "citation [\(number)] has no source: the lesson's 'sources' list has \(Wording.count(sourceCount, "source"))"))
            }
            if markers.isEmpty, let statistic = Statistic.first(in: text, range: sentence) {
                found.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning,
                                        message: "'\(statistic)' states a statistic without a citation: add [N] to the sentence, N the source's place in 'sources'"))
            }
        }
    }

    /// The paragraph's text as written, with a newline for each soft or hard break.
    private static func appendSourceText(_ inlines: [Inline], to out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: out.append(0x0A)
            case .emphasis(let children), .strong(let children): appendSourceText(children, to: &out)
            case .link(let children, _): appendSourceText(children, to: &out)
            case .text(let s), .code(let s): out += s.utf8
            }
        }
    }

    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<[UInt8]> = Set(["e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "st", "etc", "approx", "no"].map { Array($0.utf8) })

    /// Sentence ranges: a sentence ends at `.`, `!` or `?` (after any closing quotes or
    /// brackets) followed by white space, unless the word before is an abbreviation.
    static func sentences(_ text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") {
                let end = afterClosers(text, from: i + 1)
                let atBreak = end == text.count || isSpace(text[end])
                if atBreak, c != UInt8(ascii: ".") || !endsWithAbbreviation(text, at: i, from: start) {
                    ranges.append(start..<end)
                    start = end
                    while start < text.count, isSpace(text[start]) { start += 1 }
                    i = start
                    continue
                }
            }
            i += 1
        }
        if text[start...].contains(where: { !isSpace($0) }) { ranges.append(start..<text.count) }
        return ranges
    }

    /// Past closing quotes, brackets and emphasis marks after a sentence's last stop.
    private static func afterClosers(_ text: [UInt8], from index: Int) -> Int {
        var end = index
        while end < text.count {
            switch text[end] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                end += 1
            case 0xE2 where end + 2 < text.count && text[end + 1] == 0x80 && (text[end + 2] == 0x9D || text[end + 2] == 0x99):
                end += 3 // ” or ’
            default:
                return end
            }
        }
        return end
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// Whether the word before the full stop at `dot` is an abbreviation (looks back at
    /// most a few bytes, so a long run of text without spaces costs nothing).
    private static func endsWithAbbreviation(_ text: [UInt8], at dot: Int, from start: Int) -> Bool {
        var wordStart = dot
        while wordStart > start, dot - wordStart < 8, !isSpace(text[wordStart - 1]), text[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        return abbreviations.contains(text[wordStart..<dot].map(Statistic.lowercased))
    }

    /// The numbers of every `[N]` or `[N, M, …]` marker in a sentence.
    static func markers(in text: String) -> [Int] {
        let bytes = Array(text.utf8)
        return markers(in: bytes[...])
    }

    static func markers(in text: ArraySlice<UInt8>) -> [Int] {
        var numbers: [Int] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == UInt8(ascii: "[") else { i += 1; continue }
            var j = i + 1
            var found: [Int] = []
            var current: Int?
            var valid = true
            while j < text.endIndex, text[j] != UInt8(ascii: "]") {
                let byte = text[j]
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    current = min((current ?? 0) * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
                } else if byte == UInt8(ascii: ","), let number = current {
                    found.append(number)
                    current = nil
                } else if byte != UInt8(ascii: " ") {
                    valid = false
                    break
                }
                j += 1
            }
            if valid, j < text.endIndex, let number = current {
                numbers += found + [number]
                i = j + 1
            } else {
                i += 1
            }
        }
        return numbers
    }
}
