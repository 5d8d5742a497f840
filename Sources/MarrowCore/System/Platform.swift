#if canImport(Glibc)
import Glibc
private let systemExit = Glibc.exit
#elseif canImport(Darwin)
import Darwin
private let systemExit = Darwin.exit
#endif

/// The calls that differ between Linux and other systems, kept in one place so the
/// rest of the package needs no `#if os(Linux)`.
package enum Platform {
    /// Ends the process with `code`.
    package static func exit(_ code: Int32) -> Never {
        systemExit(code)
    }

    /// The running executable's own path, links resolved; nil when the system will not say.
    package static func executablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return nil
        #endif
    }

    /// The local time zone's offset from UTC, in seconds east, at the given second
    /// since 1970 (daylight saving included); 0 when the system cannot say.
    package static func localOffsetFromUTC(atSecond second: Int) -> Int {
        var t = time_t(second)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}
