import Foundation
import Synchronization
import MarrowTestSupport
import Testing
@testable import MarrowCore

/// The store's lock with a `LockWaiting` (issue 12, finding 7): while another
/// process holds `progress.lock`, each save asks the waiting whether to go on
/// (and tries the lock again after each answer); when it says no, the save fails
/// with "another Marrow is using this progress file" and changes nothing. Without
/// one, a free lock is taken as before. (`flock` locks belong to the open file,
/// so a second open in this process stands in for another Marrow.)
@Suite struct LockWaitingTests {

    @Test func givingUpFailsTheSaveWithAClearReasonAndWritesNothing() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        let lock = HeldLock(store.lockPath)
        let asked = Atomic<Int>(0)
        let waiting = LockWaiting { waited in
            asked.add(1, ordering: .relaxed)
            usleep(10_000)
            return waited < .milliseconds(100)
        }
        let error = #expect(throws: ProgressStoreError.self) {
            try LockWaiting.$current.withValue(waiting) { try store.append(ProgressKit.record("q1")) }
        }
        #expect(error?.description.contains("another Marrow is using this progress file (it holds \(store.lockPath))") == true,
                "\(String(describing: error))")
        #expect(asked.load(ordering: .relaxed) >= 2, "the waiting was asked \(asked.load(ordering: .relaxed)) time(s)")
        #expect(!FileManager.default.fileExists(atPath: store.logPath))
        #expect(throws: ProgressStoreError.self) {
            try LockWaiting.$current.withValue(.once) { _ = try store.save(LearnerProgress()) }
        }
        #expect(!FileManager.default.fileExists(atPath: store.path))
        lock.release()
    }

    @Test func theLockFreedWhileWaitingIsTaken() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        let lock = HeldLock(store.lockPath)
        // Frees the lock the second time it is asked.
        let asked = Atomic<Int>(0)
        let free = Mutex<HeldLock?>(lock)
        let waiting = LockWaiting { _ in
            if asked.add(1, ordering: .relaxed).newValue == 2 { free.withLock { $0?.release() } }
            return true
        }
        try LockWaiting.$current.withValue(waiting) { try store.append(ProgressKit.record("q1")) }
        #expect(asked.load(ordering: .relaxed) == 2)
        #expect(try store.readLog().records.map(\.question) == ["q1"])
    }

    @Test func withoutAWaitingAFreeLockIsTakenAsBefore() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let store = ProgressKit.store(folder + "/progress.json")
        try store.append(ProgressKit.record("q1"))
        try LockWaiting.$current.withValue(.once) { try store.append(ProgressKit.record("q2")) }
        #expect(try store.readLog().records.map(\.question) == ["q1", "q2"])
    }
}
