import Testing
import MarrowCore
@testable import MarrowTUI

private func texts(_ lines: [StyledLine]) -> [String] { lines.map(\.plainText) }
private func para(_ s: String) -> Block { Block(.paragraph([.text(s)])) }

@Suite struct LayoutTests {
    @Test func wrapsParagraphsByWordsWithinWidth() {
        let lines = Layout.lines(for: [para("The new stem cells settle in the marrow and start making blood.")], width: 20)
        #expect(texts(lines) == ["The new stem cells", "settle in the marrow", "and start making", "blood."])
        #expect(lines.allSatisfy { $0.width <= 20 })
        #expect(lines.map(\.offset) == [0, 19, 40, 57])
    }

    @Test func wrapsDoubleWidthTextByCellsNotCharacters() {
        let text = "造血幹細胞移植は白血病の治療です。"
        let lines = Layout.lines(for: [para(text)], width: 10)
        #expect(lines.allSatisfy { $0.width <= 10 })
        #expect(texts(lines).joined() == text)
        #expect(lines[0].plainText == "造血幹細胞")
        #expect(lines[1].offset == 5)
    }

    @Test func aLongURLBreaksAfterASlashNotMidName() {
        let url = "https://bethematch.org/patients-and-families/life-after-transplant/physical-health-and-recovery/gvhd-signs-and-symptoms"
        let block = Block(.paragraph([.text("See "), .link(text: [.text("NMDP")], url: url), .text(".")]))
        for width in [30, 40, 57, 80] {
            let lines = Layout.lines(for: [block], width: width)
            let shown = lines.map(\.plainText)
            #expect(shown.allSatisfy { DisplayWidth.of($0) <= width })
            // The address reads back whole, and each line inside it ends at a break character.
            let urlLines = lines.filter { $0.spans.contains { $0.style.role == .url } }
            #expect(urlLines.map { $0.spans.filter { $0.style.role == .url }.map(\.text).joined() }.joined().contains(url))
            for line in urlLines.dropLast() {
                let last = line.spans.last { $0.style.role == .url }?.text.last
                #expect(last.map { "/-.?&=_".contains($0) } == true, "\(width): \(line.plainText)")
            }
        }
    }

    @Test func breaksWordsLongerThanTheWidth() {
        let lines = Layout.lines(for: [para("a supercalifragilistic word")], width: 8)
        #expect(texts(lines) == ["a", "supercal", "ifragili", "stic", "word"])
    }

    @Test func emphasisStrongCodeAndLinksAreStyled() {
        let block = Block(.paragraph([.text("Be "), .emphasis([.text("gentle")]), .text(" and "), .strong([.text("careful")]), .text(" with "), .code("PICC"), .text(" see "), .link(text: [.text("NMDP")], url: "https://nmdp.org")]))
        let line = Layout.lines(for: [block], width: 80)[0]
        #expect(line.plainText == "Be gentle and careful with PICC see NMDP <https://nmdp.org>")
        #expect(line.spans.contains { $0.text == "gentle" && $0.style.attributes.contains(.italic) })
        #expect(line.spans.contains { $0.text == "careful" && $0.style.attributes.contains(.bold) })
        #expect(line.spans.contains { $0.text == "PICC" && $0.style.role == .code })
        #expect(line.spans.contains { $0.text == "NMDP" && $0.style.role == .link && $0.link == "https://nmdp.org" })
        #expect(line.spans.filter { $0.style.role == .url }.map(\.text).joined() == " <https://nmdp.org>")
        // The address (not its brackets) is the hyperlink, as the text is.
        #expect(line.spans.contains { $0.text == "https://nmdp.org" && $0.style.role == .url && $0.link == "https://nmdp.org" })
        #expect(line.spans.filter { $0.link != nil }.map(\.text) == ["NMDP", "https://nmdp.org"])
    }

    @Test func linkWhoseTextIsTheURLIsShownOnce() {
        let block = Block(.paragraph([.link(text: [.text("https://a.org")], url: "https://a.org")]))
        #expect(texts(Layout.lines(for: [block], width: 80)) == ["https://a.org"])
    }

    @Test func headingsAreSetApartAndLevelOneIsRuled() {
        let blocks = [Block(.heading(level: 1, content: [.text("Engraftment")])), para("Text."), Block(.heading(level: 2, content: [.text("Next")])), para("More.")]
        let lines = Layout.lines(for: blocks, width: 40)
        #expect(texts(lines) == ["Engraftment", "═══════════", "", "Text.", "", "Next", "", "More."])
        #expect(lines[0].spans[0].style == Style(.title, [.bold]))
        #expect(lines[5].spans[0].style.role == .heading)
        #expect(lines.map(\.block) == [0, 0, 1, 1, 2, 2, 3, 3])
    }

    @Test func listsHaveHangingIndentsAndNest() {
        let nested = Block(.bulletList(items: [ListItem(blocks: [para("a sister")]), ListItem(blocks: [para("an unrelated volunteer")])]))
        let list = Block(.bulletList(items: [
            ListItem(blocks: [para("Autologous: your own cells, given back later.")]),
            ListItem(blocks: [para("Allogeneic: from a donor."), nested]),
        ]))
        let lines = Layout.lines(for: [list], width: 24)
        #expect(texts(lines) == [
            "• Autologous: your own",
            "  cells, given back",
            "  later.",
            "• Allogeneic: from a",
            "  donor.",
            "  ◦ a sister",
            "  ◦ an unrelated",
            "    volunteer",
        ])
        // Offsets follow Block.plainText: items and their blocks joined by newlines.
        let plain = list.plainText
        for line in lines {
            let start = plain.index(plain.startIndex, offsetBy: line.offset)
            let firstWord = line.plainText.drop { "•◦ ".contains($0) }.prefix(3)
            #expect(plain[start...].hasPrefix(firstWord), "line \(line.plainText) offset \(line.offset)")
        }
    }

    @Test func numberedListsAlignTheirNumbers() {
        let items = (0..<10).map { ListItem(blocks: [para("item \($0 + 1)")]) }
        let lines = Layout.lines(for: [Block(.orderedList(start: 1, items: items))], width: 40)
        #expect(lines[0].plainText == " 1. item 1")
        #expect(lines[9].plainText == "10. item 10")
    }

    @Test func blockQuotesAreBarredCallouts() {
        let quote = Block(.blockQuote([para("This lesson is education, not medical advice."), para("Ask your team.")]))
        let lines = Layout.lines(for: [quote], width: 24)
        #expect(texts(lines) == ["│ This lesson is", "│ education, not medical", "│ advice.", "│", "│ Ask your team."])
        #expect(lines[0].spans[0].style.role == .quote)
    }

    @Test func codeBlocksAreClippedNotWrapped() {
        let code = Block(.codeBlock(info: "", text: "short\na very long line of code that goes on\n"))
        let lines = Layout.lines(for: [code], width: 20)
        #expect(texts(lines) == ["  short", "  a very long line …"])
        #expect(lines[1].width == 20)
        #expect(lines.map(\.offset) == [0, 6])
        #expect(lines[0].spans.last?.style.role == .code)
    }

    @Test func thematicBreakIsARule() {
        let lines = Layout.lines(for: [para("a"), Block(.thematicBreak), para("b")], width: 10)
        #expect(texts(lines) == ["a", "", "──────────", "", "b"])
    }

    @Test func hardBreaksStartNewLines() {
        let lines = Layout.lines(for: [Block(.paragraph([.text("one"), .lineBreak, .text("two"), .softBreak, .text("three")]))], width: 40)
        #expect(texts(lines) == ["one", "two three"])
    }

    @Test func controlCharactersNeverReachTheLines() {
        let evil = "safe\u{1B}[2Jtext\u{1B}]0;title\u{07} \u{9B}31m bidi\u{202E}x\tend"
        let blocks = [para(evil), Block(.codeBlock(info: "", text: evil)), Block(.heading(level: 1, content: [.text(evil)]))]
        for line in Layout.lines(for: blocks, width: 30) {
            for scalar in line.plainText.unicodeScalars {
                #expect(!Sanitizer.isForbidden(scalar) && scalar != "\t", "forbidden \(scalar.value) in \(line.plainText)")
            }
        }
    }

    @Test func positionMapsToTheSameTextAtAnyWidth() {
        let words = (1...120).map { "word\($0)" }.joined(separator: " ")
        let blocks = [Block(.heading(level: 1, content: [.text("Title")])), para(words), para(words)]
        let wide = Layout.lines(for: blocks, width: 70)
        let narrow = Layout.lines(for: blocks, width: 30)
        let top = wide.firstIndex { $0.block == 2 && $0.offset > 0 }!
        let position = Layout.position(at: top, in: wide, visibleRows: 10)
        let firstWord = wide[top].plainText.split(separator: " ")[0]
        let narrowIndex = Layout.lineIndex(for: position, in: narrow)
        #expect(narrow[narrowIndex].block == 2)
        // The narrow line shown at the top contains the word that was at the top.
        #expect(narrow[narrowIndex].plainText.split(separator: " ").contains(firstWord))
        // And back: a position round-trips to its own line.
        #expect(Layout.lineIndex(for: Layout.position(at: 7, in: narrow, visibleRows: 10), in: narrow) == 7)
    }

    @Test func blankLinesMapToTheFollowingContent() {
        let lines = Layout.lines(for: [para("a"), para("b")], width: 10)
        #expect(Layout.lineIndex(for: ReadingPosition(block: 1, offset: 0), in: lines) == 2)
        #expect(Layout.lineIndex(for: ReadingPosition(block: 0, offset: 0), in: lines) == 0)
    }

    @Test func percentIsHundredWhenTheEndIsVisible() {
        #expect(Layout.percent(top: 0, count: 100, visibleRows: 20) == 0)
        #expect(Layout.percent(top: 40, count: 100, visibleRows: 20) == 50)
        #expect(Layout.percent(top: 80, count: 100, visibleRows: 20) == 100)
        #expect(Layout.percent(top: 0, count: 5, visibleRows: 20) == 100)
    }

    @Test func highlightMarksTheQueryCaseInsensitively() {
        let lines = Layout.lines(for: [para("GVHD and gvhd again")], width: 40, options: LayoutOptions(highlight: "gvhd"))
        let marked = lines[0].spans.filter { $0.style.role == .highlight }.map(\.text)
        #expect(marked == ["GVHD", "gvhd"])
    }

    @Test func highlightFollowsAMatchAcrossAWrap() {
        // "graft versus host" wraps after "graft"; both halves are marked.
        let lines = Layout.lines(for: [para("Doctors watch for graft versus host disease.")], width: 23, options: LayoutOptions(highlight: "GRAFT VERSUS"))
        #expect(texts(lines) == ["Doctors watch for graft", "versus host disease."])
        #expect(lines[0].spans.filter { $0.style.role == .highlight }.map(\.text) == ["graft"])
        #expect(lines[1].spans.filter { $0.style.role == .highlight }.map(\.text) == ["versus"])
        // In a block quote the continuation line starts after the quote bar.
        let quoted = Layout.lines(for: [Block(.blockQuote([para("Doctors watch for graft versus host disease.")]))], width: 25, options: LayoutOptions(highlight: "graft versus"))
        let marked = quoted.flatMap { $0.spans.filter { $0.style.role == .highlight }.map(\.text) }
        #expect(marked == ["graft", "versus"], "\(texts(quoted))")
        // Two different blocks never join into one match.
        let apart = Layout.lines(for: [para("graft"), para("versus")], width: 40, options: LayoutOptions(highlight: "graft versus"))
        #expect(apart.allSatisfy { !$0.spans.contains { $0.style.role == .highlight } })
    }

    @Test func tinyWidthsDoNotCrash() {
        let blocks = [Block(.blockQuote([Block(.bulletList(items: [ListItem(blocks: [para("some words 漢字")])]))])), Block(.codeBlock(info: "", text: "x"))]
        for width in [0, 1, 2, 3] {
            _ = Layout.lines(for: blocks, width: width)
        }
    }

    @Test func wrapHelperHangsIndents() {
        let lines = Layout.wrap("one two three four", width: 10, firstPrefix: [Span("1. ")], restPrefix: [Span("   ")])
        #expect(texts(lines) == ["1. one two", "   three", "   four"])
    }

    /// Each step of the wrap at once: spaces kept inside a line and dropped where it
    /// breaks, a long word broken over lines, hard breaks, an empty line keeping its
    /// indent, and each line's offset into the text.
    @Test func wrapStepsKeepTextAndOffsets() {
        let lines = Layout.wrap("ab  cd efghijklmn\n\nxy", width: 6, firstPrefix: [Span("- ")], restPrefix: [Span("  ")])
        #expect(texts(lines) == ["- ab", "  cd", "  efgh", "  ijkl", "  mn", "  ", "  xy"])
        #expect(lines.map(\.offset) == [0, 4, 7, 11, 15, 0, 19])
        let spaced = Layout.wrap("ab  cd", width: 8)
        #expect(texts(spaced) == ["ab  cd"])
        #expect(texts(Layout.wrap("", width: 8, firstPrefix: [Span("> ")])) == ["> "])
    }
}
