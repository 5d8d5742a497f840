#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressStore {
    /// A summary of the state file, read quickly: each course's lessons (opened,
    /// finished, position, attempts), `lastPlace` and `disclaimerSeen`, leaving out
    /// the review schedules, bookmarks and unknown fields that take most of the decoding.
    ///
    /// Only for showing while `load()` runs: it is never saved (it lacks the
    /// schedules), and nil whenever `load()` could give something else: no file,
    /// not a regular file, another schema, or anything unexpected.
    /// Whether the state file is there as a plain file (not through a link): the
    /// only case in which `loadSummary` can give anything.
    package var stateFileIsPlain: Bool {
        if case .regular = try? FileIO.kind(path) { return true }
        return false
    }

    package func loadSummary() -> LearnerProgress? {
        guard case .regular = try? FileIO.kind(path), let bytes = try? FileIO.readFile(path) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = SummaryReader(bytes: buffer)
            return reader.document()
        }
    }
}

/// Reads `progress.json` as `ProgressStore.loadSummary` needs it, straight from its
/// bytes: `JSONDecoder` builds a map of the whole file and walks it through protocol
/// witnesses, several times the cost of the file's few fields the summary keeps.
///
/// Strict: any text that is not JSON as Marrow writes it (an escape in a string that
/// is read, a number that is not an integer where one is read, a repeated key, a
/// value of another type) gives nil, and the caller waits for `load()` instead.
/// Values it does not read are skipped, checked only as far as JSON's grammar.
private struct SummaryReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0
    /// Deeper nesting in a skipped value gives nil (`JSONDecoder` refuses deep files too).
    static let maximumDepth = 64

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() -> LearnerProgress? {
        // Strings that are skipped are not decoded: the whole file must be UTF-8, as JSONDecoder requires.
        if !Self.isASCII(bytes), String(validating: bytes, as: UTF8.self) == nil { return nil }
        var version: Int?
        var courses: [String: CourseProgress] = [:]
        guard object({ reader, key in
            switch key {
            case "schemaVersion":
                version = reader.integer()
                return version != nil
            case "courses":
                if reader.null() { return true }
                return reader.object(fields: false) { reader, id in
                    guard let course = reader.course() else { return false }
                    return courses.updateValue(course, forKey: id) == nil
                }
            default:
                return reader.skip(depth: 1)
            }
        }) else { return nil }
        space()
        guard i == bytes.count, version == LearnerProgress.currentSchemaVersion else { return nil }
        return LearnerProgress(courses: courses)
    }

    private mutating func course() -> CourseProgress? {
        var course = CourseProgress()
        guard object({ reader, key in
            switch key {
            case "lessons":
                if reader.null() { return true }
                return reader.object(fields: false) { reader, id in
                    guard let lesson = reader.lesson() else { return false }
                    return course.lessons.updateValue(lesson, forKey: id) == nil
                }
            case "lastPlace":
                if reader.null() { return true }
                var lessonID: String?
                var position: ReadingPosition?
                guard reader.object({ reader, key in
                    switch key {
                    case "lessonID": lessonID = reader.string(); return lessonID != nil
                    case "position": position = reader.position(); return position != nil
                    default: return reader.skip(depth: 4)
                    }
                }), let lessonID, let position else { return false }
                course.lastPlace = Place(lessonID: lessonID, position: position)
                return true
            case "disclaimerSeen":
                if reader.null() { return true }
                guard let seen = reader.boolean() else { return false }
                course.disclaimerSeen = seen
                return true
            default:
                return reader.skip(depth: 3)
            }
        }) else { return nil }
        return course
    }

    private mutating func lesson() -> LessonProgress? {
        var lesson = LessonProgress()
        guard object({ reader, key in
            switch key {
            case "opened", "finished":
                if reader.null() { return true }
                guard let date = reader.date() else { return false }
                if key == "opened" { lesson.opened = date } else { lesson.finished = date }
                return true
            case "position":
                if reader.null() { return true }
                lesson.position = reader.position()
                return lesson.position != nil
            case "bookmarks":
                if reader.null() { return true }
                return reader.array { reader in reader.position() != nil }
            case "attempts":
                if reader.null() { return true }
                return reader.array { reader in
                    guard let attempt = reader.attempt() else { return false }
                    lesson.attempts.append(attempt)
                    return true
                }
            default:
                return reader.skip(depth: 5)
            }
        }) else { return nil }
        return lesson
    }

    private mutating func attempt() -> QuizAttempt? {
        var id: String?, started: Date?, total: Int?, answers: [String: Bool]?, fullQuiz: Bool?
        guard object({ reader, key in
            switch key {
            case "id": id = reader.string(); return id != nil
            case "started": started = reader.date(); return started != nil
            case "total": total = reader.integer(); return total != nil
            case "answers":
                // Listed first, then put in a dictionary made at its size: growing
                // one would hash every question id again at each doubling.
                var listed: [(String, Bool)] = []
                listed.reserveCapacity(32)
                guard reader.object(fields: false, { reader, question in
                    guard let correct = reader.boolean() else { return false }
                    listed.append((question, correct))
                    return true
                }) else { return false }
                var found = [String: Bool](minimumCapacity: listed.count)
                for (question, correct) in listed {
                    guard found.updateValue(correct, forKey: question) == nil else { return false }
                }
                answers = found
                return true
            case "fullQuiz":
                if reader.null() { return true }
                fullQuiz = reader.boolean()
                return fullQuiz != nil
            default:
                return reader.skip(depth: 7)
            }
        }), let id, let started, let total, let answers else { return nil }
        return QuizAttempt(id: id, started: started, total: total, answers: answers, fullQuiz: fullQuiz)
    }

    /// A reading position; its percent brought into 0...100 as `ReadingPosition`'s decoding does.
    private mutating func position() -> ReadingPosition? {
        var block: Int?, offset: Int?, percent: Int?
        guard object({ reader, key in
            switch key {
            case "block": block = reader.integer(); return block != nil
            case "offset": offset = reader.integer(); return offset != nil
            case "percent": percent = reader.integer(); return percent != nil
            default: return reader.skip(depth: 8)
            }
        }), let block, let offset, let percent else { return nil }
        return ReadingPosition(block: block, offset: offset, percent: min(100, max(0, percent)))
    }

    /// Whether every byte is below 0x80, eight bytes at a time (byte by byte, this
    /// check took an eighth of the summary's time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var j = 0
        var seen: UInt64 = 0
        while j + 8 <= bytes.count {
            seen |= raw.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            j += 8
        }
        while j < bytes.count {
            seen |= UInt64(base[j])
            j += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    // MARK: JSON

    /// Skips white space (`Scan.space`, with the index in a local: as a field of
    /// the reader it would be stored at every step).
    @inline(__always)
    private mutating func space() {
        guard let base = bytes.baseAddress else { return }
        var j = i
        Scan.space(base, bytes.count, &j)
        i = j
    }

    @inline(__always)
    private mutating func take(_ byte: UInt8) -> Bool {
        space()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// An object, each value read by `member` (given the key); false if `member` is,
    /// or the text is not an object. With `fields` (an object of a few known keys), a
    /// repeated key is false too; otherwise (a map by id) `member` checks for repeats.
    private mutating func object(fields: Bool = true, _ member: (inout SummaryReader, String) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        var seen: [String] = []
        repeat {
            guard let key = string(), take(0x3A) else { return false }
            if fields {
                guard !seen.contains(key) else { return false }
                seen.append(key)
            }
            guard member(&self, key) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    private mutating func array(_ element: (inout SummaryReader) -> Bool) -> Bool {
        guard take(0x5B) else { return false }
        if take(0x5D) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(0x2C)
        return take(0x5D)
    }

    /// A string without escapes (the document was checked to be UTF-8 as a whole).
    private mutating func string() -> String? {
        guard take(0x22), let base = bytes.baseAddress else { return nil }
        let start = i, count = bytes.count
        var j = i
        while j < count, base[j] != 0x22 {
            guard base[j] != 0x5C, base[j] >= 0x20 else { return nil }
            j += 1
        }
        i = j
        guard j < count else { return nil }
        i = j + 1
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<j]), as: UTF8.self)
    }

    private mutating func date() -> Date? {
        string().flatMap(AnswerLineParser.isoTime)
    }

    /// An integer written as one (no fraction or exponent) that fits an `Int`.
    private mutating func integer() -> Int? {
        space()
        let negative = i < bytes.count && bytes[i] == 0x2D
        if negative { i += 1 }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = negative ? tens.subtractingReportingOverflow(Int(bytes[i] - 0x30)) : tens.addingReportingOverflow(Int(bytes[i] - 0x30))
            guard !overflow, !carry else { return nil }
            value = next
            digits += 1
            i += 1
        }
        // JSON allows no leading zero ("01").
        guard digits > 0, digits == 1 || bytes[i - digits] != 0x30, i == bytes.count || (bytes[i] != 0x2E && bytes[i] != 0x65 && bytes[i] != 0x45) else { return nil }
        return value
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        space()
        guard let base = bytes.baseAddress else { return false }
        var j = i
        guard Scan.word(base, bytes.count, &j, word) else { return false }
        i = j
        return true
    }

    private mutating func boolean() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// Reads `null` if it is next.
    private mutating func null() -> Bool { literal("null") }

    /// Skips any JSON value, checked only as far as JSON's grammar (most of the
    /// file, its review schedules, is skipped): one loop over the bytes with the
    /// position in a local, the containers open as a stack of bits (1 for an object).
    private mutating func skip(depth: Int) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let end = bytes.count
        var j = i
        defer { i = j }
        var open: UInt64 = 0
        var levels = 0
        while true {
            // A value.
            Scan.space(base, end, &j)
            guard j < end, depth + levels < Self.maximumDepth else { return false }
            switch base[j] {
            case 0x7B:
                j += 1
                Scan.space(base, end, &j)
                if j < end, base[j] == 0x7D {
                    j += 1
                } else {
                    guard Scan.key(base, end, &j) else { return false }
                    open = open << 1 | 1
                    levels += 1
                    continue
                }
            case 0x5B:
                j += 1
                Scan.space(base, end, &j)
                if j < end, base[j] == 0x5D {
                    j += 1
                } else {
                    open <<= 1
                    levels += 1
                    continue
                }
            case 0x22: guard Scan.string(base, end, &j) else { return false }
            case 0x74: guard Scan.word(base, end, &j, "true") else { return false }
            case 0x66: guard Scan.word(base, end, &j, "false") else { return false }
            case 0x6E: guard Scan.word(base, end, &j, "null") else { return false }
            default: guard Scan.number(base, end, &j) else { return false }
            }
            // After a value: close what it ends, then the next member or element.
            while true {
                if levels == 0 { return true }
                Scan.space(base, end, &j)
                guard j < end else { return false }
                let inObject = open & 1 == 1
                if base[j] == 0x2C {
                    j += 1
                    if inObject { guard Scan.key(base, end, &j) else { return false } }
                    break
                }
                guard base[j] == (inObject ? 0x7D : 0x5D) else { return false }
                j += 1
                open >>= 1
                levels -= 1
            }
        }
    }
}

/// The scanning steps of `SummaryReader.skip`, on a pointer and a local position
/// (each moves `j` past what it reads; false when the bytes are not that).
private enum Scan {
    /// White space. The file is indented (four of every ten bytes are spaces), so
    /// runs of spaces go eight bytes at a time.
    @inline(__always)
    static func space(_ base: UnsafePointer<UInt8>, _ end: Int, _ j: inout Int) {
        while j < end {
            if j + 8 <= end, UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 {
                j += 8
                continue
            }
            let b = base[j]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            j += 1
        }
    }

    /// A member's key and its colon.
    @inline(__always)
    static func key(_ base: UnsafePointer<UInt8>, _ end: Int, _ j: inout Int) -> Bool {
        space(base, end, &j)
        guard j < end, base[j] == 0x22, string(base, end, &j) else { return false }
        space(base, end, &j)
        guard j < end, base[j] == 0x3A else { return false }
        j += 1
        return true
    }

    /// A string, from its opening quote: escapes checked, no control characters.
    @inline(__always)
    static func string(_ base: UnsafePointer<UInt8>, _ end: Int, _ j: inout Int) -> Bool {
        j += 1
        while j < end {
            let b = base[j]
            if b == 0x22 {
                j += 1
                return true
            }
            if b < 0x20 { return false }
            if b != 0x5C {
                j += 1
                continue
            }
            guard j + 1 < end else { return false }
            switch base[j + 1] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: j += 2
            case 0x75:
                guard j + 5 < end else { return false }
                for k in (j + 2)...(j + 5) {
                    let h = base[k] | 0x20
                    guard (base[k] >= 0x30 && base[k] <= 0x39) || (h >= 0x61 && h <= 0x66) else { return false }
                }
                j += 6
            default: return false
            }
        }
        return false
    }

    /// `true`, `false` or `null`: `word`'s bytes.
    @inline(__always)
    static func word(_ base: UnsafePointer<UInt8>, _ end: Int, _ j: inout Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - j >= count else { return false }
        for k in 0..<count where base[j + k] != word.utf8Start[k] { return false }
        j += count
        return true
    }

    /// A number as JSON writes it: no leading zero, digits after a point and in an exponent.
    @inline(__always)
    static func number(_ base: UnsafePointer<UInt8>, _ end: Int, _ j: inout Int) -> Bool {
        func digits(_ j: inout Int) -> Int {
            let from = j
            while j < end, base[j] >= 0x30, base[j] <= 0x39 { j += 1 }
            return j - from
        }
        if j < end, base[j] == 0x2D { j += 1 }
        let first = j
        let count = digits(&j)
        guard count > 0, count == 1 || base[first] != 0x30 else { return false }
        if j < end, base[j] == 0x2E {
            j += 1
            guard digits(&j) > 0 else { return false }
        }
        if j < end, base[j] == 0x65 || base[j] == 0x45 {
            j += 1
            if j < end, base[j] == 0x2B || base[j] == 0x2D { j += 1 }
            guard digits(&j) > 0 else { return false }
        }
        return true
    }
}

