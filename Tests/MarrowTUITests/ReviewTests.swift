import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Reviews in the app: "Review: N due" on the course map, the review session
/// over due questions from several lessons, hard/easy after a right answer,
/// retrying mistakes, mastery bars and the 14-day forecast.
@Suite struct ReviewTests {
    typealias F = QuizTestCourse
    static let day: TimeInterval = 86_400

    static func record(_ question: String, _ lesson: String, _ correct: Bool, ago: TimeInterval, attempt: String, total: Int) -> AnswerRecord {
        AnswerRecord(course: "hsct", lesson: lesson, question: question, chosen: [0], correct: correct,
                     time: F.now.addingTimeInterval(-ago), attempt: attempt, attemptTotal: total)
    }

    /// The "What a transplant is" quiz five days ago (one wrong), and the risks
    /// quiz a day and an hour ago (one wrong): the what-is questions and the
    /// missed risk are due now; the other two risks fall due later.
    static let history: [AnswerRecord] = [
        record("q-sibling-type", "what-is", false, ago: 5 * day, attempt: "w1", total: 3),
        record("q-sources-all", "what-is", true, ago: 5 * day - 60, attempt: "w1", total: 3),
        record("q-gvl-true", "what-is", true, ago: 5 * day - 120, attempt: "w1", total: 3),
        record("r-gvhd", "risks", true, ago: day + 3600, attempt: "r1", total: 3),
        record("r-infection", "risks", false, ago: day + 3540, attempt: "r1", total: 3),
        record("r-benefit-mix", "risks", true, ago: day + 3480, attempt: "r1", total: 3),
    ]

    /// Everything answered right an hour ago: nothing due for a few days.
    static let allRightRecently: [AnswerRecord] = F.course().allQuestions.enumerated().map { i, q in
        record(q.id, q.lessonID, true, ago: 3600 - Double(i), attempt: "all-\(q.lessonID)",
               total: F.course().lesson(id: q.lessonID)!.quiz.count)
    }

    /// The app on the course map of a returning learner, with the answer log read.
    static func state(_ history: [AnswerRecord], columns: Int = 80, rows: Int = 24) -> AppState {
        var progress = LearnerProgress()
        progress[course: "hsct"].disclaimerSeen = true
        for record in history { progress.apply(record) }
        let size = Size(columns: columns, rows: rows)
        var state = AppState(context: F.context(columns: columns, rows: rows, progress: progress), size: size)
        state.setAnswerHistory(history)
        return state
    }

    func render(_ state: AppState) -> ScreenBuffer { App.render(state, size: state.size) }

    func effects(_ state: AppState) -> (answers: [AnswerRecord], grades: [AnswerGrade]) {
        var answers: [AnswerRecord] = [], grades: [AnswerGrade] = []
        for effect in state.context.effects {
            if case .recordAnswer(let r) = effect { answers.append(r) }
            if case .recordGrade(let g) = effect { grades.append(g) }
        }
        return (answers, grades)
    }

    // MARK: The course map

    @Test func planIsComputedWhenTheLogIsReadNotBefore() {
        var progress = LearnerProgress()
        progress[course: "hsct"].disclaimerSeen = true
        var state = AppState(context: F.context(progress: progress), size: Size(columns: 80, rows: 24))
        #expect(state.needsAnswerHistory)
        #expect(state.context.plan.dueQuestionIDs.isEmpty)
        #expect(!render(state).text.contains("Review"))
        state.setAnswerHistory(Self.history)
        #expect(!state.needsAnswerHistory)
        #expect(state.context.plan.dueQuestionIDs == ["q-sibling-type", "q-sources-all", "q-gvl-true", "r-infection"])
    }

    @Test(arguments: [(80, 24), (40, 12)]) func courseMapWithReviewsDue(columns: Int, rows: Int) {
        let state = Self.state(Self.history, columns: columns, rows: rows)
        let buffer = render(state)
        #expect(buffer.text.contains("Review: 4 due"))
        assertSnapshot(buffer, named: "course-map-reviews-due-\(columns)x\(rows)")
    }

    @Test(arguments: [(80, 24), (40, 12)]) func courseMapWithNoReviewsDue(columns: Int, rows: Int) {
        let state = Self.state(Self.allRightRecently, columns: columns, rows: rows)
        let text = render(state).text
        #expect(text.contains("No reviews due — next in 2 days"))
        #expect(!text.contains("Review:"))
        assertSnapshot(render(state), named: "course-map-no-reviews-due-\(columns)x\(rows)")
        // r says so instead of opening an empty session.
        let pressed = press("r", in: state)
        #expect(pressed.top is CourseMapScreen)
        #expect(render(pressed).text.contains("No reviews due — next in 2 days"))
    }

    @Test func planIsRecomputedOnReturnToTheCourseMapNotWhileDrawing() {
        var state = Self.state(Self.allRightRecently)
        #expect(render(state).text.contains("No reviews due — next in 2 days"))
        // Three days pass with the app open: drawing alone changes nothing…
        state.context.now = F.now.addingTimeInterval(3 * Self.day)
        #expect(render(state).text.contains("No reviews due — next in 2 days"))
        // …coming back to the course map recomputes the plan.
        state = press([.enter, .character("q")], in: state)
        #expect(state.top is CourseMapScreen)
        #expect(render(state).text.contains("Review: 7 due"))
    }

    @Test func newLearnerSeesNoReviewLineAndRExplains() {
        let state = Self.state([])
        #expect(!render(state).text.contains("Review:"))
        #expect(!render(state).text.contains("No reviews due"))
        let pressed = press("r", in: state)
        #expect((pressed.top as? CourseMapScreen)?.message == "Nothing to review yet: take a lesson's quiz first.")
        let x = press("x", in: state)
        #expect((x.top as? CourseMapScreen)?.message == "No answers yet: take a lesson's quiz first.")
    }

    @Test func rememberedBarsFitEightyColumnsAndTheSelectedLessonAtForty() {
        // Just answered right: every question is remembered now (recall 100% today).
        let wide = render(Self.state(Self.allRightRecently)).text
        #expect(wide.contains("█████ remembered 3/3"))
        for line in wide.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80) }
        let narrow = Self.state(Self.history, columns: 40, rows: 12)
        let text = render(narrow).text
        #expect(!text.contains("6 min"))
        // The lesson rows stay as they were; what the selected lesson's is remembered has its own row.
        #expect(text.contains("Lesson 1 "))
        let risks = render(press("j", in: narrow)).text
        #expect(risks.contains("Lesson 2 "))
    }

    @Test func rememberedNowIsTheShareRecalledWithNinetyPercentToday() {
        let state = Self.state(Self.history)
        let plan = state.context.plan
        // Wrong answers are not mastered; right answers long ago have faded below 90%.
        #expect(plan.mastery(lessonID: "what-is").mastered == 0)
        #expect(plan.mastery(lessonID: "risks") == Mastery(mastered: 2, total: 3))
        #expect(render(state).text.contains("remembered 2/3"))
    }

    // MARK: The review session

    @Test func reviewSessionMixesDueQuestionsFromTwoLessonsThenSaysWhenTheNextAreDue() {
        var state = press("r", in: Self.state(Self.history))
        let quiz = try! #require(state.top as? QuizScreen)
        #expect(quiz.isReview)
        #expect(quiz.session.questions.map(\.id) == ["q-sibling-type", "q-sources-all", "q-gvl-true", "r-infection"])
        #expect(quiz.session.lessonID == nil)
        var text = render(state).text
        #expect(text.contains("Review · questions from 2 lessons"))
        #expect(text.contains("From: What a transplant is"))
        assertSnapshot(render(state), named: "review-question-80x24")
        // Right (Allogeneic is the second written choice; shuffling is off).
        state = press([.character("2"), .enter], in: state)
        text = render(state).text
        #expect(text.contains("✓ Correct"))
        #expect(text.contains("From: What a transplant is"))
        state = press([.enter], in: state)
        // Wrong: only "Skin" ticked.
        state = press([.character("4"), .enter], in: state)
        #expect(render(state).text.contains("✗ Not quite"))
        state = press([.enter, .character("t"), .enter, .enter], in: state)
        text = render(state).text
        #expect(text.contains("From: Risks after a transplant"))
        assertSnapshot(render(state), named: "review-question-other-lesson-80x24")
        state = press([.character("t"), .enter], in: state)
        state = press([.enter], in: state)
        let summary = try! #require(state.top as? QuizScreen)
        #expect(summary.phase == .summary)
        #expect(effects(state).answers.map(\.lesson) == ["what-is", "what-is", "what-is", "risks"])
        // The plan was recomputed after each answer: nothing due now, the missed one tomorrow.
        #expect(state.context.plan.dueQuestionIDs.isEmpty)
        text = render(state).text
        #expect(text.contains("Reviewed 4 questions: 3 right"))
        #expect(text.contains("Next review: tomorrow."))
        assertSnapshot(render(state), named: "review-summary-80x24")
        // Back on the course map.
        let map = press([.enter], in: state)
        #expect(map.top is CourseMapScreen)
        #expect(render(map).text.contains("No reviews due — next tomorrow"))
        // A review of one risk question is not a lesson score: the risks quiz stays 2 of 3.
        let risksRow = render(map).text.split(separator: "\n").first { $0.contains("Risks after a transplant") } ?? ""
        #expect(risksRow.contains("● quiz 2/3"), "\(risksRow)")
    }

    @Test func reviewSummarySaysWhenMoreAreStillDue() {
        var state = press("r", in: Self.state(Self.history))
        state = press([.character("2"), .enter, .character("q")], in: state)
        // Left after one answer: three still due.
        #expect(state.top is CourseMapScreen)
        #expect(render(state).text.contains("Review: 3 due"))
    }

    // MARK: Hard and easy

    @Test func hardOrEasyAfterARightAnswerRecordsAGrade() {
        var state = press("r", in: Self.state(Self.history))
        state = press([.character("2"), .enter], in: state)
        let before = state.context.plan.schedules["q-sibling-type"]!
        let quiz = try! #require(state.top as? QuizScreen)
        #expect(quiz.statusKeys.map(\.keys).prefix(3) == ["Enter", "h", "e"])
        // Explained before it is used.
        #expect(render(state).text.contains("Optional: was it hard or easy to recall?"))
        #expect(render(state).text.contains("h: hard, back sooner"))
        state = press("h", in: state)
        let grades = effects(state).grades
        #expect(grades.count == 1)
        #expect(grades.first?.rating == .hard)
        #expect(grades.first?.question == "q-sibling-type")
        #expect(grades.first?.attempt == quiz.session.attemptID)
        var text = render(state).text
        #expect(text.contains("✓ Correct · marked as hard"))
        #expect(text.contains("Marked as hard: it will come back for review sooner."))
        // The history, the plan and the progress all know: it comes back sooner.
        #expect(state.answerHistory?.last?.rating == .hard)
        let after = state.context.plan.schedules["q-sibling-type"]!
        #expect(after.due < before.due)
        #expect(state.context.courseProgress.reviews["q-sibling-type"] == after)
        assertSnapshot(render(state), named: "review-marked-hard-80x24")
        #expect(text.contains("h again: clear the mark"))
        // The same key again clears the mark: a grade back to good, as without one.
        state = press("h", in: state)
        #expect(effects(state).grades.map(\.rating) == [.hard, .good])
        #expect((state.top as? QuizScreen)?.selfGrade == nil)
        #expect(state.answerHistory?.last?.rating == .good)
        #expect(state.context.plan.schedules["q-sibling-type"]! == before)
        #expect(!render(state).text.contains("marked as"))
        state = press("e", in: state)
        #expect(effects(state).grades.map(\.rating) == [.hard, .good, .easy])
        #expect(state.context.plan.schedules["q-sibling-type"]!.due > before.due)
        text = render(state).text
        #expect(text.contains("marked as easy"))
        // Enter goes on as before.
        state = press([.enter], in: state)
        #expect((state.top as? QuizScreen)?.phase == .asking)
        #expect((state.top as? QuizScreen)?.selfGrade == nil)
    }

    @Test func hardAndEasyDoNothingAfterAWrongAnswerAndAreNeverRequired() {
        var state = press("r", in: Self.state(Self.history))
        state = press([.character("1"), .enter], in: state)
        #expect(render(state).text.contains("✗ Not quite"))
        #expect(!(state.top as! QuizScreen).statusKeys.contains { $0.keys == "h" })
        #expect(!render(state).text.contains("it was hard"))
        state = press("he", in: state)
        #expect(effects(state).grades.isEmpty)
        state = press([.enter], in: state)
        #expect((state.top as? QuizScreen)?.index == 1)
    }

    @Test func lessonQuizFeedbackOffersHardAndEasyToo() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            var context = F.context(columns: columns, rows: rows)
            var quiz = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context)
            _ = quiz.update(.ch("2"), context: &context)
            _ = quiz.update(.enter, context: &context)
            _ = quiz.update(.ch("e"), context: &context)
            #expect(context.effects.contains { if case .recordGrade(let g) = $0 { g.rating == .easy } else { false } })
            #expect(context.courseProgress.reviews["q-sibling-type"]?.lastRating == .easy)
            assertSnapshot(F.render(quiz, context: context), named: "quiz-feedback-marked-easy-\(columns)x\(rows)")
        }
    }

    // MARK: Retrying mistakes

    @Test func xRetriesEverythingMissedInTheLastSession() {
        let state = Self.state(Self.history)
        #expect(state.context.lastSessionMistakes == ["r-infection"])
        let retry = press("x", in: state)
        let quiz = try! #require(retry.top as? QuizScreen)
        #expect(quiz.session.questions.map(\.id) == ["r-infection"])
        #expect(quiz.isRetry)
        // After a session without mistakes, x says so.
        let clean = Self.state(Self.allRightRecently)
        #expect((press("x", in: clean).top as? CourseMapScreen)?.message == "No mistakes in your last session.")
    }

    @Test func progressReviewRetriesTheSelectedQuestionsLesson() {
        var history = Self.history
        history.append(Self.record("q-sources-all", "what-is", false, ago: 2 * Self.day, attempt: "w2", total: 1))
        var context = F.context(rows: 80)
        context.refreshPlan(records: history)
        var review = ProgressReviewScreen(history: history, clock: .utc)
        // The list: q-sibling-type, r-infection (each missed once in one answer), q-sources-all.
        #expect(review.update(.ch("l"), context: &context) == .openQuiz(lessonID: nil, questionIDs: ["q-sibling-type", "q-sources-all"]))
        _ = review.update(.ch("j"), context: &context)
        #expect(review.selection == 1)
        #expect(review.update(.ch("l"), context: &context) == .openQuiz(lessonID: nil, questionIDs: ["r-infection"]))
        _ = review.update(.ch("j"), context: &context)
        #expect(review.update(.ch("l"), context: &context) == .openQuiz(lessonID: nil, questionIDs: ["q-sibling-type", "q-sources-all"]))
        var empty = ProgressReviewScreen(history: [], clock: .utc)
        #expect(empty.update(.ch("l"), context: &context) == nil)
        #expect(empty.notice == "No missed questions to retry yet.")
    }

    // MARK: Progress review and forecast

    @Test func progressReviewShowsMasteryAndTheForecast() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            var context = F.context(columns: columns, rows: rows)
            context.refreshPlan(records: Self.history)
            var review = ProgressReviewScreen(history: Self.history, clock: .utc)
            if columns == 80 {
                var tall = F.context(columns: columns, rows: 80)
                tall.refreshPlan(records: Self.history)
                let text = F.render(review, context: tall).text
                #expect(text.contains("Remembered now: ███░░░░░░░ 2/7 of the course's questions"))
                #expect(text.contains("Reviews, next 14 days"))
                #expect(text.contains("4 due now: press r on the course map to review them."))
                // Benefits: r-benefit-mix (mastered) and q-gvl-true (faded).
                #expect(text.contains("About the benefits █████░░░░░ remembered 1/2"))
                #expect(text.contains("What you know about the benefits and the risks"))
                #expect(text.contains("4  2  ·  ·"))
            }
            assertSnapshot(F.render(review, context: context), named: "progress-review-mastery-\(columns)x\(rows)")
            // The forecast, further down.
            while !F.render(review, context: context).text.contains("Reviews, next 14 days") {
                let scroll = review.scroll
                _ = review.update(.pageDown, context: &context)
                if review.scroll == scroll { break }
            }
            assertSnapshot(F.render(review, context: context), named: "progress-review-forecast-\(columns)x\(rows)")
        }
    }

    @Test func forecastChartReadsWithoutColour() {
        let today = StudyDay(year: 2026, month: 11, day: 26)  // a Thursday
        let counts = [3, 0, 9, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 12]
        let wide = ForecastChart.lines(counts: counts, today: today, width: 76).map(\.plainText)
        #expect(wide.count == 6)
        #expect(wide[3] == "3  ·  9  ·  ·  2  1  ·  ·  ·  ·  ·  ·  12 ")
        #expect(wide[4] == "Th Fr Sa Su Mo Tu We Th Fr Sa Su Mo Tu We")
        #expect(wide[5] == "27 reviews in 14 days, today first; most on Wed 9 Dec (12).")
        // Tallest bar for the busiest day; every day with reviews has at least a sliver.
        #expect(wide[0].hasSuffix("██"))
        #expect(wide[2].hasPrefix("▆▆") || wide[2].hasPrefix("██"))
        assertSnapshot(text: wide.joined(separator: "\n"), named: "forecast-76")
        let narrow = ForecastChart.lines(counts: counts, today: today, width: 38).map(\.plainText)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 38 })
        #expect(narrow[3] == "3 · 9 · · 2 1 · · · · · · + ")
        #expect(narrow[4] == "T F S S M T W T F S S M T W")
        #expect(narrow.joined(separator: " ").contains("means 10 or more"))
        assertSnapshot(text: narrow.joined(separator: "\n"), named: "forecast-38")
        #expect(ForecastChart.lines(counts: Array(repeating: 0, count: 14), today: today, width: 76).map(\.plainText)
                == ["No reviews fall due in the next 14 days."])
    }

    @Test func whenTheNextReviewFallsInWords() {
        let now = F.now  // Thursday 26 Nov 2026, 12:00 UTC
        #expect(ReviewText.when(now, now: now, clock: .utc) == "now")
        #expect(ReviewText.when(now.addingTimeInterval(3600), now: now, clock: .utc) == "later today")
        #expect(ReviewText.when(now.addingTimeInterval(Self.day), now: now, clock: .utc) == "tomorrow")
        #expect(ReviewText.when(now.addingTimeInterval(3 * Self.day), now: now, clock: .utc) == "in 3 days")
        #expect(ReviewText.when(now.addingTimeInterval(13 * Self.day), now: now, clock: .utc) == "on Wed 9 Dec")
        #expect(ReviewText.when(now.addingTimeInterval(40 * Self.day), now: now, clock: .utc) == "on Tue 5 Jan 2027")
        // Days are the learner's: 14:00 UTC is already the next day in UTC+11.
        #expect(ReviewText.when(now.addingTimeInterval(2 * 3600), now: now, clock: .utc) == "later today")
        #expect(ReviewText.when(now.addingTimeInterval(2 * 3600), now: now, clock: .fixed(secondsEastOfUTC: 11 * 3600)) == "tomorrow")
    }

    @Test func helpAndStatusLineShowTheNewKeys() {
        let help = press("?", in: Self.state(Self.history))
        let text = render(help).text
        #expect(text.contains("review the questions due now"))
        #expect(text.contains("retry the questions missed in your last session"))
        #expect(render(Self.state(Self.history)).line(23).contains("r review"))
    }
}
