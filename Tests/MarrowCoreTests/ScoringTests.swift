import Foundation
import Testing
@testable import MarrowCore


@Suite struct ScoringTests {
    /// Lessons "basics" (q1 to q4, q1 tagged benefit) and "risks" (r1, r2 tagged risk).
    static let course: Course = {
        var course = QuizSessionFixture.course()
        course.lessons[0].quiz[0].tags = ["benefit"]
        return course
    }()

    static func r(_ q: String, _ correct: Bool, _ attempt: String, _ time: String, lesson: String? = nil, total: Int? = nil) -> AnswerRecord {
        let lessonID = lesson ?? (q.hasPrefix("r") ? "risks" : "basics")
        return ProgressKit.record(q, lesson: lessonID, correct: correct, attempt: attempt,
                                  total: total ?? (lessonID == "risks" ? 2 : 4), at: time)
    }

    static let records: [AnswerRecord] = [
        // Attempt A1 of basics, complete: 3 of 4.
        r("q1", true, "A1", "2026-11-20T10:00:00Z"), r("q2", false, "A1", "2026-11-20T10:01:00Z"),
        r("q3", true, "A1", "2026-11-20T10:02:00Z"), r("q4", true, "A1", "2026-11-20T10:03:00Z"),
        // Attempt R1 of risks, complete: 0 of 2.
        r("r1", false, "R1", "2026-11-21T10:00:00Z"), r("r2", false, "R1", "2026-11-21T10:01:00Z"),
        // Attempt A2 of basics, complete: 2 of 4 (latest, worse).
        r("q1", true, "A2", "2026-11-22T23:30:00Z"), r("q2", false, "A2", "2026-11-22T23:31:00Z"),
        r("q3", false, "A2", "2026-11-22T23:32:00Z"), r("q4", true, "A2", "2026-11-22T23:33:00Z"),
        // Attempt R2, unfinished: r1 right.
        r("r1", true, "R2", "2026-11-23T10:00:00Z"),
        // A retired question and another course: left out of the totals.
        r("old-q", false, "A3", "2026-11-23T10:05:00Z", lesson: "basics"),
        ProgressKit.record("x", lesson: "intro", correct: false, attempt: "X", total: 1, at: "2026-11-10T10:00:00Z", course: "other"),
    ]

    @Test func lessonScoresAreBestAndLastOfFinishedAttempts() {
        let scores = Scoring.lessonScores(records: Self.records, course: Self.course)
        #expect(scores.map(\.lessonID) == ["basics", "risks"])
        #expect(scores[0].bestScore == 0.75)
        #expect(scores[0].lastScore == 0.5)
        #expect(scores[0].completedAttempts == 2)
        #expect(scores[1].bestScore == 0)
        #expect(scores[1].lastScore == 0)
        #expect(scores[1].completedAttempts == 1)
        #expect(Scoring.lessonScores(records: [], course: Self.course).allSatisfy { $0.bestScore == nil && $0.lastScore == nil })
    }

    @Test func accuracyByTag() {
        let tags = Scoring.tagAccuracy(records: Self.records, course: Self.course)
        #expect(tags == [TagAccuracy(tag: "benefit", answered: 2, correct: 2), TagAccuracy(tag: "risk", answered: 3, correct: 1)])
        #expect(tags[1].percent == 33)
        #expect(TagAccuracy(tag: "gvhd", answered: 0, correct: 0).percent == nil)
    }

    @Test func mostMissedSortedByMissesThenShareThenCourseOrder() {
        let missed = Scoring.mostMissed(records: Self.records, course: Self.course)
        #expect(missed == [
            MissedQuestion(questionID: "q2", lessonID: "basics", timesMissed: 2, timesAnswered: 2),
            MissedQuestion(questionID: "r2", lessonID: "risks", timesMissed: 1, timesAnswered: 1),
            MissedQuestion(questionID: "q3", lessonID: "basics", timesMissed: 1, timesAnswered: 2),
            MissedQuestion(questionID: "r1", lessonID: "risks", timesMissed: 1, timesAnswered: 2),
        ])
        #expect(Scoring.mostMissed(records: Self.records, course: Self.course, limit: 1).count == 1)
    }

    @Test func fullReviewLeavesRetiredQuestionsOut() {
        let now = ProgressKit.date("2026-11-24T12:00:00Z")
        let review = Scoring.review(records: Self.records, course: Self.course, now: now, clock: .utc)
        #expect(review.answered == 11)
        #expect(review.correct == 6)
        #expect(review.overallPercent == 55)
        #expect(review.retiredAnswers == 1)
        #expect(review.questionCount == 6)
        #expect(review.studyDays.map(\.description).sorted() == ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"])
        // A record of the days, not a streak: the last was yesterday (nothing today, the 24th).
        #expect(review.lastStudyDay?.description == "2026-11-23")
        #expect(!review.mostMissed.contains { $0.questionID == "old-q" })

        // Only retired answers: no crash, nothing counted.
        let retired = Scoring.review(records: [Self.r("gone", true, "Z", "2026-11-20T10:00:00Z")], course: Self.course, now: now, clock: .utc)
        #expect(retired.answered == 0)
        #expect(retired.overallPercent == nil)
        #expect(retired.retiredAnswers == 1)
        #expect(retired.lessons.allSatisfy { $0.bestScore == nil })
    }

    @Test func studyDaysFollowTheLearnersClock() {
        // 23:30 UTC on the 22nd is already the 23rd one hour east of UTC.
        let days = Scoring.studyDays(records: Self.records.filter { $0.course == "hsct" }, clock: .fixed(secondsEastOfUTC: 3600))
        #expect(days.map(\.description).sorted() == ["2026-11-20", "2026-11-21", "2026-11-23"])
        let west = Scoring.studyDays(records: [Self.r("q1", true, "A", "2026-11-20T02:00:00Z")], clock: .fixed(secondsEastOfUTC: -5 * 3600))
        #expect(west.map(\.description) == ["2026-11-19"])
    }

    @Test func aQuizScoreIsTheBestWholeQuizTry() {
        let scores = Scoring.lessonScores(records: Self.records, course: Self.course)
        // basics: 3 of 4, then 2 of 4; risks: 0 of 2 finished, then an unfinished try.
        #expect(scores[0].quizScore == QuizScore(correct: 3, total: 4))
        #expect(scores[0].quizScore?.label == "quiz 3/4")
        #expect(scores[0].quizScore?.percent == 75)
        #expect(scores[1].quizScore == QuizScore(correct: 0, total: 2))
        #expect(Scoring.lessonScores(records: [], course: Self.course).allSatisfy { $0.quizScore == nil })
        #expect(ProgressMeasures.remembered(Mastery(mastered: 3, total: 5)) == "remembered 3/5")
    }

    @Test func studyDayCalendarArithmetic() {
        #expect(StudyDay(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(StudyDay(year: 2026, month: 11, day: 26).description == "2026-11-26")
        #expect(StudyDay(year: 2024, month: 2, day: 29).adding(days: 1).description == "2024-03-01")
        #expect(StudyDay(dayNumber: -1).description == "1969-12-31")
        #expect(StudyDay(year: 2026, month: 11, day: 26).weekday == 4) // a Thursday
        #expect(StudyDay(year: 2026, month: 11, day: 30).weekday == 1) // a Monday
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = StudyDay(dayNumber: n).date
            #expect(StudyDay(year: d.year, month: d.month, day: d.day).dayNumber == n)
        }
        #expect(DayClock.utc.day(of: ProgressKit.date("2026-11-26T23:59:59Z")).description == "2026-11-26")
    }

    @Test func systemClockAgreesWithFoundation() {
        // Full Foundation (allowed in tests) knows the local time zone; FoundationEssentials does not.
        for date in [ProgressKit.date("2026-01-15T12:00:00Z"), ProgressKit.date("2026-07-15T12:00:00Z")] {
            #expect(DayClock.system.offset(date) == TimeZone.current.secondsFromGMT(for: date))
        }
    }
}
