import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Golden files of the quiz at 80×24 and 40×12.
@Suite struct QuizSnapshotTests {
    typealias F = QuizTestCourse
    static let sizes = [(80, 24), (40, 12)]

    func snapshot(_ name: String, keys: [Key], lessonID: String? = "what-is", questionIDs: [String]? = nil) {
        for (columns, rows) in Self.sizes {
            var context = F.context(columns: columns, rows: rows)
            var quiz = QuizScreen(lessonID: lessonID, questionIDs: questionIDs, context: &context)
            for key in keys {
                // Enter on feedback goes on to the next question or the score: on a
                // small screen the first Enters scroll to the explanation.
                if key == .enter, quiz.phase == .feedback {
                    while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
                } else {
                    _ = quiz.update(key, context: &context)
                }
            }
            assertSnapshot(F.render(quiz, context: context), named: "quiz-\(name)-\(columns)x\(rows)")
        }
    }

    @Test func singleQuestion() { snapshot("single", keys: [.down, .down]) }
    /// A question just shown: nothing chosen, so Enter alone answers nothing.
    @Test func questionJustShown() { snapshot("just-shown", keys: []) }
    @Test func multipleQuestionWithTicks() { snapshot("multiple", keys: [.ch("2"), .enter, .enter, .ch("1"), .ch("3")]) }
    @Test func trueFalseQuestion() { snapshot("true-false", keys: [.ch("2"), .enter, .enter, .ch("1"), .enter, .enter]) }
    @Test func feedbackCorrect() { snapshot("feedback-correct", keys: [.ch("2"), .enter]) }
    @Test func feedbackWrongWithChoiceFeedback() { snapshot("feedback-wrong", keys: [.ch("3"), .enter]) }
    @Test func feedbackWrongMultiple() { snapshot("feedback-wrong-multiple", keys: [.ch("2"), .enter, .enter, .ch("1"), .ch("4"), .enter]) }
    @Test func summary() { snapshot("summary", keys: [.ch("1"), .enter, .enter, .ch("1"), .ch("2"), .ch("3"), .enter, .enter, .ch("f"), .enter, .enter]) }
    @Test func cjkQuestion() { snapshot("cjk", keys: [], lessonID: "cjk") }
    @Test func cjkFeedback() { snapshot("cjk-feedback", keys: [.ch("2"), .enter], lessonID: "cjk") }
    @Test func mixedRetry() { snapshot("mixed", keys: [], lessonID: nil, questionIDs: ["r-gvhd", "q-gvl-true"]) }
}
