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
enum CitationCheck {
    static func diagnostics(for blocks: [Block], sourceCount: Int, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for block in blocks { check(block, sourceCount: sourceCount, path: path, into: &found) }
        return found
    }

    private static func check(_ block: Block, sourceCount: Int, path: String, into found: inout [Diagnostic]) {
        switch block.kind {
        case .paragraph(let inlines):
            checkParagraph(inlines, line: block.line, column: block.column, sourceCount: sourceCount, path: path, into: &found)
        case .bulletList(let items), .orderedList(_, let items):
            for item in items {
                for child in item.blocks { check(child, sourceCount: sourceCount, path: path, into: &found) }
            }
        case .blockQuote(let children):
            for child in children { check(child, sourceCount: sourceCount, path: path, into: &found) }
        case .heading, .codeBlock, .thematicBreak:
            break
        }
    }

    /// One paragraph, sentence by sentence. Soft breaks keep their place as newlines, so
    /// a sentence is reported on the source line where it starts.
    private static func checkParagraph(_ inlines: [Inline], line: Int, column: Int, sourceCount: Int, path: String, into found: inout [Diagnostic]) {
        let text = Array(sourceText(inlines))
        for sentence in sentences(text) {
            let lineOffset = text[..<sentence.lowerBound].count { $0 == "\n" }
            let lineStart = text[..<sentence.lowerBound].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let at = (line: line + lineOffset, column: column + (sentence.lowerBound - lineStart))
            let words = String(text[sentence]).replacingNewlines
            let markers = markers(in: words)
            for number in markers where number < 1 || number > sourceCount {
                found.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .error,
                                        message: "citation [\(number)] has no source: the lesson's 'sources' list has \(Wording.count(sourceCount, "source"))"))
            }
            if markers.isEmpty, let statistic = Statistic.first(in: words) {
                found.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning,
                                        message: "'\(statistic)' states a statistic without a citation: add [N] to the sentence, N the source's place in 'sources'"))
            }
        }
    }

    /// The paragraph's text as written, with a newline for each soft or hard break.
    private static func sourceText(_ inlines: [Inline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .softBreak, .lineBreak: out += "\n"
            case .emphasis(let children), .strong(let children): out += sourceText(children)
            case .link(let children, _): out += sourceText(children)
            case .text(let s), .code(let s): out += s
            }
        }
        return out
    }

    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = ["e.g", "i.e", "vs", "dr", "mr", "mrs", "ms", "st", "etc", "approx", "no"]

    /// Sentence ranges: a sentence ends at `.`, `!` or `?` (after any closing quotes or
    /// brackets) followed by white space, unless the word before is an abbreviation.
    static func sentences(_ text: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < text.count, "\"'”’)]*_".contains(text[end]) { end += 1 }
                let atBreak = end == text.count || text[end].isWhitespace
                var wordStart = i
                while wordStart > start, !text[wordStart - 1].isWhitespace, text[wordStart - 1] != "(" { wordStart -= 1 }
                let word = String(text[wordStart..<i]).lowercased()
                if atBreak, c != "." || !abbreviations.contains(word) {
                    ranges.append(start..<end)
                    start = end
                    while start < text.count, text[start].isWhitespace { start += 1 }
                    i = start
                    continue
                }
            }
            i += 1
        }
        if start < text.count, text[start...].contains(where: { !$0.isWhitespace }) { ranges.append(start..<text.count) }
        return ranges
    }

    /// The numbers of every `[N]` or `[N, M, …]` marker in a sentence.
    static func markers(in text: String) -> [Int] {
        var numbers: [Int] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "[" else { i += 1; continue }
            var j = i + 1
            var found: [Int] = []
            var current: Int?
            var valid = true
            while j < chars.count, chars[j] != "]" {
                if let digit = chars[j].wholeNumberValue, chars[j].isASCII {
                    current = min((current ?? 0) * 10 + digit, 1_000_000)
                } else if chars[j] == ",", let number = current {
                    found.append(number)
                    current = nil
                } else if chars[j] != " " {
                    valid = false
                    break
                }
                j += 1
            }
            if valid, j < chars.count, let number = current {
                numbers += found + [number]
                i = j + 1
            } else {
                i += 1
            }
        }
        return numbers
    }
}

/// What makes a sentence a statistic, for `CitationCheck`.
enum Statistic {
    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "a hundred",
    ]
    private static let timeUnits: Set<String> = ["hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "minute", "minutes"]
    private static let people: Set<String> = [
        "patients", "people", "adults", "children", "persons", "recipients", "donors", "transplants",
        "survivors", "men", "women", "cases", "caregivers", "families",
    ]
    private static let fractions = ["half of", "a third of", "one third of", "a quarter of", "one quarter of", "two thirds of", "three quarters of", "a fifth of", "one fifth of"]

    /// The words that make `sentence` a statistic, or nil.
    static func first(in sentence: String) -> String? {
        let lower = sentence.lowercased()
        let tokens = tokenize(lower)
        for (index, token) in tokens.enumerated() {
            if token.hasSuffix("%"), token.dropLast().contains(where: \.isNumber) { return token }
            if token == "percent" || token == "per cent" { return token }
            guard isNumber(token) else { continue }
            let next = index + 1 < tokens.count ? tokens[index + 1] : ""
            if next == "%" { return token + "%" }
            if next == "times" { return "\(token) times" }
            if (next == "in" || next == "out"), index + 2 < tokens.count {
                let of = next == "out" && index + 3 < tokens.count && tokens[index + 2] == "of"
                let other = tokens[index + (of ? 3 : 2)]
                if isNumber(other), next == "in" || of { return "\(token) \(next)\(of ? " of" : "") \(other)" }
            }
            if people.contains(next), token.contains(where: \.isNumber) { return "\(token) \(next)" }
            // "2–4 weeks", "2 to 4 weeks", "100 days"
            var unitAt = index + 1
            if unitAt < tokens.count, ["–", "-", "to", "or"].contains(tokens[unitAt]), unitAt + 1 < tokens.count, isNumber(tokens[unitAt + 1]) { unitAt += 2 }
            if unitAt < tokens.count, timeUnits.contains(tokens[unitAt]) {
                return tokens[index...unitAt].joined(separator: " ")
            }
        }
        for fraction in fractions where containsWords(lower, fraction) { return fraction }
        return nil
    }

    /// Words and numbers; a dash between two numbers ("2–4") becomes its own token.
    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        func flush() { if !current.isEmpty { tokens.append(current); current = "" } }
        for c in text {
            if c.isLetter || c.isNumber || c == "%" || c == "," || c == "." {
                current.append(c)
            } else if c == "–" || c == "-" || c == "—" {
                if current.last?.isNumber == true { flush(); tokens.append("–") } else { current.append(c) }
            } else {
                flush()
            }
        }
        flush()
        return tokens.map { token in
            var t = Substring(token)
            while let last = t.last, last == "," || last == "." { t = t.dropLast() }
            return String(t)
        }
    }

    private static func isNumber(_ token: String) -> Bool {
        if numberWords.contains(token) { return true }
        guard let first = token.first, first.isNumber, first.isASCII else { return false }
        return token.allSatisfy { ($0.isNumber && $0.isASCII) || $0 == "," || $0 == "." }
    }

    /// Whether `phrase` stands in `text` as whole words.
    private static func containsWords(_ text: String, _ phrase: String) -> Bool {
        let chars = Array(text), target = Array(phrase)
        guard target.count <= chars.count else { return false }
        for start in 0...(chars.count - target.count) where chars[start..<start + target.count].elementsEqual(target) {
            let beforeOK = start == 0 || !chars[start - 1].isLetter
            let end = start + target.count
            if beforeOK, end == chars.count || !chars[end].isLetter { return true }
        }
        return false
    }
}

private extension String {
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
}
