import MarrowCore

/// The last row of the screen: the top screen's most useful keys and "? help"
/// (or a passing message), in reverse video, with the screen's name on the right.
enum StatusLine {
    static func render(keys: [KeyHelp], title: String, flash: String?, row: Int, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        guard row >= 0, row < buffer.size.rows, width > 0 else { return }
        buffer.fill(row: row, column: 0, width: width, style: Style(.status))
        if let flash {
            buffer.put(" " + DisplayWidth.truncate(flash, to: width - 2), row: row, column: 0, style: Style(.status, [.bold]))
            return
        }
        var all = keys
        if !all.contains(where: { $0.keys == "?" }) { all.append(KeyHelp("?", "help")) }
        let name = " \(title) "
        let room = width - 1 - (width >= 60 ? DisplayWidth.of(name) : 0)
        // Drop keys from the end (never "? help") until they fit.
        func span(of pairs: [KeyHelp]) -> Int {
            pairs.reduce(0) { $0 + DisplayWidth.of($1.keys) + 1 + DisplayWidth.of($1.action) + 2 }
        }
        while all.count > 1, span(of: all) > room {
            let index = all.lastIndex { $0.keys != "?" } ?? 0
            all.remove(at: index)
        }
        var column = 1
        for pair in all {
            column += buffer.put(pair.keys, row: row, column: column, style: Style(.status, [.bold]), maxWidth: max(0, room - column))
            column += buffer.put(" " + pair.action, row: row, column: column, style: Style(.status), maxWidth: max(0, room - column))
            column += 2
        }
        if width >= 60 {
            buffer.put(name, row: row, column: width - DisplayWidth.of(name), style: Style(.status))
        }
    }
}
