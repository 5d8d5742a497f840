import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

@Suite struct SearchScreenTests {
    typealias F = QuizTestCourse

    func type(_ text: String, into screen: inout SearchScreen, _ context: inout AppContext) {
        for c in text { #expect(screen.update(.character(c), context: &context) == nil) }
    }

    func screen(_ context: AppContext, query: String = "") -> SearchScreen {
        SearchScreen(query: query, course: context.course)
    }

    @Test func resultsUpdateAsYouTypeFromTwoCharacters() {
        var context = F.context()
        var search = screen(context)
        #expect(search.results.isEmpty)
        type("m", into: &search, &context)
        #expect(search.results.isEmpty)
        #expect(F.render(search, context: context).text.contains("Type at least 2 characters."))
        type("a", into: &search, &context)
        #expect(!search.results.isEmpty)
        type("rrow", into: &search, &context)
        #expect(search.query == "marrow")
        #expect(search.results.map(\.lessonID) == ["what-is", "what-is"])
        #expect(F.render(search, context: context).text.contains("2 matches in 1 lesson"))
    }

    @Test func everyLetterIsTyped() {
        var context = F.context()
        var search = screen(context)
        type("qjkgG b", into: &search, &context)
        #expect(search.query == "qjkgG b")
    }

    @Test func noMatches() {
        var context = F.context()
        var search = screen(context)
        type("xylophone", into: &search, &context)
        #expect(search.results.isEmpty)
        #expect(F.render(search, context: context).text.contains("No matches for “xylophone”."))
        #expect(search.update(.enter, context: &context) == nil)
    }

    @Test func backspaceDeleteAndCtrlUEdit() {
        var context = F.context()
        var search = screen(context, query: "graftx")
        #expect(search.results.isEmpty)
        _ = search.update(.backspace, context: &context)
        #expect(search.query == "graft")
        #expect(!search.results.isEmpty)
        _ = search.update(.delete, context: &context)
        #expect(search.query == "graf")
        _ = search.update(.control("u"), context: &context)
        #expect(search.query == "")
        #expect(search.results.isEmpty)
        _ = search.update(.backspace, context: &context)
        #expect(search.query == "")
    }

    @Test func arrowsAndCtrlNPSelect() {
        var context = F.context()
        var search = screen(context, query: "the")
        #expect(search.groups.count == 2)
        #expect(search.rows.count == 2)
        _ = search.update(.down, context: &context)
        #expect(search.selection == 1)
        _ = search.update(.control("n"), context: &context)
        #expect(search.selection == 1)
        _ = search.update(.control("p"), context: &context)
        #expect(search.selection == 0)
        _ = search.update(.up, context: &context)
        #expect(search.selection == 0)
        _ = search.update(.enter, context: &context)
        let count = search.rows.count
        #expect(count > 3)
        _ = search.update(.end, context: &context)
        #expect(search.selection == count - 1)
        _ = search.update(.down, context: &context)
        #expect(search.selection == count - 1)
        _ = search.update(.home, context: &context)
        #expect(search.selection == 0)
        // Typing starts the selection over.
        _ = search.update(.down, context: &context)
        type(" ", into: &search, &context)
        #expect(search.selection == 0)
    }

    @Test func pagesKeepTheSelectionInView() {
        var context = F.context(columns: 40, rows: 12)
        var search = screen(context, query: "the")
        for _ in search.groups { _ = search.update(.enter, context: &context); _ = search.update(.end, context: &context) }
        _ = search.update(.home, context: &context)
        #expect(search.rows.count > 8)
        _ = search.update(.pageDown, context: &context)
        let page = search.selection
        #expect(page >= 2)
        #expect(search.listTop > 0)
        let buffer = F.render(search, context: context)
        #expect(buffer.text.contains("▸ "))
        _ = search.update(.pageUp, context: &context)
        #expect(search.selection == 0)
        #expect(search.listTop == 0)
    }

    @Test func resultsAreGroupedByLessonTheLessonAboutTheTermFirst() {
        var context = F.context()
        // "GVHD" is in a heading of the risks lesson only; "the" is in every lesson, most in the first.
        var search = screen(context, query: "gvhd")
        #expect(search.groups.map(\.lessonID) == ["risks"])
        search = screen(context, query: "transplant")
        // Both titles match; the first lesson mentions it more often.
        #expect(search.groups.map(\.lessonID) == ["what-is", "risks"])
        #expect(search.rows == [.lesson(0), .lesson(1)])
        let text = F.render(search, context: context).text
        #expect(text.contains("+ 1. What a transplant is"))
        #expect(text.contains("matches"))
        #expect(text.contains("2 lessons"))
        // Enter shows the lesson's matches, Enter again hides them; → shows, ← hides.
        _ = search.update(.enter, context: &context)
        #expect(search.rows.count == 1 + search.groups[0].results.count + 1)
        #expect(F.render(search, context: context).text.contains("− 1. What a transplant is"))
        _ = search.update(.enter, context: &context)
        #expect(search.rows.count == 2)
        _ = search.update(.right, context: &context)
        _ = search.update(.down, context: &context)
        #expect(search.rows[search.selection] == .match(0, 0))
        _ = search.update(.left, context: &context)
        #expect(search.rows.count == 2)
        #expect(search.selection == 0)
    }

    @Test func enterOpensTheReaderAtTheMatch() {
        var context = F.context()
        var search = screen(context, query: "engraftment")
        #expect(search.results.first?.location == .body(block: 3))
        // One lesson: its matches show at once.
        #expect(search.rows == [.lesson(0), .match(0, 0)])
        #expect(search.selection == 1)
        #expect(search.update(.enter, context: &context) == .openReader(lessonID: "what-is", target: .match(query: "engraftment", block: 3)))
        var title = screen(context, query: " Risks after ")
        #expect(title.update(.enter, context: &context) == .openReader(lessonID: "risks", target: .match(query: "Risks after", block: 0)))
    }

    @Test func enterOnAQuizPromptShowsTheQuestionWithItsAnswerNotAQuiz() {
        var context = F.context()
        var search = screen(context, query: "umbilical")
        #expect(search.results.count == 0)
        search = screen(context, query: "possible sources")
        #expect(search.results.first?.location == .quiz(questionID: "q-sources-all"))
        #expect(F.render(search, context: context).text.contains("Quiz: Which of these are possible sources"))
        #expect(search.update(.enter, context: &context) == .openQuestion(lessonID: "what-is", questionID: "q-sources-all"))
    }

    @Test func escAndHelp() {
        var context = F.context()
        var search = screen(context)
        #expect(search.update(.ch("?"), context: &context) == .openHelp)
        #expect(search.update(.escape, context: &context) == .back)
        type("ab", into: &search, &context)
        #expect(search.update(.ch("?"), context: &context) == nil)
        #expect(search.query == "ab?")
        #expect(search.update(.escape, context: &context) == .back)
        for key in [Key.left, .right, .tab, .backTab, .control("x")] { #expect(search.update(key, context: &context) == nil) }
        #expect(search.query == "ab?")
        _ = search.update(.character("\u{1B}"), context: &context)
        #expect(search.query == "ab?")
    }

    @Test func cursorIsAtTheEndOfTheQuery() {
        var context = F.context()
        var search = screen(context)
        let start = F.render(search, context: context).cursor!
        type("血液", into: &search, &context)
        let after = F.render(search, context: context).cursor!
        #expect(after.row == start.row)
        #expect(after.column == start.column + 4)
    }

    @Test func contextLineKeepsTheMatchInView() {
        let result = CourseSearch.Result(lessonID: "l", lessonTitle: "L", location: .body(block: 0),
                                         snippet: String(repeating: "word ", count: 20) + "needle" + String(repeating: " tail", count: 20), match: 100..<106)
        let line = SearchScreen.contextLine(result, width: 30)
        #expect(line.width <= 30)
        #expect(line.plainText.hasPrefix("…"))
        #expect(line.plainText.hasSuffix("…"))
        #expect(line.spans.contains { $0.text == "needle" && $0.style.role == .highlight })
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            var context = F.context(columns: columns, rows: rows)
            assertSnapshot(F.render(screen(context), context: context), named: "search-empty-\(columns)x\(rows)")
            var results = screen(context)
            type("cells", into: &results, &context)
            _ = results.update(.down, context: &context)
            assertSnapshot(F.render(results, context: context), named: "search-results-\(columns)x\(rows)")
            assertSnapshot(F.render(screen(context, query: "xylophone"), context: context), named: "search-no-matches-\(columns)x\(rows)")
            assertSnapshot(F.render(screen(context, query: "骨髄"), context: context), named: "search-cjk-\(columns)x\(rows)")
        }
    }

    @Test func tinySizesDoNotCrash() {
        for (columns, rows) in [(1, 1), (3, 2), (10, 3), (20, 5)] {
            var context = F.context(columns: columns, rows: rows)
            var search = screen(context, query: "the")
            _ = search.update(.pageDown, context: &context)
            _ = search.update(.end, context: &context)
            _ = F.render(search, context: context)
        }
    }
}
