/// The part of a lesson a quiz question is about, so a learner who missed it can
/// be sent back to that part ("re-read: The day of the transplant").
///
/// Lessons do not tie a question to a section, so the section is found from the
/// words: the one (under a level-2 or deeper heading) sharing the most distinct
/// words with the question's prompt, scenario, right answers and explanation.
/// Short and common words do not count. A lesson without such headings, or a
/// question sharing no word with any section, has no section: the learner is
/// sent to the whole lesson.
package enum QuestionSection {
    /// A section: its heading's text and the index of the heading in the lesson's body.
    package struct Section: Sendable, Hashable {
        package var title: String
        package var block: Int

        package init(title: String, block: Int) {
            self.title = title
            self.block = block
        }
    }

    /// How much body text (UTF-8 bytes) is read for words, at most: a real lesson
    /// is some 20 kB; a huge one is matched on its headings past this, so the
    /// score of its quiz shows at once.
    package static let textBudget = 200_000

    /// The lesson's sections: each heading of level 2 or deeper and the blocks up to the next one.
    package static func sections(of lesson: Lesson) -> [(section: Section, words: Set<String>)] {
        var result: [(section: Section, words: Set<String>)] = []
        var budget = textBudget
        for (index, block) in lesson.body.blocks.enumerated() {
            if case .heading(let level, let content) = block.kind, level >= 2 {
                let title = Sanitizer.clean(content.plainText, singleLine: true)
                result.append((Section(title: title, block: index), words(in: title)))
            } else if !result.isEmpty, budget > 0 {
                let text = block.plainText
                budget -= text.utf8.count
                result[result.count - 1].words.formUnion(words(in: text))
            }
        }
        return result
    }

    /// The section `question` is most likely about; the first of equals; nil when none shares a word.
    package static func section(of question: Question, in lesson: Lesson) -> Section? {
        section(of: question, among: sections(of: lesson))
    }

    /// The same, for sections already found (`sections(of:)`).
    package static func section(of question: Question, among sections: [(section: Section, words: Set<String>)]) -> Section? {
        var text = question.prompt.plainText
        for block in question.scenario + question.explanation { text += " " + block.plainText }
        for choice in question.choices where choice.isCorrect { text += " " + choice.text.plainText }
        let asked = words(in: text)
        var best: (section: Section, score: Int)?
        for (section, words) in sections {
            let score = asked.intersection(words).count
            if score > 0, score > (best?.score ?? 0) { best = (section, score) }
        }
        return best?.section
    }

    /// The distinct lowercased words of `text` that say something: three letters
    /// or more ("GVHD", "HLA"), and not one of the most common English words.
    static func words(in text: String) -> Set<String> {
        var words: Set<String> = []
        var current = ""
        func finish() {
            if current.count >= 3, !common.contains(current) { words.insert(current) }
            current = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber { current.append(character) } else { finish() }
        }
        finish()
        return words
    }

    private static let common: Set<String> = [
        "the", "and", "for", "are", "was", "were", "with", "that", "this", "these", "those", "from", "which", "what",
        "who", "when", "where", "why", "how", "have", "has", "had", "can", "not", "you", "your", "its", "into", "does",
        "did", "some", "more", "most", "than", "then", "they", "them", "their", "there", "also", "only", "very", "been",
        "being", "will", "would", "should", "could", "about", "such", "each", "other", "all", "any", "one", "two", "but",
        "our", "out", "may", "might", "much", "many", "her", "his", "she", "him", "because", "after", "before", "while",
        "true", "false", "both", "just", "over", "under", "like", "so", "is", "it", "of", "to", "in", "on", "or", "as",
    ]
}
