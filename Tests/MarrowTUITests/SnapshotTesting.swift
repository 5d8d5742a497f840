import Foundation
import Testing
@testable import MarrowTUI

/// Golden-file snapshots of rendered screens.
///
/// `assertSnapshot(buffer, named: "course-map-80x24")` compares `buffer.text` with
/// `Tests/MarrowTUITests/Snapshots/course-map-80x24.txt`. Run the tests with
/// `MARROW_RECORD_SNAPSHOTS=1` to write (or rewrite) the files instead; they are
/// written into the source tree (found through `#filePath`), not the test bundle.
enum Snapshots {
    /// The source folder holding the golden files.
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["MARROW_RECORD_SNAPSHOTS"] == "1"
    }

    static func url(named name: String) -> URL {
        directory.appendingPathComponent(name + ".txt")
    }
}

/// Compares a screen with its golden files (see `Snapshots`): the text in
/// `NAME.txt` and the style map (`styleMap`, as drawn without color) in
/// `NAME.styles.txt`. Every screen snapshot carries its style map, so a style on
/// the wrong cells (a reverse-video marker on every row of a list) shows up as
/// a diff even when the text is right.
func assertSnapshot(_ buffer: ScreenBuffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: buffer.text, named: name, sourceLocation: sourceLocation)
    assertSnapshot(text: styleMap(buffer, theme: Theme(palette: .monochrome)), named: name + ".styles", sourceLocation: sourceLocation)
}

/// The screen with each cell's monochrome attributes as a letter: R reverse,
/// U underline, B bold, D dim, I italic (the strongest one), "." plain text, " " blank.
func styleMap(_ buffer: ScreenBuffer, theme: Theme) -> String {
    (0..<buffer.size.rows).map { row in
        var line = ""
        for column in 0..<buffer.size.columns {
            let cell = buffer[row, column]
            let attributes = theme.look(for: cell.style).attributes
            let mark: Character = if attributes.contains(.reverse) { "R" }
                else if attributes.contains(.underline) { "U" }
                else if attributes.contains(.bold) { "B" }
                else if attributes.contains(.dim) { "D" }
                else if attributes.contains(.italic) { "I" }
                else if cell.character == " " { " " }
                else { "." }
            line.append(mark)
        }
        while line.last == " " { line.removeLast() }
        return line
    }.joined(separator: "\n")
}

/// The rows drawn in reverse video on a color terminal (256 or 8 colors), the
/// status line included. (Without color, search matches are reverse too, by design.)
func reverseRows(_ buffer: ScreenBuffer) -> Set<Int> {
    let themes = [Theme(palette: .colors8), Theme(palette: .colors256)]
    return Set((0..<buffer.size.rows).filter { row in
        (0..<buffer.size.columns).contains { column in
            themes.contains { $0.look(for: buffer[row, column].style).attributes.contains(.reverse) }
        }
    })
}
/// Compares any text with its golden file (see `Snapshots`).
func assertSnapshot(text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Snapshots.url(named: name)
    let actual = text.hasSuffix("\n") ? text : text + "\n"
    if Snapshots.isRecording {
        do {
            try FileManager.default.createDirectory(at: Snapshots.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("Could not record snapshot \(name) at \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("""
            Missing snapshot '\(name)' (\(url.path)).
            Record it with: MARROW_RECORD_SNAPSHOTS=1 swift test --filter <this test>
            Actual:
            \(actual)
            """, sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
    let expectedLine = firstDifference < e.count ? String(e[firstDifference]) : "<end>"
    let actualLine = firstDifference < a.count ? String(a[firstDifference]) : "<end>"
    Issue.record("""
        Snapshot '\(name)' differs at line \(firstDifference + 1):
          expected: \(expectedLine)
          actual:   \(actualLine)
        Re-record with MARROW_RECORD_SNAPSHOTS=1 if the change is intended. Actual:
        \(actual)
        """, sourceLocation: sourceLocation)
}
