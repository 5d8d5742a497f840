import MarrowCore

/// How many reviews fall due on each of the next days, as a small bar chart:
/// one column a day (today first), bars of eighth blocks, and under them each
/// day's count and weekday, so it reads without color.
///
/// ```
///        █
///  ▄     █        ▂
///  3  ·  9  ·  ·  2  1  ·  ·  ·  ·  ·  ·  ·
///  Th Fr Sa Su Mo Tu We Th Fr Sa Su Mo Tu We
/// ```
enum ForecastChart {
    /// Bar heights in eighths of a cell, bottom first.
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let weekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    static let weekdayLetters = ["M", "T", "W", "T", "F", "S", "S"]

    /// Cells a day takes: three (bar, bar, gap) when there is room, else two.
    static func columnWidth(days: Int, width: Int) -> Int {
        days * 3 <= width ? 3 : 2
    }

    /// The height of a bar in eighths, out of `rows * 8`: in proportion to the
    /// busiest day, and at least one eighth for any review at all.
    static func height(count: Int, maximum: Int, rows: Int) -> Int {
        guard count > 0, maximum > 0 else { return 0 }
        let levels = rows * 8
        return max(1, (count * levels + maximum - 1) / maximum)
    }

    /// The chart's lines for `counts` (today first), then a sentence with the
    /// total and the busiest day. `rows` is the bars' height in lines.
    static func lines(counts: [Int], today: StudyDay, width: Int, rows: Int = 3) -> [StyledLine] {
        guard !counts.isEmpty else { return [] }
        let total = counts.reduce(0, +)
        let days = counts.count
        guard total > 0 else {
            return Layout.wrap("No reviews fall due in the next \(days) days.", width: width, style: Style(.dim))
        }
        let cell = columnWidth(days: days, width: width)
        let barWidth = cell - 1
        let maximum = counts.max() ?? 0
        var lines: [StyledLine] = []
        for row in stride(from: rows - 1, through: 0, by: -1) {
            var text = ""
            for count in counts {
                let filled = min(8, max(0, height(count: count, maximum: maximum, rows: rows) - row * 8))
                text += String(repeating: String(eighths[filled]), count: barWidth) + " "
            }
            lines.append(StyledLine([Span(trimmed(text), Style(.barFilled))]))
        }
        // Counts: "·" for none; a count too wide for its column shows as "+".
        var countSpans: [Span] = []
        for count in counts {
            let text = count == 0 ? "·" : (String(count).count <= barWidth ? String(count) : "+")
            countSpans.append(Span(pad(text, cell), Style(count == 0 ? .dim : .normal)))
        }
        lines.append(StyledLine(countSpans))
        var labels = ""
        for offset in 0..<days {
            let weekday = today.adding(days: offset).weekday - 1
            labels += pad(cell >= 3 ? weekdayNames[weekday] : weekdayLetters[weekday], cell)
        }
        lines.append(StyledLine([Span(trimmed(labels), Style(.dim))]))
        let busiest = counts.firstIndex(of: maximum) ?? 0
        var sentence = "\(Wording.count(total, "review")) in \(days) days, today first; most \(dayName(today.adding(days: busiest), today: today)) (\(maximum))."
        if counts.contains(where: { String($0).count > barWidth }) {
            sentence += " + means \(barWidth == 1 ? 10 : 100) or more."
        }
        lines += Layout.wrap(sentence, width: width, style: Style(.dim))
        return lines
    }

    /// "today", "tomorrow" or "on Sat 28 Nov".
    static func dayName(_ day: StudyDay, today: StudyDay) -> String {
        switch day.dayNumber - today.dayNumber {
        case 0: return "today"
        case 1: return "tomorrow"
        default: return "on " + ReviewText.dayAndMonth(day)
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func trimmed(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
