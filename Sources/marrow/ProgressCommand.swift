import ArgumentParser
import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `marrow progress`: the progress review as text or JSON, from the progress files.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show your progress: lessons read, quiz scores, benefits against risks, questions most missed."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print a JSON object with totals and per-lesson results.")
    var json = false

    func run() throws {
        let course = CourseLoader.load(directory: try global.lessonsDirectory())
        let store = ProgressStore(path: global.progressPath())
        let loaded: ProgressStore.LoadResult
        let log: LogReadResult
        do {
            loaded = try store.load()
            log = try store.readLog()
        } catch {
            throw CLIError("\(error)")
        }
        for notice in loaded.notices { printError("marrow: \(notice)") }
        let review = Scoring.review(records: log.records, course: course, now: Date())
        let state = loaded.progress[course: course.info.id]
        let report = ProgressReport(course: course, state: state, review: review)
        print(json ? try report.json() : report.text, terminator: json ? "\n" : "")
    }
}

/// What `marrow progress` prints, built from the course, the saved state and the scored log.
struct ProgressReport {
    let course: Course
    let state: CourseProgress
    let review: ProgressReview

    private var lessonsRead: Int { course.lessons.filter { state[lesson: $0.id].isRead }.count }

    var text: String {
        var out = "\(course.info.title): progress\n\n"
        let total = course.lessons.count
        out += "Lessons read: \(lessonsRead) of \(total)"
        if let p = Scoring.percent(lessonsRead, of: total) { out += " (\(p)%)" }
        out += "\n"
        if review.answered == 0 {
            out += "Answers: none yet\n"
        } else {
            out += "Answers: \(review.answered), \(review.correct) correct (\(review.overallPercent ?? 0)%)\n"
        }
        out += "\n"
        let titleWidth = min(40, course.lessons.map { DisplayWidth.of($0.title) }.max() ?? 10)
        out += pad("  #", 3) + "  " + pad("Lesson", titleWidth) + "  " + pad("Read", 4) + "  " + pad("Best", 11) + "  Last\n"
        for (index, lesson) in course.lessons.enumerated() {
            let score = review.lessons.first { $0.lessonID == lesson.id }
            let questions = lesson.quiz.count
            let row = pad(String(index + 1), 3, right: true) + "  "
                + pad(DisplayWidth.truncate(Sanitizer.clean(lesson.title, singleLine: true), to: titleWidth), titleWidth) + "  "
                + pad(state[lesson: lesson.id].isRead ? "yes" : "no", 4) + "  "
                + pad(Self.score(score?.bestScore, of: questions), 11) + "  "
                + Self.score(score?.lastScore, of: questions)
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
            let questions = Dictionary(course.allQuestions.map { ($0.id, $0) }) { a, _ in a }
            for missed in review.mostMissed.prefix(5) {
                let prompt = questions[missed.questionID].map { Sanitizer.clean($0.prompt.plainText, singleLine: true) } ?? missed.questionID
                let lessonTitle = course.lesson(id: missed.lessonID)?.title ?? missed.lessonID
                out += "  missed \(missed.timesMissed) of \(missed.timesAnswered): \(DisplayWidth.truncate(prompt, to: 70)) (\(lessonTitle))\n"
            }
        }
        if review.currentStreak > 0 {
            out += "\nStudy streak: \(review.currentStreak) day\(review.currentStreak == 1 ? "" : "s")\n"
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
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(id, forKey: .id)
                try c.encode(title, forKey: .title)
                try c.encode(read, forKey: .read)
                try c.encode(questions, forKey: .questions)
                try c.encode(bestScore, forKey: .bestScore)
                try c.encode(lastScore, forKey: .lastScore)
            }
            enum CodingKeys: String, CodingKey { case id, title, read, questions, bestScore, lastScore }
        }
        struct TagEntry: Encodable {
            var answered: Int
            var correct: Int
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
    }

    func json() throws -> String {
        let report = JSONReport(
            course: course.info.id,
            totals: .init(answered: review.answered, correct: review.correct, lessonsRead: lessonsRead, lessonsTotal: course.lessons.count),
            lessons: course.lessons.map { lesson in
                let score = review.lessons.first { $0.lessonID == lesson.id }
                return .init(id: lesson.id, title: lesson.title, read: state[lesson: lesson.id].isRead, questions: lesson.quiz.count,
                             bestScore: score?.bestScore, lastScore: score?.lastScore)
            },
            byTag: Dictionary(review.tags.map { ($0.tag, JSONReport.TagEntry(answered: $0.answered, correct: $0.correct)) }) { a, _ in a },
            mostMissed: review.mostMissed.map { .init(question: $0.questionID, lesson: $0.lessonID, missed: $0.timesMissed, answered: $0.timesAnswered) },
            currentStreak: review.currentStreak
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
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
