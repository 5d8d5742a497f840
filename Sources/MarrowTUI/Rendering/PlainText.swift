import MarrowCore

/// A lesson as plain text, for `marrow read`: screen readers, pipes and printing.
///
/// The same layout as the reader (headings, wrapped paragraphs, indented lists,
/// quotes, clipped code, links with their URL; figures by their caption and alt text,
/// never the drawing, which a screen reader would spell out character by character), then the sources and the quiz's
/// questions with empty boxes: never the answers, nor which choice is right, nor
/// the explanations. Lesson text is sanitized: no control character is printed.
package enum PlainText {
    package static func render(lesson: Lesson, width: Int) -> String {
        let width = max(20, width)
        var blocks = lesson.body.blocks
        // The title, unless the body opens with it as a level-1 heading.
        var opensWithTitle = false
        if case .heading(1, let content)? = blocks.first?.kind { opensWithTitle = content.plainText == lesson.title }
        if !opensWithTitle {
            blocks.insert(Block(.heading(level: 1, content: [.text(lesson.title)])), at: 0)
        }
        var lines = Layout.lines(for: blocks, width: width, options: LayoutOptions(describeFigures: true))

        let after = LessonTrailer.blocks(of: lesson)
        if !after.isEmpty {
            lines.append(StyledLine())
            lines += Layout.lines(for: after, width: width)
        }
        if !lesson.quiz.isEmpty {
            lines.append(StyledLine())
            lines += Layout.lines(for: [Block(.heading(level: 2, content: [.text("Quiz")]))], width: width)
            for (index, question) in lesson.quiz.enumerated() {
                lines.append(StyledLine())
                lines += self.question(question, number: index + 1, width: width)
            }
        }
        var text = ""
        for line in lines {
            var plain = Sanitizer.clean(line.plainText, singleLine: true)
            while plain.last == " " { plain.removeLast() }
            text += plain + "\n"
        }
        return text
    }

    /// "3. prompt", any scenario, then the choices with empty boxes: ( ) for one
    /// answer, [ ] for select all that apply.
    static func question(_ question: Question, number: Int, width: Int) -> [StyledLine] {
        let label = "\(number). "
        let indent = String(repeating: " ", count: label.count)
        var prompt = question.prompt
        if question.kind == .multiple, !prompt.plainText.lowercased().contains("select all") {
            prompt.append(.text(" (Select all that apply.)"))
        }
        var lines = Layout.lines(for: prompt, width: width, firstPrefix: [Span(label)], restPrefix: [Span(indent)])
        if !question.scenario.isEmpty {
            lines.append(StyledLine())
            for line in Layout.lines(for: question.scenario, width: width - indent.count, options: LayoutOptions(describeFigures: true)) {
                var line = line
                line.spans.insert(Span(indent), at: 0)
                lines.append(line)
            }
            lines.append(StyledLine())
        }
        let box = question.kind == .multiple ? "[ ] " : "( ) "
        for choice in question.choices {
            lines += Layout.lines(for: choice.text, width: width, firstPrefix: [Span(indent + box)], restPrefix: [Span(indent + "    ")])
        }
        return lines
    }
}
