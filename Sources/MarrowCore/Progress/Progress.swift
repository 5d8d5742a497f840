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
    /// Per question id: review schedule (filled by the scheduler; see the learning issue).
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
    /// Best score over finished attempts, 0...1.
    public var bestScore: Double? { attempts.filter(\.isComplete).map(\.score).max() }
    /// Score of the latest finished attempt, 0...1.
    public var lastScore: Double? { attempts.last(where: \.isComplete)?.score }

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
        try c.encode(attempts, forKey: .attempts)
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

    public init(id: String, started: Date, total: Int, answers: [String: Bool] = [:]) {
        self.id = id
        self.started = started
        self.total = total
        self.answers = answers
    }

    public var correct: Int { answers.values.filter { $0 }.count }
    public var isComplete: Bool { answers.count >= total && total > 0 }
    public var score: Double { total == 0 ? 0 : Double(correct) / Double(total) }
}

/// A question's review schedule (FSRS memory state), filled by the learning issue.
public struct ReviewState: Sendable, Hashable, Codable {
    public var stability: Double
    public var difficulty: Double
    public var due: Date
    public var lastReview: Date
    public var reps: Int
    public var lapses: Int

    public init(stability: Double, difficulty: Double, due: Date, lastReview: Date, reps: Int = 0, lapses: Int = 0) {
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
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

    public init(course: String, lesson: String, question: String, chosen: [Int], correct: Bool, time: Date, attempt: String, attemptTotal: Int) {
        self.course = course
        self.lesson = lesson
        self.question = question
        self.chosen = chosen
        self.correct = correct
        self.time = time
        self.attempt = attempt
        self.attemptTotal = attemptTotal
    }
}
