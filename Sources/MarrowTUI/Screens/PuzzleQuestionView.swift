import MarrowCore

/// What the quiz screen shows and takes while an order, match or type-the-answer question
/// is asked (choose questions are drawn by `QuizScreen` itself). One case per kind; each
/// view is a value the screen keeps, so `update` stays pure.
package enum PuzzleQuestionView: Sendable, Hashable {
    case order(OrderQuestionView)
    case match(MatchQuestionView)
    case typed(TypedAnswerView)

    /// What a key did.
    package enum Outcome: Sendable, Hashable {
        case none
        /// A one-line hint for a key that could not be acted on.
        case notice(String)
        case submitOrder([Int])
        case submitMatch([Int?])
        case submitTyped(String)
    }

    /// The view for question `index` of `session`, nil for a choose question.
    package init?(session: QuizSession, index: Int) {
        let question = session.questions[index]
        switch question.kind {
        case .order: self = .order(OrderQuestionView(displayed: session.choiceOrders[index].count))
        case .match: self = .match(MatchQuestionView(count: question.pairs.count))
        case .typed: self = .typed(TypedAnswerView())
        case .single, .multiple, .trueFalse: return nil
        }
    }

    /// Whether printable keys are typed into a field (then q, ? and digits are text).
    package var takesText: Bool {
        if case .typed = self { return true }
        return false
    }

    package mutating func update(_ key: Key) -> Outcome {
        switch self {
        case .order(var view): defer { self = .order(view) }; return view.update(key)
        case .match(var view): defer { self = .match(view) }; return view.update(key)
        case .typed(var view): defer { self = .typed(view) }; return view.update(key)
        }
    }

    /// The hint under the prompt.
    package var hint: String {
        switch self {
        case .order: "First step at the top. ↑/↓ choose, space picks up and puts down, Enter submits."
        case .match: "Pick a left item (↑/↓ or its number), then press the letter of its partner. Enter submits when all are paired."
        case .typed: "Type your answer and press Enter. Case, accents and punctuation do not matter."
        }
    }

    /// Most needed first: the status line drops keys from the end where it is narrow, and
    /// at 40 columns "Enter submit" must stay (the hint under the prompt tells the rest).
    package var statusKeys: [KeyHelp] {
        switch self {
        case .order: [KeyHelp("↑↓", "choose"), KeyHelp("Enter", "submit"), KeyHelp("space", "pick up")]
        case .match: [KeyHelp("a–\(MatchQuestionView.letter(max(0, matchCount - 1)))", "pair"), KeyHelp("Enter", "submit"), KeyHelp("↑↓", "pick")]
        case .typed: [KeyHelp("Enter", "submit")]
        }
    }

    private var matchCount: Int {
        if case .match(let view) = self { return view.partner.count }
        return 0
    }

    /// A click on one of the items `lines` numbers (see `OrderQuestionView.click(row:)`,
    /// `MatchQuestionView.click(target:)`); the text field has none.
    package mutating func click(_ target: Int) -> Outcome {
        switch self {
        case .order(var view): defer { self = .order(view) }; return view.click(row: target)
        case .match(var view): defer { self = .match(view) }; return view.click(target: target)
        case .typed: return .none
        }
    }

    /// The lines of the answer area, the lines of the focused item, and the lines of each
    /// item a click can act on (numbered for `click`).
    package func lines(session: QuizSession, index: Int, width: Int) -> ([StyledLine], Range<Int>?, [Range<Int>]) {
        switch self {
        case .order(let view): view.lines(session: session, index: index, width: width)
        case .match(let view): view.lines(session: session, index: index, width: width)
        case .typed(let view): view.lines(width: width)
        }
    }

    /// The feedback lines (under the prompt) for the recorded answer of question `index`.
    package static func feedbackLines(session: QuizSession, index: Int, width: Int) -> [StyledLine] {
        guard let record = session.records[index] else { return [] }
        return feedbackLines(session.questions[index], record: record, width: width)
    }

    /// The feedback lines for `record`, an answer to `question` (also the mistakes list's
    /// marks of the last wrong answer); none for a choose question.
    package static func feedbackLines(_ question: Question, record: AnswerRecord, width: Int) -> [StyledLine] {
        switch question.kind {
        case .order: return OrderQuestionView.feedbackLines(question, record: record, width: width)
        case .match: return MatchQuestionView.feedbackLines(question, record: record, width: width)
        case .typed: return TypedAnswerView.feedbackLines(question, record: record, width: width)
        case .single, .multiple, .trueFalse: return []
        }
    }
}

/// Helpers the three views share.
enum PuzzleLines {
    /// An order, match or typed question's right answer, to read (the question opened from
    /// search; a mistake whose wrong answer is not in the log): the steps in the right
    /// order as a numbered list, the pairs as "left → right", or the answer and the others
    /// accepted. None for a choose question (its choices are marked instead).
    static func answerLines(_ question: Question, width: Int) -> [StyledLine] {
        let pad = Span("  ")
        switch question.kind {
        case .order:
            var lines = Layout.wrap("The right order, first to last:", width: width, style: Style(.strong, .bold))
            for (place, step) in question.orderItems.enumerated() {
                lines += item(step, marker: pad, label: "\(place + 1). ", style: Style(.correct), width: width)
            }
            return lines
        case .match:
            var lines = Layout.wrap("The right pairs:", width: width, style: Style(.strong, .bold))
            for pair in question.pairs {
                lines += item(pair.left + [.text(" → ")] + pair.right, marker: pad, label: "", style: Style(.correct), width: width)
            }
            return lines
        case .typed:
            let answers = question.acceptedAnswers.map { Sanitizer.clean($0, singleLine: true) }
            guard let first = answers.first else { return [] }
            var lines = Layout.wrap("The answer: \(first)", width: width, style: Style(.correct, .bold))
            if answers.count > 1 {
                lines += Layout.wrap("Also accepted: \(answers.dropFirst().joined(separator: "; "))", width: width, style: Style(.dim))
            }
            return lines
        case .single, .multiple, .trueFalse:
            return []
        }
    }

    /// An item's text with a marker and a label before it, wrapped with a hanging indent.
    static func item(_ text: [Inline], marker: Span, label: String, style: Style, width: Int) -> [StyledLine] {
        Layout.lines(for: text, width: width, style: style,
                     firstPrefix: [marker, Span(label, style)],
                     restPrefix: [Span(String(repeating: " ", count: DisplayWidth.of(marker.text) + DisplayWidth.of(label)))])
    }
}
