import Foundation
import Testing
@testable import MarrowCore


/// Marrow's own state files gone bad are moved aside intact and the state is
/// rebuilt from the log; anything else at the path is refused and left alone.
@Suite struct ProgressCorruptTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case empty, truncated, wrongTypes, invalidUTF8
        var testDescription: String { rawValue }
    }

    /// What a path may lead to that is not Marrow's state: refused, never moved.
    enum Foreign: String, CaseIterable, CustomTestStringConvertible {
        case directory, symlinkToDevNull, unreadable, danglingLink, fifo, socket, textFile, answerLog, courseFile, jsonList
        var testDescription: String { rawValue }
    }

    static let records = [
        ProgressKit.record("q1", at: "2026-11-20T10:00:00Z"),
        ProgressKit.record("q2", correct: false, at: "2026-11-20T10:01:00Z"),
        ProgressKit.record("r1", lesson: "risks", attempt: "R1", total: 2, at: "2026-11-21T10:00:00Z"),
    ]

    /// Puts the unusable thing at `path`; returns a check that what was moved aside is intact.
    static func make(_ kind: Kind, at path: String) -> ((String) -> Bool)? {
        func file(_ bytes: [UInt8]) -> (String) -> Bool {
            ProgressKit.write(bytes, to: path)
            return { ProgressKit.bytes($0) == bytes }
        }
        switch kind {
        case .empty: return file([])
        case .truncated: return file(ProgressKit.bytes(ProgressKit.fixture("truncated.json"))!)
        case .wrongTypes: return file(ProgressKit.bytes(ProgressKit.fixture("wrong-types.json"))!)
        case .invalidUTF8: return file(ProgressKit.bytes(ProgressKit.fixture("invalid-utf8.json"))!)
        }
    }

    @Test(arguments: Kind.allCases)
    func movedAsideIntactThenRebuiltFromTheLog(kind: Kind) throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        ProgressKit.writeLog(Self.records, to: folder + "/progress.history.jsonl")
        let logBefore = ProgressKit.bytes(folder + "/progress.history.jsonl")
        let intact = try #require(Self.make(kind, at: path))

        let result = try ProgressKit.store(path).load()
        let aside = folder + "/progress.json.corrupt-20261126T235959Z"
        #expect(result.movedAside == aside)
        #expect(intact(aside))
        #expect(result.source == .rebuiltFromLog)
        #expect(result.progress == LearnerProgress.rebuild(from: Self.records))
        #expect(result.notices.count == 1)
        #expect(result.notices[0].hasPrefix("progress.json "))
        #expect(result.notices[0].hasSuffix("; your quiz progress was rebuilt from the answer log (3 answers). The damaged file was moved aside to \(aside)."))
        // The rebuilt state was written, so the next launch reads it directly.
        let next = try ProgressKit.store(path).load()
        #expect(next.source == .file)
        #expect(next.progress == result.progress)
        #expect(ProgressKit.bytes(folder + "/progress.history.jsonl") == logBefore)
    }

    /// Puts something that is not Marrow's state at `path`; returns a snapshot of it to compare after.
    static func make(_ foreign: Foreign, at path: String) -> () -> [String] {
        let folder = FileIO.folder(of: path)
        switch foreign {
        case .directory:
            mkdir(path, 0o700)
            ProgressKit.write(Array("inside\n".utf8), to: path + "/note.txt")
        case .symlinkToDevNull: symlink("/dev/null", path)
        case .danglingLink: symlink(path + ".gone", path)
        case .fifo: mkfifo(path, 0o600)
        case .socket:
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[i] = byte }
            }
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
            close(fd)
        case .unreadable:
            if ProgressKit.isRoot {
                // Root reads any file whatever its permissions: a link to itself fails open() (ELOOP).
                symlink(FileIO.fileName(of: path), path)
            } else {
                ProgressKit.write(Array(#"{"schemaVersion":1,"courses":{}}"#.utf8), to: path)
                chmod(path, 0o000)
            }
        case .textFile: ProgressKit.write(Array("Questions for the care team:\n- fever?\n".utf8), to: path)
        case .answerLog: ProgressKit.writeLog(Self.records, to: path)
        case .courseFile: ProgressKit.write(Array("id: hsct\ntitle: Stem cells\n".utf8), to: path)
        case .jsonList: ProgressKit.write(Array("[1,2,3]\n".utf8), to: path)
        }
        return {
            ProgressKit.listing(folder).map { name in
                var st = stat()
                lstat(folder + "/" + name, &st)
                let bytes = ProgressKit.bytes(folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
                return "\(name) \(st.st_mode) \(st.st_ino) \(bytes)"
            }
        }
    }

    /// Finding 1: whatever is at the path, if it is not Marrow's state it is
    /// refused (one error naming it), by every way in: loading to write, loading to
    /// read, saving; nothing in the folder changes (no file moved, none created).
    @Test(arguments: Foreign.allCases)
    func notAStateFileIsRefusedAndLeftAlone(kind: Foreign) throws {
        let folder = ProgressKit.makeFolder()
        defer { chmod(folder + "/progress.json", 0o600); ProgressKit.cleanUp(folder) }
        let path = folder + (kind == .answerLog ? "/progress.history.jsonl" : kind == .textFile ? "/notes.txt" : "/progress.json")
        let snapshot = Self.make(kind, at: path)
        let before = snapshot()
        let store = ProgressKit.store(path)
        for (name, action) in [("load", { _ = try store.load() }), ("loadForReading", { _ = try store.loadForReading() }),
                               ("save", { try store.save(ProgressKit.sampleProgress()) })] as [(String, () throws -> Void)] {
            do {
                try action()
                Issue.record("\(kind) \(name): succeeded")
            } catch let error as ProgressStoreError {
                switch error {
                case .notAStateFile, .cannotRead: break
                default: Issue.record("\(kind) \(name): \(error)")
                }
                #expect(!error.description.contains("\n"))
                #expect(error.description.contains("Nothing was changed") || error.description.contains("nothing was changed"), "\(error)")
            }
            #expect(snapshot() == before, "\(kind) \(name)")
        }
        if kind == .directory {
            #expect(throws: ProgressStoreError.notAStateFile(file: path, problem: "is a folder", suggestion: path + "/progress.json")) { try store.load() }
        }
    }

    /// Finding 1: a command that only reads (`marrow progress`) reports Marrow's own
    /// damaged state in one notice, reads the answers from the log, and moves nothing.
    @Test(arguments: Kind.allCases)
    func readingReportsDamageAndChangesNothing(kind: Kind) throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        ProgressKit.writeLog(Self.records, to: folder + "/progress.history.jsonl")
        _ = try #require(Self.make(kind, at: path))
        let before = ProgressKit.listing(folder)
        let bytes = ProgressKit.bytes(path)
        let result = try ProgressKit.store(path).loadForReading()
        #expect(result.movedAside == nil)
        #expect(result.progress == LearnerProgress.rebuild(from: Self.records))
        #expect(result.notices.count == 1)
        #expect(result.notices.first?.contains("read from the answer log (3 answers). Nothing was changed") == true, "\(result.notices)")
        #expect(ProgressKit.listing(folder) == before)
        #expect(ProgressKit.bytes(path) == bytes)
    }

    @Test func problemsAreNamedPlainly() {
        func problem(_ bytes: [UInt8]) -> String? {
            if case .unusable(let p) = ProgressStore.decodeState(bytes) { return p }
            return nil
        }
        #expect(problem([]) == "is empty")
        #expect(problem(Array("  \n".utf8)) == "is empty")
        #expect(problem(ProgressKit.bytes(ProgressKit.fixture("truncated.json"))!) == "is not valid JSON (it may have been cut short)")
        #expect(problem(ProgressKit.bytes(ProgressKit.fixture("invalid-utf8.json"))!) == "is not valid UTF-8 text")
        #expect(problem(ProgressKit.bytes(ProgressKit.fixture("wrong-types.json"))!)?.hasPrefix("has unexpected content (at courses.hsct.lessons.basics.") == true)
        #expect(problem(Array("[1,2]".utf8))?.hasPrefix("has no usable schemaVersion") == true)
        #expect(problem(Array(#"{"courses":{}}"#.utf8)) == "has no usable schemaVersion (at the top: missing schemaVersion)")
        #expect(problem(Array(#"{"schemaVersion":"1"}"#.utf8)) == "has no usable schemaVersion (at schemaVersion: expected a number)")
    }

    @Test func aSecondCorruptFileGetsADistinctName() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        ProgressKit.write([], to: path)
        #expect(try ProgressKit.store(path).load().movedAside == path + ".corrupt-20261126T235959Z")
        ProgressKit.write(Array("{".utf8), to: path)
        #expect(try ProgressKit.store(path).load().movedAside == path + ".corrupt-20261126T235959Z-2")
        #expect(ProgressKit.bytes(path + ".corrupt-20261126T235959Z") == [])
        #expect(ProgressKit.bytes(path + ".corrupt-20261126T235959Z-2") == Array("{".utf8))
    }

    @Test func noLogMeansAFreshStartWithTheNotice() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        ProgressKit.write(Array(#"{"schemaVersion":1,"cour"#.utf8), to: folder + "/progress.json")
        let result = try ProgressKit.store(folder + "/progress.json").load()
        #expect(result.progress == LearnerProgress())
        #expect(result.notices == ["progress.json is not valid JSON (it may have been cut short); a fresh start was made (the answer log has no answers). The damaged file was moved aside to \(folder)/progress.json.corrupt-20261126T235959Z."])
    }

    @Test func cannotMoveAsideMeansAnErrorAndNoChange() throws {
        // /proc/self/status is a readable regular file that is not Marrow's: refused, never moved.
        do throws(ProgressStoreError) {
            _ = try ProgressKit.store("/proc/self/status").load()
            Issue.record("loading /proc/self/status succeeded")
        } catch {
            guard case let .notAStateFile(file, problem, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "/proc/self/status")
            #expect(problem == "is not a Marrow progress file (it does not start like one)")
        }

        // A truly read-only folder (immutable for root, mode 0555 otherwise).
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        ProgressKit.write(Array("{ cut".utf8), to: path)
        ProgressKit.writeLog(Self.records, to: folder + "/progress.history.jsonl")
        guard let undo = ProgressKit.makeReadOnly(folder) else { return }
        defer { undo() }
        let before = ProgressKit.listing(folder)
        #expect(throws: ProgressStoreError.self) { try ProgressKit.store(path).load() }
        #expect(ProgressKit.listing(folder) == before)
        #expect(ProgressKit.bytes(path) == Array("{ cut".utf8))
    }

    @Test func aCorruptFileFoundWhenSavingIsMovedAsideNotOverwritten() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let store = ProgressKit.store(path)
        try store.save(ProgressKit.sampleProgress())
        ProgressKit.write(Array(#"{"courses":{"hs"#.utf8), to: path)
        let result = try store.saveReporting(ProgressKit.sampleProgress())
        #expect(result.progress == ProgressKit.sampleProgress())
        #expect(result.notices.count == 1)
        #expect(ProgressKit.bytes(path + ".corrupt-20261126T235959Z") == Array(#"{"courses":{"hs"#.utf8))
        #expect(try store.load().progress == ProgressKit.sampleProgress())
    }
}
