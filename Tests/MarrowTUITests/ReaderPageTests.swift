import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// How the reader fills a page: the title once, and no heading left alone at the
/// bottom of a page.
@Suite struct ReaderPageTests {
    @Test func theTitleShowsOnceInTheHeaderNotAgainUnderlined() {
        let state = press([.enter], in: AppTestCourse.state())
        let buffer = App.render(state, size: state.size)
        #expect(buffer.line(0).contains("1. The transplant journey"))
        let body = (2..<buffer.size.rows).map { buffer.line($0) }.joined(separator: "\n")
        #expect(!body.contains("The transplant journey"))
        #expect(!body.contains("═"))
        // The text starts on the first body row.
        #expect(buffer.line(2).hasPrefix("  A transplant has several steps"))
    }

    @Test func aHeadingIsNeverTheLastLineOfAPageAndEveryLineIsShown() {
        for size in [Size(columns: 80, rows: 24), Size(columns: 40, rows: 12), Size(columns: 60, rows: 15), Size(columns: 50, rows: 10),
                     Size(columns: 80, rows: 13), Size(columns: 100, rows: 19)] {
            var state = press([.enter], in: AppTestCourse.state(size: size))
            var seen = Set<String>()
            var pages = 0
            while true {
                let reader = state.top as! ReaderScreen
                let buffer = App.render(state, size: size)
                var last = buffer.size.rows - 2
                while last > 2, buffer.line(last).allSatisfy({ $0 == " " }) { last -= 1 }
                let atEnd = buffer.text.contains("End of lesson")
                let start = buffer.line(last).firstIndex { $0 != " " }.map { buffer.line(last).distance(from: buffer.line(last).startIndex, to: $0) } ?? 0
                let cell = buffer[last, start]
                #expect(atEnd || !([.heading, .subheading, .title].contains(cell.style.role) && cell.style.attributes.contains(.bold)),
                        "page \(pages) at \(size) ends with the heading “\(buffer.line(last))”")
                for row in 2..<(buffer.size.rows - 1) { seen.insert(buffer.line(row).trimmingCharacters(in: .whitespaces)) }
                if atEnd { break }
                state = press([.character(" ")], in: state)
                #expect((state.top as! ReaderScreen).topLine > reader.topLine)
                pages += 1
                if pages > 200 { Issue.record("no end at \(size)"); break }
            }
            for heading in ["Before", "The day of the transplant", "After", "Later", "Sources"] {
                #expect(seen.contains(heading), "“\(heading)” never shown at \(size)")
            }
        }
    }

    @Test func shownRowsHoldsBackATrailingHeadingOnly() {
        let text = StyledLine([Span("text")])
        let heading = StyledLine([Span("Heading", Style(.heading, .bold))])
        let blank = StyledLine()
        // heading + blank at the bottom, text after: held back.
        #expect(ReaderScreen.shownRows(top: 0, lines: [text, text, text, blank, heading, blank, text], height: 6) == 3)
        // The same at the end of the lesson: nothing follows, all shown.
        #expect(ReaderScreen.shownRows(top: 0, lines: [text, text, text, blank, heading, blank], height: 6) == 6)
        // A page that is mostly headings is not emptied.
        #expect(ReaderScreen.shownRows(top: 0, lines: [text, heading, blank, heading, blank, heading, text], height: 6) == 6)
        #expect(ReaderScreen.shownRows(top: 0, lines: [text, text, text, text, text, text, text], height: 6) == 6)
    }
}
