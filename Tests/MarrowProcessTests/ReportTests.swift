import Foundation
import Testing
@testable import marrow

/// `marrow progress --format …` against fixture files: a progress file and an
/// answer log with fixed times (Fixtures/reports/), read at a fixed "now".
@Suite struct ReportTests {
    let course = Marrow.fixture("course")
    let reports = Marrow.packageRoot.appendingPathComponent("Tests/MarrowProcessTests/Fixtures/reports").path
    let environment = ["MARROW_NOW": "2026-11-22T12:00:00Z", "TZ": "UTC"]

    /// A copy of the fixture progress files in a fresh folder (reading may write the state file).
    func progressCopy() throws -> String {
        let folder = try Marrow.temporaryDirectory()
        for name in ["progress.json", "progress.history.jsonl"] {
            try FileManager.default.copyItem(atPath: reports + "/" + name, toPath: folder + "/" + name)
        }
        return folder + "/progress.json"
    }

    func report(_ format: String) throws -> Marrow.Result {
        try Marrow.run(["progress", "--format", format, "--lessons", course, "--progress", try progressCopy()], environment: environment)
    }

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: reports + "/" + name, encoding: .utf8)
    }

    @Test func markdownMatchesTheFixture() throws {
        let r = try report("markdown")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout == (try expected("expected.md")))
    }

    @Test func csvMatchesTheFixture() throws {
        let r = try report("csv")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try expected("expected.csv")))
        // RFC 4180: CRLF line ends, a header and one row per answer of this course.
        let rows = r.stdout.components(separatedBy: "\r\n")
        #expect(rows.last == "")
        #expect(rows.first == "time,course,lesson,question,chosen,answer,correct,rating")
        #expect(rows.count - 2 == 7)
    }

    @Test func textShowsTheTwoMeasures() throws {
        let r = try report("text")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try expected("expected.txt")))
    }

    @Test func jsonNamesTheTwoMeasuresAsTheScreensDo() throws {
        let path = try progressCopy()
        let formatted = try Marrow.run(["progress", "--format", "json", "--lessons", course, "--progress", path], environment: environment)
        let alias = try Marrow.run(["progress", "--json", "--lessons", course, "--progress", path], environment: environment)
        #expect(formatted.status == 0)
        #expect(formatted.stdout == alias.stdout)
        let object = try #require(JSONSerialization.jsonObject(with: Data(formatted.stdout.utf8)) as? [String: Any])
        #expect(object["totals"] as? [String: Int] == ["answered": 7, "correct": 4, "lessonsRead": 1, "lessonsTotal": 2])
        for key in ["course", "lessons", "byTag", "mostMissed", "studyDays", "rememberedNow", "reviews"] {
            #expect(object[key] != nil, "\(key)")
        }
        // The words of the screens; no streak, no other measure.
        for gone in ["currentStreak", "mastery"] { #expect(object[gone] == nil, "\(gone)") }
        let remembered = try #require(object["rememberedNow"] as? [String: Any])
        #expect(remembered["count"] as? Int == 2 && remembered["total"] as? Int == 3)
        let studyDays = try #require(object["studyDays"] as? [String: Any])
        #expect(studyDays["count"] as? Int == 5 && studyDays["last"] as? String == "2026-11-22")
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect((lessons[0]["rememberedNow"] as? [String: Any])?["total"] as? Int == 2)
        #expect(lessons[0]["quizScore"] as? [String: Int] == ["correct": 2, "total": 2, "percent": 100])
        #expect(lessons[0]["bestScore"] == nil && lessons[0]["lastScore"] == nil)
        #expect(lessons[0]["read"] as? Bool == true)
        let byTag = try #require(object["byTag"] as? [String: [String: Any]])
        #expect((byTag["risk"]?["rememberedNow"] as? [String: Any])?["total"] as? Int == 1)
        let reviews = try #require(object["reviews"] as? [String: Any])
        #expect(reviews["due"] is [String])
    }

    @Test func jsonAndAnotherFormatDisagree() throws {
        let r = try Marrow.run(["progress", "--json", "--format", "csv", "--lessons", course, "--progress", try progressCopy()])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--json"))
        let bad = try Marrow.run(["progress", "--format", "pdf", "--lessons", course])
        #expect(bad.status == 2)
    }

    @Test func csvFieldsAreQuotedAsRFC4180Says() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("bell\u{07}") == "bell")
    }

    @Test func markdownEscapesFormatting() {
        #expect(Markdown.escape("2 * 3 | <b> _x_") == "2 \\* 3 \\| \\<b\\> \\_x\\_")
    }
}
