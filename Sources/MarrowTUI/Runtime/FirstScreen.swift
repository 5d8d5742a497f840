#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MarrowCore

/// The first screen at launch, drawn before the course and the progress are
/// loaded in full: the course map from the course's outline (`CourseOutline`,
/// front matter only, no Markdown) and the progress's summary
/// (`ProgressStore.loadSummary`). The state it draws from is thrown away:
/// the app then loads both in full, draws again (the same screen, unless a
/// lesson's body or quiz has an error the outline cannot see) and only then
/// handles keys, so nothing is ever done or saved from it.
package enum FirstScreen {
    /// How many lessons' front matter to read before the terminal is started: the
    /// window's rows as the kernel gives them (at least 24). Every lesson row the
    /// course map can show fits in them; `state` reads more if it needs to.
    static func expectedRows() -> Int {
        var window = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &window) == 0 else { return 24 }
        return max(24, Int(window.ws_row))
    }

    /// The state to draw the first screen from, or nil when it might not draw what
    /// the full course would: no outline, or the disclaimer is to show over the
    /// course map (the very first run). `outline` is the course's outline read
    /// beforehand, if it was (with `firstLessons`); it is read again with more
    /// lessons when the screen or the progress needs them.
    package static func state(lessonsDirectory: String, outline: CourseOutline? = nil, progress: LearnerProgress, size: Size,
                             monochrome: Bool, notices: [String], now: Date) -> AppState? {
        // Lessons counted on the course map (read, or with a quiz score) and the
        // place to continue must be in the outline; so must every lesson row on screen.
        var wanted = Set<String>()
        for course in progress.courses.values {
            for (id, lesson) in course.lessons where lesson.isRead || !lesson.scoredAttempts.isEmpty { wanted.insert(id) }
            if let place = course.lastPlace { wanted.insert(place.lessonID) }
        }
        var outline = outline
        if let read = outline, !read.isComplete,
           read.readCount < size.rows || !wanted.isSubset(of: read.course.lessons.prefix(read.readCount).map { $0.id }) {
            outline = nil
        }
        if outline == nil {
            outline = CourseOutline.load(directory: lessonsDirectory, firstLessons: max(0, size.rows), wanted: wanted)
        }
        guard let outline, progress[course: outline.course.info.id].disclaimerSeen else { return nil }
        // Continue may point to the next unread lesson after the last place: one
        // whose front matter was not read is not known yet, so wait for the course.
        if let next = progress[course: outline.course.info.id].continuePlace(lessonIDs: outline.course.lessons.map { $0.id }),
           CourseOutline.isPlaceholder(next.lessonID) {
            return nil
        }
        let context = AppContext(course: outline.course, progress: progress, now: now, monochrome: monochrome, notices: notices)
        return AppState(context: context, size: size)
    }

    /// Draws the first screen on `terminal` if it can (see `state`).
    static func draw(on terminal: Terminal, lessonsDirectory: String, outline: CourseOutline?, progress: LearnerProgress, monochrome: Bool, notices: [String],
                     now: Date = Date()) {
        let size = terminal.size
        guard let state = state(lessonsDirectory: lessonsDirectory, outline: outline, progress: progress, size: size,
                                monochrome: monochrome, notices: notices, now: now) else { return }
        terminal.draw(App.render(state, size: size))
    }
}
