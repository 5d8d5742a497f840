/// A question's right answer and a recorded answer as plain one-line texts, for the
/// reports (`marrow progress --format markdown|csv`), whatever the question's kind:
/// the right choices, the steps in order, the pairs as "left → right", or the typed
/// answer. Every text is sanitized and on one line, so a report never carries a
/// lesson's control characters.
package enum AnswerText {
    /// The right answer in written order: the right choices; an order question's steps,
    /// first to last; a match question's pairs ("Autologous → own cells"); a typed
    /// question's accepted answers, the one feedback shows first.
    package static func right(_ question: Question) -> [String] {
        switch question.kind {
        case .single, .multiple, .trueFalse: question.choices.filter(\.isCorrect).map { line($0.text) }
        case .order: question.orderItems.map(line)
        case .match: question.pairs.map { line($0.left) + " → " + line($0.right) }
        case .typed: question.acceptedAnswers.map(line)
        }
    }

    /// What a recorded answer gave, as the learner gave it: the chosen choices; the steps in
    /// the learner's order; each left item with the partner given ("nothing" when unpaired);
    /// what was typed (the accepted answer it matched, in a log line older than `typed`).
    /// A number the question no longer has (the lesson changed) is left out.
    package static func given(_ record: AnswerRecord, question: Question) -> [String] {
        switch question.kind {
        case .single, .multiple, .trueFalse:
            return record.chosen.compactMap { question.choices.indices.contains($0) ? line(question.choices[$0].text) : nil }
        case .order:
            return record.chosen.compactMap { question.orderItems.indices.contains($0) ? line(question.orderItems[$0]) : nil }
        case .match:
            return question.pairs.indices.map { left in
                let given = left < record.chosen.count ? record.chosen[left] : -1
                let partner = question.pairs.indices.contains(given) ? line(question.pairs[given].right) : "nothing"
                return line(question.pairs[left].left) + " → " + partner
            }
        case .typed:
            if let typed = record.typed { return [clean(typed)] }
            return record.chosen.compactMap { question.acceptedAnswers.indices.contains($0) ? clean(question.acceptedAnswers[$0]) : nil }
        }
    }

    private static func line(_ inlines: [Inline]) -> String { clean(inlines.plainText) }
    private static func line(_ text: String) -> String { clean(text) }

    /// Sanitized, on one line, runs of spaces collapsed.
    private static func clean(_ text: String) -> String {
        Sanitizer.clean(text, singleLine: true).split(separator: " ").joined(separator: " ")
    }
}
