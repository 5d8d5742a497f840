/// A key as the app understands it, decoded by the backend from curses.
package enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("c")`.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
}

/// Everything that can happen to the app.
package enum Event: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    /// A signal that would end the app (SIGTERM, SIGHUP, SIGQUIT …): save and leave.
    case terminate
    /// Standard input was closed: save and leave.
    case inputClosed
}
