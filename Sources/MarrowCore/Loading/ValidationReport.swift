#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `marrow validate` prints for a loaded course: compiler-style lines and a summary
/// (`text`), or the same facts as JSON (`json()`).
package struct ValidationReport: Sendable, Codable, Hashable {
    package struct Totals: Sendable, Codable, Hashable {
        /// Lesson files, broken ones included.
        package var lessons: Int
        /// Questions of the lessons that loaded.
        package var questions: Int
        /// Questions per tag.
        package var byTag: [String: Int]
        /// Questions per kind: always the keys `single`, `multiple` and `true-false`.
        package var byType: [String: Int]
    }

    package struct LessonEntry: Sendable, Codable, Hashable {
        /// nil (JSON null) for a broken lesson whose front matter gave no id.
        package var id: String?
        package var title: String
        /// The file's path as the loader joined it, e.g. `Lessons/01-leukemia.md`.
        package var file: String
        package var questions: Int
        /// nil (JSON null) for a broken lesson.
        package var minutes: Int?
        package var broken: Bool

        enum CodingKeys: String, CodingKey {
            case id, title, file, questions, minutes, broken
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(file, forKey: .file)
            try container.encode(questions, forKey: .questions)
            try container.encode(minutes, forKey: .minutes)
            try container.encode(broken, forKey: .broken)
        }
    }

    package var totals: Totals
    /// Every lesson file in course order, loaded or broken.
    package var lessons: [LessonEntry]
    /// Every problem, in the order the loader found them (file by file, then by position).
    package var diagnostics: [Diagnostic]

    package static func make(course: Course) -> ValidationReport {
        var byTag: [String: Int] = [:]
        var byType: [String: Int] = [:]
        for kind in Question.Kind.allCases { byType[kind.rawValue] = 0 }
        let questions = course.allQuestions
        for question in questions {
            byType[question.kind.rawValue, default: 0] += 1
            for tag in question.tags { byTag[tag, default: 0] += 1 }
        }
        var entries: [(fileName: String, entry: LessonEntry)] = course.lessons.map {
            ($0.fileName, LessonEntry(id: $0.id, title: $0.title, file: $0.path, questions: $0.quiz.count, minutes: $0.meta.minutes, broken: false))
        }
        entries += course.brokenLessons.map {
            ($0.fileName, LessonEntry(id: $0.id, title: $0.title, file: $0.path, questions: 0, minutes: nil, broken: true))
        }
        let order = LessonFileName.sorted(entries.map(\.fileName))
        var rank: [String: Int] = [:]
        for (index, name) in order.enumerated() { rank[name] = index }
        let lessons = entries.sorted { rank[$0.fileName, default: 0] < rank[$1.fileName, default: 0] }.map(\.entry)
        let totals = Totals(lessons: lessons.count, questions: questions.count, byTag: byTag, byType: byType)
        return ValidationReport(totals: totals, lessons: lessons, diagnostics: course.diagnostics)
    }

    package var errorCount: Int { diagnostics.count { $0.severity == .error } }
    package var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    package var hasErrors: Bool { errorCount > 0 }

    /// `10 lessons, 84 questions: 0 errors, 0 warnings`.
    package var summary: String {
        "\(Wording.count(totals.lessons, "lesson")), \(Wording.count(totals.questions, "question")): "
            + "\(Wording.count(errorCount, "error")), \(Wording.count(warningCount, "warning"))"
    }

    /// One `path:line:column: severity: message` line per diagnostic, then the summary.
    package var lines: [String] { diagnostics.map(\.description) + [summary] }

    /// `lines` joined with newlines, without a final newline.
    package var text: String { lines.joined(separator: "\n") }

    /// The report as pretty-printed JSON with sorted keys, without a final newline. Course
    /// text in it (titles, messages) has its C1 and bidi controls escaped (`\u009b`), so it
    /// can be printed to a terminal.
    package func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Sanitizer.jsonSafe(String(decoding: try encoder.encode(self), as: UTF8.self))
    }
}
