import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `marrow` binary on a pseudo-terminal of a given size, types keys into
/// it with pauses, and records every byte it writes to the terminal: what a real
/// terminal would have received, escape sequences and all.
final class PTYSession {
    enum Failure: Error, CustomStringConvertible {
        case openpt(String)
        var description: String {
            switch self {
            case .openpt(let step): "cannot open a pseudo-terminal (\(step) failed: errno \(errno))"
            }
        }
    }

    /// `openpty(3)`, looked up at run time: `<pty.h>` is not part of the Glibc module.
    typealias OpenPTY = @convention(c) (UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?) -> Int32
    static let openpty: OpenPTY? = {
        let handle = dlopen(nil, RTLD_NOW)
        let symbol = dlsym(handle, "openpty") ?? dlopen("libutil.so.1", RTLD_NOW).flatMap { dlsym($0, "openpty") }
        return symbol.map { unsafeBitCast($0, to: OpenPTY.self) }
    }()

    private let master: Int32
    private let process: Process
    /// Every byte the app wrote to its terminal so far.
    private(set) var output: [UInt8] = []

    /// Starts `marrow` with `arguments` on a new pseudo-terminal of `columns`×`rows`.
    init(arguments: [String], columns: UInt16 = 80, rows: UInt16 = 24, environment: [String: String] = [:]) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard let openpty = Self.openpty, openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure.openpt("openpty") }
        // Other tests start processes too: they must not inherit either end.
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Marrow.executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["MARROW_LESSONS"] = nil
        env["MARROW_PROGRESS"] = nil
        env["NO_COLOR"] = nil
        // xterm-256color where this system knows it (ncurses-base has it), else plain xterm.
        let known = ["/lib/terminfo", "/usr/share/terminfo", "/etc/terminfo"].contains {
            FileManager.default.fileExists(atPath: $0 + "/x/xterm-256color")
        }
        env["TERM"] = known ? "xterm-256color" : "xterm"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        self.process = process
        do {
            try process.run()
        } catch {
            close(slave)
            close(master)
            throw error
        }
        // The child has its own copies; keeping ours would hide the end of output.
        close(slave)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        close(master)
    }

    /// Reads what the app writes until it has been quiet for `quiet` (or `limit` passed).
    @discardableResult
    func drain(quiet: Duration = .milliseconds(150), limit: Duration = .seconds(10)) -> [UInt8] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var fresh: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while clock.now < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(quiet))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { break }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            // EIO: the app closed its end (it exited).
            guard n > 0 else { break }
            fresh += buffer[0..<n]
        }
        output += fresh
        return fresh
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        Int32(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Types `text` (bytes as a terminal sends them for keys), then reads the app's answer:
    /// waits up to `firstByte` for it to start writing (a key that changes nothing on
    /// screen gets no answer), then until it has been quiet for `quiet`.
    @discardableResult
    func type(_ text: String, firstByte: Duration = .seconds(5), quiet: Duration = .milliseconds(120)) -> [UInt8] {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            written += n
        }
        let start = output.count
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        var ready: Int32
        repeat { ready = poll(&descriptor, 1, Self.milliseconds(firstByte)) } while ready < 0 && errno == EINTR
        guard ready > 0 else { return [] }
        drain(quiet: quiet)
        return Array(output[start...])
    }

    /// Reads until the output written since byte `start` holds `text` (true), or until
    /// `limit` passes or the app exits (false).
    func wait(for text: String, since start: Int, limit: Duration = .seconds(15)) -> Bool {
        let needle = Array(text.utf8)
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while true {
            if output.count > start, output[start...].firstRange(of: needle) != nil { return true }
            guard clock.now < deadline, process.isRunning else { return false }
            drain(quiet: .milliseconds(50), limit: .milliseconds(500))
        }
    }

    /// Types each key on its own, reading the app's answer to each.
    func press(_ keys: [String], firstByte: Duration = .seconds(5)) {
        for key in keys { type(key, firstByte: firstByte) }
    }

    /// Waits for the app to exit (after it was told to quit), reading the rest of its
    /// output; ends it if it does not exit within `limit`. Returns its exit status.
    @discardableResult
    func finish(limit: Duration = .seconds(10)) -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while process.isRunning, clock.now < deadline {
            drain(quiet: .milliseconds(50), limit: .milliseconds(500))
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
        drain(quiet: .milliseconds(20), limit: .milliseconds(200))
        return process.terminationStatus
    }

    /// The output as text, for messages (escape shown as ␛).
    var printable: String {
        String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "␛")
    }
}

/// Keys as a terminal in normal mode sends them.
enum TerminalKeys {
    static let enter = "\r"
    static let escape = "\u{1B}"
    static let down = "\u{1B}[B"
    static let up = "\u{1B}[A"
    static let pageDown = "\u{1B}[6~"
    static let end = "\u{1B}[F"
    static let home = "\u{1B}[H"
}
