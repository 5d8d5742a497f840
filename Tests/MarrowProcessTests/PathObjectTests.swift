import Foundation
import MarrowCore
import MarrowTestSupport
import Testing

/// Every path the user can name × every kind of file-system object × the commands
/// (issue 12, "suites by kind"). The paths: `--lessons` and `MARROW_LESSONS` (a course
/// folder), `--progress` and `MARROW_PROGRESS` (a state file), `XDG_DATA_HOME` (a data
/// folder). The objects: missing, a Marrow state, a text file, empty, a folder, a FIFO,
/// a socket, a character device, links to a file, a folder and a FIFO, a dangling link,
/// a link loop, unreadable, a read-only folder, a full disk. The commands: `validate`
/// and `read 1` (course paths only: they never use progress), `progress`,
/// `quiz long-lesson --plain` answering one question, and `reset --yes`.
///
/// Each (path role × object) runs with every kind of command its outcome can depend
/// on (`chosen`) and a seeded sample of the rest (`sampled`), through the real binary
/// under a time limit, with the path spelled by one of its role's names in turn (so
/// every name meets every object). Each run must end (no hang, no death by a signal),
/// change nothing Marrow does not own (the case folder is snapshotted before and
/// after), and either succeed or fail with exactly one `marrow: ` line on standard
/// error; where the outcome is certain, it must be that one.
///
/// Skipped, with the reason in the output: the unreadable and read-only cases when
/// the tests do not run as root (they need `setpriv` to a real unprivileged user),
/// the full disk when no tmpfs can be mounted, the character device when `mknod`
/// is refused.
@Suite(.timeLimit(.minutes(15))) struct PathObjectTests {
    /// What the user names with the path.
    enum Role: String, Sendable, CaseIterable {
        case lessons, progress, dataHome

        /// The names of the path, used in turn.
        var names: [String] {
            switch self {
            case .lessons: ["--lessons", "MARROW_LESSONS"]
            case .progress: ["--progress", "MARROW_PROGRESS"]
            case .dataHome: ["XDG_DATA_HOME"]
            }
        }

        var commands: [Command] {
            self == .lessons ? Command.allCases : [.progress, .quiz, .reset]
        }
    }

    enum Command: String, Sendable, CaseIterable {
        case validate, read, progress, quiz, reset

        var arguments: [String] {
            switch self {
            case .validate: ["validate"]
            case .read: ["read", "1"]
            case .progress: ["progress"]
            case .quiz: ["quiz", "long-lesson", "--plain"]
            case .reset: ["reset", "--yes"]
            }
        }

        /// Whether the command writes progress (an answer, a reset).
        var writes: Bool { self == .quiz || self == .reset }
    }

    enum Kind: String, Sendable, CaseIterable {
        case missing, state, text, empty, folder, fifo, socket, device
        case linkToFile, linkToFolder, linkToFIFO, dangling, loop
        case unreadable, readOnlyFolder, fullDisk

        /// Runs as an unprivileged user (permissions mean nothing to root).
        var unprivileged: Bool { self == .unreadable || self == .readOnlyFolder }
    }

    enum Expect: Sendable { case succeed, fail, either }

    /// The outcome that is certain for a case; `.either` where both are fine as long
    /// as the invariants hold (a reading command on a data folder it cannot use
    /// finds no progress, say).
    static func expected(_ role: Role, _ kind: Kind, _ command: Command) -> Expect {
        switch role {
        case .lessons:
            switch kind {
            // `state` and `text` stand for a regular file where a folder should be.
            case .folder, .linkToFolder, .readOnlyFolder, .fullDisk: return .succeed
            case .unreadable: return command == .validate ? .fail : .either
            default: return .fail
            }
        case .progress:
            switch kind {
            case .missing, .state, .linkToFile: return .succeed
            case .empty, .dangling: return .either
            case .readOnlyFolder, .fullDisk: return command.writes ? .fail : .succeed
            default: return .fail
            }
        case .dataHome:
            switch kind {
            case .missing, .folder, .linkToFolder: return .succeed
            case .fullDisk, .readOnlyFolder: return command.writes ? .fail : .succeed
            default: return command.writes ? .fail : .either
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible, Hashable {
        var role: Role
        var kind: Kind
        var command: Command
        var name: String
        var id: String { "\(role.rawValue) \(kind.rawValue) \(command.rawValue)" }
        var testDescription: String { "\(name) = \(kind.rawValue), \(command.rawValue)" }
    }

    /// The seed of the sample of other (role × kind × command) cases (in failure messages).
    static let sampleSeed: UInt64 = 0x7061_7468_6F62_6A
    /// Where a case comes from, for failure messages.
    static func origin(_ c: Case) -> String {
        sampled.contains(c) ? "\(c.id) (sample seed \(sampleSeed))" : c.id
    }

    /// Every (role × kind) with each kind of command its outcome can depend on, the
    /// role's names and the commands of a kind taken in turn. For a course path: `validate`
    /// (it reports on standard output and never opens progress) and one command that
    /// loads the course (read, progress, quiz, reset: the same loading, whatever they do
    /// next with progress). For a progress path or a data folder: `progress`, which only
    /// reads, and one that writes (quiz or reset: the same load to write; `expected`
    /// tells writers from readers and nothing else). Plus `sampled`.
    static let chosen: [Case] = {
        var all: [Case] = []
        for role in Role.allCases {
            let (fixed, inTurn): ([Command], [Command]) = role == .lessons
                ? ([.validate], [.read, .progress, .quiz, .reset]) : ([.progress], [.quiz, .reset])
            for (index, kind) in Kind.allCases.enumerated() {
                for (slot, command) in (fixed + [inTurn[index % inTurn.count]]).enumerated() {
                    all.append(Case(role: role, kind: kind, command: command, name: role.names[(index + slot) % role.names.count]))
                }
            }
        }
        return all
    }()

    /// A seeded sample of twelve of the other (role × kind × command) cases, each
    /// with a name of its role picked by the same generator.
    static let sampled: [Case] = {
        var random = SplitMix64(seed: sampleSeed)
        var rest: [Case] = []
        for role in Role.allCases {
            for kind in Kind.allCases {
                for command in role.commands where !chosen.contains(where: { $0.role == role && $0.kind == kind && $0.command == command }) {
                    rest.append(Case(role: role, kind: kind, command: command, name: role.names[Int(random.next() % UInt64(role.names.count))]))
                }
            }
        }
        return (0..<12).map { _ in rest.remove(at: Int(random.next() % UInt64(rest.count))) }
    }()

    static let cases = chosen + sampled

    @Test(arguments: cases)
    func noHangNoDamageOneClearLine(_ c: Case) throws {
        if c.kind.unprivileged, !Fault.isRoot {
            print("PathObjectTests: \(c.id) skipped: needs root to run marrow as an unprivileged user")
            return
        }
        if c.kind == .fullDisk, !Fault.canMountTmpfs {
            print("PathObjectTests: \(c.id) skipped: no tmpfs can be mounted here")
            return
        }
        let setup = try Setup(c)
        defer { setup.remove() }
        guard setup.ready else {
            print("PathObjectTests: \(c.id) skipped: \(setup.skipReason)")
            return
        }
        let before = Fault.snapshot(setup.folder)
        let run = try setup.run()
        let id = Self.origin(c)
        let after = Fault.snapshot(setup.folder)
        let body = {
            #expect(run.status < 128, "\(id): ended by signal \(run.status - 128)")
            let changed = Fault.changes(before, after).filter { !setup.owns($0) }
            #expect(changed.isEmpty, "\(id): changed what Marrow does not own: \(changed)")
            let lines = run.stderr.split(separator: "\n").map(String.init)
            if run.status != 0, c.command == .validate, lines.isEmpty {
                // validate's report is its message: compiler-style lines on standard output.
                #expect(run.stdout.contains(": error: "), "\(id): exit \(run.status) with \(run.stdout.debugDescription)")
            } else if run.status != 0 {
                #expect(lines.count == 1 && lines[0].hasPrefix("marrow: "), "\(id): exit \(run.status) with \(run.stderr.debugDescription)")
            } else {
                #expect(lines.count <= 1, "\(id): \(run.stderr.debugDescription)")
            }
            switch Self.expected(c.role, c.kind, c.command) {
            case .succeed: #expect(run.status == 0, "\(id): exit \(run.status): \(run.stderr)")
            case .fail: #expect(run.status == 1, "\(id): exit \(run.status): \(run.stderr)")
            case .either: break
            }
        }
        body()
    }

    /// The app on a terminal, once per role and thing the app can do with it: it stops
    /// at once with one line (a course path that is not a folder; a progress path that
    /// is not a file, here a link to a FIFO, which must not hang; an unreadable state,
    /// refused by loading), or it opens and leaves on q (exit 0), or it opens and
    /// cannot save on leaving (a data folder it may not write, or a FIFO in its place:
    /// exit 1 with one line). The terminal is restored and nothing that is not
    /// Marrow's changed. The other kinds meet these same outcomes; what tells them
    /// apart (which object, which message) is checked through the commands above.
    static let appCases: [Case] = [
        Case(role: .lessons, kind: .missing, command: .progress, name: "--lessons"),
        Case(role: .lessons, kind: .linkToFolder, command: .progress, name: "MARROW_LESSONS"),
        Case(role: .progress, kind: .linkToFIFO, command: .progress, name: "--progress"),
        Case(role: .progress, kind: .unreadable, command: .progress, name: "MARROW_PROGRESS"),
        Case(role: .progress, kind: .state, command: .progress, name: "--progress"),
        Case(role: .dataHome, kind: .readOnlyFolder, command: .progress, name: "XDG_DATA_HOME"),
        Case(role: .dataHome, kind: .fifo, command: .progress, name: "XDG_DATA_HOME"),
    ]

    @Test(arguments: appCases)
    func theAppOpensOrRefusesCleanly(_ c: Case) throws {
        if c.kind.unprivileged, !Fault.isRoot { print("PathObjectTests: app \(c.id) skipped: needs root for setpriv"); return }
        if c.kind == .fullDisk, !Fault.canMountTmpfs { print("PathObjectTests: app \(c.id) skipped: no tmpfs"); return }
        let setup = try Setup(c)
        defer { setup.remove() }
        guard setup.ready else { print("PathObjectTests: app \(c.id) skipped: \(setup.skipReason)"); return }
        let before = Fault.snapshot(setup.folder)
        let (argv, env) = setup.invocation(nil)
        let assignments = env.map { key, value in value.map { "\(key)=\($0)" } ?? "" }.filter { !$0.isEmpty }
        let unset = env.compactMap { $0.value == nil ? ["-u", $0.key] : nil }.flatMap { $0 }
        let tmux = try TmuxSession(program: ["/usr/bin/env"] + unset + assignments + ["TERM=xterm"] + argv)
        defer {
            if tmux.exitStatus(timeout: 0) == nil, let pid = tmux.programPID(timeout: 1) { kill(pid, SIGKILL) }
            tmux.close()
        }
        // The screen of an app that opened, or an exit at once (a path it refuses).
        let opened = tmux.waitFor(timeout: 20) {
            $0.contains("Course map") || $0.contains("Disclaimer") || $0.contains("About this course") || FileManager.default.fileExists(atPath: tmux.rcPath)
        } && !FileManager.default.fileExists(atPath: tmux.rcPath)
        let status = opened ? tmux.quit() : tmux.exitStatus(timeout: 20)
        let after = Fault.snapshot(setup.folder)
        let body = {
            #expect(status != nil, "app \(c.id): did not end; screen:\n\(tmux.screen())")
            #expect(tmux.terminalRestored(), "app \(c.id)")
            let changed = Fault.changes(before, after).filter { !setup.owns($0) }
            #expect(changed.isEmpty, "app \(c.id): changed what Marrow does not own: \(changed)")
            let lines = tmux.stderr.split(separator: "\n")
            if let status, status != 0 {
                #expect(status == 1 && lines.count == 1 && lines[0].hasPrefix("marrow: "), "app \(c.id): exit \(status) \(tmux.stderr.debugDescription)")
            } else {
                #expect(lines.count <= 1, "app \(c.id): \(tmux.stderr.debugDescription)")
            }
        }
        body()
    }

    /// The case's folder: the course, the object at the named path, a folder for the
    /// run's standard error outside the snapshot.
    struct Setup {
        let c: Case
        let folder: String
        let outside: String
        /// The path the user names.
        let object: String
        var ready = true
        var skipReason = ""
        var mounted: String?

        var course: String { folder + "/course" }
        var progressFolder: String { folder + "/data" }

        init(_ c: Case) throws {
            self.c = c
            folder = try Marrow.temporaryDirectory()
            outside = try Marrow.temporaryDirectory()
            chmod(folder, 0o777)
            chmod(outside, 0o777)
            Fault.shell("cp -R \(Fault.quoted(Fault.course)) \(Fault.quoted(folder))/course && chmod -R a+rX \(Fault.quoted(folder))/course")
            mkdir(folder + "/data", 0o777)
            chmod(folder + "/data", 0o777)
            switch c.role {
            case .lessons: object = folder + "/lessons"
            case .progress: object = folder + "/data/progress.json"
            case .dataHome: object = folder + "/xdg"
            }
            make()
        }

        private mutating func make() {
            let isFile = c.role == .progress
            let p = object
            switch c.kind {
            case .missing:
                break
            case .state:
                Fault.write(Array(CorruptProgressTests.state.utf8), to: p)
            case .text:
                Fault.write(Array("Notes for my next appointment.\n".utf8), to: p)
            case .empty:
                Fault.write([], to: p)
            case .folder:
                makeFolder(p, isFile: isFile)
            case .fifo:
                mkfifo(p, 0o666)
            case .socket:
                makeSocket(p)
            case .device:
                // The null device's numbers, made here: the system's own /dev/null must
                // never be at stake in a test.
                if mknod(p, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) != 0 { ready = false; skipReason = "mknod refused (\(String(cString: strerror(errno))))" }
            case .linkToFile:
                Fault.write(Array((isFile ? CorruptProgressTests.state : "a file\n").utf8), to: folder + "/target")
                symlink(folder + "/target", p)
            case .linkToFolder:
                makeFolder(folder + "/target", isFile: isFile)
                symlink(folder + "/target", p)
            case .linkToFIFO:
                mkfifo(folder + "/target", 0o666)
                symlink(folder + "/target", p)
            case .dangling:
                symlink(folder + "/nowhere", p)
            case .loop:
                symlink(p, p)
            case .unreadable:
                if isFile {
                    Fault.write(Array(CorruptProgressTests.state.utf8), to: p)
                    chmod(p, 0)
                } else {
                    makeFolder(p, isFile: false)
                    chmod(p, 0)
                }
            case .readOnlyFolder:
                if isFile {
                    Fault.write(Array(CorruptProgressTests.state.utf8), to: p)
                    chmod(p, 0o644)
                    chmod(folder + "/data", 0o555)
                } else {
                    makeFolder(p, isFile: false)
                    Fault.shell("chmod -R a-w \(Fault.quoted(p))")
                }
            case .fullDisk:
                let disk = folder + "/disk"
                mkdir(disk, 0o777)
                guard Fault.shell("mount -t tmpfs -o size=64k,mode=0777 tmpfs \(Fault.quoted(disk))").status == 0 else {
                    ready = false
                    skipReason = "mount failed"
                    return
                }
                mounted = disk
                switch c.role {
                case .lessons: Fault.shell("cp -R \(Fault.quoted(Fault.course)) \(Fault.quoted(disk))/course")
                case .progress: Fault.write(Array(CorruptProgressTests.state.utf8), to: disk + "/progress.json")
                case .dataHome: mkdir(disk + "/xdg", 0o777)
                }
                Fault.fill(disk)
            }
        }

        /// A folder in the place of a file (with a file in it, to see it is kept), or a course.
        private func makeFolder(_ path: String, isFile: Bool) {
            if c.role == .lessons {
                Fault.shell("cp -R \(Fault.quoted(Fault.course)) \(Fault.quoted(path)) && chmod -R a+rX \(Fault.quoted(path))")
            } else {
                mkdir(path, 0o777)
                chmod(path, 0o777)
                if isFile { Fault.write(Array("kept\n".utf8), to: path + "/notes.txt") }
            }
        }

        private func makeSocket(_ path: String) {
            let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return }
            defer { close(fd) }
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                let bytes = Array(path.utf8.prefix(raw.count - 1))
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
        }

        /// The path the command is given, as the user names it.
        var named: String {
            guard c.kind == .fullDisk, let mounted else { return object }
            switch c.role {
            case .lessons: return mounted + "/course"
            case .progress: return mounted + "/progress.json"
            case .dataHome: return mounted + "/xdg"
            }
        }

        struct Run {
            var status: Int32
            var stdout: String
            var stderr: String
        }

        /// The command line (setpriv, when unprivileged, and marrow with its arguments)
        /// and the environment changes, for `command` (nil: the app).
        func invocation(_ command: Command?) -> (argv: [String], env: [String: String?]) {
            let unprivileged = c.kind.unprivileged
            let marrow = unprivileged ? Fault.reachable.executable : Marrow.executable
            var arguments = command?.arguments ?? []
            var env: [String: String?] = ["MARROW_LESSONS": nil, "MARROW_PROGRESS": nil, "XDG_DATA_HOME": nil,
                                          "HOME": outside, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
            switch c.name {
            case "--lessons": arguments += ["--lessons", named]
            case "MARROW_LESSONS": env["MARROW_LESSONS"] = named
            case "--progress": arguments += ["--progress", named]
            case "MARROW_PROGRESS": env["MARROW_PROGRESS"] = named
            default: env["XDG_DATA_HOME"] = named
            }
            if c.role != .lessons { arguments += ["--lessons", course] }
            if c.role == .lessons { arguments += ["--progress", progressFolder + "/progress.json"] }
            let privilege = unprivileged ? ["/usr/bin/setpriv", "--reuid=\(Fault.nobody)", "--regid=\(Fault.nobody)", "--clear-groups", "--"] : []
            return (privilege + [marrow] + arguments, env)
        }

        func run() throws -> Run {
            let (argv, env) = invocation(c.command)
            let stdin = outside + "/stdin"
            Fault.write(Array("1\n".utf8), to: stdin)
            let errPath = outside + "/stderr"
            // The shell (as root) sets up the streams; marrow runs as it is asked to.
            let line = "exec \"$@\" <\(Fault.quoted(stdin)) 2>\(Fault.quoted(errPath))"
            let r = try Child.run(["/bin/sh", "-c", line, "sh"] + argv, folder: outside, environment: env, timeout: 30)
            let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            return Run(status: r.status, stdout: r.output, stderr: stderr)
        }

        /// Whether a changed path (as `Fault.changes` lists it) is one Marrow may change:
        /// the state file's own family (`progress.json`, `.history.jsonl`, `.lock`,
        /// `.first-screen`, moved-aside copies, backups, temporaries) and folders it
        /// makes for them, never the object under test when it is not Marrow's.
        func owns(_ change: String) -> Bool {
            let relative = String(change.prefix { $0 != ":" })
            let full = folder + "/" + relative
            let name = (relative as NSString).lastPathComponent
            let objectIsMarrows = [.missing, .state, .empty, .linkToFile, .dangling].contains(c.kind) && c.role == .progress
                || (c.role == .dataHome && [.missing, .folder, .linkToFolder].contains(c.kind))
            if !objectIsMarrows, full == object || full.hasPrefix(object + "/") { return false }
            if c.role == .lessons { return relative.hasPrefix("data/progress.") || relative.hasPrefix("data/.progress.") }
            if c.role == .dataHome, full == object || relative.hasSuffix("/marrow") || relative == "xdg/marrow" { return true }
            return name.hasPrefix("progress.") || name.hasPrefix(".progress.") || (c.kind == .linkToFile && name.hasPrefix("target"))
                || name.hasPrefix(".target.")
        }

        func remove() {
            if let mounted { Fault.unmount(mounted) }
            Fault.shell("chmod -R u+rwX \(Fault.quoted(folder)) 2>/dev/null; rm -rf \(Fault.quoted(folder)) \(Fault.quoted(outside))")
        }
    }
}
