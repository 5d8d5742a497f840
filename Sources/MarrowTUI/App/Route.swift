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
    case openSearch(query: String)
    case openHelp
    case openDisclaimer
    /// "Start here": what the course is, the keys that matter, where progress is kept.
    case openStartHere
    /// The headings and bookmarks of a lesson, to jump to one.
    case openOutline(lessonID: String)
}
