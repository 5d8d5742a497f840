/// A lesson: front matter, a body and its quiz.
public struct Lesson: Sendable, Hashable {
    public var meta: LessonMeta
    /// The body without the quiz section.
    public var body: Document
    public var quiz: [Question]
    /// The file's path, as given to the loader.
    public var path: String
    public var fileName: String

    public init(meta: LessonMeta, body: Document, quiz: [Question], path: String = "", fileName: String = "") {
        self.meta = meta
        self.body = body
        self.quiz = quiz
        self.path = path
        self.fileName = fileName
    }

    public var id: String { meta.id }
    public var title: String { meta.title }
}

/// The YAML front matter of a lesson file.
public struct LessonMeta: Sendable, Hashable {
    /// Stable and unique across the course: progress refers to it.
    public var id: String
    public var title: String
    public var summary: String
    /// Estimated reading time.
    public var minutes: Int
    public var objectives: [String]
    public var sources: [SourceLink]
    /// ISO date `YYYY-MM-DD` on which the content was last checked.
    public var reviewed: String

    public init(id: String, title: String, summary: String = "", minutes: Int = 1, objectives: [String] = [], sources: [SourceLink] = [], reviewed: String = "") {
        self.id = id
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.objectives = objectives
        self.sources = sources
        self.reviewed = reviewed
    }
}

/// A cited source: title and URL.
public struct SourceLink: Sendable, Hashable {
    public var title: String
    public var url: String

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
