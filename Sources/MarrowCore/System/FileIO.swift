#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed POSIX call: what was done, on which path, and the system's reason.
struct FileError: Error, Sendable, Equatable {
    var operation: String
    var path: String
    var code: Int32
    /// For a read refused because the path is not a regular file: what it is (`S_IFDIR`, `S_IFIFO`…).
    var fileType: mode_t? = nil

    /// Whether the file was refused for its size (`readFile`'s `limit`).
    var isTooLarge: Bool { code == EFBIG }

    /// The system's wording, e.g. "Permission denied".
    var reason: String { String(cString: strerror(code)) }
}

/// What is at a path, without following a final symbolic link unless asked.
enum FileKind: Sendable, Equatable {
    case missing
    case regular(size: Int)
    case directory
    case symlink
    case other
}

/// The package's POSIX file operations, done carefully:
/// every write that must survive a crash is followed by `fsync`, and every
/// rename or creation by an `fsync` of the folder that holds it.
package enum FileIO {
    static func kind(_ path: String, followLink: Bool = false) throws(FileError) -> FileKind {
        var st = stat()
        let rc = followLink ? stat(path, &st) : lstat(path, &st)
        if rc != 0 {
            // ENOTDIR: a parent is a file, so nothing can be at this path.
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            throw FileError(operation: "inspect", path: path, code: errno)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(st.st_size))
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// The folder part of a path (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Reads a regular file (following links), the one whole-file reader of the package.
    /// Fails for folders (EISDIR) and anything else that is not a regular file (ENODEV),
    /// with its type in `FileError.fileType`, and (EFBIG) for a file larger than
    /// `limit`, counted as it is read too (a file can grow meanwhile). With `from`,
    /// reads from that byte offset to the end (nothing if the file is shorter); with
    /// `upTo`, at most that many bytes.
    static func readFile(_ path: String, limit: Int? = nil, from offset: Int = 0, upTo maximum: Int = .max) throws(FileError) -> [UInt8] {
        // O_NONBLOCK: a FIFO put in the file's place must not hang the app; it
        // changes nothing for regular files.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(operation: "inspect", path: path, code: errno) }
        let type = st.st_mode & S_IFMT
        // A device such as `/dev/zero` never ends.
        if type != S_IFREG {
            throw FileError(operation: "read", path: path, code: type == S_IFDIR ? EISDIR : ENODEV, fileType: type)
        }
        let size = Int(st.st_size)
        if let limit, size > limit { throw FileError(operation: "read", path: path, code: EFBIG) }
        if offset > 0 {
            if offset >= size { return [] }
            guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else { throw FileError(operation: "read", path: path, code: errno) }
        }
        // The most bytes to return; reading one more tells that there is more.
        let cap = min(maximum, limit ?? .max)
        let most = cap < .max ? cap + 1 : cap
        // One byte more than the file holds: reaching its end takes no extra
        // allocation. Read into memory left uninitialized (zeroing it first cost
        // as much as reading a state file before the first screen).
        var bytes: [UInt8] = []
        var filled = 0
        var chunk = min(max(size - offset, 0), cap) + 1
        var ended = false
        while filled < most, !ended {
            var failure: Int32 = 0
            let part = [UInt8](unsafeUninitializedCapacity: min(chunk, most - filled)) { buffer, count in
                while count < buffer.count {
                    let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    if n == 0 { ended = true; return }
                    count += n
                }
            }
            if failure != 0 { throw FileError(operation: "read", path: path, code: failure) }
            if bytes.isEmpty { bytes = part } else { bytes += part }
            filled = bytes.count
            chunk = max(4096, filled)
        }
        if filled > cap, let limit, limit < maximum { throw FileError(operation: "read", path: path, code: EFBIG) }
        bytes.removeSubrange(min(filled, cap)...)
        return bytes
    }

    /// Whether `path` is a folder or a link to one.
    package static func isDirectory(_ path: String) -> Bool {
        (try? kind(path, followLink: true)) == .directory
    }

    /// Creates the folder and any missing parents with mode 0700 (progress is private).
    static func makeFolders(_ path: String) throws(FileError) {
        if path.isEmpty || path == "." || path == "/" { return }
        switch try kind(path, followLink: true) {
        case .directory: return
        case .missing: break
        default: throw FileError(operation: "create the folder", path: path, code: ENOTDIR)
        }
        try makeFolders(folder(of: path))
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw FileError(operation: "create the folder", path: path, code: errno)
        }
        syncFolder(folder(of: path))
    }

    /// Makes a rename or creation in `folder` durable. Best effort: some file
    /// systems refuse `fsync` on folders, which is not an error worth reporting.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(operation: "write", path: path, code: errno)
            }
            written += n
        }
    }

    /// The prefix of the temporary files `writeAtomically` makes beside `path`.
    static func temporaryPrefix(for path: String) -> String {
        "." + fileName(of: path) + ".tmp-"
    }

    /// Replaces `path` with `bytes` so that a crash at any moment leaves either the
    /// old file or the new one: write a temporary file in the same folder, `fsync`
    /// it, rename it over `path`, then `fsync` the folder.
    ///
    /// `beforeRename` runs after the temporary file is complete; if it throws, the
    /// temporary file is left behind exactly as a crash would leave it.
    static func writeAtomically(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o600,
        beforeRename: () throws(FileError) -> Void = {}
    ) throws(FileError) {
        let folder = folder(of: path)
        let temp = folder + "/" + temporaryPrefix(for: path) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileError(operation: "create a file in", path: folder, code: errno) }
        do throws(FileError) {
            try writeAll(fd, bytes, path: temp)
            guard fsync(fd) == 0 else { throw FileError(operation: "write", path: temp, code: errno) }
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        try beforeRename()
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw FileError(operation: "replace", path: path, code: code)
        }
        syncFolder(folder)
    }

    /// Removes temporary files left by a crash in the middle of `writeAtomically`.
    /// Call only while holding the store's lock, so no writer is mid-way.
    static func removeStaleTemporaries(for path: String) {
        let folder = folder(of: path)
        let prefix = temporaryPrefix(for: path)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink(folder + "/" + name)
        }
    }

    /// Appends `bytes` with `O_APPEND` and `fsync`s. If the file does not end in a
    /// newline (a line cut short by a crash), `separator` is written first so the
    /// new line is never glued onto the torn one.
    static func append(_ bytes: [UInt8], to path: String, separatorIfTorn separator: [UInt8]) throws(FileError) {
        let created = !exists(path)
        // Read access too, to look at the last byte.
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(operation: "inspect", path: path, code: errno) }
        var out = bytes
        if st.st_size > 0 {
            var last: UInt8 = 0
            let n = pread(fd, &last, 1, st.st_size - 1)
            if n == 1 && last != UInt8(ascii: "\n") { out = separator + bytes }
        }
        do throws(FileError) {
            try writeAll(fd, out, path: path)
            guard fsync(fd) == 0 else { throw FileError(operation: "write", path: path, code: errno) }
        } catch {
            // A full disk can take part of the line: cut it off again, so a failed
            // answer leaves no half line behind (best effort; reading skips one anyway).
            if ftruncate(fd, st.st_size) == 0 { _ = fsync(fd) }
            throw error
        }
        if created { syncFolder(folder(of: path)) }
    }

    /// Copies a file's bytes to a new file (which must not exist) and `fsync`s it.
    static func copy(_ source: String, to destination: String) throws(FileError) {
        let bytes = try readFile(source)
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(operation: "create", path: destination, code: errno) }
        defer { close(fd) }
        do throws(FileError) {
            try writeAll(fd, bytes, path: destination)
            guard fsync(fd) == 0 else { throw FileError(operation: "write", path: destination, code: errno) }
        } catch {
            // No partial copy left behind (a full disk): the caller reports that nothing was done.
            unlink(destination)
            throw error
        }
    }

    static func move(_ source: String, to destination: String) throws(FileError) {
        guard rename(source, destination) == 0 else {
            throw FileError(operation: "move", path: source, code: errno)
        }
        syncFolder(folder(of: destination))
    }

    /// The target of a symbolic link that leads to a regular file, so saving
    /// replaces that file and keeps the learner's link; nil otherwise.
    static func resolvedRegularFile(_ path: String) -> String? {
        guard (try? kind(path)) == .symlink, case .regular = try? kind(path, followLink: true),
              let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes the file at `path`, best effort (for undoing what was just made).
    static func remove(_ path: String) {
        unlink(path)
    }

    /// Cuts the file at `path` back to `size` bytes, best effort (for undoing an append).
    static func shorten(_ path: String, to size: Int) {
        _ = truncate(path, off_t(size))
    }

    /// What a file-system object that is not a folder, a link or a regular file is.
    static func specialKindName(_ path: String, followLink: Bool) -> String {
        var st = stat()
        guard (followLink ? stat(path, &st) : lstat(path, &st)) == 0 else { return "not a regular file" }
        switch st.st_mode & S_IFMT {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a regular file"
        }
    }
}
