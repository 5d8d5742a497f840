/// Lesson text is untrusted input: this removes everything that could steer a
/// terminal or reorder what a reader sees, before any text is drawn or printed.
public enum Sanitizer {
    /// Whether a scalar must never reach a terminal: C0 controls (except tab and
    /// newline), DEL, C1 controls, and bidirectional overrides/isolates.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        if v == 0x7F { return true }
        if v >= 0x80 && v <= 0x9F { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C { return true }
        return false
    }

    /// `text` with forbidden scalars removed and tabs turned into spaces.
    /// Newlines are kept unless `singleLine`, which turns them into spaces.
    public static func clean(_ text: String, singleLine: Bool = false) -> String {
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
