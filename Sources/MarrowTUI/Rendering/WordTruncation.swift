import MarrowCore

extension DisplayWidth {
    /// `string` cut to `width` cells at a word boundary, ending in "…" when cut
    /// ("Risks: other complications …", not "… and rel…"). A first word wider than
    /// the room, or text without spaces (Japanese), is cut where it must be.
    package static func truncateAtWord(_ string: some StringProtocol, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(string) <= width { return String(string) }
        // Room for the words and " …".
        let cut = prefix(string, fitting: max(0, width - 2))
        let next = string.dropFirst(cut.count).first
        let words: String
        if next == " " {
            words = trimmedEnd(cut)
        } else if let space = cut.lastIndex(of: " ") {
            words = trimmedEnd(cut[..<space])
        } else {
            words = ""
        }
        // A first word wider than the room, or backing off that would lose most of it: cut the word.
        if words.isEmpty || of(words) < width / 2 { return String(prefix(string, fitting: width - 1)) + "…" }
        return words + " …"
    }

    private static func trimmedEnd(_ text: some StringProtocol) -> String {
        var s = Substring(text)
        while let last = s.last, last == " " || last == "," || last == ":" || last == ";" { s = s.dropLast() }
        return String(s)
    }
}
