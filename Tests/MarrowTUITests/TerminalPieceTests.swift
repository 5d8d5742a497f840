import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The pure pieces of the terminal backend: key decoding and the theme.
@Suite struct TerminalPieceTests {
    @Test func decodesCharacters() {
        #expect(KeyDecoder.decode(character: 13) == .enter)
        #expect(KeyDecoder.decode(character: 10) == .enter)
        #expect(KeyDecoder.decode(character: 27) == .escape)
        #expect(KeyDecoder.decode(character: 127) == .backspace)
        #expect(KeyDecoder.decode(character: 8) == .backspace)
        #expect(KeyDecoder.decode(character: 9) == .tab)
        #expect(KeyDecoder.decode(character: 3) == .control("c"))
        #expect(KeyDecoder.decode(character: 12) == .control("l"))
        #expect(KeyDecoder.decode(character: 0x6A) == .character("j"))
        #expect(KeyDecoder.decode(character: 0x3F) == .character("?"))
        #expect(KeyDecoder.decode(character: 0x00E9) == .character("é"))
        #expect(KeyDecoder.decode(character: 0x6F22) == .character("漢"))
        #expect(KeyDecoder.decode(character: 0) == nil)
        #expect(KeyDecoder.decode(character: 0x9B) == nil)
    }

    @Test func decodesFunctionKeys() {
        #expect(KeyDecoder.decode(functionKey: 0o402) == .down)
        #expect(KeyDecoder.decode(functionKey: 0o403) == .up)
        #expect(KeyDecoder.decode(functionKey: 0o404) == .left)
        #expect(KeyDecoder.decode(functionKey: 0o405) == .right)
        #expect(KeyDecoder.decode(functionKey: 0o406) == .home)
        #expect(KeyDecoder.decode(functionKey: 0o550) == .end)
        #expect(KeyDecoder.decode(functionKey: 0o522) == .pageDown)
        #expect(KeyDecoder.decode(functionKey: 0o523) == .pageUp)
        #expect(KeyDecoder.decode(functionKey: 0o527) == .enter)
        #expect(KeyDecoder.decode(functionKey: 0o407) == .backspace)
        #expect(KeyDecoder.decode(functionKey: 0o512) == .delete)
        #expect(KeyDecoder.decode(functionKey: 0o541) == .backTab)
        #expect(KeyDecoder.decode(functionKey: 0o410) == nil) // F0: unused
    }

    @Test func themeNeverUsesWhiteOrBlackOnTheDefaultBackground() {
        for palette in [Theme.Palette.colors256, .colors8] {
            let theme = Theme(palette: palette)
            for role in Role.allCases {
                let look = theme.look(for: Style(role))
                if look.background == -1 {
                    #expect(![0, 7, 15, 16, 231, 3, 11].contains(look.foreground), "\(role) in \(palette)")
                }
            }
        }
    }

    @Test func monochromeUsesAttributesOnly() {
        let theme = Theme(palette: .monochrome)
        for role in Role.allCases {
            let look = theme.look(for: Style(role))
            #expect(look.foreground == -1 && look.background == -1)
        }
        #expect(theme.look(for: Style(.selected)).attributes.contains(.reverse))
        #expect(theme.look(for: Style(.status)).attributes.contains(.reverse))
        #expect(theme.look(for: Style(.title)).attributes.contains(.bold))
        #expect(theme.look(for: Style(.link)).attributes.contains(.underline))
        #expect(theme.look(for: Style(.normal, [.italic])).attributes == [.italic])
        #expect(Theme.palette(colors: 256, monochrome: true) == .monochrome)
        #expect(Theme.palette(colors: 256, monochrome: false) == .colors256)
        #expect(Theme.palette(colors: 8, monochrome: false) == .colors8)
        #expect(Theme.palette(colors: 0, monochrome: false) == .monochrome)
    }

    @Test func needsTerminalMessageIsOneLinePointingElsewhere() {
        #expect(!MarrowApp.needsTerminalMessage.contains("\n"))
        #expect(MarrowApp.needsTerminalMessage.contains("marrow read"))
        #expect(MarrowApp.needsTerminalMessage.contains("marrow progress"))
        // Tests run without a terminal on stdin.
        #expect(!MarrowApp.hasInteractiveTerminal(environment: ["TERM": "dumb"]))
        #expect(!MarrowApp.hasInteractiveTerminal(environment: [:]))
    }

    @Test func progressBarReadsWithoutColour() {
        #expect(ProgressBar.spans(fraction: 0, width: 10).map(\.text).joined() == "░░░░░░░░░░")
        #expect(ProgressBar.spans(fraction: 0.5, width: 10).map(\.text).joined() == "█████░░░░░")
        #expect(ProgressBar.spans(fraction: 0.01, width: 10).map(\.text).joined() == "█░░░░░░░░░")
        #expect(ProgressBar.spans(fraction: 0.99, width: 10).map(\.text).joined() == "█████████░")
        #expect(ProgressBar.spans(fraction: 1, width: 10).map(\.text).joined() == "██████████")
        #expect(ProgressBar.spans(fraction: .nan, width: 3).map(\.text).joined() == "░░░")
    }
}
