import Foundation
import Testing

/// The commands as a user runs them: the built binary, its output and exit code.
@Suite struct CommandTests {
    let course = Marrow.fixture("course")
    var brokenCourse: String {
        Marrow.packageRoot.appendingPathComponent("Tests/MarrowCoreTests/Fixtures/courses/broken").path
    }

    func progressFile() throws -> String {
        try Marrow.temporaryDirectory() + "/progress.json"
    }

    /// Writes answer records to the log beside `progress`, as the app would.
    func writeLog(_ progress: String, _ lines: [String]) throws {
        let log = progress.replacingOccurrences(of: ".json", with: ".history.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
    }

    func answer(_ question: String, lesson: String = "long-lesson", correct: Bool, attempt: String = "A1", total: Int = 2, time: String = "2026-11-20T10:00:00Z") -> String {
        #"{"course":"e2e","lesson":"\#(lesson)","question":"\#(question)","chosen":[0],"correct":\#(correct),"time":"\#(time)","attempt":"\#(attempt)","attemptTotal":\#(total)}"#
    }

    @Test func validateAGoodCourse() throws {
        let r = try Marrow.run(["validate", "--lessons", course])
        #expect(r.status == 0)
        #expect(r.stdout == "2 lessons, 3 questions: 0 errors, 0 warnings\n")
    }

    @Test func validateTheShippedCourse() throws {
        let r = try Marrow.run(["validate", "--lessons", Marrow.packageRoot.appendingPathComponent("Lessons").path])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }

    @Test func theAppWithoutATerminalSaysSoAndChecksItsOptions() throws {
        // Without a terminal: one clear line, exit 1, whatever the (valid) options.
        for args in [["--lessons", course], ["--lessons", course, "--desired-retention", "0.85"]] {
            let r = try Marrow.run(args + ["--progress", try progressFile()])
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.hasPrefix("marrow: needs an interactive terminal"), "\(r.stderr)")
        }
        // An out-of-range retention is a usage error.
        let bad = try Marrow.run(["--lessons", course, "--desired-retention", "1.5"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--desired-retention must be between 0.7 and 0.99"), "\(bad.stderr)")
    }

    @Test func validateABrokenCourseListsEveryProblem() throws {
        let r = try Marrow.run(["validate", "--lessons", brokenCourse], in: Marrow.packageRoot.path)
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.last == "12 lessons, 1 question: 31 errors, 16 warnings")
        #expect(lines.contains { $0.hasSuffix("/11-quiz.md:15:1: error: question has no id: add {#some-id} at the end of the heading") })
        #expect(lines.contains { $0.hasSuffix("/08-not-utf8.md:6:4: error: the file is not valid UTF-8 (byte 0xE9)") })
        #expect(lines.contains { $0.hasSuffix("/07-controls.md:11:5: error: terminal control character U+001B is not allowed") })
        // Every line but the summary is compiler style.
        for line in lines.dropLast() {
            #expect(line.contains(": error: ") || line.contains(": warning: "), "\(line)")
        }
        // No raw control character from the broken files reaches the output.
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
    }

    @Test func validateJSON() throws {
        let r = try Marrow.run(["validate", "--lessons", brokenCourse, "--json"])
        #expect(r.status == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["lessons"] as? Int == 12)
        #expect(totals["questions"] as? Int == 1)
        #expect(totals["byTag"] is [String: Any])
        #expect(totals["byType"] is [String: Any])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.contains { $0["id"] as? String == "good" && $0["questions"] as? Int == 1 && $0["title"] is String })
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 47)
        let first = try #require(diagnostics.first)
        for key in ["path", "line", "column", "severity", "message"] { #expect(first[key] != nil, "\(key)") }
    }

    @Test func validateGoodJSONTotals() throws {
        let r = try Marrow.run(["validate", "--lessons", course, "--json"])
        #expect(r.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["byTag"] as? [String: Int] == ["benefit": 1, "risk": 1])
        #expect(totals["byType"] as? [String: Int] == ["single": 1, "multiple": 1, "true-false": 1, "order": 0, "match": 0, "typed": 0])
    }

    @Test func progressWithNothingYet() throws {
        let r = try Marrow.run(["progress", "--lessons", course, "--progress", try progressFile()])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Lessons read: 0 of 2 (0%)"))
        #expect(r.stdout.contains("Answers: none yet"))
        #expect(r.stderr.isEmpty)
    }

    @Test func progressCountsAnswersFromTheLog() throws {
        let progress = try progressFile()
        try writeLog(progress, [
            answer("e2e-q1", correct: true),
            answer("e2e-q2", correct: false),
            answer("e2e-q2", correct: false, attempt: "A2", total: 1, time: "2026-11-21T10:00:00Z"),
        ])
        let r = try Marrow.run(["progress", "--lessons", course, "--progress", progress])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Answers: 3, 1 right,"))
        #expect(r.stdout.contains("About the benefits: remembered now "))
        #expect(r.stdout.contains("About the risks: remembered now 0 of 1 (0%)"), "\(r.stdout)")
        #expect(r.stdout.contains("missed 2 of 2: Platelets help blood clot. (A long lesson)"))
        #expect(r.stdout.contains("1/2 (50%)"))

        let j = try Marrow.run(["progress", "--lessons", course, "--progress", progress, "--json"])
        #expect(j.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Int])
        #expect(totals == ["answered": 3, "correct": 1, "lessonsRead": 0, "lessonsTotal": 2])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.count == 2)
        #expect(lessons[0]["id"] as? String == "long-lesson")
        #expect(lessons[0]["read"] as? Bool == false)
        // The retry of q2 alone is not a lesson score: the quiz score stays 1 of 2.
        let score = try #require(lessons[0]["quizScore"] as? [String: Int])
        #expect(score == ["correct": 1, "total": 2, "percent": 50])
        #expect(lessons[1]["quizScore"] is NSNull)
    }

    @Test func progressRefusesANewerSchemaAndTouchesNothing() throws {
        let progress = try progressFile()
        let bytes = #"{"schemaVersion": 9, "courses": {}}"#
        try bytes.write(toFile: progress, atomically: true, encoding: .utf8)
        let r = try Marrow.run(["progress", "--lessons", course, "--progress", progress])
        #expect(r.status == 1)
        #expect(r.stderr == "marrow: progress.json was written by a newer version of Marrow (schema 9; this one reads 1). Update Marrow; nothing was changed.\n")
        #expect(try String(contentsOfFile: progress, encoding: .utf8) == bytes)
    }

    /// `progress` only reads: it reports a damaged state file and leaves it; the
    /// next command that writes (here a quiz) moves it aside.
    @Test func progressReportsACorruptFileAndAQuizMovesItAside() throws {
        let progress = try progressFile()
        try "{\"schemaVersion\": 1, \"cour".write(toFile: progress, atomically: true, encoding: .utf8)
        try writeLog(progress, [answer("e2e-q1", correct: true)])
        let r = try Marrow.run(["progress", "--lessons", course, "--progress", progress])
        #expect(r.status == 0)
        #expect(r.stderr.contains("Nothing was changed"), "\(r.stderr)")
        #expect(r.stdout.contains("Answers: 1, 1 right,"))
        let folder = (progress as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("progress.json.corrupt-") }.isEmpty)
        #expect(try String(contentsOfFile: progress, encoding: .utf8) == "{\"schemaVersion\": 1, \"cour")
        let q = try Marrow.run(["quiz", "--plain", "--review", "--lessons", course, "--progress", progress], stdin: "q\n")
        #expect(q.status == 0 && q.stderr.contains("moved aside"), "\(q.stderr)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOfFile: folder + "/" + aside[0], encoding: .utf8) == "{\"schemaVersion\": 1, \"cour")
    }

    @Test func progressLocationFromTheEnvironment() throws {
        let folder = try Marrow.temporaryDirectory()
        try writeLog(folder + "/mine.json", [answer("e2e-q1", correct: true)])
        let r = try Marrow.run(["progress", "--lessons", course], environment: ["MARROW_PROGRESS": folder + "/mine.json"])
        #expect(r.stdout.contains("Answers: 1, 1 right,"), "\(r.stdout)\(r.stderr)")
        let xdg = try Marrow.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: xdg + "/marrow", withIntermediateDirectories: true)
        try writeLog(xdg + "/marrow/progress.json", [answer("e2e-q2", correct: false)])
        let x = try Marrow.run(["progress", "--lessons", course], environment: ["XDG_DATA_HOME": xdg])
        #expect(x.stdout.contains("Answers: 1, 0 right,"), "\(x.stdout)\(x.stderr)")
    }

    @Test func resetAsksFirstAndKeepsABackup() throws {
        let progress = try progressFile()
        try writeLog(progress, [answer("e2e-q1", correct: true)])
        let no = try Marrow.run(["reset", "--lessons", course, "--progress", progress], stdin: "n\n")
        #expect(no.status == 0)
        #expect(no.stdout.contains("Nothing was reset."))
        #expect(try Marrow.run(["progress", "--lessons", course, "--progress", progress]).stdout.contains("Answers: 1,"))

        let closed = try Marrow.run(["reset", "--lessons", course, "--progress", progress])
        #expect(closed.stdout.contains("Nothing was reset."))

        let yes = try Marrow.run(["reset", "--lessons", course, "--progress", progress], stdin: "y\n")
        #expect(yes.status == 0)
        #expect(yes.stdout.contains("Backup: "))
        #expect(try Marrow.run(["progress", "--lessons", course, "--progress", progress]).stdout.contains("Answers: none yet"))
        let folder = (progress as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasPrefix("progress.json.backup-") })
    }

    @Test func resetOneLessonKeepsTheOthers() throws {
        let progress = try progressFile()
        try writeLog(progress, [
            answer("e2e-q1", correct: true),
            answer("e2e-q3", lesson: "short-lesson", correct: true, attempt: "B1", total: 1),
        ])
        let r = try Marrow.run(["reset", "--lessons", course, "--progress", progress, "--lesson", "long-lesson", "--yes"])
        #expect(r.status == 0, "\(r.stderr)")
        let after = try Marrow.run(["progress", "--lessons", course, "--progress", progress, "--json"])
        let object = try #require(JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect((object["totals"] as? [String: Int])?["answered"] == 1)
    }

    @Test func resetAnUnknownLessonIsAnError() throws {
        let r = try Marrow.run(["reset", "--lessons", course, "--progress", try progressFile(), "--lesson", "nope", "--yes"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("marrow: no lesson 'nope'"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let r = try Marrow.run(["validate", "--bogus"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("Unknown option '--bogus'"))
        let help = try Marrow.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: marrow"))
        let version = try Marrow.run(["--version"])
        #expect(version.stdout.hasPrefix("0.1.0\ncourse hsct "), "\(version.stdout)")
        for sub in ["validate", "progress", "reset"] {
            let h = try Marrow.run([sub, "--help"])
            #expect(h.status == 0)
            #expect(h.stdout.contains("--lessons"))
            #expect(h.stdout.contains("--progress"))
        }
    }

    @Test func aMissingCourseFolderIsOneClearLine() throws {
        let r = try Marrow.run(["validate", "--lessons", "/no/such/folder"])
        #expect(r.status == 1)
        #expect(r.stderr == "marrow: --lessons: '/no/such/folder' is not a folder\n")
    }

    @Test func lessonsAreFoundBesideTheExecutable() throws {
        // From an unrelated folder, with no --lessons, marrow finds the repo's Lessons/ by walking up from its binary.
        let r = try Marrow.run(["validate"], in: try Marrow.temporaryDirectory())
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("0 errors, 0 warnings\n"))
    }
}
