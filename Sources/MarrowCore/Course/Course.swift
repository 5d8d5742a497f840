/// A course: a folder holding `course.yaml`, lesson files `NN-slug.md` and `glossary.yaml`.
package struct Course: Sendable, Equatable {
    package var info: CourseInfo
    /// The lessons that loaded, in file-name order.
    package var lessons: [Lesson]
    /// Lesson files that could not be loaded, each with its first error; the rest of the course still opens.
    package var brokenLessons: [BrokenLesson]
    package var glossary: [GlossaryTerm]
    /// Every problem found while loading, in file order.
    package var diagnostics: [Diagnostic]
    /// The course folder.
    package var directory: String

    package init(info: CourseInfo, lessons: [Lesson], brokenLessons: [BrokenLesson] = [], glossary: [GlossaryTerm] = [], diagnostics: [Diagnostic] = [], directory: String = "") {
        self.info = info
        self.lessons = lessons
        self.brokenLessons = brokenLessons
        self.glossary = glossary
        self.diagnostics = diagnostics
        self.directory = directory
    }

    package func lesson(id: String) -> Lesson? { lessons.first { $0.id == id } }

    /// All questions of all lessons, in course order.
    package var allQuestions: [Question] { lessons.flatMap(\.quiz) }
}

/// What `course.yaml` says about the course.
package struct CourseInfo: Sendable, Hashable {
    package var id: String
    package var title: String
    package var summary: String
    package var disclaimer: String
    package var version: String
    /// ISO date `YYYY-MM-DD`.
    package var lastReviewed: String
    /// Whether quiz choices are shuffled for each attempt (default true).
    package var shuffleChoices: Bool
    /// The recall probability at which review questions fall due
    /// (`desired-retention`, 0.7...0.99, default 0.9); see `FSRS`.
    package var desiredRetention: Double
    /// The one-line notice at the foot of the course map (`map-notice`), and
    /// its form for narrow terminals (`map-notice-short`): another course may
    /// need other words.
    package var mapNotice: String
    package var mapNoticeShort: String
    /// How many due questions one review session asks at most (`review-limit`,
    /// 1...1000, default 20): after a long absence the rest wait for the next
    /// session, or for "keep going", instead of a wall of a hundred questions.
    package var reviewLimit: Int

    package static let defaultMapNotice = "Education only, not medical advice."
    package static let defaultMapNoticeShort = "Not medical advice."
    package static let defaultReviewLimit = 20
    /// The values `review-limit` and `--review-limit` may take.
    package static let reviewLimitRange = 1...1000

    package init(id: String, title: String, summary: String = "", disclaimer: String = "", version: String = "1", lastReviewed: String = "", shuffleChoices: Bool = true, desiredRetention: Double = 0.9,
                mapNotice: String = CourseInfo.defaultMapNotice, mapNoticeShort: String = CourseInfo.defaultMapNoticeShort,
                reviewLimit: Int = CourseInfo.defaultReviewLimit) {
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
        self.reviewLimit = reviewLimit
    }

    /// The scheduler for this course: FSRS with the course's desired retention,
    /// or `override` (a command-line flag) when given.
    package func scheduler(desiredRetention override: Double? = nil) -> FSRS {
        FSRS(desiredRetention: override ?? desiredRetention)
    }
}

/// A lesson file that could not be loaded.
package struct BrokenLesson: Sendable, Hashable {
    package var path: String
    package var fileName: String
    /// The lesson's title if the front matter was readable, else the file name.
    package var title: String
    package var error: Diagnostic
    /// The lesson's id if the front matter gave one.
    package var id: String?

    package init(path: String, fileName: String, title: String, error: Diagnostic, id: String? = nil) {
        self.path = path
        self.fileName = fileName
        self.title = title
        self.error = error
        self.id = id
    }
}

/// One entry of `glossary.yaml`.
package struct GlossaryTerm: Sendable, Hashable {
    package var term: String
    package var definition: String
    package var aliases: [String]

    package init(term: String, definition: String, aliases: [String] = []) {
        self.term = term
        self.definition = definition
        self.aliases = aliases
    }
}
