import MarrowCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard input and output a line at a time, for the plain quiz. Every line
/// and every prompt goes straight to the file descriptor (no stdio buffer to
/// flush), so a screen reader, a braille display or a script on the other end of
/// a pipe sees it before the quiz waits for input.
///
/// A write that fails (a full disk, a closed output) stops the quiz as the end
/// of input does: no question is asked that the learner could not see, and the
/// command then fails with `check()`.
struct LineConsole {
    /// Whether standard input is a terminal (which echoes what is typed).
    let inputIsTerminal = isatty(STDIN_FILENO) == 1
    /// The `errno` of the first write that failed.
    private let failure = Failure()

    private final class Failure {
        var code: Int32?
    }

    /// Throws what the first failed write met, as the result commands do (`StandardOutput`).
    func check() throws {
        guard let code = failure.code else { return }
        if code == EPIPE { throw StandardOutput.Closed() }
        throw CLIError("could not write the output: \(String(cString: strerror(code)))")
    }

    /// Prints one line (or several, if `text` holds newlines).
    func say(_ text: String = "") {
        write(text + "\n")
    }

    /// Prints `prompt` without a newline and reads a line; nil at the end of input.
    /// When input does not come from a terminal the line read is echoed after the
    /// prompt, so a transcript reads like a conversation.
    func ask(_ prompt: String) -> String? {
        write(prompt)
        guard failure.code == nil, let line = readLine(strippingNewline: true) else {
            write("\n")
            return nil
        }
        write(inputIsTerminal ? "" : Sanitizer.clean(line, singleLine: true) + "\n")
        return line
    }

    private func write(_ text: String) {
        guard failure.code == nil else { return }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                failure.code = n < 0 ? errno : EIO
                return
            }
            written += n
        }
    }
}
