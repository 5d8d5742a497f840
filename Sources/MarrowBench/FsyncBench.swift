#if canImport(Glibc)
import Glibc
#endif

/// The disk's floor for saving an answer: the same three `fsync`s a save makes
/// (append a line to a log, write a temporary file and rename it over the state,
/// sync the folder), with tiny files and nothing else.
enum FsyncBench {
    static func run(folder: String, count: Int) {
        mkdir(folder, 0o700)
        let log = folder + "/log", temporary = folder + "/state.tmp", state = folder + "/state"
        let line = Array(repeating: UInt8(ascii: "x"), count: 200) + [10]
        let body = Array(repeating: UInt8(ascii: "y"), count: 2000)
        var times: [Double] = []
        for _ in 0..<max(1, count) {
            times.append(Measure.milliseconds {
                write(log, flags: O_WRONLY | O_APPEND | O_CREAT, line)
                write(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, body)
                rename(temporary, state)
                let directory = open(folder, O_RDONLY)
                fsync(directory)
                close(directory)
            })
        }
        report("fsync.median", Measure.median(times))
    }

    private static func write(_ path: String, flags: Int32, _ bytes: [UInt8]) {
        let fd = open(path, flags, 0o600)
        guard fd >= 0 else { fail("cannot open \(path)") }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
    }
}
