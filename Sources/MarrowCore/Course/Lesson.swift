/// A lesson: front matter, a body and its quiz.
package struct Lesson: Sendable, Hashable {
    package var meta: LessonMeta
    /// The body without the quiz section.
    package var body: Document
    package var quiz: [Question]
    /// The file's path, as given to the loader.
    package var path: String
    package var fileName: String

    package init(meta: LessonMeta, body: Document, quiz: [Question], path: String = "", fileName: String = "") {
        self.meta = meta
        self.body = body
        self.quiz = quiz
        self.path = path
        self.fileName = fileName
    }

    package var id: String { meta.id }
    package var title: String { meta.title }
}

/// The YAML front matter of a lesson file.
package struct LessonMeta: Sendable, Hashable {
    /// Stable and unique across the course: progress refers to it.
    package var id: String
    package var title: String
    package var summary: String
    /// Estimated reading time.
    package var minutes: Int
    package var objectives: [String]
    package var sources: [SourceLink]
    /// ISO date `YYYY-MM-DD` on which the content was last checked.
    package var reviewed: String

    package init(id: String, title: String, summary: String = "", minutes: Int = 1, objectives: [String] = [], sources: [SourceLink] = [], reviewed: String = "") {
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
package struct SourceLink: Sendable, Hashable {
    package var title: String
    package var url: String

    package init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}
