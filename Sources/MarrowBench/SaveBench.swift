#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// Saving one answer as the app and the plain quiz do (`ProgressStore.record`):
/// append it to the answer log (fsync) and apply it to the state in memory; the
/// cost must not grow with the answers or the questions answered. Then, once, the
/// rewrite of progress.json that leaving the quiz makes (`save.state`), which does.
enum SaveBench {
    static func run(statePath: String, count: Int) {
        let store = ProgressStore(path: statePath)
        var progress: LearnerProgress
        do { progress = try store.load().progress } catch { fail(error.description) }
        let course = progress.courses.keys.sorted().first ?? "bench"
        var times: [Double] = []
        for i in 0..<max(1, count) {
            let record = AnswerRecord(course: course, lesson: "bench-save", question: "bench-save-q\(i % 20 + 1)",
                                      chosen: [i % 3], correct: i % 2 == 0, time: Date(),
                                      attempt: "bench-save-\(i / 20)", attemptTotal: 20)
            do {
                let ms = try Measure.milliseconds {
                    try store.record(answer: record, into: &progress)
                }
                times.append(ms)
            } catch {
                fail("\(error)")
            }
        }
        report("save.median", Measure.median(times))
        report("save.p90", Measure.percentile(times, 0.9))
        do {
            let ms = try Measure.milliseconds { progress = try store.save(progress) }
            report("save.state", ms)
        } catch {
            fail("\(error)")
        }
    }
}
