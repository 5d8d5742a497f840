import FoundationEssentials

/// The learner's current state, saved as `progress.json` (small; rewritten atomically).
///
/// Everything about answers can be rebuilt from the answer log (`AnswerLog`);
/// reading positions and bookmarks live only here.
public struct Progress: Sendable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Per course id.
    public var courses: [String: CourseProgress]
    /// Top-level fields this version does not know, kept as they were.
    public var unknownFields: [String: JSONValue]

    public init(schemaVersion: Int = Progress.currentSchemaVersion, courses: [String: CourseProgress] = [:], unknownFields: [String: JSONValue] = [:]) {
        self.schemaVersion = schemaVersion
        self.courses = courses
        self.unknownFields = unknownFields
    }

    /// The progress of one course, empty if none yet.
    public subscript(course id: String) -> CourseProgress {
        get { courses[id] ?? CourseProgress() }
        set { courses[id] = newValue }
    }
}

/// One course's progress.
public struct CourseProgress: Sendable, Hashable, Codable {
    /// Per lesson id.
    public var lessons: [String: LessonProgress]
    /// Where the learner last was, for "Continue".
    public var lastPlace: Place?
    /// Whether the full disclaimer has been shown once.
    public var disclaimerSeen: Bool
    /// Per question id: FSRS review schedule, moved on by every answer
    /// (`Progress.apply`) and always rebuildable from the answer log
    /// (`ReviewSchedule.rebuild`). Questions no longer in the course keep theirs.
    public var reviews: [String: ReviewState]
    /// Fields of the course object this version does not know, kept as they were.
    public var unknownFields: [String: JSONValue]

    public init(lessons: [String: LessonProgress] = [:], lastPlace: Place? = nil, disclaimerSeen: Bool = false, reviews: [String: ReviewState] = [:], unknownFields: [String: JSONValue] = [:]) {
        self.lessons = lessons
        self.lastPlace = lastPlace
        self.disclaimerSeen = disclaimerSeen
        self.reviews = reviews
        self.unknownFields = unknownFields
    }

    public subscript(lesson id: String) -> LessonProgress {
        get { lessons[id] ?? LessonProgress() }
        set { lessons[id] = newValue }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case lessons, lastPlace, disclaimerSeen, reviews }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lessons = try c.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
        lastPlace = try c.decodeIfPresent(Place.self, forKey: .lastPlace)
        disclaimerSeen = try c.decodeIfPresent(Bool.self, forKey: .disclaimerSeen) ?? false
        reviews = try c.decodeIfPresent([String: ReviewState].self, forKey: .reviews) ?? [:]
        unknownFields = try decoder.unknownFields(known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lessons, forKey: .lessons)
        try c.encodeIfPresent(lastPlace, forKey: .lastPlace)
        try c.encode(disclaimerSeen, forKey: .disclaimerSeen)
        try c.encode(reviews, forKey: .reviews)
        try encoder.encodeUnknownFields(unknownFields)
    }
}

/// A place in a course: a lesson and a reading position in it.
public struct Place: Sendable, Hashable, Codable {
    public var lessonID: String
    public var position: ReadingPosition

    public init(lessonID: String, position: ReadingPosition) {
        self.lessonID = lessonID
        self.position = position
    }
}

/// A reading position that survives re-wrapping at another width: the index of
/// the top block in the lesson body and a character offset into its text.
public struct ReadingPosition: Sendable, Hashable, Codable {
    public var block: Int
    public var offset: Int
    /// How far through the lesson, 0...100, for display ("Continue … (42%)").
    public var percent: Int

    public init(block: Int = 0, offset: Int = 0, percent: Int = 0) {
        self.block = block
        self.offset = offset
        self.percent = percent
    }

    enum CodingKeys: String, CodingKey { case block, offset, percent }

    /// A percent outside 0...100 in a hand-edited or damaged file is brought into
    /// range, so no screen shows "(9223372036854775807%)".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        block = try c.decode(Int.self, forKey: .block)
        offset = try c.decode(Int.self, forKey: .offset)
        percent = min(100, max(0, try c.decode(Int.self, forKey: .percent)))
    }
}

/// One lesson's progress.
public struct LessonProgress: Sendable, Hashable, Codable {
    public var opened: Date?
    /// When the learner reached the end of the lesson.
    public var finished: Date?
    public var position: ReadingPosition?
    public var bookmarks: [ReadingPosition]
    public var attempts: [QuizAttempt]
    /// Fields of the lesson object this version does not know, kept as they were.
    public var unknownFields: [String: JSONValue]

    public init(opened: Date? = nil, finished: Date? = nil, position: ReadingPosition? = nil, bookmarks: [ReadingPosition] = [], attempts: [QuizAttempt] = [], unknownFields: [String: JSONValue] = [:]) {
        self.opened = opened
        self.finished = finished
        self.position = position
        self.bookmarks = bookmarks
        self.attempts = attempts
        self.unknownFields = unknownFields
    }

    public var isRead: Bool { finished != nil }
    /// Best score over the attempts that count as lesson scores, 0...1.
    public var bestScore: Double? { scoredAttempts.map(\.score).max() }
    /// Score of the latest attempt that counts as a lesson score, 0...1.
    public var lastScore: Double? { scoredAttempts.last?.score }

    /// The attempts that count as lesson scores, in order: finished, and asking
    /// the whole lesson quiz. A "retry just the missed questions" attempt (2 of 2)
    /// is not a lesson score; its answers still count for tags, the missed list
    /// and review schedules. An attempt without `fullQuiz` (from an older log)
    /// counts when it asked as many questions as the largest finished attempt of
    /// the lesson: retries are always smaller than the quiz they retry.
    public var scoredAttempts: [QuizAttempt] {
        let finished = attempts.filter(\.isComplete)
        let largest = finished.map(\.total).max() ?? 0
        return finished.filter { $0.isLessonScore(largestFinished: largest) }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case opened, finished, position, bookmarks, attempts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        opened = try c.decodeIfPresent(Date.self, forKey: .opened)
        finished = try c.decodeIfPresent(Date.self, forKey: .finished)
        position = try c.decodeIfPresent(ReadingPosition.self, forKey: .position)
        bookmarks = try c.decodeIfPresent([ReadingPosition].self, forKey: .bookmarks) ?? []
        attempts = try c.decodeIfPresent([QuizAttempt].self, forKey: .attempts) ?? []
        unknownFields = try decoder.unknownFields(known: CodingKeys.self)
    }

    public func encode(to encoder: any Encoder) throws {
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
public struct QuizAttempt: Sendable, Hashable, Codable {
    /// Unique (random), shared by the attempt's answer records in the log.
    public var id: String
    public var started: Date
    /// How many questions the attempt asks.
    public var total: Int
    /// Question ids answered so far, with whether each was right.
    public var answers: [String: Bool]
    /// Whether the attempt asks the whole lesson quiz (see `AnswerRecord.fullQuiz`);
    /// nil when unknown (older files).
    public var fullQuiz: Bool?

    public init(id: String, started: Date, total: Int, answers: [String: Bool] = [:], fullQuiz: Bool? = nil) {
        self.id = id
        self.started = started
        self.total = total
        self.answers = answers
        self.fullQuiz = fullQuiz
    }

    public var correct: Int { answers.values.filter { $0 }.count }
    public var isComplete: Bool { answers.count >= total && total > 0 }
    public var score: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Whether this finished attempt counts as a lesson score (`LessonProgress.scoredAttempts`),
    /// given the size of the lesson's largest finished attempt.
    func isLessonScore(largestFinished: Int) -> Bool { fullQuiz ?? (total >= largestFinished) }
}

/// A question's review schedule (FSRS memory state, see `FSRS`).
///
/// Kept in `progress.json` per question id, and always rebuildable from the
/// answer log (`ReviewSchedule.rebuild(records:fsrs:)`).
public struct ReviewState: Sendable, Hashable, Codable {
    /// Days until the recall probability falls to 0.9.
    public var stability: Double
    /// 1 (easy) ... 10 (hard).
    public var difficulty: Double
    public var due: Date
    public var lastReview: Date
    /// Reviews (answers) so far.
    public var reps: Int
    /// Wrong answers so far.
    public var lapses: Int
    /// The rating of the latest review (absent in files written before it existed).
    public var lastRating: Rating?
    /// The schedule before the latest review, so a self-grade given right after
    /// an answer can re-rate it without reading the log (`FSRS.regrade`). nil
    /// after the first review, and in files written before it existed.
    public var prior: Prior?

    public init(stability: Double, difficulty: Double, due: Date, lastReview: Date, reps: Int = 0, lapses: Int = 0, lastRating: Rating? = nil, prior: Prior? = nil) {
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
    public struct Prior: Sendable, Hashable, Codable {
        public var stability: Double
        public var difficulty: Double
        public var due: Date
        public var lastReview: Date
        public var lastRating: Rating?

        public init(stability: Double, difficulty: Double, due: Date, lastReview: Date, lastRating: Rating? = nil) {
            self.stability = stability
            self.difficulty = difficulty
            self.due = due
            self.lastReview = lastReview
            self.lastRating = lastRating
        }
    }

    /// This state one review back, as far as it is known; nil when the latest
    /// review was the first one, or when the prior state was not kept.
    public var beforeLatestReview: ReviewState? {
        guard reps > 1, let prior else { return nil }
        return ReviewState(stability: prior.stability, difficulty: prior.difficulty, due: prior.due, lastReview: prior.lastReview,
                           reps: reps - 1, lapses: max(0, lapses - (lastRating == .again && lapses > 0 ? 1 : 0)), lastRating: prior.lastRating)
    }
}

/// One line of the answer log (`NAME.history.jsonl`): an answer as it was given.
public struct AnswerRecord: Sendable, Hashable, Codable {
    public var course: String
    public var lesson: String
    public var question: String
    /// Chosen choices, as indices in the order the lesson file writes them.
    public var chosen: [Int]
    public var correct: Bool
    public var time: Date
    /// The quiz attempt this answer belongs to (`QuizAttempt.id`).
    public var attempt: String
    /// How many questions that attempt asks (so the log alone rebuilds scores).
    public var attemptTotal: Int
    /// Whether the attempt asks every question of the lesson's quiz (a lesson
    /// score), as opposed to a retry of some of them or a review. nil in logs
    /// written before it existed (then `LessonProgress` infers it).
    public var fullQuiz: Bool?
    /// The review rating, when a self-grade amended it (see `AnswerGrade`); nil
    /// means derived: `correct ? .good : .again` (`effectiveRating`).
    public var rating: Rating?

    public init(course: String, lesson: String, question: String, chosen: [Int], correct: Bool, time: Date, attempt: String, attemptTotal: Int, fullQuiz: Bool? = nil, rating: Rating? = nil) {
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
    }

    /// The FSRS rating of this answer: `again` when wrong; when right, `rating`
    /// if it is hard, good or easy, else `good`.
    public var effectiveRating: Rating { Rating.forAnswer(correct: correct, selfGrade: rating) }
}
