import MarrowCore

/// A calendar of study days drawn with block characters: weeks as columns, Monday
/// to Sunday as rows, one cell per day shaded by how many answers were given
/// (· none, ░ a few … █ many). The symbols differ, so it reads without color.
enum Heatmap {
    static let symbols: [Character] = ["·", "░", "▒", "▓", "█"]
    static let roles: [Role] = [.heat0, .heat1, .heat2, .heat3, .heat4]
    /// The least answers a day for each level above 0.
    static let thresholds = [1, 5, 10, 20]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// 0...4 for a number of answers in a day.
    static func level(answers: Int) -> Int {
        thresholds.lastIndex { answers >= $0 }.map { $0 + 1 } ?? 0
    }

    /// How many weeks fit in `width` cells (label column, then two cells a week), at most `limit`.
    static func weeks(fitting width: Int, limit: Int = 12) -> Int {
        max(1, min(limit, (width - 4) / 2))
    }

    /// The first day (a Monday) of a grid of `weeks` weeks whose last column holds `today`.
    static func firstDay(today: StudyDay, weeks: Int) -> StudyDay {
        today.adding(days: -(today.weekday - 1) - 7 * (weeks - 1))
    }

    /// Month labels, seven weekday rows and a legend, fitted to `width`.
    static func lines(answersPerDay counts: [StudyDay: Int], today: StudyDay, weeks: Int, width: Int) -> [StyledLine] {
        let start = firstDay(today: today, weeks: weeks)
        var lines: [StyledLine] = []
        var header = "    "
        for (week, month) in monthLabels(today: today, weeks: weeks) {
            let column = 4 + 2 * week
            // Labels are three cells wide and weeks two: only the first week may be crowded out.
            guard column >= header.count, column + 3 <= max(width, 7) else { continue }
            header += String(repeating: " ", count: column - header.count) + monthNames[month - 1]
        }
        lines.append(StyledLine([Span(header, Style(.dim))]))
        for weekday in 0..<7 {
            var spans = [Span(weekdayNames[weekday] + " ", Style(.dim))]
            for week in 0..<weeks {
                let day = start.adding(days: 7 * week + weekday)
                if day > today {
                    spans.append(Span("  "))
                    continue
                }
                let l = level(answers: counts[day] ?? 0)
                spans.append(Span(String(symbols[l]), Style(roles[l])))
                spans.append(Span(" "))
            }
            lines.append(StyledLine(spans))
        }
        lines += legend(width: width)
        return lines
    }

    /// The month labels of a grid of `weeks` weeks ending with `today`'s week:
    /// each month over the week column that shows its first day (a week that
    /// begins in November and holds the 1st of December is December's), and the
    /// first column labeled with the month it shows unless the next column
    /// already names a month (the two labels would overlap). Days after today are
    /// not shown, so a 1st still to come labels nothing.
    static func monthLabels(today: StudyDay, weeks: Int) -> [(week: Int, month: Int)] {
        let start = firstDay(today: today, weeks: weeks)
        var labels: [(week: Int, month: Int)] = []
        for week in 0..<weeks {
            let monday = start.adding(days: 7 * week)
            let shown = (0..<7).map { monday.adding(days: $0) }.filter { $0 <= today }
            if let first = shown.first(where: { $0.date.day == 1 }) {
                labels.append((week, first.date.month))
            }
        }
        if labels.first?.week ?? Int.max > 1 {
            labels.insert((0, start.date.month), at: 0)
        }
        return labels
    }

    /// "Answers a day: · 0  ░ 1–4  ▒ 5–9  ▓ 10–19  █ 20+", wrapped to `width`.
    static func legend(width: Int) -> [StyledLine] {
        var items: [[Span]] = [[Span("Answers a day:", Style(.dim))]]
        let labels = ["0", "1–4", "5–9", "10–19", "20+"]
        for l in 0..<5 {
            items.append([Span(String(symbols[l]), Style(roles[l])), Span(" " + labels[l], Style(.dim))])
        }
        return SpanFlow.lines(items, width: width)
    }
}
