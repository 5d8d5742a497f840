import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Only the focused row of a list is highlighted: the other rows' blank focus
/// markers are plain, not reverse video (which made every row look half-selected).
@Suite struct FocusMarkerTests {
    typealias F = QuizTestCourse
    static let sizes = [(80, 24), (40, 12)]

    /// The reverse-video rows above the status line are one block that starts at
    /// the only row holding "▸": the focused row and its wrapped lines.
    func expectOnlyTheFocusedRowHighlighted(_ buffer: ScreenBuffer, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let status = buffer.size.rows - 1
        let highlighted = reverseRows(buffer).subtracting([status]).sorted()
        let markers = (0..<status).filter { buffer.line($0).contains("▸") }
        // A new question may start with no focus: then nothing above the status line is highlighted.
        if markers.isEmpty {
            #expect(highlighted.isEmpty, "\(what): rows \(highlighted) highlighted with no focus\n\(buffer.text)", sourceLocation: sourceLocation)
            return
        }
        #expect(markers.count == 1, "\(what): rows with ▸: \(markers)\n\(buffer.text)", sourceLocation: sourceLocation)
        guard let marker = markers.first, let first = highlighted.first else {
            Issue.record("\(what): nothing highlighted\n\(buffer.text)", sourceLocation: sourceLocation)
            return
        }
        #expect(first == marker, "\(what): row \(first) is highlighted above the focused row \(marker)", sourceLocation: sourceLocation)
        #expect(highlighted == Array(first..<(first + highlighted.count)),
                "\(what): highlighted rows \(highlighted) are not one block", sourceLocation: sourceLocation)
        for row in highlighted.dropFirst() {
            #expect(!buffer.line(row).trimmingCharacters(in: .whitespaces).hasPrefix("▸"), sourceLocation: sourceLocation)
        }
        // The unfocused rows' markers are plain blanks.
        for row in 0..<status where !highlighted.contains(row) {
            for column in 0..<buffer.size.columns where buffer[row, column].character == " " {
                #expect(buffer[row, column].style.role != .focus, "\(what): a blank in the focus style at \(row),\(column)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func quizChoices() {
        for (columns, rows) in Self.sizes {
            for keys: [Key] in [[], [.down], [.end], [.ch("2")]] {
                var context = F.context(columns: columns, rows: rows)
                var quiz = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context)
                for key in keys { _ = quiz.update(key, context: &context) }
                expectOnlyTheFocusedRowHighlighted(F.render(quiz, context: context), "single choice \(columns)x\(rows) \(keys)")
            }
            // Select all that apply, with a choice ticked that is not focused.
            var context = F.context(columns: columns, rows: rows)
            var quiz = QuizScreen(lessonID: "what-is", questionIDs: nil, context: &context)
            _ = quiz.update(.ch("2"), context: &context)
            _ = quiz.update(.enter, context: &context)
            while quiz.phase == .feedback { _ = quiz.update(.enter, context: &context) }
            for key: Key in [.ch("1"), .down, .down] { _ = quiz.update(key, context: &context) }
            expectOnlyTheFocusedRowHighlighted(F.render(quiz, context: context), "multiple \(columns)x\(rows)")
        }
    }

    @Test func searchResults() {
        for (columns, rows) in Self.sizes {
            var context = F.context(columns: columns, rows: rows)
            var search = SearchScreen(query: "", course: context.course)
            for c in "cells" { _ = search.update(.character(c), context: &context) }
            _ = search.update(.down, context: &context)
            expectOnlyTheFocusedRowHighlighted(F.render(search, context: context), "search \(columns)x\(rows)")
        }
    }

    @Test func missedQuestionsInTheProgressReview() {
        for (columns, rows) in Self.sizes {
            var context = ProgressReviewTests.context(columns: columns, rows: rows)
            var review = ProgressReviewTests.screen()
            // Down until the list is in view and the second question is selected.
            while review.selection < 1 { _ = review.update(.ch("j"), context: &context) }
            expectOnlyTheFocusedRowHighlighted(F.render(review, context: context), "progress review \(columns)x\(rows)")
        }
    }
}
