import Foundation
import MarrowCore
import Testing

/// The shipped HSCT course keeps its minimums: a later edit cannot silently drop them.
@Suite struct CourseContentTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path
    let course = CourseLoader.load(directory: CourseContentTests.lessonsFolder)

    @Test func validatesWithoutErrorsOrWarnings() {
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(course.brokenLessons.isEmpty)
    }

    @Test func courseInfo() {
        #expect(course.info.id == "hsct")
        #expect(course.info.disclaimer.lowercased().contains("not medical advice"))
        #expect(!course.info.lastReviewed.isEmpty)
    }

    @Test func lessonsAndQuestions() {
        #expect(course.lessons.count >= 10)
        #expect(course.allQuestions.count >= 80)
        for lesson in course.lessons {
            #expect(lesson.quiz.count >= 6, "\(lesson.id) has \(lesson.quiz.count) questions")
            #expect((3...8).contains(lesson.meta.minutes), "\(lesson.id): \(lesson.meta.minutes) minutes")
            #expect(!lesson.meta.objectives.isEmpty, "\(lesson.id) has no objectives")
            #expect(!lesson.meta.sources.isEmpty, "\(lesson.id) has no sources")
            #expect(!lesson.meta.reviewed.isEmpty, "\(lesson.id) has no reviewed date")
            let text = lesson.body.blocks.map(\.plainText).joined(separator: " ").lowercased()
            #expect(text.contains("not medical advice"), "\(lesson.id) does not say it is not medical advice")
        }
    }

    @Test func everyQuestionIsExplained() {
        for question in course.allQuestions {
            #expect(!question.explanation.isEmpty, "\(question.id) has no explanation")
            #expect(question.choices.count >= 2, "\(question.id)")
            #expect(!question.correctIndices.isEmpty, "\(question.id)")
        }
    }

    @Test func questionMix() {
        let questions = course.allQuestions
        let byKind = Dictionary(grouping: questions, by: \.kind).mapValues(\.count)
        #expect(byKind[.single, default: 0] >= 10)
        #expect(byKind[.multiple, default: 0] >= 10)
        #expect(byKind[.trueFalse, default: 0] >= 10)
        func tagged(_ tag: String) -> Int { questions.filter { $0.tags.contains(tag) }.count }
        #expect(tagged("benefit") >= 15)
        #expect(tagged("risk") >= 15)
        #expect(tagged("gvhd") >= 10)
        #expect(Set(questions.map(\.id)).count == questions.count)
    }

    @Test func glossary() {
        #expect(course.glossary.count >= 30)
        for term in course.glossary {
            #expect(!term.definition.isEmpty, "\(term.term)")
        }
    }
}
