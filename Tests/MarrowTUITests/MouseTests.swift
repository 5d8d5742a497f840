import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The mouse: a click on a lesson row selects it and a second click opens it;
/// a click on a choice focuses it and a second click answers; the wheel scrolls.
/// Hit-testing is the screen's own render (`ScreenBuffer.targets`).
@Suite struct MouseTests {
    static func click(_ row: Int, in state: AppState) -> AppState {
        App.update(state, .mouse(Mouse(.click, row: row, column: 10)))
    }

    /// The row a text is drawn on.
    static func row(of text: String, in state: AppState) -> Int? {
        let buffer = App.render(state, size: state.size)
        return (0..<state.size.rows).first { buffer.line($0).contains(text) }
    }

    @Test func clickingALessonRowSelectsItThenOpensIt() throws {
        for size in [Size(columns: 80, rows: 24), Size(columns: 40, rows: 12)] {
            let map = AppTestCourse.state(size: size)
            let row = try #require(Self.row(of: "造血", in: map), "\(App.render(map, size: size).text)")
            let selected = Self.click(row, in: map)
            #expect(selected.top is CourseMapScreen)
            #expect(App.render(selected, size: size).cursor?.row == row)
            let opened = Self.click(row, in: selected)
            #expect((opened.top as? ReaderScreen)?.lessonID == "nihongo")
            // A click where nothing is drawn does nothing.
            #expect(Self.click(0, in: map) == map)
        }
    }

    @Test func clickingAChoiceFocusesItAndASecondClickAnswers() throws {
        let asking = press("t", in: AppTestCourse.state())
        let quiz = try #require(asking.top as? QuizScreen)
        #expect(quiz.phase == .asking)
        let buffer = App.render(asking, size: asking.size)
        let second = try #require(buffer.targets.firstRow(of: 1))
        let focused = Self.click(second, in: asking)
        #expect((focused.top as? QuizScreen)?.focus == 1)
        #expect((focused.top as? QuizScreen)?.phase == .asking)
        #expect(!focused.context.effects.contains { if case .recordAnswer = $0 { true } else { false } })
        let answered = Self.click(second, in: focused)
        #expect((answered.top as? QuizScreen)?.phase == .feedback)
        #expect(answered.context.effects.contains { if case .recordAnswer = $0 { true } else { false } })
        // Keys work as before alongside.
        #expect(press([.enter], in: focused).context.effects == answered.context.effects)
    }

    @Test func theWheelScrollsTheReaderAndTheLists() throws {
        let reader = press([.enter], in: AppTestCourse.state(size: Size(columns: 40, rows: 12)))
        let down = App.update(reader, .mouse(Mouse(.wheelDown, row: 5, column: 5)))
        #expect((down.top as? ReaderScreen)?.topLine == ((reader.top as? ReaderScreen)?.topLine ?? 0) + App.wheelLines)
        let up = App.update(down, .mouse(Mouse(.wheelUp, row: 5, column: 5)))
        #expect((up.top as? ReaderScreen)?.topLine == (reader.top as? ReaderScreen)?.topLine)
        let map = AppTestCourse.state()
        let moved = App.update(map, .mouse(Mouse(.wheelDown, row: 5, column: 5)))
        #expect((moved.top as? CourseMapScreen)?.selection ?? 0 > 0)
    }
}

/// The ncurses shim's mouse codes, decoded.
@Suite struct MouseDecodingTests {
    @Test func shimCodesBecomeMouseEvents() {
        #expect(KeyDecoder.decode(mouse: 1, row: 4, column: 7) == .mouse(Mouse(.click, row: 4, column: 7)))
        #expect(KeyDecoder.decode(mouse: 2, row: 0, column: 0) == .mouse(Mouse(.wheelUp, row: 0, column: 0)))
        #expect(KeyDecoder.decode(mouse: 3, row: 1, column: 1) == .mouse(Mouse(.wheelDown, row: 1, column: 1)))
        #expect(KeyDecoder.decode(mouse: 0, row: 1, column: 1) == nil)
    }
}
