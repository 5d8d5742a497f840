import Foundation
import MarrowCore
import Testing

/// Property tests of the state file and the answer log: every field of
/// `progress.json` and of each kind of log line (answer, self-grade, reset marker)
/// gets a value of every JSON kind (`StateFileGenerator.kinds`: huge, negative,
/// NaN-like, of the wrong type, missing, duplicated, deeply nested…). Whatever
/// the file holds, Marrow either works or refuses in one line, never traps, never
/// changes what it does not own, and never loses an acknowledged answer.
///
/// Every (field, kind) runs in-process against the store, which every command
/// goes through: reading (`marrow progress`), loading to write (a quiz, the app),
/// answering, saving, loading again. A small seeded sample of the same cases runs
/// through the real `marrow` binary (`aSeededSampleThroughTheBinary`).
@Suite(.timeLimit(.minutes(15))) struct StateFilePropertyTests {
    /// The valid files every case starts from, made by Marrow itself.
    struct Base: Sendable {
        /// The log: two quiz attempts, a retry, a self-grade and a reset of another course.
        let log: [[UInt8]]
        /// The state Marrow saves after them (and a lesson read, a bookmark, a place).
        let state: GenJSON
        /// The same state saved after only the log's first line, so the rest is replayed on loading.
        let earlyState: GenJSON
    }

    static func time(_ s: String) -> Date { try! Date(s, strategy: .iso8601) }

    static let base: Base = {
        func record(_ q: String, _ lesson: String, _ correct: Bool, _ attempt: String, _ total: Int, _ t: String) -> AnswerRecord {
            AnswerRecord(course: "e2e", lesson: lesson, question: q, chosen: correct ? [2] : [0], correct: correct,
                         time: time(t), attempt: attempt, attemptTotal: total, fullQuiz: true)
        }
        let q3 = record("e2e-q3", "short-lesson", true, "B1", 1, "2026-11-21T10:00:00Z")
        let log = [
            AnswerLog.line(for: record("e2e-q1", "long-lesson", true, "A1", 2, "2026-11-20T10:00:00Z")),
            AnswerLog.line(for: record("e2e-q2", "long-lesson", false, "A1", 2, "2026-11-20T10:01:00Z")),
            AnswerLog.line(for: q3),
            AnswerLog.line(for: AnswerGrade(of: q3, rating: .easy, time: time("2026-11-21T10:00:02Z"))),
            AnswerLog.line(for: record("e2e-q1", "long-lesson", true, "A2", 2, "2026-11-22T10:00:00Z")),
            AnswerLog.line(for: ResetMarker(course: "other", lesson: nil, time: time("2026-11-23T10:00:00Z"))),
        ]
        func saved(lines: Int) -> GenJSON {
            let folder = try! Marrow.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let store = ProgressStore(path: folder + "/progress.json")
            Fault.write(log.prefix(lines).flatMap { $0 }, to: store.logPath)
            var progress = try! store.load().progress
            progress[course: "e2e"].disclaimerSeen = true
            progress[course: "e2e"][lesson: "long-lesson"].finished = time("2026-11-20T09:30:00Z")
            progress[course: "e2e"][lesson: "long-lesson"].position = ReadingPosition(block: 3, offset: 7, percent: 40)
            progress[course: "e2e"][lesson: "long-lesson"].bookmarks = [ReadingPosition(block: 1, offset: 0, percent: 10)]
            progress[course: "e2e"].lastPlace = Place(lessonID: "long-lesson", position: ReadingPosition(block: 3, offset: 7, percent: 40))
            try! store.save(progress)
            let value = try! JSONDecoder().decode(JSONValue.self, from: Data(Fault.bytes(store.path)!))
            return GenJSON(value)
        }
        return Base(log: log, state: saved(lines: log.count), earlyState: saved(lines: 1))
    }()

    /// Every field of progress.json, by path (`courses.e2e.reviews.e2e-q1.prior.stability`).
    static let statePaths: [[String]] = base.state.paths

    /// The generator reaches every field Marrow writes (and says how many cases the suite runs).
    @Test func everyFieldIsReached() throws {
        let fields = Set(Self.statePaths.compactMap(\.last))
        for field in ["schemaVersion", "answerLogLength", "courses", "lessons", "lastPlace", "lessonID", "disclaimerSeen", "reviews",
                      "opened", "finished", "position", "block", "offset", "percent", "bookmarks", "attempts", "id", "started",
                      "total", "answers", "fullQuiz", "stability", "difficulty", "due", "lastReview", "reps", "lapses", "lastRating", "prior"] {
            #expect(fields.contains(field), "\(field) is never changed")
        }
        let lines = try Self.base.log.map { GenJSON(try JSONDecoder().decode(JSONValue.self, from: Data($0.dropLast()))) }
        var random = SplitMix64(seed: 0)
        let stateCases = Self.statePaths.map { StateFileGenerator.kinds(for: Self.base.state.value(at: $0), &random).count }.reduce(0, +)
        let logCases = lines.flatMap { line in line.paths.map { StateFileGenerator.kinds(for: line.value(at: $0), &random).count } }.reduce(0, +)
        print("StateFilePropertyTests: \(Self.statePaths.count) state fields, \(stateCases) cases; "
              + "\(lines.map(\.paths.count).reduce(0, +)) log-line fields, \(logCases) cases; of \(StateFileGenerator.kinds.count) kinds; 40 seeded combinations")
        // Every kind is of some shape, and every shape of value Marrow writes has kinds of its own.
        let shapes = Set(Self.statePaths.compactMap { Self.base.state.value(at: $0)?.shape })
        for shape in shapes { #expect(StateFileGenerator.kinds.contains { $0.shape == shape }, "no kind of shape \(shape)") }
    }

    // MARK: One case

    /// A fresh folder for one in-process case: in /dev/shm when there is one (a
    /// tmpfs, where the store's fsyncs cost nothing, so thousands of cases take
    /// seconds; what is checked does not depend on the disk), else the usual place.
    static func caseFolder() throws -> String {
        if access("/dev/shm", W_OK) == 0 {
            let folder = "/dev/shm/marrow-prop-\(UUID().uuidString)"
            if mkdir(folder, 0o700) == 0 { return folder }
        }
        return try Marrow.temporaryDirectory()
    }

    /// What one case did, for the sample through the binary and for messages.
    struct Outcome {
        var refused: String?
        var movedAside = false
    }

    /// Puts `state` and `log` in a fresh folder and runs every way in through the
    /// store, checking the properties; returns what loading to write did.
    @discardableResult
    static func check(state: [UInt8], log: [UInt8], label: String, answer: Bool = true) throws -> Outcome {
        let folder = try caseFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/progress.json"
        Fault.write(state, to: path)
        Fault.write(log, to: folder + "/progress.history.jsonl")
        let before = Fault.snapshot(folder)
        var outcome = Outcome()

        // Reading (marrow progress): works or refuses in one line; changes nothing.
        do {
            _ = try ProgressStore(path: path).loadForReading()
            _ = try ProgressStore(path: path).readLog()
        } catch {
            #expect(!error.description.contains("\n") && !error.description.isEmpty, "\(label): \(error)")
        }
        #expect(Fault.snapshot(folder) == before, "\(label): reading changed \(Fault.changes(before, Fault.snapshot(folder)))")

        // Loading to write (a quiz, the app, reset).
        let store = ProgressStore(path: path)
        let loaded: ProgressStore.LoadResult
        do {
            loaded = try store.load()
        } catch {
            #expect(!error.description.contains("\n"), "\(label): \(error)")
            let after = Fault.snapshot(folder)
            #expect(after.filter { $0.key != "progress.lock" } == before, "\(label): a refusal changed \(Fault.changes(before, after))")
            outcome.refused = error.description
            return outcome
        }
        let after = Fault.snapshot(folder)
        #expect(after["progress.history.jsonl"] == before["progress.history.jsonl"], "\(label): loading changed the log")
        if let aside = loaded.movedAside {
            outcome.movedAside = true
            #expect(Fault.bytes(aside) == state, "\(label): the file moved aside is not the original")
        } else {
            #expect(after["progress.json"] == before["progress.json"], "\(label): changed without being moved aside")
        }
        #expect(loaded.notices.allSatisfy { !$0.contains("\n") }, "\(label): \(loaded.notices)")
        // Read only where a check needs it: most cases neither rebuild nor answer.
        guard loaded.source != .file || answer else { return outcome }
        let logBefore = try store.readLog()
        if loaded.source != .file {
            // Rebuilt: every answer of the log is there.
            for record in logBefore.records {
                #expect(loaded.progress[course: record.course][lesson: record.lesson].attempts.first { $0.id == record.attempt }?.answers[record.question] != nil,
                        "\(label): \(record.question) of \(record.attempt) missing after a rebuild")
            }
        }
        guard answer else { return outcome }

        // Answering, saving, loading again: the answer is acknowledged only once it is kept.
        var progress = loaded.progress
        let record = AnswerRecord(course: "e2e", lesson: "long-lesson", question: "e2e-q2", chosen: [1], correct: true,
                                  time: time("2026-11-24T10:00:00Z"), attempt: "P1", attemptTotal: 2, fullQuiz: true)
        try store.record(answer: record, into: &progress)
        do {
            progress = try store.save(progress)
        } catch {
            Issue.record("\(label): saving failed: \(error)")
        }
        let again = try ProgressStore(path: path).load()
        #expect(again.progress[course: "e2e"][lesson: "long-lesson"].attempts.first { $0.id == "P1" }?.answers["e2e-q2"] == true,
                "\(label): the acknowledged answer is not in the state")
        #expect(again.progress.courses.values.allSatisfy { $0.reviews.values.allSatisfy(\.isWithinBounds) }, "\(label): a schedule out of bounds was kept")
        let logAfter = try store.readLog()
        #expect(logAfter.records.count == logBefore.records.count + 1 && logAfter.records.last == record, "\(label): the log did not gain exactly the answer")
        // The log only grew.
        let originalLog = log
        #expect(Fault.bytes(folder + "/progress.history.jsonl").map { Array($0.prefix(originalLog.count)) } == originalLog, "\(label): the log's old bytes changed")
        return outcome
    }

    // MARK: progress.json

    /// Every field of progress.json × the kinds of value that reach a distinct path
    /// there (`StateFileGenerator.kinds(for:_:)`: all of the field's own shape, null,
    /// missing and duplicated, one of each other shape, seeded per field), in-process:
    /// each is read, loaded to write and checked; a seeded third of them (a different
    /// third in each field, so every kind is answered on in many fields) also answers,
    /// saves and loads again, which costs three fsyncs.
    @Test(arguments: statePaths.map { $0.joined(separator: ".") })
    func everyStateFieldTakesEveryKind(field: String) throws {
        let path = field.split(separator: ".").map(String.init)
        let log = Self.base.log.flatMap { $0 }
        var refused = 0, moved = 0, kept = 0
        let seed = UInt64(Self.statePaths.firstIndex(of: path) ?? 0)
        var random = SplitMix64(seed: seed)
        let kinds = StateFileGenerator.kinds(for: Self.base.state.value(at: path), &random)
        for kind in kinds {
            let text = Self.base.state.mutated(at: path, kind.mutation()).text
            let outcome = try Self.check(state: Array(text.utf8), log: log, label: "\(field) = \(kind) (seed \(seed))", answer: random.next() % 3 == 0)
            if outcome.refused != nil { refused += 1 } else if outcome.movedAside { moved += 1 } else { kept += 1 }
        }
        // None may trap or lose an answer (checked above).
        #expect(refused + moved + kept == kinds.count)
    }

    /// Several fields changed at once, by a seeded generator (each seed is one case:
    /// a failure names it and repeats).
    @Test(arguments: UInt64(1)...UInt64(40))
    func seededCombinationsOfFields(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var state = Self.base.state
        var what: [String] = []
        for _ in 0..<(1 + Int(random.next() % 4)) {
            let paths = state.paths
            guard !paths.isEmpty else { break }
            let path = paths[Int(random.next() % UInt64(paths.count))]
            let kind = StateFileGenerator.kind(&random)
            state = state.mutated(at: path, kind.mutation())
            what.append("\(path.joined(separator: ".")) = \(kind)")
        }
        try Self.check(state: Array(state.text.utf8), log: Self.base.log.flatMap { $0 }, label: "seed \(seed): \(what.joined(separator: ", "))")
    }

    /// A state file as Marrow writes it now (keys sorted: `answerLogLength` first),
    /// cut short anywhere, is recognised as Marrow's own: moved aside intact, never
    /// refused as another program's file, every answer rebuilt from the log.
    @Test func aStateFileCutAnywhereIsMovedAsideIntact() throws {
        let folder = try Self.caseFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = ProgressStore(path: folder + "/progress.json")
        Fault.write(Self.base.log.flatMap { $0 }, to: store.logPath)
        try store.save(try store.load().progress)
        let full = try #require(Fault.bytes(store.path))
        #expect(full.starts(with: Array("{\n  \"answerLogLength\"".utf8)))
        for offset in stride(from: 0, to: full.count - 2, by: max(1, full.count / 40)) {
            let outcome = try Self.check(state: Array(full.prefix(offset)), log: Self.base.log.flatMap { $0 }, label: "cut at \(offset)", answer: false)
            #expect(outcome.refused == nil && outcome.movedAside, "cut at \(offset): \(String(describing: outcome.refused))")
        }
    }

    // MARK: The answer log

    /// Every field of every kind of log line × the kinds of value that reach a
    /// distinct path there (as for the state's fields, seeded per line), in-process.
    /// The state holds only the first line, so the others are replayed on loading.
    @Test(arguments: 0..<6)
    func everyLogFieldTakesEveryKind(line: Int) throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(Self.base.log[line].dropLast()))
        let original = GenJSON(value)
        let state = Array(Self.base.earlyState.text.utf8)
        var random = SplitMix64(seed: UInt64(100 + line))
        for path in original.paths {
            for kind in StateFileGenerator.kinds(for: original.value(at: path), &random) {
                var log = Self.base.log
                log[line] = Array(original.mutated(at: path, kind.mutation()).text.utf8) + [UInt8(ascii: "\n")]
                let label = "log line \(line + 1): \(path.joined(separator: ".")) = \(kind) (seed \(100 + line))"
                let outcome = try Self.check(state: state, log: log.flatMap { $0 }, label: label, answer: kind.name.hasPrefix("Int") || kind.name == "missing")
                // Damage to the log never stops Marrow: the lines that can be read still count.
                #expect(outcome.refused == nil && !outcome.movedAside, "\(label): \(String(describing: outcome.refused))")
            }
        }
    }

    // MARK: Through the binary

    /// A seeded sample of the same cases through `marrow`: `progress --json`, a
    /// plain quiz answering two questions, then `progress --json` again. Each
    /// command exits 0 or 1 (never a signal), says at most a line or two on
    /// standard error, and every answer the quiz acknowledged is counted after.
    /// Twelve state-file cases and four log cases (about 50 launches).
    @Test func aSeededSampleThroughTheBinary() throws {
        var random = SplitMix64(seed: 2026_12_03)
        var cases: [(label: String, state: [UInt8], log: [UInt8])] = []
        for _ in 0..<12 {
            let path = Self.statePaths[Int(random.next() % UInt64(Self.statePaths.count))]
            let kind = StateFileGenerator.kind(&random)
            cases.append(("\(path.joined(separator: ".")) = \(kind)", Array(Self.base.state.mutated(at: path, kind.mutation()).text.utf8), Self.base.log.flatMap { $0 }))
        }
        for _ in 0..<4 {
            let line = Int(random.next() % UInt64(Self.base.log.count))
            let original = GenJSON(try JSONDecoder().decode(JSONValue.self, from: Data(Self.base.log[line].dropLast())))
            let paths = original.paths
            let path = paths[Int(random.next() % UInt64(paths.count))]
            let kind = StateFileGenerator.kind(&random)
            var log = Self.base.log
            log[line] = Array(original.mutated(at: path, kind.mutation()).text.utf8) + [UInt8(ascii: "\n")]
            cases.append(("log line \(line + 1): \(path.joined(separator: ".")) = \(kind)", Array(Self.base.earlyState.text.utf8), log.flatMap { $0 }))
        }
        let timeLimit = { (argv: [String]) in ["/usr/bin/timeout", "-s", "KILL", "60"] + argv }
        for c in cases {
            let folder = try Marrow.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let path = folder + "/progress.json"
            Fault.write(c.state, to: path)
            Fault.write(c.log, to: folder + "/progress.history.jsonl")
            let args = ["--lessons", Fault.course, "--progress", path]
            let first = try Marrow.run(["progress", "--json"] + args, wrap: timeLimit)
            let quiz = try Marrow.run(["quiz", "--plain", "long-lesson", "--restart"] + args, stdin: "2\n\nt\n\n", wrap: timeLimit)
            let last = try Marrow.run(["progress", "--json"] + args, wrap: timeLimit)
            for (name, r) in [("progress", first), ("quiz", quiz), ("progress again", last)] {
                #expect(r.status == 0 || r.status == 1, "\(c.label): \(name) exited \(r.status): \(r.stderr)")
                #expect(r.errorLines.count <= 2 && r.errorLines.allSatisfy { $0.hasPrefix("marrow: ") }, "\(c.label): \(name): \(r.stderr)")
                if r.status == 1 { #expect(!r.errorLines.isEmpty, "\(c.label): \(name) failed without a word") }
            }
            let acks = PlainQuizOutput.acknowledged(quiz.stdout)
            if first.status == 0, let before = Fault.totals(first.stdout) {
                #expect(last.status == 0, "\(c.label): \(last.stderr)")
                #expect(Fault.totals(last.stdout)?.answered == before.answered + acks.count, "\(c.label): \(acks.count) acknowledged")
            } else {
                // Refused to read: refused to answer too, and nothing was written.
                #expect(quiz.status == 1 && acks.isEmpty, "\(c.label): \(quiz.stderr)")
                #expect(Fault.bytes(folder + "/progress.history.jsonl") == c.log, "\(c.label)")
            }
        }
    }
}
