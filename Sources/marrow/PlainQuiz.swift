import MarrowCore
import MarrowTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The quiz as a conversation on plain standard input and output, for screen
/// readers, braille displays and scripts: each question with numbered choices,
/// one line read for the answer, then the verdict, the marked choices, the
/// explanation and any feedback; at the end the score and what was missed.
///
/// Each answer is handed to `save` the moment it is given, so stopping (`q`) or
/// the end of input keeps every answer so far. Invalid lines are not answers:
/// they get a hint and the question is asked again. `u` at the next prompt (the
/// next question's, or the one after a right answer or the last answer) takes
/// the last answer back (`undo`) and asks that question again.
struct PlainQuiz {
    /// How the conversation ended.
    enum Ending: Equatable {
        case finished
        case quit
        case endOfInput
    }

    var session: QuizSession
    let course: Course
    /// What the quiz is, for the opening line ("Quiz: A long lesson").
    let title: String
    /// Column to wrap lesson text at.
    let width: Int
    let console: LineConsole
    /// The time each answer is given.
    let now: () -> Date
    /// Saves an answer at once (log and state).
    let save: (AnswerRecord) throws -> Void
    /// Records that a right answer felt hard or easy (`.hard` or `.easy`).
    let selfGrade: (AnswerRecord, Rating) throws -> Void
    /// Takes an answer back at once (log and state).
    let undo: (AnswerRecord) throws -> Void

    mutating func run() throws -> Ending {
        let total = session.total
        console.say(clean(title))
        console.say("\(Wording.count(total, "question")). Type the number of your answer and press Enter; u at the next prompt takes it back; q stops. Each answer is saved as you give it.")
        if session.answeredCount > 0 {
            console.say("Picking up where you left off: \(session.answeredCount) of \(total) answered. (--restart starts over.)")
        }
        // A quiz picked up part-way asks only what is still to answer.
        var current = session.records.firstIndex { $0 == nil }
        /// The question answered last, which `u` takes back; nil once taken back.
        var lastAnswered: Int?
        while let index = current {
            console.say()
            let question = session.questions[index]
            var heading = "Question \(index + 1) of \(total)"
            if session.lessonID == nil, let lesson = course.lesson(id: question.lessonID) {
                heading += " (from \(clean(lesson.title)))"
            }
            console.say(heading)
            var puzzleRecord: AnswerRecord?
            if !question.kind.hasChoices {
                switch try askPuzzle(index, canUndo: lastAnswered != nil) {
                case .stopped(let ending): return end(ending)
                case .undo:
                    if let last = lastAnswered {
                        try takeBack(last)
                        lastAnswered = nil
                        current = last
                    }
                    continue
                case .answered(let record): puzzleRecord = record
                }
            }
            let record: AnswerRecord
            if let puzzleRecord {
                record = puzzleRecord
            } else {
            for line in questionLines(index) { console.say(line) }
            let choices = session.displayedChoices(ofQuestion: index)
            let truePosition = choices.firstIndex { $0.text.plainText.trimmingSpaces.lowercased() == "true" }
            console.say(AnswerInput.hint(kind: question.kind, count: choices.count))
            var picked: Set<Int>?
            var undone = false
            while picked == nil && !undone {
                guard let line = console.ask("Your answer: ") else { return end(.endOfInput) }
                switch AnswerInput.parse(line, kind: question.kind, count: choices.count, truePosition: truePosition) {
                case .quit: return end(.quit)
                case .invalid(let hint): console.say(hint)
                case .choices(let positions): picked = positions
                case .undo:
                    if let last = lastAnswered {
                        try takeBack(last)
                        lastAnswered = nil
                        current = last
                        undone = true
                    } else {
                        console.say("Nothing to undo: u takes back the answer you just gave. \(AnswerInput.hint(kind: question.kind, count: choices.count))")
                    }
                }
            }
            if undone { continue }
            record = session.answer(question: index, displayed: picked ?? [], at: now())
            try save(record)
            for line in feedbackLines(index, picked: picked ?? [], correct: record.correct) { console.say(line) }
            }
            lastAnswered = index
            let next = session.records.indices.first { $0 > index && session.records[$0] == nil }
            current = next
            // After a right answer (hard or easy?) and after the last one, the learner may still take it back here.
            if record.correct || next == nil {
                switch askGoOn(afterRight: record.correct, last: next == nil) {
                case .none: return end(.endOfInput)
                case .some(.quit): return end(.quit)
                case .some(.undo):
                    try takeBack(index)
                    lastAnswered = nil
                    current = index
                case .some(.grade(let grade)):
                    if let grade { try selfGrade(record, grade) }
                }
            }
        }
        return end(.finished)
    }

    private enum GoOn { case grade(Rating?), undo, quit }

    /// Takes back the answer to question `index`, says so, and leaves it to be asked again.
    private mutating func takeBack(_ index: Int) throws {
        guard let record = session.takeBack(question: index) else { return }
        try undo(record)
        let shown = record.chosen.map { session.displayedIndex(ofQuestion: index, written: $0) + 1 }.sorted()
        let numbers = shown.map(String.init).joined(separator: ", ")
        let answer = !session.questions[index].kind.hasChoices ? "your answer to question \(index + 1) no longer counts"
            : shown.count == 1 ? "your answer \(numbers) to question \(index + 1) no longer counts"
            : "your answers \(numbers) to question \(index + 1) no longer count"
        console.say("Undone: \(answer). Answer it again.")
    }

    /// After a right answer, or the last one: Enter goes on, h or e says a right
    /// answer felt hard or easy, u takes the answer back. nil at the end of input.
    private func askGoOn(afterRight right: Bool, last: Bool) -> GoOn? {
        let enter = last ? "Enter to see your score" : "Enter to go on"
        let prompt = right ? "\(enter) (h: it was hard, e: it was easy, u: undo): " : "\(enter) (u: undo your answer): "
        while true {
            guard let line = console.ask(prompt) else { return nil }
            switch line.trimmingSpaces.lowercased() {
            case "": return .grade(nil)
            case "h" where right, "hard" where right: return .grade(.hard)
            case "e" where right, "easy" where right: return .grade(.easy)
            case "u", "undo": return .undo
            case "q", "quit": return .quit
            default:
                console.say(right ? "Press Enter to go on, or type h if it was hard, e if it was easy, u to undo your answer, q to stop."
                                  : "Press Enter to go on, or type u to undo your answer, q to stop.")
            }
        }
    }

    /// Prints how the quiz ended, the score and the missed questions. Stopping
    /// after the last answer (q or the end of input instead of Enter) is finishing.
    private func end(_ stopped: Ending) -> Ending {
        let ending = session.isComplete ? .finished : stopped
        let answered = session.answeredCount
        console.say()
        switch ending {
        case .finished:
            console.say("Score: \(session.correctCount) of \(session.total) correct (\(session.scorePercent)%).")
        case .quit, .endOfInput:
            let how = ending == .quit ? "You stopped the quiz" : "The quiz was left unfinished"
            let saved = answered == 0 ? "nothing was answered" : "\(answered) of \(session.total) answered, \(session.correctCount) correct; your answers are saved"
            console.say("\(how): \(saved).")
            // A lesson's whole quiz picks up where it was left (`QuizSession.resumed`).
            if answered > 0, let lessonID = session.lessonID, session.fullQuizLessons.contains(lessonID) {
                console.say("The same command picks up at question \(session.firstUnanswered + 1) (--restart starts over).")
            }
        }
        let missed = session.questions.indices.filter { session.records[$0]?.correct == false }
        if !missed.isEmpty {
            console.say("Missed:")
            for index in missed {
                let question = session.questions[index]
                if !question.kind.hasChoices {
                    console.say("- \(clean(question.prompt.plainText)) (\(puzzleRightAnswer(question)))")
                    continue
                }
                let right = session.displayedChoices(ofQuestion: index).enumerated().filter { $0.element.isCorrect }
                    .map { "\($0.offset + 1). \(clean($0.element.text.plainText))" }
                let label = right.count == 1 ? "right answer" : "right answers"
                console.say("- \(clean(question.prompt.plainText)) (\(label): \(right.joined(separator: "; ")))")
            }
        }
        return ending
    }

    /// The prompt, any scenario, and the numbered choices as shown.
    private func questionLines(_ index: Int) -> [String] {
        let question = session.questions[index]
        var lines = text(question.prompt)
        if !question.scenario.isEmpty { lines += text(question.scenario) }
        for (position, choice) in session.displayedChoices(ofQuestion: index).enumerated() {
            lines += text(choice.text, first: "  \(position + 1). ", rest: "     ")
        }
        return lines
    }

    /// The verdict, every choice marked (✓ right, ✗ chosen but wrong), the explanation,
    /// then the feedback of the right and the chosen choices.
    private func feedbackLines(_ index: Int, picked: Set<Int>, correct: Bool) -> [String] {
        let question = session.questions[index]
        var lines = [correct ? "✓ Correct" : "✗ Not quite"]
        let choices = session.displayedChoices(ofQuestion: index)
        for (position, choice) in choices.enumerated() {
            let chosen = picked.contains(position)
            let mark = choice.isCorrect ? "✓" : (chosen ? "✗" : " ")
            var notes: [String] = []
            if choice.isCorrect { notes.append("right answer") }
            if chosen { notes.append("your answer") }
            var inlines = choice.text
            if !notes.isEmpty { inlines.append(.text(" (\(notes.joined(separator: ", ")))")) }
            lines += text(inlines, first: "\(mark) \(position + 1). ", rest: "     ")
        }
        if !question.explanation.isEmpty {
            lines += text(question.explanation, first: "Explanation: ")
        }
        for (position, choice) in choices.enumerated() where !choice.feedback.isEmpty && (choice.isCorrect || picked.contains(position)) {
            lines += text(choice.feedback, first: "About \(position + 1) (\(clean(choice.text.plainText))): ")
        }
        return lines
    }

    private func text(_ inlines: [Inline], first: String = "", rest: String = "") -> [String] {
        plain(Layout.lines(for: inlines, width: width, firstPrefix: [Span(first)], restPrefix: [Span(rest)]))
    }

    /// Blocks as wrapped lines; `first` is put before the first line.
    private func text(_ blocks: [Block], first: String = "") -> [String] {
        // Figures by their caption and alt text: this is the screen readers' quiz.
        var lines = plain(Layout.lines(for: blocks, width: width, options: LayoutOptions(describeFigures: true)))
        while lines.first == "" { lines.removeFirst() }
        while lines.last == "" { lines.removeLast() }
        if !first.isEmpty {
            if lines.isEmpty { lines = [first.trimmingSpaces] } else { lines[0] = first + lines[0] }
        }
        return lines
    }

    private func plain(_ lines: [StyledLine]) -> [String] {
        lines.map { Sanitizer.clean($0.plainText, singleLine: true).trimmingTrailingSpaces() }
    }

    private func clean(_ text: String) -> String {
        Sanitizer.clean(text, singleLine: true).trimmingSpaces
    }
}
