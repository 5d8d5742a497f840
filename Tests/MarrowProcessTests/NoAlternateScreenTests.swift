import Foundation
import MarrowTestSupport
import Testing

/// Terminals without an alternate screen (issue 12, finding 10): on TERM=linux or
/// ansi the last screen of the app would stay when it quits, and the shell's
/// prompt would be written over its key line. The app clears the screen as it
/// leaves: the last bytes it writes are the terminal's own clear-screen string
/// (`tput -x clear`, which homes the cursor too). On a terminal with an
/// alternate screen (xterm) nothing is cleared: leaving it restores the screen
/// from before.
@Suite(.timeLimit(.minutes(15))) struct NoAlternateScreenTests {
    /// The terminal's clear-screen string, without the scrollback part `tput` adds.
    static func clearString(term: String) throws -> [UInt8] {
        let r = Fault.shell("tput -x -T \(Fault.quoted(term)) clear")
        try #require(r.status == 0 && !r.output.isEmpty, "tput: \(r.output)")
        return Array(r.output.utf8)
    }

    @Test(arguments: ["linux", "ansi", "xterm"])
    func quittingClearsTheScreenWithoutAnAlternateScreen(term: String) throws {
        let folder = try TerminalFaultTests.Folder()
        let session = try PseudoTerminal(folder.command, environment: ["TERM": term])
        #expect(session.wait(for: "Course map", since: 0), "\(term): \(session.printable.suffix(300))")
        session.type("q")
        #expect(session.finish() == 0, "\(term)")
        let clear = try Self.clearString(term: term)
        let endsWithClear = session.output.count >= clear.count && Array(session.output.suffix(clear.count)) == clear
        let expected = term != "xterm"
        #expect(endsWithClear == expected, "\(term): the app's last bytes: \(String(decoding: session.output.suffix(40), as: UTF8.self).debugDescription)")
    }
}
