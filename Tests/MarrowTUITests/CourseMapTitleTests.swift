import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The course map's titles on the shipped course: cut at a word, never inside one,
/// at 80 columns; the status beside the titles on a wide terminal.
@Suite struct CourseMapTitleTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path
    static let course = CourseLoader.load(directory: lessonsFolder)
    static let now = Date(timeIntervalSince1970: 1_795_694_400)

    /// A returning learner who answered one question (so the mastery column shows).
    static func state(columns: Int, rows: Int) -> AppState {
        let question = course.lessons[0].quiz[0]
        let record = AnswerRecord(course: course.info.id, lesson: question.lessonID, question: question.id, chosen: [0], correct: true,
                                  time: now.addingTimeInterval(-3600), attempt: "a", attemptTotal: course.lessons[0].quiz.count)
        var progress = LearnerProgress()
        progress[course: course.info.id].disclaimerSeen = true
        progress.apply(record)
        let size = Size(columns: columns, rows: rows)
        var state = AppState(context: AppContext(course: course, progress: progress, now: now, screenArea: App.screenArea(for: size), clock: .utc), size: size)
        state.setAnswerHistory([record])
        state.context.effects = []
        return state
    }

    @Test func titlesAndTheSummaryAreCutAtAWordAt80Columns() throws {
        try #require(Self.course.lessons.count >= 14)
        let state = Self.state(columns: 80, rows: 40)
        let buffer = App.render(state, size: state.size)
        let rows = (0..<buffer.size.rows).map { buffer.line($0) }
        #expect(rows.joined().contains("%"), "the measure column shows")
        var cut = 0
        for (index, lesson) in Self.course.lessons.enumerated() {
            let title = lesson.title
            let row = try #require(rows.first { $0.contains(" \(index + 1). ") }, "lesson \(index + 1)")
            if row.contains(title) { continue }
            cut += 1
            // The shown part is whole words of the title, then " …".
            let after = String(row[row.range(of: " \(index + 1). ")!.upperBound...])
            let shown = try #require(after.components(separatedBy: " …").first)
            #expect(title.hasPrefix(shown) && title.dropFirst(shown.count).first.map { " ,:;".contains($0) } == true,
                    "“\(shown)” is not whole words of “\(title)” in “\(row)”")
        }
        #expect(cut > 0, "no title needed cutting: the test no longer covers the cut")
        let summary = rows[1].trimmingCharacters(in: .whitespaces)
        let full = Self.course.info.summary
        #expect(summary == full || (summary.hasSuffix(" …") && full.hasPrefix(String(summary.dropLast(2)))
                                    && full.dropFirst(summary.count - 2).first.map { " ,:;".contains($0) } == true), "\(summary)")
    }

    @Test func onAWideTerminalTheStatusSitsNextToTheTitles() throws {
        for columns in [160, 200] {
            let state = Self.state(columns: columns, rows: 30)
            let buffer = App.render(state, size: state.size)
            let longest = Self.course.lessons.map { DisplayWidth.of($0.title) }.max() ?? 0
            for (index, lesson) in Self.course.lessons.enumerated() {
                let row = try #require((0..<buffer.size.rows).map { buffer.line($0) }.first { $0.contains(" \(index + 1). \(lesson.title)") })
                let status = try #require(row.range(of: "new") ?? row.range(of: "quiz") ?? row.range(of: "reading") ?? row.range(of: "read"))
                let column = row.distance(from: row.startIndex, to: status.lowerBound)
                // Number, the longest title, minutes and a symbol: well under 80 columns in.
                #expect(column <= 6 + longest + 12, "status at column \(column) of \(columns)")
            }
        }
    }

    @Test func truncateAtWord() {
        #expect(DisplayWidth.truncateAtWord("Risks: other complications and relapse", to: 32) == "Risks: other complications and …")
        #expect(DisplayWidth.truncateAtWord("Risks: other complications and relapse", to: 31) == "Risks: other complications …")
        #expect(DisplayWidth.truncateAtWord("Risks: other complications and relapse", to: 30) == "Risks: other complications …")
        #expect(DisplayWidth.truncateAtWord("Short", to: 30) == "Short")
        #expect(DisplayWidth.truncateAtWord("Caregivers, the first", to: 13) == "Caregivers …")
        #expect(DisplayWidth.truncateAtWord("Extraordinarily long", to: 8) == "Extraor…")
        #expect(DisplayWidth.truncateAtWord("造血幹細胞移植とは", to: 7) == "造血幹…")
    }
}
