#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore
import MarrowTUI

/// The reader at 80×24: one keystroke is `App.update` then `App.render`, as the
/// run loop does (without curses). Scrolls the longest lesson line by line and
/// page by page, back to the top at the end.
enum RenderBench {
    static func run(directory: String, count: Int) {
        let course = CourseLoader.load(directory: directory)
        guard let lesson = course.lessons.max(by: { $0.body.blocks.count < $1.body.blocks.count }) else {
            fail("\(directory): no lessons")
        }
        var progress = LearnerProgress()
        progress[course: course.info.id].disclaimerSeen = true
        let size = Size(columns: 80, rows: 24)
        let context = AppContext(course: course, progress: progress, now: Date())
        var state = AppState(context: context, size: size)
        state.screens.append(.reader(ReaderScreen(lessonID: lesson.id, target: .start, context: &state.context)))
        _ = App.render(state, size: size)

        let keys: [Key] = Array(repeating: .character("j"), count: 30) + [.pageDown, .pageDown, .pageUp, .end, .home]
        var keystroke: [Double] = []
        var renderOnly: [Double] = []
        for i in 0..<max(1, count) {
            let key = keys[i % keys.count]
            var buffer: ScreenBuffer?
            let ms = Measure.milliseconds {
                state = App.update(state, .key(key))
                buffer = App.render(state, size: size)
            }
            state.context.effects = []
            keystroke.append(ms)
            renderOnly.append(Measure.milliseconds { buffer = App.render(state, size: size) })
            precondition(buffer?.size == size)
        }
        report("render.keystroke.median", Measure.median(keystroke))
        report("render.keystroke.p90", Measure.percentile(keystroke, 0.9))
        report("render.only.median", Measure.median(renderOnly))
    }
}
