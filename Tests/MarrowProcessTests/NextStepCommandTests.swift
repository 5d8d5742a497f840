import Foundation
import Testing
import MarrowTestSupport

/// `MARROW_NOW` in the full-screen app, as in `progress` and `quiz` (issue 14):
/// the app takes it as the time of every event, so a demo or a test can show
/// what is due on a given day.
@Suite(.timeLimit(.minutes(15))) struct AppClockTests {
    @Test func marrowNowIsTheAppsClock() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/progress.json"
        try #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true}}}"#.write(toFile: state, atomically: true, encoding: .utf8)
        // Answered in 2020: long due by 2031, and not due at all on the day after.
        try (#"{"course":"e2e","lesson":"long-lesson","question":"e2e-q1","chosen":[1],"correct":true,"time":"2020-01-10T08:00:00Z","attempt":"A1","attemptTotal":2}"# + "\n")
            .write(toFile: folder + "/progress.history.jsonl", atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(program: ["env", "MARROW_NOW=2031-05-04T09:00:00Z", "TZ=UTC", Marrow.executable, "--lessons", Fault.course, "--progress", state])
        defer { tmux.close() }
        #expect(tmux.waitFor("Review: 1 due"), "\(tmux.screen())")
        #expect(tmux.quit() == 0, "\(tmux.stderr)")

        let dayAfter = try TmuxSession(program: ["env", "MARROW_NOW=2020-01-11T09:00:00Z", "TZ=UTC", Marrow.executable, "--lessons", Fault.course, "--progress", state])
        defer { dayAfter.close() }
        #expect(dayAfter.waitFor("No reviews due"), "\(dayAfter.screen())")
        #expect(dayAfter.quit() == 0)
    }

    @Test func aMarrowNowThatIsNoDateIsRefused() throws {
        let r = try Marrow.run(["--lessons", Fault.course, "--progress", try Marrow.temporaryDirectory() + "/progress.json"],
                               environment: ["MARROW_NOW": "tomorrow"])
        #expect(r.status == 1)
        #expect(r.stderr == "marrow: MARROW_NOW: 'tomorrow' is not a date and time like 2026-11-27T09:00:00Z\n", "\(r.stderr)")
    }
}

/// `marrow read` and `marrow quiz` take a lesson's number, id, file name or a
/// unique part of its id or title; an ambiguous part lists the matches (issue 14).
@Suite struct LessonArgumentTests {
    let course = Marrow.fixture("course")

    @Test func aUniquePartOfAnIdOrTitleFindsTheLesson() throws {
        for name in ["short", "Short Lesson", "2", "short-lesson", "02-short-lesson.md"] {
            let r = try Marrow.run(["read", name, "--lessons", course, "--width", "60"])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains("Short text about marrow"), "\(name): \(r.stdout)")
        }
        let quiz = try Marrow.run(["quiz", "short", "--plain", "--lessons", course, "--progress", try Marrow.temporaryDirectory() + "/progress.json"], stdin: "")
        #expect(quiz.status == 0 && quiz.stdout.hasPrefix("Quiz: A short lesson\n"), "\(quiz.stdout)\(quiz.stderr)")
    }

    @Test func anAmbiguousOrUnknownNameSaysSoAndFails() throws {
        let both = try Marrow.run(["read", "lesson", "--lessons", course])
        #expect(both.status == 1 && both.stdout.isEmpty)
        #expect(both.stderr == "marrow: 'lesson' matches 2 lessons: 1 long-lesson (A long lesson), 2 short-lesson (A short lesson); name one by its number or id\n", "\(both.stderr)")
        let quiz = try Marrow.run(["quiz", "lesson", "--plain", "--lessons", course, "--progress", try Marrow.temporaryDirectory() + "/progress.json"], stdin: "")
        #expect(quiz.status == 1 && quiz.stderr.hasPrefix("marrow: 'lesson' matches 2 lessons"), "\(quiz.stderr)")
        let none = try Marrow.run(["read", "astronomy", "--lessons", course])
        #expect(none.status == 1 && none.stderr == "marrow: no lesson 'astronomy' in this course (lessons: long-lesson, short-lesson)\n", "\(none.stderr)")
    }
}

/// `marrow quiz --review --plain --review-limit N`: at most N of the questions due,
/// then how many more wait (issue 14).
@Suite struct ReviewLimitCommandTests {
    @Test func aReviewAsksAtMostTheLimitAndSaysWhatIsLeft() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = folder + "/progress.json"
        try ([#"{"course":"e2e","lesson":"long-lesson","question":"e2e-q1","chosen":[1],"correct":true,"time":"2020-01-10T08:00:00Z","attempt":"A1","attemptTotal":2}"#,
              #"{"course":"e2e","lesson":"long-lesson","question":"e2e-q2","chosen":[0],"correct":true,"time":"2020-01-10T08:01:00Z","attempt":"A1","attemptTotal":2}"#]
            .joined(separator: "\n") + "\n").write(toFile: folder + "/progress.history.jsonl", atomically: true, encoding: .utf8)
        let r = try Marrow.run(["quiz", "--review", "--plain", "--review-limit", "1", "--lessons", Fault.course, "--progress", state],
                               stdin: "2\n\n", environment: ["MARROW_NOW": "2026-11-27T09:00:00Z", "TZ": "UTC"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Review: 1 of the 2 questions due now\n1 question."), "\(r.stdout)")
        #expect(r.stdout.hasSuffix("1 more question due — do them later, or keep going: run the same command again.\n"), "\(r.stdout)")
        let bad = try Marrow.run(["quiz", "--review", "--plain", "--review-limit", "0", "--lessons", Fault.course, "--progress", state])
        #expect(bad.status == 2 && bad.stderr.contains("--review-limit must be between 1 and 1000"), "\(bad.stderr)")
    }
}
