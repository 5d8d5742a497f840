import Foundation
import Testing
import MarrowTestSupport
@testable import MarrowCore


@Suite struct AnswerLogTests {
    @Test func logIsNamedAfterTheStateFile() {
        #expect(AnswerLog.path(forState: "/d/progress.json") == "/d/progress.history.jsonl")
        #expect(AnswerLog.path(forState: "/d/other.json") == "/d/other.history.jsonl")
        #expect(AnswerLog.path(forState: "/d/state") == "/d/state.history.jsonl")
        #expect(AnswerLog.path(forState: "progress.json") == "progress.history.jsonl")
        #expect(AnswerLog.lockPath(forState: "/d/other.json") == "/d/other.lock")
    }

    @Test func oneCompactLinePerAnswer() throws {
        let line = String(decoding: AnswerLog.line(for: ProgressKit.record("q1")), as: UTF8.self)
        #expect(line == #"{"course":"hsct","lesson":"basics","question":"q1","chosen":[0],"correct":true,"time":"2026-11-20T10:00:00Z","attempt":"A1","attemptTotal":4}"# + "\n")
    }

    @Test func oddTextSurvivesTheLine() {
        let record = AnswerRecord(course: "c\"1", lesson: "l\\2", question: "q\n3\u{1}é😀", chosen: [], correct: false,
                                  time: ProgressKit.date("2026-11-20T10:00:00Z"), attempt: "a\t", attemptTotal: 0)
        let line = AnswerLog.line(for: record)
        #expect(line.filter { $0 == 10 }.count == 1)
        #expect(AnswerLog.parse(line, fileName: "h").records == [record])
    }

    @Test func tornLastLineIsSkippedSilently() {
        let result = AnswerLog.parse(ProgressKit.bytes(ProgressKit.fixture("history-torn.jsonl"))!, fileName: "progress.history.jsonl")
        #expect(result.records.map(\.question) == ["q1", "q2"])
        #expect(result.tornLastLine)
        #expect(result.skippedLines == 0)
        #expect(result.warning == nil)
    }

    @Test func unreadableMiddleLinesAreCountedInOneWarning() {
        let result = AnswerLog.parse(ProgressKit.bytes(ProgressKit.fixture("history-garbage.jsonl"))!, fileName: "progress.history.jsonl")
        #expect(result.records.count == 18)
        #expect(result.skippedLines == 3)
        #expect(result.firstSkippedLine == 17)
        #expect(result.warning == "progress.history.jsonl: skipped 3 unreadable lines (first at line 17)")
        let one = AnswerLog.parse(Array("x\n".utf8) + AnswerLog.line(for: ProgressKit.record("q1")), fileName: "h.jsonl")
        #expect(one.warning == "h.jsonl: skipped 1 unreadable line (first at line 1)")
        #expect(AnswerLog.parse([], fileName: "h.jsonl") == LogReadResult())
    }

    /// A line longer than `AnswerLog.maximumLineLength` is unreadable without being
    /// decoded: counted in the warning, the lines around it kept; at the end without
    /// a newline it is a torn last line, skipped silently. A line of exactly the cap
    /// is still read.
    @Test func aLineLongerThanTheCapIsSkippedAndCounted() {
        let q1 = AnswerLog.line(for: ProgressKit.record("q1")), q2 = AnswerLog.line(for: ProgressKit.record("q2"))
        let cap = AnswerLog.maximumLineLength
        // A valid answer padded with spaces inside the object to exactly the cap (newline not counted).
        let atCap = Array(q2.dropLast(2)) + Array(repeating: 0x20, count: cap - (q2.count - 1)) + Array("}\n".utf8)
        #expect(atCap.count == cap + 1)
        let long = Array(#"{"course":"hsct","note":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 10 << 20) + Array("\"}\n".utf8)
        let overCap = Array(q2.dropLast(2)) + Array(repeating: 0x20, count: cap + 1 - (q2.count - 1)) + Array("}\n".utf8)

        let result = AnswerLog.parse(q1 + long + atCap + overCap + q1, fileName: "h.jsonl")
        #expect(result.records.map(\.question) == ["q1", "q2", "q1"])
        #expect(result.skippedLines == 2 && result.firstSkippedLine == 2 && !result.tornLastLine)
        #expect(result.warning == "h.jsonl: skipped 2 unreadable lines (first at line 2)")

        let tornLong = AnswerLog.parse(q1 + q2 + long.dropLast(), fileName: "h.jsonl")
        #expect(tornLong.records.map(\.question) == ["q1", "q2"])
        #expect(tornLong.tornLastLine && tornLong.skippedLines == 0 && tornLong.warning == nil)

        // CRLF line ends, blank lines and a line of spaces around a long line: as before.
        let crlf = Array("\r\n   \n".utf8) + Array(q1.dropLast()) + Array("\r\n\r\n".utf8) + long + q2
        let mixed = AnswerLog.parse(crlf, fileName: "h.jsonl")
        #expect(mixed.records.map(\.question) == ["q1", "q2"] && mixed.skippedLines == 1 && mixed.firstSkippedLine == 5)
    }

    /// Finding the end of a 10 MB line takes no decoding: well under a tenth of a
    /// second of CPU even in a debug build (decoding it took over a second).
    @Test func aHugeLineCostsOnlyFindingItsEnd() {
        let long = Array(#"{"course":"hsct","note":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 10 << 20) + Array("\"}\n".utf8)
        let garbage = [UInt8](repeating: UInt8(ascii: "["), count: 10 << 20) + [0x0A]
        let bytes = AnswerLog.line(for: ProgressKit.record("q1")) + long + garbage + AnswerLog.line(for: ProgressKit.record("q2"))
        let clock = ThreadCPUClock()
        let started = clock.now
        let result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        let spent = clock.now - started
        #expect(result.records.count == 2 && result.skippedLines == 2)
        #expect(spent < .milliseconds(100), "parsing two 10 MB lines took \(spent) of CPU")
    }

    @Test func theStoreReportsTheWarningAndNeverRewritesTheLog() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let original = ProgressKit.bytes(ProgressKit.fixture("history-garbage.jsonl"))!
        ProgressKit.write(original, to: folder + "/progress.history.jsonl")
        let store = ProgressKit.store(folder + "/progress.json")
        let loaded = try store.load()
        #expect(loaded.notices == [
            "progress.json was not found; your quiz progress was rebuilt from the answer log (18 answers).",
            "progress.history.jsonl: skipped 3 unreadable lines (first at line 17)",
        ])
        var progress = loaded.progress
        try store.record(answer: ProgressKit.record("q1", attempt: "C1", at: "2026-11-23T10:00:00Z"), into: &progress)
        let after = ProgressKit.bytes(folder + "/progress.history.jsonl")!
        #expect(Array(after.prefix(original.count)) == original)
        #expect(try store.readLog().records.count == 19)
    }

    @Test func appendingAfterATornLineDoesNotGlueAndDoesNotWarn() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let torn = ProgressKit.bytes(ProgressKit.fixture("history-torn.jsonl"))!
        ProgressKit.write(torn, to: folder + "/progress.history.jsonl")
        let store = ProgressKit.store(folder + "/progress.json")
        try store.append(ProgressKit.record("r1", lesson: "risks", attempt: "R1", total: 2, at: "2026-11-22T10:00:00Z"))
        try store.append(ProgressKit.record("r2", lesson: "risks", attempt: "R1", total: 2, at: "2026-11-22T10:01:00Z"))
        let bytes = ProgressKit.bytes(folder + "/progress.history.jsonl")!
        #expect(Array(bytes.prefix(torn.count)) == torn)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 7 && lines[6].isEmpty)
        #expect(lines[3] == #"{"event":"torn-line-above"}"#)
        let result = try store.readLog()
        #expect(result.records.map(\.question) == ["q1", "q2", "r1", "r2"])
        #expect(result.warning == nil)
        #expect(!result.tornLastLine)
    }

    @Test func rebuildFromTheLogEqualsTheAttemptsSaved() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        progress[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: 4, offset: 2, percent: 30)
        progress = try store.save(progress)
        let answers = [
            ProgressKit.record("q1", attempt: "A1", at: "2026-11-20T10:00:00Z"),
            ProgressKit.record("q2", correct: false, attempt: "A1", at: "2026-11-20T10:00:30Z"),
            ProgressKit.record("r1", lesson: "risks", attempt: "R1", total: 2, at: "2026-11-20T11:00:00Z"),
            ProgressKit.record("q2", correct: true, attempt: "A1", at: "2026-11-20T10:01:00Z"),
            ProgressKit.record("q1", correct: false, attempt: "A2", at: "2026-11-21T09:00:00Z"),
            ProgressKit.record("x1", lesson: "intro", attempt: "I1", total: 1, at: "2026-11-21T09:30:00Z", course: "other"),
        ]
        for answer in answers { try store.record(answer: answer, into: &progress) }

        let onDisk = try ProgressKit.store(folder + "/progress.json").load().progress
        let rebuilt = LearnerProgress.rebuild(from: try store.readLog().records)
        for (courseID, course) in onDisk.courses {
            for (lessonID, lesson) in course.lessons {
                #expect(rebuilt[course: courseID][lesson: lessonID].attempts == lesson.attempts, "\(courseID)/\(lessonID)")
            }
        }
        #expect(Set(rebuilt.courses.keys) == ["hsct", "other"])
        #expect(rebuilt[course: "hsct"][lesson: "basics"].attempts.map(\.id) == ["A1", "A2"])
        // The latest answer per question within an attempt counts.
        #expect(rebuilt[course: "hsct"][lesson: "basics"].attempts[0].answers == ["q1": true, "q2": true])
        #expect(rebuilt[course: "hsct"][lesson: "basics"].opened == ProgressKit.date("2026-11-20T10:00:00Z"))
        // Positions are not in the log.
        #expect(rebuilt[course: "hsct"][lesson: "basics"].position == nil)
        #expect(onDisk[course: "hsct"][lesson: "basics"].position == ReadingPosition(block: 4, offset: 2, percent: 30))
    }

    @Test func resetMarkersCancelEarlierAnswersInTheirScope() {
        var bytes: [UInt8] = []
        bytes += AnswerLog.line(for: ProgressKit.record("q1", at: "2026-11-20T10:00:00Z"))
        bytes += AnswerLog.line(for: ProgressKit.record("r1", lesson: "risks", attempt: "R1", at: "2026-11-20T10:01:00Z"))
        bytes += AnswerLog.line(for: ProgressKit.record("o1", lesson: "basics", attempt: "O1", at: "2026-11-20T10:01:00Z", course: "other"))
        bytes += AnswerLog.line(for: ResetMarker(course: "hsct", lesson: "basics", time: ProgressKit.date("2026-11-21T00:00:00Z")))
        bytes += AnswerLog.line(for: ProgressKit.record("q2", attempt: "A2", at: "2026-11-21T10:00:00Z"))
        var result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records.map(\.question) == ["r1", "o1", "q2"])
        #expect(result.resets.count == 1)
        bytes += AnswerLog.line(for: ResetMarker(course: "hsct", lesson: nil, time: ProgressKit.date("2026-11-22T00:00:00Z")))
        bytes += Array(#"{"event":"bookmark-added","course":"hsct"}"#.utf8) + [10]
        result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records.map(\.question) == ["o1"])
        #expect(result.warning == nil)
        #expect(String(decoding: AnswerLog.line(for: ResetMarker(course: "hsct", lesson: nil, time: ProgressKit.date("2026-11-22T00:00:00Z"))), as: UTF8.self)
                == #"{"event":"reset","course":"hsct","lesson":null,"time":"2026-11-22T00:00:00Z"}"# + "\n")
    }

    /// An undo line takes back the latest matching answer above it (and its
    /// self-grade); an answer given again after it counts. No reader takes the
    /// line for an answer: the fast parser gives up on it and it has no `chosen`
    /// or `correct` for JSONDecoder's `AnswerRecord`.
    @Test func undoLinesTakeBackTheAnswerAboveThem() throws {
        let first = ProgressKit.record("q1", correct: false, attempt: "A1", at: "2026-11-20T10:00:00Z")
        let other = ProgressKit.record("q2", attempt: "A1", at: "2026-11-20T10:00:30Z")
        let undo = AnswerUndo(of: other, time: ProgressKit.date("2026-11-20T10:00:40Z"))
        let again = ProgressKit.record("q2", correct: false, attempt: "A1", at: "2026-11-20T10:00:40Z")
        let undoLine = AnswerLog.line(for: undo)
        #expect(String(decoding: undoLine, as: UTF8.self)
                == #"{"event":"undo","course":"hsct","lesson":"basics","question":"q2","attempt":"A1","answered":"2026-11-20T10:00:30Z","time":"2026-11-20T10:00:40Z"}"# + "\n")
        #expect(AnswerLineParser.record(undoLine.dropLast()[...]) == nil)
        #expect((try? ProgressJSON.decoder().decode(AnswerRecord.self, from: Data(undoLine))) == nil)

        var bytes = AnswerLog.line(for: first) + AnswerLog.line(for: other)
        bytes += AnswerLog.line(for: AnswerGrade(of: other, rating: .hard, time: ProgressKit.date("2026-11-20T10:00:35Z")))
        bytes += undoLine
        var result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records == [first])
        #expect(result.undos == [undo])
        #expect(result.grades.isEmpty)
        #expect(result.warning == nil)
        // Answered again after the undo (even within the same second): that answer counts.
        bytes += AnswerLog.line(for: again)
        result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records == [first, again])
        // An undo naming no answer above it takes nothing; a damaged one is an unreadable line.
        bytes += AnswerLog.line(for: AnswerUndo(of: ProgressKit.record("q9", at: "2026-11-20T09:00:00Z"), time: ProgressKit.date("2026-11-20T11:00:00Z")))
        bytes += Array(#"{"event":"undo","course":"hsct"}"#.utf8) + [10]
        result = AnswerLog.parse(bytes, fileName: "h.jsonl")
        #expect(result.records == [first, again])
        #expect(result.skippedLines == 1)
    }

    /// After an undo, the state saved and the state rebuilt from the log alone
    /// agree: attempts and review schedules, as if the answer was never given; the
    /// state file reloaded (replaying the log tail, undo included) agrees too.
    @Test func rebuildFromTheLogEqualsTheStateSavedAfterAnUndo() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        let answers = [
            ProgressKit.record("q1", attempt: "A1", at: "2026-11-20T10:00:00Z"),
            ProgressKit.record("q2", correct: false, attempt: "A1", at: "2026-11-20T10:00:30Z"),
            ProgressKit.record("q1", attempt: "A2", at: "2026-11-23T10:00:00Z"),
        ]
        for answer in answers { try store.record(answer: answer, into: &progress) }
        // Saved with the last answer in it, then taken back: the tail replays the undo onto it.
        progress = try store.save(progress)
        try store.undo(AnswerUndo(of: answers[2], time: ProgressKit.date("2026-11-23T10:00:05Z")), into: &progress)
        // The undo of q2 (its only review), answered again differently at once.
        try store.undo(AnswerUndo(of: answers[1], time: ProgressKit.date("2026-11-23T10:00:06Z")), into: &progress)
        try store.record(answer: ProgressKit.record("q2", attempt: "A1", at: "2026-11-23T10:00:06Z"), into: &progress)

        let log = try store.readLog()
        let rebuilt = LearnerProgress.rebuild(from: log.records)
        let reloaded = try ProgressKit.store(folder + "/progress.json").load().progress
        for state in [progress, reloaded, try store.save(progress)] {
            #expect(state[course: "hsct"].reviews == rebuilt[course: "hsct"].reviews)
            #expect(state[course: "hsct"].lessons.mapValues(\.attempts) == rebuilt[course: "hsct"].lessons.mapValues(\.attempts))
        }
        #expect(rebuilt[course: "hsct"][lesson: "basics"].attempts.map(\.id) == ["A1"])
        #expect(rebuilt[course: "hsct"][lesson: "basics"].attempts[0].answers == ["q1": true, "q2": true])
        #expect(rebuilt[course: "hsct"].reviews["q1"]?.reps == 1)
    }

    @Test func loadingAndSavingDoNotReadTheLog() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let store = ProgressKit.store(path)
        try store.save(ProgressKit.sampleProgress())
        // A log that cannot be read at all: a folder in its place.
        mkdir(folder + "/progress.history.jsonl", 0o700)
        let loaded = try store.load()
        #expect(loaded.notices.isEmpty)
        var progress = loaded.progress
        progress[course: "hsct"][lesson: "risks"].finished = ProgressKit.date("2026-11-22T10:00:00Z")
        #expect(try store.save(progress) == progress)
        #expect(throws: ProgressStoreError.self) { try store.readLog() }
        // A FIFO in the log's place is refused at once instead of waiting for a writer.
        try FileManager.default.removeItem(atPath: folder + "/progress.history.jsonl")
        mkfifo(folder + "/progress.history.jsonl", 0o600)
        #expect(throws: ProgressStoreError.cannotReadLog(file: store.logPath, reason: "it is not a regular file")) { try store.readLog() }
    }
}
