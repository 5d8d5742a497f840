import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// `marrow read`: the lesson as plain text.
@Suite struct PlainTextTests {
    static let quizLesson = Lesson(
        meta: LessonMeta(id: "types", title: "Types of transplant", minutes: 5, sources: [SourceLink(title: "MSK", url: "https://mskcc.org")], reviewed: "2026-11-26"),
        body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("Types of transplant")])),
            Block(.paragraph([.text("A transplant is named for "), .strong([.text("whose")]), .text(" stem cells are used.")])),
            Block(.bulletList(items: [ListItem(blocks: [Block(.paragraph([.emphasis([.text("Autologous")]), .text(": your own cells, collected before treatment and given back.")]))])])),
        ]),
        quiz: [
            Question(id: "q1", lessonID: "types", prompt: [.text("Which type uses a sister's cells?")],
                     choices: [Choice(text: [.text("Autologous")], isCorrect: false, feedback: [Block(.paragraph([.text("SECRET FEEDBACK")]))]), Choice(text: [.text("Allogeneic")], isCorrect: true)],
                     explanation: [Block(.paragraph([.text("SECRET EXPLANATION")]))], kind: .single),
            Question(id: "q2", lessonID: "types", prompt: [.text("Which are stem cell sources?")],
                     choices: [Choice(text: [.text("Bone marrow")], isCorrect: true), Choice(text: [.text("Cord blood")], isCorrect: true), Choice(text: [.text("Skin")], isCorrect: false)],
                     explanation: [Block(.paragraph([.text("SECRET")]))], kind: .multiple),
        ]
    )

    @Test func rendersTheLessonAndQuestionsWithoutAnswers() {
        let text = PlainText.render(lesson: Self.quizLesson, width: 40)
        #expect(text == """
            Types of transplant
            ═══════════════════

            A transplant is named for whose stem
            cells are used.

            • Autologous: your own cells, collected
              before treatment and given back.

            Sources

            1. MSK <https://mskcc.org>

            Content last reviewed on 2026-11-26.

            Quiz

            1. Which type uses a sister's cells?
               ( ) Autologous
               ( ) Allogeneic

            2. Which are stem cell sources? (Select
               all that apply.)
               [ ] Bone marrow
               [ ] Cord blood
               [ ] Skin

            """)
        #expect(!text.contains("SECRET"))
        #expect(!text.contains("[x]"))
    }

    @Test func addsTheTitleWhenTheBodyDoesNotOpenWithIt() {
        let text = PlainText.render(lesson: AppTestCourse.japanese, width: 30)
        #expect(text.hasPrefix("造血幹細胞移植とは\n══"))
        let lesson = Lesson(meta: LessonMeta(id: "x", title: "Title"), body: Document(blocks: [AppTestCourse.paragraph("Body.")]), quiz: [])
        #expect(PlainText.render(lesson: lesson, width: 30) == "Title\n═════\n\nBody.\n")
    }

    @Test func neverPrintsControlCharacters() {
        let text = PlainText.render(lesson: AppTestCourse.hostile, width: 60)
        for scalar in text.unicodeScalars where scalar != "\n" {
            #expect(!Sanitizer.isForbidden(scalar) && scalar != "\t", "U+\(String(scalar.value, radix: 16))")
        }
        for line in text.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 60)
        }
    }
}
