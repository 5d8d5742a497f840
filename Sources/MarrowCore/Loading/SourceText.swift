/// Byte-level checks every course file gets before it is parsed: valid UTF-8 and no
/// terminal control characters. Done by hand in one pass over the bytes (no regexes),
/// since it runs on every file at startup.
enum SourceText {
    /// At most this many control characters are reported per file; then one summary line.
    static let maximumReported = 10

    struct Checked {
        /// The bytes to parse: the file's bytes with a leading byte order mark removed and
        /// each forbidden control character replaced by a character of the same byte length
        /// (a space, or U+00A0 for two-byte C1 controls), so that the parsers see the same
        /// lines and columns as the diagnostics.
        var bytes: [UInt8]
        var diagnostics: [Diagnostic]
        /// False when the bytes are not UTF-8: nothing else can be read from them.
        var isUTF8: Bool
    }

    static func check(_ input: [UInt8], path: String) -> Checked {
        var bytes = input
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        var diagnostics: [Diagnostic] = []
        var controls = 0
        var line = 1
        var column = 1
        var i = 0
        let count = bytes.count

        func report(_ value: UInt32) {
            controls += 1
            if controls <= maximumReported {
                diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .error,
                                              message: "terminal control character \(codePoint(value)) is not allowed"))
            }
        }

        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A {
                    line += 1
                    column = 1
                    i += 1
                    continue
                }
                if (b < 0x20 && b != 0x09 && !(b == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A)) || b == 0x7F {
                    report(UInt32(b))
                    bytes[i] = 0x20
                }
                i += 1
                column += 1
                continue
            }
            let length = sequenceLength(bytes, at: i)
            guard length > 0 else {
                diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .error,
                                              message: "the file is not valid UTF-8 (byte 0x\(hex(UInt32(bytes[i]), digits: 2)))"))
                return Checked(bytes: bytes, diagnostics: diagnostics, isUTF8: false)
            }
            if length == 2, b == 0xC2, bytes[i + 1] <= 0x9F {
                report(UInt32(bytes[i + 1]))
                bytes[i + 1] = 0xA0
            }
            i += length
            column += 1
        }
        if controls > maximumReported {
            diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: .error,
                                          message: "\(controls - maximumReported) more terminal control characters in this file"))
        }
        return Checked(bytes: bytes, diagnostics: diagnostics, isUTF8: true)
    }

    /// The length of the well-formed UTF-8 sequence starting at `i` (whose first byte is
    /// not ASCII), or 0 if it is malformed: a stray continuation byte, an overlong form,
    /// a surrogate, a value above U+10FFFF or a truncated sequence.
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b0 = bytes[i]
        let count = bytes.count
        func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            j < count && bytes[j] >= low && bytes[j] <= high
        }
        switch b0 {
        case 0xC2...0xDF:
            return continuation(i + 1) ? 2 : 0
        case 0xE0:
            return continuation(i + 1, 0xA0, 0xBF) && continuation(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(i + 1) && continuation(i + 2) ? 3 : 0
        case 0xED:
            return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
        case 0xF0:
            return continuation(i + 1, 0x90, 0xBF) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF4:
            return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        default:
            return 0
        }
    }

    /// `U+001B`, as Unicode writes code points.
    static func codePoint(_ value: UInt32) -> String {
        "U+" + hex(value, digits: 4)
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// A lesson file cut into its YAML front matter and its Markdown body.
struct FrontMatter {
    enum Split {
        case found(FrontMatter)
        case failed(Diagnostic)
    }

    /// The YAML between the two `---` lines (its first line is the file's line 2).
    var yaml: ArraySlice<UInt8>
    /// Everything after the closing `---` line.
    var body: ArraySlice<UInt8>
    /// The file's line number of the closing `---`: the body's first line is the next one.
    var closingLine: Int

    /// Splits `bytes`: the first line must be `---`, and the front matter runs to the next
    /// `---` line (trailing spaces and a CR are allowed on both).
    static func split(_ bytes: [UInt8], path: String) -> Split {
        var lineStart = 0
        var line = 1
        var opened = false
        var yamlStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            let isDelimiter = isDashes(bytes[lineStart..<lineEnd])
            if !opened {
                guard isDelimiter else {
                    return .failed(Diagnostic(path: path, line: 1, column: 1, severity: .error,
                                               message: "a lesson must start with front matter: a '---' line, the lesson's keys, and another '---' line"))
                }
                opened = true
                yamlStart = min(next, bytes.count)
            } else if isDelimiter {
                let bodyStart = min(next, bytes.count)
                return .found(FrontMatter(yaml: bytes[yamlStart..<lineStart], body: bytes[bodyStart..<bytes.count], closingLine: line))
            }
            if lineEnd >= bytes.count { break }
            lineStart = next
            line += 1
        }
        return .failed(Diagnostic(path: path, line: 1, column: 1, severity: .error,
                                   message: "the front matter is never closed: add a '---' line after its last key"))
    }

    static func isDashes(_ line: ArraySlice<UInt8>) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D { end -= 1 }
        return end - line.startIndex == 3 && line[line.startIndex] == 0x2D && line[line.startIndex + 1] == 0x2D && line[line.startIndex + 2] == 0x2D
    }
}
