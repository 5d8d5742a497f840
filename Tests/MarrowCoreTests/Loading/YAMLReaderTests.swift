import Testing
@testable import MarrowCore

@Suite struct YAMLReaderTests {
    @Test func readsScalarsSequencesAndMappingsWithPositions() throws {
        let yaml = """
            id: hsct
            title: "Quoted: title"
            list:
              - one
              - 'two'
            nested:
              key: value
            flow: [a, b]
            empty:
            """
        let root = try #require(try YAMLReader.parse(yaml))
        guard case .mapping(let pairs) = root.kind else { Issue.record("not a mapping"); return }
        #expect(pairs.map { pairKey($0) } == ["id", "title", "list", "nested", "flow", "empty"])
        #expect(root.line == 1 && root.column == 1)

        let id = try #require(root["id"])
        #expect(id.kind == .scalar("hsct", plain: true))
        #expect(id.line == 1 && id.column == 5)

        let title = try #require(root["title"])
        #expect(title.kind == .scalar("Quoted: title", plain: false))

        let list = try #require(root["list"])
        guard case .sequence(let items) = list.kind else { Issue.record("not a list"); return }
        #expect(items.map(\.kind) == [.scalar("one", plain: true), .scalar("two", plain: false)])
        #expect(items[1].line == 5 && items[1].column == 5)

        let nested = try #require(root["nested"]?["key"])
        #expect(nested.kind == .scalar("value", plain: true))
        #expect(nested.line == 7 && nested.column == 8)

        guard case .sequence(let flow)? = root["flow"]?.kind else { Issue.record("flow"); return }
        #expect(flow.count == 2)
        #expect(root["empty"]?.isNull == true)
    }

    @Test func lineOffsetMovesPositions() throws {
        let root = try #require(try YAMLReader.parse("a: 1\nb: 2\n", lineOffset: 1))
        #expect(root["b"]?.line == 3)
        #expect(root["b"]?.column == 4)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(try YAMLReader.parse("é: [ü, x]\n"))
        guard case .sequence(let items)? = root["é"]?.kind else { Issue.record("list"); return }
        #expect(items[1].column == 8)
    }

    @Test func emptyStreamIsNil() throws {
        #expect(try YAMLReader.parse("# only a comment\n") == nil)
        #expect(try YAMLReader.parse("") == nil)
    }

    @Test func rejectsAnchors() {
        #expect(throws: YAMLError(line: 2, column: 4, message: "YAML anchors (&x) are not allowed: write the value out")) {
            try YAMLReader.parse("a: 1\nb: &x 2\n")
        }
    }

    @Test func rejectsAliases() {
        let error = #expect(throws: YAMLError.self) {
            try YAMLReader.parse("a: [1]\nb: *x\n")
        }
        // libyaml reports an undefined alias at the alias itself, as does the reader for a defined one.
        #expect(error?.line == 2)
        #expect(error?.column == 4)
        #expect(throws: YAMLError(line: 1, column: 1, message: "YAML anchors (&a) are not allowed: write the value out")) {
            try YAMLReader.parse("&a [1]\n")
        }
    }

    @Test func aliasAfterAnAnchorIsRejectedAtTheAnchorFirst() {
        #expect(throws: YAMLError(line: 1, column: 4, message: "YAML anchors (&x) are not allowed: write the value out")) {
            try YAMLReader.parse("a: &x 1\nb: *x\n")
        }
    }

    @Test func rejectsCustomTagsButNotCoreTags() throws {
        #expect(throws: YAMLError(line: 3, column: 6, message: "custom YAML tag '!python/object' is not allowed")) {
            try YAMLReader.parse("a: 1\nb: 2\nc:   !python/object x\n")
        }
        #expect(throws: YAMLError(line: 1, column: 4, message: "custom YAML tag '!!binary' is not allowed")) {
            try YAMLReader.parse("a: !!binary aGVsbG8=\n")
        }
        let root = try #require(try YAMLReader.parse("a: !!str 5\n"))
        #expect(root["a"]?.kind == .scalar("5", plain: true))
    }

    @Test func syntaxErrorHasPositionAndLibyamlsProblem() {
        let error = #expect(throws: YAMLError.self) {
            try YAMLReader.parse("a: 1\nb: c: d\n", lineOffset: 1)
        }
        #expect(error?.line == 3)
        #expect(error?.column == 5)
        #expect(error?.message == "invalid YAML: mapping values are not allowed in this context")
    }

    @Test func unclosedQuoteReportsContext() {
        let error = #expect(throws: YAMLError.self) {
            try YAMLReader.parse("a: \"open\nb: 2\n")
        }
        #expect(error?.message.hasPrefix("invalid YAML: found unexpected end of stream (while scanning a quoted scalar)") == true)
    }

    @Test func duplicateKeysAreErrors() {
        #expect(throws: YAMLError(line: 3, column: 1, message: "duplicate key 'a' (first on line 1)")) {
            try YAMLReader.parse("a: 1\nb: 2\na: 3\n")
        }
    }

    @Test func secondDocumentIsAnError() {
        #expect(throws: YAMLError(line: 2, column: 1, message: "only one YAML document is allowed here (remove the second '---')")) {
            try YAMLReader.parse("a: 1\n---\nb: 2\n")
        }
    }

    @Test func deepNestingIsAnError() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: YAMLError(line: 1, column: 33, message: "YAML nested more than 32 levels deep is not allowed")) {
            try YAMLReader.parse(deep)
        }
        #expect(throws: Never.self) { try YAMLReader.parse(String(repeating: "[", count: 32) + String(repeating: "]", count: 32)) }
    }

    @Test func typedAccessReportsWrongTypesAtTheValue() throws {
        let yaml = """
            id: Not_A_Slug
            minutes: "5"
            big: 99
            when: 2026-02-30
            list: text
            items: [a, [b]]
            maps: [a]
            flag: yes
            extra: 1
            good: 2026-02-28
            """
        let root = try #require(try YAMLReader.parse(yaml, lineOffset: 1))
        var fields = YAMLFields(path: "f.md", node: root, owner: "the front matter")
        #expect(fields.slug("id") == nil)
        #expect(fields.int("minutes", in: 1...60) == nil)
        #expect(fields.int("big", in: 1...60) == nil)
        #expect(fields.date("when") == nil)
        #expect(fields.strings("list") == nil)
        #expect(fields.strings("items") == ["a"])
        #expect(fields.mappings("maps") == [])
        #expect(fields.bool("flag") == nil)
        #expect(fields.string("missing") == nil)
        #expect(fields.date("good") == "2026-02-28")
        fields.warnAboutUnknownKeys()
        #expect(LoadingFixtures.lines(fields.diagnostics) == [
            "f.md:2:5: error: 'id' must use only lower-case letters, digits and dashes, not 'Not_A_Slug'",
            "f.md:3:10: error: 'minutes' must be a whole number from 1 to 60, not '5'",
            "f.md:4:6: error: 'big' must be a whole number from 1 to 60, not '99'",
            "f.md:5:7: error: 'when' must be a date written YYYY-MM-DD, not '2026-02-30'",
            "f.md:6:7: error: 'list' must be a list, not a single value",
            "f.md:7:12: error: 'items' must be text, not a list",
            "f.md:8:8: error: each item of 'maps' must be a mapping of keys, not a single value",
            "f.md:9:7: error: 'flag' must be true or false, not 'yes'",
            "f.md:2:1: error: the front matter has no 'missing' key",
            "f.md:10:1: warning: unknown key 'extra' in the front matter is ignored",
        ])
    }

    @Test func datesFollowTheCalendar() {
        #expect(YAMLFields.isDate("2024-02-29"))
        #expect(!YAMLFields.isDate("2023-02-29"))
        #expect(!YAMLFields.isDate("2026-13-01"))
        #expect(!YAMLFields.isDate("2026-1-01"))
        #expect(!YAMLFields.isDate("26-01-01xx"))
    }

    private func pairKey(_ pair: YAMLNode.Pair) -> String {
        if case .scalar(let text, _) = pair.key.kind { return text }
        return ""
    }
}
