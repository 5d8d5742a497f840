import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The one keymap: the README's table and every screen's `?` help come from
/// `Keymap`, and every key a status line names does what it says.
@Suite struct KeymapTests {
    // MARK: The table

    static let readmeURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")
    static let begin = "<!-- keymap: generated from Keymap.rows (Sources/MarrowTUI/App/Keymap.swift); KeymapTests checks it -->\n"
    static let end = "<!-- /keymap -->"

    /// The README's keys table is `Keymap.markdownTable`, so it cannot drift
    /// from the help screens. `MARROW_RECORD_SNAPSHOTS=1` rewrites it.
    @Test func readmeTableIsTheKeymap() throws {
        let readme = try String(contentsOf: Self.readmeURL, encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "README.md has no keymap table marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let table = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["MARROW_RECORD_SNAPSHOTS"] == "1" {
            try (readme.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: Keymap.markdownTable))
                .write(to: Self.readmeURL, atomically: true, encoding: .utf8)
            return
        }
        #expect(table == Keymap.markdownTable, "README.md's keys table differs from Keymap.rows; expected:\n\(Keymap.markdownTable)")
    }

    /// Each screen's help lists its rows of the keymap, and every screen has rows.
    @Test func everyScreenHelpIsItsRowsOfTheKeymap() {
        for (name, state) in Self.scenarios() {
            let place = try? #require(Keymap.Place.allCases.first { $0.rawValue == state.top.title || ($0 == .progressReview && state.top.title.hasPrefix("Progress")) },
                                      "\(name): no keymap place titled \(state.top.title)")
            guard let place else { continue }
            #expect(state.top.keyHelp == Keymap.help(for: place), "\(name)")
            #expect(state.top.keyHelp.contains { $0.keys == "?" }, "\(name)")
        }
        // The help screen draws them all, Ctrl-C and Ctrl-L included, once each.
        let help = press("?", in: Self.base())
        let text = App.render(help, size: help.size).text
        #expect(text.contains("w") && text.contains("glossary: the course's terms"))
        #expect(text.components(separatedBy: "Ctrl-C").count == 2)
    }

    // MARK: The rules

    @Test func gIsTheTopAndWTheGlossaryOnEveryScreen() {
        let map = press("j", in: Self.base())
        #expect((press("g", in: map).top as? CourseMapScreen)?.selection == 0)
        #expect((press("G", in: map).top as? CourseMapScreen)?.selection ?? 0 > 1)
        #expect(press("w", in: map).top is GlossaryScreen)
        #expect(!(press("g", in: map).top is GlossaryScreen))
        let reader = press([.enter, .pageDown], in: Self.base(columns: 40, rows: 12))
        #expect((press("g", in: reader).top as? ReaderScreen)?.topLine == 0)
        #expect(press("w", in: reader).top is GlossaryScreen)
    }

    /// Typing boxes: `q` is a letter, Esc leaves.
    @Test func inATypingBoxQTypesAndEscLeaves() {
        for opener in ["w", "/"] {
            let box = press(opener, in: Self.base())
            let typed = press("q", in: box)
            #expect(typed.screens.count == box.screens.count, "\(opener): q left the box")
            #expect(typed != box, "\(opener): q was not typed")
            #expect(!typed.isQuitting)
            #expect(press([.escape], in: box).top is CourseMapScreen)
            #expect(press([.escape, .escape], in: typed).top is CourseMapScreen)
        }
    }

    /// The quiz says `q leave` before and after answering, and both leave.
    @Test func theQuizBarSaysTheSameLeaveKeyThroughout() {
        let asking = press("t", in: Self.base())
        let feedback = Self.answer(asking)
        for state in [asking, feedback] {
            let quiz = try? #require(state.top as? QuizScreen)
            #expect(quiz?.statusKeys.contains(KeyHelp("q", "leave")) == true)
            #expect(quiz?.statusKeys.contains { $0.keys == "Esc" } == false)
            #expect(press("q", in: state).top is CourseMapScreen)
        }
    }

    /// At 80 columns the course map's bar names the glossary and search keys.
    @Test func courseMapBarShowsGlossaryAndSearchAt80Columns() {
        let state = Self.base()
        let bar = App.render(state, size: state.size).line(23)
        for hint in ["Enter open", "t quiz", "/ search", "w terms", "p progress", "q quit", "? help", "Course map"] {
            #expect(bar.contains(hint), "\(bar)")
        }
        // `r` is named on the reviews line whenever reviews are due.
        #expect(App.render(state, size: state.size).text.contains("press r to review them"))
    }

    // MARK: The walk

    /// Every screen, in the states its status line changes with.
    static func scenarios() -> [(String, AppState)] {
        var list: [(String, AppState)] = []
        for (columns, rows) in [(80, 24), (40, 12)] {
            let map = base(columns: columns, rows: rows)
            let reader = press([.enter], in: map)
            let asking = press("t", in: map)
            let feedback = answer(asking)
            var summary = feedback
            for _ in 0..<20 where !(summary.top is QuizScreen && (summary.top as! QuizScreen).phase == .summary) {
                summary = answer(press([.enter], in: summary))
            }
            let size = "\(columns)x\(rows)"
            list += [
                ("course map \(size)", map),
                ("reader \(size)", reader),
                ("outline \(size)", press("o", in: reader)),
                ("bookmarks \(size)", press("b", in: map)),
                ("bookmarks listed \(size)", press("b", in: press([.character("m"), .character("q")], in: reader))),
                ("quiz question \(size)", asking),
                ("quiz feedback \(size)", feedback),
                ("quiz summary \(size)", summary),
                ("review \(size)", press("r", in: map)),
                ("progress review \(size)", press("p", in: map)),
                ("glossary \(size)", press("w", in: map)),
                ("glossary filtered \(size)", press("wg", in: map)),
                ("reader's terms \(size)", press("w", in: reader)),
                ("search \(size)", press("/", in: map)),
                ("search typed \(size)", press("/risk", in: map)),
                ("help \(size)", press("?", in: reader)),
                ("disclaimer \(size)", press("d", in: map)),
            ]
        }
        return list
    }

    /// A returning learner with answers in the log: reviews due, questions missed.
    static func base(columns: Int = 80, rows: Int = 24) -> AppState {
        var state = ReviewTests.state(ReviewTests.history, columns: columns, rows: rows)
        state.context.effects = []
        return state
    }

    /// Answers the question showing with its first choice (focusing it first if a digit only focuses).
    static func answer(_ state: AppState) -> AppState {
        let once = press("1", in: state)
        if let quiz = once.top as? QuizScreen, quiz.phase == .asking { return press([.enter], in: once) }
        return once
    }

    /// The keys a hint names: "j/k" is j and k, "↑↓ Enter" is three keys, "1–4" is 1 to 4, "type" is a letter.
    static func keys(of hint: String) -> [Key] {
        if hint == "/" { return [.character("/")] }
        var keys: [Key] = []
        for token in hint.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," }) {
            switch token {
            case "Enter": keys.append(.enter)
            case "Esc": keys.append(.escape)
            case "space": keys.append(.character(" "))
            case "PgUp": keys.append(.pageUp)
            case "PgDn": keys.append(.pageDown)
            case "Home": keys.append(.home)
            case "End": keys.append(.end)
            case "type": keys.append(.character("e"))
            case "↑↓": keys += [.up, .down]
            case "↑": keys.append(.up)
            case "↓": keys.append(.down)
            default:
                let parts = token.split(separator: "–")
                if parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]) {
                    keys += (low...high).map { Key.character(Character(String($0))) }
                } else if token.count == 1 {
                    keys.append(.character(token.first!))
                } else {
                    Issue.record("A status hint names a key the walk cannot press: \(token)")
                }
            }
        }
        return keys
    }

    /// Whether `after` is what `action` promises, from `before`, for one key.
    static func does(_ action: String, from before: AppState, to after: AppState) -> Bool {
        let popped = after.screens.count < before.screens.count || after.isQuitting
        switch action {
        case "back", "leave", "close", "continue": return popped
        case "quit": return after.isQuitting
        case "help": return after.top is HelpScreen
        case "search": return after.top is SearchScreen
        case "terms", "glossary": return after.top is GlossaryScreen
        case "quiz": return after.top is QuizScreen
        case "outline": return after.top is OutlineScreen
        case "progress": return after.top is ProgressReviewScreen
        case "open": return after.top is ReaderScreen || after.screens.count > before.screens.count
        case "review", "retry", "retry missed", "lesson's": return after.top is QuizScreen && after != before
        case "hard", "easy": return after.context.effects.contains { if case .recordGrade = $0 { true } else { false } }
        case "all terms": return after.top is GlossaryScreen && after != before
        default: return after != before
        }
    }

    /// Walks every screen's status-line hints, at 80x24 and 40x12, and presses
    /// each named key: it must do what the hint says. Scrolling hints on a page
    /// with nothing to scroll may do nothing, but then the screen shows no "more".
    @Test func everyStatusHintDoesWhatItSays() {
        var checked = 0
        for (name, state) in Self.scenarios() {
            let screen = App.render(state, size: state.size)
            for hint in state.top.statusKeys {
                let keys = Self.keys(of: hint.keys)
                defer { if !keys.isEmpty { checked += 1 } }
                #expect(!keys.isEmpty, "\(name): \(hint.keys)")
                let results = keys.map { App.update(state, .key($0)) }
                let each = ["back", "leave", "close", "continue", "quit", "help", "search", "terms", "glossary", "quiz", "outline", "progress", "open"]
                    .contains(hint.action) || hint.keys == "Enter/q"
                let ok = each ? results.allSatisfy { Self.does(hint.action, from: state, to: $0) }
                    : results.contains { Self.does(hint.action, from: state, to: $0) }
                let idleScroll = ["scroll", "page", "move"].contains(hint.action) && !screen.text.contains("more")
                #expect(ok || idleScroll, "\(name): “\(hint.keys) \(hint.action)” does not do what it says")
            }
        }
        #expect(checked > 100)
    }
}
