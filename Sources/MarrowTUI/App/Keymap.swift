/// The app's one keymap: every key of every screen, in one table.
///
/// A learner should not have to relearn keys from screen to screen, so the
/// rules are set here once: `q` goes back (quits on the course map), `Esc`
/// goes back, `?` is help, `j`/`k` and arrows move, `g`/`G` go to the top and
/// the bottom, `w` is the glossary and `/` is search. In a typing box (search,
/// the glossary filter) every letter is text, `q` included: `Esc` leaves.
///
/// Each screen's `?` help is its rows of this table (`help(for:)`), and the
/// README's keys table is `markdownTable` (a test keeps them equal), so the
/// help, the README and the keys cannot drift apart.
package enum Keymap {
    /// The screens, as the table names them.
    package enum Place: String, Sendable, CaseIterable {
        case courseMap = "Course map"
        case reader = "Reader"
        case outline = "Outline"
        case bookmarks = "Bookmarks"
        case quiz = "Quiz"
        case progressReview = "Progress review"
        case glossary = "Glossary"
        case search = "Search"
        case question = "Quiz question"
        case help = "Help"
        case disclaimer = "Disclaimer"
        case mistakes = "Mistakes"
        case startHere = "Start here"

        /// The screens where letters are typed into a box.
        static let typing: [Place] = [.glossary, .search]
        /// The screens where letters are keys.
        static let lettered: [Place] = allCases.filter { !typing.contains($0) }
    }

    /// One row of the table: keys (each in backticks in the README), what they
    /// do, and the screens where they do it.
    package struct Row: Sendable, Hashable {
        /// The keys as the help screen shows them ("j/k, ↓/↑"); a list of
        /// alternatives separated by ", ", each maybe a pair "a/b".
        package var keys: String
        package var action: String
        package var places: [Place]

        init(_ keys: String, _ action: String, _ places: [Place]) {
            self.keys = keys
            self.action = action
            self.places = places
        }
    }

    /// The whole table: the rules, then each screen's own keys.
    package static var rows: [Row] { rules + screenKeys }

    /// The keys that mean the same on every screen where they work.
    static let rules: [Row] = [
        Row("?", "help: every key of this screen (in a typing box, while it is empty)", Place.allCases),
        Row("q", "back; on the course map, quit; in a quiz, leave (answers are already saved)", Place.lettered),
        Row("Esc", "back; in the glossary, clear the filter first (a lesson's terms: then show all terms); the search is kept", Place.allCases.filter { $0 != .courseMap }),
        Row("j/k, ↓/↑", "move or scroll by a line", Place.lettered),
        Row("↓/↑, Ctrl-N/Ctrl-P", "move (in the glossary: choose a term; letters are typed)", Place.typing),
        Row("PgDn/PgUp", "next / previous page", [.reader, .quiz, .progressReview, .glossary, .search, .question, .help, .disclaimer, .mistakes]),
        Row("space/b", "next / previous page", [.reader, .progressReview, .mistakes]),
        Row("g/G, Home/End", "top / bottom (first / last)", [.courseMap, .reader, .outline, .bookmarks, .quiz, .progressReview, .question, .help, .disclaimer, .mistakes]),
        Row("Home/End", "top / bottom (first / last)", Place.typing),
        Row("Ctrl-C", "save and quit", Place.allCases),
        Row("Ctrl-L", "redraw the screen", Place.allCases),
        Row("Ctrl-Z", "suspend to the shell (fg comes back to the same screen)", Place.allCases),
        Row("mouse wheel", "scroll, as ↓/↑ (off with --no-mouse)", Place.allCases),
        Row("click", "select a lesson, a bookmark or a choice; click it again to open it or answer with it; in an order question, click a step, then the step to swap it with; in a match question, an item, then its partner (off with --no-mouse)", [.courseMap, .bookmarks, .quiz]),
    ]

    /// The keys of one or two screens.
    static let screenKeys: [Row] = [
        // Course map.
        Row("Enter, l, →", "open the selected lesson (or continue where you stopped)", [.courseMap]),
        Row("0–9", "select a lesson by its number: two digits in a row for 10 and on (1 then 2 is lesson 12)", [.courseMap]),
        Row("t", "take the selected lesson's quiz", [.courseMap]),
        Row("r", "review the questions due now, from every lesson", [.courseMap]),
        Row("x", "retry the questions missed in your last session", [.courseMap]),
        Row("p", "progress review", [.courseMap]),
        Row("w", "glossary: the course's terms", [.courseMap]),
        Row("/", "search all lessons", [.courseMap, .reader]),
        Row("b", "bookmarks: every bookmark in the course, by lesson", [.courseMap]),
        Row("d", "the full disclaimer", [.courseMap]),
        // Reader.
        Row("f", "next page", [.reader]),
        Row("n/p", "next / previous lesson", [.reader]),
        Row("o", "outline: headings and bookmarks to jump to", [.reader]),
        Row("m", "bookmark this place", [.reader]),
        Row("t", "take this lesson's quiz", [.reader]),
        Row("w", "glossary of the terms on this screen", [.reader]),
        Row("h, ←", "back to the course map", [.reader, .bookmarks]),
        // Outline.
        Row("Enter, l, →", "go to the heading or bookmark", [.outline]),
        Row("x", "remove the selected bookmark", [.outline, .bookmarks]),
        Row("o, h, ←", "back to the lesson", [.outline]),
        // Bookmarks.
        Row("Enter, l, →", "open the lesson at the bookmark", [.bookmarks]),
        // Quiz.
        Row("1–9", "choose that answer, then Enter to give it (tick or untick it in \"select all that apply\")", [.quiz]),
        Row("t/f", "choose True or False, then Enter", [.quiz]),
        Row("space", "tick or untick the focused choice (select all that apply)", [.quiz]),
        Row("Enter", "answer with the chosen choice; submit the ticked choices; go on", [.quiz]),
        Row("h/e", "after a right answer: it was hard / easy (optional; sets when it comes back; the same key again clears it)", [.quiz]),
        Row("u", "undo: take back your last answer (on its feedback, or right after) and answer it again", [.quiz]),
        Row("r", "retry the missed questions (at the end)", [.quiz]),
        Row("m", "the missed questions with their right answers and explanations (at the end)", [.quiz]),
        Row("l", "re-read the lesson, at the part the missed questions come from (at the end)", [.quiz]),
        Row("c", "go on to the next lesson (at the end of a lesson's quiz); keep going with the next questions due (at the end of a review)", [.quiz]),
        Row("n", "start over, when the quiz picked up where you left it", [.quiz]),
        // Progress review.
        Row("Enter, r", "retry the selected missed question", [.progressReview]),
        Row("1–9", "retry that missed question", [.progressReview]),
        Row("l", "retry every missed question of the selected question's lesson", [.progressReview]),
        Row("a", "retry all the listed questions", [.progressReview]),
        Row("m", "mistakes: every missed question with its right answer and explanation", [.progressReview]),
        // Mistakes.
        Row("r", "retry the questions not yet answered right (a new, graded try)", [.mistakes]),
        // Start here.
        Row("Enter, space", "close", [.startHere]),
        Row("s", "start here: what the course is, the keys that matter, where progress is kept", [.help]),
        // Typing boxes.
        Row("letters, digits, space", "type into the box (the glossary filter, the search)", Place.typing),
        Row("Backspace", "delete the last character", Place.typing),
        Row("Ctrl-U", "clear the box", Place.typing),
        Row("Enter", "open the lesson that teaches the chosen term, at the term", [.glossary]),
        Row("Enter, →", "on a lesson: show or hide its matches", [.search]),
        Row("←", "hide the lesson's matches", [.search]),
        Row("Enter", "on a match: open the lesson there (a quiz question shows with its answer)", [.search]),
        // Help and disclaimer.
        // A quiz question opened from search.
        Row("space", "next page", [.question]),
        Row("h, ←", "back to the search", [.question]),
        Row("Enter", "close", [.help, .disclaimer]),
        Row("space, d", "close", [.disclaimer]),
    ]

    /// The rows of one screen, as its `?` help lists them: its own keys first
    /// (what the learner came to look up), then the rules.
    package static func help(for place: Place) -> [KeyHelp] {
        (screenKeys + rules).filter { $0.places.contains(place) }.map { KeyHelp($0.keys, $0.action) }
    }

    /// The table in Markdown, as the README shows it: key, action, screens.
    package static var markdownTable: String {
        var lines = ["| key | action | screens |", "|---|---|---|"]
        for row in rows {
            let keys = row.keys.split(separator: ", ").map { alternative in
                alternative == "/" ? "`/`" : alternative.split(separator: "/").map { "`\($0)`" }.joined(separator: "/")
            }.joined(separator: ", ")
            let places: String
            if row.places == Place.allCases { places = "all" }
            else if row.places == Place.lettered { places = "all but search and glossary" }
            else { places = row.places.map(\.rawValue).joined(separator: ", ") }
            lines.append("| \(keys) | \(row.action) | \(places) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
