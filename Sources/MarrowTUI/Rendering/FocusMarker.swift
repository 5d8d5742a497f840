/// The mark in front of a row of a list the learner moves through (quiz choices,
/// search results, missed questions).
///
/// Only the focused row is highlighted: its "▸ " is drawn in the focus style
/// (reverse video), and every other row gets two plain blanks. A blank marker
/// in the focus style would draw a reverse-video block on every row, so each
/// row would look half-selected.
package enum FocusMarker {
    /// The columns the marker takes.
    package static let width = 2

    /// "▸ " in the focus style for the focused row, plain blanks for the others.
    package static func span(focused: Bool) -> Span {
        focused ? Span("▸ ", Style(.focus, .bold)) : Span("  ")
    }
}
