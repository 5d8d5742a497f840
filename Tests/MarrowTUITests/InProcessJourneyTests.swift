import Foundation
import MarrowTestSupport
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The learner's journeys that need no real terminal, on `TestTerminal`: the
/// real `RunLoop`, real effects and real files in a temp folder, in-process.
/// (What only a real terminal shows, escape bytes, signals, job control, the
/// terminal given back, stays in MarrowProcessTests, in tmux and a pty.)
@Suite struct InProcessJourneyTests {
    /// The first session: disclaimer, course map, a lesson read to its end, its
    /// quiz (one right, one wrong, each explained), the progress review, quit;
    /// both answers in the log in order. The next session starts on the map,
    /// with the lesson read, the score kept and "Continue" where it was left.
    @Test func theFirstSessionAndTheNext() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let first = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .capture("map"),
            .key(.enter), .waitFor("Paragraph 1 of the long lesson"),
            .character("G"), .waitFor("ENDMARKER"), .capture("end"),
            .character("t"), .waitFor("Question 1 of 2"),
            .character("2"), .key(.enter), .waitFor("✓ Correct"), .capture("right"),
            .key(.enter), .waitFor("Question 2 of 2"),
            .character("f"), .key(.enter), .waitFor("✗ Not quite"), .capture("wrong"),
            .key(.enter), .waitFor("Quiz score: 1/2 (50%)"),
            .key(.enter), .waitFor("Reader"),
            .character("q"), .waitFor("Course map"), .capture("mapAfter"),
            .character("p"), .waitFor("Progress review"), .capture("review"),
            .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(first.status == 0)
        #expect(first.terminal.restoreCount >= 1)
        let captures = first.terminal.captures
        #expect(captures["map"]?.contains("0 of 2 lessons read") == true, "\(captures["map"] ?? "")")
        #expect(captures["map"]?.contains("○ new") == true)
        #expect(captures["end"]?.contains("Lesson marked as read") == true, "\(captures["end"] ?? "")")
        #expect(captures["end"]?.contains("100%") == true)
        #expect(captures["right"]?.contains("✓ 2. Bone marrow (your answer)") == true, "\(captures["right"] ?? "")")
        #expect(captures["right"]?.contains("FIRSTEXPLANATION") == true)
        #expect(captures["wrong"]?.contains("✓ 1. True") == true, "\(captures["wrong"] ?? "")")
        #expect(captures["wrong"]?.contains("✗ 2. False (your answer)") == true)
        #expect(captures["wrong"]?.contains("SECONDEXPLANATION") == true)
        #expect(captures["mapAfter"]?.contains("1 of 2 lessons read") == true, "\(captures["mapAfter"] ?? "")")
        let longLessonRow = captures["review"]?.split(separator: "\n").first { $0.contains("A long lesson") }.map(String.init) ?? ""
        #expect(longLessonRow.contains("✓ read") && longLessonRow.contains("1/2"), "\(captures["review"] ?? "")")

        let answers = try app.answers()
        #expect(answers.map(\.question) == ["e2e-q1", "e2e-q2"] && answers.map(\.correct) == [true, false], "\(answers)")

        let next = try app.run([
            .waitFor("Course map"), .capture("map"),
            .key(.enter), .waitFor("Short text about marrow"),
            .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(next.status == 0)
        let again = next.terminal.captures["map"] ?? ""
        #expect(!again.contains("About this course"), "\(again)")
        #expect(again.contains("1 of 2 lessons read"), "\(again)")
        #expect(again.contains("quiz 1/2"), "\(again)")
        // Lesson 1 and its quiz done: Continue is lesson 2.
        #expect(again.contains("Continue: A short lesson (next lesson)"), "\(again)")
    }

    /// A stop signal mid-quiz (SIGTERM: the first answer given, the second
    /// question showing) saves the answer and ends with 128 + the signal; the
    /// next session picks the quiz up at the question it stopped at.
    @Test func saveOnTerminateThenQuizResume() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let stopped = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("2"), .key(.enter),
            .waitFor("✓ Correct"), .key(.enter),
            .waitFor("Question 2 of 2"), .signal(SIGTERM),
        ])
        #expect(stopped.status == 128 + SIGTERM)
        #expect(stopped.terminal.restoreCount >= 1)
        let answers = try app.answers()
        #expect(answers.map(\.question) == ["e2e-q1"] && answers.map(\.correct) == [true], "\(answers)")

        let resumed = try app.run([
            .waitFor("Course map"), .capture("map"),
            .character("t"), .waitFor("Question 2 of 2"), .capture("resumed"),
            .character("t"), .key(.enter), .waitFor("✓ Correct"), .key(.enter),
            .waitFor("Quiz score: 2/2 (100%)"), .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(resumed.status == 0)
        #expect(resumed.terminal.captures["map"]?.contains("◑ in quiz 1/2") == true, "\(resumed.terminal.captures["map"] ?? "")")
        #expect(resumed.terminal.captures["resumed"]?.contains("Picking up where you left off: 1 of 2 answered") == true,
                "\(resumed.terminal.captures["resumed"] ?? "")")
        #expect(try app.answers().count == 2)
    }

    /// Keys typed ahead on the feedback (Enter, then "1" and Enter before the
    /// next question was drawn) do not answer it: the first Enter shows question
    /// 2, whose drawing throws the rest away; it waits with nothing chosen.
    /// Enter twice on the feedback answers nothing either: nothing is chosen yet.
    @Test func keysTypedAheadDoNotAnswerTheNextQuestion() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let run = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("2"), .key(.enter),
            .waitFor("✓ Correct"), .key(.enter), .character("1"), .key(.enter),
            .waitFor("Question 2 of 2"), .capture("next"),
            .key(.enter), .capture("enterAlone"),
            .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(run.status == 0)
        #expect(run.terminal.discarded == [.character("1"), .enter])
        let next = run.terminal.captures["next"] ?? ""
        #expect(next.contains("True or false? Press t or f, then Enter."), "\(next)")
        #expect(!next.contains("▸"), "\(next)")
        #expect(run.terminal.captures["enterAlone"]?.contains("Choose first: press t or f") == true)
        #expect(try app.answers().map(\.question) == ["e2e-q1"])
    }

    /// u takes back an answer through the real loop: the log gets the undo line,
    /// the question is asked again, and the state saved on leaving agrees with
    /// the state rebuilt from the log alone (attempts and schedules).
    @Test func undoIsInTheLogAndTheRebuiltStateAgrees() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let run = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("1"), .key(.enter),
            .waitFor("✗ Not quite"), .character("u"),
            .waitFor("Undone: your answer 1 to question 1"), .capture("undone"),
            .character("2"), .key(.enter), .waitFor("✓ Correct"), .key(.enter),
            .waitFor("Question 2 of 2"), .character("t"), .key(.enter), .waitFor("✓ Correct"),
            .key(.enter), .waitFor("Quiz score: 2/2 (100%)"), .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(run.status == 0)
        #expect(run.terminal.captures["undone"]?.contains("Question 1 of 2") == true)
        let log = try app.store.readLog()
        #expect(log.records.map(\.question) == ["e2e-q1", "e2e-q2"] && log.records.allSatisfy(\.correct))
        #expect(log.undos.map(\.question) == ["e2e-q1"])
        let saved = try app.store.load().progress
        let rebuilt = LearnerProgress.rebuild(from: log.records)
        for (id, course) in rebuilt.courses {
            #expect(saved[course: id].reviews == course.reviews)
            #expect(saved[course: id].lessons.mapValues(\.attempts).filter { !$0.value.isEmpty } == course.lessons.mapValues(\.attempts))
        }
        #expect(saved.courses.values.flatMap(\.lessons.values).flatMap(\.attempts).map(\.score) == [1.0])
    }

    /// Ctrl-Z mid-quiz: what is owed is saved, the terminal is given back before
    /// the process stops, taken again after, and the same screen drawn in full.
    @Test func ctrlZSuspendsAndComesBackToTheSameScreen() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        final class Stops: @unchecked Sendable { var count = 0; var savedBefore = false }
        let stops = Stops()
        let store = app.store
        let run = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("2"), .key(.enter),
            .waitFor("✓ Correct"), .capture("before"),
            .key(.control("z")), .capture("after"),
            .key(.enter), .waitFor("Question 2 of 2"), .character("q"), .waitFor("Course map"), .character("q"),
        ], suspendForShell: {
            stops.count += 1
            // The disclaimer seen and the answer are on disk before the process stops.
            stops.savedBefore = (try? store.readLog().records.count) == 1 && FileManager.default.fileExists(atPath: store.path)
        })
        #expect(run.status == 0)
        #expect(stops.count == 1 && stops.savedBefore)
        #expect(run.terminal.suspensions == 1)
        #expect(run.terminal.invalidations >= 1)
        #expect(run.terminal.captures["after"] == run.terminal.captures["before"])
        #expect(try app.answers().map(\.question) == ["e2e-q1"])
    }

    /// Resized mid-lesson the reader lays the text out again at the new width;
    /// too small, it says so; back to full size, it shows the reader again.
    @Test func resizeMidLesson() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let run = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .key(.enter), .waitFor("Paragraph 1 of the long lesson"),
            .resize(columns: 50, rows: 24), .capture("narrow"),
            .resize(columns: 20, rows: 5), .waitFor("Terminal too small"),
            .resize(columns: 80, rows: 24), .waitFor("Reader"), .capture("back"),
            .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(run.status == 0)
        let narrow = run.terminal.captures["narrow"] ?? ""
        #expect(narrow.contains("Paragraph 1"), "\(narrow)")
        #expect(run.terminal.frames.contains { $0.size == Size(columns: 50, rows: 24) })
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 50 }, "\(narrow)")
        #expect(run.terminal.captures["back"]?.contains("too small") == false)
    }

    /// An empty state file (a crash can leave one) is moved aside, and the course map says so.
    @Test func corruptStateIsShownAsANotice() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        try Data().write(to: URL(fileURLWithPath: app.progressPath))
        let run = try app.run([
            .waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter),
            .waitFor("Course map"), .capture("map"), .character("q"),
        ])
        #expect(run.status == 0)
        let map = run.terminal.captures["map"] ?? ""
        #expect(map.contains("progress.json") && map.contains("moved") && map.contains("aside"), "\(map)")
        let asides = try FileManager.default.contentsOfDirectory(atPath: app.folder).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(asides.count == 1, "\(asides)")
    }

    /// The answer lines in the log, read from the file as another program would
    /// (no lock taken: the test holds it).
    private static func logLines(_ app: InProcessApp) -> [String] {
        let text = (try? String(contentsOfFile: app.store.logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    /// What a test saw between two reads of the loop.
    private final class Seen: @unchecked Sendable { var logLines: [Int] = [] }

    /// A first session accepting the disclaimer, so the state file exists, then
    /// the lock held as another Marrow stuck mid-save would hold it.
    private static func heldLockAfterAFirstSession(_ app: InProcessApp) throws -> HeldLock {
        let first = try app.run([.waitFor("not medical advice"), .key(.enter), .waitFor("Start here"), .key(.enter), .waitFor("Course map"), .character("q")])
        #expect(first.status == 0)
        return HeldLock(app.store.lockPath)
    }

    /// While another Marrow holds the lock, an answer waits with a line on the
    /// status line; keys other than q are read and wait on; once the lock is
    /// free it is saved, the line goes and the quiz goes on.
    @Test func anAnswerWaitsForTheLockWithALine() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let lock = try Self.heldLockAfterAFirstSession(app)
        let seen = Seen()
        let run = try app.run([
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("2"), .key(.enter),
            .waitFor(LockWaitView.message), .character("j"), .capture("waiting"),
            .perform { seen.logLines.append(Self.logLines(app).count); lock.release() },
            .waitFor("✓ Correct"), .capture("saved"), .perform { seen.logLines.append(Self.logLines(app).count) },
            .key(.enter), .waitFor("Question 2 of 2"), .character("q"), .waitFor("Course map"), .character("q"),
        ])
        #expect(run.terminal.captures["waiting"]?.contains(LockWaitView.message) == true, "\(run.terminal.captures["waiting"] ?? "")")
        #expect(run.terminal.captures["saved"]?.contains(LockWaitView.message) == false, "\(run.terminal.captures["saved"] ?? "")")
        #expect(seen.logLines == [0, 1])
        // 0: the loop writes to standard error only on the paths that end non-zero.
        #expect(run.status == 0)
        #expect(try app.answers().map(\.question) == ["e2e-q1"])
    }

    /// On a small screen the waiting line is shorter, and still says how to leave.
    @Test(arguments: [40, 60, 80])
    func theWaitingLineSaysHowToLeaveOnASmallScreen(columns: Int) throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let lock = try Self.heldLockAfterAFirstSession(app)
        let waiting = LockWaitView.message(columns: columns)
        let run = try app.run([
            .waitFor("Enter open"), .character("t"),
            .waitFor("Question 1 of"), .character("2"), .key(.enter),
            .waitFor(waiting), .capture("waiting"), .perform { lock.release() },
            .waitFor("Correct"), .key(.enter), .character("q"), .character("q"),
        ], size: Size(columns: columns, rows: 12))
        let screen = run.terminal.captures["waiting"] ?? ""
        #expect(waiting.contains("q: leave") && screen.contains(waiting), "\(screen)")
        #expect(try app.answers().map(\.question) == ["e2e-q1"])
    }

    /// After the time limit (the app's is 20 s, `LockWaitView.limit`; the run
    /// loop is given 1 s here) the app goes on with the answer pending and says
    /// so; keys work; the answer is saved once the lock is free, said on screen,
    /// and nothing is owed on leaving.
    @Test func afterTheTimeLimitTheAppGoesOnAndSavesLater() throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        let lock = try Self.heldLockAfterAFirstSession(app)
        let seen = Seen()
        let started = ContinuousClock.now
        let run = try app.run([
            .waitFor("Course map"), .character("t"),
            .waitFor("Question 1 of 2"), .character("2"), .key(.enter),
            .waitFor(LockWaitView.message), .capture("waiting"),
            .waitFor("Not saved yet: another Marrow is using this progress file. Answer kept."), .capture("gaveUp"),
            .perform { seen.logLines.append(Self.logLines(app).count) },
            .key(.enter), .waitFor("Platelets help blood clot."), .capture("next"),
            .perform { seen.logLines.append(Self.logLines(app).count); lock.release() },
            .waitFor("Your answers are saved now."), .perform { seen.logLines.append(Self.logLines(app).count) },
            .character("q"), .waitFor("Course map"), .character("q"),
        ], lockWaitLimit: .seconds(1))
        let took = ContinuousClock.now - started
        #expect(run.terminal.captures["waiting"]?.contains("Question 1 of 2") == true, "\(run.terminal.captures["waiting"] ?? "")")
        let gaveUp = run.terminal.captures["gaveUp"] ?? ""
        #expect(gaveUp.contains("✓ Correct") && !gaveUp.contains(LockWaitView.message), "\(gaveUp)")
        #expect(run.terminal.captures["next"]?.contains("Question 2 of 2") == true, "keys do nothing after the time limit: \(run.terminal.captures["next"] ?? "")")
        // Nothing in the log while the lock was held (through a key after the limit), the answer once it was freed.
        #expect(seen.logLines == [0, 0, 1])
        // 0: nothing pending or failed on leaving, so nothing said on standard error.
        #expect(run.status == 0)
        #expect(try app.answers().map(\.question) == ["e2e-q1"])
        let loaded = try app.store.load()
        #expect(loaded.notices.isEmpty, "\(loaded.notices)")
        #expect(loaded.progress.courses.values.flatMap(\.lessons.values).flatMap(\.attempts).map(\.answers) == [["e2e-q1": true]])
        // The given limit, not the app's 20 s, was waited (a hang guard, not a speed claim).
        #expect(took < LockWaitView.limit, "took \(took)")
    }
}

