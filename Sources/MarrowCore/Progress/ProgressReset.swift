#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressStore {
    /// Resets a course (`lesson` nil) or one lesson of it, for `marrow reset`.
    ///
    /// First copies the state file and the log to `progress.json.backup-<time>` and
    /// `progress.history.jsonl.backup-<time>` (same `<time>`; the log's only if it
    /// exists; the state's always, holding the state as loaded if there was no
    /// file). Then appends a reset marker to the log, so the answers above it in
    /// that scope no longer count (the log is never rewritten), and removes the
    /// course or lesson from the state: for a lesson, its entry, the reviews of
    /// questions it has answers for, and `lastPlace` if it pointed there. Other
    /// lessons are left as they were. Returns the state backup's path.
    ///
    /// Afterwards call `load()` again rather than saving an older copy: that copy
    /// still holds what was removed, and saving it would count as adding it back.
    @discardableResult
    package func reset(course: String, lesson: String?) throws(ProgressStoreError) -> String {
        let loaded = try load()
        var removedQuestions: Set<String> = []
        if let lesson {
            removedQuestions = Set(try readLog().records.filter { $0.course == course && $0.lesson == lesson }.map(\.question))
        }
        do { try FileIO.makeFolders(FileIO.folder(of: path)) } catch {
            throw .cannotReset(file: path, reason: error.sentence)
        }
        return try underLock(failure: { .cannotReset(file: path, reason: $0) }) { () throws(ProgressStoreError) -> String in
                let time = now()
                var suffix = ".backup-" + stamp(time)
                var n = 2
                let base = suffix
                while FileIO.exists(path + suffix) || FileIO.exists(logPath + suffix) {
                    suffix = base + "-\(n)"
                    n += 1
                }
                let stateBackup = path + suffix
                var current = loaded.progress
                // How much of the log `current` holds.
                var from = memory.withLock { $0.covered } ?? 0
                // A reset that fails leaves nothing behind: no backups, no marker.
                let removeBackups = { FileIO.remove(stateBackup); FileIO.remove(self.logPath + suffix) }
                do {
                    if case .usable(var disk, _) = try readState() {
                        from = Self.takeLogLength(&disk) ?? 0
                        current = disk
                        try FileIO.copy(path, to: stateBackup)
                    } else {
                        let bytes = Array(try ProgressJSON.stateEncoder().encode(current))
                        try FileIO.writeAtomically(bytes, to: stateBackup)
                    }
                    if case .regular = try FileIO.kind(logPath, followLink: true) {
                        try FileIO.copy(logPath, to: logPath + suffix)
                    }
                } catch let error as FileError {
                    removeBackups()
                    throw .cannotReset(file: path, reason: "the backup could not be made: \(error.sentence)")
                } catch let error as ProgressStoreError {
                    removeBackups()
                    throw error
                } catch {
                    removeBackups()
                    throw .cannotReset(file: path, reason: "the backup could not be made: \(error)")
                }
                // Answers given since the state file was written count until the reset too.
                _ = catchUp(&current, from: from)
                if let lesson {
                    current.courses[course]?.lessons[lesson] = nil
                    for question in removedQuestions { current.courses[course]?.reviews[question] = nil }
                    if current.courses[course]?.lastPlace?.lessonID == lesson { current.courses[course]?.lastPlace = nil }
                } else {
                    current.courses[course] = nil
                }
                let logSize: Int? = if case .regular(let size) = try? FileIO.kind(logPath, followLink: true) { size } else { nil }
                do throws(ProgressStoreError) {
                    try appendLocked(AnswerLog.line(for: ResetMarker(course: course, lesson: lesson, time: time)))
                } catch {
                    removeBackups()
                    throw .cannotReset(file: path, reason: error.reason)
                }
                do throws(ProgressStoreError) {
                    // The state holds the whole log, the marker included (the lock is held).
                    _ = try writeLocked(current, logLength: logLength())
                } catch {
                    // Take the marker back (the lock is held, nothing was appended since),
                    // so the answers still count as the unchanged state says.
                    if let logSize { FileIO.shorten(logPath, to: logSize) } else { FileIO.remove(logPath) }
                    removeBackups()
                    throw .cannotReset(file: path, reason: error.reason)
                }
                return stateBackup
            }
    }
}
