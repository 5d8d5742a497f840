import MarrowCore
import MarrowTUI

/// The plain quiz's order, match and type-the-answer questions: shown as numbered steps,
/// numbered left items with lettered partners, or a prompt for a typed line; answered
/// with "3 1 2 4", "1c 2a 3b" or the answer itself; then marked item by item.
extension PlainQuiz {
    enum PuzzleStep {
        case answered(AnswerRecord)
        case stopped(Ending)
        /// `u`: take back the answer given just before (the caller does).
        case undo
    }

    /// Shows question `index` (not a choose question), reads the answer, saves it and
    /// prints the feedback.
    mutating func askPuzzle(_ index: Int, canUndo: Bool) throws -> PuzzleStep {
        let question = session.questions[index]
        for line in puzzleLines(index) { console.say(line) }
        let count = question.shuffledCount
        console.say(AnswerInput.hint(kind: question.kind, count: count))
        while true {
            guard let line = console.ask("Your answer: ") else { return .stopped(.endOfInput) }
            switch PuzzleAnswerInput.parse(line, kind: question.kind, count: count) {
            case .quit: return .stopped(.quit)
            case .undo:
                if canUndo { return .undo }
                console.say("Nothing to undo: u takes back the answer you just gave. \(AnswerInput.hint(kind: question.kind, count: count))")
            case .invalid(let hint): console.say(hint)
            case .arranged(let positions):
                let record = session.answer(question: index, arranged: positions, at: now())
                try save(record)
                for line in orderFeedback(index, record: record) { console.say(line) }
                return .answered(record)
            case .paired(let positions):
                let record = session.answer(question: index, pairedWith: positions, at: now())
                try save(record)
                for line in matchFeedback(index, record: record) { console.say(line) }
                return .answered(record)
            case .typed(let typed):
                let (record, verdict) = session.answer(question: index, typed: typed, at: now())
                try save(record)
                for line in typedFeedback(index, typed: typed, verdict: verdict) { console.say(line) }
                return .answered(record)
            }
        }
    }

    /// The prompt, any scenario, then the steps, or the left items and their lettered
    /// partners, as shown (shuffled).
    private func puzzleLines(_ index: Int) -> [String] {
        let question = session.questions[index]
        var lines = puzzleText(question.prompt)
        if !question.scenario.isEmpty { lines += plainBlocks(question.scenario) }
        let order = session.choiceOrders[index]
        switch question.kind {
        case .order:
            for (position, written) in order.enumerated() {
                lines += puzzleText(question.orderItems[written], first: "  \(position + 1). ", rest: "     ")
            }
        case .match:
            for (position, pair) in question.pairs.enumerated() {
                lines += puzzleText(pair.left, first: "  \(position + 1). ", rest: "     ")
            }
            lines.append("Partners:")
            for (position, written) in order.enumerated() {
                lines += puzzleText(question.pairs[written].right, first: "  \(PuzzleAnswerInput.letter(position)). ", rest: "     ")
            }
        case .typed, .single, .multiple, .trueFalse:
            break
        }
        return lines
    }

    /// The verdict with how many steps are in place, then the right order, each step marked
    /// ✓ where the learner put it there, ✗ with where the learner put it otherwise.
    private func orderFeedback(_ index: Int, record: AnswerRecord) -> [String] {
        let question = session.questions[index]
        let count = question.shuffledCount
        let inPlace = record.chosen.indices.count { record.chosen[$0] == $0 }
        var lines = [record.correct ? "✓ Correct: every step is in place." : "✗ Not quite: \(inPlace) of \(count) steps in place."]
        lines.append("The right order:")
        for (place, item) in question.orderItems.enumerated() {
            let yours = record.chosen.firstIndex(of: place)
            var inlines = item
            let mark: String
            if yours == place {
                mark = "✓"
            } else {
                mark = "✗"
                if let yours { inlines.append(.text(" (you put it \(Self.ordinal(yours + 1)))")) }
            }
            lines += puzzleText(inlines, first: "\(mark) \(place + 1). ", rest: "     ")
        }
        lines += explanationLines(question)
        return lines
    }

    /// The verdict with how many pairs are right, then each left item with the partner the
    /// learner gave it, ✓ or ✗ with the right one.
    private func matchFeedback(_ index: Int, record: AnswerRecord) -> [String] {
        let question = session.questions[index]
        let count = question.shuffledCount
        let right = record.chosen.indices.count { record.chosen[$0] == $0 }
        var lines = [record.correct ? "✓ Correct: every pair is right." : "✗ Not quite: \(right) of \(count) pairs right."]
        for (place, pair) in question.pairs.enumerated() {
            let given = place < record.chosen.count ? record.chosen[place] : -1
            var inlines = pair.left + [.text(" → ")]
            if given == place {
                inlines += pair.right
                lines += puzzleText(inlines, first: "✓ ", rest: "  ")
            } else {
                inlines += question.pairs.indices.contains(given) ? question.pairs[given].right : [.text("nothing")]
                inlines += [.text(" (right: ")] + pair.right + [.text(")")]
                lines += puzzleText(inlines, first: "✗ ", rest: "  ")
            }
        }
        lines += explanationLines(question)
        return lines
    }

    /// The verdict; a forgiven typo is named with the spelling; a wrong answer shows what
    /// was typed and the accepted answers.
    private func typedFeedback(_ index: Int, typed: String, verdict: TypedAnswerMatcher.Verdict) -> [String] {
        let question = session.questions[index]
        let answers = question.acceptedAnswers.map { puzzleClean($0) }
        var lines: [String] = []
        if verdict.accepted {
            let matched = answers[verdict.matched ?? 0]
            lines.append(verdict.typoForgiven ? "✓ Correct, with one typo forgiven: it is spelled \"\(matched)\"." : "✓ Correct: \(matched).")
        } else {
            lines.append("✗ Not quite. You typed: \"\(puzzleClean(typed))\".")
            lines.append("The answer: \(answers[0])" + (answers.count > 1 ? " (also accepted: \(answers.dropFirst().joined(separator: "; ")))." : "."))
        }
        lines += explanationLines(question)
        return lines
    }

    private func explanationLines(_ question: Question) -> [String] {
        question.explanation.isEmpty ? [] : plainBlocks(question.explanation, first: "Explanation: ")
    }

    /// The right answer of a missed question, for the list at the end.
    func puzzleRightAnswer(_ question: Question) -> String {
        switch question.kind {
        case .order:
            return "right order: " + question.orderItems.map { puzzleClean($0.plainText) }.joined(separator: ", then ")
        case .match:
            return "right pairs: " + question.pairs.map { "\(puzzleClean($0.left.plainText)) → \(puzzleClean($0.right.plainText))" }.joined(separator: "; ")
        case .typed:
            return "answer: " + (question.acceptedAnswers.first.map(puzzleClean) ?? "")
        case .single, .multiple, .trueFalse:
            return ""
        }
    }

    private func puzzleText(_ inlines: [Inline], first: String = "", rest: String = "") -> [String] {
        Layout.lines(for: inlines, width: width, firstPrefix: [Span(first)], restPrefix: [Span(rest)])
            .map { Sanitizer.clean($0.plainText, singleLine: true).trimmingTrailingSpaces() }
    }

    private func plainBlocks(_ blocks: [Block], first: String = "") -> [String] {
        var lines = Layout.lines(for: blocks, width: width).map { Sanitizer.clean($0.plainText, singleLine: true).trimmingTrailingSpaces() }
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        if !first.isEmpty {
            if lines.isEmpty { lines = [first.trimmingSpaces] } else { lines[0] = first + lines[0] }
        }
        return lines
    }

    /// "first" … "seventh" (an order question has at most 7 steps), else "number N".
    static func ordinal(_ n: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
        return (1...words.count).contains(n) ? words[n - 1] : "number \(n)"
    }

    private func puzzleClean(_ text: String) -> String {
        Sanitizer.clean(text, singleLine: true).trimmingSpaces
    }
}
