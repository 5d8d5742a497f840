import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Order, match and typed questions outside the quiz's own asking: the mistakes list (the
/// last wrong answer marked item by item), the question opened from search (the right
/// order, the pairs, the accepted answers), and the mouse in the quiz (click a step then
/// the step to swap it with; click a left item then its partner).
@Suite struct PuzzleAnswerScreenTests {
    typealias Z = QuizPuzzleScreenTests
    static let sizes = [(80, 24), (40, 12)]

    static func record(_ id: String, _ chosen: [Int], typed: String? = nil, minute: Double) -> AnswerRecord {
        AnswerRecord(course: "hsct", lesson: "journey", question: id, chosen: chosen, correct: false,
                     time: QuizTestCourse.now.addingTimeInterval(minute * 60), attempt: "a1", attemptTotal: 3, fullQuiz: true, typed: typed)
    }

    /// One wrong answer of each kind: two steps swapped, two partners swapped, a word cut short.
    static let history = [
        record("p-order", [1, 0, 2, 3], minute: 0),
        record("p-match", [0, 2, 1], minute: 1),
        record("p-typed", [], typed: "engraft", minute: 2),
    ]

    static func mistakes() -> MistakesScreen {
        MistakesScreen(scope: .quiz(questionIDs: ["p-order", "p-match", "p-typed"]), history: history)
    }

    static func text(_ lines: [StyledLine]) -> String {
        lines.map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
    }

    @Test func mistakesShowTheLastWrongAnswerItemByItem() {
        let context = Z.context()
        let text = Self.text(Self.mistakes().lines(context: context, width: 76))
        #expect(text.contains("2 of 4 steps in place. The right order:"), "\(text)")
        #expect(text.contains("✗ 1. Tests to check the body is ready (you put it second)"))
        #expect(text.contains("✗ 2. Conditioning with chemotherapy (you put it first)"))
        #expect(text.contains("✓ 3. Infusion of the donor's stem cells"))
        #expect(text.contains("1 of 3 pairs right."))
        #expect(text.contains("✓ Autologous → the patient's own cells"))
        #expect(text.contains("✗ Allogeneic → cells from an identical twin (right: cells from a donor)"))
        #expect(text.contains("You typed: engraft"))
        #expect(text.contains("The answer: engraftment"))
        #expect(text.contains("Also accepted: graft take"))
        #expect(text.contains("Auto means self, allo other, syn same."))
    }

    /// Missed, but the wrong answer is not in the log (another device's log, say): the right answer alone.
    @Test func mistakesWithoutTheWrongAnswerShowTheRightOne() {
        let context = Z.context()
        let screen = MistakesScreen(scope: .quiz(questionIDs: ["p-order", "p-match", "p-typed"]), history: [])
        let text = Self.text(screen.lines(context: context, width: 76))
        #expect(text.contains("The right order, first to last:\n     1. Tests to check the body is ready\n     2. Conditioning"), "\(text)")
        #expect(text.contains("The right pairs:\n     Autologous → the patient's own cells\n     Allogeneic → cells from a donor"))
        #expect(text.contains("The answer: engraftment\n   Also accepted: graft take"))
        #expect(!text.contains("You typed"))
    }

    /// A typed answer logged before `typed` was kept: no empty "You typed:" line.
    @Test func anOldTypedAnswerSaysOnlyTheAnswer() {
        let context = Z.context()
        let screen = MistakesScreen(scope: .quiz(questionIDs: ["p-typed"]), history: [Self.record("p-typed", [], minute: 0)])
        let text = Self.text(screen.lines(context: context, width: 76))
        #expect(!text.contains("You typed"), "\(text)")
        #expect(text.contains("The answer: engraftment"))
    }

    @Test func mistakesSnapshots() {
        for (columns, rows) in Self.sizes {
            let context = Z.context(columns: columns, rows: rows)
            assertSnapshot(QuizTestCourse.render(Self.mistakes(), context: context), named: "mistakes-puzzles-\(columns)x\(rows)")
            // Further down at 40×12: the match question's pairs.
            var screen = Self.mistakes()
            var copy = context
            for _ in 0..<2 { _ = screen.update(.pageDown, context: &copy) }
            assertSnapshot(QuizTestCourse.render(screen, context: context), named: "mistakes-puzzles-page3-\(columns)x\(rows)")
        }
    }

    @Test func questionScreenShowsTheAnswerOfEachKind() {
        for (id, name) in [("p-order", "order"), ("p-match", "match"), ("p-typed", "typed")] {
            for (columns, rows) in Self.sizes {
                let context = Z.context(columns: columns, rows: rows)
                let screen = QuestionScreen(lessonID: "journey", questionID: id, course: context.course)
                assertSnapshot(QuizTestCourse.render(screen, context: context), named: "question-\(name)-\(columns)x\(rows)")
            }
            // At 40×12 the answer is a page down.
            var context = Z.context(columns: 40, rows: 12)
            var screen = QuestionScreen(lessonID: "journey", questionID: id, course: context.course)
            _ = screen.update(.character(" "), context: &context)
            assertSnapshot(QuizTestCourse.render(screen, context: context), named: "question-\(name)-page2-40x12")
        }
        let context = Z.context(columns: 80, rows: 60)
        let order = QuizTestCourse.render(QuestionScreen(lessonID: "journey", questionID: "p-order", course: context.course), context: context).text
        #expect(order.contains("The right order, first to last:\n    1. Tests to check the body is ready\n    2. Conditioning with chemotherapy\n    3. Infusion"), "\(order)")
        let match = QuizTestCourse.render(QuestionScreen(lessonID: "journey", questionID: "p-match", course: context.course), context: context).text
        #expect(match.contains("The right pairs:\n    Autologous → the patient's own cells\n    Allogeneic → cells from a donor\n    Syngeneic → cells from an identical twin"), "\(match)")
        let typed = QuizTestCourse.render(QuestionScreen(lessonID: "journey", questionID: "p-typed", course: context.course), context: context).text
        #expect(typed.contains("The answer: engraftment\n  Also accepted: graft take"), "\(typed)")
    }

    // MARK: In the app: search and the mouse

    static func state(size: Size = Size(columns: 80, rows: 24)) -> AppState {
        AppTestCourse.state(size: size, course: AppTestCourse.course(lessons: [Z.lesson], broken: []))
    }

    @Test func searchFindsAStepAndOpensTheQuestionWithItsAnswer() throws {
        var state = press("/", in: Self.state())
        state = press("chemotherapy", in: state)
        let search = try #require(top(state, as: SearchScreen.self))
        #expect(search.results.map(\.location) == [.quiz(questionID: "p-order")])
        // The hit line lists the steps sorted, not in their right order.
        #expect(search.results[0].snippet.contains("Conditioning with chemotherapy · Engraftment: the new cells start making blood · Infusion"))
        state = press([.enter], in: state)
        if state.top is SearchScreen { state = press([.down, .enter], in: state) }
        let question = try #require(top(state, as: QuestionScreen.self))
        #expect(question.questionID == "p-order")
        #expect(App.render(state, size: state.size).text.contains("The right order, first to last:"))
        #expect(state.context.effects.allSatisfy { if case .recordAnswer = $0 { false } else { true } })
    }

    static func click(target: Int, in state: AppState) throws -> AppState {
        let buffer = App.render(state, size: state.size)
        let row = try #require(buffer.targets.firstRow(of: target), "no row for target \(target):\n\(buffer.text)")
        return App.update(state, .mouse(Mouse(.click, row: row, column: 10)))
    }

    static func quiz(_ state: AppState) -> QuizScreen? { state.top as? QuizScreen }

    static func orderView(_ state: AppState) -> OrderQuestionView? {
        if case .order(let view)? = quiz(state)?.puzzle { return view }
        return nil
    }

    static func matchView(_ state: AppState) -> MatchQuestionView? {
        if case .match(let view)? = quiz(state)?.puzzle { return view }
        return nil
    }

    static var recorded: (AppState) -> [AnswerRecord] {
        { state in state.context.effects.compactMap { if case .recordAnswer(let r) = $0 { r } else { nil } } }
    }

    /// A click picks a step up (and says how to go on), a click on another step swaps the two,
    /// a click on the picked step puts it down; nothing is answered until Enter.
    @Test func orderByClickToSwap() throws {
        var state = press("t", in: Self.state())
        let start = try #require(Self.orderView(state))
        state = try Self.click(target: 2, in: state)
        #expect(Self.orderView(state)?.focus == 2 && Self.orderView(state)?.clicked == 2)
        #expect(App.render(state, size: state.size).text.contains("Step 3 picked up: click the step to swap it with"))
        state = try Self.click(target: 0, in: state)
        var swapped = start.arrangement
        swapped.swapAt(0, 2)
        #expect(Self.orderView(state)?.arrangement == swapped)
        #expect(Self.orderView(state)?.focus == 0 && Self.orderView(state)?.clicked == nil)
        // Picked up and put down again: nothing moves.
        state = try Self.click(target: 1, in: state)
        state = try Self.click(target: 1, in: state)
        #expect(Self.orderView(state)?.arrangement == swapped && Self.orderView(state)?.clicked == nil)
        #expect(Self.recorded(state).isEmpty)
        // Into the right order by clicks alone, then Enter.
        let order = try #require(Self.quiz(state)).session.choiceOrders[0]
        for place in 0..<4 {
            let arrangement = try #require(Self.orderView(state)).arrangement
            let row = try #require(arrangement.firstIndex { order[$0] == place })
            if row != place {
                state = try Self.click(target: row, in: state)
                state = try Self.click(target: place, in: state)
            }
        }
        state = press([.enter], in: state)
        #expect(Self.quiz(state)?.phase == .feedback)
        #expect(Self.recorded(state).map(\.chosen) == [[0, 1, 2, 3]] && Self.recorded(state).first?.correct == true)
    }

    /// The wheel (↑/↓ to the screen) moves the focus, not the step a click picked up: at
    /// 40×12 the learner scrolls to find the step to swap with, and nothing is carried along.
    @Test func theWheelDoesNotCarryAClickedStep() throws {
        var state = press("t", in: Self.state(size: Size(columns: 40, rows: 12)))
        let start = try #require(Self.orderView(state)).arrangement
        state = try Self.click(target: 0, in: state)
        #expect(Self.orderView(state)?.clicked == 0)
        #expect(App.render(state, size: state.size).text.contains("↕ 1."))
        state = App.update(state, .mouse(Mouse(.wheelDown, row: 5, column: 5)))
        #expect(Self.orderView(state)?.arrangement == start)
        #expect(Self.orderView(state)?.focus == 3 && Self.orderView(state)?.clicked == 0)
        state = try Self.click(target: 3, in: state)
        var swapped = start
        swapped.swapAt(0, 3)
        #expect(Self.orderView(state)?.arrangement == swapped && Self.orderView(state)?.clicked == nil)
        // A key other than ↑/↓ lets the click's pick go.
        state = try Self.click(target: 1, in: state)
        state = press("2", in: state)
        #expect(Self.orderView(state)?.clicked == nil)
        state = try Self.click(target: 0, in: state)
        #expect(Self.orderView(state)?.arrangement == swapped && Self.orderView(state)?.clicked == 0)
    }

    /// A click on a left item picks it; a click on a partner pairs them; Enter submits.
    @Test func matchByClickingALeftItemThenItsPartner() throws {
        var state = press("t", in: Self.state(size: Size(columns: 80, rows: 30)))
        for key in Z.rightKeys(try #require(Self.quiz(state))) { state = press([key], in: state) }
        state = press([.enter], in: state)
        #expect(Self.matchView(state) != nil)
        let session = try #require(Self.quiz(state)).session
        // Left item 3, then the partner shown for it: paired, and the first unpaired item is next.
        state = try Self.click(target: 2, in: state)
        #expect(Self.matchView(state)?.focus == 2)
        let twin = session.displayedIndex(ofQuestion: 1, written: 2)
        state = try Self.click(target: 3 + twin, in: state)
        #expect(Self.matchView(state)?.partner == [nil, nil, twin])
        #expect(Self.matchView(state)?.focus == 0)
        #expect(App.render(state, size: state.size).text.contains("(paired)"))
        for left in 0..<2 {
            state = try Self.click(target: left, in: state)
            state = try Self.click(target: 3 + session.displayedIndex(ofQuestion: 1, written: left), in: state)
        }
        #expect(Self.recorded(state).count == 1)
        state = press([.enter], in: state)
        #expect(Self.quiz(state)?.phase == .feedback)
        #expect(Self.recorded(state).last?.question == "p-match" && Self.recorded(state).last?.chosen == [0, 1, 2])
        #expect(Self.recorded(state).last?.correct == true)
    }

    /// At 40 columns the status line (which drops keys from the end) still says how to submit.
    @Test func theStatusLineKeepsEnterAt40Columns() throws {
        let size = Size(columns: 40, rows: 12)
        var state = press("t", in: Self.state(size: size))
        var lines: [String] = []
        for _ in 0..<3 {
            lines.append(String(App.render(state, size: size).text.split(separator: "\n", omittingEmptySubsequences: false)[size.rows - 1]))
            for key in Z.rightKeys(try #require(Self.quiz(state))) { state = press([key], in: state) }
            while Self.quiz(state)?.phase == .feedback { state = press([.enter], in: state) }
        }
        // The keys the question's own text explains (↑↓, a–c) give way first.
        for line in lines {
            #expect(line.hasPrefix(" Enter submit") && line.hasSuffix("? help"), "\(line)")
        }
    }

    /// At 40×12 an order question opens at its first line (its prompt cut off at the top
    /// before); the first key scrolls to the focused step, as it moves.
    @Test func anOrderQuestionOpensAtItsPromptAt40Columns() throws {
        let size = Size(columns: 40, rows: 12)
        var lesson = Z.lesson
        lesson.quiz[0].prompt = [.text("Amara's team walks her through the plan for her donor transplant. Put these steps in the order they happen, first to last.")]
        var state = AppTestCourse.state(size: size, course: AppTestCourse.course(lessons: [lesson], broken: []))
        state = press("t", in: state)
        var text = App.render(state, size: size).text
        #expect(text.contains("Amara's team walks her"), "\(text)")
        state = press([.down], in: state)
        text = App.render(state, size: size).text
        #expect(text.contains("▸ 2."), "\(text)")
    }

    /// The text field takes no clicks: a click answers nothing and types nothing.
    @Test func aClickOnTheTypedQuestionDoesNothing() throws {
        var state = press("t", in: Self.state())
        for _ in 0..<2 {
            for key in Z.rightKeys(try #require(Self.quiz(state))) { state = press([key], in: state) }
            state = press([.enter], in: state)
        }
        #expect(Self.quiz(state)?.puzzle?.takesText == true)
        #expect(App.render(state, size: state.size).targets.isEmpty)
        let clicked = App.update(state, .mouse(Mouse(.click, row: 8, column: 4)))
        #expect(Self.quiz(clicked)?.puzzle == Self.quiz(state)?.puzzle)
    }
}
