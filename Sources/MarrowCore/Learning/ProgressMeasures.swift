/// Marrow's two measures of progress, in the same words on every screen, in `?`
/// help and in `marrow progress`: a lesson's **quiz score** (what the learner did)
/// and what is **remembered now** (what they are likely to know today).
///
/// Earlier versions showed four numbers in jargon (a star for any quiz score,
/// "mastery", "right on the latest try", "mastered today"); a patient could not
/// tell them apart, so the screens and reports now show only these two.
package enum ProgressMeasures {
    package static let quizScoreName = "Quiz score"
    package static let rememberedNowName = "Remembered now"
    /// What a quiz score is, as help and the reports explain it.
    package static let quizScoreMeaning =
        "how many of a lesson's quiz questions you got right when you took the whole quiz; the course map and your progress show your best try. Retrying missed questions or reviewing does not change it."
    /// What "remembered now" is, as help and the reports explain it.
    package static let rememberedNowMeaning =
        "the questions you answered right the last time and are likely (9 times in 10) to still know today. It goes down as time passes and back up when you review."

    /// "remembered 3/5": the short form beside a bar.
    package static func remembered(_ mastery: Mastery) -> String {
        "remembered \(mastery.mastered)/\(mastery.total)"
    }
}

/// A lesson's quiz score: right answers of the questions asked, on the learner's
/// best finished try at the lesson's whole quiz (`LessonProgress.scoredAttempts`;
/// of equal scores, the first).
package struct QuizScore: Sendable, Hashable {
    package var correct: Int
    package var total: Int

    package init(correct: Int, total: Int) {
        self.correct = correct
        self.total = total
    }

    /// The best whole-quiz try of `lesson`; nil when it has none.
    package init?(best lesson: LessonProgress) {
        guard let best = lesson.scoredAttempts.max(by: { $0.score < $1.score }) else { return nil }
        self.init(correct: best.correct, total: best.total)
    }

    /// Rounded 0...100.
    package var percent: Int { Scoring.percent(correct, of: total) ?? 0 }

    /// "7/9".
    package var fraction: String { "\(correct)/\(total)" }

    /// "quiz 7/9": the short form in lists.
    package var label: String { "quiz " + fraction }
}
