import MarrowCore

/// Where the reader should open.
package enum ReaderTarget: Sendable, Hashable {
    case start
    /// The saved reading position of the lesson, if any.
    case resume
    case position(ReadingPosition)
    /// A search match: highlight `query` in block `block` (index into the lesson body's blocks).
    case match(query: String, block: Int)
}

/// Navigation asked for by a screen's `update`.
package enum Route: Sendable, Hashable {
    case back
    case quit
    case openReader(lessonID: String, target: ReaderTarget)
    /// A quiz on a lesson, or on the given questions only (retry mistakes); `lessonID` nil mixes lessons.
    case openQuiz(lessonID: String?, questionIDs: [String]?)
    /// A review session: the questions due now (`AppContext.plan`), from every lesson.
    case openReview
    case openProgress
    /// The glossary, optionally limited to these terms (those on the reader's screen).
    case openGlossary(terms: [String]?)
    /// Search; an empty query opens it with the last search of this run (`AppContext.searchQuery`).
    case openSearch(query: String)
    /// One quiz question with its answer and explanation, to read (a search hit): not graded.
    case openQuestion(lessonID: String, questionID: String)
    case openHelp
    case openDisclaimer
    /// Missed questions with their right answers, to read (`MistakesScreen`): the
    /// given ones (a quiz's), or nil for every question ever missed.
    case openMistakes(questionIDs: [String]?)
    /// "Start here": what the course is, the keys that matter, where progress is kept.
    case openStartHere
    /// The headings and bookmarks of a lesson, to jump to one.
    case openOutline(lessonID: String)
    /// Every bookmark in the course, to open one.
    case openBookmarks
}
