/// A key as the app understands it, decoded by the backend from curses.
package enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
}

/// A mouse action at a cell of the screen (0-based row and column).
package struct Mouse: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// The left button pressed and released.
        case click
        case wheelUp, wheelDown
    }
    package var kind: Kind
    package var row: Int
    package var column: Int

    package init(_ kind: Kind, row: Int, column: Int) {
        self.kind = kind
        self.row = row
        self.column = column
    }
}

/// Everything that can happen to the app.
package enum Event: Sendable, Hashable {
    case key(Key)
    case mouse(Mouse)
    case resize(Size)
    /// A signal that would end the app (SIGTERM, SIGHUP, SIGQUIT …): save and leave.
    case terminate
    /// Standard input was closed: save and leave.
    case inputClosed
}
