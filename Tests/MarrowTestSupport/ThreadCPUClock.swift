#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time the calling thread has used: `clock.now - started` is the work done
/// in between, whatever else the machine was running. Speed claims in the tests are
/// timed with it, so a busy machine's queue for the cores does not count as slowness.
public struct ThreadCPUClock {
    public init() {}

    public var now: Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
