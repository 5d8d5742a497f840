import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Search through the whole app: the query kept while the app runs, a hit opened in
/// the reader highlighted as search matched it, a quiz hit shown with its answer.
@Suite struct SearchJourneyTests {
    /// A lesson that spells a word with an accent, far down the page.
    static let accented = Lesson(
        meta: LessonMeta(id: "fr", title: "En français", minutes: 2),
        body: Document(blocks: AppTestCourse.filler.map(AppTestCourse.paragraph) + AppTestCourse.filler.map(AppTestCourse.paragraph)
                       + [AppTestCourse.paragraph("La leukémie est un cancer du sang."), AppTestCourse.paragraph("Fin.")]),
        quiz: [
            Question(id: "fr-nom", lessonID: "fr", prompt: [.text("Quel est le nom de cette maladie du sang ?")],
                     choices: [Choice(text: [.text("La leucémie")], isCorrect: true), Choice(text: [.text("La grippe")], isCorrect: false, feedback: [AppTestCourse.paragraph("La grippe est une infection.")])],
                     explanation: [AppTestCourse.paragraph("La leucémie est un cancer du sang.")], kind: .single),
        ], path: "Lessons/05-fr.md", fileName: "05-fr.md")

    static func state() -> AppState {
        AppTestCourse.state(course: AppTestCourse.course(lessons: [AppTestCourse.journey, accented]))
    }

    @Test func aFoldedHitIsHighlightedAndScrolledToInTheReader() throws {
        let opened = press(Array("leukemie").map { Key.character($0) } + [.enter], in: press("/", in: Self.state()))
        let reader = try #require(top(opened, as: ReaderScreen.self))
        #expect(reader.lessonID == "fr")
        let buffer = App.render(opened, size: opened.size)
        let row = try #require((0..<buffer.size.rows).first { buffer.line($0).contains("leukémie") }, "the match is on screen")
        let line = Array(buffer.line(row))
        let column = try #require((0..<line.count).first { String(line[$0...].prefix(8)) == "leukémie" })
        let cells = (column..<(column + 8)).map { buffer[row, $0].style.role }
        #expect(cells.allSatisfy { $0 == .highlight }, "\(cells)")
        // Nothing else is highlighted.
        #expect(buffer.cells.filter { $0.style.role == .highlight }.count == 8)
    }

    @Test func aGlossaryTermOpensTheLessonThatTeachesItAtTheTerm() throws {
        var course = AppTestCourse.course(lessons: [AppTestCourse.journey, Self.accented])
        course.glossary = [GlossaryTerm(term: "Leukémie", definition: "Un cancer du sang.")]
        let glossary = press(Array("leuk").map { Key.character($0) }, in: press("w", in: AppTestCourse.state(course: course)))
        #expect(App.render(glossary, size: glossary.size).text.contains("In lesson 5: En français (Enter)"))
        let opened = press([.enter], in: glossary)
        let reader = try #require(top(opened, as: ReaderScreen.self))
        #expect(reader.lessonID == "fr")
        let buffer = App.render(opened, size: opened.size)
        let row = try #require((0..<buffer.size.rows).first { buffer.line($0).contains("leukémie") }, "the term is on screen")
        let line = Array(buffer.line(row))
        let column = try #require((0..<line.count).first { String(line[$0...].prefix(8)) == "leukémie" })
        #expect((column..<(column + 8)).allSatisfy { buffer[row, $0].style.role == .highlight })
    }

    @Test func theSearchKeepsItsTextWhileTheAppRuns() {
        let typed = press(Array("engraftment").map { Key.character($0) }, in: press("/", in: Self.state()))
        // Back to the map, then search again: the text and the matches are still there.
        let again = press([.escape, .character("/")], in: typed)
        #expect((again.top as? SearchScreen)?.query == "engraftment")
        #expect((again.top as? SearchScreen)?.results.isEmpty == false)
        #expect(App.render(again, size: again.size).text.contains("Search: engraftment"))
        // From the reader too, after opening a hit.
        let hit = press(Array("leukemie").map { Key.character($0) } + [.enter], in: press("/", in: Self.state()))
        #expect(hit.top is ReaderScreen)
        let fromReader = press("/", in: hit)
        #expect((fromReader.top as? SearchScreen)?.query == "leukemie")
        // Cleared stays cleared.
        let cleared = press([.control("u"), .escape, .character("/")], in: again)
        #expect((cleared.top as? SearchScreen)?.query == "")
    }

    @Test func aQuizHitShowsTheQuestionWithItsAnswerAndGradesNothing() throws {
        let opened = press(Array("cette maladie").map { Key.character($0) } + [.enter], in: press("/", in: Self.state()))
        let question = try #require(top(opened, as: QuestionScreen.self))
        #expect(question.questionID == "fr-nom")
        let text = App.render(opened, size: opened.size).text
        #expect(text.contains("Quiz question · 5. En français"))
        #expect(text.contains("not graded"))
        #expect(text.contains("✓ 1. La leucémie (right answer)"))
        #expect(text.contains("   2. La grippe"))
        #expect(text.contains("La leucémie est un cancer du sang."))
        #expect(text.contains("About 2. La grippe"))
        // Nothing recorded, nothing started; q goes back to the search.
        #expect(opened.context.effects.allSatisfy { if case .recordAnswer = $0 { false } else { true } })
        #expect(opened.context.courseProgress[lesson: "fr"].attempts.isEmpty)
        #expect(opened.context.courseProgress[lesson: "fr"].opened == nil)
        let back = press("q", in: opened)
        #expect(back.top is SearchScreen)
    }

    @Test func questionScreenSnapshots() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            let size = Size(columns: columns, rows: rows)
            var state = AppTestCourse.state(size: size, course: AppTestCourse.course(lessons: [AppTestCourse.journey, Self.accented]))
            state = press(Array("cette maladie").map { Key.character($0) } + [.enter], in: press("/", in: state))
            #expect(state.top is QuestionScreen)
            assertSnapshot(App.render(state, size: size), named: "question-\(columns)x\(rows)")
        }
    }
}
