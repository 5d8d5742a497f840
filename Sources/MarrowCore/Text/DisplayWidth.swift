/// Terminal display width of text, in cells, independent of the process locale.
///
/// Double-width characters (CJK, fullwidth forms, most emoji) take two cells; combining
/// marks and other zero-width characters take none. Wrap and truncate with these
/// functions, never with `count`.
package enum DisplayWidth {
    /// Cells taken by one grapheme cluster.
    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        // An emoji presentation selector makes the cluster wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    /// Cells taken by one scalar on its own.
    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (v >= 0x1160 && v <= 0x11FF) { return 0 }
        if isWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells taken by a string.
    ///
    /// Scalar by scalar while each is sure to be a grapheme cluster of its own
    /// (the same sum as cluster by cluster, without the cost of finding cluster
    /// breaks, which dominated drawing the course map); cluster by cluster as
    /// soon as one could join its neighbour.
    package static func of(_ string: some StringProtocol) -> Int {
        var total = 0
        for scalar in string.unicodeScalars {
            let v = scalar.value
            if v < 0x300 {
                total += v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0 : 1
            } else if standsAlone(v) {
                total += of(scalar)
            } else {
                return byCluster(string)
            }
        }
        return total
    }

    private static func byCluster(_ string: some StringProtocol) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Scalars from 0x300 up that never join another in a grapheme cluster and
    /// are never joined to (not Extend, SpacingMark, Prepend, ZWJ, a regional
    /// indicator or Hangul jamo): general punctuation (dashes, quotes, bullet,
    /// ellipsis), letterlike symbols, arrows, math, technical, box drawing,
    /// blocks, geometric shapes, symbols and dingbats (✓ ● ◑ █ …). The format
    /// characters around them (U+200B–U+200F, U+2028–U+202E, U+2060–U+206F)
    /// and the combining marks for symbols (U+20D0–U+20FF) are left out.
    private static func standsAlone(_ v: UInt32) -> Bool {
        (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205F) || (v >= 0x2070 && v <= 0x20CF) || (v >= 0x2100 && v <= 0x2BFF)
    }

    /// The longest prefix of `string` that fits in `width` cells.
    package static func prefix(_ string: some StringProtocol, fitting width: Int) -> Substring {
        let s = Substring(string)
        var used = 0
        var end = s.startIndex
        for index in s.indices {
            let w = of(s[index])
            if used + w > width { break }
            used += w
            end = s.index(after: index)
        }
        return s[s.startIndex..<end]
    }

    /// `string` cut to `width` cells, ending in "…" when it was cut.
    package static func truncate(_ string: some StringProtocol, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(string) <= width { return String(string) }
        return String(prefix(string, fitting: width - 1)) + "…"
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), the part wcwidth treats as two cells.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
             0x1AFF0...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251,
             0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
             0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
