import Foundation
import Testing

/// Finding 2, through the binary: a progress.json of valid JSON holding review
/// schedules no answer could give (counts of Int.max, a difficulty of -1e308 with
/// an old review) is repaired on loading, with one line; answering those very
/// questions works, the answers reach the log, and the save keeps the bookmark.
@Suite(.timeLimit(.minutes(15))) struct AbsurdStateTests {
    static let state = """
        {"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true,\
        "lessons":{"long-lesson":{"opened":"2019-12-31T09:00:00Z","bookmarks":[{"block":1,"offset":0,"percent":10}],"attempts":[]}},\
        "reviews":{\
        "e2e-q1":{"stability":3,"difficulty":5,"due":"2020-01-02T10:00:00Z","lastReview":"2020-01-01T10:00:00Z","reps":9223372036854775807,"lapses":9223372036854775807},\
        "e2e-q2":{"stability":3,"difficulty":-1e308,"due":"2020-01-02T10:00:00Z","lastReview":"2020-01-01T10:00:00Z","reps":2,"lapses":0}}}}}

        """

    @Test func absurdSchedulesAreRepairedAndAnsweringThemWorks() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/progress.json"
        Fault.write(Array(Self.state.utf8), to: path)
        let r = try Marrow.run(["quiz", "--plain", "long-lesson", "--lessons", Fault.course, "--progress", path], stdin: "2\n\nt\n\n",
                               wrap: { ["/usr/bin/timeout", "-s", "KILL", "60"] + $0 })
        let acks = PlainQuizOutput.acknowledged(r.stdout)
        #expect(r.status == 0, "\(r.status) \(r.stderr)")
        #expect(r.errorLines.count == 1 && r.stderr.contains("progress.json held 2 review schedules no answer could give"), "\(r.stderr)")
        #expect(acks.map(\.question) == ["e2e-q1", "e2e-q2"])
        #expect(ProgressFiles.answers(folder + "/progress.history.jsonl").answers.map(\.question) == ["e2e-q1", "e2e-q2"])
        let saved = try #require(FileManager.default.contents(atPath: path))
        let object = try #require(try JSONSerialization.jsonObject(with: saved) as? [String: Any])
        let course = try #require((object["courses"] as? [String: Any])?["e2e"] as? [String: Any])
        let lesson = try #require((course["lessons"] as? [String: Any])?["long-lesson"] as? [String: Any])
        #expect((lesson["bookmarks"] as? [Any])?.count == 1)
        let reviews = try #require(course["reviews"] as? [String: [String: Any]])
        for (question, review) in reviews {
            #expect((review["reps"] as? Int).map { $0 >= 1 && $0 < 1000 } == true, "\(question): \(review)")
            #expect((review["difficulty"] as? Double).map { (1...10).contains($0) } == true, "\(question): \(review)")
        }
        // The next run has nothing to say.
        let again = try Marrow.run(["progress", "--lessons", Fault.course, "--progress", path], wrap: { ["/usr/bin/timeout", "-s", "KILL", "60"] + $0 })
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
    }
}
