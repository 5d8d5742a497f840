import MarrowCore

/// A type-the-answer question being answered: the text typed so far. Every printable key
/// is text here (q, ?, digits too); Backspace deletes, Enter submits, Esc leaves the quiz.
package struct TypedAnswerView: Sendable, Hashable {
    package private(set) var text = ""

    /// Longer answers are not asked for; the cap keeps the field on a few lines.
    static let maxLength = TypedAnswerMatcher.maximumLength

    package init(text: String = "") {
        self.text = text
    }

    mutating func update(_ key: Key) -> PuzzleQuestionView.Outcome {
        switch key {
        case .character(let c):
            guard !c.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }) else { return .none }
            guard text.count < Self.maxLength else { return .notice("That is long enough: an answer here is a word or a few.") }
            text.append(c)
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .enter:
            guard TypedAnswerMatcher.key(text).isEmpty == false else { return .notice("Type your answer first, then press Enter.") }
            return .submitTyped(text)
        default: break
        }
        return .none
    }

    func lines(width: Int) -> ([StyledLine], Range<Int>?, [Range<Int>]) {
        let shown = Sanitizer.clean(text, singleLine: true) + "▁"
        let lines = Layout.lines(for: [.text(shown)], width: width, style: Style(.selected),
                                 firstPrefix: [Span("Your answer: ", Style(.focus, .bold))],
                                 restPrefix: [Span("             ")])
        return (lines, 0..<lines.count, [])
    }

    /// What was typed, whether a typo was forgiven, and the accepted answer.
    static func feedbackLines(_ question: Question, record: AnswerRecord, width: Int) -> [StyledLine] {
        let typed = Sanitizer.clean(record.typed ?? "", singleLine: true)
        let answers = question.acceptedAnswers.map { Sanitizer.clean($0, singleLine: true) }
        // A log line older than `typed` does not say what was typed.
        var lines = record.typed == nil ? [] : Layout.wrap("You typed: \(typed)", width: width)
        if record.correct, let matched = record.chosen.first, answers.indices.contains(matched) {
            let exact = TypedAnswerMatcher.key(typed) == TypedAnswerMatcher.key(answers[matched])
            lines += Layout.wrap(exact ? "The answer: \(answers[matched])" : "One typo forgiven: it is spelled “\(answers[matched])”.",
                                 width: width, style: Style(.correct))
        } else if let first = answers.first {
            lines += Layout.wrap("The answer: \(first)", width: width, style: Style(.strong, .bold))
        }
        if answers.count > 1 {
            lines += Layout.wrap("Also accepted: \(answers.dropFirst().joined(separator: "; "))", width: width, style: Style(.dim))
        }
        return lines
    }
}
