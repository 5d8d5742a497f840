/// How well a question was recalled, as FSRS grades a review.
///
/// Marrow derives it from the answer: a wrong answer is a lapse (`again`), a
/// right one is `good`; after a right answer the learner may say it was `hard`
/// or `easy` (one optional key), which the log records as a later grade line
/// (`AnswerGrade`), so the log stays append-only.
package enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    package static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }

    /// The rating's name as FSRS calls it: "again", "hard", "good" or "easy".
    package var name: String {
        switch self {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    /// The rating an answer gets: `again` when wrong whatever was asked for;
    /// when right, the learner's own grade if it is hard, good or easy, else `good`.
    package static func forAnswer(correct: Bool, selfGrade: Rating? = nil) -> Rating {
        guard correct else { return .again }
        guard let selfGrade, selfGrade != .again else { return .good }
        return selfGrade
    }
}
