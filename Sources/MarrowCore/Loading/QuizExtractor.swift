/// Takes the quiz out of a converted lesson body (see Lessons/README.md, "The quiz").
///
/// Every level-2 heading `## Quiz` starts a quiz section that runs to the next level-1 or
/// level-2 heading or the end; everything else is the lesson body. In a section each
/// level-3 heading is a question:
///
/// - the heading's text, without its trailing `{#id .tag …}` attributes, is the prompt;
/// - blocks between the heading and the list are the question's `scenario` (part of the prompt);
/// - the first list holds the choices, each starting with `[x]`, `[X]` or `[ ]`; a block quote
///   inside an item is that choice's feedback; a list of another shape makes an order, match
///   or type-the-answer question (`QuizAnswerLists.swift`);
/// - the first block quote after the list is the explanation.
///
/// The class `.fixed-order` sets `fixedOrder` and is not kept among the tags.
struct QuizExtractor {
    struct Extraction: Sendable {
        /// The body without the quiz sections.
        var body: [Block]
        /// The questions that were complete and correct, in written order.
        var questions: [Question]
        var diagnostics: [Diagnostic]
        /// Whether the body had a `## Quiz` heading at all.
        var hasQuizSection: Bool
        /// Every question id written, with its heading's position, even for questions
        /// with errors: the loader checks them for duplicates across the course.
        var questionIDs: [QuestionReference]
    }

    struct QuestionReference: Sendable, Hashable {
        var id: String
        var line: Int
        var column: Int
    }

    static let fixedOrderClass = "fixed-order"

    let path: String
    let lessonID: String
    private var diagnostics: [Diagnostic] = []
    /// Errors in `diagnostics`, kept as they are reported: counting them for each
    /// question made a quiz of many broken questions take quadratic time.
    private var errorCount = 0
    private var questionIDs: [QuestionReference] = []

    static func extract(_ blocks: [Block], lessonID: String, path: String) -> Extraction {
        var extractor = QuizExtractor(path: path, lessonID: lessonID)
        var body: [Block] = []
        var questions: [Question] = []
        var hasQuiz = false
        var i = 0
        while i < blocks.count {
            guard isQuizHeading(blocks[i]) else {
                body.append(blocks[i])
                i += 1
                continue
            }
            hasQuiz = true
            var end = i + 1
            while end < blocks.count, !isSectionHeading(blocks[end]) { end += 1 }
            questions += extractor.section(heading: blocks[i], blocks[(i + 1)..<end])
            i = end
        }
        return Extraction(body: body, questions: questions, diagnostics: extractor.diagnostics.sorted(by: Diagnostic.filePositionOrder), hasQuizSection: hasQuiz, questionIDs: extractor.questionIDs)
    }

    private init(path: String, lessonID: String) {
        self.path = path
        self.lessonID = lessonID
    }

    private static func isQuizHeading(_ block: Block) -> Bool {
        guard case .heading(2, let content) = block.kind else { return false }
        return content.plainText.trimmingSpaces.lowercased() == "quiz"
    }

    private static func isSectionHeading(_ block: Block) -> Bool {
        guard case .heading(let level, _) = block.kind else { return false }
        return level <= 2
    }

    private static func isQuestionHeading(_ block: Block) -> Bool {
        guard case .heading(3, _) = block.kind else { return false }
        return true
    }

    mutating func report(_ severity: Diagnostic.Severity, _ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, severity: severity, message: message))
        if severity == .error { errorCount += 1 }
    }

    private mutating func section(heading: Block, _ blocks: ArraySlice<Block>) -> [Question] {
        var questions: [Question] = []
        var i = blocks.startIndex
        while i < blocks.endIndex, !Self.isQuestionHeading(blocks[i]) {
            report(.warning, blocks[i].line, blocks[i].column, "content in the quiz before the first question (a '###' heading) is ignored")
            i += 1
        }
        if i == blocks.endIndex {
            report(.warning, heading.line, heading.column, "the quiz has no questions: add a '###' heading for each")
        }
        while i < blocks.endIndex {
            var end = i + 1
            while end < blocks.endIndex, !Self.isQuestionHeading(blocks[end]) { end += 1 }
            if let question = question(heading: blocks[i], blocks[(i + 1)..<end]) {
                questions.append(question)
            }
            i = end
        }
        return questions
    }

    // MARK: One question

    private mutating func question(heading: Block, _ blocks: ArraySlice<Block>) -> Question? {
        guard case .heading(_, let content) = heading.kind else { return nil }
        let errorsBefore = errorCount
        let (prompt, attributes) = Self.splitAttributes(content)
        let attrs = parse(attributes, at: heading)
        let id = attrs.id ?? ""
        let name = id.isEmpty ? "question" : "question '\(id)'"
        if let id = attrs.id {
            questionIDs.append(QuestionReference(id: id, line: heading.line, column: heading.column))
        } else if !attrs.hasIDToken {
            report(.error, heading.line, heading.column, "question has no id: add {#some-id} at the end of the heading")
        }
        if prompt.plainText.trimmingSpaces.isEmpty {
            report(.error, heading.line, heading.column, "\(name) has no prompt: write the question before its {#id}")
        }

        var scenario: [Block] = []
        var list: (items: [ListItem], block: Block)?
        var explanation: [Block]?
        for block in blocks {
            switch block.kind {
            case .bulletList(let items), .orderedList(_, let items):
                if list == nil {
                    list = (items, block)
                } else {
                    report(.warning, block.line, block.column, "a second list of choices in \(name) is ignored")
                }
            case .blockQuote(let quoted) where list != nil:
                if explanation == nil {
                    explanation = quoted
                } else {
                    report(.warning, block.line, block.column, "a second block quote after the choices of \(name) is ignored: the first one is the explanation")
                }
            case .paragraph, .codeBlock, .figure, .blockQuote:
                if list == nil {
                    scenario.append(block)
                } else {
                    report(.warning, block.line, block.column, "content after the choices of \(name) is ignored: only a block quote (the explanation) may follow them")
                }
            case .heading, .thematicBreak:
                report(.warning, block.line, block.column, "unexpected \(Self.describe(block)) in \(name) is ignored")
            }
        }

        guard let list else {
            report(.error, heading.line, heading.column, "\(name) has no choices: add a list of '- [x]' and '- [ ]' items after the heading (or numbered steps, 'left → right' pairs or 'Answer:' lines)")
            return nil
        }
        var choices: [Choice] = []
        var orderItems: [[Inline]] = []
        var pairs: [MatchPair] = []
        var answers: [String] = []
        var kind: Question.Kind?
        var numbered = false
        if case .orderedList = list.block.kind { numbered = true }
        switch Self.shape(of: list.items, numbered: numbered) {
        case .choices:
            for item in list.items {
                if let choice = choice(item, of: name) { choices.append(choice) }
            }
            if list.items.count < 2 {
                report(.error, list.block.line, list.block.column, "\(name) needs at least two choices")
            } else if choices.count == list.items.count {
                kind = self.kind(of: choices, list: list.block, name: name)
            }
        case .order:
            if let items = self.orderItems(list, of: name) { orderItems = items; kind = .order }
        case .match:
            if let made = matchPairs(list, of: name) { pairs = made; kind = .match }
        case .typed:
            if let accepted = acceptedAnswers(list, of: name) { answers = accepted; kind = .typed }
        }
        if attrs.fixedOrder, kind == .order || kind == .match {
            report(.warning, heading.line, heading.column, "'.fixed-order' does not apply to \(kind == .order ? "order" : "match") \(name): its items are always shuffled")
        }
        if explanation == nil {
            report(.error, heading.line, heading.column, "\(name) has no explanation: add a block quote ('> …') after the choices")
        }
        guard errorCount == errorsBefore, let kind, let explanation else { return nil }
        return Question(id: id, lessonID: lessonID, prompt: prompt, tags: attrs.tags, choices: choices,
                        explanation: explanation, kind: kind, fixedOrder: attrs.fixedOrder,
                        line: heading.line, column: heading.column, scenario: scenario,
                        orderItems: orderItems, pairs: pairs, acceptedAnswers: answers)
    }

    /// The kind of a question whose two or more choices are all well formed.
    private mutating func kind(of choices: [Choice], list: Block, name: String) -> Question.Kind? {
        let correct = choices.count { $0.isCorrect }
        if choices.count == 2, Set(choices.map { $0.text.plainText.trimmingSpaces.lowercased() }) == ["true", "false"] {
            guard correct == 1 else {
                report(.error, list.line, list.column, "true/false \(name) needs exactly one choice marked [x]")
                return nil
            }
            return .trueFalse
        }
        if correct == 0 {
            report(.error, list.line, list.column, "\(name) has no correct choice: mark at least one with [x]")
            return nil
        }
        return correct == 1 ? .single : .multiple
    }

    /// One list item: `[x]`/`[X]`/`[ ]`, the choice's text, and an optional feedback block quote.
    private mutating func choice(_ item: ListItem, of name: String) -> Choice? {
        guard let first = item.blocks.first, case .paragraph(var text) = first.kind,
              case .text(let leading)? = text.first, let isCorrect = Self.marker(leading) else {
            report(.error, item.line, item.column, "a choice of \(name) must start with [x] (correct) or [ ] (wrong)")
            return nil
        }
        var rest = Substring(leading).dropFirst(3)
        while let c = rest.first, c == " " || c == "\t" { rest.removeFirst() }
        if rest.isEmpty { text.removeFirst() } else { text[0] = .text(String(rest)) }
        while case .softBreak? = text.first { text.removeFirst() }
        if text.plainText.trimmingSpaces.isEmpty {
            report(.error, item.line, item.column, "a choice of \(name) has no text")
            return nil
        }
        var feedback: [Block] = []
        for block in item.blocks.dropFirst() {
            if case .blockQuote(let quoted) = block.kind {
                feedback += quoted
            } else {
                report(.warning, block.line, block.column, "content in a choice of \(name) is ignored: only a block quote (the choice's feedback) may follow its text")
            }
        }
        return Choice(text: text, isCorrect: isCorrect, feedback: feedback)
    }

    static func marker(_ text: String) -> Bool? {
        let b = Array(text.utf8.prefix(3))
        guard b.count == 3, b[0] == 0x5B, b[2] == 0x5D else { return nil }
        switch b[1] {
        case 0x78, 0x58: return true
        case 0x20: return false
        default: return nil
        }
    }

    private static func describe(_ block: Block) -> String {
        switch block.kind {
        case .heading(let level, _): return "level-\(level) heading"
        case .thematicBreak: return "thematic break"
        default: return "content"
        }
    }

    // MARK: Attributes

    struct Attributes {
        var id: String?
        var tags: [String] = []
        var fixedOrder = false
        /// Whether any `#…` was written, valid or not (an invalid one has its own error).
        var hasIDToken = false
    }

    /// Splits a heading into its prompt and the text inside a trailing `{…}` (nil if there is none).
    static func splitAttributes(_ content: [Inline]) -> (prompt: [Inline], attributes: Substring?) {
        guard case .text(let last)? = content.last else { return (content, nil) }
        var trimmed = Substring(last)
        while let c = trimmed.last, c == " " || c == "\t" { trimmed.removeLast() }
        guard trimmed.last == "}", let open = trimmed.lastIndex(of: "{") else { return (content, nil) }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        var before = trimmed[..<open]
        while let c = before.last, c == " " || c == "\t" { before.removeLast() }
        var prompt = content
        if before.isEmpty { prompt.removeLast() } else { prompt[prompt.count - 1] = .text(String(before)) }
        while let l = prompt.last, l == .softBreak || l == .lineBreak { prompt.removeLast() }
        return (prompt, inside)
    }

    private mutating func parse(_ text: Substring?, at heading: Block) -> Attributes {
        var result = Attributes()
        guard let text else { return result }
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let value = String(token.dropFirst())
            if token.hasPrefix("#") {
                result.hasIDToken = true
                if !Self.isIdentifier(value) {
                    report(.error, heading.line, heading.column, "question id '\(value)' may only use letters, digits, '-' and '_'")
                } else if let id = result.id {
                    report(.error, heading.line, heading.column, "question has two ids, '\(id)' and '\(value)'")
                } else {
                    result.id = value
                }
            } else if token.hasPrefix(".") {
                if !Self.isIdentifier(value) {
                    report(.error, heading.line, heading.column, "tag '\(value)' may only use letters, digits, '-' and '_'")
                } else if value == Self.fixedOrderClass {
                    result.fixedOrder = true
                } else if !result.tags.contains(value) {
                    result.tags.append(value)
                }
            } else {
                report(.warning, heading.line, heading.column, "attribute '\(token)' is ignored: only {#id} and {.tag} are understood")
            }
        }
        return result
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F
        }
    }
}
