import MarrowCore

/// One quiz question to read, opened from a search hit: the prompt, the choices
/// with the right ones marked (an order question's steps in the right order, a match
/// question's pairs, a typed question's accepted answers), the explanation and the
/// notes on the choices.
///
/// Nothing is graded or recorded: a learner who searched for a word has not
/// chosen to take a quiz (perhaps of a lesson never read), so search must not
/// start one. The quiz itself stays one key away in the lesson (`t`).
package struct QuestionScreen: Screen {
    package let lessonID: String
    package let questionID: String
    package private(set) var scroll = 0

    package init(lessonID: String, questionID: String, course: Course) {
        self.lessonID = lessonID
        self.questionID = questionID
    }

    package var title: String { "Quiz question" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .question) }

    package var statusKeys: [KeyHelp] { [KeyHelp("j/k", "scroll"), KeyHelp("q", "back")] }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        switch key {
        case .escape, .character("q"), .left, .character("h"):
            return .back
        default:
            let (lines, rect) = Self.content(lessonID: lessonID, questionID: questionID, course: context.course, area: context.screenArea)
            let key = key == .character(" ") ? Key.pageDown : key
            if let top = Scrolling.top(after: key, from: scroll, lineCount: lines.count, height: rect.height) { scroll = top }
            return nil
        }
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (lines, rect) = Self.content(lessonID: lessonID, questionID: questionID, course: context.course, area: area)
        Scrolling.draw(lines, top: scroll, in: rect, into: &buffer)
        buffer.cursor = (rect.row, rect.column)
    }

    /// The question laid out at a comfortable width, centered, and where it goes.
    static func content(lessonID: String, questionID: String, course: Course, area: Rect) -> ([StyledLine], Rect) {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let rect = Rect(row: area.row, column: column, width: width, height: area.height)
        guard let index = course.lessons.firstIndex(where: { $0.id == lessonID }),
              let question = course.lessons[index].quiz.first(where: { $0.id == questionID }) else {
            return (Layout.wrap("This question is no longer in the course.", width: width, style: Style(.warning)), rect)
        }
        let lesson = course.lessons[index]
        let number = CourseMapScreen.number(of: lesson, index: index)
        var lines = Layout.wrap("Quiz question · \(number). \(Sanitizer.clean(lesson.title, singleLine: true))", width: width, style: Style(.title, .bold))
        lines += Layout.wrap("Shown with its answer, to read: not graded. t in the lesson takes its quiz.", width: width, style: Style(.dim))
        lines.append(StyledLine())
        var prompt = question.prompt
        if question.kind == .multiple, !TextMatcher.contains("select all", in: prompt.plainText) {
            prompt.append(.text(" (Select all that apply.)"))
        }
        lines += Layout.lines(for: prompt, width: width, style: Style(.strong, .bold))
        if !question.scenario.isEmpty {
            lines.append(StyledLine())
            lines += Layout.lines(for: question.scenario, width: width)
        }
        lines.append(StyledLine())
        lines += PuzzleLines.answerLines(question, width: width)
        for (i, choice) in question.choices.enumerated() {
            let mark = choice.isCorrect ? "✓ " : "  "
            let label = "\(mark)\(i + 1). "
            let indent = String(repeating: " ", count: DisplayWidth.of(label))
            var text = choice.text
            if choice.isCorrect { text.append(.text(" (right answer)")) }
            lines += Layout.lines(for: text, width: width, style: choice.isCorrect ? Style(.correct) : .normal,
                                  firstPrefix: [Span(label, choice.isCorrect ? Style(.correct, .bold) : Style(.dim))], restPrefix: [Span(indent)])
        }
        if !question.explanation.isEmpty {
            lines.append(StyledLine())
            lines += Layout.wrap("Why", width: width, style: Style(.subheading, .bold))
            lines += Layout.lines(for: question.explanation, width: width)
        }
        for (i, choice) in question.choices.enumerated() where !choice.feedback.isEmpty {
            lines.append(StyledLine())
            lines += Layout.lines(for: [.text("About \(i + 1). ")] + choice.text, width: width, style: Style(.subheading, .bold))
            for var line in Layout.lines(for: choice.feedback, width: max(1, width - 2)) {
                line.spans.insert(Span("  "), at: 0)
                lines.append(line)
            }
        }
        return (lines, rect)
    }
}
