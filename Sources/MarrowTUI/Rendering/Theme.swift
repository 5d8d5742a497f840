/// How a role looks on a terminal: colors (curses color numbers, -1 for the
/// terminal's own default) and attributes.
package struct Look: Sendable, Hashable {
    package var foreground: Int16
    package var background: Int16
    package var attributes: TextAttributes

    package init(foreground: Int16 = -1, background: Int16 = -1, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Turns named roles into looks, for 256 colors, 8 colors or none.
///
/// Readable on dark and light backgrounds alike: text keeps the terminal's own
/// background, foregrounds are mid-tone colors (never white, black or yellow on
/// the default background), and selection and the status line use reverse video.
/// The theme never carries meaning alone: screens also write symbols and words
/// (✓ Correct, ✗ Not quite, ○ new, ● quiz 7/8, ◑ in quiz 3/8).
package struct Theme: Sendable, Hashable {
    package enum Palette: Sendable, Hashable {
        case colors256, colors8, monochrome
    }

    package var palette: Palette

    package init(palette: Palette) {
        self.palette = palette
    }

    /// The palette for a terminal with `colors` colors, or monochrome when asked (NO_COLOR, --no-color).
    package static func palette(colors: Int, monochrome: Bool) -> Palette {
        if monochrome || colors < 8 { return .monochrome }
        return colors >= 256 ? .colors256 : .colors8
    }

    /// The look of a style: its role's look plus the style's own attributes.
    package func look(for style: Style) -> Look {
        var look = switch palette {
        case .colors256: Self.look256(style.role)
        case .colors8: Self.look8(style.role)
        case .monochrome: Look(attributes: Self.monochromeAttributes(style.role))
        }
        look.attributes.formUnion(style.attributes)
        return look
    }

    /// Attributes standing in for color without it: bold, underline, reverse and dim.
    static func monochromeAttributes(_ role: Role) -> TextAttributes {
        switch role {
        case .normal, .emphasis, .strong, .code, .barFilled, .barEmpty, .heat0, .heat1, .heat2, .heat3, .heat4: []
        case .title: [.bold, .underline]
        case .heading, .subheading, .accent, .key, .correct, .warning: [.bold]
        case .link: [.underline]
        case .url, .quote, .dim: [.dim]
        case .selected, .status: [.reverse]
        case .focus: [.reverse, .bold]
        case .wrong: [.bold, .underline]
        case .highlight: [.reverse, .underline]
        }
    }

    private static func look256(_ role: Role) -> Look {
        switch role {
        case .normal, .emphasis, .strong: Look()
        case .title: Look(foreground: 32, attributes: [.bold])
        case .heading: Look(foreground: 32, attributes: [.bold])
        case .subheading: Look(foreground: 30, attributes: [.bold])
        case .code: Look(foreground: 130)
        case .link: Look(foreground: 32, attributes: [.underline])
        case .url, .dim, .barEmpty: Look(foreground: 244)
        case .quote: Look(foreground: 97)
        case .accent: Look(foreground: 32)
        case .key: Look(foreground: 32, attributes: [.bold])
        case .selected, .status: Look(attributes: [.reverse])
        case .focus: Look(attributes: [.reverse, .bold])
        case .correct: Look(foreground: 28, attributes: [.bold])
        case .wrong: Look(foreground: 160, attributes: [.bold])
        case .warning: Look(foreground: 166, attributes: [.bold])
        case .highlight: Look(foreground: 16, background: 222)
        case .barFilled: Look(foreground: 32)
        // The heatmap's shades are told apart by their characters (· ░ ▒ ▓ █); the
        // greens only tint them, each with a contrast of at least 3:1 against both a
        // black and a white background (a darker green for more answers vanished on
        // a dark terminal).
        case .heat0: Look(foreground: 244)
        case .heat1: Look(foreground: 65)
        case .heat2: Look(foreground: 29)
        case .heat3: Look(foreground: 28)
        case .heat4: Look(foreground: 28, attributes: [.bold])
        }
    }

    private static func look8(_ role: Role) -> Look {
        // 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
        switch role {
        case .normal, .emphasis, .strong: Look()
        case .title, .heading, .key: Look(foreground: 4, attributes: [.bold])
        case .subheading: Look(foreground: 6, attributes: [.bold])
        case .code, .quote: Look(foreground: 5)
        case .link: Look(foreground: 4, attributes: [.underline])
        case .url, .dim, .barEmpty, .heat0: Look(attributes: [.dim])
        case .accent, .barFilled: Look(foreground: 4)
        case .selected, .status: Look(attributes: [.reverse])
        case .focus: Look(attributes: [.reverse, .bold])
        case .correct: Look(foreground: 2, attributes: [.bold])
        case .wrong: Look(foreground: 1, attributes: [.bold])
        case .warning: Look(foreground: 1)
        case .highlight: Look(foreground: 0, background: 3)
        case .heat1, .heat2: Look(foreground: 2)
        case .heat3, .heat4: Look(foreground: 2, attributes: [.bold])
        }
    }
}
