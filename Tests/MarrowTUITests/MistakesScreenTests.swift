import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The mistakes view: missed questions with the right answer and the explanation,
/// to read without answering again, from the quiz score and the progress review.
@Suite struct MistakesScreenTests {
    typealias F = QuizTestCourse
    typealias P = ProgressReviewTests

    /// The progress review's history, each wrong answer choosing the question's first wrong choice.
    static let history: [AnswerRecord] = P.history.map { record in
        var record = record
        if !record.correct, let question = F.course().allQuestions.first(where: { $0.id == record.question }) {
            record.chosen = [question.choices.firstIndex { !$0.isCorrect }!]
        }
        return record
    }

    static func everMissed() -> MistakesScreen { MistakesScreen(scope: .everMissed, history: Self.history) }

    @Test func everyMissedQuestionWithItsAnswerAndExplanation() {
        var context = P.context(columns: 80, rows: 60)
        let screen = Self.everMissed()
        let entries = screen.entries(course: context.course)
        // The progress review's order (Scoring.mostMissed); the retired question is left out.
        #expect(entries.map(\.question.id) == Scoring.mostMissed(records: Self.history, course: context.course, limit: .max).map(\.questionID))
        #expect(!entries.map(\.question.id).contains("retired"))
        let text = F.render(screen, context: context).text
        #expect(text.contains("Mistakes · Stem cell transplants for leukemia"))
        #expect(text.contains("is graded."))
        #expect(text.contains("✓ 2. Allogeneic\n"))
        #expect(text.contains("The cells come from another person, so the transplant is allogeneic"))
        #expect(text.contains("✓ 1. Bone marrow (missed)"))
        #expect(text.contains("✗ 4. Skin (your answer)"))
        #expect(text.contains("✗ 1. Autologous (your answer)"))
        // Answered right since it was missed: it says so, and is not retried.
        #expect(text.contains("✓ right last time · missed 1 of 3 times"))
        #expect(text.contains("✗ wrong last time · missed 3 of 3 times"))
        #expect(text.contains("✗ 2. A virus caught in hospital (your answer)"))
        #expect(text.contains("Lesson: What a transplant is"))
        var copy = screen
        let route = copy.update(.ch("r"), context: &context)
        #expect(route == .openQuiz(lessonID: nil, questionIDs: screen.stillToLearn(course: context.course)))
        #expect(!screen.stillToLearn(course: context.course).contains("q-sources-all"))
        #expect(screen.stillToLearn(course: context.course).contains("q-sibling-type"))
    }

    @Test func keys() {
        var context = P.context(columns: 40, rows: 12)
        var screen = Self.everMissed()
        #expect(screen.update(.ch("q"), context: &context) == .back)
        #expect(screen.update(.escape, context: &context) == .back)
        #expect(screen.update(.ch("?"), context: &context) == .openHelp)
        _ = screen.update(.ch("j"), context: &context)
        #expect(screen.scroll == 1)
        _ = screen.update(.ch(" "), context: &context)
        #expect(screen.scroll > 1)
        _ = screen.update(.ch("g"), context: &context)
        #expect(screen.scroll == 0)
        _ = screen.update(.end, context: &context)
        #expect(F.render(screen, context: context).text.contains("q: back"))
        // Nothing missed: nothing to retry, and it says so.
        var empty = MistakesScreen(scope: .everMissed, history: [])
        #expect(empty.update(.ch("r"), context: &context) == nil)
        #expect(F.render(empty, context: context).text.contains("No missed questions to retry."))
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            let context = P.context(columns: columns, rows: rows)
            assertSnapshot(F.render(Self.everMissed(), context: context), named: "mistakes-all-\(columns)x\(rows)")
            let quiz = MistakesScreen(scope: .quiz(questionIDs: ["q-sibling-type", "r-gvhd"]), history: Self.history)
            assertSnapshot(F.render(quiz, context: context), named: "mistakes-quiz-\(columns)x\(rows)")
            assertSnapshot(F.render(MistakesScreen(scope: .everMissed, history: []), context: context), named: "mistakes-none-\(columns)x\(rows)")
        }
    }

    @Test func tinySizesDoNotCrash() {
        for (columns, rows) in [(1, 1), (3, 2), (10, 3), (20, 5)] {
            var context = P.context(columns: columns, rows: rows)
            var screen = Self.everMissed()
            _ = screen.update(.pageDown, context: &context)
            _ = F.render(screen, context: context)
        }
    }

    // MARK: In the app

    static func appState() -> AppState {
        var context = F.context()
        context.courseProgress.disclaimerSeen = true
        var state = AppState(context: context, size: Size(columns: 80, rows: 24))
        state.setAnswerHistory([])
        return state
    }

    @Test func fromTheQuizScore() {
        var state = press("t", in: Self.appState())
        #expect(state.top is QuizScreen)
        // Wrong, wrong (Skin), right.
        for key: Key in [.ch("1"), .enter, .enter, .ch("4"), .enter, .enter, .ch("t"), .enter, .enter] {
            if key == .enter, (state.top as? QuizScreen)?.phase == .feedback {
                while (state.top as? QuizScreen)?.phase == .feedback { state = press([.enter], in: state) }
            } else {
                state = press([key], in: state)
            }
        }
        #expect((state.top as? QuizScreen)?.phase == .summary)
        state = press("m", in: state)
        let mistakes = try! #require(state.top as? MistakesScreen)
        #expect(mistakes.scope == .quiz(questionIDs: ["q-sibling-type", "q-sources-all"]))
        let text = App.render(state, size: state.size).text
        #expect(text.contains("Mistakes · this quiz"))
        #expect(text.contains("✗ 1. Autologous (your answer)"))
        #expect(mistakes.lines(context: state.context, width: 76).map { $0.spans.map(\.text).joined() }.contains { $0.contains("✗ 4. Skin (your answer)") })
        #expect(text.contains("✓ 2. Allogeneic\n"))
        // Back to the score.
        state = press("q", in: state)
        #expect((state.top as? QuizScreen)?.phase == .summary)
    }

    @Test func fromTheProgressReview() {
        var state = Self.appState()
        state.setAnswerHistory(Self.history)
        state = press("p", in: state)
        #expect(state.top is ProgressReviewScreen)
        #expect(App.render(state, size: state.size).text.contains("m mistakes"))
        state = press("m", in: state)
        let mistakes = try! #require(state.top as? MistakesScreen)
        #expect(mistakes.scope == .everMissed)
        #expect(mistakes.history == Self.history)
        #expect(mistakes.entries(course: state.context.course).contains { $0.rightLastTime == true })
        state = press("q", in: state)
        #expect(state.top is ProgressReviewScreen)
        // Without any missed question, m says so.
        var fresh = press("p", in: Self.appState())
        fresh = press("m", in: fresh)
        #expect(fresh.top is ProgressReviewScreen)
        #expect(App.render(fresh, size: fresh.size).text.contains("No missed questions yet."))
    }
}
