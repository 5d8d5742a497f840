import Foundation
import Testing
@testable import MarrowCore


@Suite struct ProgressResetTests {
    /// A store with answers in two lessons and two courses, saved and logged.
    static func populated(_ folder: String) throws -> (ProgressStore, LearnerProgress) {
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        progress[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: 5)
        progress[course: "hsct"].lastPlace = Place(lessonID: "basics", position: ReadingPosition(block: 5))
        let answers = [
            ProgressKit.record("q1", attempt: "A1", at: "2026-11-20T10:00:00Z"),
            ProgressKit.record("r1", lesson: "risks", attempt: "R1", total: 2, at: "2026-11-20T11:00:00Z"),
            ProgressKit.record("o1", lesson: "basics", attempt: "O1", total: 1, at: "2026-11-20T12:00:00Z", course: "other"),
        ]
        for answer in answers { try store.record(answer: answer, into: &progress) }
        progress[course: "hsct"].reviews["q1"] = ReviewState(stability: 1, difficulty: 5, due: ProgressKit.date("2026-11-21T10:00:00Z"),
                                                             lastReview: ProgressKit.date("2026-11-20T10:00:00Z"))
        progress[course: "hsct"].reviews["r1"] = ReviewState(stability: 1, difficulty: 5, due: ProgressKit.date("2026-11-21T10:00:00Z"),
                                                             lastReview: ProgressKit.date("2026-11-20T11:00:00Z"))
        return (store, try store.save(progress))
    }

    @Test func lessonResetKeepsABackupAndOtherLessons() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let (store, before) = try Self.populated(folder)
        let stateBytes = ProgressKit.bytes(store.path)
        let logBytes = ProgressKit.bytes(store.logPath)!

        let backup = try store.reset(course: "hsct", lesson: "basics")
        #expect(backup == folder + "/progress.json.backup-20261126T235959Z")
        #expect(ProgressKit.bytes(backup) == stateBytes)
        #expect(ProgressKit.bytes(folder + "/progress.history.jsonl.backup-20261126T235959Z") == logBytes)

        let after = try store.load().progress
        #expect(after[course: "hsct"].lessons["basics"] == nil)
        #expect(after[course: "hsct"].lessons["risks"] == before[course: "hsct"].lessons["risks"])
        #expect(after[course: "hsct"].reviews.keys.sorted() == ["r1"])
        #expect(after[course: "hsct"].lastPlace == nil)
        #expect(after[course: "other"] == before[course: "other"])

        // The log only grew: a marker that makes the reset answers not count.
        let newLog = ProgressKit.bytes(store.logPath)!
        #expect(Array(newLog.prefix(logBytes.count)) == logBytes)
        #expect(String(decoding: newLog.dropFirst(logBytes.count), as: UTF8.self)
                == #"{"event":"reset","course":"hsct","lesson":"basics","time":"2026-11-26T23:59:59Z"}"# + "\n")
        let rebuilt = LearnerProgress.rebuild(from: try store.readLog().records)
        #expect(rebuilt[course: "hsct"].lessons["basics"] == nil)
        #expect(rebuilt[course: "hsct"][lesson: "risks"].attempts == before[course: "hsct"][lesson: "risks"].attempts)

        // A second reset at the same second gets its own backup names.
        let second = try store.reset(course: "hsct", lesson: "risks")
        #expect(second == folder + "/progress.json.backup-20261126T235959Z-2")
        #expect(FileManager.default.fileExists(atPath: folder + "/progress.history.jsonl.backup-20261126T235959Z-2"))
    }

    @Test func courseResetRemovesOnlyThatCourse() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let (store, before) = try Self.populated(folder)
        try store.reset(course: "hsct", lesson: nil)
        let after = try store.load().progress
        #expect(after.courses.keys.sorted() == ["other"])
        #expect(after[course: "other"] == before[course: "other"])
        #expect(try store.readLog().records.map(\.course) == ["other"])
    }

    @Test func aResetIsNotUndoneByAnotherInstance() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let (_, _) = try Self.populated(folder)
        // The app is running with its own copy…
        let app = ProgressKit.store(folder + "/progress.json")
        var appProgress = try app.load().progress
        // …while `marrow reset --lesson basics` runs in another terminal.
        try ProgressKit.store(folder + "/progress.json").reset(course: "hsct", lesson: "basics")
        try app.record(answer: ProgressKit.record("r2", lesson: "risks", correct: false, attempt: "R1", total: 2, at: "2026-11-21T10:00:00Z"), into: &appProgress)
        appProgress = try app.save(appProgress)
        #expect(appProgress[course: "hsct"].lessons["basics"] == nil)
        #expect(appProgress[course: "hsct"][lesson: "risks"].attempts.first?.answers == ["r1": true, "r2": false])
    }

    @Test func resetWithoutAStateFileStillBacksUp() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        ProgressKit.writeLog([ProgressKit.record("q1")], to: store.logPath)
        let backup = try store.reset(course: "hsct", lesson: nil)
        let saved = try JSONDecoder.iso().decode(LearnerProgress.self, from: Data(ProgressKit.bytes(backup)!))
        #expect(saved == LearnerProgress.rebuild(from: [ProgressKit.record("q1")]))
        #expect(try store.load().progress.courses.isEmpty)
    }
}

extension JSONDecoder {
    static func iso() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
