/// Characters that course text may hold but the app never shows (see `Sanitizer`): a
/// control character written as a YAML escape (`"\e"`) or a Markdown character reference
/// (`&#x1B;`), which the byte checks cannot see, a bidirectional control, or an invisible
/// zero-width character. The loader warns about them, so `marrow validate` shows an author
/// what the learner will not see.
enum HiddenText {
    /// The first such scalar in `text`; tabs, newlines and carriage returns are layout, not hidden.
    static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != "\t" && $0 != "\n" && $0 != "\r" && Sanitizer.isForbidden($0) }
    }

    /// "'title' holds U+001B, a terminal control character: it is not shown".
    static func message(_ scalar: Unicode.Scalar, in place: String) -> String {
        let v = scalar.value
        let kind: String
        if v < 0x20 || (0x7F...0x9F).contains(v) {
            kind = "a terminal control character"
        } else if v == 0x200B || v == 0x2060 || v == 0xFEFF {
            kind = "an invisible zero-width character"
        } else {
            kind = "a bidirectional control character"
        }
        return "\(place) holds \(SourceText.codePoint(v)), \(kind): it is not shown"
    }
}
