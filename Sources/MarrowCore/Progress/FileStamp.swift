#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path leads to and when it last changed: device, inode, size, and
/// change and modification times. `ProgressStore` keeps the stamp of the state file
/// it has just written, and while the file still has that stamp, the next save
/// merges with what it wrote instead of reading and decoding the file again.
///
/// Another Marrow always replaces the file (a new inode), so its writes always
/// change the stamp. An in-place edit by some other program that keeps the size
/// and lands within the file system's clock tick of Marrow's own write could go
/// unseen; nothing in Marrow edits the file in place.
struct FileStamp: Sendable, Hashable {
    private let device: UInt64
    private let inode: UInt64
    private let size: Int64
    private let modified: [Int]
    private let changed: [Int]

    /// The stamp of the file `path` leads to (links followed); nil if there is none.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
        let changed = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
        #else
        let modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        let changed = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        #endif
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: modified, changed: changed)
    }
}
