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
    public func loadSummary() -> Progress? {
        guard case .regular = try? FileIO.kind(path), let bytes = try? FileIO.readFile(path) else { return nil }
        guard let state = try? ProgressJSON.decoder().decode(SummaryState.self, from: Data(bytes)),
              state.schemaVersion == Progress.currentSchemaVersion else { return nil }
        return Progress(courses: state.courses.mapValues {
            CourseProgress(lessons: $0.lessons, lastPlace: $0.lastPlace, disclaimerSeen: $0.disclaimerSeen)
        })
    }
}

/// `progress.json` with only what the summary holds.
private struct SummaryState: Decodable {
    var schemaVersion: Int
    var courses: [String: SummaryCourse]

    enum CodingKeys: String, CodingKey { case schemaVersion, courses }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        // Another schema may not hold courses as this one does: nothing more is read.
        guard schemaVersion == Progress.currentSchemaVersion else {
            courses = [:]
            return
        }
        courses = try c.decodeIfPresent([String: SummaryCourse].self, forKey: .courses) ?? [:]
    }
}

/// A course's progress without its review schedules.
private struct SummaryCourse: Decodable {
    var lessons: [String: LessonProgress]
    var lastPlace: Place?
    var disclaimerSeen: Bool

    enum CodingKeys: String, CodingKey { case lessons, lastPlace, disclaimerSeen }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lessons = try c.decodeIfPresent([String: SummaryLesson].self, forKey: .lessons)?.mapValues(\.progress) ?? [:]
        lastPlace = try c.decodeIfPresent(Place.self, forKey: .lastPlace)
        disclaimerSeen = try c.decodeIfPresent(Bool.self, forKey: .disclaimerSeen) ?? false
    }
}

/// A lesson's progress in the summary: whether it was opened and
/// finished, the reading position, and the attempts (their scores, and which is
/// the latest, by start). Dates must be as Marrow writes them
/// (`2026-11-27T09:00:00Z`). Bookmarks are checked and left out.
private struct SummaryLesson: Decodable {
    var progress: LessonProgress

    enum CodingKeys: String, CodingKey { case opened, finished, position, bookmarks, attempts }
    enum AttemptKeys: String, CodingKey { case id, total, answers, fullQuiz, started }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let opened = try c.decodeIfPresent(String.self, forKey: .opened).map { try Self.date($0, in: c) }
        let finished = try c.decodeIfPresent(String.self, forKey: .finished).map { try Self.date($0, in: c) }
        let position = try c.decodeIfPresent(ReadingPosition.self, forKey: .position)
        _ = try c.decodeIfPresent([ReadingPosition].self, forKey: .bookmarks)
        var attempts: [QuizAttempt] = []
        if c.contains(.attempts), try !c.decodeNil(forKey: .attempts) {
            var list = try c.nestedUnkeyedContainer(forKey: .attempts)
            while !list.isAtEnd {
                let attempt = try list.nestedContainer(keyedBy: AttemptKeys.self)
                let started = try Self.date(try attempt.decode(String.self, forKey: .started), in: attempt)
                attempts.append(QuizAttempt(id: try attempt.decode(String.self, forKey: .id), started: started, total: try attempt.decode(Int.self, forKey: .total),
                                            answers: try attempt.decode([String: Bool].self, forKey: .answers),
                                            fullQuiz: try attempt.decodeIfPresent(Bool.self, forKey: .fullQuiz)))
            }
        }
        progress = LessonProgress(opened: opened, finished: finished, position: position, attempts: attempts)
    }

    /// A date as Marrow writes it (`AnswerLineParser.isoTime`); anything else fails the decoding.
    static func date<Key>(_ text: String, in container: KeyedDecodingContainer<Key>) throws -> Date {
        guard let date = AnswerLineParser.isoTime(text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: container.codingPath, debugDescription: "not a date"))
        }
        return date
    }
}
