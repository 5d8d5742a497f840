/// The one place where an answer changes `Progress`, used both when an answer is
/// given and when progress is rebuilt from the answer log, so the two always agree.
extension Progress {
    /// Records `record` in its lesson's `QuizAttempt` (the one with the record's
    /// attempt id, created on the first answer with the record's time as its
    /// start and `attemptTotal` as its size).
    public mutating func apply(_ record: AnswerRecord) {
        var lesson = self[course: record.course][lesson: record.lesson]
        if let i = lesson.attempts.firstIndex(where: { $0.id == record.attempt }) {
            lesson.attempts[i].answers[record.question] = record.correct
        } else {
            lesson.attempts.append(QuizAttempt(id: record.attempt, started: record.time, total: record.attemptTotal,
                                               answers: [record.question: record.correct]))
        }
        self[course: record.course][lesson: record.lesson] = lesson
    }
}
