#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The quiz: one question a screen, feedback after each answer, a score at the end.
///
/// Every answer is applied to `context.progress` and emitted as
/// `Effect.recordAnswer` the moment it is given, so leaving mid-quiz (q/Esc, a
/// signal) loses nothing. Right and wrong are told by ✓/✗ and words, never by color
/// alone, and the terminal cursor sits on the focused choice.
package struct QuizScreen: Screen {
    package enum Phase: Sendable, Hashable {
        /// Showing question `index`, waiting for an answer.
        case asking
        /// Question `index` was answered: verdict, marks, explanation.
        case feedback
        /// The score and the missed questions.
        case summary
    }

    package private(set) var session: QuizSession
    package private(set) var phase: Phase
    /// The question shown.
    package private(set) var index = 0
    /// The focused choice (displayed position). nil on a question just shown:
    /// an answer takes a deliberate choice (a number, t/f or an arrow) and then
    /// Enter, so an Enter pressed twice on the feedback, or a key that slips,
    /// never answers a question the learner has not read.
    package private(set) var focus: Int?
    /// Choices ticked so far in a select-all-that-apply question (displayed positions).
    package private(set) var selected: Set<Int> = []
    /// The choices the learner gave for the question in feedback (displayed positions).
    package private(set) var picked: Set<Int> = []
    /// Top line of the feedback or summary text.
    package private(set) var scroll = 0
    /// Whether this attempt retries missed questions (said in the header).
    package let isRetry: Bool
    /// Whether this is a review session: the questions due from every lesson.
    package let isReview: Bool
    /// The learner's own grade of the right answer in feedback (h hard, e easy), if given.
    package private(set) var selfGrade: Rating?
    /// A one-line hint after a key that could not be acted on.
    package private(set) var notice: String?
    /// How many questions were already answered when this quiz picked up an attempt
    /// left part-way (said above the question, with n to start over); nil once
    /// an answer is given or for a new attempt.
    package private(set) var resumedWith: Int?
    /// At the score: the lessons to re-read, with the sections the missed questions come from.
    package private(set) var rereading: [Reread] = []
    /// The question whose answer `u` takes back: the last one answered, while
    /// its feedback shows and on the screen right after it (the next question
    /// until it is answered, or the summary); nil otherwise.
    package private(set) var undoable: Int?
    /// The answer area of an order, match or type-the-answer question being asked
    /// (`PuzzleQuestionView`); nil for a choose question.
    package private(set) var puzzle: PuzzleQuestionView?
    /// Whether a key or a click has acted on the puzzle's answer area since its question was
    /// shown. Until then the question shows from its first line: an order or match question
    /// always has a focused item, and scrolling to it at 40×12 cut off the prompt's start.
    package private(set) var answerTouched = false

    /// A quiz over a prepared session.
    package init(session: QuizSession, isRetry: Bool = false, isReview: Bool = false) {
        self.session = session
        self.isRetry = isRetry
        self.isReview = isReview
        self.phase = session.total == 0 ? .summary : .asking
        if phase == .asking { puzzle = PuzzleQuestionView(session: session, index: 0) }
        answerTouched = false
    }

    /// A quiz over a prepared session, shown now: keys typed before its first
    /// question is drawn are thrown away (`Effect.discardTypeahead`).
    init(session: QuizSession, isRetry: Bool = false, isReview: Bool = false, context: inout AppContext) {
        self.init(session: session, isRetry: isRetry, isReview: isReview)
        if phase == .asking { context.effects.append(.discardTypeahead) }
    }

    /// The quiz a route asks for: `Route.openQuiz(lessonID:questionIDs:)`. Seeds the
    /// attempt from `context.randomSeed` and advances the seed, so the next attempt
    /// gets another id and choice order. A lesson's whole quiz left part-way
    /// (`QuizSession.unfinishedAttempt`) is picked up at its first unanswered
    /// question, its earlier answers taken from `history` (the answer log).
    package init(lessonID: String?, questionIDs: [String]?, context: inout AppContext, history: [AnswerRecord] = []) {
        var generator = SplitMix64(seed: context.randomSeed)
        if questionIDs == nil, let lessonID,
           let session = QuizSession.resumed(lessonID: lessonID, course: context.course, progress: context.courseProgress,
                                             history: { history }, generator: &generator) {
            context.randomSeed = generator.next()
            self.init(session: session, context: &context)
            index = session.firstUnanswered
            puzzle = PuzzleQuestionView(session: session, index: index)
            answerTouched = false
            resumedWith = session.answeredCount
            return
        }
        self.init(session: Self.session(lessonID: lessonID, questionIDs: questionIDs, context: &context), isRetry: questionIDs != nil, context: &context)
    }

    /// A review session: the questions due now from every lesson, most overdue
    /// first (`context.reviews`), each showing its lesson; at most the course's
    /// `reviewLimit` of them (the summary offers the rest: `c` keeps going).
    package init(reviewOf context: inout AppContext) {
        let due = Array(context.reviews.dueQuestionIDs.prefix(context.course.info.reviewLimit))
        self.init(session: Self.session(lessonID: nil, questionIDs: due, context: &context), isReview: true, context: &context)
    }

    /// A new session over a lesson's questions or the given ones, seeded from
    /// `context.randomSeed`, which it advances.
    private static func session(lessonID: String?, questionIDs: [String]?, context: inout AppContext) -> QuizSession {
        var generator = SplitMix64(seed: context.randomSeed)
        let questions = QuizSession.questions(in: context.course, lessonID: lessonID, questionIDs: questionIDs)
        let session = QuizSession(course: context.course, questions: questions, lessonID: lessonID, started: context.now, generator: &generator)
        context.randomSeed = generator.next()
        return session
    }

    package var title: String { "Quiz" }

    private var question: Question? { session.questions.indices.contains(index) ? session.questions[index] : nil }
    private var choiceCount: Int { question?.choices.count ?? 0 }

    // MARK: Keys

    /// Its rows of the one keymap (`Keymap`).
    package var keyHelp: [KeyHelp] { Keymap.help(for: .quiz) }

    package var statusKeys: [KeyHelp] {
        switch phase {
        case .asking:
            let answer: [KeyHelp]
            if let puzzle {
                let undo = undoable != nil && !puzzle.takesText ? [KeyHelp("u", "undo last")] : []
                return puzzle.statusKeys + undo + (puzzle.takesText ? [KeyHelp("Esc", "leave")] : [KeyHelp("Esc", "leave"), KeyHelp("?", "help")])
            }
            switch question?.kind {
            case .multiple?: answer = [KeyHelp("space", "tick"), KeyHelp("Enter", "submit")]
            case .trueFalse?: answer = [KeyHelp("t/f", "choose"), KeyHelp("Enter", "answer")]
            default: answer = [KeyHelp("1–\(choiceCount) ↑↓", "choose"), KeyHelp("Enter", "answer")]
            }
            let restart = resumedWith == nil ? [] : [KeyHelp("n", "start over")]
            let undo = undoable == nil ? [] : [KeyHelp("u", "undo last")]
            return answer + undo + restart + [KeyHelp("q", "leave"), KeyHelp("?", "help")]
        case .feedback:
            let next = KeyHelp("Enter", nextQuestion == nil ? "score" : "next")
            let undo = KeyHelp("u", "undo")
            if answeredRight { return [next, KeyHelp("h", "hard"), KeyHelp("e", "easy"), undo, KeyHelp("j/k", "scroll"), KeyHelp("q", "leave"), KeyHelp("?", "help")] }
            return [next, undo, KeyHelp("j/k", "scroll"), KeyHelp("q", "leave"), KeyHelp("?", "help")]
        case .summary:
            var keys: [KeyHelp] = []
            if !session.missedQuestions.isEmpty { keys += [KeyHelp("r", "retry missed"), KeyHelp("m", "mistakes")] }
            keys.append(KeyHelp("Enter/q", "back"))
            if undoable != nil { keys.append(KeyHelp("u", "undo last")) }
            return keys + [KeyHelp("?", "help")]
        }
    }

    /// At 40 columns not every hint fits: the line keeps what only it says
    /// (Enter, and `u` just after an answer, which nothing else on screen
    /// names) and drops first what the screen's text already says: how to
    /// choose (the line above the choices), scrolling (the "↓ more" line), the
    /// optional `h`/`e` (explained under the feedback), the summary's next
    /// steps (listed in its body).
    package var statusDropOrder: [KeyHelp] {
        let keys = statusKeys
        switch phase {
        case .asking:
            // An order, match or typed question says how to move, pick and pair above its items.
            if puzzle != nil { return keys.filter { !["Enter", "u", "?"].contains($0.keys) && $0.keys != "Esc" } + [KeyHelp("Esc", "leave")] }
            return keys.filter { $0.action == "choose" || $0.action == "tick" || $0.keys == "n" } + [KeyHelp("q", "leave")]
        case .feedback:
            return keys.filter { ["j/k", "h", "e"].contains($0.keys) } + [KeyHelp("q", "leave")]
        case .summary:
            return keys.filter { ["m", "Enter/q"].contains($0.keys) }
        }
    }

    package mutating func update(_ key: Key, context: inout AppContext) -> Route? {
        notice = nil
        if phase == .asking, puzzle != nil, key != .escape {
            return updatePuzzle(key, context: &context)
        }
        switch key {
        case .escape: return .back
        case .character("?"): return .openHelp
        default: break
        }
        switch phase {
        case .asking: return updateAsking(key, context: &context)
        case .feedback: return updateFeedback(key, context: &context)
        case .summary: return updateSummary(key, context: &context)
        }
    }

    private mutating func updateAsking(_ key: Key, context: inout AppContext) -> Route? {
        guard let question else { return .back }
        let count = question.choices.count
        switch key {
        case .character("q"): return .back
        case .character("u"): undoLastAnswer(context: &context)
        case .character("n") where resumedWith != nil:
            // A new attempt from the first question; the one left part-way stays as it is.
            self = QuizScreen(session: Self.session(lessonID: session.lessonID, questionIDs: nil, context: &context), context: &context)
        case .up, .character("k"): focus = focus.map { max(0, $0 - 1) } ?? count - 1
        case .down, .character("j"): focus = focus.map { min(count - 1, $0 + 1) } ?? 0
        case .home: focus = 0
        case .end: focus = count - 1
        case .character(let c) where c.isASCII && c.isNumber:
            guard let n = c.wholeNumberValue, n >= 1, n <= count else {
                notice = "There is no answer \(c): choose 1 to \(count)."
                return nil
            }
            // Only chooses: Enter gives the answer (see `focus`).
            focus = n - 1
            if question.kind == .multiple { toggle(n - 1) }
        case .character(" "):
            if question.kind == .multiple, let focus { toggle(focus) }
        case .character("t"), .character("f"), .character("T"), .character("F"):
            guard question.kind == .trueFalse else { return nil }
            let wanted = (key == .character("t") || key == .character("T")) ? "true" : "false"
            let choices = session.displayedChoices(ofQuestion: index)
            let position = choices.firstIndex { Sanitizer.clean($0.text.plainText, singleLine: true).lowercased() == wanted }
                ?? (wanted == "true" ? 0 : 1)
            focus = position
        case .enter:
            if question.kind == .multiple {
                if selected.isEmpty {
                    notice = "Tick at least one answer first (space or its number), then press Enter."
                } else {
                    answer(selected, context: &context)
                }
            } else if let focus {
                answer([focus], context: &context)
            } else {
                notice = question.kind == .trueFalse
                    ? "Choose first: press t or f (or ↑/↓), then Enter to answer."
                    : "Choose first: press the answer's number (or ↑/↓), then Enter to answer."
            }
        default: break
        }
        return nil
    }

    /// A key while an order, match or type-the-answer question is asked. In a text field
    /// every printable key is text, so `?` and `q` only work in the other two.
    private mutating func updatePuzzle(_ key: Key, context: inout AppContext) -> Route? {
        guard var view = puzzle else { return nil }
        if !view.takesText {
            switch key {
            case .character("?"): return .openHelp
            case .character("q"): return .back
            case .character("u"):
                undoLastAnswer(context: &context)
                return nil
            case .character("n") where resumedWith != nil:
                self = QuizScreen(session: Self.session(lessonID: session.lessonID, questionIDs: nil, context: &context), context: &context)
                return nil
            default: break
            }
        }
        let outcome = view.update(key)
        puzzle = view
        answerTouched = true
        return apply(outcome, context: &context)
    }

    /// What a key or a click on an order, match or typed question did: a hint, or an
    /// answer to record (in the session, in progress, and as an effect to save now).
    private mutating func apply(_ outcome: PuzzleQuestionView.Outcome, context: inout AppContext) -> Route? {
        let record: AnswerRecord
        switch outcome {
        case .none: return nil
        case .notice(let text): notice = text; return nil
        case .submitOrder(let arranged): record = session.answer(question: index, arranged: arranged, at: context.now)
        case .submitMatch(let paired): record = session.answer(question: index, pairedWith: paired, at: context.now)
        case .submitTyped(let typed): record = session.answer(question: index, typed: typed, at: context.now).record
        }
        context.progress.apply(record, fsrs: context.fsrs)
        context.effects.append(.recordAnswer(record))
        puzzle = nil
        phase = .feedback
        scroll = 0
        resumedWith = nil
        undoable = index
        return nil
    }

    private mutating func toggle(_ position: Int) {
        if selected.contains(position) { selected.remove(position) } else { selected.insert(position) }
    }

    /// Records the answer: in the session, in progress, and as an effect to save now.
    private mutating func answer(_ positions: Set<Int>, context: inout AppContext) {
        let record = session.answer(question: index, displayed: positions, at: context.now)
        context.progress.apply(record, fsrs: context.fsrs)
        context.effects.append(.recordAnswer(record))
        picked = positions
        phase = .feedback
        scroll = 0
        resumedWith = nil
        undoable = index
    }

    /// `u`: takes back the last answer (`undoable`), in the session, in progress
    /// and as an effect that appends the undo to the log (`AnswerUndo`), and asks
    /// that question again with nothing chosen, saying what was taken back.
    private mutating func undoLastAnswer(context: inout AppContext) {
        guard let undone = undoable, let record = session.takeBack(question: undone) else {
            notice = "Nothing to undo: u takes back an answer on its feedback, or right after it."
            return
        }
        let undo = AnswerUndo(of: record, time: context.now)
        context.progress.apply(undo)
        context.effects.append(.recordUndo(undo))
        let shown = record.chosen.map { session.displayedIndex(ofQuestion: undone, written: $0) + 1 }.sorted()
        let numbers = shown.map(String.init).joined(separator: ", ")
        let answer = !session.questions[undone].kind.hasChoices ? "your answer to question \(undone + 1) no longer counts"
            : shown.count == 1 ? "your answer \(numbers) to question \(undone + 1) no longer counts"
            : "your answers \(numbers) to question \(undone + 1) no longer count"
        puzzle = PuzzleQuestionView(session: session, index: undone)
        answerTouched = false
        index = undone
        phase = .asking
        focus = nil
        selected = []
        picked = []
        selfGrade = nil
        scroll = 0
        undoable = nil
        notice = "Undone: \(answer). Answer it again."
        context.effects.append(.discardTypeahead)
    }

    /// The question after the one shown that is still to answer (in a quiz picked
    /// up part-way, those answered before are passed over); nil at the end.
    private var nextQuestion: Int? {
        session.records.indices.first { $0 > index && session.records[$0] == nil }
    }

    /// Whether the question in feedback was answered right.
    private var answeredRight: Bool {
        phase == .feedback && session.records.indices.contains(index) && session.records[index]?.correct == true
    }

    /// After a right answer: the learner says it was hard or easy. Recorded as a
    /// self-grade of that answer (applied to progress and saved by the run loop).
    /// Pressing the same key again clears the mark: a grade back to `good`, what a
    /// right answer gets without one, recorded the same way.
    private mutating func grade(_ rating: Rating, context: inout AppContext) {
        guard answeredRight, let record = session.records[index], selfGrade != rating else { return }
        selfGrade = rating == .good ? nil : rating
        let grade = AnswerGrade(of: record, rating: rating, time: context.now)
        context.progress.apply(grade, fsrs: context.fsrs)
        context.effects.append(.recordGrade(grade))
    }

    private mutating func updateFeedback(_ key: Key, context: inout AppContext) -> Route? {
        switch key {
        case .character("q"): return .back
        case .character("u"): undoLastAnswer(context: &context)
        case .character("h"): grade(selfGrade == .hard ? .good : .hard, context: &context)
        case .character("e"): grade(selfGrade == .easy ? .good : .easy, context: &context)
        case .enter, .character("n"):
            // On a small screen Enter first reads on, a page at a time, so it never
            // skips the marks or the explanation the learner has not been shown.
            if let page = pageBeforeGoingOn(context: context) {
                scroll = page
                return nil
            }
            selfGrade = nil
            if let next = nextQuestion {
                index = next
                phase = .asking
                focus = nil
                selected = []
                picked = []
                puzzle = PuzzleQuestionView(session: session, index: next)
                answerTouched = false
                context.effects.append(.discardTypeahead)
            } else {
                phase = .summary
                rereading = Self.rereading(session.missedQuestions, course: context.course)
            }
            scroll = 0
        default:
            let (lines, height) = bodyMetrics(context: context)
            if let top = Scrolling.top(after: key, from: scroll, lineCount: lines, height: height) { scroll = top }
        }
        return nil
    }

    private mutating func updateSummary(_ key: Key, context: inout AppContext) -> Route? {
        let steps = nextSteps(course: context.course)
        switch key {
        case .enter, .character("q"): return .back
        case .character("c") where isReview && !context.reviews.dueQuestionIDs.isEmpty:
            // Keep going: the next questions due, as many again at most.
            self = QuizScreen(reviewOf: &context)
        case .character("m"):
            guard steps.contains(.mistakes) else {
                notice = "Nothing was missed."
                return nil
            }
            return .openMistakes(questionIDs: session.missedQuestionIDs)
        case .character("l"):
            guard steps.contains(.reread), let first = rereading.first else {
                notice = "Nothing was missed, so there is nothing to re-read."
                return nil
            }
            let target: ReaderTarget = first.sections.first.map { .position(ReadingPosition(block: $0.block)) } ?? .start
            return .openReader(lessonID: first.lessonID, target: target)
        case .character("c"):
            guard let next = nextLesson(course: context.course) else {
                notice = isReview || session.lessonID == nil ? "This quiz is not one lesson's: choose a lesson on the course map." : "This was the last lesson."
                return nil
            }
            return .openReader(lessonID: next.id, target: .resume)
        case .character("u") where undoable != nil: undoLastAnswer(context: &context)
        case .character("r"):
            guard let retry = session.retrySession(course: context.course, started: context.now) else {
                notice = "Nothing to retry: every answer was right."
                return nil
            }
            self = QuizScreen(session: retry, isRetry: true, context: &context)
        default:
            let (lines, height) = bodyMetrics(context: context)
            if let top = Scrolling.top(after: key, from: scroll, lineCount: lines, height: height) { scroll = top }
        }
        return nil
    }

    // MARK: Drawing

    /// The scrolling part of the screen: below the header, and below the verdict row
    /// in feedback (or a blank row when there is room).
    private func bodyRect(of area: Rect) -> Rect {
        let (column, width) = area.centeredColumns(maxWidth: 76)
        let top = phase == .feedback || area.height >= 16 ? 2 : 1
        return Rect(row: area.row + top, column: column, width: width, height: area.height - top)
    }

    /// Line count and window height of the scrolling text, as `render` lays it out.
    private func bodyMetrics(context: AppContext) -> (lines: Int, height: Int) {
        let rect = bodyRect(of: context.screenArea)
        return (bodyLines(context: context, width: rect.width).lines.count, rect.height)
    }

    /// A click on a choice of the question showing focuses it; a click on the
    /// focused choice answers (ticks it, in select all that apply), as Enter
    /// (space) does. Two deliberate clicks, so a shaky hand does not answer.
    /// In an order question a click picks a step up and a second click swaps it with
    /// another step; in a match question a click picks a left item and a click on a partner
    /// pairs them (`PuzzleQuestionView.click`). Enter submits, as with keys.
    package mutating func click(_ item: Int, context: inout AppContext) -> Route? {
        guard phase == .asking, let question else { return nil }
        if var view = puzzle {
            notice = nil
            let outcome = view.click(item)
            puzzle = view
            answerTouched = true
            return apply(outcome, context: &context)
        }
        guard item == focus else {
            focus = item
            return nil
        }
        return update(question.kind == .multiple ? .character(" ") : .enter, context: &context)
    }

    package func render(context: AppContext, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let (column, width) = area.centeredColumns(maxWidth: 76)
        drawHeader(context: context, into: &buffer, row: area.row, column: column, width: width)
        if phase == .feedback, area.height > 1, let question {
            let right = question.kind.hasChoices ? question.isCorrect(Set(session.writtenIndices(ofQuestion: index, displayed: picked)))
                : session.records[index]?.correct == true
            let verdict = right ? "✓ Correct" + (selfGrade.map { " · marked as \($0.name)" } ?? "") : "✗ Not quite"
            buffer.put(verdict, row: area.row + 1, column: column, style: Style(right ? .correct : .wrong, .bold), maxWidth: width)
            buffer.cursor = (area.row + 1, column)
        }
        let rect = bodyRect(of: area)
        guard rect.height > 0 else { return }
        let (lines, focusRange, choiceLines) = bodyLines(context: context, width: rect.width)
        var top = scroll
        if phase == .asking, let focusRange, puzzle == nil || answerTouched {
            top = Scrolling.reveal(focusRange, from: 0, lineCount: lines.count, height: rect.height)
        }
        top = Scrolling.draw(lines, top: top, in: rect, into: &buffer, keys: phase == .asking ? "↑↓" : "j/k")
        let visible = Scrolling.visibleRows(lineCount: lines.count, height: rect.height)
        for (position, range) in choiceLines.enumerated() {
            for line in range where line >= top && line - top < visible { buffer.targets[rect.row + line - top] = position }
        }
        switch phase {
        case .asking:
            if let focusRange, focusRange.lowerBound >= top,
               focusRange.lowerBound - top < Scrolling.visibleRows(lineCount: lines.count, height: rect.height) {
                buffer.cursor = (rect.row + focusRange.lowerBound - top, rect.column + 2)
            }
        case .summary:
            buffer.cursor = (rect.row + max(0, 0 - top), rect.column)
        case .feedback:
            // Enter reads on before it goes on: say so, and name the explanation
            // while it is still below.
            if pageBeforeGoingOn(context: context) != nil {
                let row = rect.row + Scrolling.visibleRows(lineCount: lines.count, height: rect.height)
                let text = explanationIsBelow(context: context) ? "↓ more: the explanation · Enter or j" : "↓ more · Enter or j"
                buffer.fill(row: row, column: rect.column, width: rect.width, style: .normal)
                buffer.put(text, row: row, column: rect.column, style: Style(.accent, .bold), maxWidth: rect.width)
            }
        }
    }

    private func drawHeader(context: AppContext, into buffer: inout ScreenBuffer, row: Int, column: Int, width: Int) {
        let right: String
        switch phase {
        case .asking, .feedback: right = "Question \(index + 1) of \(session.total)"
        case .summary: right = session.total == 0 ? "" : "Done"
        }
        let rightWidth = DisplayWidth.of(right)
        let leftWidth = max(0, width - rightWidth - (rightWidth > 0 ? 1 : 0))
        buffer.put(DisplayWidth.truncate(headerTitle(course: context.course), to: leftWidth), row: row, column: column, style: Style(.title, .bold))
        if rightWidth <= width {
            buffer.put(right, row: row, column: column + width - rightWidth, style: Style(.dim))
        }
    }

    /// "Quiz · Basics", "Retry · Basics", "Quiz · questions from 3 lessons" or "Review · questions from 3 lessons".
    private func headerTitle(course: Course) -> String {
        let lessonIDs = session.questions.reduce(into: [String]()) { if !$0.contains($1.lessonID) { $0.append($1.lessonID) } }
        let name: String
        if let id = session.lessonID ?? (lessonIDs.count == 1 ? lessonIDs[0] : nil) {
            name = Sanitizer.clean(course.lesson(id: id)?.title ?? id, singleLine: true)
        } else {
            name = "questions from \(lessonIDs.count) lessons"
        }
        return "\(isReview ? "Review" : isRetry ? "Retry" : "Quiz") · \(name)"
    }

    /// Whether each question says which lesson it is from: in reviews and
    /// whenever the questions come from more than one lesson.
    private var showsLesson: Bool {
        isReview || (session.lessonID == nil && Set(session.questions.map(\.lessonID)).count > 1)
    }

    /// "From: Risks after a transplant", above a question of a mixed session.
    private func lessonLine(course: Course, width: Int) -> [StyledLine] {
        guard showsLesson, let question else { return [] }
        let title = Sanitizer.clean(course.lesson(id: question.lessonID)?.title ?? question.lessonID, singleLine: true)
        return [StyledLine([Span(DisplayWidth.truncate("From: " + title, to: width), Style(.dim))])]
    }

    /// "Next review: tomorrow." as of the last answer, or what is still due.
    static func nextReviewText(context: AppContext) -> String {
        let due = context.reviews.dueQuestionIDs.count
        if due > 0 {
            return "Still due now: \(Wording.count(due, "question")) (r on the course map)."
        }
        guard let next = context.reviews.nextDue else { return "No reviews scheduled yet." }
        return "Next review: \(ReviewText.when(next, now: context.reviews.asOf, clock: context.clock))."
    }

    /// The scrolling text of the current phase, and in `.asking` the lines of the focused choice.
    /// (and the lines of each choice, for clicks).
    private func bodyLines(context: AppContext, width: Int) -> (lines: [StyledLine], focus: Range<Int>?, choices: [Range<Int>]) {
        let from = lessonLine(course: context.course, width: width)
        switch phase {
        case .asking:
            let (lines, focus, choices) = askingLines(width: width)
            return (from + lines, focus.map { ($0.lowerBound + from.count)..<($0.upperBound + from.count) },
                    choices.map { ($0.lowerBound + from.count)..<($0.upperBound + from.count) })
        case .feedback: return (from + feedbackLines(width: width).lines, nil, [])
        case .summary: return (summaryLines(context: context, width: width), nil, [])
        }
    }

    /// The prompt, then any scenario paragraphs written between the heading and the choices.
    private func promptLines(_ question: Question, width: Int) -> [StyledLine] {
        var lines = Layout.lines(for: question.prompt, width: width, style: Style(.strong, .bold))
        if !question.scenario.isEmpty {
            lines.append(StyledLine())
            lines += Layout.lines(for: question.scenario, width: width)
        }
        return lines
    }

    private func askingLines(width: Int) -> ([StyledLine], Range<Int>?, [Range<Int>]) {
        guard let question else { return ([], nil, []) }
        var lines = promptLines(question, width: width)
        lines.append(StyledLine())
        let hint: String
        switch question.kind {
        case .multiple: hint = "Select all that apply: space toggles, Enter submits."
        case .trueFalse: hint = focus.map { "Enter answers \($0 + 1). t, f or ↑/↓ change it." } ?? "True or false? Press t or f, then Enter."
        case .single: hint = focus.map { "Enter answers \($0 + 1). Another number or ↑/↓ changes it." } ?? "Press a number (or ↑/↓), then Enter."
        case .order, .match, .typed: hint = puzzle?.hint ?? ""
        }
        if let resumedWith {
            lines += Layout.wrap("Picking up where you left off: \(resumedWith) of \(session.total) answered. n: start over",
                                 width: width, style: Style(.accent, .bold))
        }
        lines += Layout.wrap(notice ?? hint, width: width, style: Style(notice == nil ? .dim : .warning))
        lines.append(StyledLine())
        if let puzzle {
            let start = lines.count
            let (answer, focus, targets) = puzzle.lines(session: session, index: index, width: width)
            return (lines + answer, focus.map { ($0.lowerBound + start)..<($0.upperBound + start) },
                    targets.map { ($0.lowerBound + start)..<($0.upperBound + start) })
        }
        var focusRange: Range<Int>?
        var choiceRanges: [Range<Int>] = []
        for (position, choice) in session.displayedChoices(ofQuestion: index).enumerated() {
            let focused = position == focus
            let number = "\(position + 1). "
            var box = ""
            if question.kind == .multiple { box = selected.contains(position) ? "[x] " : "[ ] " }
            let first = [FocusMarker.span(focused: focused), Span(number + box, Style(focused ? .focus : .normal, focused ? .bold : []))]
            let rest = [Span(String(repeating: " ", count: 2 + DisplayWidth.of(number + box)))]
            let start = lines.count
            lines += Layout.lines(for: choice.text, width: width, style: Style(focused ? .selected : .normal),
                                  firstPrefix: first, restPrefix: rest)
            if focused { focusRange = start..<lines.count }
            choiceRanges.append(start..<lines.count)
        }
        return (lines, focusRange, choiceRanges)
    }

    /// The question answered, every choice marked, how many right answers a
    /// select-all answer found, the explanation and choice feedback, then the keys;
    /// with the line where the explanation (or else the first choice feedback) starts.
    private func feedbackLines(width: Int) -> (lines: [StyledLine], explanation: Int?) {
        guard let question else { return ([], nil) }
        var lines = promptLines(question, width: width)
        lines.append(StyledLine())
        lines += PuzzleQuestionView.feedbackLines(session: session, index: index, width: width)
        let choices = session.displayedChoices(ofQuestion: index)
        for (position, choice) in choices.enumerated() {
            let chosen = picked.contains(position)
            let mark: String
            let style: Style
            if choice.isCorrect { mark = "✓ "; style = Style(.correct) }
            else if chosen { mark = "✗ "; style = Style(.wrong) }
            else { mark = "  "; style = Style(.dim) }
            let number = "\(position + 1). "
            var text = choice.text
            if chosen { text.append(.text(" (your answer)")) }
            // A right answer of a select-all question that was not ticked.
            else if choice.isCorrect && question.kind == .multiple { text.append(.text(" (missed)")) }
            lines += Layout.lines(for: text, width: width, style: style,
                                  firstPrefix: [Span(mark, Style(style.role, .bold)), Span(number, style)],
                                  restPrefix: [Span(String(repeating: " ", count: 2 + number.count))])
        }
        if question.kind == .multiple {
            lines.append(StyledLine())
            lines += Layout.wrap(Self.tally(choices: choices, picked: picked), width: width, style: Style(.strong))
        }
        var explanation: Int?
        if !question.explanation.isEmpty {
            lines.append(StyledLine())
            explanation = lines.count
            lines += Layout.lines(for: question.explanation, width: width)
        }
        for (position, choice) in choices.enumerated() where !choice.feedback.isEmpty && (choice.isCorrect || picked.contains(position)) {
            lines.append(StyledLine())
            if explanation == nil { explanation = lines.count }
            // The wrap gives every line the room the rest prefix leaves: a hanging indent as wide as "About N. ".
            let about = "About \(position + 1). "
            lines += Layout.lines(for: choice.text, width: width, style: Style(.subheading, .bold),
                                  firstPrefix: [Span(about, Style(.subheading, .bold))],
                                  restPrefix: [Span(String(repeating: " ", count: DisplayWidth.of(about)))])
            for var line in Layout.lines(for: choice.feedback, width: max(1, width - 2)) {
                line.spans.insert(Span("  "), at: 0)
                lines.append(line)
            }
        }
        lines.append(StyledLine())
        if answeredRight {
            if let selfGrade {
                let later = selfGrade == .hard ? "sooner" : "later"
                let key = selfGrade == .hard ? "h" : "e"
                lines += Layout.wrap("Marked as \(selfGrade.name): it will come back for review \(later).", width: width, style: Style(.correct))
                lines.append(StyledLine([Span(key, Style(.key, .bold)), Span(" again: clear the mark", Style(.dim))]))
            } else {
                // Explained before it is ever used: what the keys are for and that they are optional.
                lines += Layout.wrap("Optional: was it hard or easy to recall? It sets when the question comes back.", width: width, style: Style(.dim))
                lines += SpanFlow.lines([[Span("h", Style(.key, .bold)), Span(": hard, back sooner", Style(.dim))],
                                         [Span("e", Style(.key, .bold)), Span(": easy, back later", Style(.dim))]], width: width)
            }
        }
        let last = nextQuestion == nil
        lines.append(StyledLine([Span("Enter", Style(.key, .bold)), Span(last ? ": see your score" : ": next question", Style(.dim))]))
        return (lines, explanation)
    }

    /// "You ticked 2 of the 3 right answers, and 1 that is not right." A
    /// select-all answer counts as right only when it is exactly right (no partial
    /// credit in the score): this line says how close it was.
    static func tally(choices: [Choice], picked: Set<Int>) -> String {
        let right = choices.indices.filter { choices[$0].isCorrect }
        let found = right.filter { picked.contains($0) }.count
        let wrong = picked.filter { choices.indices.contains($0) && !choices[$0].isCorrect }.count
        if found == right.count && wrong == 0 { return "You ticked all \(right.count) right answers and nothing else." }
        var text = "You ticked \(found) of the \(right.count) right answers"
        text += wrong == 0 ? "." : wrong == 1 ? ", and 1 that is not right." : ", and \(wrong) that are not right."
        return text + " It counts as right only with every right answer and nothing else."
    }

    /// Where Enter on feedback scrolls before it goes on: a page further while the
    /// feedback runs on below the screen (at 40×12 the explanation often does);
    /// nil once its end is in view.
    private func pageBeforeGoingOn(context: AppContext) -> Int? {
        guard phase == .feedback else { return nil }
        let (count, height) = bodyMetrics(context: context)
        let top = Scrolling.clamp(scroll, lineCount: count, height: height)
        guard top < Scrolling.maxTop(lineCount: count, height: height) else { return nil }
        return Scrolling.top(after: .pageDown, from: top, lineCount: count, height: height)
    }

    /// Whether the explanation (or else the first choice feedback) starts below what the screen shows.
    private func explanationIsBelow(context: AppContext) -> Bool {
        let rect = bodyRect(of: context.screenArea)
        let from = lessonLine(course: context.course, width: rect.width).count
        let (lines, explanation) = feedbackLines(width: rect.width)
        guard let explanation else { return false }
        let count = from + lines.count
        let top = Scrolling.clamp(scroll, lineCount: count, height: rect.height)
        return from + explanation >= top + Scrolling.visibleRows(lineCount: count, height: rect.height)
    }

    /// The summary's first lines, in the words of `ProgressMeasures`: a lesson's
    /// whole quiz gives its quiz score ("Quiz score: 7/9 (78%)"), a retry or a
    /// review just how many were right; then what is remembered now of the lesson
    /// (of the course, after a review), as the course map and progress review show it.
    static func measureLines(session: QuizSession, isReview: Bool, context: AppContext, width: Int) -> [StyledLine] {
        let correct = session.correctCount
        let answered = session.answeredCount
        let headline: String
        if isReview {
            headline = "Reviewed \(Wording.count(answered, "question")): \(correct) right."
        } else if let lessonID = session.lessonID, session.fullQuizLessons.contains(lessonID) {
            let score = QuizScore(correct: correct, total: session.total)
            headline = "\(ProgressMeasures.quizScoreName): \(score.fraction) (\(score.percent)%)"
        } else {
            headline = "Retried \(Wording.count(session.total, "question")): \(correct) right."
        }
        var lines = Layout.wrap(headline, width: width, style: Style(.strong, .bold))
        let lessonID = isReview ? nil : session.lessonID ?? Set(session.questions.map(\.lessonID)).first.flatMap { id in
            session.questions.allSatisfy { $0.lessonID == id } ? id : nil
        }
        let mastery = lessonID.map { context.reviews.mastery(lessonID: $0) } ?? context.reviews.overallMastery
        if mastery.total > 0 {
            lines += SpanFlow.lines([[Span(ProgressMeasures.rememberedNowName + ":")],
                                     ReviewText.rememberedSpans(mastery, barWidth: 10, labeled: false),
                                     [Span(lessonID == nil ? "of the course's questions" : "of this lesson's questions", Style(.dim))]],
                                    width: width, gap: 1)
        }
        return lines
    }

    private func summaryLines(context: AppContext, width: Int) -> [StyledLine] {
        guard session.total > 0 else {
            return Layout.wrap(isReview ? "No reviews are due now." : "There are no questions to ask here.", width: width)
                + [StyledLine(), StyledLine([Span("Enter", Style(.key, .bold)), Span(": back", Style(.dim))])]
        }
        var lines: [StyledLine] = []
        let answered = session.answeredCount
        lines += Self.measureLines(session: session, isReview: isReview, context: context, width: width)
        if answered < session.total {
            lines += Layout.wrap("\(session.total - answered) not answered.", width: width, style: Style(.dim))
        }
        if isReview {
            let due = context.reviews.dueQuestionIDs.count
            let text = due > 0 ? "\(due) more due — do them later, or press c to keep going." : Self.nextReviewText(context: context)
            lines += Layout.wrap(text, width: width, style: Style(.accent, .bold))
        }
        let missed = session.missedQuestions
        lines.append(StyledLine())
        if missed.isEmpty {
            lines += Layout.wrap(answered == session.total ? "✓ Every answer was right." : "No wrong answers so far.", width: width, style: Style(.correct, .bold))
        } else {
            lines += Layout.wrap("Missed (\(missed.count)):", width: width, style: Style(.heading, .bold))
            for q in missed {
                let prompt = Sanitizer.clean(q.prompt.plainText, singleLine: true)
                lines.append(StyledLine([Span("✗ ", Style(.wrong, .bold)), Span(DisplayWidth.truncate(prompt, to: max(0, width - 2)))]))
            }
        }
        if let notice {
            lines.append(StyledLine())
            lines += Layout.wrap(notice, width: width, style: Style(.warning))
        }
        lines += nextStepLines(course: context.course, width: width)
        lines.append(StyledLine())
        if isReview, !context.reviews.dueQuestionIDs.isEmpty {
            lines.append(StyledLine([Span("c", Style(.key, .bold)), Span(": keep going with the next questions due", Style(.dim))]))
        }
        lines.append(StyledLine([Span("Enter", Style(.key, .bold)), Span(" or ", Style(.dim)), Span("q", Style(.key, .bold)), Span(": back", Style(.dim))]))
        return lines
    }

    // MARK: Next step

    /// What the score suggests doing next.
    enum NextStep: Sendable, Hashable {
        /// Re-read the lesson(s), at the sections the missed questions come from.
        case reread
        /// Retry the missed questions.
        case retry
        /// Read the missed questions with their right answers (`MistakesScreen`).
        case mistakes
        /// Go on to the next lesson in course order.
        case nextLesson
    }

    /// Below this score (percent) re-reading comes before retrying.
    static let rereadBelow = 70

    /// The steps that fit the result, best first: all right, the next lesson; a
    /// low score, re-read first; otherwise retry the missed ones first.
    func nextSteps(course: Course) -> [NextStep] {
        guard phase == .summary, session.total > 0 else { return [] }
        let next: [NextStep] = nextLesson(course: course) == nil ? [] : [.nextLesson]
        guard !session.missedQuestions.isEmpty else { return next }
        let steps: [NextStep] = session.scorePercent < Self.rereadBelow ? [.reread, .mistakes, .retry] : [.retry, .mistakes, .reread]
        return steps + next
    }

    /// The lesson after this quiz's lesson in course order; nil in reviews and
    /// quizzes mixing lessons, and after the last lesson.
    func nextLesson(course: Course) -> Lesson? {
        guard !isReview, let lessonID = session.lessonID,
              let i = course.lessons.firstIndex(where: { $0.id == lessonID }), i + 1 < course.lessons.count else { return nil }
        return course.lessons[i + 1]
    }

    /// The lessons of the missed questions (in the order first missed), each with
    /// the sections those questions come from, in lesson order.
    /// Found once, when the score is first shown: each lesson's sections are
    /// read once, not on every keystroke.
    static func rereading(_ missed: [Question], course: Course) -> [Reread] {
        var result: [Reread] = []
        var sectionsOf: [String: [(section: QuestionSection.Section, words: Set<String>)]] = [:]
        for question in missed {
            guard let lesson = course.lesson(id: question.lessonID) else { continue }
            if !result.contains(where: { $0.lessonID == lesson.id }) { result.append(Reread(lessonID: lesson.id)) }
            let sections = sectionsOf[lesson.id] ?? QuestionSection.sections(of: lesson)
            sectionsOf[lesson.id] = sections
            guard let section = QuestionSection.section(of: question, among: sections),
                  let i = result.firstIndex(where: { $0.lessonID == lesson.id }),
                  !result[i].sections.contains(section) else { continue }
            result[i].sections.append(section)
            result[i].sections.sort { $0.block < $1.block }
        }
        return result
    }

    /// A lesson to re-read and the sections of it the missed questions come from, in lesson order.
    package struct Reread: Sendable, Hashable {
        package var lessonID: String
        package var sections: [QuestionSection.Section] = []
    }

    /// "Next step" and the first step, then "Or:" and the others, each with its key.
    private func nextStepLines(course: Course, width: Int) -> [StyledLine] {
        let steps = nextSteps(course: course)
        guard !steps.isEmpty else { return [] }
        var lines: [StyledLine] = [StyledLine()]
        lines += Layout.wrap("Next step", width: width, style: Style(.heading, .bold))
        for (i, step) in steps.enumerated() {
            if i == 1 { lines += Layout.wrap("Or:", width: width, style: Style(.dim)) }
            let (key, text) = stepText(step, course: course)
            lines += Layout.wrap(text, width: width, style: Style(i == 0 ? .strong : .normal),
                                 firstPrefix: [Span(key, Style(.key, .bold)), Span(": ", Style(.dim))],
                                 restPrefix: [Span(String(repeating: " ", count: DisplayWidth.of(key) + 2))])
        }
        return lines
    }

    private func stepText(_ step: NextStep, course: Course) -> (key: String, text: String) {
        switch step {
        case .reread:
            let lessons = rereading.map { entry in
                let title = "“" + Sanitizer.clean(course.lesson(id: entry.lessonID)?.title ?? entry.lessonID, singleLine: true) + "”"
                // A few sections say where to look; a long list would not.
                var names = entry.sections.map(\.title)
                if names.count > 4 { names = names.prefix(3) + ["and \(names.count - 3) more parts"] }
                return names.isEmpty ? title : title + " (" + names.joined(separator: "; ") + ")"
            }
            return ("l", "re-read " + lessons.joined(separator: " and "))
        case .retry:
            return ("r", "retry the \(Wording.count(session.missedQuestions.count, "missed question"))")
        case .mistakes:
            return ("m", "see what you missed, with the right answers")
        case .nextLesson:
            guard let next = nextLesson(course: course) else { return ("c", "") }
            let number = (course.lessons.firstIndex { $0.id == next.id } ?? 0) + 1
            return ("c", "go on to lesson \(number), “\(Sanitizer.clean(next.title, singleLine: true))”")
        }
    }
}
