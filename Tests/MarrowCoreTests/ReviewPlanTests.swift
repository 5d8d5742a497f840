import Foundation
import Testing
@testable import MarrowCore


@Suite struct ReviewPlanTests {
    static let course = QuizSessionFixture.course()
    static func date(_ s: String) -> Date { ProgressKit.date(s) }

    static func record(_ q: String, _ correct: Bool, _ attempt: String, _ time: String, lesson: String? = nil,
                       total: Int? = nil, full: Bool? = nil, rating: Rating? = nil) -> AnswerRecord {
        let lessonID = lesson ?? (q.hasPrefix("r") ? "risks" : "basics")
        return AnswerRecord(course: "hsct", lesson: lessonID, question: q, chosen: [correct ? 0 : 1], correct: correct,
                            time: date(time), attempt: attempt, attemptTotal: total ?? (lessonID == "risks" ? 2 : 4),
                            fullQuiz: full, rating: rating)
    }

    /// A week of answers: the basics quiz, the risks quiz, a retry and a review.
    static let records: [AnswerRecord] = [
        record("q1", true, "A1", "2026-11-20T10:00:00Z"), record("q2", false, "A1", "2026-11-20T10:01:00Z"),
        record("q3", true, "A1", "2026-11-20T10:02:00Z"), record("q4", true, "A1", "2026-11-20T10:03:00Z"),
        record("q2", true, "A2", "2026-11-20T10:05:00Z", total: 1),
        record("r1", false, "R1", "2026-11-21T09:00:00Z"), record("r2", true, "R1", "2026-11-21T09:01:00Z"),
        record("q2", true, "V1", "2026-11-22T10:00:00Z", total: 1), record("r1", true, "V1", "2026-11-22T10:01:00Z", total: 1),
        record("q1", true, "V2", "2026-11-23T10:00:00Z", total: 1),
    ]

    // MARK: Rebuilding

    @Test func schedulesSavedAnswerByAnswerEqualThoseRebuiltFromTheLog() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        let fsrs = FSRS(desiredRetention: 0.85)
        var progress = try store.load().progress
        for (i, record) in Self.records.enumerated() {
            try store.record(answer: record, into: &progress, fsrs: fsrs)
            if i == 3 { try store.regrade(AnswerGrade(of: record, rating: .easy, time: record.time.addingTimeInterval(3)), into: &progress, fsrs: fsrs) }
            if i == 6 { try store.regrade(AnswerGrade(of: record, rating: .hard, time: record.time.addingTimeInterval(3)), into: &progress, fsrs: fsrs) }
        }
        // Answers are in the log as given; the state file is written when the quiz ends.
        try store.save(progress)
        let saved = try ProgressKit.store(folder + "/progress.json").load().progress[course: "hsct"].reviews
        #expect(saved.count == 6)
        let log = try store.readLog()
        #expect(log.grades.count == 2)
        #expect(log.records[3].rating == .easy && log.records[6].rating == .hard)
        #expect(saved["q4"]?.lastRating == .easy)
        #expect(ReviewSchedule.rebuild(records: log.records, courseID: "hsct", fsrs: fsrs) == saved)
        #expect(LearnerProgress.rebuild(from: log.records, fsrs: fsrs)[course: "hsct"].reviews == saved)
        let plan = ReviewPlan.make(course: Self.course, records: log.records, now: Self.date("2026-11-24T00:00:00Z"), fsrs: fsrs)
        #expect(plan.schedules == saved)

        // A lost state file is rebuilt from the log with the same schedules (default retention there).
        try FileManager.default.removeItem(atPath: folder + "/progress.json")
        let rebuilt = try ProgressKit.store(folder + "/progress.json").load()
        #expect(rebuilt.source == .rebuiltFromLog)
        #expect(rebuilt.progress[course: "hsct"].reviews == ReviewSchedule.rebuild(records: log.records, courseID: "hsct", fsrs: FSRS()))
    }

    @Test func anAnswerRepeatedWithinASecondCountsOnceInBothWays() {
        // Attempt A answers q1, attempt B answers it half a second later, then A's
        // answer is logged again (a retried write) 0.3 s after that: the same result
        // A already holds, within a second of the latest review, so not a review.
        let a = Self.record("q1", true, "A", "2026-11-20T10:00:00Z")
        let b = Self.record("q1", false, "B", "2026-11-20T10:00:00Z")
        var bLater = b
        bLater.time = a.time.addingTimeInterval(0.5)
        var aAgain = a
        aAgain.time = a.time.addingTimeInterval(0.8)
        for records in [[a, bLater, aAgain], [a, aAgain], [a, bLater, bLater], [a, bLater]] {
            var progress = LearnerProgress()
            for record in records { progress.apply(record) }
            let rebuilt = ReviewSchedule.rebuild(records: records, courseID: "hsct", fsrs: FSRS())
            #expect(rebuilt == progress[course: "hsct"].reviews, "\(records.map { "\($0.attempt) \($0.time.timeIntervalSince(a.time))" })")
        }
        var progress = LearnerProgress()
        for record in [a, bLater, aAgain] { progress.apply(record) }
        #expect(progress[course: "hsct"].reviews["q1"]?.reps == 2)
    }

    @Test func aRegradeWithoutThePriorStateInMemoryRebuildsFromTheLog() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        for record in Self.records { try store.record(answer: record, into: &progress) }
        // A state from an older Marrow: schedules without their prior state.
        for id in progress[course: "hsct"].reviews.keys { progress[course: "hsct"].reviews[id]?.prior = nil }
        let last = Self.records.last!
        try store.regrade(AnswerGrade(of: last, rating: .easy, time: last.time.addingTimeInterval(2)), into: &progress)
        let log = try store.readLog()
        #expect(log.records.last?.rating == .easy)
        #expect(progress[course: "hsct"].reviews["q1"] == ReviewSchedule.rebuild(records: log.records, courseID: "hsct", fsrs: FSRS())["q1"])
        #expect(progress[course: "hsct"].reviews["q1"]?.lastRating == .easy)
    }

    @Test func aGradeLineAmendsOnlyARightAnswerAndOldReadersSkipIt() {
        let right = Self.record("q1", true, "A1", "2026-11-20T10:00:00Z")
        let wrong = Self.record("q2", false, "A1", "2026-11-20T10:01:00Z")
        var bytes: [UInt8] = []
        bytes += AnswerLog.line(for: right)
        bytes += AnswerLog.line(for: wrong)
        bytes += AnswerLog.line(for: AnswerGrade(of: right, rating: .hard, time: Self.date("2026-11-20T10:00:05Z")))
        bytes += AnswerLog.line(for: AnswerGrade(of: wrong, rating: .easy, time: Self.date("2026-11-20T10:01:05Z")))
        let text = String(decoding: AnswerLog.line(for: AnswerGrade(of: right, rating: .hard, time: Self.date("2026-11-20T10:00:05Z"))), as: UTF8.self)
        #expect(text == #"{"event":"grade","course":"hsct","lesson":"basics","question":"q1","attempt":"A1","answered":"2026-11-20T10:00:00Z","rating":2,"time":"2026-11-20T10:00:05Z"}"# + "\n")
        // A grade line cut short at the end is skipped silently.
        bytes += Array(#"{"event":"grade","course":"hsct","les"#.utf8)
        let result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records.map(\.rating) == [.hard, nil])
        #expect(result.records.map(\.effectiveRating) == [.hard, .again])
        #expect(result.warning == nil)
        #expect(result.tornLastLine)
    }

    @Test func aWholeEventLineThatCannotBeReadIsUnreadableWhereverItIs() {
        let right = AnswerLog.line(for: Self.record("q1", true, "A1", "2026-11-20T10:00:00Z"))
        for event in [#"{"event":"grade","course":"hsct"}"#, #"{"event":"reset","course":7}"#] {
            for ending in ["", "\n"] {
                let result = AnswerLog.parse(right + Array((event + ending).utf8), fileName: "h.jsonl")
                #expect(result.records.count == 1 && result.skippedLines == 1 && !result.tornLastLine, "\(event)\(ending.debugDescription)")
                #expect(result.warning == "h.jsonl: skipped 1 unreadable line (first at line 2)")
            }
            // Cut short at the end (not whole JSON): a torn last line, skipped silently.
            let cut = AnswerLog.parse(right + Array(event.dropLast(3).utf8), fileName: "h.jsonl")
            #expect(cut.tornLastLine && cut.skippedLines == 0 && cut.warning == nil, "\(event)")
        }
    }

    @Test func answerLinesWithRatingAndFullQuizRoundTripAndOldLinesStillRead() {
        let r = Self.record("q1", true, "A1", "2026-11-20T10:00:00Z", full: true, rating: .easy)
        let line = AnswerLog.line(for: r)
        #expect(String(decoding: line, as: UTF8.self).hasSuffix(#""attemptTotal":4,"fullQuiz":true,"rating":4}"# + "\n"))
        #expect(AnswerLog.parse(line, fileName: "h").records == [r])
        let old = Array((#"{"course":"hsct","lesson":"basics","question":"q1","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A1","attemptTotal":4}"# + "\n").utf8)
        let parsed = AnswerLog.parse(old, fileName: "h").records
        #expect(parsed.count == 1 && parsed[0].rating == nil && parsed[0].fullQuiz == nil && parsed[0].effectiveRating == .good)
    }

    @Test func aGradeInMemoryMatchesTheLogAndNeedsTheLatestAnswerToBeRight() {
        var progress = LearnerProgress()
        let right = Self.record("q1", true, "A1", "2026-11-20T10:00:00Z")
        progress.apply(Self.record("q1", true, "A0", "2026-11-18T10:00:00Z"))
        progress.apply(right)
        let applied = progress.apply(AnswerGrade(of: right, rating: .easy, time: right.time))
        #expect(applied)
        var amended = right
        amended.rating = .easy
        #expect(progress == LearnerProgress.rebuild(from: [Self.record("q1", true, "A0", "2026-11-18T10:00:00Z"), amended]))
        let wrong = Self.record("q2", false, "A1", "2026-11-20T10:01:00Z")
        progress.apply(wrong)
        let before = progress
        let ignored = progress.apply(AnswerGrade(of: wrong, rating: .easy, time: wrong.time))
        #expect(!ignored)
        #expect(progress == before)
    }

    // MARK: The plan

    @Test func dueQuestionsMostOverdueFirstAndNeverAnsweredOnesAreNew() {
        let plan = ReviewPlan.make(course: Self.course, records: Self.records, now: Self.date("2026-11-30T12:00:00Z"), fsrs: FSRS(), clock: .utc)
        let dues = plan.dueQuestionIDs.map { plan.schedules[$0]!.due }
        #expect(dues == dues.sorted())
        #expect(dues.allSatisfy { $0 <= plan.now })
        #expect(Set(plan.dueQuestionIDs).isSubset(of: ["q1", "q2", "q3", "q4", "r1", "r2"]))
        #expect(plan.newQuestionIDs.isEmpty)
        let early = ReviewPlan.make(course: Self.course, records: Array(Self.records.prefix(4)), now: Self.date("2026-11-20T11:00:00Z"), fsrs: FSRS(), clock: .utc)
        #expect(early.dueQuestionIDs.isEmpty)
        #expect(early.newQuestionIDs == ["r1", "r2"])
        #expect(early.nextDue(after: early.now) == Self.date("2026-11-21T10:01:00Z"))  // q2, wrong: one day
        #expect(ReviewPlan.make(course: Self.course, records: [], now: Self.date("2026-11-20T11:00:00Z"), fsrs: FSRS()).nextDue(after: Self.date("2026-11-20T11:00:00Z")) == nil)
    }

    @Test func forecastCountsEachActiveScheduleOnItsDayWithOverdueToday() {
        let fsrs = FSRS()
        for now in ["2026-11-20T23:00:00Z", "2026-11-24T08:00:00Z", "2026-12-10T08:00:00Z"].map(Self.date) {
            let plan = ReviewPlan.make(course: Self.course, records: Self.records, now: now, fsrs: fsrs, clock: .utc)
            let forecast = plan.forecast()
            #expect(forecast.count == 14)
            let today = DayClock.utc.day(of: now)
            let within = plan.activeQuestions.compactMap { plan.schedules[$0.id]?.due }.filter { DayClock.utc.day(of: $0) < today.adding(days: 14) }
            #expect(forecast.reduce(0, +) == within.count)
            #expect(forecast[0] >= plan.dueQuestionIDs.count)
            #expect(plan.forecast(days: 400).reduce(0, +) == 6)
            #expect(plan.forecast(days: 0) == [])
        }
        // In another time zone the days split elsewhere.
        let plan = ReviewPlan.make(course: Self.course, records: Self.records, now: Self.date("2026-11-21T12:00:00Z"), fsrs: fsrs, clock: .fixed(secondsEastOfUTC: -11 * 3600))
        #expect(plan.forecast(days: 60).reduce(0, +) == 6)
    }

    @Test func masteryCountsQuestionsWithRecallAtLeastNinetyPercent() {
        let fsrs = FSRS()
        let justAfter = ReviewPlan.make(course: Self.course, records: Array(Self.records.prefix(4)), now: Self.date("2026-11-20T10:04:00Z"), fsrs: fsrs)
        // q1, q3, q4 right (recall 1 now); q2 wrong: not mastered though its recall restarts at 1.
        #expect(justAfter.mastery(lessonID: "basics") == Mastery(mastered: 3, total: 4))
        #expect(justAfter.mastery(lessonID: "risks") == Mastery(mastered: 0, total: 2))
        #expect(justAfter.overallMastery.fraction == 0.5)
        #expect(justAfter.mastery(tag: "risk") == Mastery(mastered: 0, total: 2))
        #expect(justAfter.mastery(tag: "nothing") == Mastery(mastered: 0, total: 0))
        #expect(Mastery(mastered: 0, total: 0).fraction == 0 && Mastery(mastered: 0, total: 0).percent == nil)
        // Weeks later every recall has fallen below 0.9.
        let later = ReviewPlan.make(course: Self.course, records: Self.records, now: Self.date("2027-03-01T00:00:00Z"), fsrs: fsrs)
        #expect(later.overallMastery.mastered == 0)
        #expect(later.recall(of: "q1") < 0.9 && later.recall(of: "q1") > 0)
        #expect(later.recall(of: "nope") == 0)
    }

    // MARK: Content edits

    @Test func retiredQuestionsKeepTheirHistoryButLeaveEveryTotal() {
        var edited = Self.course
        edited.lessons[0].quiz.removeAll { $0.id == "q2" }   // q2 removed from the lesson
        edited.lessons[0].quiz[0].prompt = [.text("Where are blood stem cells made?")]  // q1 reworded, same id
        let now = Self.date("2026-11-30T12:00:00Z")
        let full = ReviewPlan.make(course: Self.course, records: Self.records, now: now, fsrs: FSRS())
        let plan = ReviewPlan.make(course: edited, records: Self.records, now: now, fsrs: FSRS())
        #expect(plan.retiredQuestionIDs == ["q2"])
        #expect(plan.schedules["q2"] != nil)           // kept
        #expect(plan.schedule(of: "q2") == nil)         // but not offered
        #expect(!plan.dueQuestionIDs.contains("q2"))
        #expect(plan.schedule(of: "q1") == full.schedule(of: "q1"))  // the edited prompt keeps its schedule
        #expect(plan.mastery(lessonID: "basics").total == 3)
        #expect(plan.forecast(days: 400).reduce(0, +) == 5)
        let review = Scoring.review(records: Self.records, course: edited, now: now, clock: .utc)
        #expect(review.questionCount == 5)
        #expect(review.retiredAnswers == 3)
        #expect(review.answered == Self.records.count - 3)
        #expect(!review.mostMissed.contains { $0.questionID == "q2" })
        #expect(Scoring.lastSessionMistakes(records: Self.records + [Self.record("q2", false, "Z", "2026-11-29T10:00:00Z")], course: edited) == [])

        // Put back, q2 comes back with its history.
        let back = ReviewPlan.make(course: Self.course, records: Self.records, now: now, fsrs: FSRS())
        #expect(back.retiredQuestionIDs.isEmpty)
        #expect(back.schedule(of: "q2")?.reps == 3)
        #expect(back.schedule(of: "q2") == full.schedule(of: "q2"))
    }

    // MARK: Scores and mistakes

    @Test func aRetryOfTheMissedQuestionsIsNotALessonScore() {
        // A1 whole quiz 2 of 4, then a retry of the two missed (2 of 2): best and last stay 50%.
        var records = [
            Self.record("q1", true, "A1", "2026-11-20T10:00:00Z", full: true), Self.record("q2", false, "A1", "2026-11-20T10:01:00Z", full: true),
            Self.record("q3", false, "A1", "2026-11-20T10:02:00Z", full: true), Self.record("q4", true, "A1", "2026-11-20T10:03:00Z", full: true),
            Self.record("q2", true, "A2", "2026-11-20T10:05:00Z", total: 2, full: false), Self.record("q3", true, "A2", "2026-11-20T10:06:00Z", total: 2, full: false),
        ]
        var scores = Scoring.lessonScores(records: records, course: Self.course)
        #expect(scores[0].bestScore == 0.5 && scores[0].lastScore == 0.5 && scores[0].completedAttempts == 1)
        // The retry's answers still count for tags, the missed list and schedules.
        #expect(Scoring.mostMissed(records: records, course: Self.course).map(\.timesAnswered) == [2, 2])
        #expect(ReviewSchedule.rebuild(records: records, courseID: "hsct", fsrs: FSRS())["q2"]?.reps == 2)
        // Logs from before `fullQuiz`: the retry is smaller than the largest attempt, so it is not a score either.
        let old = records.map { r -> AnswerRecord in var r = r; r.fullQuiz = nil; return r }
        scores = Scoring.lessonScores(records: old, course: Self.course)
        #expect(scores[0].bestScore == 0.5 && scores[0].lastScore == 0.5)
        let progress = LearnerProgress.rebuild(from: old)[course: "hsct"][lesson: "basics"]
        #expect(progress.bestScore == 0.5 && progress.lastScore == 0.5 && progress.scoredAttempts.map(\.id) == ["A1"])
        // A second whole attempt, all right, counts.
        records += ["q1", "q2", "q3", "q4"].enumerated().map { Self.record($1, true, "A3", "2026-11-21T10:0\($0):00Z", full: true) }
        scores = Scoring.lessonScores(records: records, course: Self.course)
        #expect(scores[0].bestScore == 1 && scores[0].lastScore == 1 && scores[0].completedAttempts == 2)
    }

    @Test func quizSessionsMarkWholeQuizAttempts() {
        var whole = QuizSession(course: Self.course, lessonID: "basics", questionIDs: nil, started: QuizSessionFixture.t0, seed: 1)
        #expect(whole.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0).fullQuiz == true)
        var retry = QuizSession(course: Self.course, lessonID: "basics", questionIDs: ["q2", "q3"], started: QuizSessionFixture.t0, seed: 1)
        #expect(retry.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0).fullQuiz == false)
        var mixed = QuizSession(course: Self.course, lessonID: nil, questionIDs: ["q1", "r1", "r2"], started: QuizSessionFixture.t0, seed: 1)
        #expect(mixed.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0).fullQuiz == false)
        // A review or a retry across lessons is no lesson's quiz, even where it asks all of one lesson's questions.
        #expect(mixed.answer(question: 1, displayed: [0], at: QuizSessionFixture.t0).fullQuiz == false)
    }

    /// Issue 14: a review stopped part-way (here after one of the two risks
    /// questions, both due) must not leave that lesson "in quiz 1/2", nor be
    /// picked up as its quiz.
    @Test func aReviewStoppedPartWayIsNoLessonQuizLeftPartWay() {
        var review = QuizSession(course: Self.course, lessonID: nil, questionIDs: ["r1", "r2"], started: QuizSessionFixture.t0, seed: 3)
        var progress = LearnerProgress()
        progress.apply(review.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0))
        let risks = progress[course: "hsct"][lesson: "risks"]
        #expect(risks.attempts.count == 1 && risks.attempts[0].fullQuiz == false)
        #expect(risks.unfinishedWholeQuiz == nil)
        let lesson = try! #require(Self.course.lesson(id: "risks"))
        #expect(QuizSession.unfinishedAttempt(of: lesson, in: risks) == nil)
        // The lesson's own quiz stopped the same way is picked up.
        var quiz = QuizSession(course: Self.course, lessonID: "risks", questionIDs: nil, started: QuizSessionFixture.t0, seed: 4)
        progress.apply(quiz.answer(question: 0, displayed: [0], at: QuizSessionFixture.t0.addingTimeInterval(60)))
        #expect(progress[course: "hsct"][lesson: "risks"].unfinishedWholeQuiz?.id == quiz.attemptID)
    }

    @Test func lastSessionMistakesAreTheLatestAttemptsWrongAnswers() {
        #expect(Scoring.lastSessionMistakes(records: [], course: Self.course) == [])
        let records = Self.records + [
            Self.record("r2", false, "V3", "2026-11-24T10:00:00Z", total: 1), Self.record("q3", false, "V3", "2026-11-24T10:01:00Z", total: 1),
            Self.record("q4", false, "V3", "2026-11-24T10:02:00Z", total: 1), Self.record("q4", true, "V3", "2026-11-24T10:03:00Z", total: 1),
            ProgressKit.record("x", lesson: "intro", correct: false, attempt: "X", total: 1, at: "2026-11-25T10:00:00Z", course: "other"),
        ]
        #expect(Scoring.lastSessionMistakes(records: records, course: Self.course) == ["r2", "q3"])
        #expect(Scoring.lastSessionMistakes(records: Self.records, course: Self.course) == [])
    }

    // MARK: course.yaml

    @Test func desiredRetentionFromCourseYAML() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        func read(_ line: String) -> (CourseInfo, [Diagnostic]) {
            let path = folder + "/course.yaml"
            let yaml = "id: c\ntitle: T\nsummary: S\ndisclaimer: D\nversion: \"1\"\nlast-reviewed: 2026-11-26\n" + line
            FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
            var diagnostics: [Diagnostic] = []
            let info = CourseInfoReader.read(path: path, fallback: CourseInfo(id: "x", title: "x"), diagnostics: &diagnostics)
            return (info, diagnostics)
        }
        #expect(read("").0.desiredRetention == 0.9)
        #expect(read("").1.isEmpty)
        let (info, diagnostics) = read("desired-retention: 0.85\n")
        #expect(info.desiredRetention == 0.85 && diagnostics.isEmpty)
        #expect(info.scheduler().desiredRetention == 0.85)
        #expect(info.scheduler(desiredRetention: 0.8).desiredRetention == 0.8)
        for bad in ["1.5", "0.5", "high", "-0.9", "9e-1", "[0.9]"] {
            let (info, diagnostics) = read("desired-retention: \(bad)\n")
            #expect(info.desiredRetention == 0.9, "\(bad)")
            #expect(diagnostics.count == 1, "\(bad)")
            #expect(diagnostics.first?.message.hasPrefix("'desired-retention' must be a number from 0.7 to 0.99, not ") == true, "\(bad)")
            #expect(diagnostics.first?.severity == .error && diagnostics.first?.line == 7, "\(bad)")
        }
    }

    @Test func mapNoticeFromCourseYAML() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/course.yaml"
        let base = "id: c\ntitle: T\nsummary: S\ndisclaimer: D\nversion: \"1\"\nlast-reviewed: 2026-11-26\n"
        func read(_ lines: String) -> (CourseInfo, [Diagnostic]) {
            FileManager.default.createFile(atPath: path, contents: Data((base + lines).utf8))
            var diagnostics: [Diagnostic] = []
            let info = CourseInfoReader.read(path: path, fallback: CourseInfo(id: "x", title: "x"), diagnostics: &diagnostics)
            return (info, diagnostics)
        }
        let (plain, none) = read("")
        #expect(plain.mapNotice == "Education only, not medical advice." && plain.mapNoticeShort == "Not medical advice." && none.isEmpty)
        let (custom, diagnostics) = read("map-notice: For learning only.\nmap-notice-short: Learning only.\n")
        #expect(custom.mapNotice == "For learning only." && custom.mapNoticeShort == "Learning only." && diagnostics.isEmpty)
    }
}
