import Synchronization

/// Course folders held in memory rather than on disk: the course built into the
/// executable is one. `CourseFiles` looks here before the file system, so a course in
/// memory goes through the same loader, the same checks and the same messages as a
/// folder, its files named `<folder>/<file>` in diagnostics.
package enum MemoryFolders {
    /// The folder name under which the executable registers its built-in course.
    package static let builtInName = "(built in)"

    private static let folders = Mutex<[String: [String: [UInt8]]]>([:])

    /// Makes `files` (file name to bytes) readable as the folder `name`.
    package static func register(_ name: String, files: [(name: String, bytes: [UInt8])]) {
        var table: [String: [UInt8]] = [:]
        for file in files { table[file.name] = file.bytes }
        folders.withLock { $0[name] = table }
    }

    /// The files of the folder `name`, or nil when no folder of that name is in memory.
    package static func files(in name: String) -> [String: [UInt8]]? {
        folders.withLock { $0[trimmed(name)] }
    }

    /// Whether `path` names a folder held in memory.
    package static func isFolder(_ path: String) -> Bool { files(in: path) != nil }

    /// The bytes of `path` when it is `folder/file` of a folder in memory: `.some(nil)`
    /// when the folder is in memory but has no such file, nil when it is not in memory.
    static func file(_ path: String) -> [UInt8]?? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        guard let folder = files(in: String(path[..<slash])) else { return nil }
        return .some(folder[String(path[path.index(after: slash)...])])
    }

    private static func trimmed(_ name: String) -> String {
        var name = Substring(name)
        while name.count > 1, name.hasSuffix("/") { name.removeLast() }
        return String(name)
    }
}
