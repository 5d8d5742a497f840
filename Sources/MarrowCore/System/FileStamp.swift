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
struct FileStamp: Sendable, Equatable {
    private let device: UInt64
    private let inode: UInt64
    private let size: Int64
    private let modifiedSeconds: Int
    private let modifiedNanoseconds: Int
    private let changedSeconds: Int
    private let changedNanoseconds: Int

    /// The stamp of the file `path` leads to (links followed); nil if there is none.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: (Int(modified.tv_sec), Int(modified.tv_nsec)), changed: (Int(changed.tv_sec), Int(changed.tv_nsec)))
    }

    private init(device: UInt64, inode: UInt64, size: Int64, modified: (Int, Int), changed: (Int, Int)) {
        self.device = device
        self.inode = inode
        self.size = size
        (modifiedSeconds, modifiedNanoseconds) = modified
        (changedSeconds, changedNanoseconds) = changed
    }
}
