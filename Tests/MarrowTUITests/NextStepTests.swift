import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Issue 14, "The next step is always right": Continue, `n`/`p` and the
/// end-of-lesson line.
@Suite struct NextStepTests {
    func reader(_ state: AppState) -> ReaderScreen { state.top as! ReaderScreen }

    func screen(_ state: AppState) -> String { App.render(state, size: state.size).text }

    /// A returning learner part-way (40%) through `lessonID`, as the reader leaves it.
    func partWay(_ lessonID: String, percent: Int = 40) -> AppState {
        let place = Place(lessonID: lessonID, position: ReadingPosition(block: 3, offset: 0, percent: percent))
        return AppTestCourse.state(progress: AppTestCourse.returning {
            $0.lastPlace = place
            $0[lesson: lessonID].opened = AppTestCourse.now
            $0[lesson: lessonID].position = place.position
        })
    }

    // MARK: Continue

    @Test func continueIsTheLessonBeingReadElseTheNextUnreadOne() {
        let ids = ["a", "b", "c", "d"]
        var progress = CourseProgress()
        #expect(progress.continuePlace(lessonIDs: ids)?.lessonID == "a")
        progress.lastPlace = Place(lessonID: "b", position: ReadingPosition(block: 2, offset: 0, percent: 30))
        #expect(progress.continuePlace(lessonIDs: ids) == progress.lastPlace)
        // Lesson b finished: the next unread after it, not the first unread of the course.
        progress[lesson: "b"].finished = AppTestCourse.now
        #expect(progress.continuePlace(lessonIDs: ids)?.lessonID == "c")
        progress[lesson: "c"].finished = AppTestCourse.now
        progress[lesson: "d"].position = ReadingPosition(block: 5, offset: 1, percent: 60)
        // Left part-way, it opens where it was left.
        #expect(progress.continuePlace(lessonIDs: ids) == Place(lessonID: "d", position: ReadingPosition(block: 5, offset: 1, percent: 60)))
        progress[lesson: "d"].finished = AppTestCourse.now
        // Then around to the start.
        #expect(progress.continuePlace(lessonIDs: ids)?.lessonID == "a")
        progress[lesson: "a"].finished = AppTestCourse.now
        #expect(progress.continuePlace(lessonIDs: ids) == nil)
    }

    /// Lesson 1 read to the end and its quiz opened and left: Continue is lesson 2, at its start.
    @Test func afterALessonAndItsQuizContinueIsTheNextLesson() throws {
        var state = press([.enter], in: AppTestCourse.state())
        #expect(reader(state).lessonID == "journey" && reader(state).claimed)
        state = press("Gt", in: state)
        #expect(state.top is QuizScreen)
        state = press([.escape, .escape], in: state)
        #expect(state.top is CourseMapScreen)
        #expect(screen(state).contains("› Continue: 造血幹細胞移植とは (next lesson)"), "\(screen(state))")
        let opened = press([.enter], in: state)
        #expect(reader(opened).lessonID == "nihongo" && reader(opened).topLine == 0)
    }

    /// A search hit deep in another lesson, read and left: Continue stays where it was,
    /// and that lesson keeps no position, no "reading" status.
    @Test func aSearchHitIsAPeek() throws {
        var state = partWay("nihongo")
        App.navigate(.openReader(lessonID: "journey", target: .match(query: "conditioning", block: 4)), in: &state)
        #expect(!reader(state).claimed && reader(state).topLine > 0)
        state = press([.down, .character("q")], in: state)
        #expect(state.context.courseProgress.lastPlace?.lessonID == "nihongo")
        #expect(state.context.courseProgress[lesson: "journey"].position == nil)
        #expect(state.context.courseProgress[lesson: "journey"].opened == nil)
        #expect(!state.context.effects.contains(.saveProgress))
        #expect(screen(state).contains("› Continue: 造血幹細胞移植とは (40%)"), "\(screen(state))")
    }

    /// Lesson 1 picked with a number key while lesson 2 is being read: a glance
    /// changes nothing; reading on a page makes it the lesson being read.
    @Test func aNumberKeyIsAPeekUntilTheLearnerReadsOn() throws {
        let base = partWay("nihongo")
        let peek = press([.character("1"), .enter], in: base)
        #expect(reader(peek).lessonID == "journey" && !reader(peek).claimed)
        let glanced = press([.down, .down, .character("q")], in: peek)
        #expect(glanced.context.courseProgress.lastPlace?.lessonID == "nihongo")
        #expect(glanced.context.courseProgress[lesson: "journey"].position == nil)
        let readOn = press([.pageDown], in: peek)
        #expect(reader(readOn).claimed)
        #expect(readOn.context.courseProgress.lastPlace?.lessonID == "journey")
        #expect(readOn.context.courseProgress[lesson: "journey"].opened == AppTestCourse.now)
        let back = press("q", in: readOn)
        #expect(screen(back).contains("Continue: The transplant journey ("), "\(screen(back))")
    }

    // MARK: n and p

    /// `p` back to a lesson read to the end opens it at its start, not its end;
    /// `p` back to one left part-way opens it where it was left.
    @Test func nextAndPreviousOpenAtTheStartUnlessLeftPartWay() throws {
        let finished = press([.enter, .character("G"), .character("n"), .character("p")], in: AppTestCourse.state())
        #expect(reader(finished).lessonID == "journey")
        #expect(reader(finished).topLine == 0, "opened at \(reader(finished).topLine)")
        let leftPartWay = press([.enter, .pageDown, .character("n"), .character("p")], in: AppTestCourse.state())
        let paged = reader(press([.enter, .pageDown], in: AppTestCourse.state())).anchor
        #expect(paged.percent > 0 && reader(leftPartWay).topLine > 0 && reader(leftPartWay).anchor.block == paged.block)
        // From the course map too: a lesson read to the end opens at its start.
        let reopened = press([.character("q"), .character("1"), .enter], in: finished)
        #expect(reader(reopened).lessonID == "journey" && reader(reopened).topLine == 0)
    }

    // MARK: Start here

    /// The very first run: the disclaimer, then "Start here" (once: the next run
    /// opens on the course map), which says what the course is, the keys that
    /// matter and where progress is kept; `?` then `s` shows it again.
    @Test func startHereFollowsTheDisclaimerOnceAndIsInHelp() throws {
        var context = AppTestCourse.context(progress: LearnerProgress())
        context.progressPath = "/home/ana/.local/share/marrow/progress.json"
        let first = AppState(context: context, size: Size(columns: 80, rows: 24))
        #expect(first.top is DisclaimerScreen && first.context.effects == [.saveProgress])
        let startHere = press([.enter], in: first)
        #expect(startHere.top is StartHereScreen)
        let text = screen(startHere)
        for words in ["Start here", "A small course for the tests.", "The keys that matter", "take the quiz of a lesson",
                      "help: every key of the screen you are on", "/home/ana/.local/share/marrow/progress.json", "Enter: go to the course"] {
            #expect(text.contains(words), "\(words): \(text)")
        }
        #expect(press([.enter], in: startHere).top is CourseMapScreen)
        let again = AppState(context: AppTestCourse.context(progress: startHere.context.progress), size: Size(columns: 80, rows: 24))
        #expect(again.top is CourseMapScreen)
        // From help, on any screen.
        let help = press("?", in: AppTestCourse.state())
        #expect(screen(help).contains("s start here"))
        let shown = press("s", in: help)
        #expect(shown.top is StartHereScreen)
        #expect(press("q", in: shown).top is HelpScreen)
        // The keys are drawn as keys; at 40×12 the screen scrolls to its end.
        let buffer = App.render(startHere, size: startHere.size)
        let keyRow = try #require((0..<buffer.size.rows).first { buffer.line($0).contains("  Enter  open") })
        let column = try #require(Array(buffer.line(keyRow)).firstIndex(of: "E"))
        #expect(buffer[keyRow, column].style.role == .key)
        let small = press([.enter], in: AppState(context: AppTestCourse.context(progress: LearnerProgress(), size: Size(columns: 40, rows: 12)), size: Size(columns: 40, rows: 12)))
        #expect(!screen(small).contains("Enter: go to the course"))
        let scrolled = press([Key](repeating: .down, count: 20), in: small)
        #expect(screen(scrolled).contains("Enter: go to the course"), "\(screen(scrolled))")
    }

    // MARK: Reviews per session

    /// Four questions due and a limit of one a session: one is asked, the summary
    /// says how many more are due, and c keeps going with the next.
    @Test func aReviewSessionAsksAtMostTheLimit() throws {
        var state = ReviewTests.state(ReviewTests.history)
        #expect(state.context.reviews.dueQuestionIDs.count == 4)
        #expect(state.context.course.info.reviewLimit == 20)
        state.context.course.info.reviewLimit = 1
        state = press("r", in: state)
        let review = try #require(state.top as? QuizScreen)
        #expect(review.isReview && review.session.total == 1)
        #expect(review.session.questions.map(\.id) == ["q-sibling-type"])
        state = press([.character("1"), .enter, .enter], in: state)
        let summary = try #require(state.top as? QuizScreen)
        #expect(summary.phase == .summary)
        let text = screen(state)
        #expect(text.contains("3 more due — do them later, or press c to keep going."), "\(text)")
        #expect(text.contains("c: keep going with the next questions due"), "\(text)")
        let next = try #require(press("c", in: state).top as? QuizScreen)
        #expect(next.phase == .asking && next.isReview && next.session.total == 1)
        #expect(next.session.questions.map(\.id) == ["q-sources-all"])
        // Under the default limit of 20, all four are asked.
        let all = press([.character("r")], in: ReviewTests.state(ReviewTests.history))
        #expect((all.top as? QuizScreen)?.session.total == 4)
    }

    @Test func theReviewLimitIsACourseSetting() throws {
        let folder = NSTemporaryDirectory() + "marrow-review-limit-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func read(_ line: String) -> (CourseInfo, [Diagnostic]) {
            let path = folder + "/course.yaml"
            let yaml = "id: c\ntitle: T\nsummary: S\ndisclaimer: D\nversion: \"1\"\nlast-reviewed: 2026-11-26\n" + line
            FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
            var diagnostics: [Diagnostic] = []
            let info = CourseInfoReader.read(path: path, fallback: CourseInfo(id: "x", title: "x"), diagnostics: &diagnostics)
            return (info, diagnostics)
        }
        #expect(read("").0.reviewLimit == 20 && read("").1.isEmpty)
        #expect(read("review-limit: 50\n").0.reviewLimit == 50 && read("review-limit: 50\n").1.isEmpty)
        for bad in ["0", "1001", "many", "2.5"] {
            let (info, diagnostics) = read("review-limit: \(bad)\n")
            #expect(info.reviewLimit == 20, "\(bad)")
            #expect(diagnostics.map(\.message) == ["'review-limit' must be a whole number from 1 to 1000, not '\(bad)'"], "\(bad)")
        }
    }

    // MARK: End of lesson

    /// "End of lesson — t: continue the quiz" while the lesson's quiz is part-way.
    @Test func theEndOfALessonSaysContinueTheQuizWhenItIsPartWay() throws {
        var journey = AppTestCourse.journey
        journey.quiz.append(Question(id: "q-engraft", lessonID: "journey", prompt: [.text("What is engraftment?")],
                                     choices: [Choice(text: [.text("New cells making blood")], isCorrect: true), Choice(text: [.text("A test")], isCorrect: false)],
                                     kind: .single))
        let course = AppTestCourse.course(lessons: [journey, AppTestCourse.japanese, AppTestCourse.hostile])
        let fresh = press([.enter, .character("G")], in: AppTestCourse.state(course: course))
        #expect(screen(fresh).contains("End of lesson — t: take the quiz"))
        let partWay = AppTestCourse.returning {
            $0[lesson: "journey"].attempts = [QuizAttempt(id: "a1", started: AppTestCourse.now, total: 2, answers: ["q-day-zero": true], fullQuiz: true)]
        }
        let state = press([.enter, .character("G")], in: AppTestCourse.state(progress: partWay, course: course))
        let text = screen(state)
        #expect(text.contains("End of lesson — t: continue the quiz"), "\(text)")
        #expect(!text.contains("take the quiz"))
        // t picks it up at its second question.
        let quiz = try #require(press("t", in: state).top as? QuizScreen)
        #expect(quiz.index == 1 && quiz.resumedWith == 1)
        // The key and the line are styled as before.
        let buffer = App.render(state, size: state.size)
        let row = try #require((0..<buffer.size.rows).first { buffer.line($0).contains("End of lesson") })
        let column = try #require(buffer.line(row).range(of: "t: continue").map { buffer.line(row).distance(from: buffer.line(row).startIndex, to: $0.lowerBound) })
        #expect(buffer[row, column].style.role == .key)
    }
}
