#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore
import MarrowTUI

/// What `marrow` does before its first screen, phase by phase, without a
/// terminal: load the course, load the progress, build the state, render.
enum StartupBench {
    static func run(directory: String, statePath: String, count: Int) {
        var course: [Double] = [], progress: [Double] = [], state: [Double] = [], render: [Double] = []
        for _ in 0..<max(1, count) {
            var loadedCourse: Course?
            course.append(Measure.milliseconds { loadedCourse = CourseLoader.load(directory: directory) })
            var loaded: LearnerProgress?
            progress.append(Measure.milliseconds { loaded = try? ProgressStore(path: statePath).load().progress })
            guard let loadedCourse, let loaded else { fail("\(statePath): cannot load") }
            let size = Size(columns: 80, rows: 24)
            var app: AppState?
            state.append(Measure.milliseconds {
                app = AppState(context: AppContext(course: loadedCourse, progress: loaded, now: Date()), size: size)
            })
            guard let app else { fail("no state") }
            render.append(Measure.milliseconds { _ = App.render(app, size: size) })
        }
        // The first screen as the app draws it: the course's outline and the progress's summary.
        var outline: [Double] = [], firstProgress: [Double] = [], firstState: [Double] = [], firstRender: [Double] = []
        for _ in 0..<max(1, count) {
            outline.append(Measure.milliseconds { _ = CourseOutline.load(directory: directory, firstLessons: 24) })
            var early: LearnerProgress?
            firstProgress.append(Measure.milliseconds { early = ProgressStore(path: statePath).loadSummary() })
            guard let early else { fail("\(statePath): no progress summary") }
            let size = Size(columns: 80, rows: 24)
            var app: AppState?
            firstState.append(Measure.milliseconds {
                app = FirstScreen.state(lessonsDirectory: directory, progress: early, size: size, monochrome: false, notices: [], now: Date())
            })
            guard let app else { fail("no first-screen state") }
            firstRender.append(Measure.milliseconds { _ = App.render(app, size: size) })
        }
        report("startup.first.outline", Measure.median(outline))
        report("startup.first.progress", Measure.median(firstProgress))
        report("startup.first.state", Measure.median(firstState))
        report("startup.first.render", Measure.median(firstRender))
        report("startup.course", Measure.median(course))
        report("startup.progress", Measure.median(progress))
        report("startup.state", Measure.median(state))
        report("startup.render", Measure.median(render))
    }
}
