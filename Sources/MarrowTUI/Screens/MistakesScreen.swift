import MarrowCore

/// The questions the learner missed, each with its choices marked (the right
/// answers, and what the learner chose when they last missed it) and the
/// explanation, to read without answering again. An order, match or typed question
/// shows its last wrong answer marked as its feedback did: each step against the right
/// order, each pair with the right partner, what was typed and the accepted answer.
///
/// Opened with `m` from a quiz's score (that quiz's missed questions, in quiz
/// order) and from the progress review (every question missed at least once,
/// most missed first: the list `marrow progress --format markdown` prints, from
/// `Scoring.mostMissed`). A question answered right since it was missed says so
/// ("✓ right last time"), so the list reads as what is still to learn. Nothing
/// here is graded; `r` retries the questions not yet answered right.
///
/// Pure like every screen: the answer log (`history`) is handed over on opening.
package struct MistakesScreen: Screen {
    package enum Scope: Sendable, Hashable {
        /// Every question missed at least once, most missed first.
        case everMissed
        /// The questions missed in one quiz, in quiz order.
        case quiz(questionIDs: [String])
    }

    package let scope: Scope
    /// Every record of the answer log (other courses' records are ignored).
    package var history: [AnswerRecord]
    /// Top line of the text.
    package private(set) var scroll = 0
    /// A one-line hint after a key that could not be acted on.
    package private(set) var notice: String?

    package init(scope: Scope, history: [AnswerRecord]) {
        self.scope = scope
        self.history = history
    }

    package var title: String { "Mistakes" }

    /// One missed question: how often it was missed, and whether the latest answer was right.
    struct Entry {
        var question: Question
        var stats: MissedQuestion?
        /// The latest answer's verdict; nil when the log holds none.
        var rightLastTime: Bool?
        /// The latest wrong answer, if the log holds one.
        var lastWrong: AnswerRecord?
        /// The choices of the latest wrong answer, as the lesson file writes them.
        var lastWrongChoices: [Int] { lastWrong?.chosen ?? [] }
    }

    /// The questions listed, in order; questions the course no longer has are left out.
    func entries(course: Course) -> [Entry] {
        let stats = Scoring.mostMissed(records: history, course: course, limit: Int.max)
        let statsByID = Dictionary(stats.map { ($0.questionID, $0) }) { a, _ in a }
        let questions = Dictionary(course.allQuestions.map { ($0.id, $0) }) { a, _ in a }
        var latest: [String: Bool] = [:]
        var lastWrong: [String: AnswerRecord] = [:]
        for record in history where record.course == course.info.id {
            latest[record.question] = record.correct
            if !record.correct { lastWrong[record.question] = record }
        }
        let ids: [String]
        switch scope {
        case .everMissed: ids = stats.map(\.questionID)
        case .quiz(let questionIDs): ids = questionIDs
        }
        return ids.compactMap { id in
            questions[id].map { Entry(question: $0, stats: statsByID[id], rightLastTime: latest[id], lastWrong: lastWrong[id]) }
        }
    }

    /// The questions not answered right on their latest try, to retry.
    func stillToLearn(course: Course) -> [String] {
        entries(course: course).filter { $0.rightLastTime != true }.map(\.question.id)
    }

    // MARK: Keys

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .mistakes) }

    package var statusKeys: [KeyHelp] {
        [KeyHelp("j/k", "scroll"), KeyHelp("r", "retry"), KeyHelp("q", "back"), KeyHelp("?", "help")]
    }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        notice = nil
        switch key {
        case .escape, .character("q"): return .back
        case .character("?"): return .openHelp
        case .character("r"):
            let ids = stillToLearn(course: context.course)
            guard !ids.isEmpty else {
                notice = entries(course: context.course).isEmpty
                    ? "No missed questions to retry."
                    : "Nothing to retry: each one was right last time."
                return nil
            }
            return .openQuiz(lessonID: nil, questionIDs: ids)
        default:
            let rect = bodyRect(of: context.screenArea)
            let count = lines(context: context, width: rect.width).count
            let page: Key? = switch key {
            case .character(" "): .pageDown
            case .character("b"): .pageUp
            default: key
            }
            if let page, let top = Scrolling.top(after: page, from: scroll, lineCount: count, height: rect.height) { scroll = top }
        }
        return nil
    }

    // MARK: Drawing

    private func bodyRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let top = area.height >= 16 ? 2 : 1
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let count = entries(course: context.course).count
        let right = count == 0 ? "" : Wording.count(count, "question")
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = max(0, width - rightWidth - (rightWidth > 0 ? 1 : 0))
        let heading = switch scope {
        case .everMissed: "Mistakes · " + Sanitizer.clean(context.course.info.title, singleLine: true)
        case .quiz: "Mistakes · this quiz"
        }
        buffer.put(DisplayWidth.truncate(heading, to: leftWidth), row: area.row, column: column, style: Style(.title, .bold))
        if rightWidth > 0, rightWidth <= width {
            buffer.put(right, row: area.row, column: column + width - rightWidth, style: Style(.dim))
        }
        buffer.cursor = (area.row, column)
        let rect = bodyRect(of: area)
        guard rect.height > 0 else { return }
        Scrolling.draw(lines(context: context, width: rect.width), top: scroll, in: rect, into: &buffer)
    }

    /// The intro, then each question: prompt, last wrong answer, right answer,
    /// explanation, and how it went.
    func lines(context: AppContext, width: Int) -> [StyledLine] {
        let course = context.course
        let entries = entries(course: course)
        var lines: [StyledLine] = []
        if let notice {
            lines += Layout.wrap(notice, width: width, style: Style(.warning))
        }
        guard !entries.isEmpty else {
            lines += Layout.wrap("No missed questions yet.", width: width, style: Style(.correct, .bold))
            return lines
        }
        let intro = switch scope {
        case .everMissed: "Every question you have missed, most missed first: ✓ marks the right answers, “your answer” what you chose when you last missed it. Nothing here is graded."
        case .quiz: "The questions you missed in this quiz: ✓ marks the right answers, “your answer” what you chose. Nothing here is graded."
        }
        lines += Layout.wrap(intro, width: width, style: Style(.dim))
        let indent = 3
        let pad = [Span(String(repeating: " ", count: indent))]
        let inner = max(1, width - indent)
        for (i, entry) in entries.enumerated() {
            let question = entry.question
            lines.append(StyledLine())
            // Both prefixes as wide ("10. " too): the wrap gives every line the room the rest prefix leaves.
            let label = "\(i + 1). "
            let number = label + String(repeating: " ", count: max(0, indent - label.count))
            lines += Layout.lines(for: question.prompt, width: width, style: Style(.strong, .bold),
                                  firstPrefix: [Span(number, Style(.strong, .bold))],
                                  restPrefix: [Span(String(repeating: " ", count: number.count))])
            for line in Layout.lines(for: question.scenario, width: inner) { lines.append(StyledLine(pad + line.spans)) }
            if question.kind.hasChoices {
                lines += choiceLines(question, chosen: Set(entry.lastWrongChoices), width: width, pad: pad)
            } else {
                // The last wrong answer marked item by item as its feedback marked it, or the right answer alone.
                let marked = entry.lastWrong.map { PuzzleQuestionView.feedbackLines(question, record: $0, width: inner) }
                    ?? PuzzleLines.answerLines(question, width: inner)
                lines += marked.map { StyledLine(pad + $0.spans) }
            }
            for line in Layout.lines(for: question.explanation, width: inner) {
                lines.append(StyledLine(pad + line.spans))
            }
            lines += statusLine(entry, width: inner).map { StyledLine(pad + $0.spans) }
            let lessonTitle = Sanitizer.clean(course.lesson(id: question.lessonID)?.title ?? question.lessonID, singleLine: true)
            lines += Layout.wrap("Lesson: " + lessonTitle, width: width, style: Style(.dim), firstPrefix: pad, restPrefix: pad)
        }
        lines.append(StyledLine())
        if !stillToLearn(course: course).isEmpty {
            lines.append(StyledLine([Span("r", Style(.key, .bold)), Span(": retry the ones not yet right", Style(.dim))]))
        }
        lines.append(StyledLine([Span("q", Style(.key, .bold)), Span(": back", Style(.dim))]))
        return lines
    }

    /// The choices in written order, marked as the quiz's feedback marks them: ✓ a
    /// right answer, ✗ a wrong one given; "(your answer)" on those the learner
    /// gave when they last missed it, "(missed)" on a right one of a select-all
    /// question they did not tick.
    private func choiceLines(_ question: Question, chosen: Set<Int>, width: Int, pad: [Span]) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (index, choice) in question.choices.enumerated() {
            let given = chosen.contains(index)
            let (mark, style): (String, Style) = choice.isCorrect ? ("✓ ", Style(.correct)) : given ? ("✗ ", Style(.wrong)) : ("  ", Style(.dim))
            var text = choice.text
            if given { text.append(.text(" (your answer)")) }
            else if choice.isCorrect && question.kind == .multiple && !chosen.isEmpty { text.append(.text(" (missed)")) }
            let number = "\(index + 1). "
            lines += Layout.lines(for: text, width: width, style: style,
                                  firstPrefix: pad + [Span(mark, Style(style.role, .bold)), Span(number, style)],
                                  restPrefix: pad + [Span(String(repeating: " ", count: 2 + number.count))])
        }
        return lines
    }

    /// "✓ right last time · missed 2 of 3 times".
    private func statusLine(_ entry: Entry, width: Int) -> [StyledLine] {
        var items: [[Span]] = []
        switch entry.rightLastTime {
        case true?: items.append([Span("✓ right last time", Style(.correct, .bold))])
        case false? where scope == .everMissed: items.append([Span("✗ wrong last time", Style(.wrong, .bold))])
        default: break
        }
        if let stats = entry.stats {
            items.append([Span("missed \(stats.timesMissed) of \(Wording.count(stats.timesAnswered, "time"))", Style(.dim))])
        }
        let separated = items.enumerated().map { i, item in i + 1 < items.count ? item + [Span(" ·", Style(.dim))] : item }
        return SpanFlow.lines(separated, width: width, indent: 0, gap: 1)
    }
}
