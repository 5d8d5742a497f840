import Foundation
import Testing
@testable import MarrowCore

/// The section a quiz question comes from, found by shared words.
@Suite struct QuestionSectionTests {
    static func paragraph(_ text: String) -> Block { Block(.paragraph([.text(text)])) }
    static func heading(_ level: Int, _ text: String) -> Block { Block(.heading(level: level, content: [.text(text)])) }

    static let lesson = Lesson(
        meta: LessonMeta(id: "l", title: "Risks", minutes: 3),
        body: Document(blocks: [
            heading(1, "Risks"),
            paragraph("An introduction that comes before any section."),
            heading(2, "Infections"),
            paragraph("Neutropenia makes bacterial infections likely in the first weeks."),
            heading(2, "GVHD"),
            paragraph("Graft-versus-host disease happens when donor immune cells attack the skin, gut or liver."),
            heading(3, "Chronic GVHD"),
            paragraph("Chronic GVHD can last for years and affects the eyes and mouth."),
        ]),
        quiz: [])

    static func question(_ prompt: String, right: String, explanation: String = "") -> Question {
        Question(id: "q", lessonID: "l", prompt: [.text(prompt)],
                 choices: [Choice(text: [.text(right)], isCorrect: true), Choice(text: [.text("Something else entirely")], isCorrect: false)],
                 explanation: explanation.isEmpty ? [] : [paragraph(explanation)], kind: .single)
    }

    @Test func theSectionSharingTheMostWords() {
        let sections = QuestionSection.sections(of: Self.lesson)
        #expect(sections.map(\.section.title) == ["Infections", "GVHD", "Chronic GVHD"])
        #expect(sections.map(\.section.block) == [2, 4, 6])
        let infection = Self.question("Why are infections likely early on?", right: "Neutropenia")
        #expect(QuestionSection.section(of: infection, in: Self.lesson) == QuestionSection.Section(title: "Infections", block: 2))
        let gvhd = Self.question("What does graft-versus-host disease attack?", right: "The skin, gut or liver")
        #expect(QuestionSection.section(of: gvhd, in: Self.lesson)?.title == "GVHD")
        let chronic = Self.question("Chronic GVHD may affect which parts?", right: "The eyes and mouth", explanation: "It can last for years.")
        #expect(QuestionSection.section(of: chronic, in: Self.lesson)?.title == "Chronic GVHD")
    }

    @Test func noSharedWordNoSection() {
        let unrelated = Self.question("Zebra?", right: "Quokka")
        #expect(QuestionSection.section(of: unrelated, in: Self.lesson) == nil)
        let flat = Lesson(meta: LessonMeta(id: "f", title: "Flat", minutes: 1),
                          body: Document(blocks: [Self.heading(1, "Flat"), Self.paragraph("Neutropenia and infections.")]), quiz: [])
        #expect(QuestionSection.section(of: Self.question("Infections?", right: "Neutropenia"), in: flat) == nil)
    }

    /// A huge lesson is read for words up to a budget, so the quiz score shows at once;
    /// past it, sections still match on their headings.
    @Test func aHugeLessonIsReadUpToABudget() {
        let filler = String(repeating: "marrow ", count: QuestionSection.textBudget / 7 + 1)
        let lesson = Lesson(meta: LessonMeta(id: "h", title: "Huge", minutes: 1), body: Document(blocks: [
            Self.heading(2, "Early"), Self.paragraph(filler),
            Self.heading(2, "Zebras"), Self.paragraph("Quokkas live here."),
        ]), quiz: [])
        #expect(QuestionSection.section(of: Self.question("Where do quokkas live?", right: "Here"), in: lesson) == nil)
        #expect(QuestionSection.section(of: Self.question("Zebras?", right: "Stripes"), in: lesson)?.title == "Zebras")
    }

    @Test func commonAndShortWordsDoNotCount() {
        #expect(QuestionSection.words(in: "The GVHD of a donor, and HLA!") == ["gvhd", "donor", "hla"])
    }

    /// In the shipped course, most questions find a section: the summary can name where to re-read.
    @Test func theShippedCourseQuestionsFindSections() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let course = CourseLoader.load(directory: root.appendingPathComponent("Lessons").path)
        var found = 0
        for lesson in course.lessons {
            for question in lesson.quiz where QuestionSection.section(of: question, in: lesson) != nil { found += 1 }
        }
        #expect(found * 10 >= course.allQuestions.count * 9, "\(found) of \(course.allQuestions.count)")
    }
}
