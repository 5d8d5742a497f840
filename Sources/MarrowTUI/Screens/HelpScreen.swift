import MarrowCore

/// `?`: the keys of the screen it was opened from.
package struct HelpScreen: Screen {
    /// The title of the screen the keys belong to.
    package let screenTitle: String
    package let keys: [KeyHelp]
    /// Whether the screen shows progress (the course map, the progress review, a
    /// quiz): its help then says what the two measures mean.
    package let explainsMeasures: Bool
    package private(set) var scroll = 0

    package init(for screen: any Screen) {
        screenTitle = screen.title
        keys = screen.keyHelp
        explainsMeasures = screen is CourseMapScreen || screen is ProgressReviewScreen || screen is QuizScreen
    }

    package var title: String { "Help" }
    /// `?` closes help.
    package var takesQuestionMark: Bool { true }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .help) }

    package var statusKeys: [KeyHelp] { [KeyHelp("q", "close"), KeyHelp("s", "start here")] }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        switch key {
        case .escape, .enter, .character("q"), .character("?"):
            return .back
        case .character("s"):
            return .openStartHere
        default:
            let (lines, rect) = content(area: context.screenArea)
            if let top = Scrolling.top(after: key, from: scroll, lineCount: lines.count, height: rect.height) { scroll = top }
            return nil
        }
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        let (lines, rect) = content(area: area)
        Scrolling.draw(lines, top: scroll, in: rect, into: &buffer)
        buffer.cursor = (rect.row, rect.column)
    }

    /// "Your progress, in two measures": each with its symbol as the screens show it, and what it means.
    static func measuresLines(width: Int) -> [StyledLine] {
        var lines = [StyledLine()]
        lines += Layout.wrap("Your progress, in two measures", width: width, style: Style(.heading, .bold))
        let example = QuizScore(correct: 7, total: 9)
        lines += Layout.wrap(ProgressMeasures.quizScoreName + " (" + LessonStatus.quiz(correct: example.correct, total: example.total).label + "): "
                             + ProgressMeasures.quizScoreMeaning, width: width)
        lines.append(StyledLine())
        let remembered = ReviewText.rememberedSpans(Mastery(mastered: 3, total: 5), barWidth: 5)
        lines += Layout.wrap(ProgressMeasures.rememberedNowName + " (" + remembered.map(\.text).joined() + "): "
                             + ProgressMeasures.rememberedNowMeaning, width: width)
        return lines
    }

    /// Keys in one column, what they do in the next (wrapped under itself).
    func content(area: Rect) -> ([StyledLine], Rect) {
        let width = max(1, min(76, area.width - 2))
        /// Help's own keys beyond closing it (`s`: start here), after the screen's keys.
        let own = keyHelp.filter { $0.keys == "s" }
        let keyWidth = min(max(6, (keys + own).map { DisplayWidth.of($0.keys) }.max() ?? 0), width * 2 / 5)
        func rows(_ entries: [KeyHelp]) -> [StyledLine] {
            entries.flatMap { entry in
                let keys = DisplayWidth.truncate(entry.keys, to: keyWidth)
                let padded = keys + String(repeating: " ", count: keyWidth - DisplayWidth.of(keys) + 2)
                return Layout.wrap(entry.action, width: width, firstPrefix: [Span(padded, Style(.key))], restPrefix: [Span(String(repeating: " ", count: keyWidth + 2))])
            }
        }
        var lines = [StyledLine([Span("Keys: \(screenTitle)", Style(.title, [.bold]))]), StyledLine()]
        lines += rows(keys)
        lines.append(StyledLine())
        lines += Layout.wrap("Every action has a plain-letter key; arrows and vim keys both work.", width: width, style: Style(.dim))
        if !own.isEmpty {
            lines.append(StyledLine())
            lines += rows(own)
        }
        if explainsMeasures { lines += Self.measuresLines(width: width) }
        let column = area.column + max(1, (area.width - width) / 2)
        return (lines, Rect(row: area.row, column: column, width: width, height: area.height))
    }
}
