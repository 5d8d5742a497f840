import Foundation
import MarrowTestSupport
import Testing

/// Course text that tries to reach the terminal: CSI and OSC sequences (clear screen,
/// colours, OSC 52 clipboard writes, OSC 8 hyperlinks, window titles), C1 controls,
/// bidirectional overrides and zero-width characters, in every kind of text a course
/// has (`Fixtures/hostile`). The escapes are written as Markdown character references
/// (`&#x1B;`) and YAML escapes (`"\e"`), which the loader accepts; a second lesson holds
/// them as raw bytes, which the loader rejects.
///
/// The app runs on a pseudo-terminal and every byte it writes is checked: none of the
/// content's sequences may come through. ncurses writes its own CSI sequences, so the
/// checks look for what ncurses never writes: OSC/DCS/APC strings, BEL, C1 controls, any
/// CSI sequence with the content's marker parameter 999, bidi controls, and the stripped
/// zero-width characters (U+200B, U+2060, U+FEFF). The payload text itself ("SE9TVElMRQ==",
/// "[31;7;999m") must show, defanged: that proves the content was on screen.
@Suite(.serialized) struct HostileTerminalTests {
    static let fixture = Marrow.fixture("hostile")

    @Test(.timeLimit(.minutes(15)))
    func appNeverPassesContentEscapesToTheTerminal() throws {
        let home = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let session = try PseudoTerminal([Marrow.executable, "--lessons", Self.fixture, "--progress", home + "/progress.json"],
                                     environment: ["HOME": home, "XDG_DATA_HOME": home])
        // Each key is typed once the app has answered the one before. ncurses redraws only
        // the cells that change, so what each screen showed is checked at the end, by text
        // that only that screen draws.
        #expect(session.wait(for: "About this course", since: 0), "the app did not start: \(session.printable)")
        let keys: [String] = [
            // The disclaimer (the course's disclaimer is hostile too), then the course map
            // with the hostile course title and summary, and the broken raw-bytes lesson
            // (after "Start here", shown once).
            TerminalKeys.enter, TerminalKeys.enter,
            // The reader: scroll by line, page (at the end by now), to the top, the end and the
            // top again (where the glossary terms on the page are); its outline of headings.
            TerminalKeys.enter, "j", " ", TerminalKeys.pageDown, "g", "G", "g", "o", TerminalKeys.escape,
            // The glossary terms on the page, then all terms, then back.
            "w", TerminalKeys.escape, TerminalKeys.escape,
            // Search a word of the hostile paragraph and quiz prompts; move down and back up; open the first result.
            "/", "p", "a", "y", "l", "o", "a", "d", TerminalKeys.down, TerminalKeys.down, TerminalKeys.up, TerminalKeys.up, TerminalKeys.enter,
            // The quiz: a wrong answer (its feedback and the explanation), then a true/false one.
            "t", "2", TerminalKeys.enter, TerminalKeys.enter, "f", TerminalKeys.enter, TerminalKeys.enter,
            // The summary, the reader, the course map, the progress review, and out.
            "q", "q", "p", "q", "q",
        ]
        // Every key changes the screen, so each is answered: none waits out its time limit.
        for key in keys { #expect(!session.type(key).isEmpty, "\(key.debugDescription) changed nothing on screen") }
        let status = session.finish()
        #expect(status == 0, "exit status \(status)")

        let shown = String(decoding: session.output, as: UTF8.self)
        let screens = [
            "Disclaimer [2J[31;7;999m with isolate, zerowidth and ]0;pwned.": "the disclaimer",
            "Hostile [31;7;999m course title": "the course map",
            "02-raw-bytes.md: cannot open": "the broken lesson on the course map",
            "The marrow paragraph has a payload[31;7;999m right here, a clipboard write": "the reader",
            "Content last reviewed on 2026-11-26.": "the end of the lesson",
            "Definition ]52;c;SE9TVElMRQ== with 31;7;999m, reversed, zerowidth and": "the glossary",
            "Glossary · 2 of 2": "all glossary terms",
            "Outline: Escapes [31;7;999m in the title": "the outline",
            "Progress review · Hostile [31;7;999m course title": "the progress review",
            "Search all lessons": "search",
            "Which [31;7;999m payload answer is reversed isolate right?": "the first question",
            "Explanation [2J[31;7;999m with reversed isolate end.": "the first feedback",
            "Feedback 52;c;SE9TVElMRQ== wrong.": "the feedback of the wrong choice",
            "Is the payload ]52;c;SE9TVElMRQ== true?": "the second question",
            "True [31;7;999m because 31;7;999m.": "the second feedback",
        ]
        for (text, screen) in screens.sorted(by: { $0.key < $1.key }) {
            #expect(shown.contains(text), "\(screen) was never drawn ('\(text)')")
        }
        // The one OSC the app sends itself: the lesson's safe source address as a
        // hyperlink; the hostile addresses (with ESC, BEL, C1 in them) are text only.
        let leaks = TerminalLeaks.find(in: session.output, links: ["https://example.org/source"])
        #expect(leaks.isEmpty, "content escapes reached the terminal: \(leaks.joined(separator: "; "))")
        #expect(shown.contains("\u{1B}]8;;https://example.org/source\u{1B}\\"), "the safe source address was not a hyperlink")
        if !leaks.isEmpty { print(session.printable) }
    }

    @Test(.timeLimit(.minutes(15)))
    func readPrintsNoContentEscapes() throws {
        for width in ["80", "20"] {
            let result = try Marrow.run(["read", "escapes", "--lessons", Self.fixture, "--width", width])
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = Array(result.stdout.utf8)
            let leaks = TerminalLeaks.find(in: bytes)
            #expect(leaks.isEmpty, "marrow read --width \(width): \(leaks.joined(separator: "; "))")
            // Plain text: not a single escape, and the content is there, defanged.
            #expect(!bytes.contains(0x1B))
            #expect(result.stdout.contains("SE9TVElMRQ=="))
            if width == "80" {
                #expect(result.stdout.contains("Which [31;7;999m payload answer is reversed isolate right?"), "\(result.stdout)")
                #expect(result.stdout.contains("zerowidth\u{200D}joinnobreak"), "\(result.stdout)")
            }
        }
        // The other commands that print course text: progress in every format, and a plain quiz.
        let home = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let runs: [([String], String?)] = [
            (["quiz", "escapes", "--plain"], "2\n\nf\n\n"),
            (["progress"], nil), (["progress", "--format", "markdown"], nil), (["progress", "--format", "csv"], nil),
            (["progress", "--format", "json"], nil), (["validate"], nil), (["validate", "--json"], nil),
        ]
        for (arguments, input) in runs {
            let result = try Marrow.run(arguments + ["--lessons", Self.fixture], stdin: input ?? "", environment: ["MARROW_PROGRESS": home + "/progress.json"])
            let leaks = TerminalLeaks.find(in: Array(result.stdout.utf8) + Array(result.stderr.utf8))
            #expect(leaks.isEmpty, "marrow \(arguments.joined(separator: " ")): \(leaks.joined(separator: "; "))")
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "marrow \(arguments.joined(separator: " ")) printed an escape")
        }

        // validate warns about what the learner will not see, by code point.
        let validate = try Marrow.run(["validate", "--lessons", Self.fixture])
        for expected in [
            "course.yaml:3:8: warning: 'title' holds U+001B, a terminal control character: it is not shown",
            "glossary.yaml:4:21: warning: 'aliases' holds U+0085, a terminal control character: it is not shown",
            "01-escapes.md:14:1: warning: this block holds U+001B, a terminal control character: it is not shown",
            "01-escapes.md:25:3: warning: this block holds U+009B, a terminal control character: it is not shown",
            "01-escapes.md:31:1: warning: this block holds U+202E, a bidirectional control character: it is not shown",
            "01-escapes.md:35:1: warning: this block holds U+200B, an invisible zero-width character: it is not shown",
            "02-raw-bytes.md:3:13: error: terminal control character U+001B is not allowed",
        ] {
            #expect(validate.stdout.contains(expected), "\(expected)\n\(validate.stdout)")
        }

        // A lesson with raw control bytes does not open; the message names the problem only.
        let broken = try Marrow.run(["read", "2", "--lessons", Self.fixture])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("terminal control character U+001B is not allowed"))
        #expect(TerminalLeaks.find(in: Array(broken.stdout.utf8) + Array(broken.stderr.utf8)).isEmpty)
    }

    /// Diagnostics quote course text (a bad id, an unknown key): `marrow validate` shows
    /// the escapes in it as `<U+001B>` rather than printing them.
    @Test(.timeLimit(.minutes(15)))
    func validateShowsEscapesInMessagesAsCodePoints() throws {
        let folder = try Marrow.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["course.yaml", "glossary.yaml"] {
            try FileManager.default.copyItem(atPath: Self.fixture + "/" + name, toPath: folder + "/" + name)
        }
        let lesson = """
            ---
            id: "bad\\e[31;7;999mid"
            title: T
            summary: S
            minutes: 1
            objectives: [a]
            sources: []
            reviewed: 2026-11-26
            "key\\e]52;c;SE9TVElMRQ==\\a": y
            "bidi\\u202Ekey": z
            ---
            # T

            Body.

            """
        try lesson.write(toFile: folder + "/01-bad.md", atomically: true, encoding: .utf8)
        for arguments in [["validate"], ["validate", "--json"], ["read", "1"], ["progress"], ["quiz", "1", "--plain"]] {
            let result = try Marrow.run(arguments + ["--lessons", folder], stdin: "", environment: ["MARROW_PROGRESS": folder + "/progress.json"])
            let leaks = TerminalLeaks.find(in: Array(result.stdout.utf8) + Array(result.stderr.utf8))
            #expect(leaks.isEmpty, "marrow \(arguments.joined(separator: " ")): \(leaks.joined(separator: "; "))")
            #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"), "marrow \(arguments.joined(separator: " "))")
        }
        let validate = try Marrow.run(["validate", "--lessons", folder])
        #expect(validate.stdout.contains("not 'bad<U+001B>[31;7;999mid'"), "\(validate.stdout)")
        #expect(validate.stdout.contains("unknown key 'key<U+001B>]52;c;SE9TVElMRQ==<U+0007>'"), "\(validate.stdout)")
        #expect(validate.stdout.contains("unknown key 'bidi<U+202E>key'"), "\(validate.stdout)")
    }
}

/// What, in bytes written to a terminal, could only have come from course content.
enum TerminalLeaks {
    /// `links`: the hyperlink targets the app may send (OSC 8 ; ; target ST, and
    /// the closing OSC 8 ; ; ST); any other OSC is a leak.
    static func find(in bytes: [UInt8], links: Set<String> = []) -> [String] {
        var leaks: [String] = []
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // A byte that is not UTF-8 (such as a raw 0x9B) is a C1 control to some terminals.
            return ["the output is not valid UTF-8"]
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let name = "U+" + String(v, radix: 16, uppercase: true)
            if v == 0x07 { leaks.append("BEL") }
            if (0x80...0x9F).contains(v) { leaks.append("C1 control \(name)") }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || [0x200E, 0x200F, 0x061C].contains(v) { leaks.append("bidi control \(name)") }
            if [0x200B, 0x2060, 0xFEFF].contains(v) { leaks.append("zero-width \(name)") }
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x1B, i + 1 < bytes.count else { i += 1; continue }
            switch bytes[i + 1] {
            case 0x5D:
                if let end = allowedHyperlink(in: bytes, at: i, links: links) { i = end; continue }
                leaks.append("OSC (ESC ]) at byte \(i): \(excerpt(bytes, i))")
            case 0x50: leaks.append("DCS (ESC P) at byte \(i): \(excerpt(bytes, i))")
            case 0x5F, 0x5E, 0x58: leaks.append("APC/PM/SOS at byte \(i): \(excerpt(bytes, i))")
            case 0x5B:
                // CSI: parameters and intermediates up to a final byte 0x40–0x7E.
                var j = i + 2
                while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                let sequence = String(decoding: bytes[(i + 2)..<min(j + 1, bytes.count)], as: UTF8.self)
                if sequence.contains("999") { leaks.append("CSI \(sequence) at byte \(i)") }
                i = j
            default:
                break
            }
            i += 1
        }
        return leaks
    }

    /// The index after an OSC 8 the app sends at `at` (a link to one of `links`,
    /// or the closing one), or nil.
    private static func allowedHyperlink(in bytes: [UInt8], at: Int, links: Set<String>) -> Int? {
        let prefix = Array("\u{1B}]8;;".utf8), terminator: [UInt8] = [0x1B, 0x5C]
        guard bytes[at...].starts(with: prefix) else { return nil }
        var j = at + prefix.count
        while j < bytes.count, bytes[j] != 0x1B { j += 1 }
        guard bytes[j...].starts(with: terminator) else { return nil }
        let target = String(decoding: bytes[(at + prefix.count)..<j], as: UTF8.self)
        return target.isEmpty || links.contains(target) ? j + terminator.count : nil
    }

    private static func excerpt(_ bytes: [UInt8], _ at: Int) -> String {
        String(decoding: bytes[at..<min(bytes.count, at + 30)], as: UTF8.self).replacingOccurrences(of: "\u{1B}", with: "␛")
    }
}
