import Foundation
import Testing
import MarrowTestSupport

/// The mouse through a real terminal: the xterm mouse bytes (SGR 1006, as
/// xterm-256color's `kmous` asks) typed into tmux arrive in marrow as clicks.
@Suite(
    .serialized,
    .timeLimit(.minutes(15)),
    .enabled(if: TmuxSession.executable != nil, "tmux is not installed: the mouse test drives marrow in tmux")
)
struct MouseTerminalTests {
    /// A left press and release at a 0-based cell, as an xterm sends them in SGR mode.
    static func click(row: Int, column: Int) -> [String] {
        let press = "\u{1B}[<0;\(column + 1);\(row + 1)M"
        let release = "\u{1B}[<0;\(column + 1);\(row + 1)m"
        return Array((press + release).utf8).map { String($0, radix: 16) }
    }

    @Test func aClickOnALessonRowSelectsItAndASecondOpensIt() throws {
        let run = try MarrowRun(course: Marrow.fixture("course"))
        defer { run.cleanUp() }
        let tmux = try run.start()
        defer { tmux.close() }
        let map = try tmux.throughFirstRun()
        let lines = map.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.contains(" 2. ") }, "\(map)")
        tmux.tmux(["send-keys", "-t", "main", "-H"] + Self.click(row: row, column: 12))
        let selected = try tmux.screen("the clicked row selected") {
            let now = $0.components(separatedBy: "\n")
            return now.indices.contains(row) && now[row].hasPrefix(" ›")
        }
        #expect(selected.contains("Course map"))
        tmux.tmux(["send-keys", "-t", "main", "-H"] + Self.click(row: row, column: 12))
        try tmux.screen(showing: "Reader")
        tmux.keys("q")
        try tmux.screen(showing: "Course map")
        tmux.keys("q")
        let end = try tmux.screen(showing: "EXIT=")
        #expect(end.contains("EXIT=0") && end.contains("TERMINAL-SANE"), "\(end)")
    }
}
