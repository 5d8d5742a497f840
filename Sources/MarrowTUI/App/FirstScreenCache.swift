#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The first screen as the last session left it, kept beside the state file
/// (`ProgressStore.firstScreenCachePath`) so that the next launch draws it without
/// reading the course or the progress: one small file and a few `stat` calls.
///
/// The cached screen is exactly what `FirstScreen` would draw, and is used only
/// while nothing it was drawn from has changed: the `marrow` binary, the course
/// folder's listing, `course.yaml`, each lesson file whose front matter was read,
/// the state file (each by `FileStamp`: device, inode, size, change and
/// modification times), the size of the terminal, --no-color and the notices
/// shown before loading. Like `FirstScreen`'s own screen it is only ever drawn:
/// the app loads the course and the progress in full, draws again and only then
/// handles a key, so a screen that is somehow stale (a file edited in place within
/// the file system's clock tick, keeping its size) shows for a few milliseconds
/// and nothing is ever done from it.
///
/// The file is text: a header, the key, the stamps, then the screen as runs of
/// styled text. Its text goes back through `ScreenBuffer.put` (which drops every
/// terminal control), and a file that does not read back exactly is ignored.
public enum FirstScreenCache {
    static let header = "marrow first screen 1"

    /// What the screen depends on besides files.
    public struct Key: Sendable, Equatable {
        public var lessonsDirectory: String
        public var progressPath: String
        public var monochrome: Bool
        /// Notices known before loading (a locale that is not UTF-8).
        public var notices: [String]

        public init(lessonsDirectory: String, progressPath: String, monochrome: Bool, notices: [String]) {
            self.lessonsDirectory = lessonsDirectory
            self.progressPath = progressPath
            self.monochrome = monochrome
            self.notices = notices
        }
    }

    /// One cache file, decoded.
    struct Entry: Equatable {
        var key: Key
        /// The stamp of the program that drew the screen.
        var executable: FileStamp
        /// Each file the screen was drawn from and its stamp then (nil: it did not exist).
        var inputs: [StampedPath]
        var frame: ScreenBuffer
    }

    /// The running program's stamp; nil where /proc/self/exe does not exist (no cache then).
    static func executableStamp() -> FileStamp? { FileStamp.of("/proc/self/exe") }

    // MARK: At launch

    /// The cached first screen, if it is current for `key` (see the type's note);
    /// the caller still checks that its size is the terminal's.
    public static func frame(store: ProgressStore, key: Key) -> ScreenBuffer? {
        guard let bytes = store.readFirstScreenCache(), let entry = decode(bytes),
              let executable = executableStamp() else { return nil }
        return isCurrent(entry, key: key, executable: executable) ? entry.frame : nil
    }

    static func isCurrent(_ entry: Entry, key: Key, executable: FileStamp) -> Bool {
        guard entry.key == key, entry.executable == executable else { return false }
        return entry.inputs.allSatisfy(\.isUnchanged)
    }

    // MARK: At exit

    /// Draws the first screen the next launch would draw at `size`, as `FirstScreen`
    /// does, and keeps it with the stamps of the files it was drawn from; removes
    /// the cache when there is no such screen (the disclaimer is still to show, the
    /// course cannot be outlined, the state file cannot be read). Each file is
    /// stamped just before it is read, and all are stamped again once the screen is
    /// drawn: if any changed meanwhile, the screen might not match its stamps, and
    /// no cache is kept.
    public static func refresh(store: ProgressStore, key: Key, size: Size) {
        guard let executable = executableStamp() else { return }
        let state = StampedPath(store.path)
        guard let progress = store.firstScreenProgress(),
              let (first, outline) = FirstScreen.prepare(lessonsDirectory: key.lessonsDirectory, progress: progress, size: size,
                                                          monochrome: key.monochrome, notices: key.notices, now: Date(), stamped: true)
        else {
            store.writeFirstScreenCache(nil)
            return
        }
        let frame = App.render(first, size: size)
        let inputs = [state] + outline.inputs
        guard inputs.allSatisfy(\.isUnchanged) else {
            store.writeFirstScreenCache(nil)
            return
        }
        store.writeFirstScreenCache(encode(Entry(key: key, executable: executable, inputs: inputs, frame: frame)))
    }

    // MARK: The file

    static func encode(_ entry: Entry) -> [UInt8] {
        var lines = [header, "exe " + entry.executable.encoded, "lessons " + escape(entry.key.lessonsDirectory),
                     "progress " + escape(entry.key.progressPath), "mono " + (entry.key.monochrome ? "1" : "0")]
        lines += entry.key.notices.map { "notice " + escape($0) }
        lines += entry.inputs.map { "input " + ($0.stamp?.encoded ?? "-") + " " + escape($0.path) }
        let frame = entry.frame
        lines.append("size \(frame.size.columns) \(frame.size.rows)")
        if let cursor = frame.cursor { lines.append("cursor \(cursor.row) \(cursor.column)") }
        for row in 0..<frame.size.rows {
            var column = 0
            while column < frame.size.columns {
                let style = frame[row, column].style
                let start = column
                var text = ""
                while column < frame.size.columns, frame[row, column].isContinuation || frame[row, column].style == style {
                    if !frame[row, column].isContinuation { text.append(frame[row, column].character) }
                    column += 1
                }
                if style == .normal, text.allSatisfy({ $0 == " " }) { continue }
                lines.append("run \(row) \(start) \(roles.firstIndex(of: style.role)!) \(style.attributes.rawValue) " + escape(text))
            }
        }
        lines.append("end")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The entry `encode` wrote; nil for anything else (another version, a torn
    /// or edited file, text that is not what `ScreenBuffer` holds). Read as bytes,
    /// not Characters: this runs at every launch, before the first screen.
    static func decode(_ bytes: [UInt8]) -> Entry? {
        let end = Array("\nend\n".utf8)
        guard bytes.count > end.count, bytes.suffix(end.count).elementsEqual(end) else { return nil }
        var lines = bytes.dropLast(end.count).split(separator: 0x0A, omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.elementsEqual(header.utf8) else { return nil }
        /// The rest of the next line if it starts with `name` and a space.
        func field(_ name: StaticString) -> ArraySlice<UInt8>? {
            guard let line = lines.first else { return nil }
            let prefix = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            guard line.count > prefix.count, line.starts(with: prefix), line[line.startIndex + prefix.count] == 0x20 else { return nil }
            lines.removeFirst()
            return line.dropFirst(prefix.count + 1)
        }
        guard let exe = field("exe").flatMap(FileStamp.init(encoded:)), let lessons = field("lessons").flatMap(unescape),
              let progress = field("progress").flatMap(unescape), let mono = field("mono").flatMap(number), mono <= 1 else { return nil }
        var notices: [String] = []
        while let notice = field("notice") {
            guard let text = unescape(notice) else { return nil }
            notices.append(text)
        }
        var inputs: [StampedPath] = []
        while let input = field("input") {
            guard let space = input.firstIndex(of: 0x20), let path = unescape(input[(space + 1)...]) else { return nil }
            let stampText = input[..<space]
            let stamp = FileStamp(encoded: stampText)
            guard stamp != nil || stampText.elementsEqual([0x2D]) else { return nil }
            inputs.append(StampedPath(path: path, stamp: stamp))
        }
        guard let sizeText = field("size"), let size = numbers(sizeText, count: 2),
              (1...10_000).contains(size[0]), (1...10_000).contains(size[1]), size[0] * size[1] <= largestScreen else { return nil }
        let (columns, rows) = (size[0], size[1])
        var frame = ScreenBuffer(size: Size(columns: columns, rows: rows))
        if let cursorText = field("cursor") {
            guard let cursor = numbers(cursorText, count: 2) else { return nil }
            frame.cursor = (cursor[0], cursor[1])
        }
        while let run = field("run") {
            // "ROW COLUMN ROLE ATTRIBUTES TEXT": four numbers, then the text to the end of the line.
            var rest = run[...]
            var values: [Int] = []
            for _ in 0..<4 {
                guard let space = rest.firstIndex(of: 0x20), let value = number(rest[..<space]) else { return nil }
                values.append(value)
                rest = rest[(space + 1)...]
            }
            guard (0..<rows).contains(values[0]), (0..<columns).contains(values[1]), values[2] < roles.count, values[3] <= 0xFF,
                  let text = unescape(rest), Sanitizer.clean(text, singleLine: true) == text else { return nil }
            let style = Style(roles[values[2]], TextAttributes(rawValue: UInt8(values[3])))
            guard frame.put(text, row: values[0], column: values[1], style: style) == DisplayWidth.of(text) else { return nil }
        }
        guard lines.isEmpty else { return nil }
        return Entry(key: Key(lessonsDirectory: lessons, progressPath: progress, monochrome: mono == 1, notices: notices),
                     executable: exe, inputs: inputs, frame: frame)
    }

    /// The most cells a cached screen may have (a 1,000×1,000 terminal): the frame is
    /// filled before its size is compared with the terminal's, and a few bytes naming
    /// a 10,000×10,000 screen would otherwise cost gigabytes at launch.
    static let largestScreen = 1_000_000

    /// The roles by number, as runs name them (the numbers change only with the
    /// program, and a cache from another program is never read).
    static let roles = Role.allCases

    /// A decimal number of at most 18 digits, nothing else.
    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `count` numbers separated by single spaces.
    private static func numbers(_ bytes: ArraySlice<UInt8>, count: Int) -> [Int]? {
        let parts = bytes.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == count else { return nil }
        let values = parts.compactMap(number)
        return values.count == count ? values : nil
    }

    /// A line-safe form of `text`: backslash, newline and carriage return escaped.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text `escape` wrote, from its UTF-8 bytes; nil if they are not what it writes.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(0x5C) else { return String(validating: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes {
            if escaped {
                switch byte {
                case 0x5C: out.append(0x5C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: return nil
                }
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return escaped ? nil : String(validating: out, as: UTF8.self)
    }
}
