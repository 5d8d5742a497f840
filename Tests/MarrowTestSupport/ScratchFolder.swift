import Foundation

/// Temporary folders for tests, all inside one folder per test process that is
/// removed when the process exits, so runs leave nothing behind in the system's
/// temporary folder (a mounted tmpfs is unmounted by its test before then).
public enum ScratchFolder {
    private static let parent: String = {
        let path = NSTemporaryDirectory() + "marrow-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.parentPath) }
        return path
    }()

    /// The parent's path without creating it (for the exit handler).
    fileprivate static var parentPath: String { NSTemporaryDirectory() + "marrow-tests-\(getpid())" }

    /// A new empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> String {
        let path = parent + "/\(prefix)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
