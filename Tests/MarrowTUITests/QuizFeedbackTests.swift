import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Feedback that shows what happened: select-all answers mark what was missed and
/// say how close they were; Enter never skips an explanation not yet shown; the
/// score suggests the next step that fits.
@Suite struct QuizFeedbackTests {
    typealias F = QuizTestCourse

    func quiz(lessonID: String? = "what-is", questionIDs: [String]? = nil, columns: Int = 80, rows: Int = 24) -> (QuizScreen, AppContext) {
        var context = F.context(columns: columns, rows: rows)
        let quiz = QuizScreen(lessonID: lessonID, questionIDs: questionIDs, context: &context)
        return (quiz, context)
    }

    /// The displayed position of the first choice of question `index` that is (or is not) right.
    func position(_ quiz: QuizScreen, right: Bool) -> Int {
        quiz.session.displayedChoices(ofQuestion: quiz.index).firstIndex { $0.isCorrect == right }!
    }

    /// Answers the shown question right or wrong and goes on past its feedback.
    func answer(_ quiz: inout QuizScreen, right: Bool, _ context: inout AppContext) {
        let n = position(quiz, right: right) + 1
        if quiz.session.questions[quiz.index].kind == .multiple {
            if right {
                for (p, c) in quiz.session.displayedChoices(ofQuestion: quiz.index).enumerated() where c.isCorrect {
                    _ = quiz.update(.ch(Character(String(p + 1))), context: &context)
                }
            } else {
                _ = quiz.update(.ch(Character(String(n))), context: &context)
            }
            _ = quiz.update(.enter, context: &context)
        } else {
            _ = quiz.update(.ch(Character(String(n))), context: &context)
            _ = quiz.update(.enter, context: &context)
        }
        #expect(quiz.phase == .feedback)
        while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
    }

    // MARK: Select all that apply

    @Test func aRightChoiceNotTickedReadsAsMissed() {
        var (quiz, context) = quiz()
        answer(&quiz, right: true, &context)
        // Tick one right choice only.
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        let text = F.render(quiz, context: context).text
        #expect(text.contains("✓ 1. Bone marrow (your answer)"))
        #expect(text.contains("✓ 2. Blood, after mobilization (missed)"))
        #expect(text.contains("✓ 3. Umbilical cord blood (missed)"))
        #expect(!text.contains("Skin (missed)"))
        #expect(text.contains("You ticked 1 of the 3 right answers."))
        #expect(text.contains("It counts as right only with every"))
        #expect(text.contains("✗ Not quite"))
        // No partial credit in the score: the question counts as missed.
        #expect(quiz.session.records[1]?.correct == false)
    }

    @Test func tallySaysHowCloseAnAnswerWas() {
        let choices = [F.choice("a", true), F.choice("b", true), F.choice("c", false), F.choice("d", false)]
        #expect(QuizScreen.tally(choices: choices, picked: [0, 1]) == "You ticked all 2 right answers and nothing else.")
        #expect(QuizScreen.tally(choices: choices, picked: [0]).hasPrefix("You ticked 1 of the 2 right answers. It counts"))
        #expect(QuizScreen.tally(choices: choices, picked: [0, 1, 2]).hasPrefix("You ticked 2 of the 2 right answers, and 1 that is not right."))
        #expect(QuizScreen.tally(choices: choices, picked: [2, 3]).hasPrefix("You ticked 0 of the 2 right answers, and 2 that are not right."))
    }

    @Test func singleChoiceFeedbackHasNoMissedMark() {
        var (quiz, context) = quiz()
        _ = quiz.update(.ch(Character(String(position(quiz, right: false) + 1))), context: &context)
        _ = quiz.update(.enter, context: &context)
        let text = F.render(quiz, context: context).text
        #expect(!text.contains("(missed)"))
        #expect(!text.contains("You ticked"))
    }

    // MARK: The explanation before going on

    @Test func enterAt40x12ReadsOnToTheEndBeforeGoingOn() {
        var (quiz, context) = quiz(columns: 40, rows: 12)
        _ = quiz.update(.ch(Character(String(position(quiz, right: false) + 1))), context: &context)
        _ = quiz.update(.enter, context: &context)
        var text = F.render(quiz, context: context).text
        #expect(!text.contains("The cells come from another"))
        #expect(text.contains("↓ more: the explanation · Enter or j"))
        // Enter pages on; everything is shown, in order, before it goes on.
        var shown = text
        var enters = 0
        while quiz.phase == .feedback, enters < 20 {
            _ = quiz.update(.enter, context: &context)
            enters += 1
            if quiz.phase == .feedback {
                #expect(quiz.index == 0)
                text = F.render(quiz, context: context).text
                shown += "\n" + text
            }
        }
        #expect(enters > 1)
        #expect(quiz.phase == .asking)
        #expect(quiz.index == 1)
        for piece in ["✓ 2. Allogeneic", "The cells come from another", "even though the donor is family.",
                      "About 1. Autologous", "About 2. Allogeneic", "Enter: next question"] {
            #expect(shown.contains(piece), "\(piece) was never on screen")
        }
        // The last page before going on says nothing is left below.
        #expect(!text.contains("↓ more"))
    }

    /// A long choice with its own feedback: its "About N." heading wraps under
    /// itself instead of running off the right edge ("because" was cut off).
    @Test func aLongAboutHeadingWrapsInsteadOfBeingCut() {
        let long = "Blood that clots too easily because there are too many platelets"
        let question = Question(id: "long", lessonID: "long", prompt: [.text("What can crowding cause?")],
                                choices: [F.choice(long, false, feedback: "Too few platelets, not too many."), F.choice("Anemia", true)],
                                kind: .single)
        let lesson = Lesson(meta: LessonMeta(id: "long", title: "Long", minutes: 1), body: Document(blocks: []), quiz: [question])
        var context = AppContext(course: Course(info: CourseInfo(id: "c", title: "C", shuffleChoices: false), lessons: [lesson]),
                                 progress: LearnerProgress(), now: F.now, randomSeed: 1,
                                 screenArea: Rect(row: 0, column: 0, width: 40, height: 11), clock: .utc)
        var quiz = QuizScreen(lessonID: "long", questionIDs: nil, context: &context)
        _ = quiz.update(.ch("1"), context: &context)
        _ = quiz.update(.enter, context: &context)
        var shown = F.render(quiz, context: context).text
        while quiz.phase == .feedback, quiz.update(.ch("j"), context: &context) == nil, !shown.contains("Enter: see your score") {
            shown += "\n" + F.render(quiz, context: context).text
        }
        #expect(shown.contains("About 1. Blood that clots too easily"))
        #expect(shown.contains("         because there are too many"))
    }

    @Test func scrollingToTheEndYourselfLetsEnterGoOn() {
        var (quiz, context) = quiz(columns: 40, rows: 12)
        _ = quiz.update(.ch(Character(String(position(quiz, right: false) + 1))), context: &context)
        _ = quiz.update(.enter, context: &context)
        _ = quiz.update(.ch("G"), context: &context)
        #expect(F.render(quiz, context: context).text.contains("Enter: next question"))
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking)
    }

    @Test func enterAt80x24GoesOnAtOnce() {
        var (quiz, context) = quiz()
        _ = quiz.update(.ch(Character(String(position(quiz, right: false) + 1))), context: &context)
        _ = quiz.update(.enter, context: &context)
        #expect(F.render(quiz, context: context).text.contains("The cells come from another person"))
        _ = quiz.update(.enter, context: &context)
        #expect(quiz.phase == .asking)
        #expect(quiz.index == 1)
    }

    // MARK: The next step

    @Test func allRightSuggestsTheNextLesson() {
        var (quiz, context) = quiz()
        for _ in 0..<3 { answer(&quiz, right: true, &context) }
        #expect(quiz.phase == .summary)
        #expect(quiz.nextSteps(course: context.course) == [.nextLesson])
        let text = F.render(quiz, context: context).text
        #expect(text.contains("Next step"))
        #expect(text.contains("c: go on to lesson 2, “Risks after a transplant”"))
        #expect(!text.contains("re-read"))
        #expect(quiz.update(.ch("c"), context: &context) == .openReader(lessonID: "risks", target: .resume))
        // Nothing missed: m and l say why they do nothing.
        #expect(quiz.update(.ch("m"), context: &context) == nil)
        #expect(F.render(quiz, context: context).text.contains("Nothing was missed."))
        #expect(quiz.update(.ch("l"), context: &context) == nil)
    }

    @Test func aLowScoreSuggestsReReadingFirst() {
        var (quiz, context) = quiz()
        answer(&quiz, right: false, &context)
        answer(&quiz, right: false, &context)
        answer(&quiz, right: true, &context)
        #expect(quiz.session.scorePercent < QuizScreen.rereadBelow)
        #expect(quiz.nextSteps(course: context.course) == [.reread, .mistakes, .retry, .nextLesson])
        let text = F.render(quiz, context: context).text
        #expect(text.contains("l: re-read “What a transplant is”"))
        #expect(text.contains("m: see what you missed, with the right answers"))
        #expect(text.contains("r: retry the 2 missed questions"))
        #expect(quiz.update(.ch("m"), context: &context) == .openMistakes(questionIDs: ["q-sibling-type", "q-sources-all"]))
        // The lesson has no sections: it opens at the start.
        #expect(quiz.update(.ch("l"), context: &context) == .openReader(lessonID: "what-is", target: .start))
    }

    @Test func aGoodScoreWithAMissSuggestsRetryingFirst() {
        var (quiz, context) = quiz(lessonID: nil, questionIDs: ["r-gvhd", "r-infection", "r-benefit-mix", "q-gvl-true"])
        answer(&quiz, right: true, &context)
        answer(&quiz, right: true, &context)
        answer(&quiz, right: true, &context)
        answer(&quiz, right: false, &context)
        #expect(quiz.session.scorePercent >= QuizScreen.rereadBelow)
        // Questions from two lessons: no "next lesson".
        #expect(quiz.nextSteps(course: context.course) == [.retry, .mistakes, .reread])
        #expect(F.render(quiz, context: context).text.contains("r: retry the 1 missed question"))
        #expect(quiz.update(.ch("c"), context: &context) == nil)
    }

    /// The summary names the section a missed question comes from, and `l` opens it there.
    @Test func reReadingNamesTheSectionAndOpensThere() {
        var context = AppTestCourse.context()
        var quiz = QuizScreen(lessonID: "journey", questionIDs: nil, context: &context)
        let wrong = quiz.session.displayedChoices(ofQuestion: 0).firstIndex { !$0.isCorrect }!
        _ = quiz.update(.ch(Character(String(wrong + 1))), context: &context)
        _ = quiz.update(.enter, context: &context)
        while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
        let text = F.render(quiz, context: context).text
        #expect(text.contains("l: re-read “The transplant journey” (The day of the transplant)"))
        let block = AppTestCourse.journey.body.blocks.firstIndex { $0.plainText == "The day of the transplant" }!
        #expect(quiz.update(.ch("l"), context: &context) == .openReader(lessonID: "journey", target: .position(ReadingPosition(block: block))))
    }

    @Test(arguments: [(80, 24), (40, 12)]) func summarySnapshots(columns: Int, rows: Int) {
        var (quiz, context) = quiz(columns: columns, rows: rows)
        for _ in 0..<3 { answer(&quiz, right: true, &context) }
        assertSnapshot(F.render(quiz, context: context), named: "quiz-summary-all-right-\(columns)x\(rows)")
    }
}
