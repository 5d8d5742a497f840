import Foundation
import Testing
@testable import MarrowCore

@Suite struct ValidationReportTests {
    private func sampleCourse() -> Course {
        let prompt: [Inline] = [.text("Q?")]
        let choices = [Choice(text: [.text("a")], isCorrect: true), Choice(text: [.text("b")], isCorrect: false)]
        let lesson1 = Lesson(
            meta: LessonMeta(id: "one", title: "One", minutes: 5),
            body: Document(),
            quiz: [
                Question(id: "q1", lessonID: "one", prompt: prompt, tags: ["benefit"], choices: choices, kind: .single),
                Question(id: "q2", lessonID: "one", prompt: prompt, tags: ["benefit", "gvhd"], choices: choices, kind: .trueFalse),
            ],
            path: "Lessons/01-one.md", fileName: "01-one.md")
        let lesson3 = Lesson(meta: LessonMeta(id: "three", title: "Three", minutes: 2), body: Document(), quiz: [], path: "Lessons/03-three.md", fileName: "03-three.md")
        let error = Diagnostic(path: "Lessons/02-two.md", line: 4, column: 10, severity: .error, message: "'minutes' must be a whole number from 1 to 60, not '0'")
        let broken = BrokenLesson(path: "Lessons/02-two.md", fileName: "02-two.md", title: "Two", error: error, id: "two")
        let warning = Diagnostic(path: "Lessons/03-three.md", severity: .warning, message: "the lesson has no quiz: add a '## Quiz' section")
        return Course(info: CourseInfo(id: "c", title: "C"), lessons: [lesson1, lesson3], brokenLessons: [broken], diagnostics: [error, warning], directory: "Lessons")
    }

    @Test func textListsDiagnosticsThenTheSummary() {
        let report = ValidationReport.make(course: sampleCourse())
        #expect(report.text == """
            Lessons/02-two.md:4:10: error: 'minutes' must be a whole number from 1 to 60, not '0'
            Lessons/03-three.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section
            3 lessons, 2 questions: 1 error, 1 warning
            """)
        #expect(report.errorCount == 1)
        #expect(report.warningCount == 1)
        #expect(report.hasErrors)
    }

    @Test func summaryUsesSingularAndPlural() {
        let lesson = Lesson(meta: LessonMeta(id: "one", title: "One"), body: Document(), quiz: [
            Question(id: "q", lessonID: "one", prompt: [], choices: [], kind: .single),
        ], path: "01-one.md", fileName: "01-one.md")
        let one = ValidationReport.make(course: Course(info: CourseInfo(id: "c", title: "C"), lessons: [lesson]))
        #expect(one.text == "1 lesson, 1 question: 0 errors, 0 warnings")
        #expect(!one.hasErrors)
        let none = ValidationReport.make(course: Course(info: CourseInfo(id: "c", title: "C"), lessons: []))
        #expect(none.summary == "0 lessons, 0 questions: 0 errors, 0 warnings")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = try ValidationReport.make(course: sampleCourse()).json()
        #expect(json == """
            {
              "diagnostics" : [
                {
                  "column" : 10,
                  "line" : 4,
                  "message" : "'minutes' must be a whole number from 1 to 60, not '0'",
                  "path" : "Lessons/02-two.md",
                  "severity" : "error"
                },
                {
                  "column" : 0,
                  "line" : 0,
                  "message" : "the lesson has no quiz: add a '## Quiz' section",
                  "path" : "Lessons/03-three.md",
                  "severity" : "warning"
                }
              ],
              "lessons" : [
                {
                  "broken" : false,
                  "file" : "Lessons/01-one.md",
                  "id" : "one",
                  "minutes" : 5,
                  "questions" : 2,
                  "title" : "One"
                },
                {
                  "broken" : true,
                  "file" : "Lessons/02-two.md",
                  "id" : "two",
                  "minutes" : null,
                  "questions" : 0,
                  "title" : "Two"
                },
                {
                  "broken" : false,
                  "file" : "Lessons/03-three.md",
                  "id" : "three",
                  "minutes" : 2,
                  "questions" : 0,
                  "title" : "Three"
                }
              ],
              "totals" : {
                "byTag" : {
                  "benefit" : 2,
                  "gvhd" : 1
                },
                "byType" : {
                  "match" : 0,
                  "multiple" : 0,
                  "order" : 0,
                  "single" : 1,
                  "true-false" : 1,
                  "typed" : 0
                },
                "lessons" : 3,
                "questions" : 2
              }
            }
            """)
    }

    @Test func reportOfTheFixtureCourses() throws {
        let good = ValidationReport.make(course: CourseLoader.load(directory: LoadingFixtures.course("good")))
        #expect(good.summary == "2 lessons, 4 questions: 0 errors, 0 warnings")
        #expect(good.totals.byType == ["single": 2, "multiple": 1, "true-false": 1, "order": 0, "match": 0, "typed": 0])
        #expect(good.totals.byTag == ["transplant-types": 1, "benefit": 1, "recovery": 1])

        let broken = ValidationReport.make(course: CourseLoader.load(directory: LoadingFixtures.course("broken")))
        #expect(broken.summary == "12 lessons, 1 question: 31 errors, 16 warnings")
        #expect(broken.lessons.map(\.broken) == [false, true, true, true, true, true, true, true, true, true, true, false])
        // Broken lessons without a readable front matter have no id: JSON null.
        #expect(broken.lessons.map(\.id) == ["good", "bad-front", nil, nil, nil, nil, "controls", nil, "good", "empty", "quiz-mistakes", "warnings"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(try broken.json().utf8)) as? [String: Any])
        #expect(Set(decoded.keys) == ["totals", "lessons", "diagnostics"])
        #expect((decoded["diagnostics"] as? [Any])?.count == 47)
    }
}
