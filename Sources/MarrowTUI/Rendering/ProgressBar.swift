/// A horizontal bar of block characters: filled cells then empty ones. The
/// characters differ (█ and ░), so the bar reads without color too.
package enum ProgressBar {
    /// Spans for `fraction` (0...1) of a bar `width` cells wide.
    package static func spans(fraction: Double, width: Int) -> [Span] {
        guard width > 0 else { return [] }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        var filled = Int((clamped * Double(width)).rounded())
        // Anything started shows at least one cell; anything unfinished leaves one empty.
        if clamped > 0 && filled == 0 { filled = 1 }
        if clamped < 1 && filled == width { filled = width - 1 }
        var spans: [Span] = []
        if filled > 0 { spans.append(Span(String(repeating: "█", count: filled), Style(.barFilled))) }
        if width - filled > 0 { spans.append(Span(String(repeating: "░", count: width - filled), Style(.barEmpty))) }
        return spans
    }
}
