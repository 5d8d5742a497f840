import Foundation
import Testing
import MarrowTestSupport

/// The mouse through a real terminal: the xterm mouse bytes (SGR 1006, as
/// xterm-256color's `kmous` asks) typed into tmux arrive in marrow as clicks.
@Suite(
    .serialized,
    .timeLimit(.minutes(5)),
    .enabled(if: Tmux.executable != nil, "tmux is not installed: the mouse test drives marrow in tmux")
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
        defer { tmux.kill() }
        try tmux.waitFor("not medical advice")
        try tmux.send("Enter")
        let map = try tmux.waitFor("Course map")
        let lines = map.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("   2. ") || $0.hasPrefix("  2. ") || $0.contains(" 2. ") }, "\(map)")
        try tmux.tmux(["send-keys", "-t", "e2e", "-H"] + Self.click(row: row, column: 12))
        let selected = try tmux.waitFor("the clicked row selected") {
            let now = $0.components(separatedBy: "\n")
            return now.indices.contains(row) && now[row].hasPrefix(" ›")
        }
        #expect(selected.contains("Course map"))
        try tmux.tmux(["send-keys", "-t", "e2e", "-H"] + Self.click(row: row, column: 12))
        try tmux.waitFor("Reader")
        try tmux.send("q")
        try tmux.waitFor("Course map")
        try tmux.send("q")
        let end = try tmux.waitFor("EXIT=")
        #expect(end.contains("EXIT=0") && end.contains("TERMINAL-SANE"), "\(end)")
    }
}
