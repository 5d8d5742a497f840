import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Every key of the reader, and its place kept by content.
@Suite struct ReaderUpdateTests {
    /// A returning learner in the reader on the long lesson.
    func reading(size: Size = Size(columns: 80, rows: 24)) -> AppState {
        press([.enter], in: AppTestCourse.state(size: size))
    }

    func reader(_ state: AppState) -> ReaderScreen { state.top as! ReaderScreen }

    @Test func lineKeysScrollByOneLine() {
        let start = reading()
        for key in [Key.down, .character("j"), .control("e")] {
            #expect(reader(press([key], in: start)).topLine == 1)
        }
        let down3 = press("jjj", in: start)
        for key in [Key.up, .character("k"), .control("y")] {
            #expect(reader(press([key], in: down3)).topLine == 2)
        }
        // Not above the top.
        #expect(reader(press("k", in: start)).topLine == 0)
    }

    @Test func pageKeysScrollByAPage() {
        let start = reading()
        let page = 21 - 1 // body rows at 80×24, less one line kept for context
        for key in [Key.pageDown, .character(" "), .character("f"), .control("f")] {
            #expect(reader(press([key], in: start)).topLine == page)
        }
        let twoPages = press([.pageDown, .pageDown], in: start)
        for key in [Key.pageUp, .character("b"), .control("b")] {
            #expect(reader(press([key], in: twoPages)).topLine == page)
        }
    }

    @Test func homeAndEndKeys() {
        let start = reading()
        let end = press("G", in: start)
        #expect(reader(end).anchor.percent == 100)
        #expect(reader(press([.end], in: start)).topLine == reader(end).topLine)
        #expect(reader(press("g", in: end)).topLine == 0)
        #expect(reader(press([.home], in: end)).topLine == 0)
        // Not past the end.
        #expect(reader(press("j", in: end)).topLine == reader(end).topLine)
    }

    @Test func scrollingRecordsThePlaceInProgress() {
        let state = press([.pageDown], in: reading())
        let position = state.context.courseProgress[lesson: "journey"].position
        #expect(position == ReadingPosition(block: reader(state).anchor.block, offset: reader(state).anchor.offset, percent: reader(state).anchor.percent))
        #expect(state.context.courseProgress.lastPlace?.lessonID == "journey")
        #expect(position!.percent > 0 && position!.percent < 100)
        #expect(state.context.courseProgress[lesson: "journey"].opened == AppTestCourse.now)
    }

    @Test func reachingTheEndMarksTheLessonReadAndSaves() {
        let state = press("G", in: reading())
        #expect(state.context.courseProgress[lesson: "journey"].finished == AppTestCourse.now)
        #expect(state.context.effects.contains(.saveProgress))
        #expect(reader(state).message == "Lesson marked as read.")
        #expect(App.render(state, size: state.size).text.contains("End of lesson — t: take the quiz"))
    }

    @Test func positionIsSavedPeriodically() {
        var state = press("j", in: reading())
        #expect(!state.context.effects.contains(.saveProgress))
        state.context.now = AppTestCourse.now.addingTimeInterval(31)
        state = press("j", in: state)
        #expect(state.context.effects.contains(.saveProgress))
    }

    @Test func nextAndPreviousLesson() {
        let start = reading()
        let next = press("n", in: start)
        #expect(reader(next).lessonID == "nihongo")
        #expect(next.context.effects.contains(.saveProgress))
        #expect(reader(press("p", in: next)).lessonID == "journey")
        let first = press("p", in: start)
        #expect(reader(first).lessonID == "journey")
        #expect(reader(first).message == "This is the first lesson.")
        let last = press("nnn", in: start)
        #expect(reader(last).lessonID == "hostile")
        #expect(reader(last).message == "This is the last lesson.")
        // The reader stays one screen above the course map.
        #expect(last.screens.count == 2)
    }

    @Test func bookmarkIsKeptAndSaved() {
        let state = press([.pageDown, .character("m")], in: reading())
        let marks = state.context.courseProgress[lesson: "journey"].bookmarks
        #expect(marks.count == 1)
        #expect(marks.first?.block == reader(state).anchor.block)
        #expect(state.context.effects.contains(.saveProgress))
        #expect(reader(state).message?.hasPrefix("Bookmarked") == true)
        let again = press("m", in: state)
        #expect(again.context.courseProgress[lesson: "journey"].bookmarks.count == 1)
        #expect(reader(again).message == "Already bookmarked here.")
    }

    @Test func outlineJumpsToAHeading() {
        let outline = press("o", in: reading())
        let screen = top(outline, as: OutlineScreen.self)
        #expect(screen?.entries.map(\.text) == ["The transplant journey", "Before", "The day of the transplant", "After", "Later"])
        let jumped = press([.end, .enter], in: outline)
        let r = reader(jumped)
        #expect(r.anchor.block == 18)
        #expect(jumped.screens.count == 2)
        #expect(App.render(jumped, size: jumped.size).line(2).contains("Later"))
    }

    @Test func outlineRemovesABookmark() {
        let outline = press([.pageDown, .character("m"), .character("o"), .end], in: reading())
        let removed = press("x", in: outline)
        #expect(removed.context.courseProgress[lesson: "journey"].bookmarks.isEmpty)
        #expect(removed.context.effects.contains(.saveProgress))
        #expect((removed.top as? OutlineScreen)?.message == "Bookmark removed.")
        let back = press([.escape], in: removed)
        #expect(back.top is ReaderScreen)
    }

    @Test func quizKeyOpensTheQuiz() {
        let state = press("t", in: reading())
        #expect(state.top is QuizScreen)
        #expect(state.context.effects.contains(.saveProgress))
        // A lesson without a quiz says so.
        let cjk = press("nt", in: reading())
        #expect(cjk.top is ReaderScreen)
        #expect(reader(cjk).message == "This lesson has no quiz.")
    }

    @Test func glossaryKeyFindsTermsOnScreen() {
        // "HLA" is on the first screen (as inline code); "conditioning" too.
        let terms = ReaderScreen.glossaryTerms(in: Layout.lines(for: AppTestCourse.journey.body.blocks.prefix(6).map { $0 }, width: 76), glossary: AppTestCourse.glossary)
        #expect(terms == ["Conditioning", "HLA"])
        // Aliases count, whole words only, any case; acronyms only in capitals.
        let gvhd = ReaderScreen.glossaryTerms(in: Layout.wrap("watch for GVHD, and ENGRAFTMENT.", width: 80), glossary: AppTestCourse.glossary)
        #expect(gvhd == ["Engraftment", "Graft-versus-host disease"])
        #expect(ReaderScreen.glossaryTerms(in: Layout.wrap("watch for gvhd and hla typing", width: 80), glossary: AppTestCourse.glossary).isEmpty)
        #expect(ReaderScreen.isAcronym("ALL") && ReaderScreen.isAcronym("CAR T") && ReaderScreen.isAcronym("VOD/SOS"))
        #expect(!ReaderScreen.isAcronym("CAR T-cell therapy") && !ReaderScreen.isAcronym("T") && !ReaderScreen.isAcronym("all"))
        #expect(ReaderScreen.glossaryTerms(in: Layout.wrap("HLAB and preconditioning", width: 80), glossary: AppTestCourse.glossary).isEmpty)
    }

    @Test func glossaryKeyRoutesWithTheVisibleTerms() {
        var state = reading()
        var reader = state.top as! ReaderScreen
        let route = reader.update(.character("w"), context: &state.context)
        #expect(route == .openGlossary(terms: ["Conditioning", "HLA"]))
    }

    @Test func searchKeyOpensSearch() {
        var state = reading()
        var reader = state.top as! ReaderScreen
        #expect(reader.update(.character("/"), context: &state.context) == .openSearch(query: ""))
    }

    @Test func backKeysReturnToTheCourseMapAndSave() {
        for key in [Key.character("q"), .escape, .character("h"), .left] {
            let state = press([key], in: reading())
            #expect(state.top is CourseMapScreen)
            #expect(state.context.effects.contains(.saveProgress))
        }
    }

    @Test func resumeOpensAtTheSavedPlace() {
        let saved = press([.pageDown, .pageDown, .character("q")], in: reading())
        let position = saved.context.courseProgress[lesson: "journey"].position!
        // Enter on "Continue" (now the first entry) and on the lesson both resume.
        let viaContinue = press([.enter], in: saved)
        #expect(reader(viaContinue).anchor.block == position.block)
        #expect(reader(viaContinue).anchor.offset == position.offset)
        let viaLesson = press([.down, .enter], in: saved)
        #expect(reader(viaLesson).topLine == reader(viaContinue).topLine)
    }

    @Test func resizeKeepsThePlaceByContent() {
        var wide = press([.pageDown, .character("j"), .character("j")], in: reading())
        // From a line of text (not the blank line between blocks).
        while App.render(wide, size: wide.size).line(2).allSatisfy({ $0 == " " }) { wide = press("j", in: wide) }
        let firstWords = App.render(wide, size: wide.size).line(2).trimmingCharacters(in: .whitespaces).split(separator: " ").prefix(2).joined(separator: " ")
        let narrow = App.update(wide, .resize(Size(columns: 44, rows: 14)))
        let narrowText = App.render(narrow, size: narrow.size).line(2)
        #expect(narrowText.contains(firstWords), "\(firstWords) not in \(narrowText)")
        // Keys after the resize scroll from there, and the place survives going back.
        let moved = press("j", in: narrow)
        let back = App.update(press("k", in: moved), .resize(Size(columns: 80, rows: 24)))
        #expect(App.render(back, size: back.size).line(2).contains(firstWords))
    }

    @Test func searchMatchOpensAtTheBlockWithTheQueryHighlighted() {
        var state = AppTestCourse.state()
        App.navigate(.openReader(lessonID: "journey", target: .match(query: "engraftment", block: 17)), in: &state)
        let buffer = App.render(state, size: state.size)
        let highlighted = buffer.cells.filter { $0.style.role == .highlight }.map { String($0.character) }.joined()
        #expect(highlighted.lowercased().contains("engraftment"))
        #expect(reader(state).highlight == "engraftment")
        let rows = (0..<buffer.size.rows).map { buffer.line($0) }
        #expect(rows[2...5].contains { $0.contains("Engraftment is when") })
    }
}

/// Every key of the outline, help and disclaimer screens.
@Suite struct SmallScreenKeyTests {
    func outline() -> AppState {
        press([.enter, .character("o")], in: AppTestCourse.state())
    }

    func selection(_ state: AppState) -> Int { (state.top as! OutlineScreen).selection }

    @Test func outlineMovementKeys() {
        let start = outline()
        #expect(selection(start) == 0)
        #expect(selection(press("j", in: start)) == 1)
        #expect(selection(press([.down, .down], in: start)) == 2)
        #expect(selection(press("jjk", in: start)) == 1)
        #expect(selection(press([.down, .up], in: start)) == 0)
        #expect(selection(press("G", in: start)) == 4)
        #expect(selection(press([.end], in: start)) == 4)
        #expect(selection(press("Gg", in: start)) == 0)
        #expect(selection(press([.end, .home], in: start)) == 0)
        #expect(selection(press("jjjjjjjj", in: start)) == 4)
    }

    @Test func outlineOpenAndBackKeys() {
        for key in [Key.enter, .character("l"), .right] {
            let state = press([.character("j"), key], in: outline())
            #expect((state.top as? ReaderScreen)?.anchor.block == 2)
        }
        for key in [Key.escape, .character("q"), .character("o"), .left, .character("h")] {
            #expect(press([key], in: outline()).top is ReaderScreen)
        }
        let notABookmark = press("x", in: outline())
        #expect((notABookmark.top as? OutlineScreen)?.message == "Only bookmarks can be removed.")
    }

    @Test func outlineStartsAtTheSectionBeingRead() {
        let state = press([.enter, .pageDown, .pageDown, .character("o")], in: AppTestCourse.state())
        let outline = state.top as! OutlineScreen
        let reading = state.context.courseProgress[lesson: "journey"].position!
        let heading = outline.entries[outline.selection].position.block
        #expect(heading <= reading.block)
        #expect(!outline.entries.contains { if case .heading = $0.kind { $0.position.block > heading && $0.position.block <= reading.block } else { false } })
    }

    @Test func helpAndDisclaimerScroll() {
        let small = Size(columns: 40, rows: 12)
        let help = press([.enter, .character("?")], in: AppTestCourse.state(size: small))
        #expect((press("j", in: help).top as! HelpScreen).scroll == 1)
        #expect((press([.down, .down, .up], in: help).top as! HelpScreen).scroll == 1)
        #expect((press([.pageDown], in: help).top as! HelpScreen).scroll > 1)
        #expect((press("G", in: help).top as! HelpScreen).scroll == (press([.end], in: help).top as! HelpScreen).scroll)
        #expect((press("Gg", in: help).top as! HelpScreen).scroll == 0)
    }
}
