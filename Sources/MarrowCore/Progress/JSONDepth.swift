/// How deeply JSON text nests its arrays and objects, to tell a file the JSON
/// decoder refused for its depth from one that is cut short: the two need
/// different words for the learner.
enum JSONDepth {
    /// The deepest nesting the JSON decoder accepts (swift-foundation's limit).
    static let decoderLimit = 512

    /// Whether `bytes` open more than `limit` arrays or objects inside each other
    /// (brackets inside strings do not count). Only asked after decoding failed.
    static func exceeds(_ bytes: [UInt8], limit: Int = decoderLimit) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return false
    }
}
