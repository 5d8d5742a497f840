#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The one writer to standard error, for the app and the command line alike.
package enum StandardError {
    /// Writes `text` whole: a pipe or terminal may take part of it, or a signal may
    /// interrupt the write, and the rest is written again. Gives up quietly when
    /// standard error is closed or broken: there is nowhere left to say so.
    package static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { systemWrite(STDERR_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            written += n
        }
    }
}
