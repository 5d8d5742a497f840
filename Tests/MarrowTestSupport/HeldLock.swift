#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Holds a lock file as another Marrow would, until `release()` (or the end of
/// its life). `flock` locks belong to the open file, so a second open in this
/// process stands in for another process.
public final class HeldLock {
    private var fd: Int32

    public init(_ path: String) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        precondition(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0, "cannot lock \(path)")
    }

    public func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    deinit { release() }
}
