#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Keeps the learner's progress in two files side by side:
///
/// - `progress.history.jsonl` (`AnswerLog`): every answer, appended and `fsync`ed
///   the moment it is given and never rewritten. Appending is what records an
///   answer, so its cost does not grow with the number of answers or questions.
/// - `progress.json` (the path given): the state, rewritten atomically (temporary
///   file in the same folder, write, `fsync`, rename, `fsync` of the folder) when
///   the learner moves on (a lesson read, a bookmark, leaving the app or a quiz),
///   never torn by a crash. It records how much of the log it holds
///   (`answerLogLength`, bytes); loading replays the log lines after that onto
///   it (`LearnerProgress.replay`), so answers given after the last rewrite, by a
///   process killed at any moment or by another instance, are never missing.
///
/// Launching reads `progress.json` and only the log lines newer than it; the
/// whole log is read only to rebuild a missing or unusable state, for the
/// progress review, and for a lesson reset. A damaged state file of Marrow's is
/// never overwritten: it is moved aside as `progress.json.corrupt-<time>` and the
/// state is rebuilt from the log.
///
/// Two instances on one file lose no update: each save and append holds an
/// advisory lock (`flock` on `progress.lock`) and each save merges with what is on
/// disk (`LearnerProgress.merge(mine:disk:base:)`).
package final class ProgressStore: Sendable {
    /// The state file.
    package let path: String
    /// The answer log beside it.
    package var logPath: String { AnswerLog.path(forState: path) }
    /// The lock file beside it.
    package var lockPath: String { AnswerLog.lockPath(forState: path) }

    let now: @Sendable () -> Date
    let memory = Mutex(Memory())
    private let beforeReplacingState: @Sendable (String) throws(FileError) -> Void

    struct Memory {
        /// What this store last loaded from or wrote to disk: the base of the
        /// three-way merge. nil before the first load or when there was no file.
        var base: LearnerProgress?
        /// The stamp of the state file as this store last wrote it (`base` is what
        /// it holds); nil when `base` came from anywhere else.
        var written: FileStamp?
        /// The log length (bytes) the file this store last wrote records.
        var writtenLogLength = 0
        /// How much of the log (bytes) the state this store last handed out holds:
        /// saving replays the log from there. nil before a load.
        var covered: Int?
    }

    /// `now` gives the time for file names of moved-aside files, backups and reset markers.
    /// A `path` that is a symbolic link to a regular file is resolved once, here:
    /// the state, its log and its lock then all sit beside the real file, whichever
    /// name each instance was given.
    package convenience init(path: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(path: path, now: now, beforeReplacingState: { _ throws(FileError) in })
    }

    /// `beforeReplacingState` runs once the new state file is complete, just before it
    /// replaces the old one (its argument is the file to replace); if it throws, the save
    /// fails and the temporary file stays, exactly as a crash (kill -9) at that moment
    /// would leave it. Tests use it to stand in for that crash.
    init(path: String, now: @escaping @Sendable () -> Date = { Date() },
         beforeReplacingState: @escaping @Sendable (String) throws(FileError) -> Void) {
        self.path = StateFileCheck.resolvingLink(path)
        self.now = now
        self.beforeReplacingState = beforeReplacingState
    }

    /// The store at the resolved default location (see `ProgressLocation`).
    package convenience init(explicitPath: String?, environment: [String: String]) throws(ProgressLocation.Unresolved) {
        self.init(path: try ProgressLocation.resolve(explicit: explicitPath, environment: environment))
    }

    // MARK: Loading

    /// The outcome of `load()`.
    package struct LoadResult: Sendable {
        package enum Source: Sendable, Equatable {
            /// Read from the state file.
            case file
            /// No state file and no answers in the log: a fresh start.
            case fresh
            /// Rebuilt from the answer log (no state file, or an unusable one moved aside).
            case rebuiltFromLog
        }

        package var progress: LearnerProgress
        /// Lines for the learner: a file moved aside, a rebuild, skipped log lines.
        package var notices: [String]
        package var source: Source
        /// Where an unusable state file was moved, if it was.
        package var movedAside: String?
        /// The schema the file had if it was converted (`Migrations`).
        package var migratedFrom: Int?
    }

    /// Reads the state. Missing: rebuilt from the log (fresh if there is none).
    /// Marrow's own state gone bad (empty, cut short, wrong types, not UTF-8):
    /// moved aside with its bytes intact and rebuilt from the log, with one notice;
    /// if it cannot be moved aside, throws and changes nothing. Anything that is not
    /// Marrow's state (a folder, a device, a FIFO, a link to one, the answer log,
    /// another program's file), an unreadable file and a newer schema: throws and
    /// touches nothing.
    package func load() throws(ProgressStoreError) -> LoadResult {
        try load(readOnly: false)
    }

    /// A usable state file as loaded: the log lines newer than it replayed onto it,
    /// schedules out of bounds repaired. With `keepBase`, it becomes this store's
    /// base for merging (what is on disk) and the replayed log its starting point.
    private func loaded(_ file: LearnerProgress, migratedFrom: Int?, keepBase: Bool) -> LoadResult {
        var progress = file
        let fileLength = Self.takeLogLength(&progress)
        if keepBase { setBase(progress) }
        // Repaired first, so an absurd schedule is rebuilt from the whole log rather than moved on.
        let notices = repairReviews(&progress)
        let covered = catchUp(&progress, from: fileLength ?? 0)
        if keepBase { memory.withLock { $0.covered = covered } }
        return LoadResult(progress: progress, notices: notices, source: .file, migratedFrom: migratedFrom)
    }

    /// `load()` for commands that only read (`marrow progress`): changes nothing,
    /// takes no lock. Marrow's own state gone bad is reported in one notice and the
    /// state is read from the answer log instead; the file stays where it is for
    /// the next command that writes to move aside.
    package func loadForReading() throws(ProgressStoreError) -> LoadResult {
        try load(readOnly: true)
    }

    private func load(readOnly: Bool) throws(ProgressStoreError) -> LoadResult {
        switch try settle(readState(), keepBase: !readOnly) {
        case let .done(result):
            return result
        case let .unusable(problem):
            return readOnly ? reportUnusable(problem) : try recoverUnusable(problem: problem)
        }
    }

    /// What reading the state file comes to: a result, an error thrown, or a
    /// damaged file that the caller decides about (report it, or move it aside).
    private enum Settled { case done(LoadResult), unusable(String) }

    private func settle(_ read: StateRead, keepBase: Bool) throws(ProgressStoreError) -> Settled {
        switch read {
        case let .usable(progress, migratedFrom):
            return .done(loaded(progress, migratedFrom: migratedFrom, keepBase: keepBase))
        case let .newer(version):
            throw .newerSchema(file: path, found: version, supported: LearnerProgress.currentSchemaVersion)
        case let .foreign(problem, suggestion):
            throw .notAStateFile(file: path, problem: problem, suggestion: suggestion)
        case .missing:
            return .done(rebuildMissing())
        case let .unusable(problem):
            return .unusable(problem)
        }
    }

    /// Marrow's own state gone bad, for a command that only reads: said in one
    /// notice, the progress read from the answer log, the file left where it is.
    private func reportUnusable(_ problem: String) -> LoadResult {
        let (log, logNotice) = readLogForRebuild()
        let read = log.records.isEmpty
            ? "the answer log has no answers"
            : "your quiz progress was read from the answer log (\(Wording.count(log.records.count, "answer")))"
        var notices = ["\(FileIO.fileName(of: path)) \(problem); \(read). Nothing was changed: the next quiz or the app moves the damaged file aside."]
        notices += [logNotice, log.warning].compactMap { $0 }
        return LoadResult(progress: LearnerProgress.rebuild(from: log.records), notices: notices, source: .rebuiltFromLog)
    }

    private func rebuildMissing() -> LoadResult {
        setBase(nil)
        let length = logLength()
        memory.withLock { $0.covered = length }
        let (log, logNotice) = readLogForRebuild()
        guard !log.records.isEmpty else {
            return LoadResult(progress: LearnerProgress(), notices: [logNotice, log.warning].compactMap { $0 }, source: .fresh)
        }
        let progress = LearnerProgress.rebuild(from: log.records)
        let notice = "\(FileIO.fileName(of: path)) was not found; your quiz progress was rebuilt from the answer log (\(Wording.count(log.records.count, "answer")))."
        return LoadResult(progress: progress, notices: [notice, log.warning].compactMap { $0 }, source: .rebuiltFromLog)
    }

    /// Moves the unusable file aside under the lock, rebuilds from the log and
    /// writes the rebuilt state so the next launch does not rebuild again.
    private func recoverUnusable(problem: String) throws(ProgressStoreError) -> LoadResult {
        return try underLock(failure: { .unusableNotMoved(file: path, problem: problem, reason: $0) }) { () throws(ProgressStoreError) -> LoadResult in
                // Another instance may have dealt with it while we waited for the lock.
                let problem: String
                switch try settle(readState(), keepBase: true) {
                case let .done(result):
                    return result
                case let .unusable(p):
                    problem = p
                }
                let aside = uniqueName(path + ".corrupt-" + stamp())
                do throws(FileError) { try FileIO.move(path, to: aside) } catch {
                    throw .unusableNotMoved(file: path, problem: problem, reason: error.sentence)
                }
                setBase(nil)
                let length = logLength()
                let (log, logNotice) = readLogForRebuild()
                var progress = LearnerProgress.rebuild(from: log.records)
                let rebuilt = log.records.isEmpty
                    ? "a fresh start was made (the answer log has no answers)"
                    : "your quiz progress was rebuilt from the answer log (\(Wording.count(log.records.count, "answer")))"
                var saved = ""
                do throws(ProgressStoreError) {
                    progress = try writeLocked(progress, logLength: length)
                } catch {
                    // Still one notice: nothing is lost, the next launch rebuilds again.
                    saved = ", but could not be saved yet (\(error.reason))"
                }
                // What happened and what it means come first: on a narrow screen the long path is what gets cut.
                var notices = ["\(FileIO.fileName(of: path)) \(problem); \(rebuilt)\(saved). The damaged file was moved aside to \(aside)."]
                notices += [logNotice, log.warning].compactMap { $0 }
                return LoadResult(progress: progress, notices: notices, source: .rebuiltFromLog, movedAside: aside)
            }
    }

    /// Rebuilds from the log (or drops) every review schedule out of bounds
    /// (`ReviewState.isWithinBounds`); one notice if there was any. The log is read
    /// only when one is found.
    private func repairReviews(_ progress: inout LearnerProgress) -> [String] {
        let (rebuilt, removed) = progress.repairReviews(from: { (try? readLog().records) ?? [] })
        guard rebuilt + removed > 0 else { return [] }
        var done: [String] = []
        if rebuilt > 0 { done.append("\(rebuilt) rebuilt from the answer log") }
        if removed > 0 { done.append("\(removed) started afresh (the log has no answers to them)") }
        return ["\(FileIO.fileName(of: path)) held \(Wording.count(rebuilt + removed, "review schedule")) no answer could give (a count, stability or difficulty out of range): \(done.joined(separator: ", "))."]
    }

    /// The log for a rebuild; an unreadable log gives no records and a notice.
    private func readLogForRebuild() -> (LogReadResult, String?) {
        do {
            return (try readLog(), nil)
        } catch {
            return (LogReadResult(), error.description)
        }
    }

    // MARK: Saving

    /// The outcome of `saveReporting(_:)`.
    package struct SaveResult: Sendable {
        /// The merged state actually written (as read back: dates to the second).
        package var progress: LearnerProgress
        /// A line for the learner if an unusable file on disk was moved aside.
        package var notices: [String]
    }

    /// Writes `progress` merged with what is on disk, atomically, under the lock,
    /// creating the folder (0700) if needed. Returns the state written; keep
    /// using that one. Independent of the log's length.
    @discardableResult
    package func save(_ progress: LearnerProgress) throws(ProgressStoreError) -> LearnerProgress {
        try saveReporting(progress).progress
    }

    /// `save(_:)`, also telling whether an unusable file found on disk was moved aside.
    package func saveReporting(_ progress: LearnerProgress) throws(ProgressStoreError) -> SaveResult {
        try refuseForeign()
        do { try FileIO.makeFolders(FileIO.folder(of: path)) } catch {
            throw .cannotSave(file: path, reason: error.sentence)
        }
        return try underLock(failure: { .cannotSave(file: path, reason: $0) }) { () throws(ProgressStoreError) -> SaveResult in
                var notices: [String] = []
                var merged = progress
                // How much of the log the file on disk holds; nil when there is no usable file.
                var diskLength: Int?
                // The file as this store wrote it: merge with that without reading it again.
                let state: StateRead
                if let unchanged = memory.withLock({ memory in memory.written.flatMap { $0 == FileStamp.of(path) ? memory.base : nil } }) {
                    state = .usable(unchanged, migratedFrom: nil)
                    diskLength = memory.withLock { $0.writtenLogLength }
                } else {
                    state = try readState()
                }
                switch state {
                case .usable(var disk, _):
                    if let length = Self.takeLogLength(&disk) { diskLength = length } else if diskLength == nil { diskLength = 0 }
                    merged = LearnerProgress.merge(mine: progress, disk: disk, base: memory.withLock { $0.base })
                case let .newer(version):
                    throw .newerSchema(file: path, found: version, supported: LearnerProgress.currentSchemaVersion)
                case let .foreign(problem, suggestion):
                    throw .notAStateFile(file: path, problem: problem, suggestion: suggestion)
                case .missing:
                    break
                case let .unusable(problem):
                    let aside = uniqueName(path + ".corrupt-" + stamp())
                    do throws(FileError) { try FileIO.move(path, to: aside) } catch {
                        throw .cannotSave(file: path, reason: "it \(problem) and could not be moved aside: \(error.sentence)")
                    }
                    notices.append("\(FileIO.fileName(of: path)) \(problem); it was replaced by the current progress. The damaged file was moved aside to \(aside).")
                }
                // Both sides hold the log up to where each says; replay from the
                // earlier of the two (what either holds already changes nothing).
                // A store that never loaded takes its state to hold what the file does.
                let mine = memory.withLock { $0.covered }
                let start = min(mine ?? diskLength ?? logLength(), diskLength ?? mine ?? logLength())
                let covered = catchUp(&merged, from: start)
                notices += repairReviews(&merged)
                return SaveResult(progress: try writeLocked(merged, logLength: covered), notices: notices)
            }
    }

    /// Throws when the path leads to something that is not Marrow's state, before
    /// a lock file is made beside it (unless the file is still as this store wrote it).
    private func refuseForeign() throws(ProgressStoreError) {
        if let written = memory.withLock({ $0.written }), written == FileStamp.of(path) { return }
        // The usual case, cheaply: a regular file that starts like Marrow's state.
        if case .regular? = try? FileIO.kind(path), StateFileCheck.companionProblem(path) == nil,
           let start = try? FileIO.readFile(path, limit: nil, upTo: 64 << 10), StateFileCheck.startsLikeState(start) { return }
        if case let .foreign(problem, suggestion) = try readState() {
            throw .notAStateFile(file: path, problem: problem, suggestion: suggestion)
        }
    }

    /// Writes the state atomically (lock held), recording that it holds the first
    /// `logLength` bytes of the log. Returns it as read back.
    func writeLocked(_ progress: LearnerProgress, logLength: Int) throws(ProgressStoreError) -> LearnerProgress {
        var state = progress.normalized()
        state.schemaVersion = LearnerProgress.currentSchemaVersion
        state.unknownFields[Self.logLengthKey] = .number(Double(logLength))
        let bytes: [UInt8]
        var written: LearnerProgress
        do {
            bytes = Array(try ProgressJSON.stateEncoder().encode(state)) + [UInt8(ascii: "\n")]
            written = try ProgressJSON.decoder().decode(LearnerProgress.self, from: Data(bytes))
            _ = Self.takeLogLength(&written)
        } catch {
            throw .cannotSave(file: path, reason: "the state could not be encoded (\(error))")
        }
        // Keep a link to a regular file a link: replace the file it leads to.
        let target = FileIO.resolvedRegularFile(path) ?? path
        FileIO.removeStaleTemporaries(for: target)
        do {
            try FileIO.writeAtomically(bytes, to: target) { () throws(FileError) in try beforeReplacingState(target) }
        } catch {
            throw .cannotSave(file: path, reason: error.sentence)
        }
        setBase(written)
        let stamp = FileStamp.of(path)
        memory.withLock {
            $0.written = stamp
            $0.writtenLogLength = logLength
            $0.covered = logLength
        }
        return written
    }

    // MARK: The log length the state holds

    /// The top-level field of `progress.json` saying how many bytes of the log the
    /// state holds. Kept out of `LearnerProgress` (it describes the file, not the learner).
    static let logLengthKey = "answerLogLength"

    /// Removes the log length from a state read from the file and returns it
    /// (nil when absent, as in files of older versions, or not a whole number).
    static func takeLogLength(_ progress: inout LearnerProgress) -> Int? {
        guard case .number(let n)? = progress.unknownFields.removeValue(forKey: logLengthKey),
              n.isFinite, n >= 0, n < 1e15, n == n.rounded() else { return nil }
        return Int(n)
    }

    /// The log's length in bytes now (0 if it is missing or not a regular file).
    func logLength() -> Int {
        if case .regular(let size)? = try? FileIO.kind(logPath, followLink: true) { return size }
        return 0
    }

    /// Replays onto `progress` the log lines from byte `start` to the last complete
    /// line (a line being appended at that moment is left for next time); returns
    /// how far the state now holds the log. A log shorter than `start` was replaced:
    /// all of it is replayed. An unreadable log changes nothing.
    func catchUp(_ progress: inout LearnerProgress, from start: Int) -> Int {
        let size = logLength()
        if size == start { return start }
        let from = size < start ? 0 : start
        guard let bytes = try? FileIO.readFile(logPath, from: from),
              let lastNewline = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return from }
        let lines = Array(bytes[...lastNewline])
        let replayed = AnswerLog.parse(lines, fileName: FileIO.fileName(of: logPath))
        progress.replay(replayed)
        // An undo (rare) puts a schedule back exactly only from the whole log.
        if !replayed.undos.isEmpty, let log = try? readLog() { rebuildSchedules(of: replayed.undos, in: &progress, from: log) }
        return from + lines.count
    }

    // MARK: The answer log

    /// Appends one answer to the log and `fsync`s it (under the lock), creating
    /// the folder (0700) if needed.
    package func append(_ record: AnswerRecord) throws(ProgressStoreError) {
        try appendLine(AnswerLog.line(for: record))
    }

    private func appendLine(_ line: [UInt8]) throws(ProgressStoreError) {
        do { try FileIO.makeFolders(FileIO.folder(of: logPath)) } catch {
            throw .cannotAppend(file: logPath, reason: error.sentence)
        }
        try underLock(failure: { .cannotAppend(file: logPath, reason: $0) }) { () throws(ProgressStoreError) in
                try appendLocked(line)
            }
    }

    func appendLocked(_ line: [UInt8]) throws(ProgressStoreError) {
        // Only a regular file (or a link to one) keeps answers: a link to /dev/null
        // would swallow them, a FIFO could block, a folder cannot be written.
        switch try? FileIO.kind(logPath, followLink: true) {
        case .directory: throw .cannotAppend(file: logPath, reason: "it is a folder, not a file")
        case .other: throw .cannotAppend(file: logPath, reason: "it is not a regular file")
        default: break
        }
        let separator = Array(("\n" + AnswerLog.tornMarker + "\n").utf8)
        do { try FileIO.append(line, to: logPath, separatorIfTorn: separator) } catch {
            throw .cannotAppend(file: logPath, reason: error.sentence)
        }
    }

    /// Appends a self-grade line (hard or easy after a right answer) to the log.
    package func append(_ grade: AnswerGrade) throws(ProgressStoreError) {
        try appendLine(AnswerLog.line(for: grade))
    }

    /// Records an answer: appends it to the log (the record of the answer: once
    /// this returns, a crash loses nothing), then applies it to `progress` (attempt
    /// and FSRS review schedule, with `fsrs`: pass the course's desired retention).
    /// The state file is not rewritten: call `save` when the learner moves on
    /// (end of the quiz, leaving the app); until then loading replays the answer
    /// from the log. The cost does not grow with the number of answers.
    package func record(answer: AnswerRecord, into progress: inout LearnerProgress, fsrs: FSRS = FSRS()) throws(ProgressStoreError) {
        try append(answer)
        progress.apply(answer, fsrs: fsrs)
    }

    /// Records the learner's self-grade of a right answer (`AnswerGrade`): appends
    /// the grade line (the log stays append-only) and re-rates the question's latest
    /// review in `progress` (not saved, as `record`). When the schedule in
    /// `progress` cannot be re-rated in place (no prior state kept), it is rebuilt
    /// from the log.
    package func regrade(_ grade: AnswerGrade, into progress: inout LearnerProgress, fsrs: FSRS = FSRS()) throws(ProgressStoreError) {
        try append(grade)
        if !progress.apply(grade, fsrs: fsrs) {
            let records = try readLog().records.filter { $0.course == grade.course && $0.question == grade.question }
            if let state = ReviewSchedule.state(of: records, fsrs: fsrs) {
                progress[course: grade.course].reviews[grade.question] = state
            }
        }
    }

    /// Takes back the learner's last answer (`AnswerUndo`): appends the undo line
    /// (the log stays append-only), then takes the answer out of `progress` (not
    /// saved, as `record`) and sets the question's schedule to what the log now
    /// gives (the state keeps only one review back; an undo is rare enough to
    /// read the log for).
    package func undo(_ undo: AnswerUndo, into progress: inout LearnerProgress, fsrs: FSRS = FSRS()) throws(ProgressStoreError) {
        try append(undo)
        progress.apply(undo)
        rebuildSchedules(of: [undo], in: &progress, from: try readLog(), fsrs: fsrs)
    }

    /// Appends an undo line to the log.
    package func append(_ undo: AnswerUndo) throws(ProgressStoreError) {
        try appendLine(AnswerLog.line(for: undo))
    }

    /// Sets what the undone answers touched to what the log gives: each question's
    /// schedule, and its attempt (an answer taken back may have replaced an
    /// earlier one to the same question, which counts again; an attempt left
    /// with no answers goes).
    private func rebuildSchedules(of undos: [AnswerUndo], in progress: inout LearnerProgress, from log: LogReadResult, fsrs: FSRS = FSRS()) {
        for undo in undos {
            let records = log.records.filter { $0.course == undo.course && $0.question == undo.question }
            progress[course: undo.course].reviews[undo.question] = ReviewSchedule.state(of: records, fsrs: fsrs)
            let attemptRecords = log.records.filter { $0.course == undo.course && $0.lesson == undo.lesson && $0.attempt == undo.attempt }
            guard progress.courses[undo.course]?.lessons[undo.lesson] != nil else { continue }
            let rebuilt = LearnerProgress.rebuild(from: attemptRecords)[course: undo.course][lesson: undo.lesson].attempts.first
            var attempts = progress[course: undo.course][lesson: undo.lesson].attempts
            attempts.removeAll { $0.id == undo.attempt }
            if let rebuilt { attempts.append(rebuilt) }
            progress[course: undo.course][lesson: undo.lesson].attempts = attempts.sorted(by: QuizAttempt.chronological)
        }
    }

    /// Reads the whole log (no lock needed: a line being appended at that moment
    /// reads as a torn last line and is skipped). A missing log is empty.
    package func readLog() throws(ProgressStoreError) -> LogReadResult {
        let bytes: [UInt8]
        let kind: FileKind
        do { kind = try FileIO.kind(logPath, followLink: true) } catch {
            throw .cannotReadLog(file: logPath, reason: error.reason)
        }
        switch kind {
        case .missing: return LogReadResult()
        case .directory: throw .cannotReadLog(file: logPath, reason: "it is a folder, not a file")
        case .other: throw .cannotReadLog(file: logPath, reason: "it is not a regular file")
        case .regular, .symlink: break
        }
        do { bytes = try FileIO.readFile(logPath) } catch {
            throw .cannotReadLog(file: logPath, reason: error.reason)
        }
        return AnswerLog.parse(bytes, fileName: FileIO.fileName(of: logPath))
    }

    // MARK: Helpers

    private func setBase(_ progress: LearnerProgress?) {
        memory.withLock {
            $0.base = progress
            $0.written = nil
        }
    }

    /// `20261126T235959Z`.
    func stamp(_ date: Date? = nil) -> String {
        let style = Date.ISO8601FormatStyle(dateSeparator: .omitted, dateTimeSeparator: .standard,
                                            timeSeparator: .omitted, timeZone: TimeZone(secondsFromGMT: 0)!)
        return (date ?? now()).formatted(style)
    }

    /// `name`, or `name-2`, `name-3`… if taken.
    private func uniqueName(_ name: String) -> String {
        var candidate = name
        var n = 2
        while FileIO.exists(candidate) {
            candidate = name + "-\(n)"
            n += 1
        }
        return candidate
    }
}
