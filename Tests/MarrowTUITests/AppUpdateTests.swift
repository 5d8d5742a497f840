import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The app's own keys and events: help, quitting, signals, closed input, resize, the stack.
@Suite struct AppUpdateTests {
    @Test func firstRunCountsTheDisclaimerAsSeenAndSaves() {
        let state = AppState(context: AppTestCourse.context(progress: LearnerProgress()), size: Size(columns: 80, rows: 24))
        #expect(state.top is DisclaimerScreen)
        #expect(state.context.courseProgress.disclaimerSeen)
        #expect(state.context.effects == [.saveProgress])
        for key in [Key.enter, .escape, .character("q"), .character(" "), .character("d")] {
            #expect(press([key], in: state).top is CourseMapScreen)
        }
        // The second run goes straight to the course map.
        let again = AppState(context: AppTestCourse.context(progress: state.context.progress), size: Size(columns: 80, rows: 24))
        #expect(again.top is CourseMapScreen)
        #expect(again.context.effects.isEmpty)
    }

    @Test func disclaimerScrollsWhenLong() {
        var info = AppTestCourse.info
        info.disclaimer = Array(repeating: "This is not medical advice.", count: 40).joined(separator: " ")
        var course = AppTestCourse.course()
        course.info = info
        let state = press("dj", in: AppTestCourse.state(size: Size(columns: 40, rows: 12), course: course))
        #expect((state.top as? DisclaimerScreen)?.scroll == 1)
    }

    @Test func questionMarkOpensHelpForTheTopScreenAndClosesIt() {
        let reader = press([.enter], in: AppTestCourse.state())
        let help = press("?", in: reader)
        let screen = top(help, as: HelpScreen.self)
        #expect(screen?.screenTitle == "Reader")
        #expect(screen?.keys == (reader.top as! ReaderScreen).keyHelp)
        for key in [Key.character("?"), .character("q"), .escape, .enter] {
            #expect(press([key], in: help).top is ReaderScreen)
        }
        #expect((press("j", in: help).top as? HelpScreen) != nil)
    }

    @Test func ctrlCTerminateAndClosedInputSaveAndQuit() {
        let reader = press([.enter, .pageDown], in: AppTestCourse.state())
        for next in [press([.control("c")], in: reader), App.update(reader, .terminate), App.update(reader, .inputClosed)] {
            #expect(next.context.effects.contains(.saveProgress))
            #expect(next.isQuitting)
            // The place read so far is in the progress being saved.
            #expect(next.context.courseProgress[lesson: "journey"].position?.percent ?? 0 > 0)
        }
    }

    @Test func resizeUpdatesTheScreenArea() {
        let state = App.update(AppTestCourse.state(), .resize(Size(columns: 100, rows: 30)))
        #expect(state.size == Size(columns: 100, rows: 30))
        #expect(state.context.screenArea == Rect(row: 0, column: 0, width: 100, height: 29))
    }

    @Test func tooSmallIgnoresKeysButQAndRecovers() {
        let reader = press([.enter], in: AppTestCourse.state())
        let small = App.update(reader, .resize(Size(columns: 20, rows: 5)))
        #expect(App.render(small, size: small.size).text.contains("Terminal too small"))
        let ignored = press("G", in: small)
        #expect((ignored.top as! ReaderScreen).topLine == 0)
        #expect(press("q", in: small).isQuitting)
        let grown = App.update(small, .resize(Size(columns: 80, rows: 24)))
        #expect(App.render(grown, size: grown.size).line(0).contains("The transplant journey"))
    }

    @Test func openingAReaderReplacesScreensAboveTheCourseMap() {
        var state = press([.enter, .character("o")], in: AppTestCourse.state())
        #expect(state.screens.count == 3)
        App.navigate(.openReader(lessonID: "nihongo", target: .start), in: &state)
        #expect(state.screens.count == 2)
        #expect((state.top as? ReaderScreen)?.lessonID == "nihongo")
        App.navigate(.openReader(lessonID: "missing", target: .start), in: &state)
        #expect(state.flash == "That lesson is not in the course.")
        #expect(App.render(state, size: state.size).line(23).contains("That lesson is not in the course."))
        // The flash goes with the next key.
        #expect(press("j", in: state).flash == nil)
    }

    @Test func backFromTheCourseMapsOnlyScreenQuits() {
        var state = AppTestCourse.state()
        App.navigate(.back, in: &state)
        #expect(state.isQuitting)
    }

    @Test func statusLineShowsKeysAndHelp() {
        let state = AppTestCourse.state()
        let status = App.render(state, size: state.size).line(23)
        #expect(status.contains("Enter open"))
        #expect(status.contains("? help"))
        #expect(status.contains("Course map"))
        let narrow = AppTestCourse.state(size: Size(columns: 40, rows: 12))
        #expect(App.render(narrow, size: narrow.size).line(11).contains("? help"))
        #expect(App.render(narrow, size: narrow.size)[11, 0].style.role == .status)
    }

    @Test func cursorSitsOnTheFocusedItem() {
        let state = AppTestCourse.state()
        let buffer = App.render(state, size: state.size)
        #expect(buffer.cursor != nil)
        #expect(buffer.line(buffer.cursor!.row).contains("The transplant journey"))
        let reader = press([.enter], in: state)
        #expect(App.render(reader, size: reader.size).cursor?.row == 2)
        #expect(App.render(App.update(state, .resize(Size(columns: 10, rows: 3))), size: Size(columns: 10, rows: 3)).cursor == nil)
    }
}

/// The app opens the quiz, progress review, glossary and search screens, and hands them what they need.
@Suite struct AppNavigationTests {
    @Test func progressReviewGetsTheAnswerLogWhenItFirstShows() {
        let state = press("p", in: AppTestCourse.state())
        #expect(state.top is ProgressReviewScreen)
        #expect(state.needsAnswerHistory)
        var loaded = state
        let record = AnswerRecord(course: "test", lesson: "journey", question: "q-day-zero", chosen: [0], correct: true, time: AppTestCourse.now, attempt: "a1", attemptTotal: 1)
        loaded.setAnswerHistory([record])
        #expect(!loaded.needsAnswerHistory)
        #expect((loaded.top as? ProgressReviewScreen)?.history == [record])
        // Answers given later (a retry) reach it when the quiz returns.
        var retry = press([.escape], in: loaded)
        retry = press("p", in: retry)
        App.navigate(.openQuiz(lessonID: "journey", questionIDs: ["q-day-zero"]), in: &retry)
        #expect(retry.top is QuizScreen)
        let second = AnswerRecord(course: "test", lesson: "journey", question: "q-day-zero", chosen: [1], correct: false, time: AppTestCourse.now, attempt: "a2", attemptTotal: 1)
        retry.appendToHistory(second)
        App.navigate(.back, in: &retry)
        #expect((retry.top as? ProgressReviewScreen)?.history == [record, second])
    }

    @Test func glossaryAndSearchTakeQuestionMarksAsText() {
        let glossary = press("g", in: AppTestCourse.state())
        #expect(glossary.top is GlossaryScreen)
        let typed = press("hla?", in: glossary)
        #expect(typed.top is GlossaryScreen)
        #expect((typed.top as? GlossaryScreen)?.filter == "hla?")
        let search = press("/", in: AppTestCourse.state())
        #expect(search.top is SearchScreen)
        #expect((press("day?", in: search).top as? SearchScreen)?.query == "day?")
    }

    @Test func readerGlossaryKeyOpensTheTermsOnScreen() {
        let state = press([.enter, .character("w")], in: AppTestCourse.state())
        #expect((state.top as? GlossaryScreen)?.limitedTo == ["Conditioning", "HLA"])
        // Esc widens the list to all terms, then goes back to the reader.
        #expect(press([.escape], in: state).top is GlossaryScreen)
        #expect(press([.escape, .escape], in: state).top is ReaderScreen)
    }

    @Test func searchOpensTheReaderAtTheMatch() {
        let results = press(Array("engraftment").map { Key.character($0) } + [.enter], in: press("/", in: AppTestCourse.state()))
        let reader = results.top as? ReaderScreen
        #expect(reader?.lessonID == "journey")
        #expect(reader?.highlight?.lowercased() == "engraftment")
        #expect(results.screens.count == 2)
    }

    @Test func searchBuildsItsIndexOnceAndDropsItWhenTheCourseChanges() {
        let state = AppTestCourse.state()
        #expect(state.context.searchIndex == nil)
        let searched = press([.character("/"), .escape], in: state)
        #expect(searched.context.searchIndex != nil)
        // Opened again, the kept index finds the same.
        let again = press(Array("engraftment").map { Key.character($0) }, in: press("/", in: searched))
        #expect((again.top as? SearchScreen)?.results.isEmpty == false)
        var changed = searched
        changed.context.course = changed.context.course
        #expect(changed.context.searchIndex == nil)
    }

    @Test func quizAnswersAreRecordedForTheRunLoop() {
        let quiz = press("t", in: AppTestCourse.state())
        #expect(quiz.top is QuizScreen)
        #expect(quiz.context.effects.contains(.discardTypeahead))
        let chosen = press("1", in: quiz)
        #expect(!chosen.context.effects.contains { if case .recordAnswer = $0 { true } else { false } })
        let answered = press([.enter], in: chosen)
        #expect(answered.context.effects.contains { if case .recordAnswer = $0 { true } else { false } })
    }
}
