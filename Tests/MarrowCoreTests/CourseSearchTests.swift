import Foundation
import Testing
@testable import MarrowCore

@Suite struct CourseSearchTests {
    static func course() -> Course {
        let a = Lesson(meta: LessonMeta(id: "intro", title: "What leukemia is"), body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("What leukemia is")])),
            Block(.paragraph([.text("Leukemia is a cancer of the "), .strong([.text("blood")]), .text("-forming cells in the bone marrow.")])),
            Block(.bulletList(items: [ListItem(blocks: [Block(.paragraph([.text("Acute myeloid leukémie (AML)")]))])])),
            Block(.paragraph([.text("Evil\u{1B}[2J text with a control sequence and the word graft.")])),
        ]), quiz: [
            Question(id: "q-marrow", lessonID: "intro", prompt: [.text("Where is blood made? In the marrow.")],
                     choices: [Choice(text: [.text("Marrow")], isCorrect: true), Choice(text: [.text("Skin")], isCorrect: false)], kind: .single),
        ])
        let b = Lesson(meta: LessonMeta(id: "gvhd", title: "Graft-versus-host disease"), body: Document(blocks: [
            Block(.paragraph([.text(String(repeating: "filler words ", count: 10) + "then GRAFT appears " + String(repeating: "and more words ", count: 12))])),
            Block(.paragraph([.text("造血幹細胞移植は血液の病気の治療です。")])),
        ]), quiz: [])
        return Course(info: CourseInfo(id: "c", title: "C"), lessons: [a, b])
    }

    let search = CourseSearch(course: course())

    @Test func shortQueriesFindNothing() {
        #expect(search.search("").isEmpty)
        #expect(search.search("b").isEmpty)
        #expect(search.search("  b  ").isEmpty)
        #expect(!search.search("bl").isEmpty)
    }

    @Test func findsTitlesBodyAndQuizInCourseOrder() {
        let results = search.search("leukemia")
        #expect(results.map(\.location) == [.title, .body(block: 0), .body(block: 1)])
        #expect(results.allSatisfy { $0.lessonID == "intro" && $0.lessonTitle == "What leukemia is" })
        let marrow = search.search("marrow")
        #expect(marrow.map(\.location) == [.body(block: 1), .quiz(questionID: "q-marrow")])
        #expect(marrow[1].block == nil)
        #expect(marrow[0].block == 1)
        #expect(search.search("graft").map(\.lessonID) == ["intro", "gvhd", "gvhd"])
    }

    @Test func caseAndDiacriticInsensitive() {
        let r = search.search("LEUKEMIE")
        #expect(r.count == 1)
        #expect(r[0].location == .body(block: 2))
        let s = r[0].snippet
        let chars = Array(s)
        #expect(String(chars[r[0].match]) == "leukémie")
        #expect(search.search("leukémie").count == 1)
    }

    @Test func queryWhitespaceIsCollapsed() {
        #expect(search.search("  bone   marrow ").count == 1)
    }

    @Test func snippetIsOneSanitizedLineWithTheMatch() throws {
        let r = try #require(search.search("control sequence").first)
        #expect(!r.snippet.unicodeScalars.contains { $0.value < 0x20 })
        #expect(String(Array(r.snippet)[r.match]) == "control sequence")
    }

    @Test func longBlocksAreCutAroundTheMatch() throws {
        let r = try #require(search.search("graft appears").first)
        #expect(r.snippet.hasPrefix("…"))
        #expect(r.snippet.hasSuffix("…"))
        #expect(String(Array(r.snippet)[r.match]) == "GRAFT appears")
        #expect(r.match.lowerBound <= CourseSearch.contextBefore + 1)
        #expect(r.snippet.count < 160)
    }

    @Test func cjkText() throws {
        let r = try #require(search.search("幹細胞").first)
        #expect(r.lessonID == "gvhd")
        #expect(String(Array(r.snippet)[r.match]) == "幹細胞")
    }

    @Test func limitAndNoMatch() {
        #expect(search.search("zzzz").isEmpty)
        #expect(search.search("e", limit: 1).isEmpty)
        #expect(search.search("is", limit: 2).count == 2)
    }

    @Test func saneOnAThousandLessons() {
        let para = "After the transplant, the new stem cells travel to the bone marrow and begin to make blood cells. "
        let lessons = (0..<1000).map { i in
            Lesson(meta: LessonMeta(id: "l\(i)", title: "Lesson \(i)"),
                   body: Document(blocks: (0..<20).map { _ in Block(.paragraph([.text(String(repeating: para, count: 4))])) }), quiz: [])
        }
        let big = CourseSearch(course: Course(info: CourseInfo(id: "big", title: "Big"), lessons: lessons))
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = big.search("engraftment syndrome") }
        #expect(elapsed < .seconds(2))
        #expect(big.search("lesson 999").count == 1)
    }
}

@Suite struct CourseSearchFoldingTests {
    @Test func foldedText() {
        #expect(CourseSearch.folded("Éclairage  Straße\tGVHD") == "eclairage  strasse gvhd")
        #expect(CourseSearch.folded("e\u{301}tude") == "etude")
        #expect(CourseSearch.folded("造血") == "造血")
    }
}

@Suite struct CourseSearchLengthTests {
    @Test func minimumCountsCharactersNotBytes() {
        let lesson = Lesson(meta: LessonMeta(id: "x", title: "X"), body: Document(blocks: [Block(.paragraph([.text("造血幹細胞")]))]), quiz: [])
        let search = CourseSearch(course: Course(info: CourseInfo(id: "c", title: "C"), lessons: [lesson]))
        #expect(search.search("血").isEmpty)
        #expect(search.search("造血").count == 1)
    }
}

@Suite struct CourseSearchGroupingTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path

    @Test func theLessonAboutTheTermComesFirst() throws {
        let course = CourseLoader.load(directory: Self.lessonsFolder)
        try #require(course.lessons.count >= 14)
        let groups = CourseSearch(course: course).searchByLesson("GVHD")
        #expect(groups.first?.lessonID == "risks-gvhd")
        #expect(groups.count > 5)
        // Each lesson once, with its matches and how often the word occurs.
        #expect(Set(groups.map(\.lessonID)).count == groups.count)
        #expect(groups.allSatisfy { !$0.results.isEmpty && $0.matches == $0.results.count && $0.occurrences >= $0.matches })
        #expect(groups.reduce(0) { $0 + $1.results.count } == CourseSearch(course: course).search("GVHD").count)
    }

    @Test func titleThenHeadingsThenOccurrencesThenCourseOrder() {
        func lesson(_ id: String, _ title: String, _ blocks: [Block]) -> Lesson {
            Lesson(meta: LessonMeta(id: id, title: title), body: Document(blocks: blocks), quiz: [])
        }
        let p = { (text: String) in Block(.paragraph([.text(text)])) }
        let h = { (text: String) in Block(.heading(level: 2, content: [.text(text)])) }
        let course = Course(info: CourseInfo(id: "c", title: "C"), lessons: [
            lesson("often", "Often", [p("graft graft graft graft")]),
            lesson("once", "Once", [p("graft")]),
            lesson("heading", "Heading", [h("About the graft"), p("x")]),
            lesson("title", "The graft", [p("x")]),
            lesson("once-too", "Once too", [p("Graft")]),
        ])
        let groups = CourseSearch(course: course).searchByLesson("graft")
        #expect(groups.map(\.lessonID) == ["title", "heading", "often", "once", "once-too"])
        #expect(groups[2].occurrences == 4)
        #expect(groups[2].results.count == 1)
    }
}

@Suite struct TextMatcherTests {
    @Test func rangesFoldCaseAndAccentsAndMapBackToCharacters() {
        let text = Array("La Leukémie, leukemie et LEUKÉMIE.")
        let ranges = TextMatcher.ranges(of: "leukemie", in: text)
        #expect(ranges.map { String(text[$0]) } == ["Leukémie", "leukemie", "LEUKÉMIE"])
        // A decomposed accent belongs to its letter: the match covers the whole character.
        let decomposed = Array("leuke\u{301}mie")
        #expect(TextMatcher.ranges(of: "LEUKÉMIE", in: decomposed) == [0..<decomposed.count])
        // Runs of spaces in the query count as one; ligatures fold to two letters.
        #expect(TextMatcher.ranges(of: "  bone   marrow ", in: Array("bone marrow")) == [0..<11])
        #expect(TextMatcher.ranges(of: "oe", in: Array("cœur")) == [1..<2])
        #expect(TextMatcher.ranges(of: "", in: Array("x")).isEmpty)
        #expect(TextMatcher.contains("éclairage", in: "ECLAIRAGE"))
    }

    @Test func searchAndMatcherAgree() {
        let course = CourseSearchTests.course()
        for query in ["leukemie", "GRAFT", "bone marrow", "造血"] {
            let found = CourseSearch(course: course).search(query)
            #expect(!found.isEmpty)
            for result in found {
                let snippet = Array(result.snippet)
                #expect(TextMatcher.ranges(of: query, in: snippet).first == result.match, "\(query)")
            }
        }
    }
}
