#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A calendar day as the learner's clock showed it, for the study heatmap and streak.
package struct StudyDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is 0).
    package let dayNumber: Int

    package init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// From a proleptic Gregorian date.
    package init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        dayNumber = era * 146_097 + doe - 719_468
    }

    /// Year, month (1...12) and day (1...31).
    package var date: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    package var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((dayNumber % 7 + 7 + 3) % 7) + 1
    }

    package func adding(days: Int) -> StudyDay { StudyDay(dayNumber: dayNumber + days) }

    /// `2026-11-26`.
    package var description: String {
        let (y, m, d) = date
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    package static func < (a: StudyDay, b: StudyDay) -> Bool { a.dayNumber < b.dayNumber }
}

/// Turns instants into the learner's calendar days. FoundationEssentials alone
/// has no time zone database (`TimeZone.current` is GMT there), so `system` asks
/// the C library (`localtime_r`, which honors `TZ` and daylight saving time).
///
/// A value, not a closure, so that the state holding it can be compared
/// (`AppState` is `Equatable`): two clocks are equal when they are the same zone.
package enum DayClock: Sendable, Hashable {
    /// A fixed offset from UTC, whatever the date (tests, demos).
    case fixed(secondsEastOfUTC: Int)
    /// The machine's local time zone.
    case system

    package static let utc = DayClock.fixed(secondsEastOfUTC: 0)

    /// Seconds east of UTC at a given instant.
    package func offset(_ date: Date) -> Int {
        switch self {
        case .fixed(let seconds):
            return seconds
        case .system:
            return Platform.localOffsetFromUTC(atSecond: Int(date.timeIntervalSince1970.rounded(.down)))
        }
    }

    package func day(of date: Date) -> StudyDay {
        let local = date.timeIntervalSince1970.rounded(.down) + Double(offset(date))
        return StudyDay(dayNumber: Int((local / 86_400).rounded(.down)))
    }
}
