import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

@Suite struct ProgressReviewTests {
    typealias F = QuizTestCourse
    static let day: TimeInterval = 86_400

    static func record(_ question: String, _ lesson: String, _ correct: Bool, daysAgo: Int, attempt: String, total: Int, minute: Int = 0) -> AnswerRecord {
        AnswerRecord(course: "hsct", lesson: lesson, question: question, chosen: [0], correct: correct,
                     time: F.now.addingTimeInterval(-Double(daysAgo) * day + Double(minute) * 60), attempt: attempt, attemptTotal: total)
    }

    /// Whole quiz attempts on today and the two days before (a 3-day streak), 10 and 30 days ago.
    static let history: [AnswerRecord] = {
        var r: [AnswerRecord] = []
        func attempt(_ id: String, _ lesson: String, _ answers: [(String, Bool)], daysAgo: Int) {
            for (i, a) in answers.enumerated() {
                r.append(record(a.0, lesson, a.1, daysAgo: daysAgo, attempt: id, total: answers.count, minute: i))
            }
        }
        let whatIs = ["q-sibling-type", "q-sources-all", "q-gvl-true"]
        let risks = ["r-gvhd", "r-infection", "r-benefit-mix"]
        for i in 0..<8 { attempt("old\(i)", "risks", risks.map { ($0, true) }, daysAgo: 30) }
        attempt("w1", "what-is", zip(whatIs, [false, false, true]).map { ($0, $1) }, daysAgo: 10)
        attempt("w2", "what-is", zip(whatIs, [false, true, true]).map { ($0, $1) }, daysAgo: 10)
        for i in 0..<4 { attempt("r\(i)", "risks", zip(risks, [i == 3, true, i != 0]).map { ($0, $1) }, daysAgo: 2) }
        attempt("r9", "risks", zip(risks, [false, true, true]).map { ($0, $1) }, daysAgo: 1)
        attempt("w3", "what-is", zip(whatIs, [false, true, true]).map { ($0, $1) }, daysAgo: 0)
        // An answer to a question the course no longer has.
        r.append(record("retired", "what-is", false, daysAgo: 0, attempt: "x", total: 1))
        return r.sorted { $0.time < $1.time }
    }()

    static func context(columns: Int = 80, rows: Int = 24) -> AppContext {
        var c = F.context(columns: columns, rows: rows)
        c.courseProgress[lesson: "what-is"].finished = F.now
        c.refreshPlan(records: history)
        return c
    }

    static func screen(_ history: [AnswerRecord] = history) -> ProgressReviewScreen {
        ProgressReviewScreen(history: history, clock: .utc)
    }

    // MARK: Snapshots

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            let empty = F.context(columns: columns, rows: rows)
            assertSnapshot(F.render(Self.screen([]), context: empty), named: "progress-review-empty-\(columns)x\(rows)")
            var context = Self.context(columns: columns, rows: rows)
            var review = Self.screen()
            assertSnapshot(F.render(review, context: context), named: "progress-review-history-\(columns)x\(rows)")
            _ = review.update(.end, context: &context)
            assertSnapshot(F.render(review, context: context), named: "progress-review-history-end-\(columns)x\(rows)")
        }
        // The middle of the narrow screen: the missed list.
        var context = Self.context(columns: 40, rows: 12)
        var review = Self.screen()
        for _ in 0..<24 { _ = review.update(.ch("j"), context: &context) }
        assertSnapshot(F.render(review, context: context), named: "progress-review-missed-40x12")
    }

    @Test func fullHeightShowsEverything() {
        // A tall screen shows the whole review: check its facts as text.
        let context = Self.context(columns: 80, rows: 60)
        let text = F.render(Self.screen(), context: context).text
        #expect(text.contains("What you know about the benefits and the risks"))
        #expect(text.contains("About the risks"))
        // A record of study days, with no streak to keep up.
        #expect(text.contains("Studied on 5 days in these 12 weeks, the last today."))
        #expect(!text.contains("streak"))
        // The two measures, and no others.
        #expect(text.contains("Quizzes taken: 2 of 3 (each lesson's quiz score is below)."))
        let rows = text.split(separator: "\n").map(String.init)
        let header = rows.first { $0.contains("Lesson ") } ?? ""
        #expect(["Read", "Quiz score", "Remembered now"].allSatisfy(header.contains), "\(header)")
        let risks = rows.first { $0.contains("2. Risks after a transplant") } ?? ""
        #expect(["· not yet", " 3/3 ", "███████░░░ 2/3"].allSatisfy(risks.contains), "\(risks)")
        #expect(text.contains("Remembered now:"))
        for old in ["mastery", "Mastered", "latest try", "% right", "answers right"] { #expect(!text.contains(old), "\(old)") }
        #expect(text.contains("✓ read"))
        #expect(text.contains("· not yet"))
        #expect(text.contains("Answers a day:"))
    }

    // MARK: Keys

    @Test func qAndEscGoBackAndQuestionMarkHelps() {
        var context = Self.context()
        var review = Self.screen()
        #expect(review.update(.ch("q"), context: &context) == .back)
        #expect(review.update(.escape, context: &context) == .back)
        #expect(review.update(.ch("?"), context: &context) == .openHelp)
    }

    @Test func numbersRetryOneMissedQuestion() {
        var context = Self.context()
        var review = Self.screen()
        // r-gvhd missed 4 times, q-sibling-type 3, then two missed once (the larger share first).
        let missed = Scoring.mostMissed(records: Self.history, course: context.course, limit: 9).map(\.questionID)
        #expect(missed == ["r-gvhd", "q-sibling-type", "q-sources-all", "r-benefit-mix"])
        #expect(review.update(.ch("1"), context: &context) == .openQuiz(lessonID: nil, questionIDs: [missed[0]]))
        #expect(review.update(.ch("3"), context: &context) == .openQuiz(lessonID: nil, questionIDs: [missed[2]]))
        #expect(review.selection == 2)
        #expect(review.update(.ch("5"), context: &context) == nil)
        #expect(review.notice == "There is no question 5 in the list.")
        #expect(review.update(.ch("0"), context: &context) == nil)
    }

    @Test func enterAndRRetryTheSelectedAndARetriesAll() {
        var context = Self.context(columns: 80, rows: 60)
        var review = Self.screen()
        let missed = Scoring.mostMissed(records: Self.history, course: context.course, limit: 9).map(\.questionID)
        #expect(review.update(.enter, context: &context) == .openQuiz(lessonID: nil, questionIDs: [missed[0]]))
        _ = review.update(.ch("j"), context: &context)
        #expect(review.selection == 1)
        #expect(review.update(.ch("r"), context: &context) == .openQuiz(lessonID: nil, questionIDs: [missed[1]]))
        _ = review.update(.down, context: &context)
        _ = review.update(.down, context: &context)
        #expect(review.selection == 3)
        _ = review.update(.down, context: &context)
        #expect(review.selection == 3)
        _ = review.update(.ch("k"), context: &context)
        _ = review.update(.up, context: &context)
        _ = review.update(.up, context: &context)
        _ = review.update(.up, context: &context)
        #expect(review.selection == 0)
        #expect(review.update(.ch("a"), context: &context) == .openQuiz(lessonID: nil, questionIDs: missed))
    }

    @Test func withoutHistoryRetryKeysExplain() {
        var context = F.context()
        var review = Self.screen([])
        for key in [Key.enter, .ch("r"), .ch("a"), .ch("1")] {
            #expect(review.update(key, context: &context) == nil)
            #expect(review.notice == "No missed questions to retry yet.")
        }
        #expect(F.render(review, context: context).text.contains("No missed questions to retry yet."))
        _ = review.update(.ch("x"), context: &context)
        #expect(review.notice == nil)
    }

    @Test func jAndKScrollUntilTheListThenMoveTheSelection() {
        var context = Self.context(columns: 40, rows: 12)
        var review = Self.screen()
        _ = review.update(.ch("j"), context: &context)
        #expect(review.scroll == 1)
        #expect(review.selection == 0)
        var steps = 1
        while review.selection == 0 && steps < 60 {
            _ = review.update(.ch("j"), context: &context)
            steps += 1
        }
        #expect(review.selection == 1)
        let buffer = F.render(review, context: context)
        let cursor = try! #require(buffer.cursor)
        #expect(buffer.line(cursor.row).contains("▸ 2."))
        // Past the list, j scrolls on to the end.
        for _ in 0..<80 { _ = review.update(.ch("j"), context: &context) }
        #expect(review.selection == 3)
        let bottom = review.scroll
        _ = review.update(.ch("G"), context: &context)
        #expect(review.scroll == bottom)
        // And k comes all the way back.
        for _ in 0..<80 { _ = review.update(.ch("k"), context: &context) }
        #expect(review.scroll == 0)
        #expect(review.selection == 0)
    }

    @Test func pageKeys() {
        var context = Self.context(columns: 40, rows: 12)
        var review = Self.screen()
        _ = review.update(.pageDown, context: &context)
        let page = review.scroll
        #expect(page > 1)
        _ = review.update(.ch(" "), context: &context)
        #expect(review.scroll == 2 * page)
        _ = review.update(.ch("b"), context: &context)
        #expect(review.scroll == page)
        _ = review.update(.pageUp, context: &context)
        #expect(review.scroll == 0)
        _ = review.update(.end, context: &context)
        let end = review.scroll
        #expect(end > 2 * page)
        _ = review.update(.home, context: &context)
        #expect(review.scroll == 0)
        _ = review.update(.ch("G"), context: &context)
        #expect(review.scroll == end)
        _ = review.update(.ch("g"), context: &context)
        #expect(review.scroll == 0)
        for key in [Key.ch("x"), .left, .right, .tab, .backspace, .control("n")] {
            #expect(review.update(key, context: &context) == nil)
            #expect(review.scroll == 0)
        }
    }

    @Test func tinySizesDoNotCrash() {
        for (columns, rows) in [(1, 1), (3, 2), (10, 4), (20, 5)] {
            var context = Self.context(columns: columns, rows: rows)
            var review = Self.screen()
            _ = F.render(review, context: context)
            _ = review.update(.ch("j"), context: &context)
            _ = review.update(.end, context: &context)
            _ = F.render(review, context: context)
        }
    }

    // MARK: Pages

    /// The tops PgDn visits from the top, each with its screen.
    static func pages(columns: Int, rows: Int) -> (tops: [Int], screens: [String], end: Int, context: AppContext) {
        var context = Self.context(columns: columns, rows: rows)
        var review = Self.screen()
        var tops = [0]
        var screens = [F.render(review, context: context).text]
        while true {
            _ = review.update(.pageDown, context: &context)
            if review.scroll == tops.last { break }
            tops.append(review.scroll)
            screens.append(F.render(review, context: context).text)
        }
        var ended = Self.screen()
        _ = ended.update(.end, context: &context)
        return (tops, screens, ended.scroll, context)
    }

    @Test func pagingNeverSplitsTheForecastOrTheCalendarFromItsHeading() {
        for (columns, rows) in [(80, 24), (80, 30), (120, 24), (60, 20), (40, 12), (40, 16)] {
            let (tops, screens, end, context) = Self.pages(columns: columns, rows: rows)
            #expect(tops.count > 1, "\(columns)x\(rows)")
            // End shows the last page PgDn reaches.
            #expect(end == tops.last, "\(columns)x\(rows)")
            // Every kept run (a heading with its chart or calendar, a missed question) is wholly on each page or wholly off it.
            let review = Self.screen()
            let body = review.bodyRect(of: context.screenArea)
            let content = review.content(context: context, width: body.width, height: body.height)
            let visible = Scrolling.visibleRows(lineCount: content.lines.count, height: body.height)
            #expect(!content.keeps.isEmpty)
            for top in tops {
                for run in content.keeps where run.count < visible {
                    // A page's first line repeats the last of the page before (for context): that may be a run's last line.
                    let shown = run.filter { $0 >= top && $0 < top + visible }.count
                    let repeated = shown == 1 && run.last == top && tops.contains { $0 + visible - 1 == top }
                    #expect(shown == 0 || shown == run.count || repeated, "\(columns)x\(rows): lines \(run) split at top \(top)")
                }
            }
            // As the learner sees it: the forecast's heading is on a page with its bars and weekdays.
            if columns >= 60 {
                let forecast = screens.filter { $0.contains("Reviews, next 14 days") }
                #expect(!forecast.isEmpty)
                for page in forecast {
                    #expect(page.contains("Th Fr Sa Su Mo Tu We") && page.contains("reviews in 14 days"), "\(columns)x\(rows):\n\(page)")
                }
                for page in screens where page.contains("Th Fr Sa Su Mo Tu We") {
                    #expect(page.contains("Reviews, next 14 days"), "\(columns)x\(rows):\n\(page)")
                }
                for page in screens where page.contains("Study days, last") {
                    #expect(page.contains("Answers a day:"), "\(columns)x\(rows):\n\(page)")
                }
            }
        }
    }

    @Test func pageUpRetracesThePages() {
        let (tops, _, _, _) = Self.pages(columns: 80, rows: 24)
        var context = Self.context(columns: 80, rows: 24)
        var review = Self.screen()
        _ = review.update(.end, context: &context)
        var back = [review.scroll]
        while review.scroll > 0 {
            _ = review.update(.pageUp, context: &context)
            back.append(review.scroll)
        }
        #expect(back.reversed() == tops)
        // From a line scrolled with j, PgDn goes on to the next page boundary, not past one.
        _ = review.update(.ch("j"), context: &context)
        let afterJ = review.scroll
        _ = review.update(.pageDown, context: &context)
        #expect(review.scroll == tops[1] && afterJ < tops[1])
    }

    @Test func wideTerminalsShowWholeQuestionsAndTitles() {
        let context = Self.context(columns: 160, rows: 45)
        let text = F.render(Self.screen(), context: context).text
        #expect(!text.contains("…"), "\(text)")
        #expect(text.contains("2. Maria's sister is a full HLA match and gives her stem cells. Which type of transplant is"))
        // Centered, at most 100 columns wide.
        let rows = text.split(separator: "\n").dropLast()
        #expect(rows.allSatisfy { $0.prefix(30).allSatisfy { $0 == " " } || $0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= 130 })
        // At 80 columns too, a question is wrapped, never cut: no page shows "…".
        let (_, screens, _, _) = Self.pages(columns: 80, rows: 24)
        for page in screens { #expect(!page.contains("…"), "\(page)") }
    }

    // MARK: Help

    @Test func helpExplainsTheTwoMeasuresWhereProgressIsShown() {
        let context = Self.context()
        func helpText(_ screen: any Screen) -> String {
            HelpScreen(for: screen).content(area: Rect(row: 0, column: 0, width: 80, height: 24)).0.map(\.plainText).joined(separator: "\n")
        }
        for screen: any Screen in [Self.screen(), CourseMapScreen(context: context)] {
            let text = helpText(screen)
            #expect(text.contains("Your progress, in two measures"), "\(text)")
            // The symbols as the screens draw them, then what they mean.
            #expect(text.contains("Quiz score (● quiz 7/9): how many of a lesson's quiz questions you got right"), "\(text)")
            #expect(text.contains("Remembered now (███░░ remembered 3/5): the questions you answered right the"), "\(text)")
        }
        #expect(!helpText(GlossaryScreen()).contains("two measures"))
    }

    // MARK: Heatmap

    @Test func heatLevels() {
        #expect([0, 1, 4, 5, 9, 10, 19, 20, 500].map(Heatmap.level(answers:)) == [0, 1, 1, 2, 2, 3, 3, 4, 4])
    }

    @Test func gridEndsWithTheCurrentWeek() {
        let today = StudyDay(year: 2026, month: 11, day: 26)  // a Thursday
        #expect(today.weekday == 4)
        let first = Heatmap.firstDay(today: today, weeks: 12)
        #expect(first.weekday == 1)
        #expect(first == StudyDay(year: 2026, month: 9, day: 7))
        let lines = Heatmap.lines(answersPerDay: [today: 3, first: 25], today: today, weeks: 12, width: 76)
        #expect(lines.count == 9)
        // October over the week of Monday 28 September, which holds the 1st.
        #expect(lines[0].plainText.hasPrefix("    Sep   Oct"))
        #expect(lines[1].plainText.hasPrefix("Mon █ · "))
        // Thursday's row ends with today; Friday's with a blank (the future).
        #expect(lines[4].plainText.hasSuffix("░ "))
        #expect(lines[5].plainText.hasSuffix("·   "))
        #expect(lines[8].plainText == "Answers a day:  · 0  ░ 1–4  ▒ 5–9  ▓ 10–19  █ 20+")
    }
}
