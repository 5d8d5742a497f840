#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the loader needs, straight to POSIX: each file is read
/// once into memory, and a folder is listed once.
enum CourseFiles {
    enum ReadError: Error, Sendable {
        case failed(String)

        var reason: String {
            switch self { case .failed(let text): return text }
        }
    }

    /// The most a course file may hold. A real lesson is a few kilobytes; the
    /// cap keeps a file linked to `/dev/zero`-like sources, or one that keeps
    /// growing, from taking all memory.
    static let sizeLimit = 32 * 1024 * 1024

    /// The whole file at `path`.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        if let memory = MemoryFolders.file(path) {
            guard let bytes = memory else { throw .failed(String(cString: strerror(ENOENT))) }
            return bytes
        }
        do { return try FileIO.readFile(path, limit: sizeLimit) } catch { throw .failed(message(error)) }
    }

    /// At most the first `limit` bytes of the file at `path`, and whether that is
    /// the whole file.
    static func readHead(_ path: String, limit: Int) throws(ReadError) -> (bytes: [UInt8], isWhole: Bool) {
        // One byte past the limit tells that there is more.
        var bytes: [UInt8]
        if let memory = MemoryFolders.file(path) {
            guard let found = memory else { throw .failed(String(cString: strerror(ENOENT))) }
            bytes = Array(found.prefix(limit + 1))
        } else {
            do { bytes = try FileIO.readFile(path, upTo: min(limit, sizeLimit) + 1) } catch { throw .failed(message(error)) }
        }
        let isWhole = bytes.count <= limit
        if !isWhole { bytes.removeSubrange(limit...) }
        return (bytes, isWhole)
    }

    /// A failed read said for a lesson's diagnostic. Files are opened as the progress
    /// reader opens its own (`FileIO.readFile`): non-blocking (a FIFO in a lesson's place
    /// must not hang every command), then refused unless it is a regular file, and never
    /// more than `sizeLimit` bytes.
    private static func message(_ error: FileError) -> String {
        if let type = error.fileType, let kind = notRegular(type) { return "it is \(kind), not a file" }
        if error.code == EFBIG { return tooLarge }
        if error.operation == "open" { return openError(error.path, code: error.code) }
        return error.reason
    }

    private static var tooLarge: String { "it is larger than \(sizeLimit / (1024 * 1024)) MB, the most a course file may be" }

    /// What a file-system object that is not a regular file is, for messages; nil for a regular file.
    static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }

    /// Why `open` failed, said plainly for links that lead nowhere.
    private static func openError(_ path: String, code: Int32) -> String {
        if code == ELOOP { return "it is a symbolic link that loops" }
        var info = stat()
        if code == ENOENT, lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            return "it is a symbolic link to a missing file"
        }
        return String(cString: strerror(code))
    }

    /// Names in the folder at `path` (hidden files left out), unsorted, whatever
    /// they are: a folder, FIFO or broken link named like a lesson must be
    /// reported when it is read, not skipped.
    static func fileNames(in path: String) throws(ReadError) -> [String] {
        if let memory = MemoryFolders.files(in: path) { return Array(memory.keys) }
        guard let dir = opendir(path) else { throw .failed(lastError()) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        return names
    }

    static func exists(_ path: String) -> Bool {
        if MemoryFolders.isFolder(path) { return true }
        if let memory = MemoryFolders.file(path) { return memory != nil }
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether anything is at `path`, a link that leads nowhere included.
    static func entryExists(_ path: String) -> Bool {
        if let memory = MemoryFolders.file(path) { return memory != nil }
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is a course folder: one in memory, or a folder (or a link to one) on disk.
    static func isFolder(_ path: String) -> Bool {
        MemoryFolders.isFolder(path) || FileIO.isDirectory(path)
    }

    /// `directory/name`, without doubling a slash (and just `name` for an empty directory).
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        let slash = directory.utf8.last != UInt8(ascii: "/")
        // Made at its final size: the outline of a long course joins a path for
        // every lesson, and growing each string as it is appended to cost more
        // than listing the folder.
        var path = String()
        path.reserveCapacity(directory.utf8.count + (slash ? 1 : 0) + name.utf8.count)
        path += directory
        if slash { path += "/" }
        path += name
        return path
    }

    /// The folder's own name, for a course whose `course.yaml` cannot give one.
    static func folderName(_ directory: String) -> String {
        if MemoryFolders.isFolder(directory) { return "course" }
        var trimmed = Substring(directory)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var name = trimmed.split(separator: "/").last.map(String.init) ?? ""
        if name.isEmpty || name == "." || name == "..", let resolved = realpath(directory.isEmpty ? "." : directory, nil) {
            defer { free(resolved) }
            name = String(cString: resolved).split(separator: "/").last.map(String.init) ?? ""
        }
        return name.isEmpty ? "course" : name
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
