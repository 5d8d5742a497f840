#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The answer log, `NAME.history.jsonl` beside `NAME.json`: every answer the learner
/// ever gave, one JSON object per line, appended (`O_APPEND`, `fsync`) and never
/// rewritten.
///
/// Lines are of five kinds:
/// - an answer: `{"course":"hsct","lesson":"basics","question":"basics-q1","chosen":[1],
///   "correct":true,"time":"2026-11-26T10:00:00Z","attempt":"3F2A…","attemptTotal":8,"fullQuiz":true}`
///   (see `AnswerRecord`; `fullQuiz` and `rating` are absent in older lines; `typed`, the
///   text of a type-the-answer answer, only on those);
/// - a reset marker: `{"event":"reset","course":"hsct","lesson":"basics","time":"…"}`
///   (`"lesson":null` resets the whole course). Answers *above* a marker, in its
///   scope, no longer count: `marrow reset` cannot rewrite the log, so it appends this;
/// - a grade: `{"event":"grade",…,"rating":2,…}`, the learner's hard/easy
///   self-grade of an earlier right answer (see `AnswerGrade`); it sets that
///   answer's `rating` when the log is read;
/// - an undo: `{"event":"undo",…,"answered":"…","time":"…"}`, an answer taken
///   back right after it was given (see `AnswerUndo`); the answer and its grade
///   no longer count when the log is read;
/// - a repair marker: `{"event":"torn-line-above"}`, written before the next answer
///   when the file did not end in a newline (a line cut short by a crash), so the
///   cut line is known to be harmless and is skipped without a warning.
///
/// The log holds answers only. Reading milestones (opened, finished, positions,
/// bookmarks) live only in `progress.json`; a state rebuilt from the log marks a
/// lesson opened at its first answer.
///
/// Lines that cannot be read are skipped, never fatal: a cut-short last line
/// silently, any other one counted in a single warning.
package enum AnswerLog {
    /// The log path for a state file: `NAME.json` -> `NAME.history.jsonl`
    /// (another name gets `.history.jsonl` appended), so two state files in one
    /// folder never share a log.
    package static func path(forState statePath: String) -> String {
        baseName(of: statePath) + ".history.jsonl"
    }

    /// The lock file beside a state file: `NAME.json` -> `NAME.lock`.
    package static func lockPath(forState statePath: String) -> String {
        baseName(of: statePath) + ".lock"
    }

    static func baseName(of statePath: String) -> String {
        let name = FileIO.fileName(of: statePath)
        if name.hasSuffix(".json") && name.count > 5 { return String(statePath.dropLast(5)) }
        return statePath
    }

    /// The repair marker written after a torn last line.
    static let tornMarker = #"{"event":"torn-line-above"}"#

    /// The bytes of one answer line, newline included, fields in a fixed order:
    /// course, lesson, question, chosen, correct, time, attempt, attemptTotal, then
    /// `fullQuiz`, `rating` and `typed` only when set (so older readers and older lines agree).
    package static func line(for record: AnswerRecord) -> [UInt8] {
        var line = LineWriter()
        line.field("course", string: record.course)
        line.field("lesson", string: record.lesson)
        line.field("question", string: record.question)
        line.field("chosen", raw: "[" + record.chosen.map(String.init).joined(separator: ",") + "]")
        line.field("correct", raw: record.correct ? "true" : "false")
        line.field("time", string: isoTime(record.time))
        line.field("attempt", string: record.attempt)
        line.field("attemptTotal", raw: String(record.attemptTotal))
        if let full = record.fullQuiz { line.field("fullQuiz", raw: full ? "true" : "false") }
        if let rating = record.rating { line.field("rating", raw: String(rating.rawValue)) }
        if let typed = record.typed { line.field("typed", string: typed) }
        return line.finish()
    }

    /// The fields every event line about one answer starts with, in this order.
    private static func eventLine(_ event: String, course: String, lesson: String, question: String, attempt: String) -> LineWriter {
        var line = LineWriter()
        line.field("event", string: event)
        line.field("course", string: course)
        line.field("lesson", string: lesson)
        line.field("question", string: question)
        line.field("attempt", string: attempt)
        return line
    }

    /// The bytes of one grade line, newline included.
    package static func line(for grade: AnswerGrade) -> [UInt8] {
        var line = eventLine("grade", course: grade.course, lesson: grade.lesson, question: grade.question, attempt: grade.attempt)
        if let answered = grade.answerTime { line.field("answered", string: isoTime(answered)) }
        line.field("rating", raw: String(grade.rating.rawValue))
        line.field("time", string: isoTime(grade.time))
        return line.finish()
    }

    /// The bytes of one undo line, newline included.
    package static func line(for undo: AnswerUndo) -> [UInt8] {
        var line = eventLine("undo", course: undo.course, lesson: undo.lesson, question: undo.question, attempt: undo.attempt)
        line.field("answered", string: isoTime(undo.answerTime))
        line.field("time", string: isoTime(undo.time))
        return line.finish()
    }

    /// The bytes of one reset-marker line, newline included.
    package static func line(for marker: ResetMarker) -> [UInt8] {
        var line = LineWriter()
        line.field("event", string: "reset")
        line.field("course", string: marker.course)
        if let lesson = marker.lesson { line.field("lesson", string: lesson) } else { line.field("lesson", raw: "null") }
        line.field("time", string: isoTime(marker.time))
        return line.finish()
    }

    /// `2026-11-26T23:59:59Z`, as the state file's dates.
    package static func isoTime(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0)!))
    }

    /// The longest line read, in bytes. Marrow's longest line is an answer with a
    /// typed answer, its longest field: at most `TypedAnswerMatcher.maximumLength`
    /// characters, under a kilobyte even with every character escaped, and a few
    /// hundred bytes of ids and times. A longer line was not written by Marrow: it
    /// is unreadable (a cut-short last line, silently) without being decoded, so a
    /// line of megabytes costs no more than finding its end.
    package static let maximumLineLength = 64 << 10

    /// Reads log bytes. `fileName` names the file in the warning.
    ///
    /// Records come back in file order, without those cancelled by a later reset
    /// marker or taken back by a later undo; lines with an unknown `"event"` (from
    /// a newer Marrow) are ignored.
    package static func parse(_ bytes: [UInt8], fileName: String) -> LogReadResult {
        let decoder = ProgressJSON.decoder()
        let lines = ByteLines.ranges(in: bytes)
        let endsWithNewline = bytes.last == UInt8(ascii: "\n")

        var records: [AnswerRecord] = []
        var resets: [ResetMarker] = []
        var grades: [AnswerGrade] = []
        var undos: [AnswerUndo] = []
        var unreadable: [Int] = []
        var torn = false
        for (index, range) in lines.enumerated() {
            guard range.count <= maximumLineLength else {
                if index == lines.count - 1 && !endsWithNewline { torn = true } else { unreadable.append(index) }
                continue
            }
            let line = bytes[range]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            // Lines as Marrow writes them take the fast path; anything else goes to JSONDecoder.
            if let record = AnswerLineParser.record(line) {
                records.append(record)
                continue
            }
            let data = Data(line)
            if line.containsEvent, let event = try? decoder.decode(EventLine.self, from: data) {
                if event.event == "reset", let marker = try? decoder.decode(ResetMarker.self, from: data) {
                    resets.append(marker)
                    records.removeAll { marker.covers($0) }
                } else if event.event == "grade", let grade = try? decoder.decode(AnswerGrade.self, from: data) {
                    grades.append(grade)
                    if let i = records.lastIndex(where: grade.amends), records[i].correct { records[i].rating = grade.rating }
                } else if event.event == "undo", let undo = try? decoder.decode(AnswerUndo.self, from: data) {
                    undos.append(undo)
                    if let i = records.lastIndex(where: undo.cancels) {
                        let undone = records.remove(at: i)
                        grades.removeAll { $0.amends(undone) }
                    }
                } else if event.event == "reset" || event.event == "grade" || event.event == "undo" {
                    // Whole JSON, so not cut short by a crash, wherever it is: unreadable.
                    unreadable.append(index)
                } else if event.event == "torn-line-above", unreadable.last == index - 1 {
                    unreadable.removeLast()
                }
                continue
            }
            if let record = try? decoder.decode(AnswerRecord.self, from: data) {
                records.append(record)
            } else if index == lines.count - 1 && !endsWithNewline {
                torn = true
            } else {
                unreadable.append(index)
            }
        }
        var warning: String?
        if let first = unreadable.first {
            let count = unreadable.count
            warning = "\(fileName): skipped \(Wording.count(count, "unreadable line")) (first at line \(first + 1))"
        }
        return LogReadResult(records: records, resets: resets, grades: grades, undos: undos, skippedLines: unreadable.count,
                             firstSkippedLine: unreadable.first.map { $0 + 1 }, tornLastLine: torn, warning: warning)
    }
}

/// What reading the answer log found.
package struct LogReadResult: Sendable, Hashable {
    /// The answers that count, in file order (reset answers left out).
    package var records: [AnswerRecord]
    /// The reset markers, in file order.
    package var resets: [ResetMarker]
    /// The self-grades, in file order (already applied to `records`), without
    /// those of answers taken back.
    package var grades: [AnswerGrade]
    /// The undos, in file order (their answers already left out of `records`).
    package var undos: [AnswerUndo]
    /// Unreadable lines other than a torn last line.
    package var skippedLines: Int
    /// 1-based line number of the first of them.
    package var firstSkippedLine: Int?
    /// Whether the last line was cut short (skipped silently).
    package var tornLastLine: Bool
    /// One line for the learner when lines were skipped, e.g.
    /// `progress.history.jsonl: skipped 3 unreadable lines (first at line 17)`.
    package var warning: String?

    package init(records: [AnswerRecord] = [], resets: [ResetMarker] = [], grades: [AnswerGrade] = [], undos: [AnswerUndo] = [], skippedLines: Int = 0, firstSkippedLine: Int? = nil, tornLastLine: Bool = false, warning: String? = nil) {
        self.records = records
        self.resets = resets
        self.grades = grades
        self.undos = undos
        self.skippedLines = skippedLines
        self.firstSkippedLine = firstSkippedLine
        self.tornLastLine = tornLastLine
        self.warning = warning
    }
}

/// A log line saying that the answers above it, for a course or one of its
/// lessons, were reset and no longer count.
package struct ResetMarker: Sendable, Hashable, Codable {
    package var course: String
    /// nil: the whole course.
    package var lesson: String?
    package var time: Date

    package init(course: String, lesson: String?, time: Date) {
        self.course = course
        self.lesson = lesson
        self.time = time
    }

    package func covers(_ record: AnswerRecord) -> Bool {
        record.course == course && (lesson == nil || record.lesson == lesson)
    }

    enum CodingKeys: String, CodingKey { case event, course, lesson, time }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        course = try c.decode(String.self, forKey: .course)
        lesson = try c.decodeIfPresent(String.self, forKey: .lesson)
        time = try c.decode(Date.self, forKey: .time)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("reset", forKey: .event)
        try c.encode(course, forKey: .course)
        if let lesson { try c.encode(lesson, forKey: .lesson) } else { try c.encodeNil(forKey: .lesson) }
        try c.encode(time, forKey: .time)
    }
}

/// Writes one compact JSON object line with its fields in the order given
/// (JSONEncoder's order is not stable, and a log read by people should be).
/// `package` for `quoted`, which the tests' JSON generator writes strings with.
package struct LineWriter {
    private var text = "{"

    mutating func field(_ name: String, string value: String) {
        field(name, raw: Self.quoted(value))
    }

    mutating func field(_ name: String, raw value: String) {
        if text != "{" { text += "," }
        text += Self.quoted(name) + ":" + value
    }

    func finish() -> [UInt8] { Array((text + "}\n").utf8) }

    /// `s` as a JSON string literal.
    package static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Any log line with an `"event"` field.
private struct EventLine: Decodable {
    var event: String
}

private extension ArraySlice<UInt8> {
    /// A cheap test before trying to decode a line as an event.
    var containsEvent: Bool {
        let needle = Array(#""event""#.utf8)
        guard count >= needle.count else { return false }
        var i = startIndex
        while i + needle.count <= endIndex {
            if self[i] == needle[0] && self[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
