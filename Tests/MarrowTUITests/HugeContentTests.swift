import Foundation
import Testing
import MarrowTestSupport
@testable import MarrowCore
@testable import MarrowTUI

/// Lessons far larger than any real one: 10 MB, 100,000 lines, a 10,000-character word,
/// a 2,000-question quiz. Each is written to a temporary folder, loaded, opened in the
/// reader, scrolled, searched and quizzed through the app's pure update and render, and
/// every step is timed: a keystroke that takes more than 2 seconds (in a debug build, on
/// a busy machine) is a stall. Keystrokes are timed by the CPU time of the test's
/// thread (`update` and `render` run on it alone), so a loaded machine's queue for
/// the cores does not count as the app's stall, and the tests can run side by side
/// (one after another they were the fast loop's longest chain).
struct HugeContentTests {
    static let keystrokeLimit = Duration.seconds(2)
    static let size = Size(columns: 80, rows: 24)

    @Test(.timeLimit(.minutes(5)))
    func tenMegabyteLesson() throws {
        var body = ""
        let sentence = "Stem cells from the donor settle in the marrow and start to make new blood cells for the patient. "
        var paragraph = 0
        while body.utf8.count < 10_000_000 {
            if paragraph % 100 == 0 { body += "## Part \(paragraph / 100 + 1)\n\n" }
            body += "Paragraph \(paragraph): " + String(repeating: sentence, count: 10) + "\n\n"
            paragraph += 1
        }
        body += "The last paragraph has the word needleword in it.\n\n"
        let timings = try exercise(body: body, quiz: Self.quiz(count: 3), search: "needleword", lastHeading: "Part \((paragraph - 1) / 100 + 1)")
        print("HugeContent 10 MB (\(paragraph) paragraphs): \(timings)")
    }

    @Test(.timeLimit(.minutes(5)))
    func hundredThousandLineLesson() throws {
        var lines: [String] = []
        lines.reserveCapacity(100_000)
        var n = 0
        while lines.count < 90_000 {
            for _ in 0..<9 {
                lines.append("Line \(n) of a paragraph about engraftment and blood counts.")
                n += 1
            }
            lines.append("")
        }
        lines.append("```")
        for i in 0..<9_997 { lines.append("code line \(i)") }
        lines.append("```")
        lines.append("")
        lines.append("The last line has the word needleword in it.")
        #expect(lines.count >= 100_000)
        let timings = try exercise(body: lines.joined(separator: "\n") + "\n\n", quiz: Self.quiz(count: 3), search: "needleword")
        print("HugeContent 100,000 lines: \(timings)")
    }

    @Test(.timeLimit(.minutes(5)))
    func tenThousandCharacterWord() throws {
        let word = String((0..<10_000).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
        let wide = String(repeating: "移植", count: 5_000)
        let body = """
            # A long word

            Before \(word) after.

            A wide word: \(wide) then needleword.

            [A link with a long address](https://example.org/\(word))

            ```
            \(word)
            ```

            - \(word)
              > \(wide)

            """
        let timings = try exercise(body: body, quiz: Self.quiz(count: 3), search: "needleword")
        print("HugeContent 10,000-character word: \(timings)")
        // The word is wrapped, not cut: every one of its letters is in the reader's lines.
        let course = CourseLoader.load(directory: try Self.writeCourse(body: body, quiz: Self.quiz(count: 1)))
        let lines = Layout.lines(for: course.lessons[0].body.blocks, width: 76)
        #expect(lines.allSatisfy { DisplayWidth.of($0.plainText) <= 76 })
        #expect(lines.map(\.plainText).joined().filter { $0 == "q" }.count >= 10_000 / 26)
    }

    @Test(.timeLimit(.minutes(5)))
    func twoThousandQuestionQuiz() throws {
        let quiz = Self.quiz(count: 2_000)
        let timings = try exercise(body: "# Many questions\n\nA short body about needleword.\n\n", quiz: quiz, search: "needleword",
                                   answers: 40)
        print("HugeContent 2,000 questions: \(timings)")

        // All the way through to the summary, which lists every question. The quiz is
        // picked up with all but its last 100 questions answered (left part-way): an
        // answer costs the same wherever it falls in the quiz (the review plan is made
        // from the whole course each time; the 40 fresh answers above were timed), so
        // 1,900 more answers through `update` would repeat that 1,900 times.
        let folder = try Self.writeCourse(body: "A short body.\n\n", quiz: quiz)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let course = CourseLoader.load(directory: folder)
        let lesson = try #require(course.lessons.first)
        let left = 100
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let given = Dictionary(uniqueKeysWithValues: lesson.quiz.dropLast(left).enumerated().map { ($0.element.id, $0.offset % 3 != 0) })
        var courseProgress = CourseProgress(disclaimerSeen: true)
        courseProgress.lessons[lesson.id] = LessonProgress(opened: now, finished: now, attempts: [
            QuizAttempt(id: "a1", started: now, total: lesson.quiz.count, answers: given, fullQuiz: true),
        ])
        var state = AppTestCourse.state(progress: LearnerProgress(courses: [course.info.id: courseProgress]), size: Self.size, course: course)
        #expect(state.top is CourseMapScreen)
        state = App.update(state, .key(.character("t")))
        #expect((state.top as? QuizScreen)?.resumedWith == 2_000 - left)
        let clock = ThreadCPUClock()
        var slowest = Duration.zero
        for i in (2_000 - left)..<2_000 {
            let started = clock.now
            state = App.update(state, .key(.character(i % 3 == 0 ? "2" : "1")))
            state = App.update(state, .key(.enter))
            state = App.update(state, .key(.enter))
            if i % 100 == 99 { _ = App.render(state, size: Self.size) }
            slowest = max(slowest, clock.now - started)
        }
        let started = clock.now
        let summary = App.render(state, size: Self.size)
        let rendered = clock.now - started
        #expect(summary.text.contains("Done"), "\(summary.text)")
        let session = try #require((state.top as? QuizScreen)?.session)
        #expect(session.answeredCount == 2_000)
        #expect(slowest < Self.keystrokeLimit, "slowest answer took \(slowest)")
        #expect(rendered < Self.keystrokeLimit, "the summary took \(rendered)")
        for key in [Key.pageDown, .end, .home, .character("r")] {
            let started = clock.now
            state = App.update(state, .key(key))
            _ = App.render(state, size: Self.size)
            #expect(clock.now - started < Self.keystrokeLimit, "\(key) on the summary took \(clock.now - started)")
        }
        print("HugeContent the last \(left) of 2,000 answers: slowest answer \(slowest), summary \(rendered)")
    }

    /// A lesson laid out a window at a time scrolls without a seam: each page starts with
    /// the line the one before ended with, down across many windows and back up, and
    /// the percentage only grows on the way down.
    @Test(.timeLimit(.minutes(5)))
    func windowedLessonScrollsWithoutASeam() throws {
        var body = ""
        for i in 0..<4_000 { body += "Paragraph \(i) says something about blood counts, line by line, long enough to wrap once or twice at eighty columns.\n\n" }
        let folder = try Self.writeCourse(body: body, quiz: Self.quiz(count: 1))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let course = CourseLoader.load(directory: folder)
        #expect(try #require(course.lessons.first).body.blocks.count > ReaderScreen.windowThreshold)
        var state = AppTestCourse.state(size: Self.size, course: course)
        while state.top is DisclaimerScreen || state.top is StartHereScreen { state = App.update(state, .key(.enter)) }
        state = App.update(state, .key(.enter))
        let bodyRows = 2...22 // at 80×24: two header rows, 21 body rows, the status line
        var screen = App.render(state, size: Self.size)
        var percent = 0
        var pages = 0
        while !screen.text.contains("End of lesson"), pages < 1_000 {
            state = App.update(state, .key(.pageDown))
            let next = App.render(state, size: Self.size)
            let reader = try #require(state.top as? ReaderScreen)
            if !next.text.contains("End of lesson") {
                #expect(next.line(bodyRows.lowerBound) == screen.line(bodyRows.upperBound), "page \(pages): the page does not follow on")
            }
            #expect(reader.anchor.percent >= percent, "page \(pages): \(reader.anchor.percent)% after \(percent)%")
            percent = reader.anchor.percent
            screen = next
            pages += 1
        }
        #expect(screen.text.contains("End of lesson"))
        #expect(pages > 300, "only \(pages) pages")
        #expect(percent == 100)
        // And back up, page by page, to the top.
        for page in 0..<pages {
            state = App.update(state, .key(.pageUp))
            let previous = App.render(state, size: Self.size)
            let reader = try #require(state.top as? ReaderScreen)
            if reader.topLine > 0 || reader.anchor.block > 0 {
                #expect(previous.line(bodyRows.upperBound) == screen.line(bodyRows.lowerBound), "page \(page) up")
            }
            screen = previous
        }
        #expect(screen.line(bodyRows.lowerBound).contains("Paragraph 0 "))
        #expect((state.top as? ReaderScreen)?.anchor.percent == 0)
    }

    // MARK: Driving the app

    /// A quiz of `count` single-answer questions.
    static func quiz(count: Int) -> String {
        var quiz = "## Quiz\n\n"
        for i in 0..<count {
            quiz += """
                ### Question \(i): which cells make blood? {#q-\(i)}

                - [x] Stem cells
                  > Right: they make every kind of blood cell.
                - [ ] Nerve cells
                - [ ] Skin cells

                > Blood-forming stem cells make the blood.


                """
        }
        return quiz
    }

    /// A one-lesson course in a new temporary folder.
    static func writeCourse(body: String, quiz: String) throws -> String {
        let folder = try ScratchFolder.make("marrow-huge")
        try """
            id: huge
            title: Huge
            summary: Very large lessons.
            disclaimer: Not medical advice.
            version: "1"
            last-reviewed: 2026-11-26

            """.write(toFile: folder + "/course.yaml", atomically: true, encoding: .utf8)
        let lesson = """
            ---
            id: huge-lesson
            title: A huge lesson
            summary: Far larger than any real lesson.
            minutes: 60
            objectives: [Open without a stall.]
            sources: []
            reviewed: 2026-11-26
            ---

            """ + body + quiz
        try lesson.write(toFile: folder + "/01-huge.md", atomically: true, encoding: .utf8)
        return folder
    }

    /// Times of the steps, for the test's output.
    struct Timings: CustomStringConvertible {
        var steps: [(String, Duration)] = []
        var description: String {
            steps.map { "\($0.0) \($0.1.components.seconds * 1000 + $0.1.components.attoseconds / 1_000_000_000_000_000) ms" }.joined(separator: ", ")
        }
    }

    /// Loads the lesson, then opens, scrolls, searches and quizzes it, timing each step.
    func exercise(body: String, quiz: String, search: String, answers: Int = 3, lastHeading: String? = nil,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> Timings {
        let folder = try Self.writeCourse(body: body, quiz: quiz)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var timings = Timings()
        let clock = ThreadCPUClock()

        // Loading parses on other threads: its wall time is shown, not checked (a busy
        // machine makes it anything); the test's time limit guards against a hang.
        let wall = ContinuousClock()
        let loadStart = wall.now
        let course = CourseLoader.load(directory: folder)
        let loading = wall.now - loadStart
        timings.steps.append(("load", loading))
        #expect(course.diagnostics.filter { $0.severity == .error }.isEmpty, "\(course.diagnostics.prefix(3))", sourceLocation: sourceLocation)
        let lesson = try #require(course.lessons.first, sourceLocation: sourceLocation)

        var state = AppTestCourse.state(size: Self.size, course: course)
        // A new course: its disclaimer comes first.
        while state.top is DisclaimerScreen || state.top is StartHereScreen { state = App.update(state, .key(.enter)) }
        #expect(state.top is CourseMapScreen, sourceLocation: sourceLocation)
        /// One keystroke, then a render: together under the limit.
        func key(_ key: Key, _ label: String) {
            let started = clock.now
            state = App.update(state, .key(key))
            _ = App.render(state, size: Self.size)
            let took = clock.now - started
            timings.steps.append((label, took))
            #expect(took < Self.keystrokeLimit, "\(label) took \(took)", sourceLocation: sourceLocation)
        }

        let start = clock.now
        _ = App.render(state, size: Self.size)
        timings.steps.append(("course map", clock.now - start))

        // The reader: open, scroll by line and page, to the end and back.
        key(.enter, "open")
        #expect(state.top is ReaderScreen, sourceLocation: sourceLocation)
        key(.down, "down")
        for _ in 0..<3 { key(.pageDown, "page down") }
        key(.end, "end")
        #expect(App.render(state, size: Self.size).text.contains("End of lesson"), sourceLocation: sourceLocation)
        key(.up, "up")
        key(.pageUp, "page up")
        key(.home, "home")
        key(.character("o"), "outline")
        if let lastHeading {
            // Jump from the outline to the last heading, far down the lesson, and back to the top.
            key(.end, "last heading")
            key(.enter, "jump")
            #expect(state.top is ReaderScreen, sourceLocation: sourceLocation)
            #expect(App.render(state, size: Self.size).line(2).contains(lastHeading), sourceLocation: sourceLocation)
            key(.home, "home")
        } else {
            key(.escape, "outline closed")
        }
        key(.character("w"), "terms")
        if !(state.top is ReaderScreen) { key(.escape, "terms closed") }
        // A resize lays the lesson out again at the new width.
        let started = clock.now
        state = App.update(state, .resize(Size(columns: 120, rows: 40)))
        _ = App.render(state, size: Size(columns: 120, rows: 40))
        state = App.update(state, .resize(Self.size))
        _ = App.render(state, size: Self.size)
        timings.steps.append(("two resizes", clock.now - started))
        #expect(clock.now - started < Self.keystrokeLimit * 2, sourceLocation: sourceLocation)

        // Search, a key at a time, then open the match.
        key(.character("/"), "search")
        for character in search { key(.character(character), "type '\(character)'") }
        let results = (state.top as? SearchScreen)?.results ?? []
        #expect(!results.isEmpty, "no results for \(search)", sourceLocation: sourceLocation)
        key(.enter, "open the match")
        #expect(state.top is ReaderScreen, sourceLocation: sourceLocation)
        #expect(App.render(state, size: Self.size).text.contains(search), sourceLocation: sourceLocation)

        // The quiz: answer some questions, each with its feedback.
        key(.character("t"), "quiz")
        #expect(state.top is QuizScreen, sourceLocation: sourceLocation)
        for _ in 0..<min(answers, lesson.quiz.count) {
            key(.character("1"), "choose")
            key(.enter, "answer")
            key(.enter, "next")
        }
        key(.character("q"), "leave the quiz")

        let slowest = timings.steps.max { $0.1 < $1.1 }
        timings.steps.insert(("slowest: \(slowest?.0 ?? "")", slowest?.1 ?? .zero), at: 0)
        return timings
    }
}
