import CYaml

/// Reads YAML with libyaml's event API into a `YAMLNode` tree. The only file that touches libyaml.
///
/// Course files need nothing beyond plain keys, values and lists, so the reader is strict:
/// anchors, aliases and tags outside YAML's core schema are errors (they hide where a value
/// comes from), a mapping may not repeat a key, and a stream may hold one document only.
enum YAMLReader {
    /// Parses `text`. `lineOffset` is added to every line, so that the front matter of a
    /// lesson (which starts on the file's line 2) reports positions in the lesson file.
    /// Returns nil for an empty stream (nothing but blank lines and comments).
    static func parse(_ text: String, lineOffset: Int = 0) throws(YAMLError) -> YAMLNode? {
        try parse(Array(text.utf8)[...], lineOffset: lineOffset)
    }

    /// Parses UTF-8 `bytes`; see `parse(_:lineOffset:)`.
    static func parse(_ bytes: ArraySlice<UInt8>, lineOffset: Int = 0) throws(YAMLError) -> YAMLNode? {
        let result: Result<YAMLNode?, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = EventReader(lineOffset: lineOffset)
            do throws(YAMLError) {
                return .success(try reader.read(buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Turns libyaml events into nodes with an explicit stack of open collections.
private struct EventReader {
    /// Course files never need deep nesting; a limit keeps hostile input from building
    /// a tree too deep to free without overflowing the stack.
    static let maximumDepth = 32

    let lineOffset: Int

    private enum Open {
        case sequence(line: Int, column: Int, items: [YAMLNode])
        case mapping(line: Int, column: Int, pairs: [YAMLNode.Pair], pendingKey: YAMLNode?, keys: [String: Int])
    }

    private var stack: [Open] = []
    private var root: YAMLNode?
    private var documents = 0
    /// The text being read: libyaml puts its end-of-stream mark on the line after a last
    /// line without a newline, a line the file does not have, so marks at the end are
    /// placed just after the text's last character instead.
    private var text = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    init(lineOffset: Int) {
        self.lineOffset = lineOffset
    }

    mutating func read(_ buffer: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLNode? {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw YAMLError(line: lineOffset + 1, column: 1, message: "could not start the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, buffer.count)
        text = buffer

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxError(parser, buffer)
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { break }
            try handle(event)
        }
        return root
    }

    private func position(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        if Int(mark.index) >= text.count {
            let end = Self.position(after: text[...])
            return (end.line + lineOffset, end.column)
        }
        return (Int(mark.line) + 1 + lineOffset, Int(mark.column) + 1)
    }

    /// The 1-based line and column (in characters) just after `bytes`.
    private static func position(after bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private mutating func handle(_ event: yaml_event_t) throws(YAMLError) {
        let (line, column) = position(event.start_mark)
        if stack.count >= Self.maximumDepth, event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT {
            throw YAMLError(line: line, column: column, message: "YAML nested more than \(Self.maximumDepth) levels deep is not allowed")
        }
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLError(line: line, column: column, message: "only one YAML document is allowed here (remove the second '---')")
            }
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor)
            throw YAMLError(line: line, column: column, message: "YAML aliases (*\(name)) are not allowed: write the value out")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            try check(anchor: scalar.anchor, tag: scalar.tag, line: line, column: column)
            let text: String
            if let value = scalar.value {
                text = String(decoding: UnsafeBufferPointer(start: value, count: Int(scalar.length)), as: UTF8.self)
            } else {
                text = ""
            }
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            try add(YAMLNode(.scalar(text, plain: plain), line: line, column: column))
        case YAML_SEQUENCE_START_EVENT:
            try check(anchor: event.data.sequence_start.anchor, tag: event.data.sequence_start.tag, line: line, column: column)
            stack.append(.sequence(line: line, column: column, items: []))
        case YAML_MAPPING_START_EVENT:
            try check(anchor: event.data.mapping_start.anchor, tag: event.data.mapping_start.tag, line: line, column: column)
            stack.append(.mapping(line: line, column: column, pairs: [], pendingKey: nil, keys: [:]))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { return }
            switch open {
            case .sequence(let l, let c, let items):
                try add(YAMLNode(.sequence(items), line: l, column: c))
            case .mapping(let l, let c, let pairs, _, _):
                try add(YAMLNode(.mapping(pairs), line: l, column: c))
            }
        default:
            break
        }
    }

    /// Adds a finished node to the innermost open collection, or makes it the root.
    private mutating func add(_ node: YAMLNode) throws(YAMLError) {
        guard let top = stack.popLast() else {
            root = node
            return
        }
        switch top {
        case .sequence(let l, let c, var items):
            items.append(node)
            stack.append(.sequence(line: l, column: c, items: items))
        case .mapping(let l, let c, var pairs, let pendingKey, var keys):
            if let key = pendingKey {
                pairs.append(YAMLNode.Pair(key: key, value: node))
                stack.append(.mapping(line: l, column: c, pairs: pairs, pendingKey: nil, keys: keys))
            } else {
                guard case .scalar(let name, _) = node.kind else {
                    throw YAMLError(line: node.line, column: node.column, message: "a mapping key must be a single value, not \(node.kindDescription)")
                }
                if let first = Self.line(ofKey: name, in: pairs, index: &keys) {
                    throw YAMLError(line: node.line, column: node.column, message: "duplicate key '\(name)' (first on line \(first))")
                }
                if !keys.isEmpty { keys[name] = node.line }
                stack.append(.mapping(line: l, column: c, pairs: pairs, pendingKey: node, keys: keys))
            }
        }
    }

    /// The line of `name` among a mapping's keys so far, if there. A small mapping
    /// (a front matter, a question) is searched in order: an index by key is made
    /// only once a mapping has many keys (a glossary), as building the first
    /// `[String: Int]` of a launch costs the Swift runtime a search through every
    /// protocol conformance in the binary, on the way to the first screen.
    private static func line(ofKey name: String, in pairs: [YAMLNode.Pair], index: inout [String: Int]) -> Int? {
        if index.isEmpty {
            if pairs.count < 16 {
                for pair in pairs { if case .scalar(let key, _) = pair.key.kind, key == name { return pair.key.line } }
                return nil
            }
            for pair in pairs { if case .scalar(let key, _) = pair.key.kind, index[key] == nil { index[key] = pair.key.line } }
        }
        return index[name]
    }

    /// Tags YAML's core schema defines; `!` is the non-specific tag of quoted scalars.
    private static let coreTags: Set<String> = [
        "!",
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
    ]

    private func check(anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?, line: Int, column: Int) throws(YAMLError) {
        if let anchor {
            throw YAMLError(line: line, column: column, message: "YAML anchors (&\(Self.string(anchor))) are not allowed: write the value out")
        }
        if let tag {
            let name = Self.string(tag)
            if !Self.coreTags.contains(name) {
                let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst(18) : name
                throw YAMLError(line: line, column: column, message: "custom YAML tag '\(shown)' is not allowed")
            }
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    /// libyaml's own message, placed at its problem mark (or, for errors of its UTF-8
    /// reader that carry only a byte offset, at the line and column of that byte).
    private func syntaxError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        var message = "invalid YAML: \(problem)"
        if let context = parser.context {
            message += " (\(String(cString: context)))"
        }
        if parser.error == YAML_READER_ERROR {
            let offset = min(Int(parser.problem_offset), buffer.count)
            let (line, column) = Self.position(after: buffer[0..<offset])
            return YAMLError(line: line + lineOffset, column: column, message: message)
        }
        let (line, column) = position(parser.problem_mark)
        return YAMLError(line: line, column: column, message: message)
    }
}
