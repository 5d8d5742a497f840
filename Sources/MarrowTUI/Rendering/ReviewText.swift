#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// The words shared by the screens that talk about reviews: when the next ones
/// fall due, and what is remembered now as a bar with its count.
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
            let year = day.date.year
            let text = "on " + dayAndMonth(day)
            return year == today.date.year ? text : text + " \(year)"
        }
    }

    /// "Thu 3 Dec".
    static func dayAndMonth(_ day: StudyDay) -> String {
        let (_, month, dayOfMonth) = day.date
        return "\(Heatmap.weekdayNames[day.weekday - 1]) \(dayOfMonth) \(Heatmap.monthNames[month - 1])"
    }

    /// "███░░ remembered 3/5": what is remembered now, as a bar and the words
    /// (`ProgressMeasures`), so it reads without color. Every screen shows it so;
    /// under a heading or label that already says "Remembered now", without the
    /// word (`labeled: false`: "███░░ 3/5").
    static func rememberedSpans(_ mastery: Mastery, barWidth: Int, labeled: Bool = true) -> [Span] {
        ProgressBar.spans(fraction: mastery.fraction, width: barWidth)
            + [Span(" " + (labeled ? ProgressMeasures.remembered(mastery) : "\(mastery.mastered)/\(mastery.total)"))]
    }
}
