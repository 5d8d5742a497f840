import MarrowCore

/// What the app needs of a terminal: its size, drawing a buffer, reading an
/// event, stepping aside for the shell and coming back, and giving it back.
///
/// `RunLoop` and `LockWaitView` talk only to this, so the whole loop (effects,
/// files, locks included) runs in-process on an in-memory terminal in tests,
/// as ratatui's `TestBackend` and Bubble Tea's teatest do; the ncurses
/// `Terminal` is the one real implementation. Used on one thread only.
protocol TerminalBackend: AnyObject {
    /// The size in cells, as of the last `.resize` event read.
    var size: Size { get }
    /// Shows `buffer` (a backend may draw only what changed since the last one).
    func draw(_ buffer: ScreenBuffer)
    /// Forgets what is shown, so the next `draw` repaints everything (Ctrl-L).
    func invalidate()
    /// Waits up to `timeout` for an event. nil when nothing came (or a signal
    /// interrupted the wait); `.inputClosed` once input is gone.
    func readEvent(timeout: Duration) -> Event?
    /// Throws away the keys typed but not read yet (typeahead), so that keys
    /// pressed before a new question was drawn cannot answer it.
    func discardTypeahead()
    /// Steps aside for the shell (job control): the terminal as it was before the app.
    func suspend()
    /// Takes the terminal again after `suspend()` and repaints on the next `draw`.
    func resume()
    /// Gives the terminal back for good. Safe to call more than once.
    func restore()
}
