import Testing
@testable import MarrowCore

@Suite struct MarkdownConverterTests {
    private func convert(_ text: String, lineOffset: Int = 0) -> (document: Document, diagnostics: [Diagnostic]) {
        MarkdownConverter.convert(Array(text.utf8)[...], lineOffset: lineOffset, path: "l.md")
    }

    @Test func headingsParagraphsAndInlines() {
        let text = """
            # Title

            Some *emphasis*, **strong**, `code` and a [link](https://example.org/a).

            ### Third
            Setext
            ------
            """
        let blocks = convert(text, lineOffset: 10).document.blocks
        #expect(blocks == [
            Block(.heading(level: 1, content: [.text("Title")]), line: 11, column: 1),
            Block(.paragraph([
                .text("Some "), .emphasis([.text("emphasis")]), .text(", "), .strong([.text("strong")]),
                .text(", "), .code("code"), .text(" and a "), .link(text: [.text("link")], url: "https://example.org/a"), .text("."),
            ]), line: 13, column: 1),
            Block(.heading(level: 3, content: [.text("Third")]), line: 15, column: 1),
            Block(.heading(level: 2, content: [.text("Setext")]), line: 16, column: 1),
        ])
    }

    @Test func softAndHardBreaks() {
        let blocks = convert("one\ntwo  \nthree\\\nfour\n").document.blocks
        #expect(blocks == [
            Block(.paragraph([.text("one"), .softBreak, .text("two"), .lineBreak, .text("three"), .lineBreak, .text("four")]), line: 1, column: 1),
        ])
    }

    @Test func codeBlocksKeepInfoAndText() {
        let text = """
            ```swift  extra
            let x = 1
              indented
            ```

                indented code
            """
        let blocks = convert(text).document.blocks
        #expect(blocks == [
            Block(.codeBlock(info: "swift  extra", text: "let x = 1\n  indented"), line: 1, column: 1),
            Block(.codeBlock(info: "", text: "indented code"), line: 6, column: 5),
        ])
    }

    @Test func nestedListsWithStartAndPositions() {
        let text = """
            - a
              - b
                1. c
            - d

            3. three
            4. four
            """
        let blocks = convert(text, lineOffset: 2).document.blocks
        let inner = Block(.orderedList(start: 1, items: [
            ListItem(blocks: [Block(.paragraph([.text("c")]), line: 5, column: 8)], line: 5, column: 5),
        ]), line: 5, column: 5)
        let middle = Block(.bulletList(items: [
            ListItem(blocks: [Block(.paragraph([.text("b")]), line: 4, column: 5), inner], line: 4, column: 3),
        ]), line: 4, column: 3)
        #expect(blocks == [
            Block(.bulletList(items: [
                ListItem(blocks: [Block(.paragraph([.text("a")]), line: 3, column: 3), middle], line: 3, column: 1),
                ListItem(blocks: [Block(.paragraph([.text("d")]), line: 6, column: 3)], line: 6, column: 1),
            ]), line: 3, column: 1),
            Block(.orderedList(start: 3, items: [
                ListItem(blocks: [Block(.paragraph([.text("three")]), line: 8, column: 4)], line: 8, column: 1),
                ListItem(blocks: [Block(.paragraph([.text("four")]), line: 9, column: 4)], line: 9, column: 1),
            ]), line: 8, column: 1),
        ])
    }

    @Test func blockQuotesAndThematicBreaks() {
        let text = """
            > quoted **text**
            > > nested

            ---
            ***
            """
        let blocks = convert(text).document.blocks
        #expect(blocks == [
            Block(.blockQuote([
                Block(.paragraph([.text("quoted "), .strong([.text("text")])]), line: 1, column: 3),
                Block(.blockQuote([Block(.paragraph([.text("nested")]), line: 2, column: 5)]), line: 2, column: 3),
            ]), line: 1, column: 1),
            Block(.thematicBreak, line: 4, column: 1),
            Block(.thematicBreak, line: 5, column: 1),
        ])
    }

    @Test func adjacentTextIsMerged() {
        // cmark splits text at brackets; the converter joins it back.
        let blocks = convert("- [x] yes [really] done!\n").document.blocks
        guard case .bulletList(let items) = blocks.first?.kind else { Issue.record("no list"); return }
        #expect(items[0].blocks[0].kind == .paragraph([.text("[x] yes [really] done!")]))
    }

    @Test func columnsCountCharacters() {
        // cmark counts bytes; "ü" and "é" are two bytes each but one column.
        let blocks = convert("> ü > x\n\n1.  > é\n").document.blocks
        guard case .orderedList(_, let items) = blocks.last?.kind else { Issue.record("no list"); return }
        #expect(items[0].blocks[0].column == 5)
        guard case .blockQuote(let inner) = items[0].blocks[0].kind else { Issue.record("no quote"); return }
        #expect(inner[0].column == 7)
        let indented = convert("ü\n\n- é\n  - ü\n").document.blocks
        guard case .bulletList(let outer) = indented.last?.kind, case .bulletList(let nested) = outer[0].blocks[1].kind else {
            Issue.record("no nested list"); return
        }
        #expect(nested[0].blocks[0].column == 5)
        #expect(nested[0].blocks[0].line == 4)
    }

    @Test func htmlAndImagesAreDroppedWithWarnings() {
        let text = """
            <div>
            raw
            </div>

            Text with <b>bold</b> and ![a chart](chart.png) here.

            <!-- a note for authors -->

            Inline <!-- note --> comment.
            """
        let result = convert(text, lineOffset: 5)
        #expect(result.document.blocks == [
            Block(.paragraph([.text("Text with "), .text("bold"), .text(" and "), .text("a chart"), .text(" here.")].merged), line: 10, column: 1),
            Block(.paragraph([.text("Inline  comment.")]), line: 14, column: 1),
        ])
        #expect(LoadingFixtures.lines(result.diagnostics) == [
            "l.md:6:1: warning: raw HTML is not shown",
            "l.md:10:1: warning: raw HTML is not shown",
            "l.md:10:1: warning: raw HTML is not shown",
            "l.md:10:1: warning: images are not shown; their alt text is kept",
        ])
    }

    @Test func deepNestingIsCutWithOneWarning() {
        let text = String(repeating: ">", count: 200) + " deep\n"
        let result = convert(text)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.message == "content nested more than 64 levels deep is not shown")
    }

    @Test func plainTextOfConvertedBody() {
        let blocks = convert("A *b* `c`\nd\n").document.blocks
        #expect(blocks.map(\.plainText) == ["A b c d"])
    }
}

private extension Array where Element == Inline {
    /// Adjacent text merged, as the converter produces it.
    var merged: [Inline] {
        var out: [Inline] = []
        for inline in self {
            if case .text(let t) = inline, case .text(let p)? = out.last {
                out[out.count - 1] = .text(p + t)
            } else {
                out.append(inline)
            }
        }
        return out
    }
}
