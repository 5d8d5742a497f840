import Foundation
import MarrowTestSupport
import Testing

/// Helpers for the fault tests: running the built binary (optionally as an
/// unprivileged user), snapshots of a folder, a small tmpfs.
enum Fault {
    /// The fixture course (course id `e2e`).
    static let course = Marrow.fixture("course")

    /// Whether the tests run as root (CI does): permissions then need a real
    /// unprivileged user, which `setpriv` provides.
    static let isRoot = getuid() == 0

    /// The user the permission tests run `marrow` as when the tests run as root.
    static let nobody: uid_t = 65534

    /// Copies of the executable and the fixture course that `nobody` can reach (the
    /// checkout may sit in a folder only root can enter, such as /root).
    static let reachable: (executable: String, course: String) = {
        let folder = reachableFolder
        shell("mkdir -p \(quoted(folder)) && cp \(quoted(Marrow.executable)) \(quoted(folder))/marrow && cp -R \(quoted(course)) \(quoted(folder))/course && chmod -R a+rX \(quoted(folder))")
        atexit { Fault.shell("rm -rf \(Fault.quoted(Fault.reachableFolder))") }
        return (folder + "/marrow", folder + "/course")
    }()
    private static let reachableFolder = NSTemporaryDirectory() + "marrow-fault-\(getpid())-\(UUID().uuidString.prefix(8))"

    /// `argv` (starting with the executable) run as `nobody` when the tests run as root.
    static func asNobody(_ argv: [String]) -> [String] {
        guard isRoot else { return argv }
        let mapped = argv.map { $0 == Marrow.executable ? reachable.executable : $0 == course ? reachable.course : $0 }
        return ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"] + mapped
    }

    /// Runs `marrow` with `arguments`; `unprivileged` runs it as `nobody` when the
    /// tests run as root. Standard input is empty (closed) unless given.
    static func run(_ arguments: [String], unprivileged: Bool = false, stdin: String? = nil, in directory: String? = nil) throws -> Marrow.Result {
        try Marrow.run(arguments, stdin: stdin, in: directory, wrap: unprivileged ? asNobody : { $0 })
    }

    /// Runs a shell command line; returns its status and combined output. It runs
    /// as `Child.run` runs every child (output through a file, no inherited
    /// descriptors, no signal blocked): a tmux server started by the command must
    /// hold no pipe open and must see its signals.
    @discardableResult
    static func shell(_ command: String) -> (status: Int32, output: String) {
        do {
            let r = try Child.run(["/bin/sh", "-c", command], folder: NSTemporaryDirectory(), timeout: .infinity)
            return (r.status, r.output)
        } catch {
            return (127, "\(error)")
        }
    }

    /// Single-quotes a word for the shell.
    static func quoted(_ s: String) -> String { Shell.quoted(s) }

    // MARK: Files

    static func write(_ bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func bytes(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// What is at one path of a snapshot.
    enum Node: Equatable, CustomStringConvertible {
        case file(Data, mode: mode_t)
        case folder(mode: mode_t)
        case link(String)
        case other(mode: mode_t)

        var description: String {
            switch self {
            case let .file(data, mode): return "file(\(data.count) bytes, \(String(mode, radix: 8)))"
            case let .folder(mode): return "folder(\(String(mode, radix: 8)))"
            case let .link(to): return "link(\(to))"
            case let .other(mode): return "other(\(String(mode, radix: 8)))"
            }
        }
    }

    /// Everything below `folder` (relative paths), without following links.
    static func snapshot(_ folder: String) -> [String: Node] {
        var result: [String: Node] = [:]
        func walk(_ relative: String) {
            let full = relative.isEmpty ? folder : folder + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
            for name in names {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let path = folder + "/" + rel
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                let mode = st.st_mode & 0o7777
                switch st.st_mode & S_IFMT {
                case S_IFREG:
                    result[rel] = .file(FileManager.default.contents(atPath: path) ?? Data(), mode: mode)
                case S_IFDIR:
                    result[rel] = .folder(mode: mode)
                    walk(rel)
                case S_IFLNK:
                    result[rel] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
                default:
                    result[rel] = .other(mode: st.st_mode & S_IFMT)
                }
            }
        }
        walk("")
        return result
    }

    /// The paths whose node differs between two snapshots, for messages.
    static func changes(_ before: [String: Node], _ after: [String: Node]) -> [String] {
        Set(before.keys).union(after.keys).sorted().compactMap { key in
            before[key] == after[key] ? nil : "\(key): \(before[key]?.description ?? "none") -> \(after[key]?.description ?? "none")"
        }
    }

    // MARK: Answers

    /// One answer line of the log, for the fixture course.
    static func answer(_ question: String, lesson: String = "long-lesson", chosen: [Int] = [0], correct: Bool,
                       attempt: String = "A1", total: Int = 2, time: String = "2026-11-20T10:00:00Z") -> String {
        let picked = chosen.map(String.init).joined(separator: ",")
        return #"{"course":"e2e","lesson":"\#(lesson)","question":"\#(question)","chosen":[\#(picked)],"correct":\#(correct),"time":"\#(time)","attempt":"\#(attempt)","attemptTotal":\#(total)}"#
    }

    /// `answered` and `correct` from `marrow progress --json`.
    static func totals(_ json: String) -> (answered: Int, correct: Int)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let totals = object["totals"] as? [String: Any],
              let answered = totals["answered"] as? Int, let correct = totals["correct"] as? Int else { return nil }
        return (answered, correct)
    }

    // MARK: A small full disk

    /// Whether a tmpfs can be mounted here (root with CAP_SYS_ADMIN).
    static let canMountTmpfs: Bool = {
        guard isRoot, let folder = try? Marrow.temporaryDirectory() else { return false }
        defer { rmdir(folder) }
        guard shell("mount -t tmpfs -o size=64k tmpfs \(quoted(folder))").status == 0 else { return false }
        shell("umount \(quoted(folder))")
        return true
    }()

    /// Mounts a 64 KiB tmpfs on a fresh folder. Unmount with `unmount(_:)`.
    static func mountSmallTmpfs() throws -> String {
        let folder = try Marrow.temporaryDirectory()
        let r = shell("mount -t tmpfs -o size=64k,mode=0755 tmpfs \(quoted(folder))")
        try #require(r.status == 0, "mount failed: \(r.output)")
        return folder
    }

    static func unmount(_ folder: String) {
        shell("umount -l \(quoted(folder))")
        rmdir(folder)
    }

    /// Fills the file system holding `folder` with a file `filler` until writes fail.
    static func fill(_ folder: String) {
        let fd = open(folder + "/filler", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x2E, count: 512)
        while block.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) > 0 {}
        while Glibc.write(fd, [UInt8(0x2E)], 1) > 0 {}
        fsync(fd)
    }
}

/// A `marrow` process with its standard streams on files (no pipes, so nothing
/// can hold them open), that can be killed at any moment.
struct Spawned {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String

    /// Starts `marrow` with `arguments`, standard input read from `stdinPath`.
    static func marrow(_ arguments: [String], stdinPath: String, in folder: String, tag: String) -> Spawned? {
        let out = folder + "/\(tag).out", err = folder + "/\(tag).err"
        let argv = [Marrow.executable] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, nil, &cArgs, environ) == 0 else { return nil }
        return Spawned(pid: pid, stdoutPath: out, stderrPath: err)
    }

    /// Waits for the process; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return Child.exitCode(status)
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}

/// Reading the answer log and the state file the way a test checks them.
enum ProgressFiles {
    struct Answer: Equatable {
        var lesson: String
        var question: String
        var attempt: String
        var correct: Bool
    }

    /// The answer lines of the log that parse, in order, and the number of lines that do not.
    static func answers(_ logPath: String) -> (answers: [Answer], unreadable: Int) {
        guard let data = FileManager.default.contents(atPath: logPath) else { return ([], 0) }
        var answers: [Answer] = []
        var unreadable = 0
        for line in [UInt8](data).split(separator: UInt8(ascii: "\n")) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                print("ProgressFiles: unreadable log line: \(String(decoding: line, as: UTF8.self).debugDescription)")
                unreadable += 1
                continue
            }
            if object["event"] != nil { continue }
            guard let lesson = object["lesson"] as? String, let question = object["question"] as? String,
                  let attempt = object["attempt"] as? String, let correct = object["correct"] as? Bool else {
                unreadable += 1
                continue
            }
            answers.append(Answer(lesson: lesson, question: question, attempt: attempt, correct: correct))
        }
        return (answers, unreadable)
    }

    /// The answers the state file holds for one attempt of one lesson: question → correct.
    /// nil when the file is not valid JSON of schema 1 or the attempt is not there.
    static func stateAnswers(_ statePath: String, course: String = "e2e", lesson: String, attempt: String) -> [String: Bool]? {
        guard let data = FileManager.default.contents(atPath: statePath),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["schemaVersion"] as? Int == 1,
              let courses = object["courses"] as? [String: Any], let c = courses[course] as? [String: Any],
              let lessons = c["lessons"] as? [String: Any], let l = lessons[lesson] as? [String: Any],
              let attempts = l["attempts"] as? [[String: Any]],
              let found = attempts.first(where: { $0["id"] as? String == attempt }) else { return nil }
        return found["answers"] as? [String: Bool]
    }

    /// Whether the state file is valid JSON with schema 1.
    static func stateIsValid(_ statePath: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: statePath),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["schemaVersion"] as? Int == 1
    }
}

/// What `marrow quiz --plain` acknowledged: the questions it said "✓ Correct" or
/// "✗ Not quite" to, in order, known by their prompts in the fixture course.
enum PlainQuizOutput {
    static let prompts = [
        "Which tissue makes blood cells?": "e2e-q1",
        "Platelets help blood clot.": "e2e-q2",
        "Pick the blood cells.": "e2e-q3",
    ]

    static func acknowledged(_ output: String) -> [(question: String, correct: Bool)] {
        var current: String?
        var acks: [(question: String, correct: Bool)] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let id = prompts.first(where: { line.hasPrefix($0.key) })?.value { current = id }
            let text = line.drop { $0 == " " }
            if text.hasPrefix("✓ Correct") || text.hasPrefix("✗ Not quite"), let q = current {
                acks.append((q, text.hasPrefix("✓")))
                current = nil
            }
        }
        return acks
    }
}
