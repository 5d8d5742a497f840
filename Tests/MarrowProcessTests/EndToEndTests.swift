import Foundation
import Testing
import MarrowTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives the built `marrow` binary in tmux as a person would: real keys, a real
/// terminal that resizes, real files, real signals. Skipped only when tmux is not
/// installed (CI installs it).
///
/// Nothing here can hang: every tmux command is a child process waited for with a
/// deadline and its output read from a file (no pipes), every wait on the screen
/// polls `capture-pane` until a deadline and then fails with the last screen, and
/// each test's tmux server (a private socket) is killed on the way out.
@Suite(
    .serialized,
    .timeLimit(.minutes(15)),
    .enabled(if: TmuxSession.executable != nil, "tmux is not installed: the end-to-end tests drive marrow in tmux")
)
struct EndToEndTests {
    let course = Marrow.fixture("course")

    @Test func aLearnersJourney() throws {
        let run = try MarrowRun(course: course)
        defer { run.cleanUp() }
        var tmux = try run.start()
        defer { tmux.close() }

        // First run: the disclaimer, then, once, "Start here", then the course map.
        let map = try tmux.throughFirstRun()
        #expect(map.contains("0 of 2 lessons read"), "\(map)")
        #expect(map.contains("○ new"), "\(map)")

        // Open the first lesson and scroll until a paragraph starts the page.
        tmux.keys("Enter")
        try tmux.screen(showing: "Paragraph 1 of the long lesson")
        let wide = try tmux.scroll(until: { (paragraphAtTop($0) ?? 0) >= 5 })
        let top = try #require(paragraphAtTop(wide))

        // Resize mid-lesson: the same paragraph stays at the top, laid out again.
        tmux.resize(columns: 50, rows: 24)
        // (tmux cuts the old lines at 50 columns at once; only a real re-wrap joins up.)
        let narrow = try tmux.screen("the lesson re-wrapped at 50 columns with paragraph \(top) at the top") {
            paragraphAtTop($0) == top && startsParagraph($0, top) && bodyLine(1, of: $0) != bodyLine(1, of: wide)
        }
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 50 })
        tmux.resize(columns: 80, rows: 24)
        try tmux.screen("paragraph \(top) at the top, back at 80 columns") {
            paragraphAtTop($0) == top && bodyLine(1, of: $0) == bodyLine(1, of: wide)
        }

        // Too small, then back: the screen recovers at the same place.
        tmux.resize(columns: 20, rows: 5)
        try tmux.screen(showing: "Terminal too small")
        tmux.resize(columns: 80, rows: 24)
        try tmux.screen("the reader again, paragraph \(top) at the top") {
            paragraphAtTop($0) == top && $0.contains("Reader") && !$0.contains("too small")
        }

        // Read to the end: the lesson is marked read.
        tmux.keys("G")
        let end = try tmux.screen(showing: "ENDMARKER")
        #expect(end.contains("Lesson marked as read"), "\(end)")
        #expect(end.contains("100%"), "\(end)")

        // Its quiz: one right answer, one wrong, each with its feedback.
        tmux.keys("t")
        try tmux.screen(showing: "Question 1 of 2")
        tmux.keys("2", "Enter")
        let right = try tmux.screen(showing: "✓ Correct")
        #expect(right.contains("✓ 2. Bone marrow (your answer)"), "\(right)")
        #expect(right.contains("FIRSTEXPLANATION"), "\(right)")
        tmux.keys("Enter")
        try tmux.screen(showing: "Question 2 of 2")
        tmux.keys("f", "Enter")
        let wrong = try tmux.screen(showing: "✗ Not quite")
        #expect(wrong.contains("✓ 1. True"), "\(wrong)")
        #expect(wrong.contains("✗ 2. False (your answer)"), "\(wrong)")
        #expect(wrong.contains("SECONDEXPLANATION"), "\(wrong)")
        tmux.keys("Enter")
        try tmux.screen(showing: "Quiz score: 1/2 (50%)")

        // Back to the course map, then the progress review.
        tmux.keys("Enter")
        try tmux.screen(showing: "Reader")
        tmux.keys("q")
        let mapAfter = try tmux.screen(showing: "Course map")
        #expect(mapAfter.contains("1 of 2 lessons read"), "\(mapAfter)")
        tmux.keys("p")
        let review = try tmux.screen(showing: "Progress review")
        let longLessonRow = review.split(separator: "\n").first { $0.contains("A long lesson") }.map(String.init) ?? ""
        #expect(longLessonRow.contains("✓ read") && longLessonRow.contains("1/2"), "\(review)")

        // Quit: exit code 0 and the shell's terminal as it was.
        tmux.keys("q")
        try tmux.screen(showing: "Course map")
        tmux.keys("q")
        let shell = try tmux.screen(showing: "TERMINAL-")
        #expect(shell.contains("EXIT=0"), "\(shell)")
        #expect(shell.contains("TERMINAL-SANE"), "\(shell)")
        tmux.close()

        // Both answers were written, in the order given.
        let log = try run.answerLog()
        #expect(log.count == 2, "\(log)")
        #expect(log.first?.contains(#""question":"e2e-q1""#) == true && log.first?.contains(#""correct":true"#) == true, "\(log)")
        #expect(log.last?.contains(#""question":"e2e-q2""#) == true && log.last?.contains(#""correct":false"#) == true, "\(log)")
        let totals = try run.progressTotals()
        #expect(totals == Totals(answered: 2, correct: 1, lessonsRead: 1), "\(totals)")
        // Quitting leaves nothing but the progress, its log and its lock beside them.
        #expect(!FileManager.default.fileExists(atPath: run.folder + "/progress.first-screen"))
        // A first-screen cache an older Marrow left there is never read: one that
        // claims another screen (and holds an escape) changes nothing, and stays as it was.
        let oldCache = "marrow first screen 1\nCourse map\n\u{1B}[2J0 of 2 lessons read STALE\n"
        try oldCache.write(toFile: run.folder + "/progress.first-screen", atomically: true, encoding: .utf8)

        // Start again: no disclaimer; the lesson is read, the score kept, and
        // "Continue" opens the next lesson, the one not read yet, at its start.
        tmux = try run.start()
        let again = try tmux.screen(showing: "Course map")
        #expect(!again.contains("About this course"), "\(again)")
        #expect(again.contains("1 of 2 lessons read"), "\(again)")
        #expect(again.contains("quiz 1/2"), "\(again)")
        #expect(again.contains("Continue: A short lesson (next lesson)"), "\(again)")
        #expect(!again.contains("STALE"), "\(again)")
        tmux.keys("Enter")
        try tmux.screen(showing: "Short text about marrow")
        tmux.keys("q")
        try tmux.screen(showing: "Course map")
        tmux.keys("q")
        let secondShell = try tmux.screen(showing: "TERMINAL-")
        #expect(secondShell.contains("EXIT=0"), "\(secondShell)")
        #expect(secondShell.contains("TERMINAL-SANE"), "\(secondShell)")
        #expect((try? String(contentsOfFile: run.folder + "/progress.first-screen", encoding: .utf8)) == oldCache)
    }

    /// A hangup mid-quiz (the first answer given, the second question showing),
    /// as a closed terminal window sends it: the answer is kept, the terminal
    /// restored, and the shell sees 128 + the signal. (Every other stop signal
    /// through the binary: `SignalScreenTests`; picking the quiz up at the
    /// question the signal interrupted: `InProcessJourneyTests.saveOnTerminateThenQuizResume`.)
    @Test func aHangupMidQuizSavesTheAnswerAndRestoresTheTerminal() throws {
        let run = try MarrowRun(course: course)
        defer { run.cleanUp() }
        let tmux = try run.start()
        defer { tmux.close() }

        try tmux.throughFirstRun()
        tmux.keys("t")
        try tmux.screen(showing: "Question 1 of 2")
        tmux.keys("2", "Enter")
        try tmux.screen(showing: "✓ Correct")
        tmux.keys("Enter")
        try tmux.screen(showing: "Question 2 of 2")

        let pid = try run.marrowPID()
        #expect(kill(pid, SIGHUP) == 0)
        let shell = try tmux.screen(showing: "TERMINAL-")
        #expect(shell.contains("EXIT=\(128 + SIGHUP)"), "\(shell)")
        #expect(shell.contains("TERMINAL-SANE"), "\(shell)")

        let log = try run.answerLog()
        #expect(log.count == 1, "\(log)")
        #expect(log.first?.contains(#""question":"e2e-q1""#) == true && log.first?.contains(#""correct":true"#) == true, "\(log)")
        let totals = try run.progressTotals()
        #expect(totals == Totals(answered: 1, correct: 1, lessonsRead: 0), "\(totals)")
    }
}

/// The overall numbers `marrow progress --json` reports.
struct Totals: Equatable, CustomStringConvertible {
    var answered: Int
    var correct: Int
    var lessonsRead: Int
    var description: String { "answered \(answered), correct \(correct), lessons read \(lessonsRead)" }
}

/// The number N of a "Paragraph N" line at the top of a reader's body (row 3).
private func paragraphAtTop(_ screen: String) -> Int? {
    let line = bodyLine(0, of: screen).drop { $0 == " " }
    guard line.hasPrefix("Paragraph ") else { return nil }
    return Int(line.dropFirst("Paragraph ".count).prefix { $0.isNumber })
}

/// Whether the first two body lines, joined, begin paragraph `number` of the
/// fixture word for word: the text was wrapped for this width, not cut.
private func startsParagraph(_ screen: String, _ number: Int) -> Bool {
    let sentence = "Paragraph \(number) of the long lesson. Bone marrow makes blood cells, and platelets help blood clot; this sentence is here to fill the screen."
    let joined = [bodyLine(0, of: screen), bodyLine(1, of: screen)]
        .map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
    return sentence.hasPrefix(joined)
}

/// A line of a reader's body: the reader has a title row and a rule above it.
private func bodyLine(_ index: Int, of screen: String) -> String {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count > index + 2 ? String(lines[index + 2]) : ""
}

// MARK: - One learner's marrow, in a folder of its own

/// A temporary folder with the progress file, a script tmux runs in its pane,
/// and the pid marrow writes there: marrow, then its exit code and whether the
/// terminal was left sane, as a shell would see them.
struct MarrowRun {
    let folder: String
    let course: String
    var progress: String { folder + "/progress.json" }
    var pidFile: String { folder + "/marrow.pid" }
    var script: String { folder + "/session.sh" }

    init(course: String) throws {
        folder = try Marrow.temporaryDirectory()
        self.course = course
        let marrow = Marrow.executable
        try #require(FileManager.default.isExecutableFile(atPath: marrow), "marrow is not built at \(marrow)")
        let environment = "LANG=C.UTF-8 LC_ALL= TERM=xterm-256color NO_COLOR= MARROW_LESSONS= MARROW_PROGRESS=\(Fault.quoted(progress))"
        let text = """
            # marrow writes its pid (sh execs it), runs, and the shell reports after it.
            sh -c 'echo $$ > "$0"; exec "$@"' \(Fault.quoted(pidFile)) env \(environment) \(Fault.quoted(marrow)) --lessons \(Fault.quoted(course))
            echo "EXIT=$?"
            if stty -a | grep -q -- ' icanon' && stty -a | grep -q -- ' echo '; then echo TERMINAL-SANE; else echo TERMINAL-BROKEN; fi
            exec sleep 300

            """
        try text.write(toFile: script, atomically: true, encoding: .utf8)
    }

    /// A new tmux server running the script in an 80×24 pane.
    func start() throws -> TmuxSession {
        try? FileManager.default.removeItem(atPath: pidFile)
        return try TmuxSession(shellCommand: "/bin/sh \(Fault.quoted(script))")
    }

    /// The pid of the running marrow, as it wrote it.
    func marrowPID() throws -> pid_t {
        let text = try String(contentsOfFile: pidFile, encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), "no pid in \(pidFile): \(text)")
    }

    /// The answer log beside the progress file, one record a line.
    func answerLog() throws -> [String] {
        let text = try String(contentsOfFile: folder + "/progress.history.jsonl", encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// What `marrow progress --json` reads from the saved files.
    func progressTotals() throws -> Totals {
        let result = try Child.run([Marrow.executable, "progress", "--json", "--lessons", course, "--progress", progress], folder: folder)
        try #require(result.status == 0, "marrow progress failed: \(result.output)")
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let totals = try #require(object?["totals"] as? [String: Any], "no totals in \(result.output)")
        return Totals(
            answered: totals["answered"] as? Int ?? -1,
            correct: totals["correct"] as? Int ?? -1,
            lessonsRead: totals["lessonsRead"] as? Int ?? -1
        )
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

// MARK: - Child processes

/// The suites' one process runner (`ProcessRunner`), under its old name here.
typealias Child = ProcessRunner
