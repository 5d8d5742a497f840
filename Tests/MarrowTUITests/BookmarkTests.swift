import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Bookmarks are labeled by the section they are in, in the outline and in the
/// course's list of bookmarks (`b` on the course map), which opens them.
@Suite struct BookmarkTests {
    typealias C = AppTestCourse

    /// A learner with bookmarks in two lessons: one in "The day of the transplant",
    /// one in "Later" (journey), and one in the Japanese lesson before any heading
    /// but its title.
    static func withBookmarks() -> LearnerProgress {
        C.returning { course in
            course[lesson: "journey"].bookmarks = [
                ReadingPosition(block: 8, offset: 0, percent: 39),
                ReadingPosition(block: 19, offset: 0, percent: 86),
            ]
            course[lesson: "nihongo"].bookmarks = [ReadingPosition(block: 1, offset: 0, percent: 30)]
        }
    }

    @Test func aBookmarkIsLabeledByTheHeadingAboveIt() {
        let lesson = C.journey
        #expect(BookmarkLabel(mark: ReadingPosition(block: 8, offset: 0), in: lesson).heading == "The day of the transplant")
        #expect(BookmarkLabel(mark: ReadingPosition(block: 7, offset: 0), in: lesson).heading == "The day of the transplant")
        #expect(BookmarkLabel(mark: ReadingPosition(block: 19, offset: 0), in: lesson).heading == "Later")
        #expect(BookmarkLabel(mark: ReadingPosition(block: 8, offset: 4), in: lesson).snippet.hasPrefix("zero is the day"))
        // No heading above it: the lesson's title.
        let untitled = Lesson(meta: LessonMeta(id: "u", title: "No headings here", minutes: 1),
                              body: Document(blocks: [C.paragraph("Just text.")]), quiz: [], path: "u.md", fileName: "u.md")
        #expect(BookmarkLabel(mark: ReadingPosition(), in: untitled).heading == "No headings here")
    }

    /// Lesson text is untrusted: a heading's escapes never reach the label.
    @Test func theLabelIsSanitized() {
        let label = BookmarkLabel(mark: ReadingPosition(block: 1, offset: 0), in: C.hostile)
        #expect(!label.heading.unicodeScalars.contains { $0.value == 0x1B || $0.value < 0x20 })
        #expect(!label.snippet.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }

    @Test func theOutlineNamesEachBookmarksSection() {
        let state = press([.enter, .character("o")], in: C.state(progress: Self.withBookmarks()))
        let outline = try? #require(state.top as? OutlineScreen)
        let marks = outline?.entries.filter { $0.kind == .bookmark } ?? []
        #expect(marks.map(\.text) == ["The day of the transplant", "Later"])
        let text = App.render(state, size: state.size).text
        #expect(text.contains("▪ The day of the transplant · 39%  Day zero is the day the cells are"))
        #expect(text.contains("▪ Later · 86%"))
    }

    @Test func bOnTheCourseMapListsEveryBookmarkInCourseOrder() {
        let state = press("b", in: C.state(progress: Self.withBookmarks()))
        let list = try? #require(state.top as? BookmarksScreen)
        #expect(list?.entries.map(\.lessonID) == ["journey", "journey", "nihongo"])
        #expect(list?.entries.map(\.label.heading) == ["The day of the transplant", "Later", "造血幹細胞移植とは"])
        let text = App.render(state, size: state.size).text
        #expect(text.contains("1. The transplant journey"))
        #expect(text.contains("2. 造血幹細胞移植とは"))
        // `?` lists its keys: the one keymap's rows.
        #expect(list?.keyHelp == Keymap.help(for: .bookmarks))
    }

    @Test func enterOpensTheLessonAtTheBookmark() {
        let state = press([.character("b"), .character("j"), .enter], in: C.state(progress: Self.withBookmarks()))
        let reader = try? #require(state.top as? ReaderScreen)
        #expect(reader?.lessonID == "journey")
        #expect(reader?.anchor.block == 19)
        // The reader sits right above the course map, as always: q goes home.
        #expect(state.screens.count == 2)
        #expect(App.render(state, size: state.size).line(2).contains("Bone marrow is the soft tissue"))
        let other = press([.character("b"), .end, .enter], in: C.state(progress: Self.withBookmarks()))
        #expect((other.top as? ReaderScreen)?.lessonID == "nihongo")
    }

    @Test func clickSelectsThenOpens() {
        let state = press("b", in: C.state(progress: Self.withBookmarks()))
        let buffer = App.render(state, size: state.size)
        let row = try? #require(buffer.targets.firstRow(of: 2))
        guard let row else { return }
        let selected = App.update(state, .mouse(Mouse(.click, row: row, column: 4)))
        #expect((selected.top as? BookmarksScreen)?.selection == 2)
        let opened = App.update(selected, .mouse(Mouse(.click, row: row, column: 4)))
        #expect((opened.top as? ReaderScreen)?.lessonID == "nihongo")
    }

    @Test func xRemovesABookmarkAndSaves() {
        let state = press([.character("b"), .character("j"), .character("x")], in: C.state(progress: Self.withBookmarks()))
        #expect(state.context.courseProgress[lesson: "journey"].bookmarks == [ReadingPosition(block: 8, offset: 0, percent: 39)])
        #expect(state.context.effects.contains(.saveProgress))
        let list = state.top as? BookmarksScreen
        #expect(list?.message == "Bookmark removed.")
        #expect(list?.entries.count == 2)
        #expect(list?.selection == 1)
        #expect(press("q", in: state).top is CourseMapScreen)
    }

    @Test func withNoBookmarksTheListSaysHowToMakeOne() {
        let state = press("b", in: C.state())
        let text = App.render(state, size: state.size).text
        #expect(text.contains("No bookmarks yet. In a lesson, m bookmarks the place you are reading"))
        // Enter and x do nothing harmful on an empty list.
        #expect(press([.enter, .character("x")], in: state).top is BookmarksScreen)
    }

    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 40, rows: 12)]

    @Test(arguments: sizes) func snapshots(size: Size) {
        let name = "\(size.columns)x\(size.rows)"
        let list = press("b", in: C.state(progress: Self.withBookmarks(), size: size))
        assertSnapshot(App.render(list, size: size), named: "bookmarks-\(name)")
        let last = press("G", in: list)
        assertSnapshot(App.render(last, size: size), named: "bookmarks-last-\(name)")
        let empty = press("b", in: C.state(size: size))
        assertSnapshot(App.render(empty, size: size), named: "bookmarks-empty-\(name)")
        let outline = press([.enter, .character("o"), .character("G")], in: C.state(progress: Self.withBookmarks(), size: size))
        assertSnapshot(App.render(outline, size: size), named: "outline-bookmarks-\(name)")
    }
}
