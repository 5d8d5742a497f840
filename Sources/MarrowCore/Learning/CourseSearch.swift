/// Full-text search over a course: lesson titles, the top-level blocks of each
/// lesson body, and quiz prompts (with their scenarios, and the steps and items an order
/// or match question shows: `shownItems(of:)`), matched by `TextMatcher`
/// (case-insensitive and insensitive to the common Latin diacritics: "leucemie"
/// finds "leucémie"), the same matcher that highlights the hit in the reader.
///
/// Built once per course: every searchable text is folded into lower-case UTF-8
/// bytes up front, so a query is a plain byte scan (fast enough to run on every
/// keystroke; linear in the course size, about a millisecond per megabyte).
/// Context snippets are made only for the results returned.
package struct CourseSearch: Sendable, Equatable {
    /// Queries shorter than this many characters (after folding and trimming) find nothing.
    package static let minimumQueryLength = 2

    /// Where a match is.
    package enum Location: Sendable, Hashable {
        case title
        /// Index of the top-level block of the lesson body.
        case body(block: Int)
        /// The prompt of a quiz question.
        case quiz(questionID: String)
    }

    /// One match: at most one per searchable text (the first occurrence).
    package struct Result: Sendable, Hashable {
        package var lessonID: String
        package var lessonTitle: String
        package var location: Location
        /// A single sanitized line around the match, with "…" where it was cut.
        package var snippet: String
        /// The match in `snippet`, as character offsets.
        package var match: Range<Int>

        package init(lessonID: String, lessonTitle: String, location: Location, snippet: String, match: Range<Int>) {
            self.lessonID = lessonID
            self.lessonTitle = lessonTitle
            self.location = location
            self.snippet = snippet
            self.match = match
        }

        /// Whether the match is in a quiz question.
        package var isQuiz: Bool {
            if case .quiz = location { return true }
            return false
        }

        /// The body block to open the reader at (0 for a title match, nil for a quiz prompt).
        package var block: Int? {
            switch location {
            case .title: return 0
            case .body(let b): return b
            case .quiz: return nil
            }
        }
    }

    /// The matches in one lesson, for a list grouped by lesson.
    package struct LessonHits: Sendable, Hashable {
        package var lessonID: String
        package var lessonTitle: String
        /// The lesson's index in the course.
        package var lessonIndex: Int
        /// Its matches in lesson order (title, body, quiz), one per searchable text
        /// (at most the search's `limit` over all lessons, as a snippet costs time).
        package var results: [Result]
        /// How many searchable texts match (`results` may hold fewer).
        package var matches: Int
        /// Whether the lesson's title matches.
        package var inTitle: Bool
        /// How many of its headings match.
        package var headings: Int
        /// Every occurrence of the query in the lesson (a paragraph may hold several).
        package var occurrences: Int
    }

    private struct Entry: Sendable, Equatable {
        var lesson: Int
        var location: Location
        var isHeading = false
        /// The text as shown: sanitized, on one line.
        var text: String
        var folded: [UInt8]
    }

    private let entries: [Entry]
    private let lessonIDs: [String]
    private let lessonTitles: [String]

    package init(course: Course) {
        var entries: [Entry] = []
        for (i, lesson) in course.lessons.enumerated() {
            func add(_ location: Location, _ raw: String, isHeading: Bool = false) {
                let text = Sanitizer.clean(raw, singleLine: true)
                let folded = TextMatcher.fold(text)
                if !folded.isEmpty { entries.append(Entry(lesson: i, location: location, isHeading: isHeading, text: text, folded: folded)) }
            }
            add(.title, lesson.title)
            for (b, block) in lesson.body.blocks.enumerated() {
                var isHeading = false
                if case .heading = block.kind { isHeading = true }
                add(.body(block: b), block.plainText, isHeading: isHeading)
            }
            for q in lesson.quiz {
                add(.quiz(questionID: q.id), ([q.prompt.plainText] + q.scenario.map(\.plainText) + Self.shownItems(of: q)).joined(separator: " "))
            }
        }
        self.entries = entries
        self.lessonIDs = course.lessons.map(\.id)
        self.lessonTitles = course.lessons.map { Sanitizer.clean($0.title, singleLine: true) }
    }

    /// What an order or match question shows besides its prompt, in an order that gives
    /// nothing away (a hit line is a snippet of it): the steps sorted alphabetically, not
    /// in their right order; the left items sorted, a slash, then the partners sorted, so
    /// no pairing is shown. A typed question's accepted answers are not
    /// indexed, as a choose question's choices are not: the hit line would show the answer.
    static func shownItems(of question: Question) -> [String] {
        func sorted(_ items: [[Inline]]) -> [String] {
            items.map { Sanitizer.clean($0.plainText, singleLine: true) }.sorted { TextMatcher.folded($0) < TextMatcher.folded($1) }
        }
        switch question.kind {
        case .order: return [sorted(question.orderItems).joined(separator: " · ")]
        case .match: return [sorted(question.pairs.map(\.left)).joined(separator: " · ") + " / " + sorted(question.pairs.map(\.right)).joined(separator: " · ")]
        case .single, .multiple, .trueFalse, .typed: return []
        }
    }

    /// Matches of `query` in course order (per lesson: title, body, quiz), at most `limit`.
    package func search(_ query: String, limit: Int = 500) -> [Result] {
        let needle = TextMatcher.foldedQuery(query)
        guard String(decoding: needle, as: UTF8.self).count >= CourseSearch.minimumQueryLength else { return [] }
        var results: [Result] = []
        for entry in entries {
            guard let at = TextMatcher.find(needle, in: entry.folded) else { continue }
            let (snippet, match) = CourseSearch.snippet(entry.text, foldedStart: at, foldedLength: needle.count)
            results.append(Result(lessonID: lessonIDs[entry.lesson], lessonTitle: lessonTitles[entry.lesson],
                                  location: entry.location, snippet: snippet, match: match))
            if results.count >= limit { break }
        }
        return results
    }

    /// Matches of `query` grouped by lesson, the lessons about it first: those whose
    /// title matches, then by how many headings match, then by how often the query
    /// occurs ("GVHD" puts the lesson on graft-versus-host disease, with GVHD in five
    /// of its headings, first); ties keep course order.
    package func searchByLesson(_ query: String, limit: Int = 500) -> [LessonHits] {
        let needle = TextMatcher.foldedQuery(query)
        guard String(decoding: needle, as: UTF8.self).count >= CourseSearch.minimumQueryLength else { return [] }
        var groups: [Int: LessonHits] = [:]
        var kept = 0
        for entry in entries {
            guard let at = TextMatcher.find(needle, in: entry.folded) else { continue }
            var occurrences = 1
            var from = at + needle.count
            while let next = TextMatcher.find(needle, in: entry.folded, from: from) {
                occurrences += 1
                from = next + needle.count
            }
            var group = groups[entry.lesson] ?? LessonHits(lessonID: lessonIDs[entry.lesson], lessonTitle: lessonTitles[entry.lesson],
                                                           lessonIndex: entry.lesson, results: [], matches: 0, inTitle: false, headings: 0, occurrences: 0)
            if kept < limit {
                let (snippet, match) = CourseSearch.snippet(entry.text, foldedStart: at, foldedLength: needle.count)
                group.results.append(Result(lessonID: group.lessonID, lessonTitle: group.lessonTitle, location: entry.location, snippet: snippet, match: match))
                kept += 1
            }
            group.matches += 1
            if entry.location == .title { group.inTitle = true }
            if entry.isHeading { group.headings += 1 }
            group.occurrences += occurrences
            groups[entry.lesson] = group
        }
        return groups.values.sorted { a, b in
            if a.inTitle != b.inTitle { return a.inTitle }
            if a.headings != b.headings { return a.headings > b.headings }
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            return a.lessonIndex < b.lessonIndex
        }
    }

    /// `text` as search compares it (`TextMatcher.folded`), for sorting and
    /// filtering lists the same way search matches them (the glossary).
    package static func folded(_ text: String) -> String {
        TextMatcher.folded(text)
    }

    // MARK: Snippets

    /// Characters of context kept before and after the match.
    static let contextBefore = 40
    static let contextAfter = 100

    /// A snippet of `text` around the folded match, and the match's character range in it.
    static func snippet(_ text: String, foldedStart: Int, foldedLength: Int) -> (String, Range<Int>) {
        // Find the scalars where the match starts and ends in the original text.
        var folded = 0
        var startIndex: String.Index?
        var endIndex = text.endIndex
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            if startIndex == nil, folded + TextMatcher.foldedCount(scalars[i]) > foldedStart { startIndex = i }
            folded += TextMatcher.foldedCount(scalars[i])
            i = scalars.index(after: i)
            if startIndex != nil, folded >= foldedStart + foldedLength { endIndex = i; break }
        }
        let start = startIndex ?? text.startIndex
        // Round to whole characters: the match covers every character it touches.
        var matchFrom = 0, matchTo = 0, count = 0
        var foundFrom = false
        for index in text.indices {
            let next = text.index(after: index)
            if !foundFrom, next > start { matchFrom = count; foundFrom = true }
            count += 1
            if next >= endIndex { matchTo = count; break }
        }
        if !foundFrom { matchFrom = count }
        matchTo = max(matchTo, matchFrom)
        let characters = Array(text)
        var from = max(0, matchFrom - contextBefore)
        if from > 0 {
            // Start at a word if one begins close by.
            if let space = characters[from..<matchFrom].firstIndex(of: " "), space < matchFrom - 1 { from = space + 1 }
        }
        let to = min(characters.count, matchTo + contextAfter)
        var snippet = from > 0 ? "…" : ""
        let shift = snippet.count - from
        snippet += String(characters[from..<to])
        if to < characters.count { snippet += "…" }
        return (snippet, (matchFrom + shift)..<(matchTo + shift))
    }
}
