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

    package var statusKeys: [KeyHelp] {
        switch self {
        case .order: [KeyHelp("↑↓", "choose"), KeyHelp("space", "pick up/put down"), KeyHelp("Enter", "submit")]
        case .match: [KeyHelp("↑↓", "pick"), KeyHelp("a–\(MatchQuestionView.letter(max(0, matchCount - 1)))", "pair"), KeyHelp("Enter", "submit")]
        case .typed: [KeyHelp("Enter", "submit")]
        }
    }

    private var matchCount: Int {
        if case .match(let view) = self { return view.partner.count }
        return 0
    }

    /// The lines of the answer area, and the lines of the focused item.
    package func lines(session: QuizSession, index: Int, width: Int) -> ([StyledLine], Range<Int>?) {
        switch self {
        case .order(let view): view.lines(session: session, index: index, width: width)
        case .match(let view): view.lines(session: session, index: index, width: width)
        case .typed(let view): view.lines(width: width)
        }
    }

    /// The feedback lines (under the prompt) for the recorded answer of question `index`.
    package static func feedbackLines(session: QuizSession, index: Int, width: Int) -> [StyledLine] {
        guard let record = session.records[index] else { return [] }
        let question = session.questions[index]
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
    /// An item's text with a marker and a label before it, wrapped with a hanging indent.
    static func item(_ text: [Inline], marker: Span, label: String, style: Style, width: Int) -> [StyledLine] {
        Layout.lines(for: text, width: width, style: style,
                     firstPrefix: [marker, Span(label, style)],
                     restPrefix: [Span(String(repeating: " ", count: DisplayWidth.of(marker.text) + DisplayWidth.of(label)))])
    }
}
