/// A course: a folder holding `course.yaml`, lesson files `NN-slug.md` and `glossary.yaml`.
public struct Course: Sendable {
    public var info: CourseInfo
    /// The lessons that loaded, in file-name order.
    public var lessons: [Lesson]
    /// Lesson files that could not be loaded, each with its first error; the rest of the course still opens.
    public var brokenLessons: [BrokenLesson]
    public var glossary: [GlossaryTerm]
    /// Every problem found while loading, in file order.
    public var diagnostics: [Diagnostic]
    /// The course folder.
    public var directory: String

    public init(info: CourseInfo, lessons: [Lesson], brokenLessons: [BrokenLesson] = [], glossary: [GlossaryTerm] = [], diagnostics: [Diagnostic] = [], directory: String = "") {
        self.info = info
        self.lessons = lessons
        self.brokenLessons = brokenLessons
        self.glossary = glossary
        self.diagnostics = diagnostics
        self.directory = directory
    }

    public func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// All questions of all lessons, in course order.
    public var allQuestions: [Question] { lessons.flatMap(\.quiz) }
}

/// What `course.yaml` says about the course.
public struct CourseInfo: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String
    public var disclaimer: String
    public var version: String
    /// ISO date `YYYY-MM-DD`.
    public var lastReviewed: String
    /// Whether quiz choices are shuffled for each attempt (default true).
    public var shuffleChoices: Bool
    /// The recall probability at which review questions fall due
    /// (`desired-retention`, 0.7...0.99, default 0.9); see `FSRS`.
    public var desiredRetention: Double
    /// The one-line notice at the foot of the course map (`map-notice`), and
    /// its form for narrow terminals (`map-notice-short`): another course may
    /// need other words.
    public var mapNotice: String
    public var mapNoticeShort: String

    public static let defaultMapNotice = "Education only, not medical advice."
    public static let defaultMapNoticeShort = "Not medical advice."

    public init(id: String, title: String, summary: String = "", disclaimer: String = "", version: String = "1", lastReviewed: String = "", shuffleChoices: Bool = true, desiredRetention: Double = 0.9,
                mapNotice: String = CourseInfo.defaultMapNotice, mapNoticeShort: String = CourseInfo.defaultMapNoticeShort) {
        self.id = id
        self.title = title
        self.summary = summary
        self.disclaimer = disclaimer
        self.version = version
        self.lastReviewed = lastReviewed
        self.shuffleChoices = shuffleChoices
        self.desiredRetention = desiredRetention
        self.mapNotice = mapNotice
        self.mapNoticeShort = mapNoticeShort
    }

    /// The scheduler for this course: FSRS with the course's desired retention,
    /// or `override` (a command-line flag) when given.
    public func scheduler(desiredRetention override: Double? = nil) -> FSRS {
        FSRS(desiredRetention: override ?? desiredRetention)
    }
}

/// A lesson file that could not be loaded.
public struct BrokenLesson: Sendable, Hashable {
    public var path: String
    public var fileName: String
    /// The lesson's title if the front matter was readable, else the file name.
    public var title: String
    public var error: Diagnostic
    /// The lesson's id if the front matter gave one.
    public var id: String?

    public init(path: String, fileName: String, title: String, error: Diagnostic, id: String? = nil) {
        self.path = path
        self.fileName = fileName
        self.title = title
        self.error = error
        self.id = id
    }
}

/// One entry of `glossary.yaml`.
public struct GlossaryTerm: Sendable, Hashable {
    public var term: String
    public var definition: String
    public var aliases: [String]

    public init(term: String, definition: String, aliases: [String] = []) {
        self.term = term
        self.definition = definition
        self.aliases = aliases
    }
}
