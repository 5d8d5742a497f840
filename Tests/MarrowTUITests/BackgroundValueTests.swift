#if canImport(Glibc)
import Glibc
#endif
@testable import MarrowTUI
import Testing

/// The full load after the first screen gives way to other programs (the
/// terminal still showing that screen): its thread runs 10 nice steps lower.
struct BackgroundValueTests {
    #if os(Linux)
    @Test func workGivingWayRunsAtNiceTen() {
        let base = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let givingWay = BackgroundValue { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        givingWay.start(givingWay: true)
        #expect(givingWay.join() == min(19, base + 10))
        let plain = BackgroundValue { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        plain.start()
        #expect(plain.join() == base)
        // Only the worker's thread gives way, not the caller's.
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == base)
    }
    #endif
}
