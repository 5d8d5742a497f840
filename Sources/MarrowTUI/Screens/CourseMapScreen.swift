import MarrowCore

/// Where a learner stands with one lesson, shown by symbol and word (never by color alone).
package enum LessonStatus: Sendable, Hashable {
    case new
    case reading(percent: Int)
    case read
    /// The quiz score: the best finished attempt at the whole quiz (not a retry or
    /// a review). A filled circle, not a star: a star read as praise for 2 of 10.
    case quiz(correct: Int, total: Int)
    /// The whole quiz left part-way, `answered` of `total` questions answered:
    /// `t` picks it up there. Shown over a score, since it says what `t` will do.
    /// Known from the progress alone (`LessonProgress.unfinishedWholeQuiz`), as
    /// the first screen, drawn before the quizzes are read, must show it too.
    case quizInProgress(answered: Int, total: Int)

    package init(lesson: Lesson, progress: CourseProgress) {
        let lessonProgress = progress[lesson: lesson.id]
        if let unfinished = lessonProgress.unfinishedWholeQuiz {
            self = .quizInProgress(answered: unfinished.answers.count, total: unfinished.total)
        } else if let score = QuizScore(best: lessonProgress) {
            self = .quiz(correct: score.correct, total: score.total)
        } else if lessonProgress.isRead {
            self = .read
        } else if lessonProgress.opened != nil || lessonProgress.position != nil {
            self = .reading(percent: lessonProgress.position?.percent ?? 0)
        } else {
            self = .new
        }
    }

    /// "○ new", "◐ reading 40%", "✓ read", "● quiz 7/8", "◑ in quiz 3/8".
    package var label: String {
        switch self {
        case .new: "○ new"
        case .reading(let percent): "◐ reading \(percent)%"
        case .read: "✓ read"
        case .quiz(let correct, let total): "● " + QuizScore(correct: correct, total: total).label
        case .quizInProgress(let answered, let total): "◑ in quiz \(answered)/\(total)"
        }
    }
}

/// The home screen: the course, its lessons and where the learner stands.
package struct CourseMapScreen: Screen {
    /// One selectable row.
    package enum Entry: Sendable, Hashable {
        /// "Continue: <lesson> (42%)".
        case resume(Place)
        /// A lesson, by index into `course.lessons`.
        case lesson(Int)
    }

    /// Index into `entries(context:)`.
    package private(set) var selection = 0
    /// A short message after a key that did nothing ("This lesson has no quiz").
    package private(set) var message: String?
    /// The digits typed in a row so far ("1" then "2" is lesson 12), cleared by
    /// any other key: how a course of more than nine lessons is reached by number.
    package private(set) var typedNumber = ""

    package init(context: AppContext) {
        selection = 0
    }

    package var title: String { "Course map" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .courseMap) }

    /// At 80 columns all but `r` fit with the screen's name: `r` comes last, as
    /// the reviews line above the lessons says "press r" whenever some are due.
    package var statusKeys: [KeyHelp] {
        [KeyHelp("Enter", "open"), KeyHelp("t", "quiz"), KeyHelp("p", "progress"), KeyHelp("/", "search"), KeyHelp("w", "terms"), KeyHelp("q", "quit"), KeyHelp("r", "review")]
    }

    /// The selectable rows: "Continue" first once the learner has read anything
    /// (`continuePlace`), then the lessons.
    package static func entries(context: AppContext) -> [Entry] {
        var entries: [Entry] = []
        if let place = continuePlace(context: context) {
            entries.append(.resume(place))
        }
        entries += context.course.lessons.indices.map { Entry.lesson($0) }
        return entries
    }

    /// Where Continue goes (`CourseProgress.continuePlace`): the lesson being read
    /// and not finished, else the next unread one; nil before anything was read
    /// (the first lesson is the first row anyway) and once every lesson is read.
    static func continuePlace(context: AppContext) -> Place? {
        let progress = context.courseProgress
        guard progress.lastPlace != nil else { return nil }
        guard let place = progress.continuePlace(lessonIDs: context.course.lessons.map(\.id)),
              context.course.lesson(id: place.lessonID) != nil else { return nil }
        return place
    }

    /// The lesson an entry is about.
    static func lesson(of entry: Entry, in course: Course) -> Lesson? {
        switch entry {
        case .resume(let place): course.lesson(id: place.lessonID)
        case .lesson(let index): course.lessons.indices.contains(index) ? course.lessons[index] : nil
        }
    }

    /// The number a lesson shows: the one its file name starts with, else its place.
    static func number(of lesson: Lesson, index: Int) -> Int {
        Int(lesson.fileName.prefix { $0.isASCII && $0.isNumber }) ?? index + 1
    }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        message = nil
        if case .character(let c) = key, c.isASCII, c.isNumber {} else { typedNumber = "" }
        let entries = Self.entries(context: context)
        selection = min(selection, max(0, entries.count - 1))
        switch key {
        case .down, .character("j"):
            selection = min(selection + 1, max(0, entries.count - 1))
        case .up, .character("k"):
            selection = max(0, selection - 1)
        case .home, .character("g"):
            selection = 0
        case .end, .character("G"):
            selection = max(0, entries.count - 1)
        case .character(let c) where c.isASCII && c.isNumber:
            selectLesson(typing: c, entries: entries, context: context)
            return nil
        case .enter, .character("l"), .right:
            guard entries.indices.contains(selection) else { return nil }
            switch entries[selection] {
            case .resume(let place): return .openReader(lessonID: place.lessonID, target: .position(place.position))
            case .lesson(let index): return .openReader(lessonID: context.course.lessons[index].id, target: .resume)
            }
        case .character("t"):
            guard entries.indices.contains(selection), let lesson = Self.lesson(of: entries[selection], in: context.course) else { return nil }
            if lesson.quiz.isEmpty {
                message = "“\(lesson.title)” has no quiz."
                return nil
            }
            return .openQuiz(lessonID: lesson.id, questionIDs: nil)
        case .character("r"):
            guard !context.reviews.dueQuestionIDs.isEmpty else {
                message = Self.reviewLine(context: context) ?? "Nothing to review yet: take a lesson's quiz first."
                return nil
            }
            return .openReview
        case .character("x"):
            guard !context.lastSessionMistakes.isEmpty else {
                message = context.reviews.hasSchedules ? "No mistakes in your last session." : "No answers yet: take a lesson's quiz first."
                return nil
            }
            return .openQuiz(lessonID: nil, questionIDs: context.lastSessionMistakes)
        case .character("p"): return .openProgress
        case .character("w"): return .openGlossary(terms: nil)
        case .character("/"): return .openSearch(query: "")
        case .character("d"): return .openDisclaimer
        case .character("b"): return .openBookmarks
        case .character("q"): return .quit
        default: break
        }
        return nil
    }

    /// A digit: with the digits typed just before it, the number of a lesson
    /// if there is one ("1", "4": lesson 14), else a number of its own ("1",
    /// "7" in a course of 14: lesson 7). No timer: a slow typist gets the same.
    /// While more digits could follow, the foot line says so.
    private mutating func selectLesson(typing digit: Character, entries: [Entry], context: AppContext) {
        let lessons = context.course.lessons
        let numbers = lessons.indices.map { Self.number(of: lessons[$0], index: $0) }
        func select(_ typed: String) -> Bool {
            guard let wanted = Int(typed), let index = numbers.firstIndex(of: wanted),
                  let entry = entries.firstIndex(of: .lesson(index)) else { return false }
            selection = entry
            typedNumber = typed
            return true
        }
        let longer = typedNumber + String(digit)
        guard select(longer) || select(String(digit)) else {
            message = "There is no lesson \(longer.count == 2 ? longer : String(digit))."
            typedNumber = ""
            return
        }
    }

    /// While a second digit could follow the one typed: "Lesson 1: type a second
    /// digit for 10–14, or Enter to open." (shorter on a narrow screen, never cut).
    static func numberHint(typed: String, context: AppContext, width: Int) -> String? {
        guard !typed.isEmpty else { return nil }
        let lessons = context.course.lessons
        let following = lessons.indices.map { String(number(of: lessons[$0], index: $0)) }
            .filter { $0.hasPrefix(typed) && $0 != typed }.compactMap { Int($0) }.sorted()
        guard let first = following.first, let last = following.last else { return nil }
        let range = first == last ? "\(first)" : "\(first)–\(last)"
        let long = "Lesson \(typed): type a second digit for \(range), or Enter to open."
        return DisplayWidth.of(long) <= width ? long : "Lesson \(typed) · a second digit: \(range)"
    }

    /// A click on an entry selects it; a click on the selected entry opens it, as Enter does.
    package mutating func click(_ item: Int, context: inout AppContext) -> Route? {
        typedNumber = ""
        guard item == selection else {
            message = nil
            selection = item
            return nil
        }
        return update(.enter, context: &context)
    }

    /// "Review: 3 due", or "No reviews due — next in 2 days"; nil before any question was answered.
    static func reviewLine(context: AppContext) -> String? {
        let due = context.reviews.dueQuestionIDs.count
        if due > 0 { return "Review: \(due) due" }
        guard context.reviews.hasSchedules, let next = context.reviews.nextDue else { return nil }
        return "No reviews due — next \(ReviewText.when(next, now: context.reviews.asOf, clock: context.clock))"
    }

    /// Width of the "remembered now" column on wide screens: a bar and "remembered 10/10".
    static let masteryBarWidth = 5
    static let masteryColumnWidth = masteryBarWidth + DisplayWidth.of(" remembered 10/10")

    /// Whether each lesson row shows what is remembered now (wide screens, once anything was answered).
    static func showsMasteryColumn(width: Int, context: AppContext) -> Bool {
        width >= 70 && context.reviews.hasSchedules
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let left = area.column + 1
        let width = max(1, area.width - 2)
        let bottom = area.row + area.height
        var row = Self.drawHeader(context: context, into: &buffer, area: area, left: left, width: width)
        Self.drawNotices(context.notices, into: &buffer, row: &row, bottom: bottom, left: left, width: width)
        // The disclaimer line (and a message) at the bottom.
        let disclaimerRow = bottom - 1
        if disclaimerRow > row { buffer.draw(footLine(context: context, width: width), row: disclaimerRow, column: left, width: width) }
        drawLessonList(context: context, into: &buffer, listTop: row, disclaimerRow: disclaimerRow, left: left, width: width)
    }

    /// The title, the summary (on tall screens), the overall progress bar and the
    /// reviews line; returns the first row below them.
    private static func drawHeader(context: AppContext, into buffer: inout ScreenBuffer, area: Rect, left: Int, width: Int) -> Int {
        let course = context.course
        let progress = context.courseProgress
        var row = area.row
        buffer.put(course.info.title, row: row, column: left, style: Style(.title, [.bold]), maxWidth: width)
        row += 1
        if area.height >= 16, !course.info.summary.isEmpty {
            buffer.put(DisplayWidth.truncateAtWord(Sanitizer.clean(course.info.summary, singleLine: true), to: width), row: row, column: left, style: Style(.dim), maxWidth: width)
            row += 1
        }
        row += 1

        // The overall bar: lessons read.
        let total = course.lessons.count
        // Counted in one pass by index: filtering copied every lesson (a thousand in a long course).
        var read = 0, quizzes = 0
        for index in course.lessons.indices {
            let lessonProgress = progress[lesson: course.lessons[index].id]
            if lessonProgress.isRead { read += 1 }
            if !lessonProgress.scoredAttempts.isEmpty { quizzes += 1 }
        }
        let summary = " \(read) of \(total) lessons read" + (width >= 60 ? " · \(quizzes) \(quizzes == 1 ? "quiz" : "quizzes") done" : "")
        let barWidth = max(4, min(24, width - DisplayWidth.of(summary) - 9))
        var barLine = StyledLine([Span("Progress ", Style(.subheading, [.bold]))])
        barLine.spans += ProgressBar.spans(fraction: total == 0 ? 0 : Double(read) / Double(total), width: barWidth)
        barLine.spans.append(Span(summary))
        buffer.draw(barLine, row: row, column: left, width: width)
        row += 1
        // Reviews: how many are due, or when the next ones are.
        if let review = Self.reviewLine(context: context) {
            let due = !context.reviews.dueQuestionIDs.isEmpty
            var spans = [Span(review, due ? Style(.accent, [.bold]) : Style(.dim))]
            if due {
                spans += [Span(" · press ", Style(.dim)), Span("r", Style(.key)), Span(width >= 60 ? " to review them" : "", Style(.dim))]
            }
            buffer.draw(StyledLine(spans), row: row, column: left, width: width)
            row += 1
            // On short screens the lessons need the row more than a gap does.
            if area.height >= 16 { row += 1 }
        } else {
            row += 1
        }
        return row
    }

    /// Notices (a damaged progress file moved aside, a locale fallback, …), at most
    /// three lines each, leaving room for the list and the foot line.
    private static func drawNotices(_ notices: [String], into buffer: inout ScreenBuffer, row: inout Int, bottom: Int, left: Int, width: Int) {
        for notice in notices where row < bottom - 3 {
            for line in Layout.wrap(notice, width: width, style: Style(.warning), firstPrefix: [Span("! ", Style(.warning, [.bold]))], restPrefix: [Span("  ")]).prefix(3) where row < bottom - 3 {
                buffer.draw(line, row: row, column: left, width: width)
                row += 1
            }
        }
        if !notices.isEmpty { row += 1 }
    }

    /// The foot line: the course's notice (`map-notice`, or `map-notice-short` on
    /// narrow screens) and the disclaimer key, or the message after a key that did nothing.
    private func footLine(context: AppContext, width: Int) -> StyledLine {
        if let message { return StyledLine([Span(message, Style(.warning, [.bold]))]) }
        if let hint = Self.numberHint(typed: typedNumber, context: context, width: width) { return StyledLine([Span(hint, Style(.accent, [.bold]))]) }
        let info = context.course.info
        return width >= 56
            ? StyledLine([Span(Sanitizer.clean(info.mapNotice, singleLine: true) + " ", Style(.dim)), Span("d", Style(.key)), Span(": full disclaimer", Style(.dim))])
            : StyledLine([Span(Sanitizer.clean(info.mapNoticeShort, singleLine: true) + " ", Style(.dim)), Span("d", Style(.key)), Span(": disclaimer", Style(.dim))])
    }

    /// The lessons (and broken lesson files) between `listTop` and the foot line,
    /// scrolled to keep the selection in view.
    private func drawLessonList(context: AppContext, into buffer: inout ScreenBuffer, listTop: Int, disclaimerRow: Int, left: Int, width: Int) {
        let course = context.course
        let progress = context.courseProgress
        let listHeight = max(0, disclaimerRow - 1 - listTop)
        var lines: [(line: StyledLine, entry: Int?)] = []
        let entries = Self.entries(context: context)
        for (entryIndex, entry) in entries.enumerated() {
            guard case .resume(let place) = entry, let lesson = course.lesson(id: place.lessonID) else { continue }
            let begun = place == progress.lastPlace || place.position.percent > 0
            let suffix = begun ? " (\(place.position.percent)%)" : " (next lesson)"
            let room = max(1, width - 4 - DisplayWidth.of("Continue: ") - DisplayWidth.of(suffix))
            let text = "Continue: " + DisplayWidth.truncateAtWord(Sanitizer.clean(lesson.title, singleLine: true), to: room) + suffix
            lines.append((StyledLine([Span("▶ ", Style(.accent)), Span(DisplayWidth.truncate(text, to: max(1, width - 4)), Style(.strong, [.bold]))]), entryIndex))
            lines.append((StyledLine(), nil))
        }
        let showMastery = Self.showsMasteryColumn(width: width, context: context)
        let masteryWidth = showMastery ? 2 + Self.masteryColumnWidth : 0
        // Minutes make room for mastery on screens narrower than 96 columns.
        let showMinutes = width >= 60 && (!showMastery || width >= 96)
        let statusWidth = 15
        let numberWidth = max(2, String(course.lessons.count).count) + 1
        // The title column is as wide as the longest title on screen (set below, once
        // the rows shown are known), so that on a wide terminal the minutes and status
        // sit next to the titles, not far away.
        var longestTitle = Int.max
        // A lesson's row is built only if it is on screen (a course may have a thousand).
        func lessonLine(_ index: Int) -> StyledLine {
            let lesson = course.lessons[index]
            let status = LessonStatus(lesson: lesson, progress: progress)
            let numberText = "\(Self.number(of: lesson, index: index))."
            let number = String(repeating: " ", count: max(0, numberWidth - numberText.count)) + numberText
            let minutes = showMinutes ? String(lesson.meta.minutes).leftPadded(to: 3) + " min" : ""
            let titleWidth = max(1, min(longestTitle, width - 2 - numberWidth - 1 - DisplayWidth.of(minutes) - 2 - statusWidth - masteryWidth))
            let title = DisplayWidth.truncateAtWord(Sanitizer.clean(lesson.title, singleLine: true), to: titleWidth)
            let padded = title + String(repeating: " ", count: max(0, titleWidth - DisplayWidth.of(title)))
            let statusStyle: Style = switch status {
            case .new: Style(.dim)
            case .reading, .quizInProgress: Style(.accent)
            case .read, .quiz: Style(.correct)
            }
            var spans = [Span("  "), Span(number + " ", Style(.dim)), Span(padded)]
            if showMinutes { spans.append(Span(minutes, Style(.dim))) }
            spans.append(Span("  "))
            spans.append(Span(status.label, statusStyle))
            if showMastery, !lesson.quiz.isEmpty {
                spans.append(Span(String(repeating: " ", count: max(0, statusWidth - DisplayWidth.of(status.label)) + 2)))
                spans += ReviewText.rememberedSpans(context.reviews.mastery(lessonID: lesson.id), barWidth: Self.masteryBarWidth)
            }
            return StyledLine(spans)
        }
        // Entries are the resume entries, then every lesson in order.
        let firstLessonEntry = entries.count - course.lessons.count
        let lessonRowsStart = lines.count
        lines += course.lessons.indices.map { (line: StyledLine(), entry: Optional(firstLessonEntry + $0)) }
        for broken in course.brokenLessons {
            let text = "\(broken.fileName): cannot open — \(broken.error.message)"
            lines.append((StyledLine([Span("  ✗ ", Style(.wrong, [.bold])), Span(DisplayWidth.truncate(Sanitizer.clean(text, singleLine: true), to: max(1, width - 4)), Style(.warning))]), nil))
        }
        if course.lessons.isEmpty && course.brokenLessons.isEmpty {
            lines.append((StyledLine([Span("No lessons found in \(course.directory).", Style(.warning))]), nil))
        }

        // Narrow screens: what is remembered now of the selected lesson, in the row above the disclaimer.
        if !showMastery, context.reviews.hasSchedules, disclaimerRow - 1 > listTop, entries.indices.contains(selection),
           let lesson = Self.lesson(of: entries[selection], in: course), !lesson.quiz.isEmpty,
           let index = course.lessons.firstIndex(where: { $0.id == lesson.id }) {
            let label = Span("Lesson \(Self.number(of: lesson, index: index)) ", Style(.dim))
            let line = StyledLine([label] + ReviewText.rememberedSpans(context.reviews.mastery(lessonID: lesson.id), barWidth: Self.masteryBarWidth))
            buffer.draw(line, row: disclaimerRow - 1, column: left, width: width)
        }

        guard listHeight > 0 else { return }
        let selectedLine = lines.firstIndex { $0.entry == selection } ?? 0
        var top = 0
        if selectedLine >= top + listHeight { top = selectedLine - listHeight + 1 }
        // Keep the broken lessons in view when there is room after the selection.
        top = min(top, max(0, lines.count - listHeight))
        top = max(0, min(top, selectedLine))
        let shownLessons = max(0, top - lessonRowsStart)..<max(0, min(course.lessons.count, top + listHeight - lessonRowsStart))
        longestTitle = shownLessons.map { DisplayWidth.of(Sanitizer.clean(course.lessons[$0].title, singleLine: true)) }.max() ?? Int.max
        for offset in 0..<listHeight where top + offset < lines.count {
            let item = lines[top + offset]
            let r = listTop + offset
            let lessonRow = top + offset - lessonRowsStart
            buffer.draw(course.lessons.indices.contains(lessonRow) ? lessonLine(lessonRow) : item.line, row: r, column: left, width: width)
            if let entry = item.entry { buffer.targets[r] = entry }
            if item.entry == selection {
                buffer.put("›", row: r, column: left, style: Style(.selected, [.bold]))
                buffer.restyle(row: r, column: left, width: width, style: Style(.selected))
                buffer.cursor = (r, left)
            }
        }
    }
}

extension String {
    /// Spaces before the string, up to `width` characters in all.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
