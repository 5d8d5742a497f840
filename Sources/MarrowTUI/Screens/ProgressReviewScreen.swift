#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The progress review, in Marrow's two measures (`ProgressMeasures`): per lesson
/// read or not, its quiz score and what is remembered now (from the review
/// schedules: questions answered right last time and likely, 9 times in 10, to be
/// known today); what the learner knows about the benefits and about the risks;
/// the questions missed most, each one key from a retry (or all of a lesson's);
/// the reviews due in the next 14 days; a calendar of study days (a record, not a
/// streak to keep).
///
/// `update` and `render` are pure, so the screen does no I/O: it is given the answer
/// log (`history`) when it opens, and everything is computed from it by `Scoring`.
/// Whether a lesson was read comes from `context.progress`. Bars and heat cells use distinct characters and carry numbers or
/// words, so nothing depends on color.
package struct ProgressReviewScreen: Screen {
    /// Every record of the answer log (other courses' records are ignored). The
    /// run loop sets it on opening, and may replace it when a retry returns here.
    package var history: [AnswerRecord]
    /// Turns answer times into the learner's calendar days.
    package let clock: DayClock
    /// Top line of the view.
    package private(set) var scroll = 0
    /// The selected question of the "missed most" list.
    package private(set) var selection = 0
    package private(set) var notice: String?

    /// How many weeks of study days the calendar shows, at most.
    package static let weeksShown = 12
    /// How many missed questions are listed (each gets a number key).
    package static let missedShown = 9

    package init(history: [AnswerRecord], clock: DayClock = .system) {
        self.history = history
        self.clock = clock
    }

    package var title: String { "Progress review" }

    package var keyHelp: [KeyHelp] {
        [
            KeyHelp("↑/↓ or k/j", "select a missed question; scroll"),
            KeyHelp("1–9", "retry that missed question"),
            KeyHelp("Enter or r", "retry the selected question"),
            KeyHelp("l", "retry every missed question of the selected question's lesson"),
            KeyHelp("a", "retry all the listed questions"),
            KeyHelp("m", "read every missed question with its right answer and explanation"),
            KeyHelp("PgUp/PgDn, space/b", "scroll a page"),
            KeyHelp("g/Home, G/End", "go to the top or the bottom"),
            KeyHelp("q or Esc", "back"),
            KeyHelp("?", "this help"),
        ]
    }

    package var statusKeys: [KeyHelp] {
        [KeyHelp("j/k", "move"), KeyHelp("Enter", "retry"), KeyHelp("m", "mistakes"), KeyHelp("l", "lesson's"), KeyHelp("q", "back"), KeyHelp("?", "help")]
    }

    // MARK: Update

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        notice = nil
        let body = bodyRect(of: context.screenArea)
        let height = body.height
        let content = self.content(context: context, width: body.width, height: height)
        let missed = content.missed
        let count = content.lines.count
        switch key {
        case .escape, .character("q"): return .back
        case .character("?"): return .openHelp
        case .character(let c) where c.isASCII && c.isNumber:
            guard let n = c.wholeNumberValue, n >= 1, n <= missed.count else {
                notice = missed.isEmpty ? "No missed questions to retry yet." : "There is no question \(c) in the list."
                return nil
            }
            selection = n - 1
            return .openQuiz(lessonID: nil, questionIDs: [missed[n - 1].id])
        case .enter, .character("r"):
            guard missed.indices.contains(selection) else {
                notice = "No missed questions to retry yet."
                return nil
            }
            return .openQuiz(lessonID: nil, questionIDs: [missed[selection].id])
        case .character("l"):
            guard missed.indices.contains(selection) else {
                notice = "No missed questions to retry yet."
                return nil
            }
            return .openQuiz(lessonID: nil, questionIDs: lessonMistakes(of: missed[selection].id, course: context.course))
        case .character("m"):
            guard !missed.isEmpty else {
                notice = "No missed questions yet."
                return nil
            }
            return .openMistakes(questionIDs: nil)
        case .character("a"):
            guard !missed.isEmpty else {
                notice = "No missed questions to retry yet."
                return nil
            }
            return .openQuiz(lessonID: nil, questionIDs: missed.map(\.id))
        case .down, .character("j"):
            if isVisible(selection, in: content, height: height), selection + 1 < missed.count {
                selection += 1
                scroll = Scrolling.reveal(missed[selection].lines, from: scroll, lineCount: count, height: height)
            } else {
                scroll = Scrolling.clamp(scroll + 1, lineCount: count, height: height)
            }
        case .up, .character("k"):
            if isVisible(selection, in: content, height: height), selection > 0 {
                selection -= 1
                scroll = Scrolling.reveal(missed[selection].lines, from: scroll, lineCount: count, height: height)
            } else {
                scroll = Scrolling.clamp(scroll - 1, lineCount: count, height: height)
            }
        case .pageDown, .character(" "):
            // Pages start at whole multiples of a page, where `paginated` keeps blocks whole.
            let step = Content.pageStep(height: height, lineCount: count)
            scroll = Scrolling.clamp((scroll / step + 1) * step, lineCount: count, height: height)
        case .pageUp, .character("b"):
            let step = Content.pageStep(height: height, lineCount: count)
            scroll = Scrolling.clamp(scroll % step == 0 ? scroll - step : scroll / step * step, lineCount: count, height: height)
        default:
            if let top = Scrolling.top(after: key, from: scroll, lineCount: count, height: height) { scroll = top }
        }
        return nil
    }

    /// Every question missed at least once in the lesson of `questionID`, most missed first.
    func lessonMistakes(of questionID: String, course: Course) -> [String] {
        guard let lessonID = course.allQuestions.first(where: { $0.id == questionID })?.lessonID else { return [questionID] }
        return Scoring.mostMissed(records: history, course: course, limit: Int.max)
            .filter { $0.lessonID == lessonID }.map(\.questionID)
    }

    /// Whether the missed question at `index` is in view.
    private func isVisible(_ index: Int, in content: Content, height: Int) -> Bool {
        guard content.missed.indices.contains(index) else { return false }
        let rows = Scrolling.visibleRows(lineCount: content.lines.count, height: height)
        let top = Scrolling.clamp(scroll, lineCount: content.lines.count, height: height)
        let first = content.missed[index].lines.lowerBound
        return first >= top && first < top + rows
    }

    // MARK: Layout

    /// The widest the review grows: room for a lesson's full title beside its
    /// measures, centered on wider terminals.
    static let maxWidth = 100

    func bodyRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: Self.maxWidth)
        let top = area.height >= 16 ? 2 : 1
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    /// The laid-out review, with where each missed question's lines are and which
    /// lines must stay on one page (a heading with its chart, say).
    struct Content {
        var width: Int
        var lines: [StyledLine] = []
        var missed: [(id: String, lines: Range<Int>)] = []
        /// Runs of lines to show on one page when paging (`paginated`).
        var keeps: [Range<Int>] = []
        /// Where the latest heading is.
        var headingLine = 0

        /// A section heading, after a blank line unless it comes first.
        mutating func heading(_ text: String) {
            if !lines.isEmpty { lines.append(StyledLine()) }
            headingLine = lines.count
            lines += Layout.wrap(text, width: width, style: Style(.heading, .bold))
        }

        /// Keeps the lines from `start` to here (at most `limit` of them) together on a page.
        mutating func keep(from start: Int, limit: Int = Int.max) {
            if start < lines.count { keeps.append(start..<(start + min(limit, lines.count - start))) }
        }

        /// How far a page key moves in a view `height` rows tall: a page less one
        /// line, as `Scrolling` pages, so the last line seen stays in view.
        static func pageStep(height: Int, lineCount: Int) -> Int {
            max(1, Scrolling.visibleRows(lineCount: lineCount, height: height) - 1)
        }

        /// These lines with blank lines added so that paging from the top (pages
        /// starting at whole multiples of `pageStep`) never splits a kept run that
        /// fits on a page, nor leaves a heading alone on a page's last line; at the
        /// end, enough blank lines that the last page starts on a page boundary too,
        /// so End shows the same page as paging down. Only when the lines overflow
        /// `height`: a review that fits is left as it is.
        func paginated(height: Int) -> Content {
            guard lines.count > height, height >= 4 else { return self }
            let rows = height - 1
            let step = rows - 1
            var keepAt: [Int: Int] = [:]
            for run in keeps { keepAt[run.lowerBound] = max(keepAt[run.lowerBound] ?? 0, run.count) }
            var out = Content(width: width)
            var moved: [Int] = []
            moved.reserveCapacity(lines.count + 1)
            for (i, line) in lines.enumerated() {
                if let wanted = keepAt[i] {
                    let n = min(wanted, rows - 1)
                    let start = out.lines.count
                    let page = start / step
                    // On the line shared by two pages, or running past this page: start on the next one, below its shared line.
                    if start > 0 && (start % step == 0 || start + n > page * step + rows) {
                        let target = (start % step == 0 ? start / step : page + 1) * step + 1
                        out.lines += Array(repeating: StyledLine(), count: target - start)
                    }
                }
                moved.append(out.lines.count)
                out.lines.append(line)
            }
            moved.append(out.lines.count)
            while (out.lines.count - rows) % step != 0 { out.lines.append(StyledLine()) }
            out.missed = missed.map { ($0.id, moved[$0.lines.lowerBound]..<(moved[$0.lines.upperBound - 1] + 1)) }
            out.keeps = keeps.map { moved[$0.lowerBound]..<(moved[$0.upperBound - 1] + 1) }
            return out
        }
    }

    /// The review laid out `width` wide, paginated for a view `height` rows tall (see `Content.paginated`).
    func content(context: AppContext, width: Int, height: Int) -> Content {
        content(context: context, width: width).paginated(height: height)
    }

    func content(context: AppContext, width: Int) -> Content {
        let review = Scoring.review(records: history, course: context.course, now: context.now, clock: clock, missedLimit: ProgressReviewScreen.missedShown)
        var c = Content(width: width)
        addOverview(&c, review: review, context: context, width: width)
        addLessons(&c, review: review, context: context, width: width)
        addBenefitsAndRisks(&c, review: review, context: context, width: width)
        addMissedMost(&c, review: review, context: context, width: width)
        addReviewsAhead(&c, review: review, context: context, width: width)
        addStudyDays(&c, review: review, context: context, width: width)
        return c
    }

    /// The two measures over the whole course (or how to start), and the notice.
    private func addOverview(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let reviews = context.reviews
        if review.answered == 0 {
            c.lines += Layout.wrap("No answers yet. Take a lesson's quiz and your results will show here.", width: width)
        } else {
            let withQuiz = context.course.lessons.filter { !$0.quiz.isEmpty }.count
            let taken = review.lessons.filter { $0.quizScore != nil }.count
            c.lines += Layout.wrap("Quizzes taken: \(taken) of \(withQuiz) (each lesson's quiz score is below).", width: width)
            let overall = reviews.overallMastery
            c.lines += SpanFlow.lines([[Span(ProgressMeasures.rememberedNowName + ":")],
                                       ReviewText.rememberedSpans(overall, barWidth: width >= 60 ? 10 : 5, labeled: false),
                                       [Span("of the course's questions", Style(.dim))]], width: width, gap: 1)
            c.lines += Layout.wrap("? says what the two measures mean.", width: width, style: Style(.dim))
        }
        if let notice {
            c.lines += Layout.wrap(notice, width: width, style: Style(.warning))
        }
    }

    /// One row per lesson: a table on wide screens, a list on narrow ones.
    private func addLessons(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let reviews = context.reviews
        c.heading("Lessons")
        // The heading stays with the table's head and first lessons; a long table may run on.
        let start = c.headingLine
        defer { c.keep(from: start, limit: 3) }
        let read = context.courseProgress
        if width >= 64 {
            c.lines += wideLessonTable(review.lessons, progress: read, reviews: reviews, width: width)
        } else {
            c.lines += narrowLessonList(review.lessons, progress: read, reviews: reviews, width: width)
        }
    }

    /// What the learner knows about the benefits and about the risks: what is
    /// remembered now of the questions with each tag. Labeled as knowledge ("About
    /// the risks"), not as a gauge of the risks themselves.
    private func addBenefitsAndRisks(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let reviews = context.reviews
        c.heading("What you know about the benefits and the risks")
        let start = c.headingLine
        defer { c.keep(from: start) }
        // The label beside the bar where there is room, else above it.
        let labelWidth = width >= 60 ? 19 : 0
        for (tag, label) in [("benefit", "About the benefits"), ("risk", "About the risks")] {
            if labelWidth == 0 { c.lines.append(StyledLine([Span(label)])) }
            let indent = labelWidth == 0 ? 2 : labelWidth
            let mastery = reviews.mastery(tag: tag)
            var items: [[Span]]
            if mastery.total == 0 {
                items = [[Span("no such questions in this course", Style(.dim))]]
            } else {
                items = [ReviewText.rememberedSpans(mastery, barWidth: width >= 60 ? 10 : 5)]
                if review.tags.first(where: { $0.tag == tag })?.answered ?? 0 == 0 {
                    items.append([Span("(not answered yet)", Style(.dim))])
                }
            }
            var flowed = SpanFlow.lines(items, width: width, indent: indent, gap: 1)
            if labelWidth > 0, !flowed.isEmpty {
                flowed[0] = StyledLine([Span(pad(label, labelWidth))] + flowed[0].spans.dropFirst())
            }
            c.lines += flowed
        }
    }

    /// The questions missed most, each selectable to retry.
    private func addMissedMost(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let course = context.course
        c.heading("Questions missed most")
        if review.mostMissed.isEmpty {
            c.lines += Layout.wrap(review.answered == 0 ? "Nothing yet." : "✓ No missed questions. Well done.", width: width,
                                   style: Style(review.answered == 0 ? .dim : .correct))
        } else {
            c.lines += Layout.wrap("Press a number or Enter to retry one, l for all of its lesson's, a for all.", width: width, style: Style(.dim))
            let questions = Dictionary(course.allQuestions.map { ($0.id, $0) }) { a, _ in a }
            for (i, missed) in review.mostMissed.enumerated() {
                let selected = i == selection
                let prompt = Sanitizer.clean(questions[missed.questionID]?.prompt.plainText ?? missed.questionID, singleLine: true)
                let number = "\(i + 1). "
                let indent = 2 + DisplayWidth.of(number)
                let start = c.lines.count
                // The whole question, wrapped under itself: never cut while the screen has room.
                let first = [FocusMarker.span(focused: selected), Span(number, Style(selected ? .focus : .normal, selected ? .bold : []))]
                c.lines += Layout.wrap(prompt, width: width, style: Style(selected ? .selected : .normal),
                                       firstPrefix: first, restPrefix: [Span(String(repeating: " ", count: indent))])
                let lessonTitle = Sanitizer.clean(course.lesson(id: missed.lessonID)?.title ?? missed.lessonID, singleLine: true)
                let detail = "✗ missed \(missed.timesMissed) of \(Wording.count(missed.timesAnswered, "time")) · \(lessonTitle)"
                c.lines += Layout.wrap(detail, width: width, style: Style(.dim), firstPrefix: [Span(String(repeating: " ", count: indent))],
                                       restPrefix: [Span(String(repeating: " ", count: indent))])
                c.missed.append((missed.questionID, start..<c.lines.count))
                // Each question whole on a page; the first with the heading.
                c.keep(from: i == 0 ? c.headingLine : start)
            }
        }
    }

    /// What is due now and the forecast of the next 14 days.
    private func addReviewsAhead(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let reviews = context.reviews
        c.heading("Reviews, next 14 days")
        let start = c.headingLine
        defer { c.keep(from: start) }
        let due = reviews.dueQuestionIDs.count
        if due > 0 {
            c.lines += Layout.wrap("\(due) due now: press r on the course map to review \(due == 1 ? "it" : "them").", width: width, style: Style(.accent, .bold))
        } else if let next = reviews.nextDue {
            c.lines += Layout.wrap("None due now. Next: \(ReviewText.when(next, now: reviews.asOf, clock: context.clock)).", width: width)
        }
        if !reviews.hasSchedules {
            c.lines += Layout.wrap("Reviews start once you answer a quiz.", width: width, style: Style(.dim))
        } else {
            c.lines += ForecastChart.lines(counts: reviews.forecast, today: context.clock.day(of: reviews.asOf), width: width)
        }
    }

    /// The heatmap of study days and a plain count of them (no streak: days missed
    /// to illness or rest are nothing to make up).
    private func addStudyDays(_ c: inout Content, review: ProgressReview, context: AppContext, width: Int) {
        let course = context.course
        let weeks = Heatmap.weeks(fitting: width, limit: ProgressReviewScreen.weeksShown)
        c.heading("Study days, last \(weeks) weeks")
        let start = c.headingLine
        defer { c.keep(from: start) }
        var perDay: [StudyDay: Int] = [:]
        for record in history where record.course == course.info.id { perDay[clock.day(of: record.time), default: 0] += 1 }
        let today = clock.day(of: context.now)
        c.lines += Heatmap.lines(answersPerDay: perDay, today: today, weeks: weeks, width: width)
        c.lines.append(StyledLine())
        let first = Heatmap.firstDay(today: today, weeks: weeks)
        let studied = review.studyDays.filter { $0 >= first && $0 <= today }.count
        c.lines += Layout.wrap(Self.studyDaysText(studied: studied, weeks: weeks, last: review.lastStudyDay, today: today), width: width)
    }

    /// "Studied on 5 days in these 12 weeks, the last today." A record, with no
    /// count of days in a row to keep up.
    static func studyDaysText(studied: Int, weeks: Int, last: StudyDay?, today: StudyDay) -> String {
        guard let last else { return "No study days yet: they show here when you answer a question." }
        let when: String = switch today.dayNumber - last.dayNumber {
        case ...0: "today"
        case 1: "yesterday"
        default: "on " + ReviewText.dayAndMonth(last) + (last.date.year == today.date.year ? "" : " \(last.date.year)")
        }
        return "Studied on \(Wording.count(studied, "day")) in these \(Wording.count(weeks, "week")), the last \(when)."
    }

    private func readCell(_ progress: CourseProgress, _ lessonID: String) -> Span {
        progress[lesson: lessonID].isRead ? Span("✓ read", Style(.correct)) : Span("· not yet", Style(.dim))
    }

    /// "7/9", or "–" before the whole quiz was taken.
    private static func scoreText(_ score: QuizScore?) -> String {
        score?.fraction ?? "–"
    }

    /// One row per lesson: title, read, quiz score, remembered now (bar and count).
    private func wideLessonTable(_ lessons: [LessonScore], progress: CourseProgress, reviews: ReviewSummary, width: Int) -> [StyledLine] {
        let barWidth = 10
        let rememberedWidth = barWidth + DisplayWidth.of(" 10/10")
        let titleWidth = width - (1 + 9 + 2 + 10 + 2 + rememberedWidth)
        var lines = [StyledLine([Span(pad("Lesson", titleWidth) + " " + pad("Read", 9) + "  " + pad(ProgressMeasures.quizScoreName, 10) + "  " + ProgressMeasures.rememberedNowName, Style(.dim))])]
        for (i, lesson) in lessons.enumerated() {
            // A title too long for its column wraps under itself rather than being cut.
            let number = "\(i + 1). "
            let titleLines = Layout.wrap(Sanitizer.clean(lesson.title, singleLine: true), width: max(1, titleWidth - DisplayWidth.of(number)),
                                         firstPrefix: [Span(number)], restPrefix: [Span(String(repeating: " ", count: DisplayWidth.of(number)))])
            let title = titleLines.first?.plainText ?? number
            let read = readCell(progress, lesson.lessonID)
            defer { lines += titleLines.dropFirst() }
            var spans = [Span(pad(title, titleWidth) + " "), Span(pad(read.text, 9), read.style),
                         Span("  " + pad(Self.scoreText(lesson.quizScore), 10) + "  ")]
            let mastery = reviews.mastery(lessonID: lesson.lessonID)
            if mastery.total > 0 {
                spans += ReviewText.rememberedSpans(mastery, barWidth: barWidth, labeled: false)
            } else {
                spans.append(Span("no quiz", Style(.dim)))
            }
            lines.append(StyledLine(spans))
        }
        return lines
    }

    /// Lines per lesson for narrow screens: the title, then read, quiz score and remembered now.
    private func narrowLessonList(_ lessons: [LessonScore], progress: CourseProgress, reviews: ReviewSummary, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        for (i, lesson) in lessons.enumerated() {
            let title = "\(i + 1). " + Sanitizer.clean(lesson.title, singleLine: true)
            lines.append(StyledLine([Span(DisplayWidth.truncate(title, to: width))]))
            let read = readCell(progress, lesson.lessonID)
            let mastery = reviews.mastery(lessonID: lesson.lessonID)
            var items: [[Span]] = [[Span(read.text, read.style)]]
            if mastery.total == 0 {
                items.append([Span("no quiz", Style(.dim))])
            } else {
                items.append([Span(lesson.quizScore?.label ?? "quiz not taken", lesson.quizScore == nil ? Style(.dim) : Style())])
                items.append(ReviewText.rememberedSpans(mastery, barWidth: 5))
            }
            lines += SpanFlow.lines(items, width: width, indent: 3, gap: 2)
        }
        return lines
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
    }

    private func padLeft(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(s))) + s
    }

    // MARK: Render

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (column, width) = area.centeredColumns(maxWidth: Self.maxWidth)
        buffer.put(DisplayWidth.truncate("Progress review · " + Sanitizer.clean(context.course.info.title, singleLine: true), to: width),
                   row: area.row, column: column, style: Style(.title, .bold))
        buffer.cursor = (area.row, column)
        let rect = bodyRect(of: area)
        guard rect.height > 0 else { return }
        let content = self.content(context: context, width: rect.width, height: rect.height)
        let top = Scrolling.draw(content.lines, top: scroll, in: rect, into: &buffer)
        if content.missed.indices.contains(selection) {
            let row = content.missed[selection].lines.lowerBound - top
            if row >= 0, row < Scrolling.visibleRows(lineCount: content.lines.count, height: rect.height) {
                buffer.cursor = (rect.row + row, rect.column + 2)
            }
        }
    }
}
