import MarrowCore

/// Reading the whole answer log, as the app does just after its first screen
/// (for the review plan) and when the progress review opens.
enum LogBench {
    static func run(statePath: String, count: Int) {
        let store = ProgressStore(path: statePath)
        var times: [Double] = []
        var answers = 0
        for _ in 0..<max(1, count) {
            times.append(Measure.milliseconds {
                answers = (try? store.readLog().records.count) ?? -1
            })
        }
        guard answers >= 0 else { fail("\(statePath): cannot read the answer log") }
        report("log.answers", Double(answers))
        report("log.median", Measure.median(times))
    }
}
