import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The study-days calendar: month labels at month and year ends, and shades that
/// stay visible on dark and light terminals.
@Suite struct HeatmapTests {
    /// The header line's labels with the column each starts at.
    static func labels(today: StudyDay, weeks: Int = 12, width: Int = 76) -> [(column: Int, text: String)] {
        let header = Heatmap.lines(answersPerDay: [:], today: today, weeks: weeks, width: width)[0].plainText
        var found: [(Int, String)] = []
        var column = 0
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !word.isEmpty { found.append((column, String(word))) }
            column += word.count + 1
        }
        return found
    }

    @Test func theCurrentWeekHoldingTheFirstOfDecemberIsLabeledDecember() {
        // Thursday 3 December 2026: its week began on Monday 30 November.
        let today = StudyDay(year: 2026, month: 12, day: 3)
        let found = Self.labels(today: today)
        #expect(found.map(\.text) == ["Sep", "Oct", "Nov", "Dec"])
        // December over the last column (4 + 2 × 11), October over the week of 28 September (week 2).
        #expect(found.last?.column == 26)
        #expect(found[1].column == 8)
    }

    @Test func aFirstStillToComeLabelsNothing() {
        // Monday 30 November: the 1st of December is not on the grid yet.
        let found = Self.labels(today: StudyDay(year: 2026, month: 11, day: 30))
        #expect(found.map(\.text).last == "Nov")
        #expect(!found.map(\.text).contains("Dec"))
        // The next day it is.
        #expect(Self.labels(today: StudyDay(year: 2026, month: 12, day: 1)).map(\.text).last == "Dec")
    }

    @Test func theYearTurnsOnTheRightWeek() {
        // Friday 1 January 2027, in the week that began on Monday 28 December.
        let newYear = Self.labels(today: StudyDay(year: 2027, month: 1, day: 1))
        #expect(newYear.map(\.text).suffix(2) == ["Dec", "Jan"])
        #expect(newYear.last?.column == 26)
        // Thursday 31 December 2026: January not yet.
        #expect(Self.labels(today: StudyDay(year: 2026, month: 12, day: 31)).map(\.text).last == "Dec")
        // Mid-January 2027, six weeks shown from Monday 7 December: December, then January over the week of 28 December.
        let january = Self.labels(today: StudyDay(year: 2027, month: 1, day: 14), weeks: 6, width: 16)
        #expect(january.map(\.text) == ["Dec", "Jan"])
        #expect(january.map(\.column) == [4, 10])
    }

    @Test func theFirstColumnGivesWayToTheNextMonth() {
        // Today Thursday 8 October 2026, three weeks: Mon 21 Sep, Mon 28 Sep (holds 1 Oct), Mon 5 Oct.
        let found = Self.labels(today: StudyDay(year: 2026, month: 10, day: 8), weeks: 3, width: 10)
        #expect(found.map(\.text) == ["Oct"])
        #expect(found[0].column == 6)
    }

    /// Each shade of the 256-color palette has at least 3:1 contrast (WCAG's
    /// measure for graphics) against a black and a white background.
    @Test func everyShadeIsVisibleOnDarkAndLightBackgrounds() {
        let theme = Theme(palette: .colors256)
        for role in Heatmap.roles {
            let color = Int(theme.look(for: Style(role)).foreground)
            let luminance = Self.luminance(xterm: color)
            let onBlack = (luminance + 0.05) / 0.05
            let onWhite = 1.05 / (luminance + 0.05)
            #expect(onBlack >= 3, "\(role) (color \(color)) on black: \(onBlack)")
            #expect(onWhite >= 3, "\(role) (color \(color)) on white: \(onWhite)")
        }
        // The 20+ shade is the full block, the boldest of the five.
        #expect(Heatmap.symbols[Heatmap.level(answers: 20)] == "█")
        #expect(theme.look(for: Style(.heat4)).attributes.contains(.bold))
    }

    /// The relative luminance of an xterm 256-color index (16–255: the color cube and grays).
    static func luminance(xterm index: Int) -> Double {
        let rgb: (Int, Int, Int)
        if index >= 232 {
            let v = 8 + 10 * (index - 232)
            rgb = (v, v, v)
        } else {
            let steps = [0, 95, 135, 175, 215, 255]
            let i = index - 16
            rgb = (steps[i / 36], steps[i / 6 % 6], steps[i % 6])
        }
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }
}
