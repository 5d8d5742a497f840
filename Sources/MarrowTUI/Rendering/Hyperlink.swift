/// Which addresses become terminal hyperlinks (OSC 8), and the bytes for them.
///
/// Lesson files are untrusted, and a hyperlink's address goes to the terminal
/// as raw bytes: only an address that cannot steer the terminal and that a
/// browser opens as a web page or a mail is linked. Anything else (a control
/// character, ESC, BEL, a space, a non-ASCII character, a `file:` or
/// `javascript:` address, an absurd length) is shown as text only, sanitized
/// like all lesson text.
package enum Hyperlink {
    /// The schemes that are linked, lower case.
    static let schemes = ["https://", "http://", "mailto:"]
    /// Terminals keep addresses up to a few thousand bytes (VTE: 2083); longer ones are text.
    static let maximumLength = 2048

    /// `url` if it is safe to send to the terminal as a link, else nil.
    package static func target(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        guard bytes.count <= maximumLength else { return nil }
        // Printable ASCII only, no space: nothing can end the sequence early.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let lower = String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        guard let scheme = schemes.first(where: { lower.hasPrefix($0) }), bytes.count > scheme.utf8.count else { return nil }
        return url
    }

    /// Starts a hyperlink to a checked target (OSC 8 ; ; URL ST).
    package static func start(_ target: String) -> String { "\u{1B}]8;;\(target)\u{1B}\\" }
    /// Ends the hyperlink (OSC 8 ; ; ST).
    package static let end = "\u{1B}]8;;\u{1B}\\"
}
