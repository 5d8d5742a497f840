import Foundation
import Testing
@testable import MarrowCore

/// Figures: a ```figure fence (caption line, then the drawing) and the "Alt text:"
/// paragraph after it, with their errors at file:line:column.
@Suite struct FigureTests {
    private func convert(_ text: String, lineOffset: Int = 0) -> (document: Document, diagnostics: [Diagnostic]) {
        MarkdownConverter.convert(Array(text.utf8)[...], lineOffset: lineOffset, path: "l.md")
    }

    @Test func aFigureTakesItsCaptionDrawingAndAltText() {
        let text = """
            Before.

            ```figure
            Day by day
            ┌──┐ 漢字
            └──┘   \u{1B}[2J

            ```

            *Alt text:* Two boxes,
            one above the other.

            After.
            """
        let (document, diagnostics) = convert(text, lineOffset: 4)
        // Control characters are stripped when drawn, and flagged like anywhere else.
        #expect(diagnostics.map(\.description) == ["l.md:7:1: warning: this block holds U+001B, a terminal control character: it is not shown"])
        let figure = Figure(caption: "Day by day", drawing: ["┌──┐ 漢字", "└──┘   \u{1B}[2J"], altText: "Two boxes, one above the other.")
        #expect(document.blocks == [
            Block(.paragraph([.text("Before.")]), line: 5, column: 1),
            Block(.figure(figure), line: 7, column: 1),
            Block(.paragraph([.text("After.")]), line: 17, column: 1),
        ])
        // Wide characters count two columns; the escape sequence none once cleaned ("[2J" stays, 3 columns).
        #expect(figure.width == 10)
        #expect(Block(.figure(figure)).plainText == "Day by day\nTwo boxes, one above the other.")
    }

    @Test func aFigureWithoutAltTextIsAnErrorAtItsFence() {
        let text = """
            Intro.

              ```figure   wide
            Caption
            ##
            ```

            Just a paragraph.
            """
        let diagnostics = convert(text, lineOffset: 10).diagnostics
        #expect(diagnostics.map(\.description) == [
            "l.md:13:3: error: the figure has no alt text: follow it with a paragraph starting 'Alt text:' that says in words what it shows",
        ])
        let atEnd = convert("```figure\nCaption\n##\n```\n").diagnostics
        #expect(atEnd.map(\.description) == [
            "l.md:1:1: error: the figure has no alt text: follow it with a paragraph starting 'Alt text:' that says in words what it shows",
        ])
        let empty = convert("```figure\nCaption\n##\n```\n\nAlt text:\n").diagnostics
        #expect(empty.map(\.description) == ["l.md:6:1: error: the figure's alt text is empty: say in words what the drawing shows"])
    }

    @Test func aFigureWiderThan76ColumnsIsAnErrorAtItsWidestLine() {
        let fits = String(repeating: "─", count: 76)
        let wide = String(repeating: "漢", count: 39)
        let text = "```figure\nCaption\n\n\(fits)\n\(wide)\n```\n\nAlt text: a line.\n"
        let diagnostics = convert(text).diagnostics
        #expect(diagnostics.map(\.description) == [
            "l.md:5:1: error: the figure is 78 columns wide: a figure may be at most 76 columns so it fits an 80-column terminal",
        ])
        #expect(convert("```figure\nCaption\n\(fits)   \n```\n\nAlt text: a line.\n").diagnostics == [])
    }

    @Test func aFigureNeedsACaptionAndADrawing() {
        #expect(convert("```figure\n\n##\n```\n\nAlt text: x\n").diagnostics.map(\.description) == [
            "l.md:1:1: error: the figure has no caption: its first line says what it shows",
        ])
        #expect(convert("```figure\nCaption only\n```\n\nAlt text: x\n").diagnostics.map(\.description) == [
            "l.md:1:1: error: the figure has no drawing: put it after the caption line",
        ])
    }

    @Test func otherFencesStayCodeAndALessonWithABadFigureIsBroken() throws {
        #expect(convert("```figures\nx\n```\n").document.blocks == [Block(.codeBlock(info: "figures", text: "x"), line: 1, column: 1)])
        // In a quiz, a figure may be part of a question's story.
        let quizLesson = LoadingFixtures.frontMatter + """
            Text.

            ## Quiz

            ### Which box? {#f-box}

            ```figure
            Boxes
            [A] [B]
            ```

            Alt text: box A on the left, box B on the right.

            - [x] A
            - [ ] B

            > A is on the left.
            """
        let load = LoadingFixtures.lesson(quizLesson, path: "f.md")
        let question = try #require(load.lesson?.quiz.first)
        #expect(question.scenario.map(\.kind) == [.figure(Figure(caption: "Boxes", drawing: ["[A] [B]"], altText: "box A on the left, box B on the right."))])
        let broken = LoadingFixtures.lesson(quizLesson.replacingOccurrences(of: "Alt text: box A on the left, box B on the right.", with: "Box A is left."), path: "f.md")
        #expect(broken.lesson == nil)
        #expect(broken.diagnostics.contains { $0.description == "f.md:\(LoadingFixtures.bodyFirstLine + 6):1: error: the figure has no alt text: follow it with a paragraph starting 'Alt text:' that says in words what it shows" })
    }
}
