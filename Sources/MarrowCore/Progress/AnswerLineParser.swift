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

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> AnswerRecord? {
        var i = 0
        let n = b.count
        func skipSpace() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D { i += 1 } }
        /// A string without escapes or control characters, as the range of its bytes.
        func rawString() -> Range<Int>? {
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
        func string() -> String? {
            guard let range = rawString() else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: b[range])
            // ASCII (the usual case) needs no validation.
            return bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
        /// The index in `keys` of the key at `i`; nil for a key this reader does not know.
        func key() -> Int? {
            guard let range = rawString() else { return nil }
            return Self.keys.firstIndex { $0.count == range.count && $0.elementsEqual(b[range]) }
        }
        func integer() -> Int? {
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
        func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard i + count <= n else { return false }
            for k in 0..<count where b[i + k] != word.utf8Start[k] { return false }
            i += count
            return true
        }
        func value() -> Value? {
            guard i < n else { return nil }
            switch b[i] {
            case 0x22: return string().map(Value.string)
            case 0x74: return literal("true") ? .bool(true) : nil
            case 0x66: return literal("false") ? .bool(false) : nil
            case 0x6E: return literal("null") ? .null : nil
            case 0x5B:
                i += 1
                var items: [Int] = []
                skipSpace()
                if i < n, b[i] == 0x5D { i += 1; return .integers(items) }
                while true {
                    skipSpace()
                    guard let item = integer() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard i < n else { return nil }
                    if b[i] == 0x5D { i += 1; return .integers(items) }
                    guard b[i] == 0x2C else { return nil }
                    i += 1
                }
            default: return integer().map(Value.integer)
            }
        }

        var course: String?, lesson: String?, question: String?, attempt: String?
        var chosen: [Int]?, correct: Bool?, time: Date?, attemptTotal: Int?
        var fullQuiz: Bool?, rating: Rating?
        var seen: UInt16 = 0
        skipSpace()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        skipSpace()
        if i < n, b[i] == 0x7D { return nil }
        while true {
            skipSpace()
            // A known key written twice, or any key this reader does not know: JSONDecoder decides.
            guard let key = key(), seen & (UInt16(1) << UInt16(key)) == 0 else { return nil }
            seen |= UInt16(1) << UInt16(key)
            skipSpace()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            if key == Self.timeKey {
                guard let range = rawString(), let date = isoTime(UnsafeBufferPointer(rebasing: b[range])) else { return nil }
                time = date
            } else {
                guard let v = value() else { return nil }
                switch (key, v) {
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
                    guard let r = Rating(rawValue: raw) else { return nil }
                    rating = r
                case (9, .null): rating = nil
                default: return nil
                }
            }
            skipSpace()
            guard i < n else { return nil }
            if b[i] == 0x7D { i += 1; break }
            guard b[i] == 0x2C else { return nil }
            i += 1
        }
        skipSpace()
        guard i == n, let course, let lesson, let question, let chosen, let correct, let time, let attempt, let attemptTotal else {
            return nil
        }
        return AnswerRecord(course: course, lesson: lesson, question: question, chosen: chosen, correct: correct,
                            time: time, attempt: attempt, attemptTotal: attemptTotal, fullQuiz: fullQuiz, rating: rating)
    }

    /// The keys an answer line may have, as bytes; a key's bit in `seen` is its index.
    private static let keys: [[UInt8]] = ["course", "lesson", "question", "chosen", "correct", "time", "attempt",
                                          "attemptTotal", "fullQuiz", "rating"].map { Array($0.utf8) }
    private static let timeKey = 5

    /// `2026-11-26T23:59:59Z` (UTC, whole seconds, as Marrow writes it); nil for anything else.
    static func isoTime(_ text: String) -> Date? {
        Array(text.utf8).withUnsafeBufferPointer { isoTime($0) }
    }

    private static func isoTime(_ u: UnsafeBufferPointer<UInt8>) -> Date? {
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
