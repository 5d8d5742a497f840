/// Full-text search over a course: lesson titles, the top-level blocks of each
/// lesson body, and quiz prompts (with their scenarios). Case-insensitive and insensitive to the common
/// Latin diacritics ("leucemie" finds "leucémie").
///
/// Built once per course: every searchable text is folded into lower-case UTF-8
/// bytes up front, so a query is a plain byte scan (fast enough to run on every
/// keystroke; linear in the course size, about a millisecond per megabyte).
/// Context snippets are made only for the results returned.
package struct CourseSearch: Sendable, Equatable {
    /// Queries shorter than this many characters (after folding and trimming) find nothing.
    package static let minimumQueryLength = 2

    /// Where a match is.
    package enum Location: Sendable, Hashable {
        case title
        /// Index of the top-level block of the lesson body.
        case body(block: Int)
        /// The prompt of a quiz question.
        case quiz(questionID: String)
    }

    /// One match: at most one per searchable text (the first occurrence).
    package struct Result: Sendable, Hashable {
        package var lessonID: String
        package var lessonTitle: String
        package var location: Location
        /// A single sanitized line around the match, with "…" where it was cut.
        package var snippet: String
        /// The match in `snippet`, as character offsets.
        package var match: Range<Int>

        package init(lessonID: String, lessonTitle: String, location: Location, snippet: String, match: Range<Int>) {
            self.lessonID = lessonID
            self.lessonTitle = lessonTitle
            self.location = location
            self.snippet = snippet
            self.match = match
        }

        /// The body block to open the reader at (0 for a title match, nil for a quiz prompt).
        package var block: Int? {
            switch location {
            case .title: return 0
            case .body(let b): return b
            case .quiz: return nil
            }
        }
    }

    private struct Entry: Sendable, Equatable {
        var lesson: Int
        var location: Location
        /// The text as shown: sanitized, on one line.
        var text: String
        var folded: [UInt8]
    }

    private let entries: [Entry]
    private let lessonIDs: [String]
    private let lessonTitles: [String]

    package init(course: Course) {
        var entries: [Entry] = []
        for (i, lesson) in course.lessons.enumerated() {
            func add(_ location: Location, _ raw: String) {
                let text = Sanitizer.clean(raw, singleLine: true)
                let folded = CourseSearch.fold(text)
                if !folded.isEmpty { entries.append(Entry(lesson: i, location: location, text: text, folded: folded)) }
            }
            add(.title, lesson.title)
            for (b, block) in lesson.body.blocks.enumerated() { add(.body(block: b), block.plainText) }
            for q in lesson.quiz {
                add(.quiz(questionID: q.id), ([q.prompt.plainText] + q.scenario.map(\.plainText)).joined(separator: " "))
            }
        }
        self.entries = entries
        self.lessonIDs = course.lessons.map(\.id)
        self.lessonTitles = course.lessons.map { Sanitizer.clean($0.title, singleLine: true) }
    }

    /// Matches of `query` in course order (per lesson: title, body, quiz), at most `limit`.
    package func search(_ query: String, limit: Int = 500) -> [Result] {
        let needle = CourseSearch.foldedQuery(query)
        guard String(decoding: needle, as: UTF8.self).count >= CourseSearch.minimumQueryLength else { return [] }
        var results: [Result] = []
        for entry in entries {
            guard let at = CourseSearch.find(needle, in: entry.folded) else { continue }
            let (snippet, match) = CourseSearch.snippet(entry.text, foldedStart: at, foldedLength: needle.count)
            results.append(Result(lessonID: lessonIDs[entry.lesson], lessonTitle: lessonTitles[entry.lesson],
                                  location: entry.location, snippet: snippet, match: match))
            if results.count >= limit { break }
        }
        return results
    }

    /// The query folded, with surrounding spaces trimmed and inner runs of spaces collapsed.
    static func foldedQuery(_ query: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in fold(query) {
            if byte == 0x20 && (out.isEmpty || out.last == 0x20) { continue }
            out.append(byte)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    /// First occurrence of `needle` in `hay` (byte offsets).
    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        let n = needle.count, h = hay.count
        guard n > 0, n <= h else { return nil }
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let first = np[0]
                var i = 0
                let last = h - n
                outer: while i <= last {
                    if hp[i] == first {
                        var j = 1
                        while j < n {
                            if hp[i + j] != np[j] { i += 1; continue outer }
                            j += 1
                        }
                        return i
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    // MARK: Folding

    /// `text` as search compares it: lower-cased, without the common Latin diacritics,
    /// whitespace as plain spaces ("Éclairage" → "eclairage"). For sorting and filtering
    /// lists the same way search matches them (the glossary).
    package static func folded(_ text: String) -> String {
        String(decoding: fold(text), as: UTF8.self)
    }

    /// `text` lower-cased, without diacritics, whitespace as plain spaces, as UTF-8.
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { appendFolded(scalar, to: &out) }
        return out
    }

    /// Appends one scalar's folded bytes (none for combining marks).
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            var b = UInt8(v)
            if b >= 0x41 && b <= 0x5A { b += 0x20 } else if b == 0x09 || b == 0x0A || b == 0x0D { b = 0x20 }
            out.append(b)
            return
        }
        if let base = latinBase[v] { out.append(contentsOf: base.utf8); return }
        let props = scalar.properties
        if props.generalCategory == .nonspacingMark { return }
        if props.isWhitespace { out.append(0x20); return }
        out.append(contentsOf: props.lowercaseMapping.utf8)
    }

    /// Folded length in bytes of one scalar.
    private static func foldedCount(_ scalar: Unicode.Scalar) -> Int {
        var tmp: [UInt8] = []
        appendFolded(scalar, to: &tmp)
        return tmp.count
    }

    /// Precomposed Latin letters (Latin-1 Supplement and Latin Extended-A) to their base letters.
    private static let latinBase: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"),
            ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
            ("Ææ", "ae"), ("Œœ", "oe"), ("ß", "ss"), ("Ðð", "d"), ("Þþ", "th"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, base) in groups {
            for s in letters.unicodeScalars { table[s.value] = base }
        }
        return table
    }()

    // MARK: Snippets

    /// Characters of context kept before and after the match.
    static let contextBefore = 40
    static let contextAfter = 100

    /// A snippet of `text` around the folded match, and the match's character range in it.
    static func snippet(_ text: String, foldedStart: Int, foldedLength: Int) -> (String, Range<Int>) {
        // Find the scalars where the match starts and ends in the original text.
        var folded = 0
        var startIndex: String.Index?
        var endIndex = text.endIndex
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            if startIndex == nil, folded + foldedCount(scalars[i]) > foldedStart { startIndex = i }
            folded += foldedCount(scalars[i])
            i = scalars.index(after: i)
            if startIndex != nil, folded >= foldedStart + foldedLength { endIndex = i; break }
        }
        let start = startIndex ?? text.startIndex
        // Round to whole characters: the match covers every character it touches.
        var matchFrom = 0, matchTo = 0, count = 0
        var foundFrom = false
        for index in text.indices {
            let next = text.index(after: index)
            if !foundFrom, next > start { matchFrom = count; foundFrom = true }
            count += 1
            if next >= endIndex { matchTo = count; break }
        }
        if !foundFrom { matchFrom = count }
        matchTo = max(matchTo, matchFrom)
        let characters = Array(text)
        var from = max(0, matchFrom - contextBefore)
        if from > 0 {
            // Start at a word if one begins close by.
            if let space = characters[from..<matchFrom].firstIndex(of: " "), space < matchFrom - 1 { from = space + 1 }
        }
        let to = min(characters.count, matchTo + contextAfter)
        var snippet = from > 0 ? "…" : ""
        let shift = snippet.count - from
        snippet += String(characters[from..<to])
        if to < characters.count { snippet += "…" }
        return (snippet, (matchFrom + shift)..<(matchTo + shift))
    }
}
