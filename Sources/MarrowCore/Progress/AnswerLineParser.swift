#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A fast reader for the answer lines Marrow writes (`AnswerLog.line(for:)`):
/// one flat JSON object of strings without escapes, integers, booleans, `null`
/// and lists of integers, with times as `YYYY-MM-DDTHH:MM:SSZ`.
///
/// `JSONDecoder` takes a few microseconds a line, which a log of 100,000 answers
/// turns into a visible pause; this takes a fraction of that. It gives up (nil)
/// on anything else: an escape, a float, another time format, a key written
/// twice, a key it does not know (an `"event"` line, a field from a newer Marrow),
/// a missing field. The caller then decodes the line with `JSONDecoder`, so the
/// result is always what `JSONDecoder` gives, and unknown keys stay tolerated.
enum AnswerLineParser {
    static func record(_ line: ArraySlice<UInt8>) -> AnswerRecord? {
        line.withContiguousStorageIfAvailable { parse($0) } ?? Array(line).withUnsafeBufferPointer { parse($0) }
    }

    private enum Value {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case null
        case integers([Int])
    }

    /// The line as one JSON object: `{`, members separated by commas, `}`, and nothing after.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AnswerRecord? {
        var cursor = Cursor(b: bytes)
        var fields = Fields()
        cursor.skipSpace()
        guard cursor.take(0x7B) else { return nil }
        cursor.skipSpace()
        if cursor.peek == 0x7D { return nil }
        while true {
            guard cursor.member(into: &fields) else { return nil }
            cursor.skipSpace()
            if cursor.take(0x7D) { break }
            guard cursor.take(0x2C) else { return nil }
        }
        cursor.skipSpace()
        guard cursor.atEnd else { return nil }
        return fields.record
    }

    /// The fields read so far, and which keys have been seen.
    private struct Fields {
        var course: String?, lesson: String?, question: String?, attempt: String?
        var chosen: [Int]?, correct: Bool?, time: Date?, attemptTotal: Int?
        var fullQuiz: Bool?, rating: Rating?
        var seen: UInt16 = 0

        /// Marks `key` seen; false if it was already (a key written twice: JSONDecoder decides).
        mutating func firstSight(of key: Int) -> Bool {
            let bit = UInt16(1) << UInt16(key)
            guard seen & bit == 0 else { return false }
            seen |= bit
            return true
        }

        /// Stores `value` under `key`; false when that key does not take that kind of value.
        mutating func set(_ key: Int, _ value: Value) -> Bool {
            switch (key, value) {
            case (0, .string(let s)): course = s
            case (1, .string(let s)): lesson = s
            case (2, .string(let s)): question = s
            case (3, .integers(let list)): chosen = list
            case (4, .bool(let flag)): correct = flag
            case (6, .string(let s)): attempt = s
            case (7, .integer(let total)): attemptTotal = total
            case (8, .bool(let flag)): fullQuiz = flag
            case (8, .null): fullQuiz = nil
            case (9, .integer(let raw)):
                guard let r = Rating(rawValue: raw) else { return false }
                rating = r
            case (9, .null): rating = nil
            default: return false
            }
            return true
        }

        /// The answer, once every required field is there.
        var record: AnswerRecord? {
            guard let course, let lesson, let question, let chosen, let correct, let time, let attempt, let attemptTotal else {
                return nil
            }
            return AnswerRecord(course: course, lesson: lesson, question: question, chosen: chosen, correct: correct,
                                time: time, attempt: attempt, attemptTotal: attemptTotal, fullQuiz: fullQuiz, rating: rating)
        }
    }

    /// A position in the line's bytes, with one reading step per JSON piece; each returns
    /// nil (or false) for anything this reader does not take.
    private struct Cursor {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        var n: Int { b.count }
        var atEnd: Bool { i == n }
        var peek: UInt8? { i < n ? b[i] : nil }

        /// Steps over `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard i < n, b[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func skipSpace() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { i += 1 } }

        /// One `"key": value`, stored in `fields`.
        mutating func member(into fields: inout Fields) -> Bool {
            skipSpace()
            // A known key written twice, or any key this reader does not know: JSONDecoder decides.
            guard let key = key(), fields.firstSight(of: key) else { return false }
            skipSpace()
            guard take(0x3A) else { return false }
            skipSpace()
            if key == AnswerLineParser.timeKey {
                guard let range = rawString(), let date = AnswerLineParser.isoTime(UnsafeBufferPointer(rebasing: b[range])) else {
                    return false
                }
                fields.time = date
                return true
            }
            guard let v = value() else { return false }
            return fields.set(key, v)
        }

        /// A string without escapes or control characters, as the range of its bytes.
        mutating func rawString() -> Range<Int>? {
            guard i < n, b[i] == 0x22 else { return nil }
            i += 1
            let start = i
            while i < n, b[i] != 0x22 {
                if b[i] == 0x5C || b[i] < 0x20 { return nil }
                i += 1
            }
            guard i < n else { return nil }
            i += 1
            return start..<(i - 1)
        }

        mutating func string() -> String? {
            guard let range = rawString() else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: b[range])
            // ASCII (the usual case) needs no validation.
            return bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }

        /// The index in `keys` of the key at `i`; nil for a key this reader does not know.
        mutating func key() -> Int? {
            guard let range = rawString() else { return nil }
            let b = self.b
            return AnswerLineParser.keys.firstIndex { $0.count == range.count && $0.elementsEqual(b[range]) }
        }

        mutating func integer() -> Int? {
            var negative = false
            if i < n, b[i] == 0x2D { negative = true; i += 1 }
            let start = i
            var value = 0
            while i < n, b[i] >= 0x30, b[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(Int(b[i] - 0x30))
                if o1 || o2 { return nil }
                value = s
                i += 1
            }
            // No digits, a leading zero before more digits, or a fraction/exponent: not ours.
            guard i > start, !(i - start > 1 && b[start] == 0x30) else { return nil }
            if i < n, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { return nil }
            return negative ? -value : value
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= n else { return false }
            for k in 0..<count where b[i + k] != word.utf8Start[k] { return false }
            i += count
            return true
        }

        mutating func value() -> Value? {
            guard i < n else { return nil }
            switch b[i] {
            case 0x22: return string().map(Value.string)
            case 0x74: return literal("true") ? .bool(true) : nil
            case 0x66: return literal("false") ? .bool(false) : nil
            case 0x6E: return literal("null") ? .null : nil
            case 0x5B: return integerList().map(Value.integers)
            default: return integer().map(Value.integer)
            }
        }

        /// `[1, 2, 3]`: a list of integers only.
        mutating func integerList() -> [Int]? {
            i += 1
            var items: [Int] = []
            skipSpace()
            if take(0x5D) { return items }
            while true {
                skipSpace()
                guard let item = integer() else { return nil }
                items.append(item)
                skipSpace()
                guard i < n else { return nil }
                if take(0x5D) { return items }
                guard take(0x2C) else { return nil }
            }
        }
    }

    /// The keys an answer line may have, as bytes; a key's bit in `seen` is its index.
    fileprivate static let keys: [[UInt8]] = ["course", "lesson", "question", "chosen", "correct", "time", "attempt",
                                          "attemptTotal", "fullQuiz", "rating"].map { Array($0.utf8) }
    fileprivate static let timeKey = 5

    /// `2026-11-26T23:59:59Z` (UTC, whole seconds, as Marrow writes it); nil for anything else.
    static func isoTime(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { isoTime($0) }
    }

    fileprivate static func isoTime(_ u: UnsafeBufferPointer<UInt8>) -> Date? {
        guard u.count == 20, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A, u[19] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                guard u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                value = value * 10 + Int(u[k] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
