/// The keymap as the KEYS section of the man page `marrow.1`.
///
/// `Scripts/build-manual` asks the built `marrow` for this section (the hidden
/// flag `--manual-keys`) and puts it into the page that swift-argument-parser's
/// `generate-manual` writes, so the man page lists the keys the app holds and
/// cannot drift from the help screens or the README's table.
///
/// The page is mdoc, as `generate-manual` writes it. Every key and action is a
/// quoted macro argument or a text line starting with `\&`, so no key or word
/// is read as a macro; characters beyond ASCII are written as `\[uXXXX]`, so
/// the page renders without warnings whatever the reader's locale.
extension Keymap {
    /// The heading of the section for the rules, before the screens' own keys.
    package static let manualRulesHeading = "On every screen"

    /// The KEYS section: the rules (with the screens they cover when not
    /// all), then each screen's own keys under its name.
    package static var manualSection: String {
        var lines = [
            ".Sh KEYS",
            text("One keymap for the whole app, so a key does the same thing wherever it works. In the search box and the glossary filter every letter is typed into the box, q included, and Esc leaves. Each screen's ? help lists its keys, and its bottom line shows the main ones."),
            ".Ss \(quoted(manualRulesHeading))",
            ".Bl -tag -width Ds",
        ]
        for row in rules {
            lines.append(".It Sy \(quoted(row.keys))")
            lines.append(text(row.action + placesNote(row.places)))
        }
        lines.append(".El")
        for place in Place.allCases {
            let own = screenKeys.filter { $0.places.contains(place) }
            guard !own.isEmpty else { continue }
            lines.append(".Ss \(quoted(place.rawValue))")
            lines.append(".Bl -tag -width Ds")
            for row in own {
                lines.append(".It Sy \(quoted(row.keys))")
                lines.append(text(row.action))
            }
            lines.append(".El")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// " — on Course map, Quiz" for a rule that holds on some screens only.
    static func placesNote(_ places: [Place]) -> String {
        let missing = Place.allCases.filter { !places.contains($0) }
        if missing.isEmpty { return "" }
        if missing.count <= 2 {
            return " — on every screen but " + missing.map { "the " + $0.rawValue.lowercased() }.joined(separator: " and ")
        }
        return " — on " + places.map(\.rawValue).joined(separator: ", ")
    }

    /// A text line of the page: never read as a macro, options' dashes as dashes.
    static func text(_ line: String) -> String {
        "\\&" + escaped(line).replacing("--", with: "\\-\\-")
    }

    /// A macro argument taken as it is (a quoted argument is never a macro name).
    static func quoted(_ argument: String) -> String {
        "\"" + escaped(argument).replacing("\"", with: "\\(dq") + "\""
    }

    /// Backslashes as `\e`, characters beyond ASCII as `\[uXXXX]`.
    static func escaped(_ string: String) -> String {
        var result = ""
        for scalar in string.unicodeScalars {
            if scalar == "\\" {
                result += "\\e"
            } else if scalar.value < 0x80 {
                result.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return result
    }
}
