/// Lesson text is untrusted input: this removes everything that could steer a
/// terminal or reorder what a reader sees, before any text is drawn or printed.
///
/// Course files cannot hold control characters as bytes (the loader reports them), but
/// Markdown character references (`&#x1B;`) and YAML escapes (`"\e"`, `"\x9B"`) still
/// produce them, so every piece of course text goes through here on its way out.
///
/// Bidirectional controls are removed, since they make text read differently from what
/// it is. Of the invisible zero-width characters, the zero-width space (U+200B), word
/// joiner (U+2060) and byte order mark (U+FEFF) are removed too: they carry no meaning in
/// lesson text and can hide a difference between two words that look the same. The
/// zero-width joiner and non-joiner (U+200D, U+200C) are kept: emoji sequences and some
/// scripts need them, and they cannot move the cursor.
package enum Sanitizer {
    /// Whether a scalar must never reach a terminal: C0 controls (except tab and
    /// newline), DEL, C1 controls, bidirectional marks, overrides and isolates, and the
    /// invisible zero-width space, word joiner and byte order mark.
    package static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        if v == 0x7F { return true }
        if v >= 0x80 && v <= 0x9F { return true }
        if v < 0x61C { return false }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C { return true }
        if v == 0x200B || v == 0x2060 || v == 0xFEFF { return true }
        return false
    }

    /// JSON text with every forbidden scalar written as a `\uXXXX` escape: the same JSON
    /// value, but nothing in it that a terminal would act on when it is printed. (JSON
    /// encoders escape C0 controls but pass C1 controls and bidi overrides through.)
    /// Forbidden scalars are never JSON syntax, so they can only be inside strings.
    package static func jsonSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && isForbidden($0) }) else { return json }
        var out = ""
        for s in json.unicodeScalars {
            if s.value >= 0x7F, isForbidden(s) {
                out += "\\u" + SourceText.hex(s.value, digits: 4).lowercased()
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// `text` on one line with every forbidden scalar, tab and newline written out as
    /// `<U+001B>`: for messages that quote course text (diagnostics), where the author
    /// needs to see what is there but the terminal must not act on it.
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isForbidden($0) || $0 == "\t" || $0 == "\n" }) else { return text }
        var out = ""
        for s in text.unicodeScalars {
            if isForbidden(s) || s == "\t" || s == "\n" {
                out += "<" + SourceText.codePoint(s.value) + ">"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    /// `text` with forbidden scalars removed and tabs turned into spaces.
    /// Newlines are kept unless `singleLine`, which turns them into spaces.
    package static func clean(_ text: String, singleLine: Bool = false) -> String {
        var needsWork = false
        for s in text.unicodeScalars where s.value < 0x20 || (s.value >= 0x7F && s.value <= 0x9F) || isForbidden(s) {
            needsWork = true
            break
        }
        if !needsWork { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if s == "\t" { out.append(" ") }
            else if s == "\n" { out.append(singleLine ? " " : "\n") }
            else if !isForbidden(s) { out.append(s) }
        }
        return String(out)
    }
}
