import Foundation
import Testing
@testable import MarrowCore

/// Foundation has a `Progress` class too.
private typealias Progress = MarrowCore.Progress

/// Unusable state files are moved aside intact and the state is rebuilt from the log.
@Suite struct ProgressCorruptTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case empty, truncated, wrongTypes, invalidUTF8, directory, symlinkToDevNull, unreadable, danglingLink, fifo
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
        case .directory:
            mkdir(path, 0o700)
            ProgressKit.write(Array("inside\n".utf8), to: path + "/note.txt")
            return { ProgressKit.listing($0) == ["note.txt"] && ProgressKit.bytes($0 + "/note.txt") == Array("inside\n".utf8) }
        case .symlinkToDevNull:
            symlink("/dev/null", path)
            return { (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) == "/dev/null" }
        case .danglingLink:
            symlink(path + ".gone", path)
            return { (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) == path + ".gone" }
        case .fifo:
            mkfifo(path, 0o600)
            return { var st = stat(); return lstat($0, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO }
        case .unreadable:
            if ProgressKit.isRoot {
                // Root reads any file regardless of permissions, so chmod 000 cannot
                // make open() fail here. A link pointing to itself fails open()
                // (ELOOP) through the same path an unreadable file takes.
                symlink(FileIO.fileName(of: path), path)
                return { (try? FileManager.default.destinationOfSymbolicLink(atPath: $0)) == FileIO.fileName(of: path) }
            }
            let check = file(Array(#"{"schemaVersion":1,"courses":{}}"#.utf8))
            chmod(path, 0o000)
            return { chmod($0, 0o600); return check($0) }
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
        #expect(result.progress == Progress.rebuild(from: Self.records))
        #expect(result.notices.count == 1)
        #expect(result.notices[0].hasPrefix("progress.json "))
        #expect(result.notices[0].hasSuffix("; your quiz progress was rebuilt from the answer log (3 answers). The damaged file was moved aside to \(aside)."))
        // The rebuilt state was written, so the next launch reads it directly.
        let next = try ProgressKit.store(path).load()
        #expect(next.source == .file)
        #expect(next.progress == result.progress)
        #expect(ProgressKit.bytes(folder + "/progress.history.jsonl") == logBefore)
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
        ProgressKit.write(Array("garbage".utf8), to: folder + "/progress.json")
        let result = try ProgressKit.store(folder + "/progress.json").load()
        #expect(result.progress == Progress())
        #expect(result.notices == ["progress.json is not valid JSON (it may have been cut short); a fresh start was made (the answer log has no answers). The damaged file was moved aside to \(folder)/progress.json.corrupt-20261126T235959Z."])
    }

    @Test func cannotMoveAsideMeansAnErrorAndNoChange() throws {
        // /proc/self/status is a readable regular file that is not JSON, in a
        // folder where nobody, root included, can create or rename anything.
        do throws(ProgressStoreError) {
            _ = try ProgressKit.store("/proc/self/status").load()
            Issue.record("loading /proc/self/status succeeded")
        } catch {
            guard case let .unusableNotMoved(file, problem, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(file == "/proc/self/status")
            #expect(problem == "is not valid JSON (it may have been cut short)")
            #expect(error.description.contains("could not be moved aside"))
            #expect(error.description.contains("nothing was changed"))
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
        ProgressKit.write(Array("oops".utf8), to: path)
        let result = try store.saveReporting(ProgressKit.sampleProgress())
        #expect(result.progress == ProgressKit.sampleProgress())
        #expect(result.notices.count == 1)
        #expect(ProgressKit.bytes(path + ".corrupt-20261126T235959Z") == Array("oops".utf8))
        #expect(try store.load().progress == ProgressKit.sampleProgress())
    }
}
