import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressReport {
    /// A report to print or hand to a teacher or care team (`--format markdown`):
    /// a summary in the two measures (quiz score, remembered now) with what they
    /// mean, a per-lesson table, what the learner knows about the benefits and the risks, and the
    /// questions missed most with any scenario, their right answer and explanation.
    var markdown: String {
        var out = "# \(Markdown.escape(course.info.title)): progress report\n\n"
        out += "Report of \(DayClock.system.day(of: now)).\n\n"

        out += "- \(lessonsReadLine)\n"
        out += "- \(answersLine)\n"
        out += "- \(quizzesLine)\n"
        out += "- \(rememberedLine)\n"
        out += "- Due for review now: \(Wording.count(plan.dueQuestionIDs.count, "question"))\n\n"
        out += Self.measuresMeaning.map { line in
            let name = line.prefix { $0 != ":" }
            return "**\(name)**" + line.dropFirst(name.count)
        }.joined(separator: "\n\n") + "\n\n"

        out += "## Lessons\n\n"
        out += "| # | Lesson | Read | Quiz score | Remembered now |\n"
        out += "|--:|--------|------|------------|----------------|\n"
        for (index, lesson) in course.lessons.enumerated() {
            let mastery = plan.mastery(lessonID: lesson.id)
            let cells = [
                String(index + 1),
                Markdown.escape(lesson.title),
                state[lesson: lesson.id].isRead ? "yes" : "no",
                Self.score(results(of: lesson)?.quizScore),
                mastery.total == 0 ? "–" : "\(mastery.mastered) of \(mastery.total)",
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        for broken in course.brokenLessons {
            out += "| – | \(Markdown.escape(broken.title)) (cannot be opened) | – | – | – |\n"
        }

        if !sides.isEmpty {
            out += "\n## What you know about the benefits and the risks\n\n"
            out += "| Questions about | Answers given | Remembered now |\n"
            out += "|-----------------|--------------:|----------------|\n"
            for (name, tag) in sides {
                out += "| \(name) | \(tag.answered) | \(Self.mastery(plan.mastery(tag: tag.tag))) |\n"
            }
        }

        out += "\n## Questions missed most\n\n"
        if review.mostMissed.isEmpty {
            out += review.answered == 0 ? "No answers yet.\n" : "None: every answer so far was right.\n"
        }
        let questions = questionsByID
        for (number, missed) in review.mostMissed.enumerated() {
            guard let question = questions[missed.questionID] else { continue }
            if number > 0 { out += "\n" }
            out += "### \(number + 1). \(Markdown.escape(Markdown.line(question.prompt.plainText)))\n\n"
            for block in question.scenario {
                let paragraph = Markdown.escape(Markdown.line(block.plainText))
                if !paragraph.isEmpty { out += paragraph + "\n\n" }
            }
            let lessonTitle = course.lesson(id: missed.lessonID)?.title ?? missed.lessonID
            out += "Lesson: \(Markdown.escape(lessonTitle)). Missed \(missed.timesMissed) of \(Wording.count(missed.timesAnswered, "time")).\n\n"
            out += Self.rightAnswer(question)
            let explanation = question.explanation.map { Markdown.escape(Markdown.line($0.plainText)) }.filter { !$0.isEmpty }
            if !explanation.isEmpty {
                out += "\n" + explanation.map { "> " + $0 }.joined(separator: "\n>\n") + "\n"
            }
        }
        return out
    }
}

extension ProgressReport {
    /// A missed question's right answer, as the report prints it: the right choices on a
    /// line; an order question's steps as a numbered list, first to last; a match
    /// question's pairs as a list of "left → right"; a typed question's answer, and the
    /// others accepted.
    static func rightAnswer(_ question: Question) -> String {
        let right = AnswerText.right(question).map(Markdown.escape)
        switch question.kind {
        case .single, .multiple, .trueFalse:
            return (right.count == 1 ? "Right answer: " : "Right answers: ") + right.joined(separator: "; ") + "\n"
        case .order:
            return "Right order, first to last:\n\n" + right.enumerated().map { "\($0.offset + 1). \($0.element)\n" }.joined()
        case .match:
            return "Right pairs:\n\n" + right.map { "- \($0)\n" }.joined()
        case .typed:
            guard let first = right.first else { return "" }
            let others = right.dropFirst()
            return "Right answer: \(first)" + (others.isEmpty ? "" : " (also accepted: \(others.joined(separator: "; ")))") + "\n"
        }
    }
}

/// Writing learner-facing text into Markdown.
enum Markdown {
    /// `text` with the characters Markdown would read as formatting escaped, so a
    /// prompt like `2 * 3 <b>` prints as written, in a table cell too.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in Sanitizer.clean(text, singleLine: true) {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` on one line, spaces collapsed.
    static func line(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
