import Foundation
import Testing
import Synchronization
@testable import MarrowCore


/// Shared helpers for the progress store tests.
enum ProgressKit {
    /// A fresh folder under /tmp, removed by `cleanUp`.
    static func makeFolder() -> String {
        var template = Array("/tmp/marrow-progress-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        return path
    }

    static func cleanUp(_ folder: String) {
        _ = try? FileManager.default.removeItem(atPath: folder)
    }

    static func fixture(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("progress/\(name)").path
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    static func write(_ bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func listing(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static let isRoot = getuid() == 0

    /// 2026-11-26T23:59:59Z, the clock of stores made by `store(in:)`.
    static let stampTime = Date(timeIntervalSince1970: 1_795_737_599)

    static func store(_ path: String) -> ProgressStore {
        ProgressStore(path: path, now: { stampTime })
    }

    static func date(_ s: String) -> Date {
        try! Date(s, strategy: .iso8601)
    }

    static func record(_ question: String, lesson: String = "basics", correct: Bool = true, attempt: String = "A1",
                       total: Int = 4, at time: String = "2026-11-20T10:00:00Z", course: String = "hsct") -> AnswerRecord {
        AnswerRecord(course: course, lesson: lesson, question: question, chosen: [correct ? 0 : 1], correct: correct,
                     time: date(time), attempt: attempt, attemptTotal: total)
    }

    /// A state using every field, with whole-second dates (the file keeps seconds).
    static func sampleProgress() -> LearnerProgress {
        var p = LearnerProgress()
        p.courses["hsct"] = CourseProgress(
            lessons: [
                "basics": LessonProgress(opened: date("2026-11-20T09:00:00Z"), finished: date("2026-11-20T09:30:00Z"),
                                         position: ReadingPosition(block: 12, offset: 40, percent: 100),
                                         bookmarks: [ReadingPosition(block: 3, offset: 0, percent: 20)],
                                         attempts: [QuizAttempt(id: "A1", started: date("2026-11-20T09:31:00Z"), total: 2,
                                                                answers: ["q1": true, "q2": false])]),
                "risks": LessonProgress(opened: date("2026-11-21T09:00:00Z"), position: ReadingPosition(block: 2, offset: 5, percent: 15)),
            ],
            lastPlace: Place(lessonID: "risks", position: ReadingPosition(block: 2, offset: 5, percent: 15)),
            disclaimerSeen: true,
            reviews: ["q2": ReviewState(stability: 1.5, difficulty: 6.25, due: date("2026-11-22T09:31:00Z"),
                                        lastReview: date("2026-11-20T09:31:00Z"), reps: 1, lapses: 1)])
        return p
    }

    /// Writes the log lines for `records` directly (as an earlier session would have).
    static func writeLog(_ records: [AnswerRecord], to path: String) {
        write(records.flatMap { AnswerLog.line(for: $0) }, to: path)
    }

    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// Makes `folder` refuse new entries and renames, also for root: `chattr +i` as
    /// root (root ignores permission bits), mode 0555 otherwise. Returns an undo,
    /// or nil if neither works here.
    static func makeReadOnly(_ folder: String) -> (() -> Void)? {
        if isRoot {
            guard run("/usr/bin/chattr", ["+i", folder]) else { return nil }
            return { _ = run("/usr/bin/chattr", ["-i", folder]) }
        }
        chmod(folder, 0o555)
        return { chmod(folder, 0o755) }
    }
}

@Suite struct ProgressStoreTests {
    @Test func roundTripKeepsEveryField() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/nested/deeper/progress.json"
        let saved = try ProgressKit.store(path).save(ProgressKit.sampleProgress())
        #expect(saved == ProgressKit.sampleProgress())

        let loaded = try ProgressKit.store(path).load()
        #expect(loaded.progress == ProgressKit.sampleProgress())
        #expect(loaded.notices.isEmpty)
        #expect(loaded.source == .file)

        // The folder is made private, the file too.
        var st = stat()
        stat(folder + "/nested/deeper", &st)
        #expect(st.st_mode & 0o777 == 0o700)
        stat(path, &st)
        #expect(st.st_mode & 0o777 == 0o600)

        // Schema version and ISO 8601 dates in the file.
        let text = String(decoding: ProgressKit.bytes(path)!, as: UTF8.self)
        #expect(text.contains(#""schemaVersion" : 1"#))
        #expect(text.contains(#""finished" : "2026-11-20T09:30:00Z""#))
        // No temporary or lock leftovers besides the lock file.
        #expect(ProgressKit.listing(folder + "/nested/deeper") == ["progress.json", "progress.lock"])
    }

    @Test func crashBeforeRenameLeavesTheOldFile() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let crashing = Mutex(false)
        let store = ProgressStore(path: path, now: { ProgressKit.stampTime }) { target throws(FileError) in
            if crashing.withLock({ $0 }) { throw FileError(operation: "finish (simulated crash before rename)", path: target, code: EINTR) }
        }
        var progress = try store.save(ProgressKit.sampleProgress())
        let before = ProgressKit.bytes(path)

        crashing.withLock { $0 = true }
        progress[course: "hsct"][lesson: "risks"].finished = ProgressKit.date("2026-11-22T10:00:00Z")
        #expect(throws: ProgressStoreError.self) { try store.save(progress) }
        // The old file is intact; the complete temporary file is left as a kill -9 would.
        #expect(ProgressKit.bytes(path) == before)
        let leftovers = ProgressKit.listing(folder).filter { $0.hasPrefix(".progress.json.tmp-") }
        #expect(leftovers.count == 1)

        // Another instance reads the old state; its next save cleans up and writes.
        let other = ProgressKit.store(path)
        #expect(try other.load().progress == ProgressKit.sampleProgress())
        crashing.withLock { $0 = false }
        let written = try store.save(progress)
        #expect(written[course: "hsct"][lesson: "risks"].finished == ProgressKit.date("2026-11-22T10:00:00Z"))
        #expect(ProgressKit.listing(folder).filter { $0.hasPrefix(".progress.json.tmp-") }.isEmpty)
        #expect(try other.load().progress == written)
    }

    @Test func newerSchemaIsRefusedAndUntouched() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let original = ProgressKit.bytes(ProgressKit.fixture("newer-schema.json"))!
        ProgressKit.write(original, to: path)
        let store = ProgressKit.store(path)

        #expect(throws: ProgressStoreError.newerSchema(file: path, found: 7, supported: 1)) { try store.load() }
        let message = ProgressStoreError.newerSchema(file: path, found: 7, supported: 1).description
        #expect(message == "progress.json was written by a newer version of Marrow (schema 7; this one reads 1). Update Marrow; nothing was changed.")
        #expect(throws: ProgressStoreError.self) { try store.save(ProgressKit.sampleProgress()) }
        #expect(ProgressKit.bytes(path) == original)
        #expect(ProgressKit.listing(folder) == ["progress.json", "progress.lock"] || ProgressKit.listing(folder) == ["progress.json"])
        // Loading alone touches nothing at all.
        let fresh = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(fresh) }
        ProgressKit.write(original, to: fresh + "/progress.json")
        #expect(throws: ProgressStoreError.self) { try ProgressKit.store(fresh + "/progress.json").load() }
        #expect(ProgressKit.listing(fresh) == ["progress.json"])
    }

    @Test func unknownFieldsAreKeptOnSave() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        ProgressKit.write(ProgressKit.bytes(ProgressKit.fixture("unknown-fields.json"))!, to: path)
        let store = ProgressKit.store(path)
        var progress = try store.load().progress
        #expect(progress.unknownFields["syncToken"] == .string("abc-123"))
        #expect(progress.unknownFields["futureSettings"] == .object([
            "theme": .string("dark"), "sizes": .array([.number(1), .number(2.5), .null, .bool(true)]),
        ]))
        progress[course: "hsct"][lesson: "basics"].finished = ProgressKit.date("2026-11-21T09:00:00Z")
        progress[course: "hsct"][lesson: "risks"].opened = ProgressKit.date("2026-11-21T10:00:00Z")
        try store.save(progress)

        let object = try JSONSerialization.jsonObject(with: Data(ProgressKit.bytes(path)!)) as! [String: Any]
        #expect(object["syncToken"] as? String == "abc-123")
        let settings = object["futureSettings"] as! [String: Any]
        #expect(settings["theme"] as? String == "dark")
        #expect((settings["sizes"] as! [Any]).count == 4)
        let course = (object["courses"] as! [String: Any])["hsct"] as! [String: Any]
        #expect(course["courseNote"] as? String == "kept")
        let basics = (course["lessons"] as! [String: Any])["basics"] as! [String: Any]
        #expect((basics["highlight"] as! [String: Any])["color"] as? String == "yellow")
        #expect(basics["finished"] as? String == "2026-11-21T09:00:00Z")
        // And they survive a second round trip through another store.
        let again = try ProgressKit.store(path).load().progress
        #expect(again.unknownFields == progress.unknownFields)
        #expect(again[course: "hsct"].unknownFields["courseNote"] == .string("kept"))
    }

    @Test func missingFileIsAFreshStartAndLoadWritesNothing() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let result = try ProgressKit.store(folder + "/progress.json").load()
        #expect(result.progress == LearnerProgress())
        #expect(result.notices.isEmpty)
        #expect(result.source == .fresh)
        #expect(ProgressKit.listing(folder).isEmpty)
        // A folder that does not exist yet is not created by loading.
        #expect(try ProgressKit.store(folder + "/a/b/progress.json").load().source == .fresh)
        #expect(ProgressKit.listing(folder).isEmpty)
    }

    @Test func missingFileWithALogIsRebuilt() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let records = [ProgressKit.record("q1"), ProgressKit.record("q2", correct: false, at: "2026-11-20T10:01:00Z")]
        ProgressKit.writeLog(records, to: folder + "/progress.history.jsonl")
        let result = try ProgressKit.store(folder + "/progress.json").load()
        #expect(result.source == .rebuiltFromLog)
        #expect(result.progress == LearnerProgress.rebuild(from: records))
        #expect(result.notices == ["progress.json was not found; your quiz progress was rebuilt from the answer log (2 answers)."])
    }

    @Test func readOnlyFolderGivesAClearErrorOnSave() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        // A path whose "folder" is a regular file: no user, root included, can write there.
        ProgressKit.write(Array("not a folder\n".utf8), to: folder + "/file")
        let store = ProgressKit.store(folder + "/file/progress.json")
        #expect(try store.load().source == .fresh)
        do throws(ProgressStoreError) {
            try store.save(ProgressKit.sampleProgress())
            Issue.record("saving under a regular file succeeded")
        } catch {
            #expect(error == .cannotSave(file: folder + "/file/progress.json",
                                         reason: "cannot create the folder \(folder)/file (Not a directory)"))
            #expect(error.description.hasPrefix("Could not save progress: cannot create the folder"))
            #expect(error.description.hasSuffix("The previous file is unchanged: \(folder)/file/progress.json."))
        }
        #expect(throws: ProgressStoreError.self) { try store.append(ProgressKit.record("q1")) }
        #expect(ProgressKit.bytes(folder + "/file") == Array("not a folder\n".utf8))

        // /proc refuses new files for everyone.
        #expect(throws: ProgressStoreError.self) { try ProgressKit.store("/proc/marrow-progress.json").save(LearnerProgress()) }

        // A real read-only folder (immutable for root, mode 0555 otherwise), holding a good file.
        let ro = folder + "/ro"
        mkdir(ro, 0o755)
        let good = try ProgressKit.store(ro + "/progress.json").save(ProgressKit.sampleProgress())
        let before = ProgressKit.bytes(ro + "/progress.json")
        if let undo = ProgressKit.makeReadOnly(ro) {
            defer { undo() }
            // The lock file exists from the first save, so the failure is the write itself.
            var changed = good
            changed[course: "hsct"].disclaimerSeen = false
            changed[course: "hsct"][lesson: "new"].opened = ProgressKit.date("2026-11-23T10:00:00Z")
            do throws(ProgressStoreError) {
                try ProgressKit.store(ro + "/progress.json").save(changed)
                Issue.record("saving into a read-only folder succeeded")
            } catch {
                #expect(error.description.hasPrefix("Could not save progress: cannot create a file in \(ro) ("))
            }
            #expect(ProgressKit.bytes(ro + "/progress.json") == before)
            #expect(try ProgressKit.store(ro + "/progress.json").load().progress == good)
        }
    }

    @Test func symlinkToARegularFileStaysALink() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        mkdir(folder + "/synced", 0o700)
        try ProgressKit.store(folder + "/synced/real.json").save(ProgressKit.sampleProgress())
        symlink(folder + "/synced/real.json", folder + "/progress.json")
        let store = ProgressKit.store(folder + "/progress.json")
        var progress = try store.load().progress
        #expect(progress == ProgressKit.sampleProgress())
        progress[course: "hsct"].disclaimerSeen = false
        progress[course: "hsct"][lesson: "risks"].finished = ProgressKit.date("2026-11-22T10:00:00Z")
        try store.save(progress)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/progress.json")) == folder + "/synced/real.json")
        #expect(try ProgressKit.store(folder + "/synced/real.json").load().progress[course: "hsct"][lesson: "risks"].finished != nil)
    }

    /// Finding 3: a linked state file is resolved once; its log and lock sit beside
    /// the real file, so an instance using the link and one using the real path
    /// share one lock and one log (and nothing is created beside the link).
    @Test func aLinkedStateFileKeepsItsLogAndLockBesideTheRealFile() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        mkdir(folder + "/synced", 0o700)
        let real = folder + "/synced/real.json"
        try ProgressKit.store(real).save(ProgressKit.sampleProgress())
        symlink(real, folder + "/progress.json")
        let viaLink = ProgressKit.store(folder + "/progress.json")
        let viaReal = ProgressKit.store(real)
        #expect(viaLink.path == real)
        #expect(viaLink.lockPath == viaReal.lockPath && viaLink.lockPath == folder + "/synced/real.lock")
        #expect(viaLink.logPath == viaReal.logPath && viaLink.logPath == folder + "/synced/real.history.jsonl")
        var progress = try viaLink.load().progress
        try viaLink.record(answer: ProgressKit.record("q9", at: "2026-11-23T10:00:00Z"), into: &progress)
        try viaLink.save(progress)
        #expect(try viaReal.readLog().records.map(\.question) == ["q9"])
        #expect(ProgressKit.listing(folder) == ["progress.json", "synced"])
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/progress.json")) == real)
    }

    @Test func locationFollowsOverridesThenXDGThenHome() throws {
        let env = ["HOME": "/home/sam", "XDG_DATA_HOME": "/data/sam", "MARROW_PROGRESS": "/tmp/p.json"]
        #expect(try ProgressLocation.resolve(explicit: "/x/mine.json", environment: env) == "/x/mine.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: env) == "/tmp/p.json")
        #expect(try ProgressLocation.resolve(explicit: "", environment: env) == "/tmp/p.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: ["HOME": "/home/sam", "XDG_DATA_HOME": "/data/sam"]) == "/data/sam/marrow/progress.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: ["HOME": "/home/sam", "XDG_DATA_HOME": "relative"]) == "/home/sam/.local/share/marrow/progress.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: ["HOME": "/home/sam", "XDG_DATA_HOME": ""]) == "/home/sam/.local/share/marrow/progress.json")
        #expect(try ProgressLocation.resolve(explicit: nil, environment: ["HOME": "/home/sam", "MARROW_PROGRESS": "~/p.json"]) == "/home/sam/p.json")
        #expect(ProgressStore(path: "/a/progress.json").logPath == "/a/progress.history.jsonl")
        #expect(ProgressStore(path: "/a/progress.json").lockPath == "/a/progress.lock")
    }

    @Test func migrationHookConvertsOlderSchemas() throws {
        let step: Migrations.Step = { object in
            var o = object
            o["courses"] = o["learning"]
            o["learning"] = nil
            return o
        }
        let old: [String: JSONValue] = ["schemaVersion": .number(0), "learning": .object(["hsct": .object(["disclaimerSeen": .bool(true)])]), "extra": .string("kept")]
        let migrated = try Migrations.migrate(old, from: 0, to: 1, steps: [0: step])
        #expect(migrated["schemaVersion"] == .number(1))
        #expect(migrated["extra"] == .string("kept"))
        #expect(migrated["learning"] == nil)
        #expect(throws: MigrationError(version: 0, target: 1)) { try Migrations.migrate(old, from: 0) }

        // A file with a schema no step converts is unusable: moved aside, not overwritten.
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let bytes = Array(#"{"schemaVersion":0,"courses":{}}"#.utf8)
        ProgressKit.write(bytes, to: folder + "/progress.json")
        let result = try ProgressKit.store(folder + "/progress.json").load()
        #expect(result.movedAside == folder + "/progress.json.corrupt-20261126T235959Z")
        #expect(ProgressKit.bytes(result.movedAside!) == bytes)
        #expect(result.notices.first?.contains("has schema 0, which this version of Marrow cannot convert to schema 1") == true)
    }
}
