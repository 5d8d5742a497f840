import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

@Suite struct QuizScreenTests {
    typealias F = QuizTestCourse

    /// A lesson's quiz, opened: the only effect so far is the typeahead discard, taken out here.
    func lessonQuiz(_ context: inout AppContext, lesson: String = "what-is") -> QuizScreen {
        let quiz = QuizScreen(lessonID: lesson, questionIDs: nil, context: &context)
        #expect(context.effects.last == .discardTypeahead)
        context.effects.removeAll { $0 == .discardTypeahead }
        return quiz
    }

    /// The answers and grades asked for, without the typeahead discards.
    func saved(_ context: AppContext) -> [Effect] {
        context.effects.filter { $0 != .discardTypeahead }
    }

    func recorded(_ context: AppContext) -> [AnswerRecord] {
        context.effects.compactMap { if case .recordAnswer(let r) = $0 { r } else { nil } }
    }

    // MARK: Opening

    @Test func openingFromARouteAdvancesTheSeed() {
        var context = F.context()
        let quiz = lessonQuiz(&context)
        #expect(quiz.phase == .asking)
        #expect(quiz.session.total == 3)
        #expect(!quiz.isRetry)
        #expect(context.randomSeed != 7)
        let again = lessonQuiz(&context)
        #expect(again.session.attemptID != quiz.session.attemptID)
    }

    @Test func emptyQuizSaysSoAndGoesBack() {
        var context = F.context()
        var quiz = QuizScreen(lessonID: "nope", questionIDs: nil, context: &context)
        #expect(quiz.phase == .summary)
        #expect(F.render(quiz, context: context).text.contains("There are no questions to ask here."))
        #expect(quiz.update(.enter, context: &context) == .back)
    }

    // MARK: Asking: single answer

    @Test func numberChoosesThenEnterAnswersAndRecordsAtOnce() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        #expect(quiz.focus == nil)
        #expect(quiz.update(.ch("2"), context: &context) == nil)
        #expect(quiz.phase == .asking && quiz.focus == 1)
        #expect(context.effects.isEmpty)
        #expect(F.render(quiz, context: context).text.contains("Enter answers 2. Another number or ↑/↓ changes it."))
        #expect(quiz.update(.enter, context: &context) == nil)
        #expect(quiz.phase == .feedback)
        #expect(quiz.picked == [1])
        let records = recorded(context)
        #expect(records.count == 1)
        #expect(records[0].question == "q-sibling-type")
        #expect(records[0].chosen == [1])
        #expect(records[0].correct)
        #expect(records[0].time == F.now)
        #expect(records[0].attempt == quiz.session.attemptID)
        #expect(records[0].attemptTotal == 3)
        let attempts = context.courseProgress[lesson: "what-is"].attempts
        #expect(attempts.count == 1)
        #expect(attempts[0].answers == ["q-sibling-type": true])
    }

    @Test func numberOutOfRangeExplains() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        #expect(quiz.update(.ch("7"), context: &context) == nil)
        #expect(quiz.update(.ch("0"), context: &context) == nil)
        #expect(quiz.phase == .asking)
        #expect(quiz.notice == "There is no answer 0: choose 1 to 3.")
        #expect(context.effects.isEmpty)
        #expect(F.render(quiz, context: context).text.contains("There is no answer 0"))
    }

    @Test func arrowsAndVimKeysMoveFocusWithinTheChoices() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        #expect(quiz.focus == nil)
        _ = quiz.update(.up, context: &context)
        #expect(quiz.focus == 2)
        var fromTop = lessonQuiz(&context)
        _ = fromTop.update(.ch("j"), context: &context)
        #expect(fromTop.focus == 0)
        _ = quiz.update(.home, context: &context)
        #expect(quiz.focus == 0)
        _ = quiz.update(.up, context: &context)
        #expect(quiz.focus == 0)
        _ = quiz.update(.down, context: &context)
        #expect(quiz.focus == 1)
        _ = quiz.update(.ch("j"), context: &context)
        #expect(quiz.focus == 2)
        _ = quiz.update(.ch("j"), context: &context)
        #expect(quiz.focus == 2)
        _ = quiz.update(.ch("k"), context: &context)
        #expect(quiz.focus == 1)
        _ = quiz.update(.home, context: &context)
        #expect(quiz.focus == 0)
        _ = quiz.update(.end, context: &context)
        #expect(quiz.focus == 2)
        #expect(context.effects.isEmpty)
    }

    @Test func enterAnswersTheFocusedChoice() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.down, context: &context)
        _ = quiz.update(.down, context: &context)
        _ = quiz.update(.down, context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .feedback)
        #expect(recorded(context).map(\.chosen) == [[2]])
        #expect(recorded(context).map(\.correct) == [false])
    }

    /// Enter pressed twice on the feedback (or a key that slips) reaches the next
    /// question with nothing chosen: it answers nothing and says how to answer.
    @Test func enterAloneOnAQuestionJustShownAnswersNothing() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        #expect(quiz.update(.enter, context: &context) == nil)
        #expect(quiz.phase == .asking)
        #expect(context.effects.isEmpty)
        #expect(quiz.notice == "Choose first: press the answer's number (or ↑/↓), then Enter to answer.")
        #expect(F.render(quiz, context: context).text.contains("Choose first: press the answer's number"))
        // Answered, then Enter Enter: the second Enter finds question 2 with nothing ticked.
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        context.effects = []
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking && quiz.index == 1 && quiz.focus == nil)
        #expect(context.effects == [.discardTypeahead])
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking && quiz.index == 1)
        #expect(context.effects == [.discardTypeahead])
        // The same on a true/false question.
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        context.effects = []
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking && quiz.index == 2)
        #expect(quiz.notice == "Choose first: press t or f (or ↑/↓), then Enter to answer.")
        #expect(context.effects.isEmpty)
    }

    @Test func spaceTAndFAndOtherKeysDoNothingOnASingleQuestion() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        for key in [Key.ch(" "), .ch("t"), .ch("f"), .ch("x"), .left, .right, .tab, .backTab, .pageDown, .backspace, .delete, .control("n")] {
            #expect(quiz.update(key, context: &context) == nil)
        }
        #expect(quiz.phase == .asking)
        #expect(context.effects.isEmpty)
    }

    @Test func qEscAndHelp() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        #expect(quiz.update(.ch("?"), context: &context) == .openHelp)
        #expect(quiz.update(.ch("q"), context: &context) == .back)
        #expect(quiz.update(.escape, context: &context) == .back)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.update(.ch("?"), context: &context) == .openHelp)
        #expect(quiz.update(.ch("q"), context: &context) == .back)
        #expect(quiz.update(.escape, context: &context) == .back)
        // The answer given before leaving is already saved.
        #expect(recorded(context).count == 1)
    }

    // MARK: Asking: select all that apply

    func multipleQuiz(_ context: inout AppContext) -> QuizScreen {
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        context.effects = []
        #expect(quiz.session.questions[quiz.index].kind == .multiple)
        return quiz
    }

    @Test func numbersAndSpaceToggleThenEnterSubmits() {
        var context = F.context()
        var quiz = multipleQuiz(&context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.ch("4"), context: &context)
        #expect(quiz.selected == [0, 3])
        #expect(quiz.focus == 3)
        _ = quiz.update(.ch("4"), context: &context)
        #expect(quiz.selected == [0])
        _ = quiz.update(.up, context: &context)
        _ = quiz.update(.ch(" "), context: &context)
        #expect(quiz.selected == [0, 2])
        _ = quiz.update(.ch("k"), context: &context)
        _ = quiz.update(.ch(" "), context: &context)
        #expect(quiz.selected == [0, 1, 2])
        #expect(context.effects.isEmpty)
        #expect(quiz.phase == .asking)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .feedback)
        #expect(recorded(context).map(\.chosen) == [[0, 1, 2]])
        #expect(recorded(context).map(\.correct) == [true])
    }

    @Test func enterWithNothingTickedAsksForAChoice() {
        var context = F.context()
        var quiz = multipleQuiz(&context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking)
        #expect(quiz.notice?.hasPrefix("Tick at least one answer") == true)
        #expect(context.effects.isEmpty)
        // The notice goes with the next key.
        _ = quiz.update(.down, context: &context)
        #expect(quiz.notice == nil)
    }

    @Test func partialSelectionIsWrong() {
        var context = F.context()
        var quiz = multipleQuiz(&context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.ch("4"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).map(\.correct) == [false])
        let text = F.render(quiz, context: context).text
        #expect(text.contains("✗ Not quite"))
        #expect(text.contains("✗ 4. Skin (your answer)"))
        #expect(text.contains("✓ 1. Bone marrow (your answer)"))
        #expect(text.contains("✓ 2. Blood, after mobilization"))
    }

    // MARK: Asking: true/false

    func trueFalseQuiz(_ context: inout AppContext) -> QuizScreen {
        QuizScreen(lessonID: nil, questionIDs: ["q-gvl-true", "r-infection"], context: &context)
    }

    @Test func tAndFChooseTrueFalseThenEnterAnswers() {
        var context = F.context()
        var quiz = trueFalseQuiz(&context)
        _ = quiz.update(.ch("t"), context: &context)
        #expect(quiz.phase == .asking && quiz.focus == 0 && recorded(context).isEmpty)
        #expect(F.render(quiz, context: context).text.contains("Enter answers 1. t, f or ↑/↓ change it."))
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).last?.chosen == [0])
        #expect(recorded(context).last?.correct == true)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("F"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).last?.chosen == [1])
        #expect(recorded(context).last?.correct == false)
        #expect(recorded(context).last?.lesson == "risks")
    }

    @Test func trueFalseAlsoTakesNumbersAndEnter() {
        var context = F.context()
        var quiz = trueFalseQuiz(&context)
        _ = quiz.update(.down, context: &context)
        _ = quiz.update(.down, context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).last?.chosen == [1])
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).last?.chosen == [0])
    }

    // MARK: Shuffled choices

    @Test func shuffledChoicesAreRecordedInWrittenOrder() {
        var context = F.context(shuffle: true)
        var quiz = lessonQuiz(&context)
        let order = quiz.session.choiceOrders[0]
        #expect(order.sorted() == [0, 1, 2])
        let shownAt = order.firstIndex(of: 1)!
        _ = quiz.update(.ch(Character("\(shownAt + 1)")), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).first?.chosen == [1])
        #expect(recorded(context).first?.correct == true)
    }

    // MARK: Feedback

    @Test func enterAndNGoOnThenTheSummaryComes() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking)
        #expect(quiz.index == 1)
        #expect(quiz.focus == nil && quiz.selected.isEmpty)
        _ = quiz.update(.ch("4"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .feedback)
        _ = quiz.update(.ch("n"), context: &context)
        #expect(quiz.index == 2)
        _ = quiz.update(.ch("t"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .summary)
        #expect(quiz.session.correctCount == 2)
        #expect(recorded(context).count == 3)
        #expect(context.courseProgress[lesson: "what-is"].bestScore == 2.0 / 3.0)
    }

    // MARK: Undo

    /// u on the feedback takes the answer back: out of the session, the attempt
    /// and the schedule, an undo effect for the log, and the question asked
    /// again with nothing chosen, saying what was undone.
    @Test func uOnTheFeedbackTakesTheAnswerBack() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        let before = context.courseProgress
        _ = quiz.update(.ch("3"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.statusKeys.contains(KeyHelp("u", "undo")))
        let answer = recorded(context)[0]
        context.effects = []
        #expect(quiz.update(.ch("u"), context: &context) == nil)
        #expect(context.effects == [.recordUndo(AnswerUndo(of: answer, time: F.now)), .discardTypeahead])
        #expect(quiz.phase == .asking && quiz.index == 0 && quiz.focus == nil && quiz.session.answeredCount == 0)
        #expect(context.courseProgress == before)
        let text = F.render(quiz, context: context).text
        #expect(text.contains("Undone: your answer 3 to question 1 no longer counts. Answer it again."), "\(text)")
        // Once is all: u again explains.
        context.effects = []
        _ = quiz.update(.ch("u"), context: &context)
        #expect(context.effects.isEmpty)
        #expect(quiz.notice == "Nothing to undo: u takes back an answer on its feedback, or right after it.")
        // Answered again, it counts.
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).map(\.correct) == [true])
        #expect(context.courseProgress[lesson: "what-is"].attempts.first?.answers == ["q-sibling-type": true])
    }

    /// Right after the feedback, on the next question (until it is answered),
    /// and on the summary after the last answer, u still takes back the last answer.
    @Test func uRightAfterTakesBackTheLastAnswer() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("e"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.index == 1 && quiz.statusKeys.contains(KeyHelp("u", "undo last")))
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.ch("u"), context: &context)
        #expect(quiz.index == 0 && quiz.phase == .asking && quiz.selfGrade == nil)
        #expect(context.courseProgress.reviews["q-sibling-type"] == nil)
        #expect(context.courseProgress[lesson: "what-is"].attempts.isEmpty)
        #expect(F.render(quiz, context: context).text.contains("Undone: your answer 2 to question 1"))
        // Through to the summary; u there takes back the last answer.
        for key: Key in [.ch("2"), .enter, .enter, .ch("1"), .enter, .enter, .ch("t"), .enter, .enter] { _ = quiz.update(key, context: &context) }
        #expect(quiz.phase == .summary && quiz.session.answeredCount == 3)
        #expect(quiz.statusKeys.contains(KeyHelp("u", "undo last")))
        _ = quiz.update(.ch("u"), context: &context)
        #expect(quiz.phase == .asking && quiz.index == 2 && quiz.session.answeredCount == 2)
        #expect(F.render(quiz, context: context).text.contains("Undone: your answer 1 to question 3"))
        // A question answered since: u takes back only that one.
        _ = quiz.update(.ch("f"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("q"), context: &context)
        let undos = context.effects.compactMap { if case .recordUndo(let u) = $0 { u.question } else { nil } }
        #expect(undos == ["q-sibling-type", "q-gvl-true"])
    }

    // MARK: Picking up a quiz left part-way

    @Test func aQuizLeftPartWayIsPickedUpWhereItWasLeft() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.update(.escape, context: &context) == .back)
        var again = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context, history: recorded(context))
        #expect(again.session.attemptID == quiz.session.attemptID)
        #expect(again.phase == .asking && again.index == 1 && again.resumedWith == 1)
        let screen = F.render(again, context: context).text
        #expect(screen.contains("Question 2 of 3"), "\(screen)")
        #expect(screen.contains("Picking up where you left off: 1 of 3 answered. n: start over"), "\(screen)")
        #expect(again.statusKeys.map(\.keys) == ["space", "Enter", "n", "Esc", "?"])
        _ = again.update(.ch("4"), context: &context)
        _ = again.update(.enter, context: &context)
        #expect(again.resumedWith == nil)
        _ = again.update(.enter, context: &context)
        _ = again.update(.ch("t"), context: &context)
        _ = again.update(.enter, context: &context)
        _ = again.update(.enter, context: &context)
        #expect(again.phase == .summary)
        #expect(F.render(again, context: context).text.contains("Quiz score: 2/3 (67%)"))
        // One attempt, whole: the lesson's score.
        let attempts = context.courseProgress[lesson: "what-is"].attempts
        #expect(attempts.count == 1 && attempts[0].isComplete)
        #expect(context.courseProgress[lesson: "what-is"].bestScore == 2.0 / 3.0)
        // Finished: the next quiz is a new attempt from the first question.
        let next = lessonQuiz(&context)
        #expect(next.index == 0 && next.resumedWith == nil && next.session.attemptID != quiz.session.attemptID)
    }

    @Test func nStartsOverAndRetriesAreNeverPickedUp() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        var again = lessonQuiz(&context)
        #expect(again.resumedWith == 1 && again.index == 1)
        _ = again.update(.ch("n"), context: &context)
        #expect(again.index == 0 && again.resumedWith == nil && again.session.answeredCount == 0)
        #expect(again.session.attemptID != quiz.session.attemptID)
        #expect(!F.render(again, context: context).text.contains("Picking up"))
        // n means nothing on a fresh quiz; a retry of chosen questions starts afresh.
        _ = again.update(.ch("n"), context: &context)
        #expect(again.index == 0 && again.phase == .asking)
        let retry = QuizScreen(lessonID: "what-is", questionIDs: ["q-sibling-type"], context: &context)
        #expect(retry.resumedWith == nil && retry.index == 0)
    }

    @Test func feedbackScrollsWhenItDoesNotFit() {
        var context = F.context(columns: 40, rows: 12)
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.scroll == 0)
        _ = quiz.update(.ch("j"), context: &context)
        #expect(quiz.scroll == 1)
        _ = quiz.update(.down, context: &context)
        #expect(quiz.scroll == 2)
        _ = quiz.update(.ch("k"), context: &context)
        _ = quiz.update(.up, context: &context)
        #expect(quiz.scroll == 0)
        _ = quiz.update(.up, context: &context)
        #expect(quiz.scroll == 0)
        _ = quiz.update(.ch("G"), context: &context)
        let bottom = quiz.scroll
        #expect(bottom > 3)
        _ = quiz.update(.ch("j"), context: &context)
        #expect(quiz.scroll == bottom)
        _ = quiz.update(.end, context: &context)
        #expect(quiz.scroll == bottom)
        _ = quiz.update(.pageUp, context: &context)
        #expect(quiz.scroll < bottom)
        _ = quiz.update(.ch("g"), context: &context)
        #expect(quiz.scroll == 0)
        _ = quiz.update(.pageDown, context: &context)
        #expect(quiz.scroll > 0)
        _ = quiz.update(.home, context: &context)
        #expect(quiz.scroll == 0)
        // The last line is reachable and says how to go on.
        _ = quiz.update(.ch("G"), context: &context)
        #expect(F.render(quiz, context: context).text.contains("Enter: next question"))
        // Other keys do nothing.
        for key in [Key.ch("x"), .ch("1"), .ch(" "), .left, .tab] { #expect(quiz.update(key, context: &context) == nil) }
        #expect(quiz.phase == .feedback)
        #expect(recorded(context).count == 1)
    }

    @Test func feedbackFitsWithoutScrollingOnALargeScreen() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("j"), context: &context)
        #expect(quiz.scroll == 0)
    }

    // MARK: Summary

    func finishedWithMistakes(_ context: inout AppContext) -> QuizScreen {
        var quiz = lessonQuiz(&context)
        for key: Key in [.ch("1"), .enter, .enter, .ch("1"), .ch("2"), .ch("3"), .enter, .enter, .ch("t"), .enter, .enter] {
            // On a small screen Enter on feedback first reads on to the end of it.
            if key == .enter, quiz.phase == .feedback {
                while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
            } else {
                _ = quiz.update(key, context: &context)
            }
        }
        #expect(quiz.phase == .summary)
        return quiz
    }

    @Test func rRetriesJustTheMissedQuestions() {
        var context = F.context()
        var quiz = finishedWithMistakes(&context)
        #expect(quiz.session.missedQuestionIDs == ["q-sibling-type"])
        let first = quiz.session.attemptID
        #expect(quiz.update(.ch("r"), context: &context) == nil)
        #expect(quiz.phase == .asking)
        #expect(quiz.isRetry)
        #expect(quiz.session.questions.map(\.id) == ["q-sibling-type"])
        #expect(quiz.session.attemptID != first)
        _ = quiz.update(.ch("2"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).last?.attemptTotal == 1)
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .summary)
        // Nothing missed this time: r explains.
        #expect(quiz.update(.ch("r"), context: &context) == nil)
        #expect(quiz.notice == "Nothing to retry: every answer was right.")
        #expect(quiz.phase == .summary)
    }

    @Test func summaryKeys() {
        var context = F.context(columns: 40, rows: 12)
        var quiz = finishedWithMistakes(&context)
        #expect(quiz.update(.ch("?"), context: &context) == .openHelp)
        for key in [Key.ch("x"), .ch("1"), .left] { #expect(quiz.update(key, context: &context) == nil) }
        for key in [Key.ch("j"), .ch("k"), .down, .up, .pageDown, .pageUp, .ch("g"), .ch("G"), .home, .end] {
            #expect(quiz.update(key, context: &context) == nil)
            #expect(quiz.phase == .summary)
        }
        var a = quiz, b = quiz, c = quiz
        #expect(a.update(.enter, context: &context) == .back)
        #expect(b.update(.ch("q"), context: &context) == .back)
        #expect(c.update(.escape, context: &context) == .back)
    }

    @Test func summaryStatusOffersRetryOnlyWhenSomethingWasMissed() {
        var context = F.context()
        let quiz = finishedWithMistakes(&context)
        #expect(quiz.statusKeys.first == KeyHelp("r", "retry missed"))
        var perfect = QuizScreen(lessonID: nil, questionIDs: ["q-gvl-true"], context: &context)
        _ = perfect.update(.ch("t"), context: &context)
        _ = perfect.update(.enter, context: &context)
        _ = perfect.update(.enter, context: &context)
        #expect(!perfect.statusKeys.contains { $0.keys == "r" })
    }

    // MARK: Mixed lessons and cursor

    @Test func mixedLessonQuizRecordsEachQuestionsLesson() {
        var context = F.context()
        var quiz = QuizScreen(lessonID: nil, questionIDs: ["r-gvhd", "q-gvl-true"], context: &context)
        #expect(F.render(quiz, context: context).line(0).contains("Retry · questions from 2 lessons"))
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("t"), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(recorded(context).map(\.lesson) == ["risks", "what-is"])
        #expect(recorded(context).map(\.attemptTotal) == [1, 1])
        #expect(context.courseProgress[lesson: "risks"].attempts.first?.answers == ["r-gvhd": true])
        #expect(context.courseProgress[lesson: "what-is"].attempts.first?.answers == ["q-gvl-true": true])
    }

    @Test func cursorSitsOnTheFocusedChoice() {
        var context = F.context()
        var quiz = lessonQuiz(&context)
        var buffer = F.render(quiz, context: context)
        // Nothing chosen yet: no choice is marked, the cursor is hidden.
        #expect(buffer.cursor == nil)
        #expect(!buffer.text.contains("▸"))
        _ = quiz.update(.down, context: &context)
        buffer = F.render(quiz, context: context)
        var cursor = buffer.cursor
        #expect(cursor != nil)
        #expect(buffer.line(cursor!.row).contains("▸ 1. Autologous"))
        _ = quiz.update(.down, context: &context)
        buffer = F.render(quiz, context: context)
        cursor = buffer.cursor
        #expect(buffer.line(cursor!.row).contains("▸ 2. Allogeneic"))
        #expect(buffer[cursor!.row, cursor!.column].character == "2")
    }

    @Test func focusedChoiceStaysVisibleOnASmallScreen() {
        var context = F.context(columns: 40, rows: 10)
        var quiz = lessonQuiz(&context)
        _ = quiz.update(.end, context: &context)
        let buffer = F.render(quiz, context: context)
        let cursor = buffer.cursor!
        #expect(buffer.line(cursor.row).contains("▸ 3. Syngeneic"))
    }

    @Test func rendersAtTinySizesWithoutCrashing() {
        for (columns, rows) in [(1, 1), (2, 2), (5, 3), (10, 4), (20, 5)] {
            var context = F.context(columns: columns, rows: rows)
            var quiz = lessonQuiz(&context)
            _ = F.render(quiz, context: context)
            _ = quiz.update(.ch("1"), context: &context)
            _ = F.render(quiz, context: context)
            _ = quiz.update(.enter, context: &context)
            _ = quiz.update(.ch("j"), context: &context)
            _ = F.render(quiz, context: context)
        }
    }

    @Test func keyHelpListsEveryKey() {
        var context = F.context()
        let quiz = lessonQuiz(&context)
        let keys = quiz.keyHelp.map(\.keys).joined(separator: " ")
        for k in ["1–9", "Enter", "space", "t / f", "r", "n", "q or Esc", "?"] { #expect(keys.contains(k)) }
    }
}
