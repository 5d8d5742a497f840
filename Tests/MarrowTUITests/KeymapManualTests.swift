import Testing
@testable import MarrowTUI

/// The man page's KEYS section (`marrow --manual-keys`, put into `marrow.1` by
/// `Scripts/build-manual`) is the keymap: read back, it gives every rule under
/// "On every screen" and each screen's own keys under its name, and nothing else.
@Suite struct KeymapManualTests {
    /// One `.Ss` heading with its `.It` keys and the text lines under each.
    struct Entry: Equatable, CustomStringConvertible {
        var heading: String
        var keys: String
        var text: String
        var description: String { "\(heading) | \(keys) | \(text)" }
    }

    /// Reads the section back: undoes the escapes `Keymap.manualSection` writes.
    static func entries(of section: String) -> [Entry] {
        var entries: [Entry] = []
        var heading = ""
        for line in section.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix(".Ss ") {
                heading = unquoted(String(line.dropFirst(4)))
            } else if line.hasPrefix(".It Sy ") {
                entries.append(Entry(heading: heading, keys: unquoted(String(line.dropFirst(7))), text: ""))
            } else if line.hasPrefix("\\&"), !entries.isEmpty, !heading.isEmpty {
                entries[entries.count - 1].text = unescaped(String(line.dropFirst(2)))
            }
        }
        return entries
    }

    static func unquoted(_ argument: String) -> String {
        unescaped(String(argument.dropFirst().dropLast())).replacing("\\(dq", with: "\"")
    }

    static func unescaped(_ text: String) -> String {
        var result = text.replacing("\\-", with: "-").replacing("\\e", with: "\\")
        while let range = result.firstRange(of: "\\[u") {
            let end = result[range.upperBound...].firstIndex(of: "]")!
            let scalar = Unicode.Scalar(UInt32(result[range.upperBound..<end], radix: 16)!)!
            result.replaceSubrange(range.lowerBound...end, with: String(Character(scalar)))
        }
        return result
    }

    @Test func theKeysSectionIsTheKeymap() {
        var expected = Keymap.rules.map {
            Entry(heading: Keymap.manualRulesHeading, keys: $0.keys, text: $0.action + Keymap.placesNote($0.places))
        }
        for place in Keymap.Place.allCases {
            expected += Keymap.screenKeys.filter { $0.places.contains(place) }.map {
                Entry(heading: place.rawValue, keys: $0.keys, text: $0.action)
            }
        }
        let found = Self.entries(of: Keymap.manualSection)
        #expect(found == expected, "KEYS section read back:\n\(found.map(\.description).joined(separator: "\n"))")
        // Every row of the keymap is in it: each rule once, each screen key once per screen.
        #expect(found.count == Keymap.rules.count + Keymap.screenKeys.reduce(0) { $0 + $1.places.count })
    }

    @Test func aRuleOnSomeScreensNamesThem() {
        #expect(Keymap.placesNote(Keymap.Place.allCases) == "")
        #expect(Keymap.placesNote(Keymap.Place.lettered) == " — on every screen but the glossary and the search")
        #expect(Keymap.placesNote([.courseMap, .quiz]) == " — on Course map, Quiz")
    }

    /// man and groff read the page in any locale without a warning: only ASCII,
    /// and no text line that roff could take for a request.
    @Test func thePageTextIsPlainRoff() {
        let section = Keymap.manualSection
        #expect(section.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(section.hasPrefix(".Sh KEYS\n"))
        for line in section.split(separator: "\n") {
            let macro = line.hasPrefix(".Sh ") || line.hasPrefix(".Ss ") || line.hasPrefix(".It Sy \"")
                || line == ".Bl -tag -width Ds" || line == ".El"
            #expect(macro || line.hasPrefix("\\&"), "not a macro or a guarded text line: \(line)")
        }
        #expect(Keymap.text("off with --no-mouse") == "\\&off with \\-\\-no-mouse")
        #expect(Keymap.quoted("say \"hi\" →") == "\"say \\(dqhi\\(dq \\[u2192]\"")
        #expect(Keymap.escaped("a\\b") == "a\\eb")
    }
}
