import ArgumentParser
import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `marrow progress`: the progress review as text, Markdown, CSV or JSON, from the progress files.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your progress: lessons read, quiz scores, what you remember now, what you know about the benefits and the risks, questions most missed.",
        discussion: """
            --format markdown makes a report to print or hand to a teacher or care team; \
            --format csv prints one row per answer, for a spreadsheet.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, csv, json
    }

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("text, markdown, csv or json.", valueName: "format"))
    var format: Format?

    @Flag(help: "Print a JSON object with totals and per-lesson results (the same as --format json).")
    var json = false

    @Option(name: .customLong("desired-retention"),
            help: ArgumentHelp("The recall target reviews are scheduled for, 0.7 to 0.99 (default: the course's, usually 0.9).", valueName: "x"))
    var desiredRetention: Double?

    func validate() throws {
        if json, let format, format != .json {
            throw ValidationError("--json and --format \(format.rawValue) disagree: give one of them")
        }
        try checkDesiredRetention(desiredRetention)
    }

    func run() throws {
        let course = CourseLoader.load(directory: try global.lessonsDirectory())
        let store = ProgressStore(path: try global.progressPath())
        let now = try global.now()
        let loaded: ProgressStore.LoadResult
        let log: LogReadResult
        do {
            // Only reads: a damaged state file is reported and left where it is.
            loaded = try store.loadForReading()
            log = try store.readLog()
        } catch {
            throw CLIError("\(error)")
        }
        for notice in loaded.notices { printError("marrow: \(notice)") }
        // A state rebuilt from the log (none on disk, or a damaged one) has already
        // said the log's warning among its notices: once is enough.
        if let warning = log.warning, !loaded.notices.contains(warning) { printError("marrow: \(warning)") }
        let fsrs = course.info.scheduler(desiredRetention: desiredRetention)
        let report = ProgressReport(
            course: course, state: loaded.progress[course: course.info.id],
            review: Scoring.review(records: log.records, course: course, now: now),
            plan: ReviewPlan.make(course: course, records: log.records, now: now, fsrs: fsrs),
            records: log.records.filter { $0.course == course.info.id },
            now: now)
        switch format ?? (json ? .json : .text) {
        case .text: try StandardOutput.write(report.text)
        case .markdown: try StandardOutput.write(report.markdown)
        case .csv: try StandardOutput.write(report.csv)
        case .json: try StandardOutput.print(try report.json())
        }
    }
}

/// What `marrow progress` prints, built from the course, the saved state and the scored log.
struct ProgressReport {
    let course: Course
    let state: CourseProgress
    let review: ProgressReview
    /// The review schedules now: mastery and what is due.
    let plan: ReviewPlan
    /// The course's answers, oldest first.
    let records: [AnswerRecord]
    let now: Date

    var lessonsRead: Int { course.lessons.filter { state[lesson: $0.id].isRead }.count }

    /// "Lessons read: 3 of 5 (60%)", as the text and Markdown summaries open.
    var lessonsReadLine: String {
        let total = course.lessons.count
        var line = "Lessons read: \(lessonsRead) of \(total)"
        if let p = Scoring.percent(lessonsRead, of: total) { line += " (\(p)%)" }
        return line
    }

    /// "Answers: 10, 7 right, on 3 study days (the last 2026-11-22)", or "Answers:
    /// none yet": what was done, as a record of the days, not a streak to keep (no
    /// percentage: the two measures are the quiz score and what is remembered now).
    var answersLine: String {
        guard review.answered > 0 else { return "Answers: none yet" }
        var line = "Answers: \(review.answered), \(review.correct) right, on \(Wording.count(review.studyDays.count, "study day"))"
        if let last = review.lastStudyDay { line += " (the last \(last))" }
        return line
    }

    /// "Quizzes taken: 2 of 5" (each lesson's quiz score is in the table).
    var quizzesLine: String {
        let withQuiz = course.lessons.filter { !$0.quiz.isEmpty }.count
        let taken = review.lessons.filter { $0.quizScore != nil }.count
        return "Quizzes taken: \(taken) of \(withQuiz)"
    }

    /// "Remembered now: 2 of 3 questions (67%)".
    var rememberedLine: String {
        let overall = plan.overallMastery
        var line = "\(ProgressMeasures.rememberedNowName): \(overall.mastered) of \(Wording.count(overall.total, "question"))"
        if let percent = overall.percent { line += " (\(percent)%)" }
        return line
    }

    /// What the two measures mean, as `?` help in the app says it.
    static var measuresMeaning: [String] {
        ["\(ProgressMeasures.quizScoreName): \(ProgressMeasures.quizScoreMeaning)",
         "\(ProgressMeasures.rememberedNowName): \(ProgressMeasures.rememberedNowMeaning)"]
    }

    /// The benefit and risk tags the course has, with the words for them.
    var sides: [(name: String, tag: TagAccuracy)] {
        [("Benefits", "benefit"), ("Risks", "risk")].compactMap { name, tag in
            review.tags.first { $0.tag == tag }.map { (name, $0) }
        }
    }

    /// `lesson`'s quiz results, if it has any.
    func results(of lesson: Lesson) -> LessonScore? {
        review.lessons.first { $0.lessonID == lesson.id }
    }

    /// The course's questions by id (the first of any duplicate).
    var questionsByID: [String: Question] {
        Dictionary(course.allQuestions.map { ($0.id, $0) }) { a, _ in a }
    }

    var text: String {
        var out = "\(Sanitizer.clean(course.info.title, singleLine: true)): progress\n\n"
        out += lessonsReadLine + "\n"
        out += answersLine + "\n"
        out += quizzesLine + "\n"
        out += rememberedLine + "\n"
        let due = plan.dueQuestionIDs.count
        if due > 0 {
            out += "Due for review: \(Wording.count(due, "question")) (marrow quiz --review --plain)\n"
        }
        out += "\n"
        let titleWidth = min(40, course.lessons.map { DisplayWidth.of($0.title) }.max() ?? 10)
        out += pad("  #", 3) + "  " + pad("Lesson", titleWidth) + "  " + pad("Read", 4) + "  " + pad(ProgressMeasures.quizScoreName, 11) + "  "
            + ProgressMeasures.rememberedNowName + "\n"
        for (index, lesson) in course.lessons.enumerated() {
            let mastery = plan.mastery(lessonID: lesson.id)
            let row = pad(String(index + 1), 3, right: true) + "  "
                + pad(DisplayWidth.truncate(Sanitizer.clean(lesson.title, singleLine: true), to: titleWidth), titleWidth) + "  "
                + pad(state[lesson: lesson.id].isRead ? "yes" : "no", 4) + "  "
                + pad(Self.score(results(of: lesson)?.quizScore), 11) + "  "
                + (mastery.total == 0 ? "–" : "\(mastery.mastered)/\(mastery.total)")
            out += row.trimmingTrailingSpaces() + "\n"
        }
        for broken in course.brokenLessons {
            out += "  -  \(Sanitizer.clean(broken.title, singleLine: true)) (cannot be opened: \(broken.error.message))\n"
        }
        if !sides.isEmpty {
            out += "\nWhat you know about the benefits and the risks\n"
            for (name, tag) in sides {
                let known = "remembered now \(Self.mastery(plan.mastery(tag: tag.tag)))"
                out += "  About the \(name.lowercased()): " + (tag.answered == 0 ? known + ", not answered yet" : known) + "\n"
            }
        }
        if !review.mostMissed.isEmpty {
            out += "\nQuestions missed most\n"
            let questions = questionsByID
            for missed in review.mostMissed.prefix(5) {
                let prompt = questions[missed.questionID].map { Sanitizer.clean($0.prompt.plainText, singleLine: true) } ?? missed.questionID
                let lessonTitle = Sanitizer.clean(course.lesson(id: missed.lessonID)?.title ?? missed.lessonID, singleLine: true)
                out += "  missed \(missed.timesMissed) of \(missed.timesAnswered): \(DisplayWidth.truncate(prompt, to: 70)) (\(lessonTitle))\n"
            }
        }
        out += "\n" + Self.measuresMeaning.joined(separator: "\n") + "\n"
        return out
    }

    struct JSONReport: Encodable {
        struct Totals: Encodable {
            var answered: Int
            var correct: Int
            var lessonsRead: Int
            var lessonsTotal: Int
        }
        struct LessonEntry: Encodable {
            var id: String
            var title: String
            var read: Bool
            var questions: Int
            var quizScore: QuizScoreEntry?
            var rememberedNow: RememberedEntry
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(title, forKey: .title)
                try c.encode(read, forKey: .read)
                try c.encode(questions, forKey: .questions)
                try c.encode(quizScore, forKey: .quizScore)
                try c.encode(rememberedNow, forKey: .rememberedNow)
            }
            enum CodingKeys: String, CodingKey { case id, title, read, questions, quizScore, rememberedNow }
        }
        /// The best whole-quiz try: right answers of the questions asked.
        struct QuizScoreEntry: Encodable {
            var correct: Int
            var total: Int
            var percent: Int
            init(_ s: QuizScore) {
                correct = s.correct
                total = s.total
                percent = s.percent
            }
        }
        struct TagEntry: Encodable {
            var answered: Int
            var correct: Int
            var rememberedNow: RememberedEntry
        }
        /// Questions answered right last time and likely (recall probability 0.9 or more) to be known now, of all.
        struct RememberedEntry: Encodable {
            var count: Int
            var total: Int
            var fraction: Double
            init(_ m: Mastery) {
                count = m.mastered
                total = m.total
                fraction = m.fraction
            }
        }
        /// Days with at least one answer (a record, not a streak); `last` as YYYY-MM-DD.
        struct StudyDaysEntry: Encodable {
            var count: Int
            var last: String?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(count, forKey: .count)
                try c.encode(last, forKey: .last)
            }
            enum CodingKeys: String, CodingKey { case count, last }
        }
        /// What the review schedule says now.
        struct ReviewEntry: Encodable {
            var due: [String]
            var nextDue: Date?
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(due, forKey: .due)
                try c.encode(nextDue, forKey: .nextDue)
            }
            enum CodingKeys: String, CodingKey { case due, nextDue }
        }
        struct MissedEntry: Encodable {
            var question: String
            var lesson: String
            var missed: Int
            var answered: Int
        }
        var course: String
        var totals: Totals
        var lessons: [LessonEntry]
        var byTag: [String: TagEntry]
        var mostMissed: [MissedEntry]
        var studyDays: StudyDaysEntry
        var rememberedNow: RememberedEntry
        var reviews: ReviewEntry
    }

    func json() throws -> String {
        let report = JSONReport(
            course: course.info.id,
            totals: .init(answered: review.answered, correct: review.correct, lessonsRead: lessonsRead, lessonsTotal: course.lessons.count),
            lessons: course.lessons.map { lesson in
                .init(id: lesson.id, title: lesson.title, read: state[lesson: lesson.id].isRead, questions: lesson.quiz.count,
                      quizScore: results(of: lesson)?.quizScore.map(JSONReport.QuizScoreEntry.init),
                      rememberedNow: .init(plan.mastery(lessonID: lesson.id)))
            },
            byTag: Dictionary(review.tags.map {
                ($0.tag, JSONReport.TagEntry(answered: $0.answered, correct: $0.correct, rememberedNow: .init(plan.mastery(tag: $0.tag))))
            }) { a, _ in a },
            mostMissed: review.mostMissed.map { .init(question: $0.questionID, lesson: $0.lessonID, missed: $0.timesMissed, answered: $0.timesAnswered) },
            studyDays: .init(count: review.studyDays.count, last: review.lastStudyDay?.description),
            rememberedNow: .init(plan.overallMastery),
            reviews: .init(due: plan.dueQuestionIDs, nextDue: plan.nextDue(after: now))
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return Sanitizer.jsonSafe(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// "2 of 3 (67%)", or "0 of 0".
    static func mastery(_ mastery: Mastery) -> String {
        guard let percent = Scoring.percent(mastery.mastered, of: mastery.total) else { return "0 of 0" }
        return "\(mastery.mastered) of \(mastery.total) (\(percent)%)"
    }

    /// "7/8 (88%)" or "–".
    static func score(_ score: QuizScore?) -> String {
        guard let score else { return "–" }
        return "\(score.fraction) (\(score.percent)%)"
    }

    private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
        return right ? gap + s : s + gap
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
