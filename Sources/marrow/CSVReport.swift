import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressReport {
    /// One row per answer in the log, oldest first (`--format csv`), RFC 4180:
    /// comma separated, CRLF line ends, fields quoted when they hold a comma, a
    /// quote or a line break. `chosen` holds the chosen choices' numbers as the
    /// lesson writes them (1 first), `answer` their text; for an order question the
    /// steps' numbers in the learner's order and the steps; for a match question, per
    /// left item, the number of the partner given and "left → partner"; for a typed
    /// question nothing and what was typed. `rating` is how the answer was graded for
    /// review scheduling (again, hard, good, easy).
    var csv: String {
        let questions = questionsByID
        var rows = [["time", "course", "lesson", "question", "chosen", "answer", "correct", "rating"]]
        for record in records {
            let question = questions[record.question]
            let answer = question.map { AnswerText.given(record, question: $0) } ?? []
            // A typed answer's number names the accepted answer it matched, not a choice.
            let chosen = question?.kind == .typed ? [] : record.chosen
            rows.append([
                AnswerLog.isoTime(record.time),
                record.course,
                record.lesson,
                record.question,
                // 1-based as the learner saw them; a damaged log may hold Int.max.
                chosen.map { $0.addingReportingOverflow(1).overflow ? "?" : String($0 + 1) }.joined(separator: " "),
                answer.joined(separator: "; "),
                record.correct ? "true" : "false",
                record.effectiveRating.name,
            ])
        }
        return rows.map { $0.map(CSV.field).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// RFC 4180 fields.
enum CSV {
    /// `value`, quoted (quotes doubled) when it holds a comma, a quote or a line break.
    static func field(_ value: String) -> String {
        let clean = Sanitizer.clean(value)
        guard clean.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return clean }
        return "\"" + clean.replacing("\"", with: "\"\"") + "\""
    }
}
