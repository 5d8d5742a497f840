import FoundationEssentials

/// The learner's current state, saved as `progress.json` (small; rewritten atomically).
///
/// Everything about answers can be rebuilt from the answer log (`AnswerLog`);
/// reading positions and bookmarks live only here.
package struct LearnerProgress: Sendable, Hashable {
    package static let currentSchemaVersion = 1

    package var schemaVersion: Int
    /// Per course id.
    package var courses: [String: CourseProgress]
    /// Top-level fields this version does not know, kept as they were.
    package var unknownFields: [String: JSONValue]

    package init(schemaVersion: Int = LearnerProgress.currentSchemaVersion, courses: [String: CourseProgress] = [:], unknownFields: [String: JSONValue] = [:]) {
        self.schemaVersion = schemaVersion
        self.courses = courses
        self.unknownFields = unknownFields
    }

    /// The progress of one course, empty if none yet.
    package subscript(course id: String) -> CourseProgress {
        get { courses[id] ?? CourseProgress() }
        set { courses[id] = newValue }
    }
}

/// One course's progress.
package struct CourseProgress: Sendable, Hashable, Codable {
    /// Per lesson id.
    package var lessons: [String: LessonProgress]
    /// Where the learner last was, for "Continue".
    package var lastPlace: Place?
    /// Whether the full disclaimer has been shown once.
    package var disclaimerSeen: Bool
    /// Per question id: FSRS review schedule, moved on by every answer
    /// (`LearnerProgress.apply`) and always rebuildable from the answer log
    /// (`ReviewSchedule.rebuild`). Questions no longer in the course keep theirs.
    package var reviews: [String: ReviewState]
    /// Fields of the course object this version does not know, kept as they were.
    package var unknownFields: [String: JSONValue]

    package init(lessons: [String: LessonProgress] = [:], lastPlace: Place? = nil, disclaimerSeen: Bool = false, reviews: [String: ReviewState] = [:], unknownFields: [String: JSONValue] = [:]) {
        self.lessons = lessons
        self.lastPlace = lastPlace
        self.disclaimerSeen = disclaimerSeen
        self.reviews = reviews
        self.unknownFields = unknownFields
    }

    package subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case lessons, lastPlace, disclaimerSeen, reviews }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lessons = try c.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
        lastPlace = try c.decodeIfPresent(Place.self, forKey: .lastPlace)
        disclaimerSeen = try c.decodeIfPresent(Bool.self, forKey: .disclaimerSeen) ?? false
        reviews = try c.decodeIfPresent([String: ReviewState].self, forKey: .reviews) ?? [:]
        unknownFields = try decoder.unknownFields(known: CodingKeys.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lessons, forKey: .lessons)
        try c.encodeIfPresent(lastPlace, forKey: .lastPlace)
        try c.encode(disclaimerSeen, forKey: .disclaimerSeen)
        try c.encode(reviews, forKey: .reviews)
        try encoder.encodeUnknownFields(unknownFields)
    }
}

/// A place in a course: a lesson and a reading position in it.
package struct Place: Sendable, Hashable, Codable {
    package var lessonID: String
    package var position: ReadingPosition

    package init(lessonID: String, position: ReadingPosition) {
        self.lessonID = lessonID
        self.position = position
    }
}

/// A reading position that survives re-wrapping at another width: the index of
/// the top block in the lesson body and a character offset into its text.
package struct ReadingPosition: Sendable, Hashable, Codable {
    package var block: Int
    package var offset: Int
    /// How far through the lesson, 0...100, for display ("Continue … (42%)").
    package var percent: Int

    package init(block: Int = 0, offset: Int = 0, percent: Int = 0) {
        self.block = block
        self.offset = offset
        self.percent = percent
    }

    enum CodingKeys: String, CodingKey { case block, offset, percent }

    /// A percent outside 0...100 in a hand-edited or damaged file is brought into
    /// range, so no screen shows "(9223372036854775807%)".
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        block = try c.decode(Int.self, forKey: .block)
        offset = try c.decode(Int.self, forKey: .offset)
        percent = min(100, max(0, try c.decode(Int.self, forKey: .percent)))
    }
}

/// One lesson's progress.
package struct LessonProgress: Sendable, Hashable, Codable {
    package var opened: Date?
    /// When the learner reached the end of the lesson.
    package var finished: Date?
    package var position: ReadingPosition?
    package var bookmarks: [ReadingPosition]
    package var attempts: [QuizAttempt]
    /// Fields of the lesson object this version does not know, kept as they were.
    package var unknownFields: [String: JSONValue]

    package init(opened: Date? = nil, finished: Date? = nil, position: ReadingPosition? = nil, bookmarks: [ReadingPosition] = [], attempts: [QuizAttempt] = [], unknownFields: [String: JSONValue] = [:]) {
        self.opened = opened
        self.finished = finished
        self.position = position
        self.bookmarks = bookmarks
        self.attempts = attempts
        self.unknownFields = unknownFields
    }

    package var isRead: Bool { finished != nil }
    /// Best score over the attempts that count as lesson scores, 0...1.
    package var bestScore: Double? { scoredAttempts.map(\.score).max() }
    /// Score of the latest attempt that counts as a lesson score, 0...1.
    package var lastScore: Double? { scoredAttempts.last?.score }

    /// The attempts that count as lesson scores, in order: finished, and asking
    /// the whole lesson quiz. A "retry just the missed questions" attempt (2 of 2)
    /// is not a lesson score; its answers still count for tags, the missed list
    /// and review schedules. An attempt without `fullQuiz` (from an older log)
    /// counts when it asked as many questions as the largest finished attempt of
    /// the lesson: retries are always smaller than the quiz they retry.
    package var scoredAttempts: [QuizAttempt] {
        let finished = attempts.filter(\.isComplete)
        let largest = finished.map(\.total).max() ?? 0
        return finished.filter { $0.isLessonScore(largestFinished: largest) }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case opened, finished, position, bookmarks, attempts }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        opened = try c.decodeIfPresent(Date.self, forKey: .opened)
        finished = try c.decodeIfPresent(Date.self, forKey: .finished)
        position = try c.decodeIfPresent(ReadingPosition.self, forKey: .position)
        bookmarks = try c.decodeIfPresent([ReadingPosition].self, forKey: .bookmarks) ?? []
        attempts = try c.decodeIfPresent([QuizAttempt].self, forKey: .attempts) ?? []
        unknownFields = try decoder.unknownFields(known: CodingKeys.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(opened, forKey: .opened)
        try c.encodeIfPresent(finished, forKey: .finished)
        try c.encodeIfPresent(position, forKey: .position)
        try c.encode(bookmarks, forKey: .bookmarks)
        try c.encode(retainedAttempts, forKey: .attempts)
        try encoder.encodeUnknownFields(unknownFields)
    }
}

/// One attempt at a lesson's quiz (or a retry of some of its questions).
package struct QuizAttempt: Sendable, Hashable, Codable {
    /// Unique (random), shared by the attempt's answer records in the log.
    package var id: String
    package var started: Date
    /// How many questions the attempt asks.
    package var total: Int
    /// Question ids answered so far, with whether each was right.
    package var answers: [String: Bool]
    /// Whether the attempt asks the whole lesson quiz (see `AnswerRecord.fullQuiz`);
    /// nil when unknown (older files).
    package var fullQuiz: Bool?

    package init(id: String, started: Date, total: Int, answers: [String: Bool] = [:], fullQuiz: Bool? = nil) {
        self.id = id
        self.started = started
        self.total = total
        self.answers = answers
        self.fullQuiz = fullQuiz
    }

    package var correct: Int { answers.values.filter { $0 }.count }
    package var isComplete: Bool { answers.count >= total && total > 0 }
    package var score: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Whether this finished attempt counts as a lesson score (`LessonProgress.scoredAttempts`),
    /// given the size of the lesson's largest finished attempt.
    func isLessonScore(largestFinished: Int) -> Bool { fullQuiz ?? (total >= largestFinished) }
}

/// A question's review schedule (FSRS memory state, see `FSRS`).
///
/// Kept in `progress.json` per question id, and always rebuildable from the
/// answer log (`ReviewSchedule.rebuild(records:fsrs:)`).
package struct ReviewState: Sendable, Hashable, Codable {
    /// Days until the recall probability falls to 0.9.
    package var stability: Double
    /// 1 (easy) ... 10 (hard).
    package var difficulty: Double
    package var due: Date
    package var lastReview: Date
    /// Reviews (answers) so far.
    package var reps: Int
    /// Wrong answers so far.
    package var lapses: Int
    /// The rating of the latest review (absent in files written before it existed).
    package var lastRating: Rating?
    /// The schedule before the latest review, so a self-grade given right after
    /// an answer can re-rate it without reading the log (`FSRS.regrade`). nil
    /// after the first review, and in files written before it existed.
    package var prior: Prior?

    package init(stability: Double, difficulty: Double, due: Date, lastReview: Date, reps: Int = 0, lapses: Int = 0, lastRating: Rating? = nil, prior: Prior? = nil) {
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
        self.lastRating = lastRating
        self.prior = prior
    }

    /// A review state's memory fields, one review back.
    package struct Prior: Sendable, Hashable, Codable {
        package var stability: Double
        package var difficulty: Double
        package var due: Date
        package var lastReview: Date
        package var lastRating: Rating?

        package init(stability: Double, difficulty: Double, due: Date, lastReview: Date, lastRating: Rating? = nil) {
            self.stability = stability
            self.difficulty = difficulty
            self.due = due
            self.lastReview = lastReview
            self.lastRating = lastRating
        }
    }

    /// This state one review back, as far as it is known; nil when the latest
    /// review was the first one, or when the prior state was not kept.
    package var beforeLatestReview: ReviewState? {
        guard reps > 1, let prior else { return nil }
        return ReviewState(stability: prior.stability, difficulty: prior.difficulty, due: prior.due, lastReview: prior.lastReview,
                           reps: reps - 1, lapses: max(0, lapses - (lastRating == .again && lapses > 0 ? 1 : 0)), lastRating: prior.lastRating)
    }
}

/// One line of the answer log (`NAME.history.jsonl`): an answer as it was given.
package struct AnswerRecord: Sendable, Hashable, Codable {
    package var course: String
    package var lesson: String
    package var question: String
    /// Chosen choices, as indices in the order the lesson file writes them (for order, match
    /// and typed answers see `Question.isCorrect(recorded:)`).
    package var chosen: [Int]
    package var correct: Bool
    package var time: Date
    /// The quiz attempt this answer belongs to (`QuizAttempt.id`).
    package var attempt: String
    /// How many questions that attempt asks (so the log alone rebuilds scores).
    package var attemptTotal: Int
    /// Whether the attempt asks every question of the lesson's quiz (a lesson
    /// score), as opposed to a retry of some of them or a review. nil in logs
    /// written before it existed (then `LessonProgress` infers it).
    package var fullQuiz: Bool?
    /// The review rating, when a self-grade amended it (see `AnswerGrade`); nil
    /// means derived: `correct ? .good : .again` (`effectiveRating`).
    package var rating: Rating?
    /// What the learner typed, for a type-the-answer question (then `chosen` holds the
    /// accepted answer it matched, or nothing); nil for every other kind. Kept so the
    /// mistakes list can show what was typed; absent in older lines.
    package var typed: String?

    package init(course: String, lesson: String, question: String, chosen: [Int], correct: Bool, time: Date, attempt: String, attemptTotal: Int, fullQuiz: Bool? = nil, rating: Rating? = nil, typed: String? = nil) {
        self.course = course
        self.lesson = lesson
        self.question = question
        self.chosen = chosen
        self.correct = correct
        self.time = time
        self.attempt = attempt
        self.attemptTotal = attemptTotal
        self.fullQuiz = fullQuiz
        self.rating = rating
        self.typed = typed
    }

    /// The FSRS rating of this answer: `again` when wrong; when right, `rating`
    /// if it is hard, good or easy, else `good`.
    package var effectiveRating: Rating { Rating.forAnswer(correct: correct, selfGrade: rating) }
}
