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
    // Seconds and nanoseconds, as plain fields: a launch compares hundreds of stamps.
    private let modifiedSeconds: Int
    private let modifiedNanoseconds: Int
    private let changedSeconds: Int
    private let changedNanoseconds: Int

    /// The stamp of the file `path` leads to (links followed); nil if there is none.
    public static func of(_ path: String) -> FileStamp? {
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

    /// The stamp as one word: its seven numbers joined by ":".
    public var encoded: String {
        "\(device):\(inode):\(size):\(modifiedSeconds):\(modifiedNanoseconds):\(changedSeconds):\(changedNanoseconds)"
    }

    /// The stamp `encoded` wrote; nil for anything else.
    public init?(encoded: String) {
        self.init(encoded: Array(encoded.utf8)[...])
    }

    /// The stamp `encoded` wrote, as UTF-8 bytes; nil for anything else. (A concrete
    /// type, not a generic one: called from another module, a generic would walk the
    /// bytes through protocol witnesses, several times slower.)
    public init?(encoded: ArraySlice<UInt8>) {
        // Seven decimal numbers, parsed by hand since this runs at every launch: the
        // device and inode unsigned 64-bit (overlayfs puts its layer in an inode's top
        // bits: 19 or 20 digits), the others signed 64-bit, the fourth and later ones
        // may be negative (times before 1970).
        var (device, inode): (UInt64, UInt64) = (0, 0)
        var numbers: (Int64, Int64, Int64, Int64, Int64) = (0, 0, 0, 0, 0)
        var count = 0
        var value: UInt64 = 0, digits = 0, negative = false
        func store() -> Bool {
            if count >= 2 {
                guard value <= UInt64(Int64.max) else { return false }
                let number = negative ? -Int64(value) : Int64(value)
                switch count {
                case 2: numbers.0 = number
                case 3: numbers.1 = number
                case 4: numbers.2 = number
                case 5: numbers.3 = number
                case 6: numbers.4 = number
                default: return false
                }
            } else if count == 0 {
                device = value
            } else {
                inode = value
            }
            count += 1
            value = 0; digits = 0; negative = false
            return true
        }
        for byte in encoded {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                let (next, carry) = tens.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard digits < 20, !overflow, !carry else { return nil }
                value = next
                digits += 1
            case UInt8(ascii: "-") where digits == 0 && !negative && count >= 3:
                negative = true
            case UInt8(ascii: ":") where digits > 0:
                guard store() else { return nil }
            default:
                return nil
            }
        }
        guard digits > 0, store(), count == 7 else { return nil }
        self.init(device: device, inode: inode, size: numbers.0,
                  modified: (Int(numbers.1), Int(numbers.2)), changed: (Int(numbers.3), Int(numbers.4)))
    }

    private init(device: UInt64, inode: UInt64, size: Int64, modified: (Int, Int), changed: (Int, Int)) {
        self.device = device
        self.inode = inode
        self.size = size
        (modifiedSeconds, modifiedNanoseconds) = modified
        (changedSeconds, changedNanoseconds) = changed
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
