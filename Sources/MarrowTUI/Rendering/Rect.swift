/// A rectangle of the screen, in cells.
package struct Rect: Sendable, Hashable {
    package var row: Int
    package var column: Int
    package var width: Int
    package var height: Int

    package init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

extension Rect {
    /// A centered band of at most `maxWidth` columns with a one-cell margin each side: where list screens draw.
    func centeredColumns(maxWidth: Int) -> (column: Int, width: Int) {
        let width = max(1, min(self.width - 2, maxWidth))
        return (column + max(0, (self.width - width) / 2), width)
    }
}
