import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Every key of the course map.
@Suite struct CourseMapUpdateTests {
    func map(_ state: AppState) -> CourseMapScreen { state.top as! CourseMapScreen }

    @Test func movementKeys() {
        let start = AppTestCourse.state()
        #expect(map(start).selection == 0)
        #expect(map(press([.down], in: start)).selection == 1)
        #expect(map(press("j", in: start)).selection == 1)
        #expect(map(press("jjjjjj", in: start)).selection == 2)
        #expect(map(press("jk", in: start)).selection == 0)
        #expect(map(press([.down, .up], in: start)).selection == 0)
        #expect(map(press([.end], in: start)).selection == 2)
        #expect(map(press([.end, .home], in: start)).selection == 0)
        #expect(map(press("3", in: start)).selection == 2)
        #expect(map(press("9", in: start)).message == "There is no lesson 9.")
    }

    @Test func openKeysOpenTheSelectedLesson() {
        for key in [Key.enter, .character("l"), .right] {
            let state = press([.down, key], in: AppTestCourse.state())
            #expect((state.top as? ReaderScreen)?.lessonID == "nihongo")
        }
    }

    @Test func continueEntryResumesAtTheExactPlace() {
        let place = Place(lessonID: "journey", position: ReadingPosition(block: 6, offset: 0, percent: 42))
        let state = AppTestCourse.state(progress: AppTestCourse.returning { $0.lastPlace = place })
        #expect(CourseMapScreen.entries(context: state.context).first == .resume(place))
        #expect(App.render(state, size: state.size).text.contains("Continue: The transplant journey (42%)"))
        let opened = press([.enter], in: state)
        let reader = opened.top as! ReaderScreen
        #expect(reader.anchor.block == 6)
        #expect(App.render(opened, size: opened.size).line(2).contains("The day of the transplant"))
    }

    @Test func quizKeyOpensTheSelectedLessonsQuiz() {
        let state = press("t", in: AppTestCourse.state())
        #expect(state.top is QuizScreen)
        let none = press("jt", in: AppTestCourse.state())
        #expect(none.top is CourseMapScreen)
        #expect(map(none).message == "“造血幹細胞移植とは” has no quiz.")
    }

    @Test func otherScreensAreOneKeyAway() {
        var state = AppTestCourse.state()
        var screen = map(state)
        #expect(screen.update(.character("p"), context: &state.context) == .openProgress)
        #expect(screen.update(.character("g"), context: &state.context) == .openGlossary(terms: nil))
        #expect(screen.update(.character("/"), context: &state.context) == .openSearch(query: ""))
        #expect(screen.update(.character("d"), context: &state.context) == .openDisclaimer)
        #expect(press("d", in: AppTestCourse.state()).top is DisclaimerScreen)
        #expect(press("?", in: AppTestCourse.state()).top is HelpScreen)
    }

    @Test func qQuitsAtOnce() {
        let state = press("q", in: AppTestCourse.state())
        #expect(state.isQuitting)
        #expect(state.context.effects.contains(.saveProgress))
    }

    @Test func statusShowsSymbolAndWord() {
        let lesson = AppTestCourse.journey
        #expect(LessonStatus(lesson: lesson, progress: CourseProgress()).label == "○ new")
        #expect(LessonStatus(lesson: lesson, progress: CourseProgress(lessons: ["journey": LessonProgress(opened: AppTestCourse.now, position: ReadingPosition(percent: 40))])).label == "◐ reading 40%")
        #expect(LessonStatus(lesson: lesson, progress: CourseProgress(lessons: ["journey": LessonProgress(finished: AppTestCourse.now)])).label == "✓ read")
        let attempts = [
            QuizAttempt(id: "a", started: AppTestCourse.now, total: 8, answers: Dictionary(uniqueKeysWithValues: (0..<8).map { ("q\($0)", $0 < 5) })),
            QuizAttempt(id: "b", started: AppTestCourse.now, total: 8, answers: Dictionary(uniqueKeysWithValues: (0..<8).map { ("q\($0)", $0 < 7) })),
            QuizAttempt(id: "c", started: AppTestCourse.now, total: 8, answers: ["q0": true]),
        ]
        #expect(LessonStatus(lesson: lesson, progress: CourseProgress(lessons: ["journey": LessonProgress(attempts: attempts)])).label == "● quiz 7/8")
    }

    /// A whole quiz left part-way shows as such, over an earlier score, since `t`
    /// picks it up; a retry left part-way does not. It is read from the progress
    /// alone, as the first screen (front matter, no quizzes) must draw it too, so
    /// an attempt on a quiz since edited still shows (`t` then starts over).
    @Test func aQuizLeftPartWayShowsOnItsRow() {
        let questions = (0..<3).map { n in
            Question(id: "p\(n)", lessonID: "part", prompt: [.text("Question \(n)")],
                     choices: [Choice(text: [.text("Yes")], isCorrect: true), Choice(text: [.text("No")], isCorrect: false)],
                     explanation: [], kind: .single)
        }
        let lesson = Lesson(meta: LessonMeta(id: "part", title: "Part-way"), body: Document(blocks: [AppTestCourse.paragraph("x")]), quiz: questions, fileName: "05-part.md")
        let now = AppTestCourse.now
        let scored = QuizAttempt(id: "a", started: now, total: 3, answers: ["p0": true, "p1": true, "p2": false], fullQuiz: true)
        let partWay = QuizAttempt(id: "b", started: now.addingTimeInterval(60), total: 3, answers: ["p0": true], fullQuiz: true)
        let retry = QuizAttempt(id: "c", started: now.addingTimeInterval(120), total: 2, answers: ["p2": true], fullQuiz: false)
        let edited = QuizAttempt(id: "d", started: now.addingTimeInterval(60), total: 4, answers: ["p0": true], fullQuiz: true)
        func label(_ attempts: [QuizAttempt]) -> String {
            LessonStatus(lesson: lesson, progress: CourseProgress(lessons: ["part": LessonProgress(opened: now, attempts: attempts)])).label
        }
        #expect(label([partWay]) == "◑ in quiz 1/3")
        #expect(label([scored, partWay]) == "◑ in quiz 1/3")
        #expect(label([scored, partWay, retry]) == "◑ in quiz 1/3")
        #expect(label([scored]) == "● quiz 2/3")
        var scoredLater = scored
        scoredLater.started = now.addingTimeInterval(90)
        #expect(label([partWay, scoredLater]) == "● quiz 2/3")
        #expect(label([scored, edited]) == "◑ in quiz 1/4")

        // On the course map, in the lesson's row.
        let course = AppTestCourse.course(lessons: [AppTestCourse.journey, lesson], broken: [])
        var progress = AppTestCourse.returning()
        progress[course: course.info.id].lessons["part"] = LessonProgress(opened: now, attempts: [scored, partWay])
        let state = AppTestCourse.state(progress: progress, course: course)
        let row = App.render(state, size: state.size).text.split(separator: "\n").first { $0.contains("Part-way") }.map(String.init) ?? ""
        #expect(row.contains("◑ in quiz 1/3"), "\(row)")
    }

    @Test func manyLessonsScrollToKeepTheSelectionInView() {
        let lessons = (1...30).map { n in
            Lesson(meta: LessonMeta(id: "l\(n)", title: "Lesson number \(n)"), body: Document(blocks: [AppTestCourse.paragraph("x")]), quiz: [], fileName: String(format: "%02d-l.md", n))
        }
        let state = press([.end], in: AppTestCourse.state(course: AppTestCourse.course(lessons: lessons, broken: [])))
        let buffer = App.render(state, size: state.size)
        #expect(buffer.text.contains("› 30. Lesson number 30"))
        #expect(buffer.cursor != nil)
        let row = buffer.cursor!.row
        #expect(buffer.line(row).contains("Lesson number 30"))
    }
}
