import ArgumentParser
import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `marrow quiz`: a lesson's quiz, the questions due for review, or the last
/// quiz's mistakes, on plain standard input and output (`--plain`).
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a quiz on plain input and output: a lesson's, the questions due for review, or your last mistakes.",
        discussion: """
            With --plain, prints each question with numbered choices and reads one line: a number, \
            several numbers for "select all that apply" (1 3 or 1,3), or t/f for true or false. \
            After a right answer, Enter goes on; h or e first says it was hard or easy. \
            u at the next prompt takes back the answer just given and asks that question again. q stops. \
            Each answer is saved the moment it is given; the end of input stops the quiz cleanly. \
            A lesson's quiz left part-way picks up at its next question (--restart starts over). \
            For screen readers, braille displays and scripts.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The lesson: its number in the course (1, 2 …), its id, its file name, or a unique part of its id or title (gvhd).", valueName: "lesson"))
    var lesson: String?

    @Flag(help: "Review the questions that are due now.")
    var review = false

    @Flag(help: "Practice again the questions missed in your last quiz.")
    var mistakes = false

    @Flag(help: "Plain standard input and output, no full-screen app.")
    var plain = false

    @Flag(help: "Start the lesson's quiz over, instead of picking up where it was left part-way.")
    var restart = false

    @Option(help: ArgumentHelp("Shuffle the choices with this seed, to repeat an order.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("desired-retention"),
            help: ArgumentHelp("How likely you want to still know an answer when it is due for review, 0.7 to 0.99 (default: the course's, usually 0.9).", valueName: "x"))
    var desiredRetention: Double?

    @Option(name: .customLong("review-limit"),
            help: ArgumentHelp("With --review: ask at most this many of the questions due, 1 to 1000 (default: the course's, usually 20).", valueName: "n"))
    var reviewLimit: Int?

    @Flag(name: .customLong("no-color"), help: "Print without color (the plain quiz has none anyway).")
    var noColor = false

    func validate() throws {
        let asked = [lesson != nil, review, mistakes].filter { $0 }.count
        if asked == 0 { throw ValidationError("name a lesson (its id, number or file name), or pass --review or --mistakes") }
        if asked > 1 { throw ValidationError("give one of: a lesson, --review, --mistakes") }
        if restart && lesson == nil { throw ValidationError("--restart goes with a lesson's quiz") }
        if reviewLimit != nil && !review { throw ValidationError("--review-limit goes with --review") }
        try checkReviewLimit(reviewLimit)
        try checkDesiredRetention(desiredRetention)
    }

    func run() throws {
        let console = LineConsole()
        try run(console: console)
        try console.check()
    }

    private func run(console: LineConsole) throws {
        guard plain else {
            printError("marrow: the full-screen quiz is in the app: run `marrow` and open the lesson's quiz there. Add --plain for this quiz on plain input and output.")
            throw ExitCode(2)
        }
        let course = CourseLoader.load(directory: try global.lessonsDirectory())
        let store = ProgressStore(path: try global.progressPath())
        let now = try global.now()
        let (progress, said) = try Self.loadProgress(store)
        let fsrs = course.info.scheduler(desiredRetention: desiredRetention)
        guard let selection = try selectQuestions(course: course, store: store, said: said, now: now, fsrs: fsrs, console: console) else { return }
        let session = try startSession(selection, course: course, progress: progress, store: store, said: said, now: now)
        try takeQuiz(session, title: selection.title, course: course, progress: progress, store: store, fsrs: fsrs, console: console)
        if selection.moreDue > 0 {
            console.say("\(Wording.count(selection.moreDue, "more question")) due — do them later, or keep going: run the same command again.")
        }
    }

    /// What the quiz asks: a lesson's quiz (`questionIDs` nil), or the questions due
    /// or missed (`lessonID` nil).
    struct Selection {
        let title: String
        let lessonID: String?
        let questionIDs: [String]?
        /// Questions due beyond the review limit, left for later.
        var moreDue = 0
    }

    /// The progress as saved, after printing the load's notices (returned too, as said).
    static func loadProgress(_ store: ProgressStore) throws -> (progress: LearnerProgress, said: [String]) {
        do {
            let loaded = try store.load()
            for notice in loaded.notices { printError("marrow: \(notice)") }
            return (loaded.progress, loaded.notices)
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// The lesson's quiz, the questions due or the last quiz's mistakes; nil, after
    /// saying why, when there is nothing to ask.
    private func selectQuestions(course: Course, store: ProgressStore, said: [String], now: Date, fsrs: FSRS,
                                 console: LineConsole) throws -> Selection? {
        if let lesson {
            let found = try LessonArgument.find(lesson, in: course)
            guard !found.quiz.isEmpty else {
                console.say("\(Sanitizer.clean(found.title, singleLine: true)) has no quiz.")
                return nil
            }
            return Selection(title: "Quiz: \(found.title)", lessonID: found.id, questionIDs: nil)
        }
        let records = try Self.records(store, said: said)
        if review {
            let plan = ReviewPlan.make(course: course, records: records, now: now, fsrs: fsrs)
            guard !plan.dueQuestionIDs.isEmpty else {
                console.say(Self.nothingDue(plan: plan, answeredAny: !records.isEmpty, now: now))
                return nil
            }
            let limit = reviewLimit ?? course.info.reviewLimit
            let asked = Array(plan.dueQuestionIDs.prefix(limit))
            let title = asked.count < plan.dueQuestionIDs.count
                ? "Review: \(asked.count) of the \(plan.dueQuestionIDs.count) questions due now"
                : "Review: questions due now"
            return Selection(title: title, lessonID: nil, questionIDs: asked, moreDue: plan.dueQuestionIDs.count - asked.count)
        }
        let missed = Scoring.lastSessionMistakes(records: records, course: course)
        guard !missed.isEmpty else {
            console.say(records.isEmpty
                ? "No quiz taken yet, so no mistakes to practice."
                : "No mistakes to practice: every answer in your last quiz was right.")
            return nil
        }
        return Selection(title: "Practice: the questions you missed last time", lessonID: nil, questionIDs: missed)
    }

    /// A lesson's quiz left part-way continues, as in the app (unless `--restart`);
    /// otherwise a new attempt.
    private func startSession(_ selection: Selection, course: Course, progress: LearnerProgress, store: ProgressStore,
                              said: [String], now: Date) throws -> QuizSession {
        let seed = seed ?? UInt64.random(in: .min ... .max)
        if !restart, selection.questionIDs == nil, let lessonID = selection.lessonID {
            var generator = SplitMix64(seed: seed)
            if let resumed = try QuizSession.resumed(lessonID: lessonID, course: course, progress: progress[course: course.info.id],
                                                     history: { try Self.records(store, said: said) }, generator: &generator) {
                return resumed
            }
        }
        return QuizSession(course: course, lessonID: selection.lessonID, questionIDs: selection.questionIDs, started: now, seed: seed)
    }

    /// Asks the session's questions on `console`, saving each answer as it is given.
    private func takeQuiz(_ session: QuizSession, title: String, course: Course, progress: LearnerProgress,
                          store: ProgressStore, fsrs: FSRS, console: LineConsole) throws {
        let fixedNow = try global.fixedNow()
        var recorded = false
        var progress = progress
        var quiz = PlainQuiz(
            session: session, course: course, title: title,
            width: ReadCommand.terminalWidth() ?? 1000, console: console,
            now: { fixedNow ?? Date() },
            save: { record in
                do {
                    try store.record(answer: record, into: &progress, fsrs: fsrs)
                    recorded = true
                } catch {
                    throw CLIError("\(error)")
                }
            },
            selfGrade: { record, rating in
                do { try store.regrade(AnswerGrade(of: record, rating: rating, time: fixedNow ?? Date()), into: &progress, fsrs: fsrs) } catch {
                    throw CLIError("\(error)")
                }
            },
            undo: { record in
                do {
                    try store.undo(AnswerUndo(of: record, time: fixedNow ?? Date()), into: &progress, fsrs: fsrs)
                    recorded = true
                } catch {
                    throw CLIError("\(error)")
                }
            })
        // Each answer is in the log the moment it is acknowledged; the state file is
        // rewritten once, when the quiz ends (or, after a crash, the next load replays the log).
        let ending: Result<PlainQuiz.Ending, any Error> = Result { try quiz.run() }
        if recorded {
            do { try store.save(progress) } catch {
                if case .failure(let quizError) = ending { throw quizError }
                throw CLIError("\(error)")
            }
        }
        _ = try ending.get()
    }

    /// The log's answers, after its warning unless loading has `said` it already
    /// (a state rebuilt from the log says it among its notices).
    static func records(_ store: ProgressStore, said: [String]) throws -> [AnswerRecord] {
        do {
            let log = try store.readLog()
            if let warning = log.warning, !said.contains(warning) { printError("marrow: \(warning)") }
            return log.records
        } catch {
            throw CLIError("\(error)")
        }
    }

    /// "Nothing is due for review now. The next question falls due on …".
    static func nothingDue(plan: ReviewPlan, answeredAny: Bool, now: Date) -> String {
        guard answeredAny, let next = plan.nextDue(after: now) else {
            return answeredAny
                ? "Nothing is due for review."
                : "Nothing is due for review yet: questions come up for review after you answer them in a lesson's quiz."
        }
        let today = DayClock.system.day(of: now)
        let day = DayClock.system.day(of: next)
        let days = day.dayNumber - today.dayNumber
        let when: String
        switch days {
        case ..<1: when = "later today"
        case 1: when = "tomorrow, \(day)"
        default: when = "on \(day), in \(days) days"
        }
        return "Nothing is due for review now. The next question falls due \(when)."
    }
}
