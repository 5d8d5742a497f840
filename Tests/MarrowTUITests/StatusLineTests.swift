import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The status line drops hints whole when they do not fit, what the screen
/// already says first, and never cuts one in half; at 40 columns the quiz
/// keeps Enter and `u` (undo, named nowhere else) in view.
@Suite struct StatusLineTests {
    typealias F = QuizTestCourse

    func bar(_ quiz: QuizScreen, context: AppContext) -> String {
        var line = F.render(quiz, context: context).line(context.screenArea.height)
        while line.last == " " { line.removeLast() }
        return line
    }

    @Test func fittingDropsWholeHintsInTheScreensOrderThenFromTheEnd() {
        let keys = [KeyHelp("1–3 ↑↓", "choose"), KeyHelp("Enter", "answer"), KeyHelp("u", "undo last"), KeyHelp("q", "leave"), KeyHelp("?", "help")]
        #expect(StatusLine.fitting(keys, room: 80) == keys)
        // 38 columns: "choose" (said above the choices) goes first, then "q leave".
        #expect(StatusLine.fitting(keys, dropOrder: [keys[0], keys[3]], room: 38) == [keys[1], keys[2], keys[4]])
        // Without an order, from the end; "? help" stays, last.
        #expect(StatusLine.fitting(keys, room: 38) == [keys[0], keys[1], keys[4]])
        #expect(StatusLine.fitting(keys, room: 3) == [keys[4]])
    }

    /// Every screen of the app at 80×24 and 40×12: the status line is its hints
    /// that fit, each whole ("keys action"), two spaces apart.
    @Test func noScreenCutsAHintInHalf() {
        for (name, state) in KeymapTests.scenarios() {
            let buffer = App.render(state, size: state.size)
            let line = buffer.line(state.size.rows - 1)
            let top = state.top
            let room = StatusLine.room(width: state.size.columns, title: top.title)
            let shown = StatusLine.fitting(top.statusKeys, dropOrder: top.statusDropOrder, room: room - 1)
            let expected = " " + shown.map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
            #expect(line.hasPrefix(expected), "\(name): \(line)")
            let after = line.dropFirst(expected.count).prefix(max(0, room - expected.count))
            #expect(after.allSatisfy { $0 == " " }, "\(name): a hint was cut: \(line)")
        }
    }

    @Test func at40ColumnsTheQuizKeepsEnterAndUndo() {
        var context = F.context(columns: 40, rows: 12)
        var quiz = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context)
        #expect(bar(quiz, context: context) == "Enter answer  q leave  ? help")
        for key in [Key.character("2"), .enter] { _ = quiz.update(key, context: &context) }
        #expect(quiz.phase == .feedback)
        #expect(bar(quiz, context: context) == "Enter next  u undo  q leave  ? help")
        while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
        // The next question, right after an answer: undo is there, whole.
        #expect(bar(quiz, context: context) == "Enter submit  u undo last  ? help")
        #expect(quiz.statusKeys.contains(KeyHelp("u", "undo last")))
        // At 80 columns every hint fits.
        var wide = F.context(columns: 80, rows: 24)
        var same = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &wide)
        for key in [Key.character("2"), .enter, .enter] { _ = same.update(key, context: &wide) }
        #expect(bar(same, context: wide) == "space tick  Enter submit  u undo last  q leave  ? help")
    }

    @Test func at40ColumnsTheSummaryKeepsUndo() {
        var context = F.context(columns: 40, rows: 12)
        var quiz = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context)
        for key in [Key.character("1"), .enter, .enter, .character("1"), .enter, .enter, .character("f"), .enter] {
            if key == .enter, quiz.phase == .feedback {
                while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
            } else {
                _ = quiz.update(key, context: &context)
            }
        }
        while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
        #expect(quiz.phase == .summary)
        #expect(bar(quiz, context: context) == "r retry missed  u undo last  ? help")
    }
}
