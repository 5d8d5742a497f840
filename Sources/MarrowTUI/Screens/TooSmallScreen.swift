import MarrowCore

/// What shows when the terminal is below the minimum size: the sizes needed and
/// had, centred, wrapped and clipped to whatever room there is, down to 1×1.
enum TooSmallScreen {
    static func render(size: Size, into buffer: inout ScreenBuffer) {
        guard size.columns > 0, size.rows > 0 else { return }
        let need = App.minimumSize
        let message = "Terminal too small: need \(need.columns)×\(need.rows), have \(size.columns)×\(size.rows)"
        var lines = Layout.wrap(message, width: size.columns, style: Style(.warning, [.bold]))
        let hint = Layout.wrap("Enlarge the window, or press q to quit.", width: size.columns, style: Style(.dim))
        if lines.count + 1 + hint.count <= size.rows {
            lines.append(StyledLine())
            lines += hint
        }
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.rows {
            let column = max(0, (size.columns - line.width) / 2)
            buffer.draw(line, row: top + index, column: column, width: size.columns - column)
        }
        buffer.cursor = nil
    }
}
