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
            var loaded: Progress?
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
        // The first screen as the app draws it now: outline and first-screen progress.
        var outline: [Double] = [], firstProgress: [Double] = [], firstState: [Double] = [], firstRender: [Double] = []
        for _ in 0..<max(1, count) {
            outline.append(Measure.milliseconds { _ = CourseOutline.load(directory: directory, firstLessons: 24) })
            var early: Progress?
            firstProgress.append(Measure.milliseconds { early = ProgressStore(path: statePath).firstScreenProgress() })
            guard let early else { fail("\(statePath): no first-screen progress") }
            let size = Size(columns: 80, rows: 24)
            var app: AppState?
            firstState.append(Measure.milliseconds {
                app = FirstScreen.state(lessonsDirectory: directory, progress: early, size: size, monochrome: false, notices: [], now: Date())
            })
            guard let app else { fail("no first-screen state") }
            firstRender.append(Measure.milliseconds { _ = App.render(app, size: size) })
        }
        // The cached first screen (written beside STATE, as `marrow` does on quitting), read back as a launch does.
        let store = ProgressStore(path: statePath)
        let key = FirstScreenCache.Key(lessonsDirectory: directory, progressPath: statePath, monochrome: false, notices: [])
        FirstScreenCache.refresh(store: store, key: key, size: Size(columns: 80, rows: 24))
        var cached: [Double] = []
        for _ in 0..<max(1, count) {
            cached.append(Measure.milliseconds {
                guard FirstScreenCache.frame(store: store, key: key) != nil else { fail("\(statePath): no cached first screen") }
            })
        }
        report("startup.cache.frame", Measure.median(cached))
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
