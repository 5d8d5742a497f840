/// One quiz question, from a level-3 heading under `## Quiz`.
public struct Question: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exactly one correct choice.
        case single
        /// Several correct choices: "select all that apply".
        case multiple
        /// Exactly the two choices True and False.
        case trueFalse = "true-false"
    }

    /// Explicit and stable (`{#id}`): a learner's history refers to it.
    public var id: String
    /// The id of the lesson the question belongs to.
    public var lessonID: String
    /// The heading's text without its `{#id .tag}` attributes.
    public var prompt: [Inline]
    /// Blocks between the heading and the choices (a short scenario, say): part of the prompt,
    /// shown under the heading text.
    public var scenario: [Block]
    /// Tags from `{.tag}` classes, without the dot, e.g. `benefit`, `risk`, in written order
    /// without repeats. `.fixed-order` is not a tag: it sets `fixedOrder`.
    public var tags: [String]
    public var choices: [Choice]
    /// The block quote after the choices, shown after answering.
    public var explanation: [Block]
    public var kind: Kind
    /// Whether the choices keep their written order (tag `.fixed-order`).
    public var fixedOrder: Bool
    public var line: Int
    public var column: Int

    public init(id: String, lessonID: String, prompt: [Inline], tags: [String] = [], choices: [Choice], explanation: [Block] = [], kind: Kind, fixedOrder: Bool = false, line: Int = 0, column: Int = 0, scenario: [Block] = []) {
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
    public var correctIndices: Set<Int> {
        Set(choices.indices.filter { choices[$0].isCorrect })
    }

    /// Whether a set of chosen indices (in written order) is exactly right.
    public func isCorrect(_ chosen: Set<Int>) -> Bool {
        chosen == correctIndices
    }
}

/// One choice of a question: `- [x] text` (correct) or `- [ ] text`.
public struct Choice: Sendable, Hashable {
    public var text: [Inline]
    public var isCorrect: Bool
    /// Optional feedback for this choice (a block quote nested in the list item).
    public var feedback: [Block]

    public init(text: [Inline], isCorrect: Bool, feedback: [Block] = []) {
        self.text = text
        self.isCorrect = isCorrect
        self.feedback = feedback
    }
}
