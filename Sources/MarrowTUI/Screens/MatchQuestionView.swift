import MarrowCore

/// A match question being answered: the focused left item and, for each left item, the
/// displayed position of the partner the learner gave it.
package struct MatchQuestionView: Sendable, Hashable {
    /// For each left item (written order), the displayed position of its partner, if paired.
    package private(set) var partner: [Int?]
    /// The focused left item.
    package private(set) var focus = 0

    package init(count: Int) {
        partner = Array(repeating: nil, count: count)
    }

    /// The letter naming right-hand item `position`: a, b, c …
    static func letter(_ position: Int) -> String {
        String(UnicodeScalar(UInt8(0x61 + min(25, max(0, position)))))
    }

    mutating func update(_ key: Key) -> PuzzleQuestionView.Outcome {
        let count = partner.count
        switch key {
        case .up, .character("k"): focus = max(0, focus - 1)
        case .down, .character("j"): focus = min(count - 1, focus + 1)
        case .home: focus = 0
        case .end: focus = count - 1
        case .character(let c) where c.isASCII && c.isNumber:
            guard let n = c.wholeNumberValue, n >= 1, n <= count else {
                return .notice("There is no item \(c): choose 1 to \(count).")
            }
            focus = n - 1
        case .character(let c) where c.isASCII && c.isLowercase && c != "k" && c != "j" && c != "q":
            let position = Int(c.asciiValue! - 0x61)
            guard position < count else {
                return .notice("There is no partner \(c): choose a to \(Self.letter(count - 1)).")
            }
            pair(with: position)
        case .backspace, .delete, .character("x"):
            partner[focus] = nil
        case .enter:
            let left = partner.count { $0 == nil }
            guard left == 0 else { return .notice("Pair every item first: \(Wording.count(left, "item")) still without a partner.") }
            return .submitMatch(partner)
        default: break
        }
        return .none
    }

    /// Pairs the focused left item with partner `position`, then focuses the next item
    /// still without a partner.
    private mutating func pair(with position: Int) {
        let count = partner.count
        // A partner goes with one item: taking it from another item unpairs that one.
        for i in partner.indices where partner[i] == position { partner[i] = nil }
        partner[focus] = position
        if let next = (focus + 1..<count).first(where: { partner[$0] == nil }) ?? partner.indices.first(where: { partner[$0] == nil }) {
            focus = next
        }
    }

    /// A click on `target` (`lines`' numbering: the left items 0..<count, then the partners
    /// count..<2·count): a left item is focused, as its number does; a partner is given to
    /// the focused item, as its letter does.
    mutating func click(target: Int) -> PuzzleQuestionView.Outcome {
        let count = partner.count
        if (0..<count).contains(target) {
            focus = target
        } else if (count..<2 * count).contains(target) {
            pair(with: target - count)
        }
        return .none
    }

    /// The lines, the focused item's lines, and the lines of each clickable item: the left
    /// items, then the partners.
    func lines(session: QuizSession, index: Int, width: Int) -> ([StyledLine], Range<Int>?, [Range<Int>]) {
        let question = session.questions[index]
        let order = session.choiceOrders[index]
        var lines: [StyledLine] = []
        var focusRange: Range<Int>?
        var targets: [Range<Int>] = []
        for (row, pair) in question.pairs.enumerated() {
            let focused = row == focus
            var text = pair.left + [.text(" → ")]
            if let position = partner[row] {
                text += [.text("\(Self.letter(position)). ")] + question.pairs[order[position]].right
            } else {
                text.append(.text("?"))
            }
            let start = lines.count
            lines += PuzzleLines.item(text, marker: Span(focused ? "▸ " : "  ", Style(.focus, .bold)), label: "\(row + 1). ",
                                      style: Style(focused ? .selected : .normal), width: width)
            if focused { focusRange = start..<lines.count }
            targets.append(start..<lines.count)
        }
        lines.append(StyledLine())
        lines += Layout.wrap("Partners:", width: width, style: Style(.subheading, .bold))
        for (position, written) in order.enumerated() {
            let used = partner.contains(position)
            var text = question.pairs[written].right
            if used { text.append(.text(" (paired)")) }
            let start = lines.count
            lines += PuzzleLines.item(text, marker: Span("  "), label: "\(Self.letter(position)). ",
                                      style: Style(used ? .dim : .normal), width: width)
            targets.append(start..<lines.count)
        }
        return (lines, focusRange, targets)
    }

    /// "1 of 3 pairs right", then each left item with the partner given, ✓, or ✗ with the right one.
    static func feedbackLines(_ question: Question, record: AnswerRecord, width: Int) -> [StyledLine] {
        let right = record.chosen.indices.count { record.chosen[$0] == $0 }
        var lines = Layout.wrap(record.correct ? "Every pair is right." : "\(right) of \(question.pairs.count) pairs right.",
                                width: width, style: Style(.strong, .bold))
        for (place, pair) in question.pairs.enumerated() {
            let given = place < record.chosen.count ? record.chosen[place] : -1
            let ok = given == place
            var text = pair.left + [.text(" → ")]
            text += question.pairs.indices.contains(given) ? question.pairs[given].right : [.text("nothing")]
            if !ok { text += [.text(" (right: ")] + pair.right + [.text(")")] }
            lines += PuzzleLines.item(text, marker: Span(ok ? "✓ " : "✗ ", Style(ok ? .correct : .wrong, .bold)), label: "",
                                      style: Style(ok ? .correct : .normal), width: width)
        }
        return lines
    }
}
