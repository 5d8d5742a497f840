/// One quiz question, from a level-3 heading under `## Quiz`.
package struct Question: Sendable, Hashable, Identifiable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exactly one correct choice.
        case single
        /// Several correct choices: "select all that apply".
        case multiple
        /// Exactly the two choices True and False.
        case trueFalse = "true-false"
        /// Put 3–7 items in the right order (`orderItems`); shown shuffled.
        case order
        /// Pair 3–6 left items with their partners (`pairs`); the right items are shown shuffled.
        case match
        /// Type a short answer; any of `acceptedAnswers` is right (see `TypedAnswerMatcher`).
        case typed

        /// Whether the learner picks from `choices` (single, multiple, true/false).
        package var hasChoices: Bool {
            switch self {
            case .single, .multiple, .trueFalse: true
            case .order, .match, .typed: false
            }
        }
    }

    /// Explicit and stable (`{#id}`): a learner's history refers to it.
    package var id: String
    /// The id of the lesson the question belongs to.
    package var lessonID: String
    /// The heading's text without its `{#id .tag}` attributes.
    package var prompt: [Inline]
    /// Blocks between the heading and the choices (a short scenario, say): part of the prompt,
    /// shown under the heading text.
    package var scenario: [Block]
    /// Tags from `{.tag}` classes, without the dot, e.g. `benefit`, `risk`, in written order
    /// without repeats. `.fixed-order` is not a tag: it sets `fixedOrder`.
    package var tags: [String]
    /// The choices of a single, multiple or true/false question; empty for the other kinds.
    package var choices: [Choice]
    /// An order question's items in their right order (as written); empty for the other kinds.
    package var orderItems: [[Inline]]
    /// A match question's pairs as written (left item, its partner); empty for the other kinds.
    package var pairs: [MatchPair]
    /// A typed-answer question's accepted answers as written, the first being the one feedback
    /// shows; empty for the other kinds.
    package var acceptedAnswers: [String]
    /// The block quote after the choices, shown after answering.
    package var explanation: [Block]
    package var kind: Kind
    /// Whether the choices keep their written order (tag `.fixed-order`).
    package var fixedOrder: Bool
    package var line: Int
    package var column: Int

    package init(id: String, lessonID: String, prompt: [Inline], tags: [String] = [], choices: [Choice], explanation: [Block] = [], kind: Kind, fixedOrder: Bool = false, line: Int = 0, column: Int = 0, scenario: [Block] = [],
                 orderItems: [[Inline]] = [], pairs: [MatchPair] = [], acceptedAnswers: [String] = []) {
        self.id = id
        self.lessonID = lessonID
        self.prompt = prompt
        self.scenario = scenario
        self.tags = tags
        self.choices = choices
        self.orderItems = orderItems
        self.pairs = pairs
        self.acceptedAnswers = acceptedAnswers
        self.explanation = explanation
        self.kind = kind
        self.fixedOrder = fixedOrder
        self.line = line
        self.column = column
    }

    /// How many things the session shuffles for this question: the choices, the order items,
    /// or a match question's right-hand items (0 for a typed answer).
    package var shuffledCount: Int {
        switch kind {
        case .single, .multiple, .trueFalse: choices.count
        case .order: orderItems.count
        case .match: pairs.count
        case .typed: 0
        }
    }

    /// Indices (in written order) of the correct choices.
    package var correctIndices: Set<Int> {
        Set(choices.indices.filter { choices[$0].isCorrect })
    }

    /// Whether a set of chosen indices (in written order) is exactly right.
    package func isCorrect(_ chosen: Set<Int>) -> Bool {
        chosen == correctIndices
    }

    /// Whether a recorded answer (`AnswerRecord.chosen`) is wholly right. An order answer
    /// lists the written indices of the steps in the learner's order; a match answer lists,
    /// for each left item in written order, the written index of the right item paired
    /// with it; both are right when they are `0, 1, 2, …`. A typed answer records the
    /// accepted answer it matched (empty when none matched).
    package func isCorrect(recorded chosen: [Int]) -> Bool {
        switch kind {
        case .single, .multiple, .trueFalse: isCorrect(Set(chosen))
        case .order, .match: chosen == Array(0..<shuffledCount)
        case .typed: chosen.count == 1 && acceptedAnswers.indices.contains(chosen[0])
        }
    }
}

/// One choice of a question: `- [x] text` (correct) or `- [ ] text`.
package struct Choice: Sendable, Hashable {
    package var text: [Inline]
    package var isCorrect: Bool
    /// Optional feedback for this choice (a block quote nested in the list item).
    package var feedback: [Block]

    package init(text: [Inline], isCorrect: Bool, feedback: [Block] = []) {
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
    }
}

/// One pair of a match question: `- left → right`.
package struct MatchPair: Sendable, Hashable {
    package var left: [Inline]
    package var right: [Inline]

    package init(left: [Inline], right: [Inline]) {
        self.left = left
        self.right = right
    }
}
