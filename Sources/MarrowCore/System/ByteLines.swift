#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting bytes into lines with the C library's `memchr`: a byte-by-byte loop
/// over a line of megabytes (a damaged answer log) is slow in a debug build,
/// `memchr` is fast in every build.
enum ByteLines {
    /// Where each line of `bytes` lies, its newline left out: a last line without
    /// a newline counts, an empty end does not (`"a\n\nb"` is three lines, `"a\n"` one).
    static func ranges(in bytes: [UInt8]) -> [Range<Int>] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var ranges: [Range<Int>] = []
            var start = 0
            while start < buffer.count {
                guard let found = memchr(base + start, 0x0A, buffer.count - start) else {
                    ranges.append(start..<buffer.count)
                    break
                }
                let end = UnsafeRawPointer(base).distance(to: found)
                ranges.append(start..<end)
                start = end + 1
            }
            return ranges
        }
    }
}
