import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// A course of more than nine lessons: digits typed in a row pick a lesson by
/// its number on the course map ("1" "2" is lesson 12), with no timer.
@Suite struct LessonNumberTests {
    typealias C = AppTestCourse

    /// Fourteen lessons, numbered by their file names as the real course is.
    static func course() -> Course {
        let lessons = (1...14).map { n in
            Lesson(meta: LessonMeta(id: "lesson-\(n)", title: "Lesson number \(n)", minutes: 5),
                   body: Document(blocks: [C.paragraph("Text of lesson \(n).")]), quiz: [],
                   path: "Lessons/\(n)-l.md", fileName: String(format: "%02d-l.md", n))
        }
        return C.course(lessons: lessons, broken: [])
    }

    func selected(_ state: AppState) -> String? {
        let map = state.top as! CourseMapScreen
        let entries = CourseMapScreen.entries(context: state.context)
        return CourseMapScreen.lesson(of: entries[map.selection], in: state.context.course)?.id
    }

    func message(_ state: AppState) -> String? { (state.top as? CourseMapScreen)?.message }

    @Test func twoDigitsInARowPickALessonAboveNine() {
        let start = C.state(course: Self.course())
        #expect(selected(press("12", in: start)) == "lesson-12")
        #expect(selected(press("14", in: start)) == "lesson-14")
        #expect(selected(press("10", in: start)) == "lesson-10")
        // Enter opens it.
        #expect((press([.character("1"), .character("3"), .enter], in: start).top as? ReaderScreen)?.lessonID == "lesson-13")
    }

    @Test func oneDigitSaysASecondCanFollow() {
        let start = C.state(course: Self.course())
        let one = press("1", in: start)
        #expect(selected(one) == "lesson-1")
        #expect(App.render(one, size: one.size).text.contains("Lesson 1: type a second digit for 10–14, or Enter to open."))
        // At 40 columns, shorter, never cut.
        let narrow = press("1", in: C.state(size: Size(columns: 40, rows: 12), course: Self.course()))
        #expect(App.render(narrow, size: narrow.size).line(10) == " Lesson 1 · a second digit: 10–14       ")
        #expect((press([.enter], in: one).top as? ReaderScreen)?.lessonID == "lesson-1")
        // Nothing can follow 2 to 9.
        #expect(!App.render(press("7", in: start), size: start.size).text.contains("second digit"))
        #expect(selected(press("7", in: start)) == "lesson-7")
    }

    @Test func aNumberThatIsNoLessonStartsOver() {
        let start = C.state(course: Self.course())
        // 15 is no lesson: the 5 is a number of its own.
        #expect(selected(press("15", in: start)) == "lesson-5")
        // 20 is none, and 0 alone is none: the selection stays on lesson 2.
        let twenty = press("20", in: start)
        #expect(selected(twenty) == "lesson-2")
        #expect(message(twenty) == "There is no lesson 20.")
        #expect(selected(press("203", in: start)) == "lesson-3")
        // Three digits never pile up: 1, 1 (lesson 11), then 4 is lesson 4.
        #expect(selected(press("114", in: start)) == "lesson-4")
        #expect(message(press("0", in: start)) == "There is no lesson 0.")
    }

    @Test func anyOtherKeyEndsTheNumber() {
        let start = C.state(course: Self.course())
        #expect(selected(press("1j2", in: start)) == "lesson-2")
        let clicked = App.update(press("1", in: start), .mouse(Mouse(.wheelDown, row: 5, column: 5)))
        #expect(selected(press("2", in: clicked)) == "lesson-2")
    }

    /// In a course of nine lessons or fewer, a digit picks its lesson at once, as before.
    @Test func aShortCourseIsUnchanged() {
        let start = C.state()
        #expect(selected(press("2", in: start)) == "nihongo")
        #expect(message(press("2", in: start)) == nil)
        #expect(message(press("9", in: start)) == "There is no lesson 9.")
    }
}
