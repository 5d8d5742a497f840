/// One quiz question, from a level-3 heading under `## Quiz`.
package struct Question: Sendable, Hashable, Identifiable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exactly one correct choice.
        case single
        /// Several correct choices: "select all that apply".
        case multiple
        /// Exactly the two choices True and False.
        case trueFalse = "true-false"
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
    package var choices: [Choice]
    /// The block quote after the choices, shown after answering.
    package var explanation: [Block]
    package var kind: Kind
    /// Whether the choices keep their written order (tag `.fixed-order`).
    package var fixedOrder: Bool
    package var line: Int
    package var column: Int

    package init(id: String, lessonID: String, prompt: [Inline], tags: [String] = [], choices: [Choice], explanation: [Block] = [], kind: Kind, fixedOrder: Bool = false, line: Int = 0, column: Int = 0, scenario: [Block] = []) {
        self.id = id
        self.lessonID = lessonID
        self.prompt = prompt
        self.scenario = scenario
        self.tags = tags
        self.choices = choices
        self.explanation = explanation
        self.kind = kind
        self.fixedOrder = fixedOrder
        self.line = line
        self.column = column
    }

    /// Indices (in written order) of the correct choices.
    package var correctIndices: Set<Int> {
        Set(choices.indices.filter { choices[$0].isCorrect })
    }

    /// Whether a set of chosen indices (in written order) is exactly right.
    package func isCorrect(_ chosen: Set<Int>) -> Bool {
        chosen == correctIndices
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
