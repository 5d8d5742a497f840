import MarrowCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard output of the commands that print a result (`progress`, `read`,
/// `validate`, `reset`, `--help`, `--version`).
///
/// Every write goes straight to the descriptor and is checked: with stdio's
/// buffer a failed write (a full disk, `> /dev/full`, a closed output) only
/// shows when the buffer is flushed at exit, after the exit status is decided,
/// so a report cut short looked like a success. Here the command fails with one
/// line and exit 1 instead. A reader that went away (`marrow progress | head -1`)
/// is not an error: the command ends quietly, as Unix tools do.
enum StandardOutput {
    /// The reader of standard output went away (EPIPE, when SIGPIPE is ignored).
    struct Closed: Error {}

    /// Writes `text` in full; throws `Closed` on EPIPE, a `CLIError` on any other failure.
    static func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n > 0 {
                written += n
                continue
            }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EPIPE { throw Closed() }
            throw CLIError("could not write the output: \(String(cString: strerror(code)))")
        }
    }

    /// Prints `text` and a newline (or `terminator`), as `print` does.
    static func print(_ text: String, terminator: String = "\n") throws {
        try write(text + terminator)
    }

    /// Ends the process the way a Unix tool ends when its reader goes away: by
    /// SIGPIPE, quietly (status 141 in the shell).
    static func endQuietly() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGPIPE)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        raise(SIGPIPE)
        Platform.exit(128 + SIGPIPE)
    }
}
