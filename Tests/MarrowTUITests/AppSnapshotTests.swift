import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Snapshots of the course map, reader, outline, help, disclaimer and too-small screens.
@Suite struct AppSnapshotTests {
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 40, rows: 12)]

    static func name(_ base: String, _ size: Size) -> String { "\(base)-\(size.columns)x\(size.rows)" }

    func render(_ state: AppState) -> ScreenBuffer { App.render(state, size: state.size) }

    static func withProgress() -> LearnerProgress {
        AppTestCourse.returning { course in
            course[lesson: "journey"] = LessonProgress(
                opened: AppTestCourse.now, finished: AppTestCourse.now,
                position: ReadingPosition(block: 20, offset: 0, percent: 100),
                attempts: [QuizAttempt(id: "a1", started: AppTestCourse.now, total: 1, answers: ["q-day-zero": true])])
            course[lesson: "nihongo"] = LessonProgress(opened: AppTestCourse.now, position: ReadingPosition(block: 1, offset: 10, percent: 42))
            course.lastPlace = Place(lessonID: "nihongo", position: ReadingPosition(block: 1, offset: 10, percent: 42))
        }
    }

    @Test(arguments: sizes) func firstRunShowsTheDisclaimerThenTheCourseMap(size: Size) {
        let state = AppState(context: AppTestCourse.context(progress: LearnerProgress(), size: size), size: size)
        #expect(state.top is DisclaimerScreen)
        assertSnapshot(render(state), named: Self.name("first-run-disclaimer", size))
        let map = press([.enter], in: state)
        #expect(map.top is CourseMapScreen)
        assertSnapshot(render(map), named: Self.name("course-map-new", size))
    }

    @Test(arguments: sizes) func courseMapWithProgress(size: Size) {
        let state = AppTestCourse.state(progress: Self.withProgress(), size: size)
        assertSnapshot(render(state), named: Self.name("course-map-progress", size))
    }

    @Test(arguments: sizes) func readerTopMiddleAndEnd(size: Size) {
        var state = press([.enter], in: AppTestCourse.state(size: size))
        #expect(state.top is ReaderScreen)
        assertSnapshot(render(state), named: Self.name("reader-top", size))
        state = press([.pageDown, .pageDown], in: state)
        assertSnapshot(render(state), named: Self.name("reader-middle", size))
        state = press("G", in: state)
        assertSnapshot(render(state), named: Self.name("reader-end", size))
    }

    @Test(arguments: sizes) func readerWithDoubleWidthText(size: Size) {
        let state = press([.character("j"), .enter], in: AppTestCourse.state(size: size))
        let buffer = render(state)
        assertSnapshot(buffer, named: Self.name("reader-cjk", size))
        // A double-width character never straddles the right edge of the text.
        for row in 0..<buffer.size.rows {
            #expect(!buffer[row, 0].isContinuation)
        }
    }

    @Test(arguments: sizes) func outlineListsHeadingsAndBookmarks(size: Size) {
        let state = press([.enter, .pageDown, .character("m"), .character("o")], in: AppTestCourse.state(size: size))
        #expect(state.top is OutlineScreen)
        assertSnapshot(render(state), named: Self.name("outline", size))
    }

    @Test(arguments: sizes) func helpListsTheReadersKeys(size: Size) {
        let state = press([.enter, .character("?")], in: AppTestCourse.state(size: size))
        #expect(state.top is HelpScreen)
        assertSnapshot(render(state), named: Self.name("help-reader", size))
    }

    @Test func helpListsTheCourseMapsKeys() {
        let state = press("?", in: AppTestCourse.state())
        assertSnapshot(render(state), named: "help-course-map-80x24")
    }

    @Test(arguments: [Size(columns: 20, rows: 5), Size(columns: 1, rows: 1), Size(columns: 39, rows: 24), Size(columns: 80, rows: 9)])
    func tooSmall(size: Size) {
        let state = AppTestCourse.state(size: size)
        let buffer = render(state)
        assertSnapshot(buffer, named: Self.name("too-small", size))
        if size.rows >= 3 && size.columns >= 20 {
            #expect(buffer.text.contains("Terminal too small"))
        }
    }

    @Test func tooSmallAtEverySizeNeverCrashes() {
        var state = press([.enter, .pageDown], in: AppTestCourse.state())
        for columns in 0...45 {
            for rows in [0, 1, 2, 3, 5, 9, 10, 11] {
                state = App.update(state, .resize(Size(columns: columns, rows: rows)))
                _ = render(state)
            }
        }
    }

    @Test func monochromeMarksRolesWithAttributes() {
        let state = press([.enter], in: AppTestCourse.state())
        let buffer = render(state)
        let theme = Theme(palette: .monochrome)
        assertSnapshot(text: styleMap(buffer, theme: theme), named: "reader-top-monochrome-styles-80x24")
        // No colour at all in monochrome.
        for row in 0..<buffer.size.rows {
            for column in 0..<buffer.size.columns {
                let look = theme.look(for: buffer[row, column].style)
                #expect(look.foreground == -1 && look.background == -1)
            }
        }
        let map = render(AppTestCourse.state(progress: Self.withProgress()))
        assertSnapshot(text: styleMap(map, theme: theme), named: "course-map-monochrome-styles-80x24")
    }

    @Test func lessonTextNeverPutsControlCharactersInTheBuffer() {
        for size in Self.sizes {
            let state = press([.character("j"), .character("j"), .enter], in: AppTestCourse.state(size: size))
            let reader = top(state, as: ReaderScreen.self)
            #expect(reader?.lessonID == "hostile")
            let buffer = render(state)
            for cell in buffer.cells {
                for scalar in cell.character.unicodeScalars {
                    #expect(!Sanitizer.isForbidden(scalar) && scalar != "\t", "forbidden U+\(String(scalar.value, radix: 16))")
                }
            }
            #expect(buffer.text.contains("Clear[2J screen"))
            assertSnapshot(buffer, named: Self.name("reader-hostile", size))
        }
    }
}

extension AppSnapshotTests {
    /// The course map's foot line is the course's `map-notice` (`map-notice-short` on narrow screens).
    @Test func courseMapFootLineComesFromTheCourse() {
        var course = AppTestCourse.course()
        course.info.mapNotice = "For learning only."
        course.info.mapNoticeShort = "Learning only."
        let wide = AppTestCourse.state(size: Size(columns: 80, rows: 24), course: course)
        #expect(render(wide).text.contains("For learning only. d: full disclaimer"))
        #expect(!render(wide).text.contains("medical advice"))
        let narrow = AppTestCourse.state(size: Size(columns: 40, rows: 12), course: course)
        #expect(render(narrow).text.contains("Learning only. d: disclaimer"))
    }
}
