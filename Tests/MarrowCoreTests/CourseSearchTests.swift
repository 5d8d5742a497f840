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
