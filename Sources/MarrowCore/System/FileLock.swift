#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `FileLock` was not taken. Nothing ran under the lock.
enum LockError: Error, Sendable, Equatable {
    /// The lock file could not be opened or created (a read-only folder, say).
    case cannotOpen(FileError)
    /// Someone else holds the lock and the waiting gave up.
    case busy(path: String)
    /// The system refused the lock itself.
    case failed(FileError)
}

/// An exclusive advisory lock (`flock`) on a lock file, held for one save or append.
///
/// `flock` locks belong to the open file, so two holders in one process exclude
/// each other just as two processes do. Not re-entrant: never nest two calls.
struct FileLock: Sendable {
    /// The lock file; created (mode 0600) if missing, never removed: removing it
    /// while another process waits on it would let two holders in at once.
    var path: String

    /// Takes the lock, runs `body`, releases. While another holder has the lock it
    /// blocks, or, with `keepWaiting`, asks it (with the time waited so far) after
    /// each try whether to try again, and throws `.busy` when it says no.
    ///
    /// `body` cannot throw: a caller whose work fails returns a `Result`, so that
    /// the lock's errors and the work's errors stay two types.
    func withLock<T>(keepWaiting: ((Duration) -> Bool)? = nil, _ body: () -> T) throws(LockError) -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(FileError(operation: "create the lock file", path: path, code: errno)) }
        defer { close(fd) }
        let clock = ContinuousClock()
        let start = clock.now
        while flock(fd, keepWaiting == nil ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK, let keepWaiting {
                if keepWaiting(clock.now - start) { continue }
                throw .busy(path: path)
            }
            throw .failed(FileError(operation: "lock", path: path, code: errno))
        }
        defer { flock(fd, LOCK_UN) }
        return body()
    }
}
