import Foundation
import MarrowTestSupport
import Testing
@testable import MarrowCore

/// The lock layer on its own (`System/FileLock`): its failures are `LockError`
/// values, distinct from the errors of the work done under it, and it never runs
/// the work without the lock. (`flock` locks belong to the open file, so a
/// `HeldLock` in this process stands in for another Marrow.)
@Suite struct FileLockTests {

    @Test func aBusyLockGivenUpOnThrowsBusyAndRunsNothing() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.lock"
        let held = HeldLock(path)
        var ran = false
        var asked = 0
        #expect(throws: LockError.busy(path: path)) {
            try FileLock(path: path).withLock(keepWaiting: { _ in asked += 1; return asked < 3 }) { ran = true }
        }
        #expect(!ran && asked == 3)
        held.release()
        #expect(try FileLock(path: path).withLock(keepWaiting: { _ in false }) { 42 } == 42)
    }

    @Test func theLockIsReleasedWhenTheWorkEnds() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let lock = FileLock(path: folder + "/progress.lock")
        // Inside, a second holder is refused; after, it gets in at once.
        let inside = try lock.withLock {
            Result { () throws(LockError) in try lock.withLock(keepWaiting: { _ in false }) {} }
        }
        #expect(throws: LockError.busy(path: lock.path)) { try inside.get() }
        try lock.withLock(keepWaiting: { _ in false }) {}
    }

    @Test func aLockFileThatCannotBeMadeThrowsCannotOpen() {
        let path = "/nonexistent-marrow-folder/progress.lock"
        #expect(throws: LockError.cannotOpen(FileError(operation: "create the lock file", path: path, code: ENOENT))) {
            try FileLock(path: path).withLock {}
        }
        let error = LockError.cannotOpen(FileError(operation: "create the lock file", path: path, code: ENOENT))
        #expect(error.sentence == "cannot create the lock file \(path) (No such file or directory)")
        #expect(LockError.busy(path: path).sentence == "another Marrow is using this progress file (it holds \(path))")
    }
}
