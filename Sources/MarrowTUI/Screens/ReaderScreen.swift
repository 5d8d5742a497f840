#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The lesson reader: the lesson laid out at a comfortable width, scrolled by
/// line and page, its place kept by content so it survives resizing and restarts.
///
/// The view's top line (`topLine`) is only meaningful at the width it was laid out
/// for; `anchor` (block and offset) is what the view shows, at any width. When the
/// width changes, the lines are laid out again and the top line found from the anchor.
///
/// A lesson of more than `windowThreshold` blocks (far beyond any real one: a 10 MB
/// lesson takes seconds to lay out whole) is laid out a window of blocks at a time,
/// around the anchor; scrolling near an edge of the window lays out a new one, and the
/// percentage counts blocks. `topLine` is then an index into the window's lines.
package struct ReaderScreen: Screen {
    package let lessonID: String
    /// The reading position of the top line.
    package private(set) var anchor: ReadingPosition
    /// Index of the top line in `lines`.
    package private(set) var topLine = 0
    /// A search query highlighted in the text.
    package private(set) var highlight: String?
    /// A short message in the header ("Bookmarked …"), until the next key.
    package private(set) var message: String?
    /// The lesson laid out at `layoutWidth`: all of it, or the blocks in `window`.
    private var lines: [StyledLine] = []
    private var layoutWidth = 0
    /// The reader's blocks laid out in `lines`, for a lesson laid out a window at a time.
    private var window: Range<Int>?
    /// The reader's blocks: the body's, then the sources and review date.
    private var blockCount = 0
    private var lastSaved: Date
    /// Whether this reading is the learner's place in the course: it moves the
    /// lesson's saved position and Continue. A lesson opened as the one to continue
    /// claims it at once; a peek (a search hit, another lesson opened from the map
    /// or with `n`/`p`) claims it only once the learner reads on a page from where
    /// it opened, reaches the end, or bookmarks, so a glance changes nothing.
    package private(set) var claimed: Bool
    /// The top line the reader opened at: reading a page on from it claims the place.
    private var openedAt = 0

    /// Opens a lesson; marks it opened and remembers it as the place to continue.
    package init(lessonID: String, target: ReaderTarget, context: inout AppContext) {
        self.lessonID = lessonID
        self.lastSaved = context.now
        let lessonProgress = context.courseProgress[lesson: lessonID]
        // A lesson left part-way opens where it was left; one read to the end opens at its start.
        let saved = lessonProgress.isRead ? nil : lessonProgress.position.flatMap { $0.percent < 100 ? $0 : nil }
        // Nothing read yet, or every lesson read: there is no place to take over.
        let current = context.courseProgress.lastPlace == nil ? nil : context.courseProgress.continuePlace(lessonIDs: context.course.lessons.map(\.id))
        claimed = current == nil || current?.lessonID == lessonID
        var matchBlock: Int?
        switch target {
        case .start: anchor = ReadingPosition()
        case .resume: anchor = saved ?? ReadingPosition()
        case .position(let position): anchor = position
        case .match(let query, let block):
            anchor = ReadingPosition(block: block, offset: 0)
            highlight = query.isEmpty ? nil : query
            matchBlock = block
            claimed = false
        }
        if claimed, context.courseProgress[lesson: lessonID].opened == nil {
            context.courseProgress[lesson: lessonID].opened = context.now
        }
        sync(area: context.screenArea, course: context.course)
        if let matchBlock, highlight != nil {
            // Show the first line of the block that holds the match (found as search found
            // it, accents folded), with a little context above.
            if let line = lines.firstIndex(where: { $0.block == matchBlock && $0.spans.contains { $0.style.role == .highlight } }) {
                topLine = max(0, line - 2)
            }
        }
        openedAt = topLine
        // Opening is not reading on: a lesson that fits on one screen is not read
        // (nor claimed) until a key moves in it.
        move(to: topLine, context: &context, opening: true)
    }

    package var title: String { "Reader" }

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .reader) }

    package var statusKeys: [KeyHelp] {
        [KeyHelp("j/k", "scroll"), KeyHelp("space", "page"), KeyHelp("t", "quiz"), KeyHelp("o", "outline"), KeyHelp("w", "terms"), KeyHelp("q", "back")]
    }

    // MARK: Geometry

    /// Where the parts of the reader go in an area.
    struct Geometry {
        var textWidth: Int
        var left: Int
        var headerRow: Int
        var bodyRow: Int
        var bodyHeight: Int

        /// Columns kept beside the text on a narrow terminal.
        static let margin = 4

        init(area: Rect) {
            // About 80 columns at most, centred; a small margin on narrow terminals.
            textWidth = max(1, min(80, area.width - Self.margin))
            left = area.column + max(0, (area.width - textWidth) / 2)
            headerRow = area.row
            bodyRow = area.row + 2
            bodyHeight = max(1, area.height - 2)
        }
    }

    /// Lessons with more blocks than this are laid out a window at a time.
    static let windowThreshold = 600
    /// Characters of text a window holds before its centre block, and from it on.
    static let windowBefore = 24_000
    static let windowAfter = 48_000

    /// The blocks the reader shows: the body's, then the sources and the review date,
    /// numbered after the body's so that a place in them survives re-wrapping too.
    static func readerBlocks(of lesson: Lesson) -> (all: [Block], bodyCount: Int) {
        let trailer = LessonTrailer.blocks(of: lesson)
        return (lesson.body.blocks + trailer, lesson.body.blocks.count)
    }

    /// The lines of the reader's blocks in `range` (all of them when nil), ending with
    /// what to do next when the range reaches the end.
    static func layout(lessonAt index: Int, course: Course, blocks: (all: [Block], bodyCount: Int), range: Range<Int>?, width: Int, highlight: String?) -> [StyledLine] {
        let (all, base) = blocks
        let range = range ?? 0..<all.count
        var lines: [StyledLine] = []
        let body = range.clamped(to: 0..<base)
        if !body.isEmpty {
            lines = Layout.lines(for: Array(all[body]), width: width, options: LayoutOptions(highlight: highlight, screenMargin: Geometry.margin))
            if body.lowerBound > 0 {
                for i in lines.indices { lines[i].block += body.lowerBound }
            } else if Self.opensWithTitle(all, lesson: course.lessons[index]) {
                // The header already shows the title: not again, underlined, under it.
                let first = lines.firstIndex { $0.block > 0 && !$0.spans.isEmpty } ?? lines.count
                lines.removeSubrange(0..<first)
            }
        }
        // A blank line between the body and what follows it (the trailer, or the end).
        if !body.isEmpty, range.upperBound > base || range.upperBound == all.count {
            lines.append(StyledLine([], block: base, offset: 0))
        }
        let trailer = range.clamped(to: base..<all.count)
        if !trailer.isEmpty {
            for var line in Layout.lines(for: Array(all[trailer]), width: width) {
                line.block += trailer.lowerBound
                line.spans = line.spans.map { span in
                    var span = span
                    if span.style.role == .normal { span.style = Style(.dim, span.style.attributes) }
                    return span
                }
                lines.append(line)
            }
        }
        guard range.upperBound >= all.count else { return lines }
        let endBlock = all.count
        lines.append(StyledLine([], block: endBlock, offset: 0))
        lines.append(endLine(lessonAt: index, course: course, quizPartWay: false, block: endBlock))
        return lines
    }

    /// "End of lesson — t: take the quiz", or "t: continue the quiz" when the
    /// lesson's quiz was left part-way (`t` picks it up), "n: next lesson" when it
    /// has none. Drawn from the progress at each render, so coming back from a
    /// quiz left part-way shows it.
    static func endLine(lessonAt index: Int, course: Course, quizPartWay: Bool, block: Int) -> StyledLine {
        let lesson = course.lessons[index]
        var end: [Span] = [Span("End of lesson", Style(.strong, [.bold])), Span(" — ")]
        if !lesson.quiz.isEmpty {
            end += [Span("t", Style(.key)), Span(quizPartWay ? ": continue the quiz" : ": take the quiz")]
        } else if index + 1 < course.lessons.count {
            end += [Span("n", Style(.key)), Span(": next lesson")]
        } else {
            end += [Span("q", Style(.key)), Span(": back to the course map")]
        }
        return StyledLine(end, block: block, offset: 0)
    }

    /// Whether the lesson's first block is a level-1 heading saying its title (as
    /// lessons usually start), which the reader's header already shows.
    static func opensWithTitle(_ blocks: [Block], lesson: Lesson) -> Bool {
        guard case .heading(1, let content)? = blocks.first?.kind else { return false }
        return TextMatcher.foldedQuery(content.plainText) == TextMatcher.foldedQuery(lesson.title)
    }

    /// The blocks to lay out around block `center`: about `windowBefore` characters of
    /// text before it and `windowAfter` from it on, and a few blocks at least.
    static func windowRange(around center: Int, in blocks: [Block]) -> Range<Int> {
        let center = max(0, min(center, blocks.count))
        var low = center
        var size = 0
        while low > 0, size < windowBefore || center - low < 4 {
            low -= 1
            size += blocks[low].plainText.utf8.count
        }
        var high = center
        size = 0
        while high < blocks.count, size < windowAfter || high - center < 8 {
            size += blocks[high].plainText.utf8.count
            high += 1
        }
        return low..<high
    }

    /// What the reader lays out at `width` around `position`: the lines, and the window
    /// of blocks they hold (nil when they hold the whole lesson).
    static func laidOut(lessonID: String, course: Course, width: Int, highlight: String?, around position: ReadingPosition) -> (lines: [StyledLine], window: Range<Int>?, blockCount: Int) {
        guard let index = course.lessons.firstIndex(where: { $0.id == lessonID }) else {
            return ([StyledLine([Span("This lesson is no longer in the course.", Style(.warning))])], nil, 0)
        }
        let blocks = readerBlocks(of: course.lessons[index])
        let count = blocks.all.count
        let range = count > windowThreshold ? windowRange(around: position.block, in: blocks.all) : nil
        return (layout(lessonAt: index, course: course, blocks: blocks, range: range, width: width, highlight: highlight), range, count)
    }

    /// How far through the lesson a view at `top` is: by lines when the whole lesson is
    /// laid out, by blocks in a window (100 only at the very end).
    static func percent(top: Int, lines: [StyledLine], window: Range<Int>?, blockCount: Int, visibleRows: Int) -> Int {
        let byLines = Layout.percent(top: top, count: lines.count, visibleRows: visibleRows)
        guard let window, blockCount > 0, !lines.isEmpty else { return byLines }
        if window.upperBound >= blockCount, byLines == 100 { return 100 }
        let block = lines[max(0, min(top, lines.count - 1))].block
        return max(0, min(99, block * 100 / blockCount))
    }

    /// Lays the lesson out again if the width changed, keeping the place by content.
    private mutating func sync(area: Rect, course: Course) {
        let geometry = Geometry(area: area)
        if geometry.textWidth != layoutWidth || lines.isEmpty {
            relayout(around: anchor, width: geometry.textWidth, course: course)
        }
        topLine = min(topLine, Self.maxTop(lineCount: lines.count, height: geometry.bodyHeight))
    }

    /// Lays the lesson (or a window of it) out at `width`, with the top line at `position`.
    private mutating func relayout(around position: ReadingPosition, width: Int, course: Course) {
        (lines, window, blockCount) = Self.laidOut(lessonID: lessonID, course: course, width: width, highlight: highlight, around: position)
        layoutWidth = width
        topLine = Layout.lineIndex(for: position, in: lines)
    }

    static func maxTop(lineCount: Int, height: Int) -> Int {
        max(0, lineCount - height)
    }

    /// How many of the `height` rows from `top` to draw: all, except that a heading
    /// (with the blank line or rule under it) is never the last thing on a page while
    /// the text it introduces follows: it waits for the next page, which starts there.
    /// Never fewer than half the rows, so a run of headings still fills the page.
    static func shownRows(top: Int, lines: [StyledLine], height: Int) -> Int {
        let rows = max(0, min(height, lines.count - top))
        guard top + rows < lines.count, rows > 1 else { return rows }
        var kept = rows
        while kept > 0, lines[top + kept - 1].spans.isEmpty || isHeadingRule(lines[top + kept - 1]) { kept -= 1 }
        guard kept > 0, isHeading(lines[top + kept - 1]) else { return rows }
        while kept > 0, isHeading(lines[top + kept - 1]) || lines[top + kept - 1].spans.isEmpty { kept -= 1 }
        return kept >= max(1, height / 2) ? kept : rows
    }

    /// A line of a heading: drawn in a heading role, bold.
    static func isHeading(_ line: StyledLine) -> Bool {
        guard let first = line.spans.first(where: { !$0.text.allSatisfy { $0 == " " } }) else { return false }
        return [.title, .heading, .subheading].contains(first.style.role) && first.style.attributes.contains(.bold)
    }

    /// The rule under a level-1 heading.
    static func isHeadingRule(_ line: StyledLine) -> Bool {
        line.spans.count == 1 && line.spans[0].style.role == .title && line.spans[0].text.allSatisfy { $0 == "═" }
    }

    // MARK: Update

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        message = nil
        sync(area: context.screenArea, course: context.course)
        let geometry = Geometry(area: context.screenArea)
        let page = max(1, geometry.bodyHeight - 1)
        let last = Self.maxTop(lineCount: lines.count, height: geometry.bodyHeight)
        switch key {
        case .down, .character("j"), .control("e"), .control("n"):
            move(to: topLine + 1, context: &context)
        case .up, .character("k"), .control("y"), .control("p"):
            move(to: topLine - 1, context: &context)
        case .pageDown, .character(" "), .character("f"), .control("f"):
            // The next page starts at the last line shown, or at a heading held back for it.
            let shown = Self.shownRows(top: topLine, lines: lines, height: geometry.bodyHeight)
            move(to: topLine + (shown < min(geometry.bodyHeight, lines.count - topLine) ? max(1, shown) : page), context: &context)
        case .pageUp, .character("b"), .control("b"):
            move(to: topLine - page, context: &context)
        case .home, .character("g"):
            if let window, window.lowerBound > 0 {
                relayout(around: ReadingPosition(), width: layoutWidth, course: context.course)
            }
            move(to: 0, context: &context)
        case .end, .character("G"):
            if let window, window.upperBound < blockCount {
                relayout(around: ReadingPosition(block: blockCount), width: layoutWidth, course: context.course)
                move(to: lines.count, context: &context)
            } else {
                move(to: last, context: &context)
            }
        case .character("n"):
            return switchLesson(by: 1, context: &context)
        case .character("p"):
            return switchLesson(by: -1, context: &context)
        case .character("m"):
            bookmark(context: &context)
        case .character("o"):
            record(context: &context, save: true)
            return .openOutline(lessonID: lessonID)
        case .character("t"):
            guard let lesson = context.course.lesson(id: lessonID), !lesson.quiz.isEmpty else {
                message = "This lesson has no quiz."
                return nil
            }
            record(context: &context, save: true)
            return .openQuiz(lessonID: lessonID, questionIDs: nil)
        case .character("w"):
            let visible = Array(lines[min(topLine, lines.count)..<min(lines.count, topLine + geometry.bodyHeight)])
            let terms = Self.glossaryTerms(in: visible, glossary: context.course.glossary)
            guard !terms.isEmpty else {
                message = "No glossary terms on this screen."
                return nil
            }
            record(context: &context, save: true)
            return .openGlossary(terms: terms)
        case .character("/"):
            record(context: &context, save: true)
            return .openSearch(query: "")
        case .character("q"), .escape, .character("h"), .left:
            record(context: &context, save: true)
            return .back
        default:
            break
        }
        return nil
    }

    /// Scrolls to a top line (clamped) and records the new place. In a window, a line
    /// near its edge with more of the lesson beyond lays out a new window around it first.
    private mutating func move(to line: Int, context: inout AppContext, opening: Bool = false) {
        let geometry = Geometry(area: context.screenArea)
        var target = line
        if let window, !lines.isEmpty {
            let margin = geometry.bodyHeight * 2
            let needsEarlier = target < margin && window.lowerBound > 0
            let needsLater = target + geometry.bodyHeight + margin > lines.count && window.upperBound < blockCount
            if needsEarlier || needsLater {
                let kept = max(0, min(target, lines.count - 1))
                // A blank line between blocks starts where the next block does: count the
                // lines before `kept` that start at the same place, to find it again.
                let place = (lines[kept].block, lines[kept].offset)
                var same = 0
                while kept - same > 0, (lines[kept - same - 1].block, lines[kept - same - 1].offset) == place { same += 1 }
                relayout(around: ReadingPosition(block: place.0, offset: place.1), width: layoutWidth, course: context.course)
                var first = topLine
                while first > 0, (lines[first - 1].block, lines[first - 1].offset) == place { first -= 1 }
                topLine = min(first + same, max(0, lines.count - 1))
                target = topLine + (target - kept)
                // The lines are numbered afresh: so is where the reader opened.
                openedAt += topLine - kept
            }
        }
        topLine = max(0, min(target, Self.maxTop(lineCount: lines.count, height: geometry.bodyHeight)))
        anchor = Layout.position(at: topLine, in: lines, visibleRows: geometry.bodyHeight)
        anchor.percent = Self.percent(top: topLine, lines: lines, window: window, blockCount: blockCount, visibleRows: geometry.bodyHeight)
        if !claimed, !opening, topLine - openedAt >= max(1, geometry.bodyHeight - 1) || anchor.percent >= 100 {
            claim(context: &context)
        }
        record(context: &context, save: false)
    }

    /// Makes this reading the learner's place (see `claimed`).
    private mutating func claim(context: inout AppContext) {
        claimed = true
        if context.courseProgress[lesson: lessonID].opened == nil {
            context.courseProgress[lesson: lessonID].opened = context.now
        }
    }

    /// Writes the place into progress: the lesson's position and the course's place
    /// to continue. Reaching the end marks the lesson read. Asks for a save when
    /// told to, when the lesson was just finished, and every 30 seconds of reading.
    private mutating func record(context: inout AppContext, save: Bool) {
        guard claimed else { return }
        var lesson = context.courseProgress[lesson: lessonID]
        let position = ReadingPosition(block: anchor.block, offset: max(0, anchor.offset), percent: anchor.percent)
        lesson.position = position
        var shouldSave = save
        if anchor.percent >= 100, lesson.finished == nil {
            lesson.finished = context.now
            message = "Lesson marked as read."
            shouldSave = true
        }
        context.courseProgress[lesson: lessonID] = lesson
        context.courseProgress.lastPlace = Place(lessonID: lessonID, position: position)
        if !shouldSave, context.now.timeIntervalSince(lastSaved) >= 30 { shouldSave = true }
        if shouldSave {
            lastSaved = context.now
            if context.effects.last != .saveProgress { context.effects.append(.saveProgress) }
        }
    }

    private mutating func bookmark(context: inout AppContext) {
        let mark = ReadingPosition(block: anchor.block, offset: max(0, anchor.offset), percent: anchor.percent)
        var lesson = context.courseProgress[lesson: lessonID]
        if lesson.bookmarks.contains(where: { $0.block == mark.block && $0.offset == mark.offset }) {
            message = "Already bookmarked here."
            return
        }
        lesson.bookmarks.append(mark)
        lesson.bookmarks.sort { ($0.block, $0.offset) < ($1.block, $1.offset) }
        context.courseProgress[lesson: lessonID] = lesson
        message = "Bookmarked (o lists bookmarks)."
        claim(context: &context)
        record(context: &context, save: true)
    }

    private mutating func switchLesson(by step: Int, context: inout AppContext) -> Route? {
        let lessons = context.course.lessons
        guard let index = lessons.firstIndex(where: { $0.id == lessonID }) else { return .back }
        let next = index + step
        guard lessons.indices.contains(next) else {
            message = step > 0 ? "This is the last lesson." : "This is the first lesson."
            return nil
        }
        record(context: &context, save: true)
        self = ReaderScreen(lessonID: lessons[next].id, target: .resume, context: &context)
        return nil
    }

    /// The glossary terms (by term or alias, whole words) in some lines.
    ///
    /// Names match in any case, except acronyms (no lower-case letter, two or more
    /// letters: "ALL", "SOS", "MUD"), which match only in capitals, so that the word
    /// "all" in a sentence does not offer acute lymphoblastic leukemia.
    static func glossaryTerms(in lines: [StyledLine], glossary: [GlossaryTerm]) -> [String] {
        let original = lines.map(\.plainText).joined(separator: " ")
        let text = Array(original)
        let lowered = Array(original.lowercased())
        return glossary.filter { entry in
            ([entry.term] + entry.aliases).contains { name in
                isAcronym(name) ? containsWord(Array(name), in: text) : containsWord(Array(name.lowercased()), in: lowered)
            }
        }.map(\.term)
    }

    /// Whether a glossary name is written as an acronym: two or more letters, none lower-case.
    static func isAcronym(_ name: String) -> Bool {
        name.filter(\.isLetter).count >= 2 && !name.contains(where: \.isLowercase)
    }

    /// Whether `word` occurs in `text` with no letter or digit right before or after it.
    static func containsWord(_ word: [Character], in text: [Character]) -> Bool {
        guard !word.isEmpty, word.count <= text.count else { return false }
        for start in 0...(text.count - word.count) where text[start] == word[0] {
            guard text[start..<(start + word.count)].elementsEqual(word) else { continue }
            let before = start == 0 ? nil : text[start - 1]
            let after = start + word.count < text.count ? text[start + word.count] : nil
            let isBoundary: (Character?) -> Bool = { c in c.map { !($0.isLetter || $0.isNumber) } ?? true }
            if isBoundary(before), isBoundary(after) { return true }
        }
        return false
    }

    // MARK: Render

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let geometry = Geometry(area: area)
        var shown = lines
        var top = topLine
        var shownWindow = window
        var shownBlocks = blockCount
        if geometry.textWidth != layoutWidth || shown.isEmpty {
            (shown, shownWindow, shownBlocks) = Self.laidOut(lessonID: lessonID, course: context.course, width: geometry.textWidth, highlight: highlight, around: anchor)
            top = Layout.lineIndex(for: anchor, in: shown)
        }
        top = max(0, min(top, Self.maxTop(lineCount: shown.count, height: geometry.bodyHeight)))

        // Header: number and title on the left; message and percentage on the right.
        let lessons = context.course.lessons
        let index = lessons.firstIndex { $0.id == lessonID }
        let lessonTitle = index.map { "\(CourseMapScreen.number(of: lessons[$0], index: $0)). \(Sanitizer.clean(lessons[$0].title, singleLine: true))" } ?? lessonID
        let percent = Self.percent(top: top, lines: shown, window: shownWindow, blockCount: shownBlocks, visibleRows: geometry.bodyHeight)
        let percentText = "\(percent)%"
        var right = [Span(percentText, Style(.accent, [.bold]))]
        if let message {
            // The message gives way to the percentage and to some of the title.
            let room = geometry.textWidth - percentText.count - 2 - min(16, geometry.textWidth / 3)
            if room >= 8 {
                right = [Span(DisplayWidth.truncate(message, to: room), Style(.warning, [.bold])), Span("  ")] + right
            }
        }
        let rightWidth = right.reduce(0) { $0 + $1.width }
        let titleRoom = max(1, geometry.textWidth - rightWidth - 2)
        buffer.put(DisplayWidth.truncate(lessonTitle, to: titleRoom), row: geometry.headerRow, column: geometry.left, style: Style(.title, [.bold]))
        let rightColumn = geometry.left + max(titleRoom + 2, geometry.textWidth - rightWidth)
        buffer.draw(StyledLine(right), row: geometry.headerRow, column: rightColumn, width: geometry.left + geometry.textWidth - rightColumn)
        if area.height > 1 {
            buffer.put(String(repeating: "─", count: geometry.textWidth), row: geometry.headerRow + 1, column: geometry.left, style: Style(.dim))
        }

        let quizPartWay = index.map { QuizSession.unfinishedAttempt(of: lessons[$0], in: context.courseProgress[lesson: lessonID]) != nil } ?? false
        let rows = Self.shownRows(top: top, lines: shown, height: geometry.bodyHeight)
        for row in 0..<rows where top + row < shown.count && geometry.bodyRow + row < area.row + area.height {
            var line = shown[top + row]
            if quizPartWay, let index, line.block == shownBlocks, !line.spans.isEmpty {
                line = Self.endLine(lessonAt: index, course: context.course, quizPartWay: true, block: shownBlocks)
            }
            buffer.draw(line, row: geometry.bodyRow + row, column: geometry.left, width: geometry.textWidth)
        }
        buffer.cursor = (min(geometry.bodyRow, area.row + area.height - 1), geometry.left)
    }
}
