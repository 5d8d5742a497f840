import Foundation
import MarrowTestSupport
import MarrowCore
import Testing

/// Damaged progress files, through the built binary and every command: each kind
/// of damage is put in a fresh folder beside a valid answer log (or a valid state
/// file, for damage to the log), then `progress` (text and JSON), `reset --yes`, a
/// plain quiz and a quiz made from the log run on it; the other report formats, the
/// other quiz mode and the terminal app once per outcome, `validate` and `read` on
/// a sample (see `representatives`, `tuiKinds`, `nonReaderKinds`). Each must start
/// and stop cleanly with at most one clear line, keep the original bytes (moved
/// aside, or untouched), change nothing else, and still count every valid answer.
@Suite(.timeLimit(.minutes(15))) struct CorruptProgressTests {
    /// What a kind of damage should lead to.
    enum Expect: Sendable {
        /// The state file is fine (or oddly formed but valid): nothing to say.
        case usable
        /// The state file is moved aside, one notice naming the problem, rebuilt from the log.
        case movedAside(String)
        /// The command refuses: exit 1, one line, nothing changed.
        case refused(String)
        /// The folder can be read but not written: reading commands work, writing ones refuse cleanly.
        case readOnly
        /// Lines of the log are skipped with one warning.
        case logWarning(String)
        /// A torn last line of the log is skipped silently (a crash mid-append leaves it).
        case logSilent
        /// The log itself cannot be read: `progress` exits 1 with one line.
        case logRefused(String)
        /// Marrow's own state gone bad where it cannot be moved aside: `progress`
        /// reports it and reads the log (`movedAside` for readers), commands that
        /// write refuse (`refused`).
        case damagedCannotMove(String)

        /// What a command that writes must do.
        var forWriters: Expect {
            if case .damagedCannotMove = self { return .refused("could not be moved aside") }
            return self
        }
        /// What `marrow progress`, which only reads, must do (it never moves anything).
        var forReaders: Expect {
            if case .damagedCannotMove(let problem) = self { return .movedAside(problem) }
            return self
        }

        /// The case's name without its text: kinds with the same one meet the same outcome.
        var outcome: String {
            switch self {
            case .usable: "usable"
            case .movedAside: "movedAside"
            case .refused: "refused"
            case .readOnly: "readOnly"
            case .logWarning: "logWarning"
            case .logSilent: "logSilent"
            case .logRefused: "logRefused"
            case .damagedCannotMove: "damagedCannotMove"
            }
        }
    }

    struct Kind: Sendable, CustomTestStringConvertible {
        var name: String
        var expect: Expect
        /// The valid answers the command must count (`progress --json` totals).
        var answered = 3
        var correct = 2
        /// Run `marrow` as an unprivileged user (permissions mean nothing to root).
        var unprivileged = false
        /// Put the folder on a small tmpfs and fill it up.
        var fullDisk = false
        /// Also drive the terminal app on it.
        var tui = false
        /// Puts the damage in place in the folder (which already holds a valid state and log).
        var make: @Sendable (String) -> Void
        var testDescription: String { name }
    }

    static let answers = [
        Fault.answer("e2e-q1", chosen: [2], correct: true),
        Fault.answer("e2e-q2", chosen: [0], correct: false, time: "2026-11-20T10:01:00Z"),
        Fault.answer("e2e-q3", lesson: "short-lesson", chosen: [0, 1], correct: true, attempt: "B1", total: 1, time: "2026-11-21T10:00:00Z"),
    ]
    static let log = answers.joined(separator: "\n") + "\n"

    /// A valid state file: the disclaimer seen, the long lesson read.
    static let state = """
        {"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true,\
        "lastPlace":{"lessonID":"long-lesson","position":{"block":3,"offset":0,"percent":40}},\
        "lessons":{"long-lesson":{"opened":"2026-11-20T09:00:00Z","finished":"2026-11-20T09:30:00Z",\
        "position":{"block":3,"offset":0,"percent":40},"bookmarks":[{"block":1,"offset":0,"percent":10}],"attempts":[]}},\
        "reviews":{}}}}

        """

    static func state(_ s: String) -> @Sendable (String) -> Void {
        { Fault.write(Array(s.utf8), to: $0 + "/progress.json") }
    }
    static func stateBytes(_ b: [UInt8]) -> @Sendable (String) -> Void {
        { Fault.write(b, to: $0 + "/progress.json") }
    }
    static func logText(_ s: String) -> @Sendable (String) -> Void {
        { Fault.write(Array(s.utf8), to: $0 + "/progress.history.jsonl") }
    }

    static let kinds: [Kind] = [
        // The state file.
        Kind(name: "empty state", expect: .movedAside("is empty"), make: stateBytes([])),
        Kind(name: "whitespace state", expect: .movedAside("is empty"), make: state(" \n\t\n")),
        Kind(name: "truncated state", expect: .movedAside("is not valid JSON"), tui: true, make: state(String(state.prefix(state.count / 2)))),
        Kind(name: "wrong types", expect: .movedAside("has unexpected content (at courses.e2e."),
             make: state(#"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":"yes","lessons":[]}}}"#)),
        Kind(name: "number too big to read", expect: .movedAside("has unexpected content"),
             make: state(#"{"schemaVersion":1,"courses":{"e2e":{"lessons":{"long-lesson":{"position":{"block":1e400,"offset":0,"percent":0}}}}}}"#)),
        Kind(name: "huge integers", expect: .usable, tui: true, make: state("""
            {"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true,\
            "lastPlace":{"lessonID":"long-lesson","position":{"block":9223372036854775807,"offset":-9223372036854775808,"percent":9223372036854775807}},\
            "lessons":{"long-lesson":{"position":{"block":9223372036854775807,"offset":9223372036854775807,"percent":-9223372036854775808},\
            "bookmarks":[{"block":-9223372036854775808,"offset":9223372036854775807,"percent":9223372036854775807}],\
            "attempts":[{"id":"x","started":"2026-11-20T10:00:00Z","total":9223372036854775807,"answers":{"e2e-q1":true}}]}}}}}
            """)),
        Kind(name: "huge schemaVersion", expect: .movedAside("has no usable schemaVersion (at schemaVersion: expected a whole number)"), make: state(#"{"schemaVersion":99999999999999999999999,"courses":{}}"#)),
        Kind(name: "deep nesting", expect: .movedAside("is nested too deeply"), make: state(#"{"schemaVersion":1,"courses":"# + String(repeating: "[", count: 100_000))),
        Kind(name: "deep nesting, not a state", expect: .refused("is not a Marrow progress file"), make: state(String(repeating: "[", count: 100_000))),
        Kind(name: "invalid UTF-8", expect: .movedAside("is not valid UTF-8"),
             make: stateBytes(Array(#"{"schemaVersion":1,"courses":{"e2e":{"lastPlace":{"lessonID":""#.utf8) + [0xFF, 0xC0, 0x80] + Array(#""}}}}"#.utf8))),
        Kind(name: "NUL bytes", expect: .movedAside("is not valid JSON"), make: stateBytes(Array(#"{"schemaVersion":1,"#.utf8) + [0, 0, 0] + Array(#""courses":{}}"#.utf8))),
        Kind(name: "null", expect: .refused("is not a Marrow progress file"), make: state("null")),
        Kind(name: "a list", expect: .refused("is not a Marrow progress file"), make: state("[1,2,3]")),
        Kind(name: "notes", expect: .refused("is not a Marrow progress file (it does not start like one). Nothing was changed."), make: state("Ask about fevers\n")),
        Kind(name: "no schemaVersion", expect: .movedAside("has no usable schemaVersion (at the top: missing schemaVersion)"), make: state(#"{"courses":{}}"#)),
        Kind(name: "schema 0", expect: .movedAside("has schema 0, which this version of Marrow cannot convert"), make: state(#"{"schemaVersion":0,"courses":{}}"#)),
        Kind(name: "newer schema", expect: .refused("was written by a newer version of Marrow (schema 7; this one reads 1)"), tui: true,
             make: state(#"{"schemaVersion":7,"courses":{"e2e":{"future":true}}}"#)),
        Kind(name: "byte order mark", expect: .usable, make: stateBytes([0xEF, 0xBB, 0xBF] + Array(state.utf8))),
        Kind(name: "a folder", expect: .refused("--progress wants a file such as"), tui: true, make: { folder in
            unlink(folder + "/progress.json")
            mkdir(folder + "/progress.json", 0o700)
            Fault.write(Array("inside\n".utf8), to: folder + "/progress.json/note.txt")
        }),
        Kind(name: "link to /dev/null", expect: .refused("is a link to a character device, not a file"), make: { folder in
            unlink(folder + "/progress.json")
            symlink("/dev/null", folder + "/progress.json")
        }),
        Kind(name: "dangling link", expect: .refused("is a link to a file that does not exist"), make: { folder in
            unlink(folder + "/progress.json")
            symlink(folder + "/gone.json", folder + "/progress.json")
        }),
        Kind(name: "FIFO", expect: .refused("is a FIFO (named pipe), not a file"), make: { folder in
            unlink(folder + "/progress.json")
            mkfifo(folder + "/progress.json", 0o600)
        }),
        Kind(name: "no read permission", expect: .refused("Cannot read progress at"), unprivileged: true, make: { folder in
            chmod(folder + "/progress.json", 0o000)
        }),
        Kind(name: "no write permission", expect: .readOnly, unprivileged: true, tui: true, make: { folder in
            chmod(folder, 0o500)
        }),
        Kind(name: "no write permission, damaged", expect: .damagedCannotMove("is not valid JSON"), unprivileged: true, make: { folder in
            Fault.write(Array(#"{"schemaVersion":1,"cou"#.utf8), to: folder + "/progress.json")
            chmod(folder, 0o500)
        }),
        Kind(name: "folder not searchable", expect: .refused("Cannot read progress at"), unprivileged: true, make: { folder in
            chmod(folder, 0o600)
        }),
        Kind(name: "full disk", expect: .readOnly, fullDisk: true, make: { _ in }),
        Kind(name: "full disk, damaged", expect: .movedAside("is not valid JSON"), fullDisk: true, make: state(#"{"schemaVersion":1,"cou"#)),

        // The answer log.
        Kind(name: "log: torn last line", expect: .logSilent, make: logText(log + String(answers[0].prefix(60)))),
        Kind(name: "log: garbage in the middle", expect: .logWarning("progress.history.jsonl: skipped 3 unreadable lines (first at line 2)"),
             make: logText(answers[0] + "\ngarbage\n{\n" + #"{"course":1}"# + "\n" + answers[1] + "\n" + answers[2] + "\n")),
        Kind(name: "log: a 10 MB line", expect: .logWarning("skipped 1 unreadable line (first at line 2)"), tui: true,
             make: logText(answers[0] + "\n" + #"{"course":"e2e","note":""# + String(repeating: "x", count: 10 << 20) + "\"}\n" + answers[1] + "\n" + answers[2] + "\n")),
        Kind(name: "log: a 10 MB line of garbage", expect: .logWarning("skipped 1 unreadable line (first at line 3)"),
             make: logText(answers[0] + "\n" + answers[1] + "\n" + String(repeating: "{[", count: 5 << 20) + "\n" + answers[2] + "\n")),
        Kind(name: "log: invalid UTF-8", expect: .logWarning("skipped 1 unreadable line (first at line 2)"), make: { folder in
            Fault.write(Array((answers[0] + "\n").utf8) + Array(#"{"course":"e2e","lesson":""#.utf8) + [0xFF, 0xFE] + Array("\"}\n".utf8)
                        + Array((answers[1] + "\n" + answers[2] + "\n").utf8), to: folder + "/progress.history.jsonl")
        }),
        Kind(name: "log: NUL bytes", expect: .logWarning("skipped 1 unreadable line (first at line 1)"),
             make: logText("\u{0}\u{0}\u{0}\n" + log)),
        Kind(name: "log: CRLF line ends and blank lines", expect: .usable, make: logText("\r\n" + answers.joined(separator: "\r\n\r\n") + "\r\n")),
        Kind(name: "log: huge numbers", expect: .usable, answered: 3, correct: 2, tui: true, make: logText([
            answers[0].replacingOccurrences(of: #""attemptTotal":2"#, with: #""attemptTotal":9223372036854775807"#),
            answers[1].replacingOccurrences(of: #""chosen":[0]"#, with: #""chosen":[-9223372036854775808,9223372036854775807]"#),
            answers[2].replacingOccurrences(of: "2026-11-21T10:00:00Z", with: "9999-12-31T23:59:59Z"),
        ].joined(separator: "\n") + "\n")),
        Kind(name: "log: unknown event and a broken reset marker", expect: .logWarning("skipped 1 unreadable line (first at line 2)"),
             make: logText(answers[0] + "\n" + #"{"event":"reset","course":5}"# + "\n" + #"{"event":"from-the-future","x":1}"# + "\n" + answers[1] + "\n" + answers[2] + "\n")),
        Kind(name: "log: a folder", expect: .logRefused("it is a folder, not a file"), tui: true, make: { folder in
            unlink(folder + "/progress.history.jsonl")
            mkdir(folder + "/progress.history.jsonl", 0o700)
        }),
        Kind(name: "log: link to /dev/null", expect: .logRefused("it is not a regular file"), make: { folder in
            unlink(folder + "/progress.history.jsonl")
            symlink("/dev/null", folder + "/progress.history.jsonl")
        }),
        Kind(name: "log: no read permission", expect: .logRefused("Permission denied"), unprivileged: true, make: { folder in
            chmod(folder + "/progress.history.jsonl", 0o000)
        }),
    ]

    /// The kinds the app runs on: one per thing the app can do with damage (moved
    /// aside with a notice; refused at the path, before the terminal is taken;
    /// refused by loading, after it; read-only; a log warning with a 10 MB line to
    /// read; a log that cannot be read; huge numbers in the state and in the log,
    /// each kept off the screen). The other kinds reach these same paths in the app:
    /// what tells them apart is checked through every command below.
    static var tuiKinds: [Kind] { kinds.filter(\.tui) }

    /// One kind per distinct outcome (`Expect` case), the first in `kinds`: the
    /// commands whose output differs by format or mode only (markdown and CSV
    /// reports, review and mistakes quizzes) run every format and mode on these,
    /// since the kind decides only what loading does, which text and JSON reports
    /// and one quiz mode check on every kind.
    static let representatives: Set<String> = {
        var seen = Set<String>(), names = Set<String>()
        for kind in kinds where seen.insert(kind.expect.outcome).inserted { names.insert(kind.name) }
        return names
    }()

    /// The seed of the sample of kinds `validate` and `read` run on (in failure messages).
    static let sampleSeed: UInt64 = 0x7661_6C69_6461_7465

    /// `validate` and `read` never open progress: they run where a slip would show
    /// (an object that hangs, refuses or fails to open at the progress path, a full
    /// disk, an unprivileged run), plus a seeded sample of four other kinds.
    static let nonReaderKinds: [Kind] = {
        let objects: Set<String> = ["a folder", "link to /dev/null", "dangling link", "FIFO", "no read permission", "folder not searchable", "full disk", "log: a folder"]
        var others = kinds.filter { !objects.contains($0.name) }
        var random = SplitMix64(seed: sampleSeed)
        var sample: [Kind] = []
        for _ in 0..<4 { sample.append(others.remove(at: Int(random.next() % UInt64(others.count)))) }
        return kinds.filter { objects.contains($0.name) } + sample
    }()

    // MARK: Setting up a damaged folder

    final class Setup {
        let folder: String
        let mounted: Bool
        var state: String { folder + "/progress.json" }
        var log: String { folder + "/progress.history.jsonl" }
        let before: [String: Fault.Node]

        init(_ kind: Kind) throws {
            if kind.fullDisk {
                folder = try Fault.mountSmallTmpfs()
                mounted = true
            } else {
                folder = try Marrow.temporaryDirectory()
                mounted = false
            }
            Fault.write(Array(CorruptProgressTests.state.utf8), to: folder + "/progress.json")
            Fault.write(Array(CorruptProgressTests.log.utf8), to: folder + "/progress.history.jsonl")
            if kind.unprivileged && Fault.isRoot {
                Fault.shell("chown -R -h \(Fault.nobody):\(Fault.nobody) \(Fault.quoted(folder))")
            }
            kind.make(folder)
            if kind.fullDisk { Fault.fill(folder) }
            before = Fault.snapshot(folder)
        }

        deinit {
            chmod(folder, 0o700)
            if mounted { Fault.unmount(folder) } else { try? FileManager.default.removeItem(atPath: folder) }
        }

        func arguments(_ command: [String]) -> [String] {
            command + ["--lessons", Fault.course, "--progress", state]
        }

        /// Paths added since setup, and those whose node changed or went away.
        func difference() -> (added: [String], changed: [String]) {
            let after = Fault.snapshot(folder)
            let added = after.keys.filter { before[$0] == nil }.sorted()
            let changed = before.keys.filter { after[$0] != before[$0] }.sorted()
            return (added, changed)
        }

        /// The state file's subtree as it was (a folder moved aside keeps its contents).
        func originalState(at aside: String) -> Bool {
            let after = Fault.snapshot(folder)
            let moved = before.filter { $0.key == "progress.json" || $0.key.hasPrefix("progress.json/") }
            guard !moved.isEmpty else { return false }
            return moved.allSatisfy { key, node in after[aside + key.dropFirst("progress.json".count)] == node }
        }
    }

    static func run(_ command: [String], _ kind: Kind, _ setup: Setup, stdin: String? = nil) throws -> Marrow.Result {
        try Fault.run(setup.arguments(command), unprivileged: kind.unprivileged, stdin: stdin)
    }

    // MARK: progress, in every format

    /// Text and JSON on every kind; markdown and CSV (the same loading as text) on
    /// the representatives. `progress` changes nothing, so the runs share one folder.
    @Test(arguments: kinds)
    func progressCommands(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let setup = try Setup(kind)
        let formats = Self.representatives.contains(kind.name) ? ["text", "json", "markdown", "csv"] : ["text", "json"]
        for format in formats {
            let json = format == "json"
            let r = try Self.run(json ? ["progress", "--json"] : ["progress", "--format", format], kind, setup)
            let (added, changed) = setup.difference()
            let lines = r.errorLines
            let label = "\(kind.name) (\(format)): status \(r.status), stderr \(r.stderr.debugDescription), added \(added), changed \(changed)"
            switch kind.expect.forReaders {
            case .damagedCannotMove: break
            case .usable, .readOnly, .logSilent:
                #expect(r.status == 0, "\(label)")
                #expect(lines.isEmpty, "\(label)")
                #expect(added.isEmpty && changed.isEmpty, "\(label)")
            case .movedAside(let problem):
                // `progress` only reads: it reports the damage and changes nothing (finding 1).
                #expect(r.status == 0, "\(label)")
                #expect(lines.count == 1, "\(label)")
                let line = lines.first ?? ""
                #expect(line.hasPrefix("marrow: progress.json \(problem)"), "\(label)")
                #expect(line.contains("read from the answer log (3 answers). Nothing was changed"), "\(label)")
                #expect(added.isEmpty && changed.isEmpty, "\(label)")
            case .refused(let message):
                #expect(r.status == 1, "\(label)")
                #expect(lines.count == 1, "\(label)")
                #expect(lines.first?.hasPrefix("marrow: ") == true && lines.first?.contains(message) == true, "\(label)")
                #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
            case .logWarning(let warning):
                #expect(r.status == 0, "\(label)")
                #expect(lines.count == 1, "\(label)")
                #expect(lines.first?.hasPrefix("marrow: ") == true && lines.first?.contains(warning) == true, "\(label)")
                #expect(added.isEmpty && changed.isEmpty, "\(label)")
            case .logRefused(let message):
                #expect(r.status == 1, "\(label)")
                #expect(lines.count == 1, "\(label)")
                #expect(lines.first?.hasPrefix("marrow: Cannot read the answer log \(setup.log): ") == true && lines.first?.contains(message) == true, "\(label)")
                #expect(added.isEmpty && changed.isEmpty, "\(label)")
            }
            if json, r.status == 0 {
                let totals = Fault.totals(r.stdout)
                #expect(totals?.answered == kind.answered && totals?.correct == kind.correct, "\(label): \(r.stdout.prefix(300))")
            }
            if format == "text", r.status == 0 {
                #expect(r.stdout.contains("Answers: \(kind.answered), \(kind.correct) right,"), "\(label)")
            }
            if r.status == 0 { #expect(!r.stdout.isEmpty, "\(label)") }
        }
    }

    // MARK: validate and read

    @Test(arguments: nonReaderKinds)
    func commandsThatDoNotReadProgress(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let setup = try Setup(kind)
        for command in [["validate"], ["read", "1", "--width", "60"]] {
            let r = try Self.run(command, kind, setup)
            let (added, changed) = setup.difference()
            let label = "\(kind.name) \(command[0]) (sample seed \(Self.sampleSeed))"
            #expect(r.status == 0 && r.stderr.isEmpty, "\(label): \(r.status) \(r.stderr)")
            #expect(added.isEmpty && changed.isEmpty, "\(label): \(added) \(changed)")
        }
    }

    // MARK: reset --yes

    @Test(arguments: kinds)
    func reset(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let setup = try Setup(kind)
        let r = try Self.run(["reset", "--yes"], kind, setup)
        let (added, changed) = setup.difference()
        let lines = r.errorLines
        let label = "\(kind.name): status \(r.status), stdout \(r.stdout.debugDescription), stderr \(r.stderr.debugDescription), added \(added), changed \(changed)"
        #expect(r.status == 0 || r.status == 1, "\(label)")
        if kind.fullDisk, case .movedAside(let problem) = kind.expect.forWriters {
            // Loading moves the damaged file aside (and says so), then the backup cannot be made.
            #expect(r.status == 1 && lines.count == 2, "\(label)")
            #expect(lines.first?.hasPrefix("marrow: progress.json \(problem)") == true, "\(label)")
            #expect(lines.last?.contains("the backup could not be made") == true && lines.last?.contains("nothing was removed") == true, "\(label)")
            let asides = added.filter { $0.hasPrefix("progress.json.corrupt-") && !$0.contains("/") }
            #expect(asides.count == 1 && asides.allSatisfy { setup.originalState(at: $0) }, "\(label)")
            #expect(!changed.contains("progress.history.jsonl"), "\(label)")
            return
        }
        if r.status != 0 {
            // A refusal: one line, nothing removed, nothing left behind.
            #expect(lines.count == 1 && lines[0].hasPrefix("marrow: "), "\(label)")
            #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
        }
        switch kind.expect.forWriters {
        case .damagedCannotMove: break // mapped by forWriters
        case .usable, .logSilent, .logWarning:
            #expect(r.status == 0, "\(label)")
            #expect(lines.isEmpty, "\(label)")
        case .movedAside(let problem):
            #expect(r.status == 0, "\(label)")
            #expect(lines.count == 1 && lines[0].hasPrefix("marrow: progress.json \(problem)") && lines[0].contains("moved aside"), "\(label)")
            let asides = added.filter { $0.hasPrefix("progress.json.corrupt-") && !$0.contains("/") }
            #expect(asides.count == 1, "\(label)")
            if let aside = asides.first { #expect(setup.originalState(at: aside), "\(label)") }
        case .refused(let message):
            #expect(r.status == 1 && lines.first?.contains(message) == true, "\(label)")
        case .readOnly:
            #expect(r.status == 1 && lines.first?.contains("nothing was removed") == true, "\(label)")
        case .logRefused:
            break
        }
        guard r.status == 0 else { return }
        #expect(r.stdout.contains("Reset all progress in 'End-to-end test course'. Backup: \(setup.state).backup-"), "\(label)")
        // The backups hold the bytes as they were; the log only grew.
        let after = Fault.snapshot(setup.folder)
        if case .file = setup.before["progress.json"], case .usable = kind.expect {
            let backup = added.first { $0.hasPrefix("progress.json.backup-") }
            #expect(backup.flatMap { Self.data(after[$0]) } == Self.data(setup.before["progress.json"]), "\(label)")
        }
        if case .file(let original, _)? = setup.before["progress.history.jsonl"] {
            let backup = added.first { $0.hasPrefix("progress.history.jsonl.backup-") }
            #expect(backup.flatMap { Self.data(after[$0]) } == original, "\(label)")
            if case .file(let now, _)? = after["progress.history.jsonl"] {
                #expect(now.prefix(original.count) == original && now.count > original.count, "\(label)")
            }
        }
        // Nothing of the course counts any more.
        if case .logRefused = kind.expect { return }
        let p = try Self.run(["progress", "--json"], kind, setup)
        #expect(p.status == 0 && Fault.totals(p.stdout)?.answered == 0, "\(kind.name): after reset \(p.stderr)")
    }

    // MARK: quiz --plain

    /// Answering on damaged files: the answers are kept (or refused in one line), never lost silently.
    @Test(arguments: kinds)
    func plainQuiz(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let setup = try Setup(kind)
        let r = try Self.run(["quiz", "--plain", "long-lesson"], kind, setup, stdin: "2\n\nt\n\n")
        let (added, changed) = setup.difference()
        let lines = r.errorLines
        let acks = PlainQuizOutput.acknowledged(r.stdout)
        let label = "\(kind.name): status \(r.status), stderr \(r.stderr.debugDescription), acks \(acks.count), added \(added), changed \(changed)"
        let originalLog = Self.data(setup.before["progress.history.jsonl"])
        let log = Self.data(Fault.snapshot(setup.folder)["progress.history.jsonl"])
        /// The log kept its bytes and gained exactly the acknowledged answers.
        func logGrewBy(_ n: Int) -> Bool {
            guard let originalLog, let log, log.prefix(originalLog.count) == originalLog else { return false }
            let tail = [UInt8](log.dropFirst(originalLog.count)).split(separator: UInt8(ascii: "\n"))
                .filter { !$0.isEmpty && !String(decoding: $0, as: UTF8.self).contains("\"event\"") }
            return tail.count == n && tail.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0))) != nil }
        }
        switch kind.expect.forWriters {
        case .damagedCannotMove: break // mapped by forWriters
        case .usable, .logSilent, .logWarning:
            #expect(r.status == 0 && lines.isEmpty && acks.count == 2, "\(label)")
            #expect(logGrewBy(2), "\(label)")
        case .movedAside(let problem):
            #expect(lines.first?.hasPrefix("marrow: progress.json \(problem)") == true, "\(label)")
            let asides = added.filter { $0.hasPrefix("progress.json.corrupt-") && !$0.contains("/") }
            #expect(asides.count == 1 && asides.allSatisfy { setup.originalState(at: $0) }, "\(label)")
            if kind.fullDisk {
                // Moved aside (said once), then an answer or the state cannot be saved (said once).
                // An answer is acknowledged once it is in the log: exactly those are there.
                #expect(r.status == 1 && lines.count == 2 && lines.last?.hasPrefix("marrow: Could not ") == true, "\(label)")
                #expect(logGrewBy(acks.count), "\(label)")
            } else {
                #expect(r.status == 0 && lines.count == 1 && acks.count == 2, "\(label)")
                #expect(logGrewBy(2), "\(label)")
            }
        case .refused(let message):
            #expect(r.status == 1 && lines.count == 1 && lines.first?.contains(message) == true && acks.isEmpty, "\(label)")
            #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
        case .readOnly:
            // An answer or the state cannot be saved: one line, and the state as it was. On a
            // full disk answer lines may still fit in the log: those are acknowledged, and count.
            #expect(r.status == 1 && lines.count == 1 && lines.first?.hasPrefix("marrow: Could not ") == true, "\(label)")
            #expect(!changed.contains("progress.json") && logGrewBy(acks.count), "\(label)")
        case .logRefused(let message):
            #expect(r.status == 1 && lines.count == 1 && acks.isEmpty, "\(label)")
            #expect(lines.first?.hasPrefix("marrow: Could not record the answer in \(setup.log): ") == true && lines.first?.contains(message) == true, "\(label)")
            #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
        }
    }

    /// The quizzes made from the log (due reviews, last mistakes) on damaged files:
    /// a clean start or stop, at most the one line the damage calls for. Both load
    /// and read the log alike: each kind runs one mode, in turn, and the
    /// representatives run both.
    @Test(arguments: kinds)
    func plainReviewAndMistakes(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let inTurn = (Self.kinds.firstIndex { $0.name == kind.name } ?? 0) % 2 == 0 ? "--review" : "--mistakes"
        for mode in Self.representatives.contains(kind.name) ? ["--review", "--mistakes"] : [inTurn] {
            let setup = try Setup(kind)
            let r = try Self.run(["quiz", "--plain", mode], kind, setup, stdin: "q\n")
            let lines = r.errorLines
            let label = "\(kind.name) \(mode): status \(r.status), stderr \(r.stderr.debugDescription)"
            #expect(r.status == 0 || r.status == 1, "\(label)")
            #expect(lines.allSatisfy { $0.hasPrefix("marrow: ") }, "\(label)")
            switch kind.expect.forWriters {
            case .damagedCannotMove: break // mapped by forWriters
            case .usable, .logSilent: #expect(r.status == 0 && lines.isEmpty, "\(label)")
            case .movedAside, .logWarning: #expect(r.status == 0 && lines.count == 1, "\(label)")
            case .refused, .logRefused: #expect(r.status == 1 && lines.count == 1, "\(label)")
            case .readOnly: #expect(lines.count <= 1, "\(label)")
            }
        }
    }

    // MARK: The terminal app

    @Test(.timeLimit(.minutes(15)), arguments: tuiKinds)
    func terminalAppStartsAndQuits(kind: Kind) throws {
        if kind.fullDisk && !Fault.canMountTmpfs { return skipFullDisk() }
        let setup = try Setup(kind)
        var command = [Marrow.executable] + setup.arguments([])
        if kind.unprivileged { command = Fault.asNobody(command) }
        let tmux = try TmuxSession(program: command)
        defer { tmux.close() }
        var status: Int32?
        var screen = ""
        if case .refused = kind.expect.forWriters {
            status = tmux.exitStatus(timeout: 10)
        } else {
            #expect(tmux.waitFor(timeout: 10) { $0.contains("End-to-end test course") || $0.contains("not medical advice") }, "\(kind.name): \(tmux.screen())")
            if case .movedAside = kind.expect.forWriters {
                // The rebuilt state has not seen the disclaimer: close it and "Start here", then the notice shows on the course map.
                tmux.keys("Enter")
                #expect(tmux.waitFor("Start here", timeout: 5), "\(kind.name): \(tmux.screen())")
                tmux.keys("Enter")
                // The notice wraps: "moved" and "aside" may be on two lines.
                #expect(tmux.waitFor { $0.contains("progress.json") && $0.contains("moved") && $0.contains("aside") }, "\(kind.name): \(tmux.screen())")
            }
            // The progress review reads the answer log: open it too.
            screen = tmux.screen()
            tmux.keys("p")
            // (A log with a 10 MB line takes a while to read on a busy machine: the default wait.)
            #expect(tmux.waitFor("Progress review"), "\(kind.name): \(tmux.screen())")
            screen += tmux.screen()
            status = tmux.quit()
        }
        let (added, changed) = setup.difference()
        let label = "\(kind.name): status \(String(describing: status)), stderr \(tmux.stderr.debugDescription), added \(added), changed \(changed)"
        let lines = tmux.stderr.split(separator: "\n").map(String.init)
        #expect(tmux.terminalRestored(), "\(label)")
        switch kind.expect.forWriters {
        case .damagedCannotMove: break // mapped by forWriters
        case .refused(let message):
            #expect(status == 1 && lines.count == 1 && lines.first?.contains(message) == true, "\(label)")
            #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
        case .readOnly:
            #expect(status == 1 && lines.count == 1 && lines.first?.contains("Could not save progress") == true, "\(label)")
            #expect(changed.isEmpty && added.allSatisfy { $0 == "progress.lock" }, "\(label)")
        case .movedAside:
            #expect(status == 0 && lines.isEmpty, "\(label)")
            let asides = added.filter { $0.hasPrefix("progress.json.corrupt-") && !$0.contains("/") }
            #expect(asides.count == 1, "\(label)")
            if let aside = asides.first { #expect(setup.originalState(at: aside), "\(label)") }
            #expect(!changed.contains("progress.history.jsonl"), "\(label)")
        case .usable, .logSilent, .logWarning, .logRefused:
            #expect(status == 0 && lines.isEmpty, "\(label)")
            #expect(!screen.contains("922337203685477"), "\(label): a huge number on screen:\n\(screen)")
            #expect(added.allSatisfy { $0 == "progress.lock" }, "\(label)")
            #expect(changed.allSatisfy { $0 == "progress.json" }, "\(label)")
        }
    }

    // MARK: No state file, a bad log line

    /// `progress` and the quizzes made from the log read it twice (to rebuild the
    /// state, then for the report or the questions): the rebuild and the unreadable
    /// line are each said once.
    @Test func aMissingStateAndABadLogLineAreEachSaidOnce() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Fault.write(Array((Self.answers[0] + "\ngarbage\n" + Self.answers[1] + "\n").utf8), to: folder + "/progress.history.jsonl")
        let said = [
            "marrow: progress.json was not found; your quiz progress was rebuilt from the answer log (2 answers).",
            "marrow: progress.history.jsonl: skipped 1 unreadable line (first at line 2)",
        ]
        let arguments = ["--lessons", Fault.course, "--progress", folder + "/progress.json"]
        let r = try Fault.run(["progress"] + arguments)
        #expect(r.status == 0 && r.stdout.contains("Answers: 2, 1 right,"), "\(r.stdout)")
        #expect(r.errorLines == said)
        let review = try Fault.run(["quiz", "--plain", "--review"] + arguments, stdin: "q\n")
        #expect(review.status == 0 && review.errorLines == said, "\(review.stderr)")
    }

    // MARK: Truncated at many offsets

    /// A state file cut short anywhere is reported by `progress`, left as it is,
    /// and every answer still counts (moving it aside is `ProgressCorruptTests`' and
    /// `StateFilePropertyTests`' part).
    @Test func truncatedAtManyOffsets() throws {
        let full = Array(Self.state.utf8)
        // One cut per distinct outcome (nothing left: "is empty"; one byte, and all
        // but the closing brace: not valid JSON), plus a seeded sample of other
        // places: every prefix behaves alike, so forty launches added no information.
        var offsets = [0, 1, full.count - 2]
        var random = SplitMix64(seed: 0x7472_756E_63)
        for _ in 0..<6 { offsets.append(2 + Int(random.next() % UInt64(full.count - 4))) }
        for offset in offsets {
            let kind = Kind(name: "cut at \(offset)", expect: .movedAside(""), make: Self.stateBytes(Array(full.prefix(offset))))
            let setup = try Setup(kind)
            let r = try Self.run(["progress", "--json"], kind, setup)
            #expect(r.status == 0 && r.errorLines.count == 1 && r.stderr.contains("Nothing was changed"), "cut at \(offset): \(r.stderr)")
            #expect(Fault.totals(r.stdout)?.answered == 3, "cut at \(offset)")
            let (added, changed) = setup.difference()
            #expect(added.isEmpty && changed.isEmpty, "cut at \(offset): \(added) \(changed)")
        }
    }

    /// The disk fills up as an answer is written in the app: the line would straddle
    /// a page the tmpfs cannot give, so only part of it fits. The app says so in
    /// one line, and the log is left exactly as it was (no half line).
    @Test(.enabled(if: Fault.canMountTmpfs, "needs root and a tmpfs mount"))
    func answeringOnAFullDiskLeavesNoHalfLine() throws {
        let folder = try Fault.mountSmallTmpfs()
        defer { Fault.unmount(folder) }
        let state = folder + "/progress.json", log = folder + "/progress.history.jsonl"
        Fault.write(Array(Self.state.utf8), to: state)
        // The log ends 60 bytes before a page boundary; an answer line is longer.
        var text = Self.log
        text += String(repeating: " ", count: 4096 - 60 - text.utf8.count - 1) + "\n"
        Fault.write(Array(text.utf8), to: log)
        Fault.fill(folder)
        let before = Fault.snapshot(folder)

        let tmux = try TmuxSession(program: [Marrow.executable, "--lessons", Fault.course, "--progress", state])
        defer { tmux.close() }
        #expect(tmux.waitFor("Course map"), "\(tmux.screen())")
        // Lesson 1 is read, so the map selects lesson 2: choose lesson 1 first.
        tmux.keys("1")
        tmux.keys("t")
        #expect(tmux.waitFor("Question 1 of 2"), "\(tmux.screen())")
        tmux.keys("2")
        #expect(tmux.waitFor("▸ 2."), "\(tmux.screen())")
        tmux.keys("Enter")
        #expect(tmux.waitFor(" Could not "), "\(tmux.screen())")
        let status = tmux.quit()
        let lines = tmux.stderr.split(separator: "\n")
        #expect(status == 1 && lines.count == 1 && lines.first?.contains("No space left on device") == true, "\(String(describing: status)) \(tmux.stderr)")
        #expect(tmux.terminalRestored())
        let after = Fault.snapshot(folder)
        #expect(after["progress.history.jsonl"] == before["progress.history.jsonl"], "the log changed")
        #expect(after["progress.json"] == before["progress.json"], "the state changed")
        #expect(Set(after.keys).subtracting(before.keys).allSatisfy { $0 == "progress.lock" }, "\(Fault.changes(before, after))")
    }

    static func data(_ node: Fault.Node?) -> Data? {
        if case .file(let data, _)? = node { return data }
        return nil
    }

    private func skipFullDisk() {
        // Not root, or mounting is not permitted here: say so in the log rather than fail.
        print("CorruptProgressTests: skipped a full-disk case: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)")
    }
}
