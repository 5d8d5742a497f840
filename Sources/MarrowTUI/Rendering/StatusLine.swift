import MarrowCore

/// The last row of the screen: the top screen's most useful keys and "? help"
/// (or a passing message), in reverse video, with the screen's name on the right.
enum StatusLine {
    /// Draws the keys that fit (`fitting`) from column 1, and the screen's name
    /// on the right from 60 columns.
    static func render(keys: [KeyHelp], dropOrder: [KeyHelp] = [], title: String, flash: String?, row: Int, into buffer: inout ScreenBuffer) {
        let width = buffer.size.columns
        guard row >= 0, row < buffer.size.rows, width > 0 else { return }
        buffer.fill(row: row, column: 0, width: width, style: Style(.status))
        if let flash {
            buffer.put(" " + DisplayWidth.truncate(flash, to: width - 2), row: row, column: 0, style: Style(.status, [.bold]))
            return
        }
        let name = " \(title) "
        let room = self.room(width: width, title: title)
        var column = 1
        for pair in fitting(keys, dropOrder: dropOrder, room: room - 1) {
            column += buffer.put(pair.keys, row: row, column: column, style: Style(.status, [.bold]), maxWidth: max(0, room - column))
            column += buffer.put(" " + pair.action, row: row, column: column, style: Style(.status), maxWidth: max(0, room - column))
            column += 2
        }
        if width >= 60 {
            buffer.put(name, row: row, column: width - DisplayWidth.of(name), style: Style(.status))
        }
    }

    /// The column the keys end before: the screen's name keeps its place from 60 columns.
    static func room(width: Int, title: String) -> Int {
        width - 1 - (width >= 60 ? DisplayWidth.of(" \(title) ") : 0)
    }

    /// The hints that fit in `room` columns, two spaces apart, each whole (never
    /// one cut in half), with "? help" always last. When they do not all fit,
    /// hints are dropped whole: first those in `dropOrder`, in its order (a
    /// screen lists there what its own text already says, such as how to
    /// choose an answer, or what is optional), then the rest from the end.
    static func fitting(_ keys: [KeyHelp], dropOrder: [KeyHelp] = [], room: Int) -> [KeyHelp] {
        var all = keys
        if !all.contains(where: { $0.keys == "?" }) { all.append(KeyHelp("?", "help")) }
        func span(of pairs: [KeyHelp]) -> Int {
            pairs.reduce(0) { $0 + DisplayWidth.of($1.keys) + 1 + DisplayWidth.of($1.action) + 2 } - 2
        }
        var order = dropOrder.filter { $0.keys != "?" }
        while all.count > 1, span(of: all) > room {
            if let next = order.first {
                order.removeFirst()
                all.removeAll { $0 == next }
            } else {
                let index = all.lastIndex { $0.keys != "?" } ?? 0
                all.remove(at: index)
            }
        }
        return all
    }
}
