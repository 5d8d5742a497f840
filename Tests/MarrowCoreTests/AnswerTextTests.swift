import Foundation
import Testing
@testable import MarrowCore

/// Right and given answers as report text, for every kind of question; and search over
/// order and match questions that never shows an answer in a hit line.
@Suite struct AnswerTextTests {
    static let order = Question(id: "o", lessonID: "l", prompt: [.text("Put the steps in order.")], choices: [], kind: .order,
                                orderItems: ["Tests", "Conditioning with chemotherapy", "Infusion", "Engraftment"].map { [Inline.text($0)] })
    static let match = Question(id: "m", lessonID: "l", prompt: [.text("Match each transplant to its cells.")], choices: [], kind: .match,
                                pairs: [("Autologous", "own cells"), ("Allogeneic", "donor cells"), ("Syngeneic", "twin cells")]
                                    .map { MatchPair(left: [.text($0.0)], right: [.text($0.1)]) })
    static let typed = Question(id: "t", lessonID: "l", prompt: [.text("What is it called when the new cells start making blood?")],
                                choices: [], kind: .typed, acceptedAnswers: ["engraftment", "graft\u{1B}[2J take"])
    static let single = Question(id: "s", lessonID: "l", prompt: [.text("Where is blood made?")],
                                 choices: [Choice(text: [.text("Marrow")], isCorrect: true), Choice(text: [.text("Skin")], isCorrect: false)], kind: .single)

    static func record(_ question: Question, _ chosen: [Int], typed: String? = nil) -> AnswerRecord {
        AnswerRecord(course: "c", lesson: "l", question: question.id, chosen: chosen, correct: question.isCorrect(recorded: chosen),
                     time: Date(timeIntervalSince1970: 0), attempt: "a", attemptTotal: 4, typed: typed)
    }

    @Test func rightAnswersOfEveryKind() {
        #expect(AnswerText.right(Self.order) == ["Tests", "Conditioning with chemotherapy", "Infusion", "Engraftment"])
        #expect(AnswerText.right(Self.match) == ["Autologous → own cells", "Allogeneic → donor cells", "Syngeneic → twin cells"])
        // Sanitized: a control character in a lesson never reaches a report raw.
        #expect(AnswerText.right(Self.typed).count == 2)
        #expect(!AnswerText.right(Self.typed).joined().unicodeScalars.contains { $0.value == 0x1B })
        #expect(AnswerText.right(Self.single) == ["Marrow"])
    }

    @Test func givenAnswersOfEveryKind() {
        #expect(AnswerText.given(Self.record(Self.order, [1, 0, 2, 3]), question: Self.order)
            == ["Conditioning with chemotherapy", "Tests", "Infusion", "Engraftment"])
        #expect(AnswerText.given(Self.record(Self.match, [0, 2, -1]), question: Self.match)
            == ["Autologous → own cells", "Allogeneic → twin cells", "Syngeneic → nothing"])
        #expect(AnswerText.given(Self.record(Self.typed, [], typed: "engraft"), question: Self.typed) == ["engraft"])
        // A log line older than `typed`: the accepted answer it matched.
        #expect(AnswerText.given(Self.record(Self.typed, [0]), question: Self.typed) == ["engraftment"])
        #expect(AnswerText.given(Self.record(Self.single, [1, 7]), question: Self.single) == ["Skin"])
    }

    static let search = CourseSearch(course: Course(info: CourseInfo(id: "c", title: "C"), lessons: [
        Lesson(meta: LessonMeta(id: "l", title: "The journey"), body: Document(blocks: [Block(.paragraph([.text("Some text.")]))]),
               quiz: [order, match, typed, single]),
    ]))

    /// The steps and items an order or match question shows are found; the hit line lists
    /// them sorted, never in the right order or with a left item beside its partner.
    @Test func searchFindsOrderAndMatchItemsWithoutGivingTheAnswer() throws {
        let step = try #require(Self.search.search("chemotherapy").first)
        #expect(step.location == .quiz(questionID: "o"))
        #expect(step.snippet.contains("Conditioning with chemotherapy · Engraftment · Infusion · Tests"), "\(step.snippet)")
        let partner = try #require(Self.search.search("twin cells").first)
        #expect(partner.location == .quiz(questionID: "m"))
        #expect(partner.snippet.contains("Syngeneic / donor cells · own cells · twin cells"), "\(partner.snippet)")
        #expect(!partner.snippet.contains("→"))
        // A typed question's accepted answers are not searched (the hit would show the answer), as a choice's text is not.
        #expect(Self.search.search("engraftment").allSatisfy { $0.location != .quiz(questionID: "t") })
        #expect(Self.search.search("skin").isEmpty)
        #expect(Self.search.search("making blood").map(\.location) == [.quiz(questionID: "t")])
    }
}
