import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way the test suites run a program to its end: input from a file
/// (empty unless given), output and errors to files (no pipes, so a long-lived
/// tmux server started by it holds no one's pipe), no other descriptor
/// inherited, no signal blocked or ignored, and killed if it outlives its time
/// limit (a hang guard, not a speed bound).
public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output, with standard error too unless `separateErrors` was asked for.
        public var output: String
        /// Standard error when `separateErrors` was asked for, else empty.
        public var errors: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    #if os(Linux)
    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later) and
    /// `posix_spawn_file_actions_addchdir_np` (2.29), which Swift's Glibc module
    /// does not show (they are declared only for _GNU_SOURCE).
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()
    private static let changeDirectory: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }()
    #endif

    /// Runs `arguments` (the program's path first) with `changes` to this
    /// process's environment (nil removes a variable), `stdin` as its input, in
    /// `directory` if given; its files are kept in `folder` while it runs.
    public static func run(_ arguments: [String], folder: String, environment changes: [String: String?] = [:], stdin: String? = nil,
                           in directory: String? = nil, separateErrors: Bool = false, timeout: Double = 10) throws -> Result {
        let base = folder + "/child-\(UUID().uuidString)"
        let outputPath = base + ".out", errorPath = base + ".err", inputPath = base + ".in"
        defer { unlink(outputPath); unlink(errorPath); unlink(inputPath) }
        if let stdin { try Data(stdin.utf8).write(to: URL(fileURLWithPath: inputPath)) }
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }

        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        #else
        var actions: posix_spawn_file_actions_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin == nil ? "/dev/null" : inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if separateErrors {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        #if os(Linux)
        _ = closeFrom?(&actions, 3)
        if let directory {
            guard let changeDirectory else { throw Failure(description: "cannot start a child in \(directory): no posix_spawn_file_actions_addchdir_np") }
            _ = changeDirectory(&actions, directory)
        }
        #endif

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runs on a thread that blocks most signals, and a child inherits
        // that mask: a tmux server started so never sees SIGCHLD or SIGTERM and
        // outlives kill-server. Start children with no signal blocked or ignored.
        #if os(Linux)
        var attributes = posix_spawnattr_t()
        #else
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGCHLD, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            if waited == -1, errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure(description: "\(arguments.joined(separator: " ")) took longer than \(Int(timeout)) s")
            }
            usleep(2_000)
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = separateErrors ? (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" : ""
        return Result(status: exitCode(status), output: output, errors: errors)
    }

    /// A `waitpid` status as a shell says it: the exit code, or 128 + the signal that ended the process.
    public static func exitCode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
