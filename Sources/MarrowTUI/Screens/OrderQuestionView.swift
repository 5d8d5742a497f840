import MarrowCore

/// An order question being answered: the steps as the learner has arranged them so far,
/// the focused one, and whether it is picked up (then ↑/↓ carry it).
package struct OrderQuestionView: Sendable, Hashable {
    /// The displayed positions of the steps (as first shuffled), in the learner's order.
    package private(set) var arrangement: [Int]
    /// The focused row.
    package private(set) var focus = 0
    /// Whether the focused step is picked up (from the keyboard: ↑/↓ carry it).
    package private(set) var holding = false
    /// The row of the step a click picked up, waiting for the click on the step to swap it
    /// with. ↑/↓ (and so the mouse wheel, which sends them) only move the focus meanwhile,
    /// so scrolling to find that step never carries the picked one along.
    package private(set) var clicked: Int?

    package init(displayed count: Int) {
        arrangement = Array(0..<count)
    }

    mutating func update(_ key: Key) -> PuzzleQuestionView.Outcome {
        let last = arrangement.count - 1
        switch key {
        case .up, .character("k"), .down, .character("j"):
            break
        default:
            // Any other key takes over from the mouse: the click's pick is let go.
            clicked = nil
        }
        switch key {
        case .up, .character("k"):
            if holding { move(by: -1) } else { focus = max(0, focus - 1) }
        case .down, .character("j"):
            if holding { move(by: 1) } else { focus = min(last, focus + 1) }
        case .character("K"): move(by: -1)
        case .character("J"): move(by: 1)
        case .home: focus = 0; holding = false
        case .end: focus = last; holding = false
        case .character(" "): holding.toggle()
        case .character(let c) where c.isASCII && c.isNumber:
            guard let n = c.wholeNumberValue, n >= 1, n <= arrangement.count else {
                return .notice("There is no step \(c): choose 1 to \(arrangement.count).")
            }
            focus = n - 1
            holding = false
        case .enter:
            holding = false
            return .submitOrder(arrangement)
        default: break
        }
        return .none
    }

    /// A click on row `row`: with no step picked up it focuses that step and picks it up;
    /// with one picked up (by a click, or from the keyboard), a click on another row swaps
    /// the two (the picked step lands there) and a click on the picked step puts it down.
    /// Nothing is submitted: Enter does.
    mutating func click(row: Int) -> PuzzleQuestionView.Outcome {
        guard arrangement.indices.contains(row) else { return .none }
        if let picked = clicked ?? (holding ? focus : nil) {
            if row != picked { arrangement.swapAt(picked, row) }
            focus = row
            holding = false
            clicked = nil
            return .none
        }
        focus = row
        clicked = row
        return .notice("Step \(row + 1) picked up: click the step to swap it with, or click it again to put it down.")
    }

    private mutating func move(by offset: Int) {
        let target = focus + offset
        guard arrangement.indices.contains(target) else { return }
        arrangement.swapAt(focus, target)
        focus = target
    }

    /// The lines, the focused step's lines, and each row's lines (for clicks).
    func lines(session: QuizSession, index: Int, width: Int) -> ([StyledLine], Range<Int>?, [Range<Int>]) {
        let question = session.questions[index]
        let order = session.choiceOrders[index]
        var lines: [StyledLine] = []
        var focusRange: Range<Int>?
        var rows: [Range<Int>] = []
        for (row, displayed) in arrangement.enumerated() {
            let focused = row == focus
            let picked = row == clicked || (focused && holding)
            let marker = picked ? "↕ " : focused ? "▸ " : "  "
            let style = Style(focused ? .selected : .normal, picked ? .bold : [])
            let start = lines.count
            lines += PuzzleLines.item(question.orderItems[order[displayed]], marker: Span(marker, Style(.focus, .bold)),
                                      label: "\(row + 1). ", style: style, width: width)
            if focused { focusRange = start..<lines.count }
            rows.append(start..<lines.count)
        }
        return (lines, focusRange, rows)
    }

    /// "2 of 4 steps in place", then the right order, each step ✓ where the learner put it
    /// there, else ✗ with where the learner put it.
    static func feedbackLines(_ question: Question, record: AnswerRecord, width: Int) -> [StyledLine] {
        let count = question.orderItems.count
        let inPlace = record.chosen.indices.count { record.chosen[$0] == $0 }
        var lines = Layout.wrap(record.correct ? "Every step is in place." : "\(inPlace) of \(count) steps in place. The right order:",
                                width: width, style: Style(.strong, .bold))
        for (place, item) in question.orderItems.enumerated() {
            let yours = record.chosen.firstIndex(of: place)
            var text = item
            let right = yours == place
            if !right, let yours { text.append(.text(" (you put it \(ordinal(yours + 1)))")) }
            lines += PuzzleLines.item(text, marker: Span(right ? "✓ " : "✗ ", Style(right ? .correct : .wrong, .bold)),
                                      label: "\(place + 1). ", style: Style(right ? .correct : .normal), width: width)
        }
        return lines
    }

    static func ordinal(_ n: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
        return (1...words.count).contains(n) ? words[n - 1] : "number \(n)"
    }
}
