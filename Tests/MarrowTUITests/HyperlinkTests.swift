import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Source addresses in the reader are terminal hyperlinks (OSC 8) where the
/// terminal has them: the screen buffer carries each link's cells and its
/// checked address, and the backend writes those cells again inside an OSC 8
/// sequence. An address that could steer the terminal is text only.
@Suite struct HyperlinkTests {
    typealias C = AppTestCourse

    @Test func onlySafeWebAddressesAreLinked() {
        #expect(Hyperlink.target("https://nmdp.org/process") == "https://nmdp.org/process")
        #expect(Hyperlink.target("HTTP://example.org/a?b=c&d=e;f") != nil)
        #expect(Hyperlink.target("mailto:care@example.org") != nil)
        for unsafe in ["https://x.org/\u{1B}]8;;https://evil\u{1B}\\", "https://x.org/\u{07}", "https://x.org/a b",
                       "https://x.org/\u{9C}", "https://x.org/\u{0}", "https://x.org/\n", "https://例え.jp",
                       "javascript:alert(1)", "file:///etc/passwd", "https://", "", "nmdp.org",
                       "https://x.org/" + String(repeating: "a", count: 3000)] {
            #expect(Hyperlink.target(unsafe) == nil, "\(unsafe.debugDescription)")
        }
    }

    /// The reader at the end of a lesson: its source's title and address are one link.
    @Test func theReaderMarksTheSourceAddressAsALink() {
        let state = press([.enter, .character("G")], in: C.state())
        let buffer = App.render(state, size: state.size)
        let links = buffer.links.filter { $0.target == "https://nmdp.org/process" }
        #expect(!links.isEmpty)
        for link in links {
            let row = buffer.line(link.row)
            let text = String(Array(row)[link.column..<(link.column + link.width)])
            #expect("NMDP, the transplant process https://nmdp.org/process".contains(text), "\(text)")
        }
        let address = links.first { link in String(Array(buffer.line(link.row))[link.column...]).hasPrefix("https://") }
        #expect(address?.width == "https://nmdp.org/process".count)
        // Nothing else on the screen is a link but the lesson's own (NMDP, in the body).
        #expect(buffer.links.allSatisfy { $0.target.hasPrefix("https://nmdp.org") })
    }

    /// A wrapped address is linked on every line it takes.
    @Test func aWrappedAddressIsLinkedOnEachLine() {
        let url = "https://www.example.org/a/rather/long/path/to/a/page/about/transplants/and/more"
        let lesson = Lesson(meta: LessonMeta(id: "long", title: "Long", minutes: 1, sources: [SourceLink(title: "A source", url: url)]),
                            body: Document(blocks: [C.paragraph("Short.")]), quiz: [], path: "long.md", fileName: "01-long.md")
        let size = Size(columns: 40, rows: 12)
        let state = press([.enter, .character("G")], in: C.state(size: size, course: C.course(lessons: [lesson], broken: [])))
        let buffer = App.render(state, size: size)
        let rows = Set(buffer.links.filter { $0.target == url }.map(\.row))
        #expect(rows.count >= 2)
    }

    /// A source address with escapes is shown as sanitized text, never linked.
    @Test func anUnsafeAddressIsTextOnly() {
        let url = "https://x.org/\u{1B}]8;;https://evil.example\u{07}"
        let lesson = Lesson(meta: LessonMeta(id: "bad", title: "Bad", minutes: 1, sources: [SourceLink(title: "Evil", url: url)]),
                            body: Document(blocks: [C.paragraph("Short.")]), quiz: [], path: "bad.md", fileName: "01-bad.md")
        let state = press([.enter, .character("G")], in: C.state(course: C.course(lessons: [lesson], broken: [])))
        let buffer = App.render(state, size: state.size)
        #expect(buffer.links.isEmpty)
        #expect(buffer.text.contains("https://x.org/"))
        #expect(!buffer.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func cellsWrittenOverAreNoLongerALink() {
        var buffer = ScreenBuffer(size: Size(columns: 20, rows: 2))
        buffer.draw(StyledLine([Span("see "), Span("https://a.org", Style(.url), link: "https://a.org")]), row: 0, column: 0, width: 20)
        #expect(buffer.links == [ScreenBuffer.Link(row: 0, column: 4, width: 13, target: "https://a.org")])
        buffer.put("x", row: 1, column: 5)
        #expect(buffer.links.count == 1)
        buffer.put("xx", row: 0, column: 10)
        #expect(buffer.links.isEmpty)
    }

    /// The backend's bytes for a link: at its place, inside OSC 8, in its look, then reset.
    @Test func theBackendWritesTheLinkInsideOSC8() {
        var buffer = ScreenBuffer(size: Size(columns: 30, rows: 3))
        buffer.draw(StyledLine([Span("https://a.org", Style(.url), link: "https://a.org")]), row: 1, column: 2, width: 28)
        let link = buffer.links[0]
        let bytes = String(decoding: Terminal.linkBytes(link, target: link.target, in: buffer, theme: Theme(palette: .monochrome)), as: UTF8.self)
        #expect(bytes.hasPrefix("\u{1B}[2;3H\u{1B}]8;;https://a.org\u{1B}\\\u{1B}[0"))
        #expect(bytes.contains("mhttps://a.org\u{1B}[0m"))
        #expect(bytes.hasSuffix("\u{1B}[0m\u{1B}]8;;\u{1B}\\"))
        let plain = String(decoding: Terminal.linkBytes(link, target: nil, in: buffer, theme: Theme(palette: .monochrome)), as: UTF8.self)
        #expect(!plain.contains("]8;;"))
    }

    @Test func sgrFollowsTheLook() {
        #expect(Terminal.sgr(Look()) == "\u{1B}[0m")
        #expect(Terminal.sgr(Look(foreground: 4, attributes: [.bold, .underline])) == "\u{1B}[0;1;4;34m")
        #expect(Terminal.sgr(Look(foreground: 9, background: 236, attributes: [.reverse])) == "\u{1B}[0;7;91;48;5;236m")
    }

    @Test func hyperlinksAreOnUnlessTheTerminalOrTheLearnerSaysNo() {
        #expect(Terminal.hyperlinksWanted(term: "xterm-256color", setting: nil))
        #expect(Terminal.hyperlinksWanted(term: "tmux-256color", setting: ""))
        #expect(!Terminal.hyperlinksWanted(term: "xterm-256color", setting: "0"))
        #expect(!Terminal.hyperlinksWanted(term: "xterm", setting: "off"))
        for plain in ["linux", "dumb", "vt100", "vt220", "ansi", "", nil] as [String?] {
            #expect(!Terminal.hyperlinksWanted(term: plain, setting: nil), "\(plain ?? "nil")")
        }
        #expect(Terminal.hyperlinksWanted(term: "linux", setting: "1"))
    }
}
