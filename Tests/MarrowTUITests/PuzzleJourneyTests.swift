import Foundation
import MarrowTestSupport
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// End to end with the real course (`Lessons/`), in-process on `TestTerminal`: the real run
/// loop, real files. A lesson's quiz from the course map, its questions answered right from
/// the keyboard up to and including one order, one match and one typed question; then q
/// leaves the quiz and q quits. The answer log and the saved progress hold all three.
@Suite struct PuzzleJourneyTests {
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Lessons").standardizedFileURL.path

    /// Keys that answer question `index` of `session` right, as a learner types them.
    static func rightKeys(_ session: QuizSession, _ index: Int) -> [Key] {
        let question = session.questions[index]
        let digit = { (n: Int) in Key.character(Character(String(n + 1))) }
        switch question.kind {
        case .single, .trueFalse:
            let right = question.choices.firstIndex(where: \.isCorrect)!
            return [digit(session.displayedIndex(ofQuestion: index, written: right)), .enter]
        case .multiple:
            return question.correctIndices.sorted().map { digit(session.displayedIndex(ofQuestion: index, written: $0)) } + [.enter]
        case .order:
            // Bring each step up to its place: its row's number, then K until it is there.
            var arrangement = session.choiceOrders[index]
            var keys: [Key] = []
            for place in arrangement.indices {
                var row = arrangement.firstIndex(of: place)!
                keys.append(digit(row))
                while row > place { keys.append(.character("K")); arrangement.swapAt(row, row - 1); row -= 1 }
            }
            return keys + [.enter]
        case .match:
            return question.pairs.indices.flatMap { left -> [Key] in
                [digit(left), .character(Character(UnicodeScalar(UInt8(0x61 + session.displayedIndex(ofQuestion: index, written: left)))))]
            } + [.enter]
        case .typed:
            return question.acceptedAnswers[0].map { Key.character($0) } + [.enter]
        }
    }

    @Test func anOrderAMatchAndATypedQuestionAnsweredRightAreSaved() throws {
        let app = try InProcessApp(lessons: Self.lessons)
        defer { app.cleanUp() }
        let course = CourseLoader.load(directory: Self.lessons)
        #expect(course.diagnostics.filter { $0.severity == .error }.isEmpty)
        // The first lesson whose quiz asks all three kinds.
        let lessonIndex = try #require(course.lessons.firstIndex { lesson in
            [Question.Kind.order, .match, .typed].allSatisfy { kind in lesson.quiz.contains { $0.kind == kind } }
        })
        let lesson = course.lessons[lessonIndex]
        // The session the app will make: the same course, the same first seed.
        var context = AppContext(course: course, progress: LearnerProgress(), now: Date(timeIntervalSince1970: 1_780_000_000), monochrome: true)
        let session = QuizScreen(lessonID: lesson.id, questionIDs: nil, context: &context).session
        let last = try #require([Question.Kind.order, .match, .typed].map { kind in session.questions.firstIndex { $0.kind == kind }! }.max())

        var steps: [TestTerminal.Step] = [
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .character(Character(String(lessonIndex + 1))), .character("t"),
        ]
        for index in 0...last {
            steps.append(.waitFor("Question \(index + 1) of \(session.total)"))
            steps += Self.rightKeys(session, index).map { .key($0) }
            steps.append(.waitFor("✓ Correct"))
            steps.append(.capture("\(index)"))
            if index < last { steps.append(.key(.enter)) }
        }
        steps += [.character("q"), .waitFor("Course map"), .capture("map"), .character("q")]
        let run = try app.run(steps, size: Size(columns: 100, rows: 70))
        #expect(run.status == 0)

        let captures = run.terminal.captures
        let order = session.questions.firstIndex { $0.kind == .order }!
        let match = session.questions.firstIndex { $0.kind == .match }!
        let typed = session.questions.firstIndex { $0.kind == .typed }!
        #expect(captures["\(order)"]?.contains("Every step is in place.") == true, "\(captures["\(order)"] ?? "")")
        #expect(captures["\(match)"]?.contains("Every pair is right.") == true, "\(captures["\(match)"] ?? "")")
        #expect(captures["\(typed)"]?.contains("The answer: ") == true, "\(captures["\(typed)"] ?? "")")
        #expect(captures["map"]?.contains("quiz \(last + 1)/\(session.total)") == true, "\(captures["map"] ?? "")")

        // The log: every answer right, in the order given; the puzzles recorded as right.
        let records = try app.store.readLog().records
        #expect(records.map(\.question) == session.questions.prefix(last + 1).map(\.id))
        #expect(records.allSatisfy { $0.correct })
        let byID = Dictionary(records.map { ($0.question, $0) }) { a, _ in a }
        #expect(byID[session.questions[order].id]?.chosen == Array(0..<session.questions[order].orderItems.count))
        #expect(byID[session.questions[match].id]?.chosen == Array(0..<session.questions[match].pairs.count))
        #expect(byID[session.questions[typed].id]?.typed == session.questions[typed].acceptedAnswers[0])
        // The state file: each one scheduled for review, and in the saved file.
        let saved = try app.store.load().progress[course: course.info.id]
        for index in [order, match, typed] {
            #expect(saved.reviews[session.questions[index].id] != nil, "\(session.questions[index].id)")
        }
        let json = try String(contentsOfFile: app.progressPath, encoding: .utf8)
        for index in [order, match, typed] { #expect(json.contains(session.questions[index].id)) }
    }
}
