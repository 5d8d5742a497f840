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
        abstract: "Show your progress: lessons read, quiz scores, mastery, benefits against risks, questions most missed.",
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
        if let warning = log.warning { printError("marrow: \(warning)") }
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

    /// "Answers: 10, 7 correct (70%)", or "Answers: none yet".
    var answersLine: String {
        review.answered == 0
            ? "Answers: none yet"
            : "Answers: \(review.answered), \(review.correct) correct (\(review.overallPercent ?? 0)%)"
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
        out += "Questions mastered (likely to be recalled now): \(Self.mastery(plan.overallMastery))\n"
        let due = plan.dueQuestionIDs.count
        if due > 0 {
            out += "Due for review: \(Wording.count(due, "question")) (marrow quiz --review --plain)\n"
        }
        out += "\n"
        let titleWidth = min(40, course.lessons.map { DisplayWidth.of($0.title) }.max() ?? 10)
        out += pad("  #", 3) + "  " + pad("Lesson", titleWidth) + "  " + pad("Read", 4) + "  " + pad("Best", 11) + "  "
            + pad("Last", 11) + "  Mastered\n"
        for (index, lesson) in course.lessons.enumerated() {
            let score = results(of: lesson)
            let questions = lesson.quiz.count
            let mastery = plan.mastery(lessonID: lesson.id)
            let row = pad(String(index + 1), 3, right: true) + "  "
                + pad(DisplayWidth.truncate(Sanitizer.clean(lesson.title, singleLine: true), to: titleWidth), titleWidth) + "  "
                + pad(state[lesson: lesson.id].isRead ? "yes" : "no", 4) + "  "
                + pad(Self.score(score?.bestScore, of: questions), 11) + "  "
                + pad(Self.score(score?.lastScore, of: questions), 11) + "  "
                + (mastery.total == 0 ? "–" : "\(mastery.mastered)/\(mastery.total)")
            out += row.trimmingTrailingSpaces() + "\n"
        }
        for broken in course.brokenLessons {
            out += "  -  \(Sanitizer.clean(broken.title, singleLine: true)) (cannot be opened: \(broken.error.message))\n"
        }
        let benefit = review.tags.first { $0.tag == "benefit" }
        let risk = review.tags.first { $0.tag == "risk" }
        if benefit != nil || risk != nil {
            out += "\nBenefits against risks\n"
            for (name, tag) in [("Benefit questions", benefit), ("Risk questions", risk)] {
                guard let tag else { continue }
                if let p = tag.percent {
                    out += "  \(name): \(tag.correct) of \(tag.answered) right (\(p)%)\n"
                } else {
                    out += "  \(name): not answered yet\n"
                }
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
        if review.currentStreak > 0 {
            out += "\nStudy streak: \(Wording.count(review.currentStreak, "day"))\n"
        }
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
            var bestScore: Double?
            var lastScore: Double?
            var mastery: MasteryEntry
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(title, forKey: .title)
                try c.encode(read, forKey: .read)
                try c.encode(questions, forKey: .questions)
                try c.encode(bestScore, forKey: .bestScore)
                try c.encode(lastScore, forKey: .lastScore)
                try c.encode(mastery, forKey: .mastery)
            }
            enum CodingKeys: String, CodingKey { case id, title, read, questions, bestScore, lastScore, mastery }
        }
        struct TagEntry: Encodable {
            var answered: Int
            var correct: Int
            var mastery: MasteryEntry
        }
        /// Questions likely to be recalled now (recall probability 0.9 or more), of all.
        struct MasteryEntry: Encodable {
            var mastered: Int
            var total: Int
            var fraction: Double
            init(_ m: Mastery) {
                mastered = m.mastered
                total = m.total
                fraction = m.fraction
            }
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
        var currentStreak: Int
        var mastery: MasteryEntry
        var reviews: ReviewEntry
    }

    func json() throws -> String {
        let report = JSONReport(
            course: course.info.id,
            totals: .init(answered: review.answered, correct: review.correct, lessonsRead: lessonsRead, lessonsTotal: course.lessons.count),
            lessons: course.lessons.map { lesson in
                let score = results(of: lesson)
                return .init(id: lesson.id, title: lesson.title, read: state[lesson: lesson.id].isRead, questions: lesson.quiz.count,
                             bestScore: score?.bestScore, lastScore: score?.lastScore,
                             mastery: .init(plan.mastery(lessonID: lesson.id)))
            },
            byTag: Dictionary(review.tags.map {
                ($0.tag, JSONReport.TagEntry(answered: $0.answered, correct: $0.correct, mastery: .init(plan.mastery(tag: $0.tag))))
            }) { a, _ in a },
            mostMissed: review.mostMissed.map { .init(question: $0.questionID, lesson: $0.lessonID, missed: $0.timesMissed, answered: $0.timesAnswered) },
            currentStreak: review.currentStreak,
            mastery: .init(plan.overallMastery),
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
    static func score(_ value: Double?, of questions: Int) -> String {
        guard let value else { return "–" }
        let percent = Int((value * 100).rounded())
        guard questions > 0 else { return "\(percent)%" }
        let right = Int((value * Double(questions)).rounded())
        return "\(right)/\(questions) (\(percent)%)"
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
