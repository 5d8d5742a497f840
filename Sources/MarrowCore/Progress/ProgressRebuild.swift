#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension LearnerProgress {
    /// The answer-derived state the log alone gives: per course and lesson, one
    /// `QuizAttempt` per attempt id (started at its first answer, `total` from
    /// `attemptTotal`, the latest answer per question), and the lesson marked
    /// opened at its first answer. Positions, bookmarks, `finished`, reviews and
    /// `lastPlace` are not in the log, so they stay empty.
    ///
    /// Pass records from `LogReadResult.records` (reset answers already left out).
    /// Review schedules are rebuilt too (in log order, with `fsrs`), so they
    /// equal the ones `apply` kept answer by answer.
    package static func rebuild(from records: [AnswerRecord], fsrs: FSRS = FSRS()) -> LearnerProgress {
        var progress = LearnerProgress()
        for record in records { progress.apply(record, fsrs: fsrs) }
        return progress.normalized()
    }

    /// Adds one answer: creates the attempt if needed and sets the question's
    /// result (a later answer to the same question in the attempt replaces it),
    /// and moves the question's review schedule on by one FSRS review rated
    /// `record.effectiveRating` at `record.time`.
    ///
    /// Changes the course in place: the cost does not grow with the number of
    /// questions answered (no copy of the course's schedules per answer).
    package mutating func apply(_ record: AnswerRecord, fsrs: FSRS = FSRS()) {
        Self.apply(record, to: &courses[record.course, default: CourseProgress()], fsrs: fsrs, schedule: true)
    }

    private static func apply(_ record: AnswerRecord, to course: inout CourseProgress, fsrs: FSRS, schedule: Bool) {
        let review = course.reviews[record.question]
        let previous = course.lessons[record.lesson]?.attempts.first { $0.id == record.attempt }?.answers[record.question]
        // The same answer applied again (same attempt, result and second) is not a second review.
        let repeated = review.map { ReviewSchedule.isSameAnswer(record, asReviewAt: $0.lastReview, attempt: previous) } ?? false
        update(&course.lessons[record.lesson, default: LessonProgress()], with: record)
        if schedule && !repeated {
            course.reviews[record.question] = fsrs.next(review, rating: record.effectiveRating, at: record.time)
        }
    }

    private static func update(_ lesson: inout LessonProgress, with record: AnswerRecord) {
        if let opened = lesson.opened { lesson.opened = min(opened, record.time) } else { lesson.opened = record.time }
        if let i = lesson.attempts.firstIndex(where: { $0.id == record.attempt }) {
            lesson.attempts[i].answers[record.question] = record.correct
            lesson.attempts[i].total = max(lesson.attempts[i].total, record.attemptTotal)
            lesson.attempts[i].started = min(lesson.attempts[i].started, record.time)
            if lesson.attempts[i].fullQuiz == nil { lesson.attempts[i].fullQuiz = record.fullQuiz }
        } else {
            lesson.attempts.append(QuizAttempt(id: record.attempt, started: record.time, total: record.attemptTotal,
                                               answers: [record.question: record.correct], fullQuiz: record.fullQuiz))
        }
    }

    /// Brings the state up to date with log lines it may already hold in part: the
    /// lines after the log length the state file records (`ProgressStore`), or,
    /// for a file without one, the whole log. Replaying a line the state already
    /// holds changes nothing: attempts take each line's result in log order (the
    /// last one wins, as when it was given), and a question's schedule moves on
    /// only for an answer newer than its latest review (an older one is in it).
    /// Reset markers take out what they cover that is older than themselves.
    /// Undos are taken first: an answer taken back may be in the state already
    /// (saved in between), and whatever came after an undo is among the records.
    /// An undo puts the schedule back one review, as far as the state kept it;
    /// `ProgressStore.catchUp` then sets it exactly from the whole log.
    package mutating func replay(_ log: LogReadResult, fsrs: FSRS = FSRS()) {
        for marker in log.resets { replay(marker) }
        for undo in log.undos { apply(undo) }
        for record in log.records {
            let latest = courses[record.course]?.reviews[record.question]?.lastReview
            // Compared with the schedule alone: the attempt part just replayed may be
            // an older line's result, so "the same answer again" cannot be told from it.
            Self.apply(record, to: &courses[record.course, default: CourseProgress()], fsrs: fsrs,
                       schedule: latest.map { record.time > $0 } ?? true)
        }
        for grade in log.grades {
            // Already re-rated so: nothing to do (whatever desired retention it was rated with).
            let rating = Rating.forAnswer(correct: true, selfGrade: grade.rating)
            if courses[grade.course]?.reviews[grade.question]?.lastRating == rating { continue }
            apply(grade, fsrs: fsrs)
        }
    }

    /// A reset marker on a state that may not show it yet (a crash between the
    /// marker and the state's rewrite): the attempts it covers that started before
    /// it go, with the schedules of their questions reviewed before it, and a
    /// lesson left with nothing newer than the marker goes altogether.
    mutating func replay(_ marker: ResetMarker) {
        guard var course = courses[marker.course] else { return }
        var questions: Set<String> = []
        for id in marker.lesson.map({ [$0] }) ?? Array(course.lessons.keys) {
            guard var lesson = course.lessons[id] else { continue }
            for attempt in lesson.attempts where attempt.started < marker.time { questions.formUnion(attempt.answers.keys) }
            lesson.attempts.removeAll { $0.started < marker.time }
            let since = [lesson.opened, lesson.finished].contains { $0.map { $0 >= marker.time } ?? false }
            course.lessons[id] = since || !lesson.attempts.isEmpty ? lesson : nil
        }
        for question in marker.lesson == nil ? Set(course.reviews.keys) : questions {
            if let review = course.reviews[question], review.lastReview < marker.time { course.reviews[question] = nil }
        }
        courses[marker.course] = course
    }

    /// Applies a self-grade (hard or easy after a right answer) to the question's
    /// schedule: its latest review is re-rated. Returns false, changing nothing,
    /// when the latest review was a wrong answer or is not the graded one.
    @discardableResult
    package mutating func apply(_ grade: AnswerGrade, fsrs: FSRS = FSRS()) -> Bool {
        guard let state = self[course: grade.course].reviews[grade.question],
              state.lastRating != .again,
              grade.answerTime.map({ abs($0.timeIntervalSince(state.lastReview)) < 1 }) ?? true,
              let regraded = fsrs.regrade(state, to: Rating.forAnswer(correct: true, selfGrade: grade.rating))
        else { return false }
        self[course: grade.course].reviews[grade.question] = regraded
        return true
    }

    /// The same state with each lesson's attempts in a canonical order (by start
    /// time, then id), so `lastScore` means the latest attempt.
    package func normalized() -> LearnerProgress {
        var copy = self
        for (courseID, course) in copy.courses {
            for (lessonID, lesson) in course.lessons where !lesson.attempts.isSorted {
                copy.courses[courseID]?.lessons[lessonID]?.attempts.sort(by: QuizAttempt.chronological)
            }
        }
        return copy
    }
}

extension QuizAttempt {
    static func chronological(_ a: QuizAttempt, _ b: QuizAttempt) -> Bool {
        a.started != b.started ? a.started < b.started : a.id < b.id
    }
}

private extension [QuizAttempt] {
    var isSorted: Bool {
        zip(self, dropFirst()).allSatisfy { !QuizAttempt.chronological($1, $0) }
    }
}
