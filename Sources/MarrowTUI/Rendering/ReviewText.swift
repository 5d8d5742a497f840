#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The words shared by the screens that talk about reviews: when the next ones
/// fall due, and mastery as a bar with its percentage.
enum ReviewText {
    /// When `date` comes, in the learner's days: "now", "later today",
    /// "tomorrow", "in 3 days" (up to a week), else "on Thu 3 Dec" (with the
    /// year when it is not this year's).
    static func when(_ date: Date, now: Date, clock: DayClock) -> String {
        if date <= now { return "now" }
        let today = clock.day(of: now)
        let day = clock.day(of: date)
        let days = day.dayNumber - today.dayNumber
        switch days {
        case ...0: return "later today"
        case 1: return "tomorrow"
        case 2...6: return "in \(days) days"
        default:
            let (year, month, dayOfMonth) = day.date
            let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
            let text = "on \(names[day.weekday - 1]) \(dayOfMonth) \(Heatmap.monthNames[month - 1])"
            return year == today.date.year ? text : text + " \(year)"
        }
    }

    /// A whole percentage of a fraction, rounded half up.
    static func percent(_ fraction: Double) -> Int {
        fraction.isFinite ? Int((min(1, max(0, fraction)) * 100).rounded()) : 0
    }

    /// "███░░ mastery 60%": a bar and the words, so it reads without colour.
    static func masterySpans(fraction: Double, barWidth: Int, word: String = "mastery") -> [Span] {
        ProgressBar.spans(fraction: fraction, width: barWidth) + [Span(" \(word) \(percent(fraction))%")]
    }
}
