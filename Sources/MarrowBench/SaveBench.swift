#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MarrowCore

/// Saving one answer as the app does (`ProgressStore.record`): append it to the
/// answer log (fsync), then write progress.json atomically (fsync, rename, fsync
/// of the folder).
enum SaveBench {
    static func run(statePath: String, count: Int) {
        let store = ProgressStore(path: statePath)
        var progress: Progress
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
    }
}
