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
///
/// The first-screen cache (`ProgressStore.firstScreenCachePath`) keeps the stamps
/// of the files its screen was drawn from, written out as `encoded`.
public struct FileStamp: Sendable, Hashable {
    private let device: UInt64
    private let inode: UInt64
    private let size: Int64
    private let modified: [Int]
    private let changed: [Int]

    /// The stamp of the file `path` leads to (links followed); nil if there is none.
    public static func of(_ path: String) -> FileStamp? {
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

    /// The stamp as one word: its seven numbers joined by ":".
    public var encoded: String {
        "\(device):\(inode):\(size):\(modified[0]):\(modified[1]):\(changed[0]):\(changed[1])"
    }

    /// The stamp `encoded` wrote (as UTF-8 bytes); nil for anything else.
    public init?(encoded: some Collection<UInt8>) {
        // Seven decimal numbers of at most 19 digits, the third and later ones may be
        // negative (times before 1970): parsed by hand, since this runs at every launch.
        var numbers: [Int64] = []
        numbers.reserveCapacity(7)
        var value: Int64 = 0, digits = 0, negative = false
        for byte in encoded {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative && numbers.count >= 3:
                negative = true
            case UInt8(ascii: ":") where digits > 0:
                numbers.append(negative ? -value : value)
                value = 0; digits = 0; negative = false
            default:
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(negative ? -value : value)
        guard numbers.count == 7, numbers[0] >= 0, numbers[1] >= 0 else { return nil }
        self.init(device: UInt64(numbers[0]), inode: UInt64(numbers[1]), size: numbers[2],
                  modified: [Int(numbers[3]), Int(numbers[4])], changed: [Int(numbers[5]), Int(numbers[6])])
    }

    private init(device: UInt64, inode: UInt64, size: Int64, modified: [Int], changed: [Int]) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }
}

/// A path and the stamp of the file it led to when stamped (nil: there was none).
public struct StampedPath: Sendable, Hashable {
    public var path: String
    public var stamp: FileStamp?

    public init(path: String, stamp: FileStamp?) {
        self.path = path
        self.stamp = stamp
    }

    /// `path` stamped now.
    public init(_ path: String) {
        self.init(path: path, stamp: FileStamp.of(path))
    }

    /// Whether the file at `path` still has the same stamp (or is still missing).
    public var isUnchanged: Bool { FileStamp.of(path) == stamp }
}
