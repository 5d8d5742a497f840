import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Figures in the reader (drawn and centered when they fit, described when not), in
/// `marrow read` and in the plain quiz (always described).
@Suite struct FigureLayoutTests {
    /// A 40-column drawing with box-drawing, block and double-width characters, and an escape to strip.
    static let figure = Figure(
        caption: "Three boxes",
        drawing: [
            "┌──────────┐ ┌──────────┐ ┌──────────┐",
            "│ marrow   │ │ blood ██ │ │ 臍帯血   │\u{1B}[2J",
            "└──────────┘ └──────────┘ └──────────┘   ▶",
        ],
        altText: "Three boxes side by side: marrow, blood and cord blood.")

    static let lesson = Lesson(
        meta: LessonMeta(id: "sources", title: "Where cells come from", minutes: 2, reviewed: "2026-12-03"),
        body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("Where cells come from")])),
            Block(.paragraph([.text("There are three sources.")])),
            Block(.figure(figure)),
            Block(.paragraph([.text("The end.")])),
        ]),
        quiz: [
            Question(id: "q-box", lessonID: "sources", prompt: [.text("Which box is in the middle?")],
                     choices: [Choice(text: [.text("Blood")], isCorrect: true), Choice(text: [.text("Marrow")], isCorrect: false)],
                     explanation: [Block(.paragraph([.text("Blood is in the middle.")]))], kind: .single,
                     scenario: [Block(.figure(figure))]),
        ])

    private func text(_ lines: [StyledLine]) -> [String] { lines.map(\.plainText) }

    @Test func aFigureThatFitsIsDrawnWholeAndCenteredUnderItsCaption() {
        #expect(Self.figure.width == 42)
        let lines = Layout.lines(for: [Block(.figure(Self.figure))], width: 76)
        // (76 - 42) / 2 = 17 columns before every row, so the shapes stay true.
        let pad = String(repeating: " ", count: 17)
        #expect(text(lines) == [
            pad + "Figure: Three boxes",
            pad + "┌──────────┐ ┌──────────┐ ┌──────────┐",
            pad + "│ marrow   │ │ blood ██ │ │ 臍帯血   │[2J",
            pad + "└──────────┘ └──────────┘ └──────────┘   ▶",
        ])
        #expect(lines[0].spans.last?.style == Style(.strong, [.bold]))
        #expect(!lines.contains { $0.plainText.unicodeScalars.contains { $0.value == 0x1B } })
        #expect(lines.allSatisfy { $0.width <= 76 })
    }

    @Test func aFigureWiderThanTheRoomIsDescribedWithTheColumnsItNeeds() {
        let lines = Layout.lines(for: [Block(.figure(Self.figure))], width: 36, options: LayoutOptions(screenMargin: 4))
        #expect(text(lines) == [
            "Figure: Three boxes (figure needs 46",
            "columns)",
            "Three boxes side by side: marrow,",
            "blood and cord blood.",
        ])
        #expect(lines[1].spans.map(\.style) == [Style(.dim)])
        // One column short is too narrow; exactly enough draws it.
        #expect(text(Layout.lines(for: [Block(.figure(Self.figure))], width: 41)).joined(separator: " ").contains("(figure needs 42 columns)"))
        #expect(text(Layout.lines(for: [Block(.figure(Self.figure))], width: 42))[1] == "┌──────────┐ ┌──────────┐ ┌──────────┐")
    }

    @Test func describedFiguresNeverShowTheDrawing() {
        let lines = Layout.lines(for: [Block(.figure(Self.figure))], width: 100, options: LayoutOptions(describeFigures: true))
        #expect(text(lines) == ["Figure: Three boxes", "Three boxes side by side: marrow, blood and cord blood."])
    }

    @Test func marrowReadGivesTheAltTextInsteadOfTheDrawing() {
        let text = PlainText.render(lesson: Self.lesson, width: 60)
        #expect(text.contains("""
            There are three sources.

            Figure: Three boxes
            Three boxes side by side: marrow, blood and cord blood.

            The end.
            """))
        // The question's story holds the figure too: described, indented with the question.
        #expect(text.contains("""
            1. Which box is in the middle?

               Figure: Three boxes
               Three boxes side by side: marrow, blood and cord blood.

               ( ) Blood
            """))
        #expect(!text.contains("┌"))
        #expect(!text.contains("needs"))
    }

    @Test(arguments: AppSnapshotTests.sizes) func theReaderDrawsOrDescribesTheFigure(size: Size) {
        let course = AppTestCourse.course(lessons: [Self.lesson], broken: [])
        let state = press([.enter], in: AppTestCourse.state(size: size, course: course))
        #expect(state.top is ReaderScreen)
        let buffer = App.render(state, size: size)
        assertSnapshot(buffer, named: AppSnapshotTests.name("reader-figure", size))
        if size.columns >= 80 {
            #expect(buffer.text.contains("┌──────────┐ ┌──────────┐ ┌──────────┐"))
        } else {
            #expect(!buffer.text.contains("┌"))
            #expect(buffer.text.contains("figure needs 46"))
        }
    }
}
