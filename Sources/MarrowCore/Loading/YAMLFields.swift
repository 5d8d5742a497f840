/// Typed access to the keys of one YAML mapping (a lesson's front matter, `course.yaml`,
/// one glossary entry). A missing key or a value of the wrong type becomes a diagnostic
/// at the value's position, and the accessor returns nil, so a caller can read every key
/// and report every problem at once.
struct YAMLFields {
    let path: String
    let node: YAMLNode
    /// What the mapping is called in messages, e.g. "the front matter".
    let owner: String
    private(set) var diagnostics: [Diagnostic] = []
    private var known: Set<String> = []

    init(path: String, node: YAMLNode, owner: String) {
        self.path = path
        self.node = node
        self.owner = owner
    }

    private mutating func error(_ at: YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .error, message: message))
    }

    /// The value for `key`; reports it missing (or empty) when `required`.
    mutating func value(_ key: String, required: Bool = true) -> YAMLNode? {
        known.insert(key)
        guard let value = node[key], !value.isNull else {
            if required {
                if let value = node[key] {
                    error(value, "'\(key)' has no value")
                } else {
                    error(node, "\(owner) has no '\(key)' key")
                }
            }
            return nil
        }
        return value
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key, required: required) else { return nil }
        return string(value, key)
    }

    /// A string made of lower-case letters, digits and dashes, such as an id.
    mutating func slug(_ key: String) -> String? {
        guard let value = value(key), let text = string(value, key) else { return nil }
        guard Self.isSlug(text) else {
            error(value, "'\(key)' must use only lower-case letters, digits and dashes, not '\(text)'")
            return nil
        }
        return text
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>, required: Bool = true) -> Int? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let text, true) = value.kind, let number = Int(text), range.contains(number) else {
            error(value, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(Self.shown(value))")
            return nil
        }
        return number
    }

    /// An optional decimal number in `range`, written plainly (`0.9`, `.85`).
    mutating func decimal(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let value = value(key, required: false) else { return nil }
        guard case .scalar(let text, true) = value.kind, Self.isPlainDecimal(text), let number = Double(text), range.contains(number) else {
            error(value, "'\(key)' must be a number from \(range.lowerBound) to \(range.upperBound), not \(Self.shown(value))")
            return nil
        }
        return number
    }

    /// Digits with at most one decimal point, nothing else (no sign, exponent, inf or nan).
    static func isPlainDecimal(_ text: String) -> Bool {
        let digits = text.filter { $0 != "." }
        return !digits.isEmpty && text.filter { $0 == "." }.count <= 1 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key, required: false) else { return nil }
        if case .scalar(let text, true) = value.kind {
            switch text {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        error(value, "'\(key)' must be true or false, not \(Self.shown(value))")
        return nil
    }

    /// A calendar date written `YYYY-MM-DD`.
    mutating func date(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, _) = value.kind, Self.isDate(text) else {
            error(value, "'\(key)' must be a date written YYYY-MM-DD, not \(Self.shown(value))")
            return nil
        }
        return text
    }

    mutating func strings(_ key: String, required: Bool = true) -> [String]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .sequence(let items) = value.kind else {
            error(value, "'\(key)' must be a list, not \(value.kindDescription)")
            return nil
        }
        var result: [String] = []
        for item in items {
            if item.isNull {
                error(item, "'\(key)' has an empty item")
            } else if let text = string(item, key) {
                result.append(text)
            }
        }
        return result
    }

    mutating func mappings(_ key: String) -> [YAMLNode]? {
        guard let value = value(key) else { return nil }
        guard case .sequence(let items) = value.kind else {
            error(value, "'\(key)' must be a list, not \(value.kindDescription)")
            return nil
        }
        var result: [YAMLNode] = []
        for item in items {
            guard case .mapping = item.kind else {
                error(item, "each item of '\(key)' must be a mapping of keys, not \(item.kindDescription)")
                continue
            }
            result.append(item)
        }
        return result
    }

    /// Warns about every key no accessor asked for (usually a typo).
    mutating func warnAboutUnknownKeys() {
        guard case .mapping(let pairs) = node.kind else { return }
        for pair in pairs {
            guard case .scalar(let name, _) = pair.key.kind, !known.contains(name) else { continue }
            diagnostics.append(Diagnostic(path: path, line: pair.key.line, column: pair.key.column, severity: .warning, message: "unknown key '\(name)' in \(owner) is ignored"))
        }
    }

    private mutating func string(_ value: YAMLNode, _ key: String) -> String? {
        guard case .scalar(let text, _) = value.kind else {
            error(value, "'\(key)' must be text, not \(value.kindDescription)")
            return nil
        }
        if let scalar = HiddenText.first(in: text) {
            diagnostics.append(Diagnostic(path: path, line: value.line, column: value.column, severity: .warning,
                                          message: HiddenText.message(scalar, in: "'\(key)'")))
        }
        return text
    }

    private static func shown(_ node: YAMLNode) -> String {
        if case .scalar(let text, _) = node.kind { return "'\(text)'" }
        return node.kindDescription
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Whether `text` is `YYYY-MM-DD` naming a real day of the Gregorian calendar.
    static func isDate(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
