import MarrowCore
import Testing

/// `DisplayWidth.of(String)` takes a scalar-by-scalar path while no scalar can
/// join another in a grapheme cluster: it must give what summing cluster by
/// cluster gives, for any text.
struct DisplayWidthTests {
    /// Scalars from every kind the fast path treats differently: ASCII and
    /// controls, Latin, the ranges it takes scalar by scalar (✓ ● ◑ █ … — →),
    /// and scalars that join clusters (combining marks, ZWJ, variation
    /// selectors, emoji and their modifiers, regional indicators, Hangul jamo,
    /// CJK), format characters and CR LF.
    static let pool: [UInt32] = [
        0x41, 0x7A, 0x20, 0x0A, 0x0D, 0x09, 0x1B, 0x7F, 0x85, 0xA0, 0xAD, 0xE9, 0x2BF,
        0x2013, 0x2014, 0x2019, 0x201C, 0x2022, 0x2026, 0x2030, 0x2192, 0x2264, 0x231A,
        0x2500, 0x2588, 0x25CB, 0x25D0, 0x25D1, 0x25CF, 0x25FD, 0x2614, 0x2705, 0x2713, 0x2714, 0x2764, 0x2B50,
        0x0301, 0x0308, 0x20DD, 0x20E3, 0x200B, 0x200C, 0x200D, 0x2028, 0x202E, 0x2060, 0xFE0E, 0xFE0F,
        0x1F600, 0x1F44D, 0x1F3FD, 0x1F1EB, 0x1F1F7, 0x1100, 0x1161, 0x11A8, 0xAC00, 0x4E2D, 0xFF21, 0x0E33, 0x0903,
    ]

    @Test func theFastPathGivesTheClusterSum() {
        var random = SplitMix64(seed: 0x5769_6474_68)
        for round in 0..<3_000 {
            let length = Int(random.next() % 12)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let v = Self.pool[Int(random.next() % UInt64(Self.pool.count))]
                scalars.append(Unicode.Scalar(v)!)
            }
            let text = String(scalars)
            let byCluster = text.reduce(0) { $0 + DisplayWidth.of($1) }
            #expect(DisplayWidth.of(text) == byCluster, "round \(round): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test(arguments: [
        ("● quiz 7/9", 10), ("◑ in quiz 2/12", 14), ("✓ read", 6), ("Graft-versus-host disease — GVHD", 32),
        ("e\u{301}", 1), ("✔\u{FE0F}", 2), ("👍🏽", 2), ("🇫🇷", 2), ("中文", 4), ("a\r\nb", 2),
    ])
    func knownWidths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}
