import Foundation
import Testing
@testable import MarrowCore

/// A learner over 60 days with scripted answers and an injected clock: every
/// day at 09:00 UTC they answer exactly the questions due (on day 0, the whole
/// course). They miss q4, r1 and r2 on day 0, answer everything right after
/// that, except that on their first review on or after day 25 they miss each
/// risk question once (a lapse).
@Suite struct SimulatedLearnerTests {
    struct Day {
        var number: Int
        var answered: [String]
        var planBefore: ReviewPlan
        var planAfter: ReviewPlan
    }

    struct Answer {
        var day: Int
        var question: String
        var correct: Bool
        var interval: Int
    }

    static let course = QuizSessionFixture.course()
    static let start = ProgressKit.date("2026-01-05T09:00:00Z")

    static func simulate(fsrs: FSRS = FSRS()) -> (days: [Day], answers: [Answer], records: [AnswerRecord]) {
        var records: [AnswerRecord] = []
        var days: [Day] = []
        var answers: [Answer] = []
        var lapsedLate = Set<String>()
        for day in 0..<60 {
            let now = start.addingTimeInterval(Double(day) * 86_400)
            let before = ReviewPlan.make(course: course, records: records, now: now, fsrs: fsrs, clock: .utc)
            let ids = day == 0 ? course.allQuestions.map(\.id) : before.dueQuestionIDs
            for id in ids {
                let question = course.allQuestions.first { $0.id == id }!
                var correct = true
                if day == 0 && ["q4", "r1", "r2"].contains(id) { correct = false }
                if day >= 25 && id.hasPrefix("r") && lapsedLate.insert(id).inserted { correct = false }
                let record = AnswerRecord(course: "hsct", lesson: question.lessonID, question: id, chosen: [], correct: correct,
                                          time: now, attempt: "D\(day)", attemptTotal: ids.filter { $0.first == id.first }.count,
                                          fullQuiz: day == 0)
                records.append(record)
                let state = ReviewSchedule.rebuild(records: records, courseID: "hsct", fsrs: fsrs)[id]!
                answers.append(Answer(day: day, question: id, correct: correct, interval: FSRS.elapsedDays(from: state.lastReview, to: state.due)))
            }
            let after = ReviewPlan.make(course: course, records: records, now: now, fsrs: fsrs, clock: .utc)
            days.append(Day(number: day, answered: ids, planBefore: before, planAfter: after))
        }
        return (days, answers, records)
    }

    @Test func dueCountsFollowTheForecastAndThinOutAsIntervalsGrow() {
        let (days, _, _) = Self.simulate()
        #expect(days[0].planBefore.newQuestionIDs.count == 6)
        #expect(days[0].planBefore.dueQuestionIDs.isEmpty)
        for (yesterday, today) in zip(days, days.dropFirst()) {
            // What yesterday's forecast said for tomorrow is what falls due today.
            #expect(yesterday.planAfter.forecast()[1] == today.answered.count, "day \(today.number)")
            // Every session clears what is due, and nothing is left for the rest of the day.
            #expect(today.planAfter.dueQuestionIDs.isEmpty, "day \(today.number)")
            #expect(today.planAfter.forecast()[0] == 0)
            // Nothing is reviewed before it is due.
            #expect(today.answered.allSatisfy { today.planBefore.schedule(of: $0)!.due <= today.planBefore.now })
        }
        // Each forecast holds every question's next review in the 14 days ahead
        // (a question reviewed twice in that time is forecast once: its next due).
        for day in days.prefix(40) {
            let ahead = Set(days[(day.number + 1)...(day.number + 13)].flatMap(\.answered)).count
            #expect(day.planAfter.forecast().dropFirst().reduce(0, +) == ahead, "day \(day.number)")
        }
        let firstWeeks = days[1...20].map(\.answered.count).reduce(0, +)
        let lastWeeks = days[40...59].map(\.answered.count).reduce(0, +)
        #expect(firstWeeks > lastWeeks)
        #expect(days[40...59].contains { $0.answered.isEmpty })
    }

    @Test func intervalsGrowWithRightAnswersAndShrinkAfterALapse() {
        let (_, answers, _) = Self.simulate()
        var lapsesSeen = 0
        for question in Self.course.allQuestions.map(\.id) {
            let own = answers.filter { $0.question == question }
            #expect(own.count >= 4, "\(question)")
            for (a, b) in zip(own, own.dropFirst()) {
                if a.correct && b.correct { #expect(b.interval > a.interval, "\(question) day \(b.day)") }
                if a.correct && !b.correct {
                    #expect(b.interval < a.interval, "\(question) day \(b.day)")
                    lapsesSeen += 1
                }
                // A review falls on the day its interval said.
                #expect(b.day - a.day == a.interval, "\(question) day \(b.day)")
            }
        }
        #expect(lapsesSeen == 2)
    }

    @Test func masteryRisesWithRightAnswersAndFallsAfterLapses() throws {
        let (days, _, records) = Self.simulate()
        #expect(days[0].planBefore.overallMastery.mastered == 0)
        #expect(days[0].planAfter.overallMastery == Mastery(mastered: 3, total: 6))
        #expect(days[0].planAfter.mastery(tag: "risk") == Mastery(mastered: 0, total: 2))
        #expect(days[1].planAfter.overallMastery == Mastery(mastered: 6, total: 6))
        #expect(days[1].planAfter.mastery(tag: "risk").fraction == 1)

        let lapseDay = try #require(days.first { $0.number >= 25 && $0.answered.contains { $0.hasPrefix("r") } })
        let dayBefore = days[lapseDay.number - 1]
        #expect(lapseDay.planAfter.mastery(tag: "risk").mastered < dayBefore.planAfter.mastery(tag: "risk").mastered)
        #expect(lapseDay.planAfter.mastery(lessonID: "risks").fraction < dayBefore.planAfter.mastery(lessonID: "risks").fraction)
        #expect(lapseDay.planAfter.overallMastery.mastered < lapseDay.planBefore.overallMastery.mastered
                || lapseDay.planAfter.overallMastery.mastered < dayBefore.planAfter.overallMastery.mastered)
        // Right answers afterwards bring it back.
        let recovered = days.last!
        #expect(recovered.planAfter.mastery(tag: "risk").fraction == 1)
        // Between sessions recall decays: a month with no reviews after the last day leaves little mastered.
        let idle = ReviewPlan.make(course: Self.course, records: records, now: Self.start.addingTimeInterval(400 * 86_400), fsrs: FSRS(), clock: .utc)
        #expect(idle.overallMastery.mastered < recovered.planAfter.overallMastery.mastered)
    }

    @Test func aLowerDesiredRetentionMeansFewerReviews() {
        let strict = Self.simulate(fsrs: FSRS(desiredRetention: 0.95)).answers.count
        let standard = Self.simulate().answers.count
        let loose = Self.simulate(fsrs: FSRS(desiredRetention: 0.8)).answers.count
        #expect(strict > standard)
        #expect(standard > loose)
    }
}
