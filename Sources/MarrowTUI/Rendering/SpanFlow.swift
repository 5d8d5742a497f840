/// Lays items (each a few spans that belong together, like "✓ read") out on lines
/// of a given width, left to right, starting a new line when the next item would
/// not fit: a tiny word wrap for styled pieces.
enum SpanFlow {
    static func lines(_ items: [[Span]], width: Int, indent: Int = 0, gap: Int = 2) -> [StyledLine] {
        var lines: [StyledLine] = []
        var current: [Span] = []
        var used = 0
        for item in items where !item.isEmpty {
            let w = item.reduce(0) { $0 + $1.width }
            if used > 0 && used + gap + w > width {
                lines.append(StyledLine(current))
                current = []
                used = 0
            }
            if used == 0 {
                if indent > 0 { current.append(Span(String(repeating: " ", count: indent))) }
                used = indent
            } else {
                current.append(Span(String(repeating: " ", count: gap)))
                used += gap
            }
            current += item
            used += w
        }
        if !current.isEmpty { lines.append(StyledLine(current)) }
        return lines
    }
}
