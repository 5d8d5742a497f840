import Foundation
import MarrowTestSupport
import Testing

/// A lesson's source address reaches a real terminal as an OSC 8 hyperlink
/// (ESC ] 8 ; ; URL ESC \ text ESC ] 8 ; ; ESC \), and not at all with
/// MARROW_HYPERLINKS=0 or on the Linux console: bytes on the wire, which only a
/// pseudo-terminal shows. (What is linked, and that an unsafe address is not,
/// is checked in-process by HyperlinkTests; HostileTerminalTests checks that no
/// other OSC ever comes through.)
@Suite(.timeLimit(.minutes(15))) struct HyperlinkTerminalTests {
    static let source = "https://example.org/source"
    static let start = "\u{1B}]8;;\(source)\u{1B}\\"

    /// Opens lesson 2 (its source at the end), and returns every byte written.
    func session(environment: [String: String?]) throws -> String {
        let folder = try TerminalFaultTests.Folder()
        let session = try PseudoTerminal(folder.command, environment: environment)
        #expect(session.wait(for: "Course map", since: 0), "\(session.printable.suffix(300))")
        session.type("2")
        session.type(TerminalKeys.enter)
        session.type("G")
        #expect(session.wait(for: "example.org/source", since: 0), "the source was never drawn: \(session.printable.suffix(600))")
        session.type("q")
        session.type("q")
        #expect(session.finish() == 0)
        return session.text
    }

    @Test func theSourceAddressIsAHyperlink() throws {
        let text = try session(environment: [:])
        // Each linked run: its bytes (looks and text) between the start and the close.
        let runs = text.components(separatedBy: Self.start).dropFirst().compactMap { $0.components(separatedBy: "\u{1B}]8;;\u{1B}\\").first }
        #expect(!runs.isEmpty, "no OSC 8 for the source: \(text.replacingOccurrences(of: "\u{1B}", with: "␛").suffix(800))")
        // The source's title and its address are both links to it.
        #expect(runs.contains { $0.contains(Self.source) })
        #expect(runs.contains { $0.contains("Test source") })
    }

    @Test(arguments: [["MARROW_HYPERLINKS": "0"], ["TERM": "linux"]] as [[String: String?]])
    func noHyperlinksWhenTurnedOffOrOnTheConsole(environment: [String: String?]) throws {
        let text = try session(environment: environment)
        #expect(!text.contains("\u{1B}]8;"), "\(environment): \(text.replacingOccurrences(of: "\u{1B}", with: "␛").suffix(400))")
        #expect(text.contains(Self.source))
    }
}
