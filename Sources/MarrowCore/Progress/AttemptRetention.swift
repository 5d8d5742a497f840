/// Which quiz attempts `progress.json` keeps, so the state file stays the size of
/// the course rather than growing with every attempt ever made (the answer log
/// keeps them all: the progress review and a rebuild read it, not this list).
///
/// A lesson keeps its most recent `LessonProgress.recentAttemptsKept` attempts and
/// every older one that something shown from the state depends on: the best and
/// the latest scored attempt (`bestScore`, `lastScore`), the best finished attempt
/// (the course map's "● quiz 7/8") and a finished attempt of the largest size (so
/// `scoredAttempts` still tells retries from whole quizzes the same way), and the
/// latest whole-quiz attempt while it is left part-way (the quiz picks it up). Attempts
/// stay in their order. Keeping is deterministic, so two instances merging their
/// states drop the same attempts.
extension LessonProgress {
    /// How many of the latest attempts are always kept.
    package static let recentAttemptsKept = 3

    /// The attempts written to `progress.json` (all of them when there are few).
    package var retainedAttempts: [QuizAttempt] {
        guard attempts.count > Self.recentAttemptsKept else { return attempts }
        var keep = Set(attempts.indices.suffix(Self.recentAttemptsKept))
        // Times are kept to the second and ties are ordered by id, not by when the
        // quizzes were taken, so "the latest 3" alone could drop a quiz still in
        // progress (its next answer would then start it again without the earlier
        // ones) or one another instance just finished; the merge would then take
        // that as a removal. So also keep every attempt started within 2 s of the
        // latest, and the 3 latest unfinished ones from the day before it.
        if let latest = attempts.map(\.started).max() {
            let age = { latest.timeIntervalSince(attempts[$0].started) }
            keep.formUnion(attempts.indices.filter { age($0) < 2 })
            let unfinished = attempts.indices.filter { !attempts[$0].isComplete && age($0) < 24 * 3600 }
            keep.formUnion(unfinished.sorted { attempts[$0].started < attempts[$1].started }.suffix(Self.recentAttemptsKept))
        }
        // The lesson's latest whole-quiz attempt while it is left part-way: opening
        // the quiz picks it up (`QuizSession.unfinishedAttempt`), however old it is.
        if let whole = latestWholeQuizAttempt, !attempts[whole].isComplete { keep.insert(whole) }
        let finished = attempts.indices.filter { attempts[$0].isComplete }
        let largest = finished.map { attempts[$0].total }.max() ?? 0
        let scored = finished.filter { attempts[$0].isLessonScore(largestFinished: largest) }
        func best(_ indices: [Int]) -> Int? {
            indices.max { attempts[$0].score < attempts[$1].score || (attempts[$0].score == attempts[$1].score && $0 > $1) }
        }
        for index in [best(scored), scored.last, best(finished), finished.first { attempts[$0].total == largest }] {
            if let index { keep.insert(index) }
        }
        return attempts.indices.filter(keep.contains).map { attempts[$0] }
    }

    /// The index of the lesson's latest attempt at its whole quiz (`fullQuiz`), by
    /// start, then id; nil when there is none.
    var latestWholeQuizAttempt: Int? {
        attempts.indices.filter { attempts[$0].fullQuiz == true }
            .max { QuizAttempt.chronological(attempts[$0], attempts[$1]) }
    }
}
