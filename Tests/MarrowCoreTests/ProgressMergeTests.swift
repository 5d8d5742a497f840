import Foundation
import Synchronization
import Testing
@testable import MarrowCore


/// Two instances on one progress file lose no update.
@Suite struct ProgressMergeTests {
    @Test func twoInstancesInterleavingLoseNothing() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let a = ProgressKit.store(path), b = ProgressKit.store(path)
        var pa = try a.load().progress
        var pb = try b.load().progress

        try a.record(answer: ProgressKit.record("q1", attempt: "A", at: "2026-11-20T10:00:00Z"), into: &pa)
        try b.record(answer: ProgressKit.record("r1", lesson: "risks", attempt: "B", total: 2, at: "2026-11-20T10:00:05Z"), into: &pb)
        pa[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: 9, offset: 0, percent: 80)
        pa[course: "hsct"][lesson: "basics"].bookmarks.append(ReadingPosition(block: 2, offset: 0, percent: 10))
        try a.save(pa)
        try a.record(answer: ProgressKit.record("q2", correct: false, attempt: "A", at: "2026-11-20T10:00:10Z"), into: &pa)
        pb[course: "hsct"].disclaimerSeen = true
        pb[course: "hsct"][lesson: "risks"].finished = ProgressKit.date("2026-11-20T10:05:00Z")
        try b.record(answer: ProgressKit.record("r2", lesson: "risks", correct: false, attempt: "B", total: 2, at: "2026-11-20T10:00:15Z"), into: &pb)
        // b moves on (a lesson finished) and saves; a's second answer is only in the log.
        pb = try b.save(pb)

        let final = try ProgressKit.store(path).load().progress
        let course = final[course: "hsct"]
        #expect(course[lesson: "basics"].attempts.map(\.answers) == [["q1": true, "q2": false]])
        #expect(course[lesson: "risks"].attempts.map(\.answers) == [["r1": true, "r2": false]])
        #expect(course[lesson: "basics"].position?.block == 9)
        #expect(course[lesson: "basics"].bookmarks.count == 1)
        #expect(course[lesson: "risks"].finished != nil)
        #expect(course.disclaimerSeen)
        #expect(try a.readLog().records.count == 4)
        // Both instances end up holding the merged state.
        #expect(pb == final)
    }

    @Test func concurrentWritersOnThreadsLoseNothing() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let perWriter = 25
        let writers = 3
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let store = ProgressKit.store(path)
            do {
                var progress = try store.load().progress
                for i in 0..<perWriter {
                    let time = Date(timeIntervalSince1970: 1_795_000_000 + Double(w * 1000 + i))
                    let record = AnswerRecord(course: "hsct", lesson: "lesson\(w)", question: "q\(i)", chosen: [0],
                                              correct: i % 3 != 0, time: time, attempt: "W\(w)", attemptTotal: perWriter)
                    try store.record(answer: record, into: &progress)
                    if i % 5 == 0 { progress[course: "hsct"][lesson: "lesson\(w)"].bookmarks.append(ReadingPosition(block: i)) }
                }
                try store.save(progress)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let final = try ProgressKit.store(path).load().progress
        for w in 0..<writers {
            let lesson = final[course: "hsct"][lesson: "lesson\(w)"]
            #expect(lesson.attempts.count == 1)
            #expect(lesson.attempts.first?.answers.count == perWriter)
            #expect(lesson.attempts.first?.isComplete == true)
            #expect(lesson.bookmarks.count == perWriter / 5)
        }
        let log = try ProgressKit.store(path).readLog()
        #expect(log.records.count == writers * perWriter)
        #expect(log.warning == nil)
    }

    @Test func removalsStickAgainstTheOtherCopy() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let a = ProgressKit.store(path), b = ProgressKit.store(path)
        var pa = try a.save(ProgressKit.sampleProgress())
        let pb = try b.load().progress

        // A removes a bookmark; B, which still has it, saves something else.
        pa[course: "hsct"][lesson: "basics"].bookmarks = []
        pa = try a.save(pa)
        var pb2 = pb
        pb2[course: "hsct"][lesson: "risks"].bookmarks.append(ReadingPosition(block: 7))
        let merged = try b.save(pb2)
        #expect(merged[course: "hsct"][lesson: "basics"].bookmarks.isEmpty)
        #expect(merged[course: "hsct"][lesson: "risks"].bookmarks == [ReadingPosition(block: 7)])

        // B's position did not move since it loaded, so A's newer position survives B's save.
        pa = try a.load().progress
        pa[course: "hsct"][lesson: "risks"].position = ReadingPosition(block: 20, offset: 0, percent: 90)
        try a.save(pa)
        var pb3 = merged
        pb3[course: "hsct"][lesson: "basics"].finished = ProgressKit.date("2026-11-19T09:00:00Z")
        let merged2 = try b.save(pb3)
        #expect(merged2[course: "hsct"][lesson: "risks"].position?.block == 20)
        // Earliest finished wins.
        #expect(merged2[course: "hsct"][lesson: "basics"].finished == ProgressKit.date("2026-11-19T09:00:00Z"))
    }

    @Test func mergeRulesWithoutABase() {
        let disk = ProgressKit.sampleProgress()
        var mine = LearnerProgress()
        mine[course: "hsct"][lesson: "basics"].opened = ProgressKit.date("2026-11-25T09:00:00Z")
        mine[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: 1)
        mine[course: "hsct"][lesson: "basics"].attempts = [
            QuizAttempt(id: "A1", started: ProgressKit.date("2026-11-20T09:31:00Z"), total: 2, answers: ["q2": true]),
            QuizAttempt(id: "A0", started: ProgressKit.date("2026-11-19T09:00:00Z"), total: 2, answers: ["q1": false]),
        ]
        mine[course: "hsct"].reviews["q2"] = ReviewState(stability: 9, difficulty: 1, due: ProgressKit.date("2026-12-20T00:00:00Z"),
                                                         lastReview: ProgressKit.date("2026-11-25T00:00:00Z"))
        mine[course: "hsct"].reviews["q9"] = ReviewState(stability: 1, difficulty: 1, due: ProgressKit.date("2026-12-20T00:00:00Z"),
                                                         lastReview: ProgressKit.date("2026-11-01T00:00:00Z"))
        var olderDisk = disk
        olderDisk.unknownFields["sync"] = .string("disk")
        mine.unknownFields["sync"] = .string("mine")
        let merged = LearnerProgress.merge(mine: mine, disk: olderDisk, base: nil)
        let basics = merged[course: "hsct"][lesson: "basics"]
        #expect(basics.opened == ProgressKit.date("2026-11-20T09:00:00Z"))
        #expect(basics.finished == ProgressKit.date("2026-11-20T09:30:00Z"))
        #expect(basics.position == ReadingPosition(block: 1))
        #expect(basics.bookmarks == disk[course: "hsct"][lesson: "basics"].bookmarks)
        #expect(basics.attempts.map(\.id) == ["A0", "A1"])
        #expect(basics.attempts[1].answers == ["q1": true, "q2": true])
        #expect(merged[course: "hsct"].reviews["q2"]?.stability == 9)
        #expect(merged[course: "hsct"].reviews.count == 2)
        #expect(merged[course: "hsct"].disclaimerSeen)
        #expect(merged[course: "hsct"].lastPlace == disk[course: "hsct"].lastPlace)
        #expect(merged[course: "hsct"][lesson: "risks"] == disk[course: "hsct"][lesson: "risks"])
        #expect(merged.unknownFields["sync"] == .string("disk"))
    }
}
