import CNCursesW
import MarrowCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be started.
struct TerminalError: Error, CustomStringConvertible {
    var description: String
}

/// The ncurses backend: the only code that touches curses.
///
/// It sets up the locale and the terminal (raw keys, no echo, short Esc delay,
/// no terminal queries), draws `ScreenBuffer`s by changed cells only, reads keys
/// as `Event`s, and gives the terminal back (`restore()`) on every way out.
final class Terminal: TerminalBackend {
    private(set) var size: Size
    private let theme: Theme
    private var previous: ScreenBuffer?
    /// The colors of each pair made so far (pair n at n - 1): a handful, searched in order.
    private var pairColors: [Int32] = []
    /// The curses attributes and pair of the style drawn last, as most cells repeat it.
    private var lastLook: (style: Style, attributes: attr_t, pair: Int16)?
    private var maxPairs: Int
    private var isOpen = true
    private var cursorVisible: Int32 = -1
    /// The read timeout curses is set to, in milliseconds.
    private var timeoutMilliseconds: Int32 = 100
    /// Reads that failed at once, in a row: a sign that input is closed.
    private var quickFailures = 0
    /// Without a UTF-8 locale, characters beyond ASCII show as "?" rather than garbled bytes.
    private let asciiOnly: Bool
    /// The terminal's clear-screen bytes when it has no alternate screen, for `restore()`.
    private let clearWithoutAlternateScreen: [UInt8]?
    /// Whether web addresses are sent as OSC 8 hyperlinks (`Self.hyperlinksWanted`).
    let hyperlinks: Bool

    /// Sets the locale from the environment, falling back to C.UTF-8 when it is
    /// not UTF-8. Call before anything else; returns a notice for the learner if
    /// the locale was not UTF-8.
    static func prepareLocale() -> String? {
        let installed = setlocale(LC_ALL, "") != nil
        if isUTF8() { return nil }
        // The character locale asked for, when this system does not have it.
        let missing = installed ? nil : requestedLocale().flatMap { setlocale(LC_CTYPE, $0.value) == nil ? $0 : nil }
        let fallback = setlocale(LC_CTYPE, "C.UTF-8") != nil && isUTF8()
        return localeNotice(requested: missing, fallback: fallback)
    }

    /// The notice for a locale that is not UTF-8: `requested` names the locale the
    /// environment asked for when it is not installed here (usual in containers),
    /// so the learner is not told a UTF-8 locale is "not UTF-8"; `fallback` says
    /// whether C.UTF-8 is used instead.
    static func localeNotice(requested: (variable: String, value: String)?, fallback: Bool) -> String {
        if let requested {
            let name = Sanitizer.visible(requested.value)
            return fallback
                ? "The locale \(name) (from \(requested.variable)) is not installed; Marrow uses C.UTF-8 instead. Install it, or set \(requested.variable)=C.UTF-8, to silence this."
                : "The locale \(name) (from \(requested.variable)) is not installed and C.UTF-8 is not available: some characters may not show correctly."
        }
        return fallback
            ? "Your locale is not UTF-8; Marrow is using C.UTF-8 for this session. Set LANG to a UTF-8 locale to silence this."
            : "Your locale is not UTF-8 and C.UTF-8 is not available: some characters may not show correctly. Set LANG to a UTF-8 locale."
    }

    /// The variable that sets the character locale, as setlocale reads them: the
    /// first non-empty of LC_ALL, LC_CTYPE and LANG.
    private static func requestedLocale() -> (variable: String, value: String)? {
        for variable in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = Environment.value(variable), !value.isEmpty { return (variable, value) }
        }
        return nil
    }

    /// A terminfo string's bytes without its padding delays (`$<50>`), which only
    /// `tputs` understands.
    static func withoutPadding(_ capability: String) -> [UInt8] {
        var bytes = Array(capability.utf8)
        while let start = bytes.firstRange(of: Array("$<".utf8))?.lowerBound,
              let end = bytes[start...].firstIndex(of: UInt8(ascii: ">")) {
            bytes.removeSubrange(start...end)
        }
        return bytes
    }

    private static func isUTF8() -> Bool {
        guard let codeset = marrow_codeset() else { return false }
        // ASCII case folding: Unicode's (`uppercased()`) costs a lot on its first use, at launch.
        let name = String(decoding: String(cString: codeset).utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        return name == "UTF-8" || name == "UTF8"
    }

    /// Starts curses on standard input and output.
    /// `mouse`: report clicks and the wheel (on unless `--no-mouse`; with it
    /// off the terminal selects text with the mouse as usual).
    init(monochrome: Bool, mouse: Bool = true) throws(TerminalError) {
        guard marrow_newterm() != nil else {
            let term = getenv("TERM").map { String(cString: $0) } ?? ""
            throw TerminalError(description: "cannot start the terminal (TERM=\(term) is not known to this system)")
        }
        raw()
        noecho()
        keypad(marrow_stdscr(), true)
        intrflush(marrow_stdscr(), false)
        set_escdelay(25)
        wtimeout(marrow_stdscr(), 100)
        if mouse { marrow_mouse_on() }
        var colors = 0
        if !monochrome, has_colors() {
            start_color()
            if use_default_colors() == marrow_ok() { colors = Int(marrow_colors()) }
        }
        theme = Theme(palette: Theme.palette(colors: colors, monochrome: monochrome))
        asciiOnly = !Self.isUTF8()
        clearWithoutAlternateScreen = marrow_clear_without_alternate_screen().map { Self.withoutPadding(String(cString: $0)) }
        hyperlinks = !asciiOnly && Self.hyperlinksWanted(term: Environment.value("TERM"), setting: Environment.value("MARROW_HYPERLINKS"))
        maxPairs = Int(marrow_color_pairs())
        size = Size(columns: Int(marrow_getmaxx(marrow_stdscr())), rows: Int(marrow_getmaxy(marrow_stdscr())))
        installCrashHandlers()
    }

    deinit { restore() }

    /// Gives the terminal back as it was. Safe to call more than once.
    /// Without an alternate screen (TERM=linux, ansi) the last screen would stay
    /// under the shell's prompt: it is cleared, the prompt then starts at the top.
    func restore() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        if let clear = clearWithoutAlternateScreen {
            // After endwin, which has flushed curses' output: straight to the terminal.
            _ = clear.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        }
    }

    /// Throws away what was typed and not read yet (curses' queue and the terminal's).
    func discardTypeahead() {
        guard isOpen else { return }
        flushinp()
    }

    /// Leaves curses mode for the shell; `resume()` comes back.
    func suspend() {
        guard isOpen else { return }
        endwin()
    }

    /// Back in curses mode after `suspend()`, everything repainted on the next draw.
    func resume() {
        guard isOpen else { return }
        // The shell may have left the cursor either way: set it again on the next draw.
        cursorVisible = -1
        invalidate()
        wrefresh(marrow_stdscr())
    }

    /// Forgets what is on the screen, so the next draw repaints everything (Ctrl-L).
    func invalidate() {
        previous = nil
        clearok(marrow_curscr(), true)
    }

    // MARK: Drawing

    /// Draws a buffer, touching only the cells that changed since the last one.
    func draw(_ buffer: ScreenBuffer) {
        guard isOpen else { return }
        let window = marrow_stdscr()
        // On a cleared window, blank cells are already there: only the rest is put.
        let cleared = previous?.size != buffer.size
        if cleared {
            werase(window)
            previous = nil
        }
        let blank = Cell()
        let rows = min(buffer.size.rows, Int(marrow_getmaxy(window)))
        let columns = min(buffer.size.columns, Int(marrow_getmaxx(window)))
        for row in 0..<rows {
            for column in 0..<columns {
                let cell = buffer[row, column]
                if cell.isContinuation { continue }
                if let previous, previous[row, column] == cell { continue }
                if cleared, cell == blank { continue }
                put(cell, row: row, column: column, columns: columns, window: window)
            }
        }
        if let cursor = buffer.cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
            setCursor(visible: 1)
        } else {
            setCursor(visible: 0)
        }
        wrefresh(window)
        if hyperlinks { drawLinks(buffer, over: previous) }
        previous = buffer
    }

    /// Waits, at most `limit` milliseconds, until the terminal has read what was
    /// drawn. After the first screen the app loads the course and the progress in
    /// full on both cores at once; done before the terminal has read the screen,
    /// that work kept the terminal from showing it (a few milliseconds on two cores).
    func waitUntilRead(limit: Duration = .milliseconds(50)) {
        guard isOpen else { return }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while marrow_output_unread() > 0, clock.now < deadline {
            usleep(100)
        }
    }

    // MARK: Hyperlinks

    /// Whether to send hyperlinks (OSC 8): `MARROW_HYPERLINKS=0` (or off, no,
    /// false) turns them off and `=1` (on, yes, true) on; otherwise they are on,
    /// except on the Linux console and terminals that know no escapes beyond the
    /// old VT ones (dumb, vt100/vt220, ansi), which may print the address bytes.
    /// Terminals that have no hyperlinks ignore the sequence and show the text.
    static func hyperlinksWanted(term: String?, setting: String?) -> Bool {
        switch setting?.lowercased() {
        case "0", "off", "no", "false": return false
        case "1", "on", "yes", "true": return true
        default: break
        }
        guard let term, !term.isEmpty else { return false }
        let plain = ["linux", "dumb", "ansi", "vt52", "vt100", "vt102", "vt220", "cons25", "sun"]
        return !plain.contains { term == $0 || term.hasPrefix($0 + "-") }
    }

    /// Curses cannot send an escape sequence through its cells, so once it has
    /// drawn, the cells of each link that is new or changed are written again
    /// inside an OSC 8 hyperlink, and those of a link that is gone are written
    /// again without one (the terminal keeps a cell's link until it is
    /// rewritten). All of it between save and restore cursor (DECSC/DECRC,
    /// which keep the attributes too), so curses' idea of the terminal holds.
    private func drawLinks(_ buffer: ScreenBuffer, over old: ScreenBuffer?) {
        var bytes: [UInt8] = []
        let oldLinks = old?.links ?? []
        for link in oldLinks where !buffer.links.contains(link) {
            bytes += Self.linkBytes(link, target: nil, in: buffer, theme: theme)
        }
        for link in buffer.links {
            let same = old.map { old in
                oldLinks.contains(link) && (link.column..<(link.column + link.width)).allSatisfy { old[link.row, $0] == buffer[link.row, $0] }
            } ?? false
            if !same { bytes += Self.linkBytes(link, target: link.target, in: buffer, theme: theme) }
        }
        guard !bytes.isEmpty else { return }
        bytes = Array("\u{1B}7".utf8) + bytes + Array("\u{1B}8".utf8)
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = write(STDOUT_FILENO, raw.baseAddress! + sent, raw.count - sent)
                if n > 0 { sent += n } else if n < 0, errno == EINTR { continue } else { break }
            }
        }
    }

    /// The bytes that write a run of cells again at its place, in their looks,
    /// as a hyperlink to `target` (or as plain cells when nil).
    static func linkBytes(_ link: ScreenBuffer.Link, target: String?, in buffer: ScreenBuffer, theme: Theme) -> [UInt8] {
        guard link.row < buffer.size.rows, link.column < buffer.size.columns else { return [] }
        var text = "\u{1B}[\(link.row + 1);\(link.column + 1)H"
        if let target { text += Hyperlink.start(target) }
        var lastStyle: Style?
        for column in link.column..<min(buffer.size.columns, link.column + link.width) {
            let cell = buffer[link.row, column]
            if cell.isContinuation { continue }
            if cell.style != lastStyle {
                text += sgr(theme.look(for: cell.style))
                lastStyle = cell.style
            }
            // As curses draws it: a wide character that would not fit is a space.
            let wide = !cell.character.isASCII && DisplayWidth.of(cell.character) == 2
            text.append(wide && column + 1 >= buffer.size.columns ? " " : cell.character)
        }
        text += "\u{1B}[0m"
        if target != nil { text += Hyperlink.end }
        return Array(text.utf8)
    }

    /// The SGR sequence for a look (from a reset): attributes, then colors as
    /// the palette gave them (8, 16 or 256).
    static func sgr(_ look: Look) -> String {
        var codes = ["0"]
        if look.attributes.contains(.bold) { codes.append("1") }
        if look.attributes.contains(.dim) { codes.append("2") }
        if look.attributes.contains(.italic) { codes.append("3") }
        if look.attributes.contains(.underline) { codes.append("4") }
        if look.attributes.contains(.reverse) { codes.append("7") }
        func color(_ n: Int16, base: Int, bright: Int, extended: Int) -> String? {
            switch n {
            case ..<0: nil
            case 0..<8: String(base + Int(n))
            case 8..<16: String(bright + Int(n) - 8)
            default: "\(extended);5;\(n)"
            }
        }
        if let fg = color(look.foreground, base: 30, bright: 90, extended: 38) { codes.append(fg) }
        if let bg = color(look.background, base: 40, bright: 100, extended: 48) { codes.append(bg) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The curses attributes and color pair for a style.
    private func attributes(of style: Style) -> (attr_t, Int16) {
        if let last = lastLook, last.style == style { return (last.attributes, last.pair) }
        let look = theme.look(for: style)
        var attributes = marrow_a_normal()
        if look.attributes.contains(.bold) { attributes |= marrow_a_bold() }
        if look.attributes.contains(.underline) { attributes |= marrow_a_underline() }
        if look.attributes.contains(.reverse) { attributes |= marrow_a_reverse() }
        if look.attributes.contains(.dim) { attributes |= marrow_a_dim() }
        if look.attributes.contains(.italic) { attributes |= marrow_a_italic() }
        let pair = pairNumber(look)
        lastLook = (style, attributes, pair)
        return (attributes, pair)
    }

    private func put(_ cell: Cell, row: Int, column: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let (attributes, pair) = attributes(of: cell.style)
        // A wide character that would not fit on the last column is drawn as a space.
        // One UTF-8 byte is ASCII (asked this way: `Character.isASCII` costs more
        // than the rest of putting the cell together).
        let ascii = cell.character.utf8.count == 1
        let wide = ascii ? false : DisplayWidth.of(cell.character) == 2
        let cut = wide && column + 1 >= columns
        var character = cut ? " " : cell.character
        if asciiOnly, !ascii, !cut {
            character = "?"
            if wide, column + 1 < columns { mvwaddstr(window, Int32(row), Int32(column + 1), " ") }
        }
        // The character's scalars (at most 5, as cchar_t holds) and a 0, on the stack.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 6) { text in
            var count = 0
            for scalar in character.unicodeScalars {
                text[count] = wchar_t(bitPattern: scalar.value)
                count += 1
                if count == 5 { break }
            }
            text[count] = 0
            var complex = cchar_t()
            setcchar(&complex, text.baseAddress, attributes, pair, nil)
            mvwadd_wch(window, Int32(row), Int32(column), &complex)
        }
    }

    /// The color pair for a look's colors, made on first use.
    private func pairNumber(_ look: Look) -> Int16 {
        if look.foreground == -1 && look.background == -1 { return 0 }
        let key = Int32(look.foreground) << 16 | Int32(UInt16(bitPattern: look.background))
        if let index = pairColors.firstIndex(of: key) { return Int16(index + 1) }
        let next = pairColors.count + 1
        guard next < maxPairs, next <= Int(Int16.max) else { return 0 }
        init_pair(Int16(next), look.foreground, look.background)
        pairColors.append(key)
        return Int16(next)
    }

    private func setCursor(visible: Int32) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible)
    }

    // MARK: Reading

    /// Waits up to the usual read timeout (100 ms) for a key (see `readEvent(timeout:)`).
    func readEvent() -> Event? { readEvent(timeout: RunLoop.readTimeout) }

    /// Waits up to `timeout` for a key. nil when nothing came (or a signal
    /// interrupted the wait); `.inputClosed` when input is gone.
    func readEvent(timeout: Duration) -> Event? {
        guard isOpen else { return .inputClosed }
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        if milliseconds != timeoutMilliseconds {
            timeoutMilliseconds = milliseconds
            wtimeout(marrow_stdscr(), milliseconds)
        }
        var value: wint_t = 0
        let started = Self.milliseconds()
        let result = wget_wch(marrow_stdscr(), &value)
        if result == marrow_key_code_yes() {
            quickFailures = 0
            if Int32(bitPattern: value) == marrow_key_resize() {
                size = Size(columns: Int(marrow_getmaxx(marrow_stdscr())), rows: Int(marrow_getmaxy(marrow_stdscr())))
                previous = nil
                return .resize(size)
            }
            if Int32(bitPattern: value) == marrow_key_mouse() {
                var row: Int32 = 0, column: Int32 = 0
                let code = marrow_get_mouse(&row, &column)
                return KeyDecoder.decode(mouse: code, row: row, column: column)
            }
            return KeyDecoder.decode(functionKey: UInt32(value)).map(Event.key)
        }
        if result == marrow_ok() {
            quickFailures = 0
            return KeyDecoder.decode(character: UInt32(value)).map(Event.key)
        }
        // ERR: the timeout, a signal, or input that is closed (ERR at once, every time).
        if Self.milliseconds() - started < 20 { quickFailures += 1 } else { quickFailures = 0 }
        if quickFailures >= 5, Self.inputIsClosed() || quickFailures >= 500 { return .inputClosed }
        return nil
    }

    /// Whether standard input has hung up or reached its end.
    private static func inputIsClosed() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return true }
        let hangUp = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        // Readable yet nothing read: the end of the input.
        return descriptor.revents & hangUp != 0 || descriptor.revents & Int16(POLLIN) != 0
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}

/// On a crash (a Swift runtime trap, a bad access), give the terminal back and
/// say so in one line, then die of the same signal.
private func installCrashHandlers() {
    for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
        var action = sigaction()
        #if os(Linux)
        action.__sigaction_handler.sa_handler = crashHandler
        #else
        action.__sigaction_u.__sa_handler = crashHandler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
        sigaction(signalNumber, &action, nil)
    }
}

private let crashMessage: StaticString = "\nmarrow: internal error; the terminal was restored (your progress was saved at the last step).\n"

private let crashHandler: @convention(c) (Int32) -> Void = { number in
    endwin()
    _ = write(2, crashMessage.utf8Start, crashMessage.utf8CodeUnitCount)
    raise(number)
}
