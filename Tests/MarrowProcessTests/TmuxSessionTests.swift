import Foundation
import MarrowTestSupport
import Testing

/// The tmux driver's wait for its server on `close()`: an exited server stays a
/// zombie until init reaps it (here about every second), so a wait on
/// `kill(pid, 0)` alone lasted that long for every session.
@Suite struct TmuxSessionTests {
    /// Starts `/bin/sh -c script`; its pid.
    private func start(_ script: String) throws -> pid_t {
        var pid: pid_t = 0
        let words: [String] = ["/bin/sh", "-c", script]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        try #require(posix_spawn(&pid, "/bin/sh", nil, nil, &argv, environ) == 0)
        return pid
    }

    @Test func anExitedProcessNotYetReapedHasGone() throws {
        let pid = try start("exit 0")
        defer { var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
        // Not reaped: a zombie once it has exited (poll for that, up to 10 s).
        let end = Date().addingTimeInterval(10)
        func state() -> Character? {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            return stat.lastIndex(of: ")").flatMap { stat[stat.index(after: $0)...].first { $0 != " " } }
        }
        while state() != "Z", Date() < end { usleep(5_000) }
        try #require(state() == "Z")
        #expect(kill(pid, 0) == 0, "a zombie answers kill(pid, 0)")
        #expect(!TmuxSession.isRunning(pid))
    }

    @Test func aLiveProcessRuns() throws {
        let pid = try start("exec sleep 30")
        defer { kill(pid, SIGKILL); var status: Int32 = 0; _ = waitpid(pid, &status, 0) }
        #expect(TmuxSession.isRunning(pid))
    }
}
