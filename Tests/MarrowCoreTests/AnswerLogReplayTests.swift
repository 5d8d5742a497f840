import Foundation
import Testing
@testable import MarrowCore


/// Finding 12: an answer is recorded by appending it to the log; progress.json is
/// rewritten only when the learner moves on, and loading replays the log lines
/// newer than it. These pin that the state as loaded is always the one answering
/// live gives, whatever was saved, crashed or replayed twice.
@Suite struct AnswerLogReplayTests {
    /// A state of `questions` answered questions, saved; returns the store and its state.
    fileprivate static func bigState(_ folder: String, questions: Int) throws -> (ProgressStore, LearnerProgress) {
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        let start = ProgressKit.date("2026-01-01T00:00:00Z")
        var lines: [UInt8] = []
        for i in 0..<questions {
            let record = AnswerRecord(course: "hsct", lesson: "l\(i / 20)", question: "q\(i)", chosen: [0], correct: i % 3 != 0,
                                      time: start.addingTimeInterval(Double(i)), attempt: "A\(i / 20)", attemptTotal: 20)
            lines += AnswerLog.line(for: record)
            progress.apply(record)
        }
        ProgressKit.write(lines, to: folder + "/progress.history.jsonl")
        progress = try store.save(progress)
        return (store, progress)
    }

    /// Recording an answer appends one line to the log and leaves progress.json as
    /// it was (without the fix, each answer rewrote the whole file: ~1 MB here).
    @Test func recordingAnAnswerLeavesTheStateFileAlone() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        var (store, progress) = try Self.bigState(folder, questions: 3_000)
        let before = FileStamp.of(store.path)
        let stateBytes = ProgressKit.bytes(store.path)
        let logBefore = ProgressKit.bytes(store.logPath)!.count
        let record = ProgressKit.record("q7", lesson: "l0", attempt: "B1", total: 20, at: "2026-02-01T10:00:00Z")
        try store.record(answer: record, into: &progress)
        #expect(FileStamp.of(store.path) == before)
        #expect(ProgressKit.bytes(store.path) == stateBytes)
        #expect(ProgressKit.bytes(store.logPath)!.count == logBefore + AnswerLog.line(for: record).count)
        // Loading (another instance, or after kill -9) replays it from the log.
        let loaded = try ProgressKit.store(store.path).load().progress
        #expect(loaded == progress)
    }

    /// A seeded sequence of answers, self-grades, undos, saves and crashes (the store
    /// dropped without saving, as kill -9 does) on one progress file: after each
    /// step the state as loaded equals the one kept live, and at the end its
    /// schedules and attempts equal those rebuilt from the whole log.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func savesCrashesAndReplaysAgreeWithTheLog(seed: UInt64) throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        var random = SplitMix64(seed: seed)
        var store = ProgressKit.store(path)
        var live = try store.load().progress
        var time = ProgressKit.date("2026-11-01T08:00:00Z")
        var attempt = 0
        for step in 0..<60 {
            switch random.next() % 10 {
            case 0..<6:
                time = time.addingTimeInterval(Double(random.next() % (3 * 86_400)))
                if random.next() % 5 == 0 { attempt += 1 }
                let q = Int(random.next() % 8)
                let record = AnswerRecord(course: "hsct", lesson: "l\(q / 4)", question: "q\(q)", chosen: [0], correct: random.next() % 3 != 0,
                                          time: time, attempt: "A\(attempt)", attemptTotal: 4)
                try store.record(answer: record, into: &live)
                if record.correct, random.next() % 3 == 0 {
                    try store.regrade(AnswerGrade(of: record, rating: random.next() % 2 == 0 ? .hard : .easy, time: time.addingTimeInterval(2)), into: &live)
                }
                // Taken back (u) now and then, sometimes answered again at once (within the same second).
                if random.next() % 4 == 0 {
                    try store.undo(AnswerUndo(of: record, time: time.addingTimeInterval(3)), into: &live)
                    if random.next() % 2 == 0 {
                        var again = record
                        again.correct = random.next() % 2 == 0
                        again.time = time.addingTimeInterval(Double(random.next() % 2) * 4)
                        try store.record(answer: again, into: &live)
                    }
                }
            case 6, 7:
                live[course: "hsct"][lesson: "l0"].position = ReadingPosition(block: step, offset: 0, percent: step % 100)
                live = try store.save(live)
            default:
                // A crash: what was not saved is only in the log.
                store = ProgressKit.store(path)
                let reloaded = try store.load().progress
                #expect(reloaded[course: "hsct"].reviews == live[course: "hsct"].reviews, "seed \(seed) step \(step)")
                #expect(reloaded[course: "hsct"].lessons.mapValues(\.attempts).filter { !$0.value.isEmpty }
                        == live[course: "hsct"].lessons.mapValues(\.attempts).filter { !$0.value.isEmpty }, "seed \(seed) step \(step)")
                live = reloaded
            }
        }
        live = try store.save(live)
        let final = try ProgressKit.store(path).load().progress
        #expect(final == live)
        let log = try store.readLog()
        #expect(final[course: "hsct"].reviews == ReviewSchedule.rebuild(records: log.records, courseID: "hsct", fsrs: FSRS()))
        // The state file keeps the attempts that matter (`retainedAttempts`); each it keeps is whole.
        let rebuilt = LearnerProgress.rebuild(from: log.records)[course: "hsct"]
        for (id, lesson) in final[course: "hsct"].lessons {
            #expect(!lesson.attempts.isEmpty)
            for attempt in lesson.attempts {
                #expect(rebuilt[lesson: id].attempts.first { $0.id == attempt.id }?.answers == attempt.answers, "seed \(seed): \(id) \(attempt.id)")
            }
            #expect(lesson.attempts.last?.id == rebuilt[lesson: id].attempts.last?.id)
        }
    }

    /// A state file from before the log length was kept (none recorded) replays the
    /// whole log and changes nothing: every line is already in it.
    @Test func aFileWithoutALogLengthReplaysTheWholeLogHarmlessly() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let (store, progress) = try Self.bigState(folder, questions: 200)
        var object = try JSONSerialization.jsonObject(with: Data(ProgressKit.bytes(store.path)!)) as! [String: Any]
        #expect(object[ProgressStore.logLengthKey] as? Int == ProgressKit.bytes(store.logPath)!.count)
        object[ProgressStore.logLengthKey] = nil
        ProgressKit.write(Array(try JSONSerialization.data(withJSONObject: object)), to: store.path)
        #expect(try ProgressKit.store(store.path).load().progress == progress)
    }

    /// A torn last line (a crash mid-append) is not replayed and not counted as
    /// held: the next answer's line after it is replayed.
    @Test func aTornLastLineIsLeftForLater() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        var (store, progress) = try Self.bigState(folder, questions: 20)
        let torn = Array(AnswerLog.line(for: ProgressKit.record("q1", lesson: "l0", attempt: "T", at: "2026-03-01T10:00:00Z")).dropLast(9))
        let handle = FileHandle(forWritingAtPath: store.logPath)!
        handle.seekToEndOfFile()
        handle.write(Data(torn))
        handle.closeFile()
        #expect(try ProgressKit.store(store.path).load().progress == progress)
        let next = ProgressKit.record("q2", lesson: "l0", attempt: "T2", total: 20, at: "2026-03-01T10:01:00Z")
        try store.record(answer: next, into: &progress)
        let loaded = try ProgressKit.store(store.path).load()
        #expect(loaded.progress == progress)
        #expect(loaded.notices.isEmpty)
    }

    /// A reset marker the state file does not show yet (a crash between appending
    /// it and rewriting the state) takes effect on loading.
    @Test func aResetMarkerInTheTailTakesEffect() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let (store, progress) = try Self.bigState(folder, questions: 40)
        #expect(progress[course: "hsct"].lessons["l0"] != nil)
        let marker = AnswerLog.line(for: ResetMarker(course: "hsct", lesson: "l0", time: ProgressKit.date("2026-06-01T00:00:00Z")))
        let handle = FileHandle(forWritingAtPath: store.logPath)!
        handle.seekToEndOfFile()
        handle.write(Data(marker))
        handle.closeFile()
        let loaded = try ProgressKit.store(store.path).load().progress
        #expect(loaded[course: "hsct"].lessons["l0"] == nil)
        #expect(loaded[course: "hsct"].lessons["l1"] == progress[course: "hsct"].lessons["l1"])
        #expect(loaded[course: "hsct"].reviews.keys.filter { Int($0.dropFirst())! < 20 }.isEmpty)
        #expect(loaded[course: "hsct"].reviews.count == 20)
    }
}
