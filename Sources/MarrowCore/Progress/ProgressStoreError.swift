/// Why the progress store could not do what was asked. Every case reads as one
/// line the learner can act on (`description`).
package enum ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The state file has a schema newer than this Marrow reads. Nothing was touched.
    case newerSchema(file: String, found: Int, supported: Int)
    /// The path leads to something that is not Marrow's state file (a folder, a
    /// device, the answer log, another program's file). Nothing was changed.
    case notAStateFile(file: String, problem: String, suggestion: String)
    /// The state file cannot be used and could not be moved aside. Nothing was changed.
    case unusableNotMoved(file: String, problem: String, reason: String)
    /// The state file's location cannot be inspected (e.g. a folder without search permission).
    case cannotRead(file: String, reason: String)
    /// The state could not be written (e.g. a read-only folder). The old file is intact.
    case cannotSave(file: String, reason: String)
    /// An answer could not be added to the log.
    case cannotAppend(file: String, reason: String)
    /// The answer log exists but cannot be read.
    case cannotReadLog(file: String, reason: String)
    /// A reset could not be done. Nothing was removed.
    case cannotReset(file: String, reason: String)

    package var description: String {
        switch self {
        case let .newerSchema(file, found, supported):
            return "\(FileIO.fileName(of: file)) was written by a newer version of Marrow (schema \(found); this one reads \(supported)). Update Marrow; nothing was changed."
        case let .notAStateFile(file, problem, suggestion):
            return "--progress wants a file such as \(Sanitizer.visible(suggestion)); \(Sanitizer.visible(file)) \(problem). Nothing was changed."
        case let .unusableNotMoved(file, problem, reason):
            return "\(file) \(problem) and could not be moved aside (\(reason)); nothing was changed. Move or remove it, or choose another file with --progress."
        case let .cannotRead(file, reason):
            return "Cannot read progress at \(file): \(reason); nothing was changed."
        case let .cannotSave(file, reason):
            // The reason first: in the app's status line the long path is what gets cut.
            return "Could not save progress: \(reason). The previous file is unchanged: \(file)."
        case let .cannotAppend(file, reason):
            return "Could not record the answer in \(file): \(reason)."
        case let .cannotReadLog(file, reason):
            return "Cannot read the answer log \(file): \(reason)."
        case let .cannotReset(file, reason):
            return "Could not reset progress in \(file): \(reason); nothing was removed."
        }
    }
}

extension ProgressStoreError {
    /// The reason alone, without the file's name, to nest in another message.
    var reason: String {
        switch self {
        case .newerSchema, .unusableNotMoved, .notAStateFile: return description
        case let .cannotRead(_, reason), let .cannotSave(_, reason), let .cannotAppend(_, reason),
             let .cannotReadLog(_, reason), let .cannotReset(_, reason):
            return reason
        }
    }
}

extension FileError {
    /// e.g. "cannot create a file in /data/marrow (Read-only file system)".
    var sentence: String { "cannot \(operation) \(path) (\(reason))" }
}

extension LockError {
    /// The reason to nest in a `ProgressStoreError`.
    var sentence: String {
        switch self {
        case let .cannotOpen(error), let .failed(error): return error.sentence
        // A lock given up on (`LockWaiting`): say who holds it, not "Resource temporarily unavailable".
        case let .busy(path): return "another Marrow is using this progress file (it holds \(path))"
        }
    }
}
