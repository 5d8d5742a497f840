/// A YAML value as read from `course.yaml`, `glossary.yaml` or a lesson's front matter:
/// plain Swift values, each with the 1-based line and column where it starts in its file.
struct YAMLNode: Sendable, Hashable {
    /// One key and its value in a mapping; mappings keep their written order.
    struct Pair: Sendable, Hashable {
        var key: YAMLNode
        var value: YAMLNode
    }

    enum Kind: Sendable, Hashable {
        /// A scalar's text; `plain` is false for quoted, literal (`|`) and folded (`>`) scalars.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    var kind: Kind
    var line: Int
    var column: Int

    init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// Whether this is YAML's null: an empty plain scalar, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let text, let plain) = kind, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The value for `key` if this is a mapping holding it.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = kind else { return nil }
        for pair in pairs {
            if case .scalar(let k, _) = pair.key.kind, k == key { return pair.value }
        }
        return nil
    }

    /// What the node is, for messages such as "must be a string, not a list".
    var kindDescription: String {
        switch kind {
        case .scalar: return isNull ? "empty" : "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// A YAML document that could not be read, with the position libyaml (or the reader) blamed.
struct YAMLError: Error, Sendable, Hashable {
    var line: Int
    var column: Int
    var message: String
}
