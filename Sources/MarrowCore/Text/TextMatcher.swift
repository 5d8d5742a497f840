/// The one way Marrow matches typed text against course text: in search, in the
/// search hit highlighted in the reader, and in the glossary's filter. Case-insensitive,
/// insensitive to the common Latin diacritics ("leukemie" matches "leukémie") and
/// to runs of spaces in the query.
///
/// Everything is compared as folded UTF-8 bytes (`fold`); `ranges(of:in:)` maps
/// the matches back to whole characters of the original text, so what search
/// found is exactly what the reader highlights.
package enum TextMatcher {
    /// `text` as matching compares it: lower-cased, without the common Latin diacritics,
    /// whitespace as plain spaces ("Éclairage" → "eclairage").
    package static func folded(_ text: String) -> String {
        String(decoding: fold(text), as: UTF8.self)
    }

    /// The query folded, with surrounding spaces trimmed and inner runs of spaces collapsed.
    package static func foldedQuery(_ query: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in fold(query) {
            if byte == 0x20 && (out.isEmpty || out.last == 0x20) { continue }
            out.append(byte)
        }
        while out.last == 0x20 { out.removeLast() }
        return out
    }

    /// Whether `query` occurs in `text`.
    package static func contains(_ query: String, in text: String) -> Bool {
        let needle = foldedQuery(query)
        return needle.isEmpty || find(needle, in: fold(text)) != nil
    }

    /// The folded form of each character of `characters`, and the character each
    /// folded byte comes from.
    package struct FoldedCharacters {
        package var bytes: [UInt8] = []
        /// For each byte of `bytes`, the index of its character.
        package var owner: [Int] = []

        package init(_ characters: some Collection<Character>) {
            bytes.reserveCapacity(characters.count)
            owner.reserveCapacity(characters.count)
            for (index, character) in characters.enumerated() {
                let before = bytes.count
                for scalar in character.unicodeScalars { TextMatcher.appendFolded(scalar, to: &bytes) }
                owner.append(contentsOf: repeatElement(index, count: bytes.count - before))
            }
        }

        /// The characters that the folded bytes `range` come from.
        package func characters(of range: Range<Int>) -> Range<Int> {
            guard !range.isEmpty else { return 0..<0 }
            return owner[range.lowerBound]..<(owner[range.upperBound - 1] + 1)
        }
    }

    /// Every non-overlapping match of `query` in `characters`, as character ranges
    /// (a match covers each character it touches).
    package static func ranges(of query: String, in characters: some Collection<Character>) -> [Range<Int>] {
        ranges(ofFolded: foldedQuery(query), in: FoldedCharacters(characters))
    }

    /// Every non-overlapping match of a folded query, as character ranges.
    package static func ranges(ofFolded needle: [UInt8], in text: FoldedCharacters) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        var found: [Range<Int>] = []
        var from = 0
        while let at = find(needle, in: text.bytes, from: from) {
            found.append(text.characters(of: at..<(at + needle.count)))
            from = at + needle.count
        }
        return found
    }

    /// First occurrence of `needle` in `hay` at or after `from` (byte offsets).
    package static func find(_ needle: [UInt8], in hay: [UInt8], from: Int = 0) -> Int? {
        let n = needle.count, h = hay.count
        guard n > 0, from >= 0, from + n <= h else { return nil }
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let first = np[0]
                var i = from
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

    /// `text` lower-cased, without diacritics, whitespace as plain spaces, as UTF-8.
    package static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { appendFolded(scalar, to: &out) }
        return out
    }

    /// Appends one scalar's folded bytes (none for combining marks).
    package static func appendFolded(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
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
    package static func foldedCount(_ scalar: Unicode.Scalar) -> Int {
        var tmp: [UInt8] = []
        appendFolded(scalar, to: &tmp)
        return tmp.count
    }

    /// Precomposed Latin letters (Latin-1 Supplement and Latin Extended-A) to their base
    /// letters, lower-case (search, highlighting and typed answers fold alike).
    static let latinBase: [UInt32: String] = {
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
}
