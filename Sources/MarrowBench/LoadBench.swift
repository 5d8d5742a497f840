import MarrowCore

/// Loading and validating a course folder, as `marrow validate` does.
enum LoadBench {
    static func run(directories: [String]) {
        for directory in directories {
            var times: [Double] = []
            var lessons = 0
            var questions = 0
            // One warm-up load (file cache), then five: their median, and their minimum,
            // the steadier figure on a shared machine.
            for round in 0..<6 {
                var report: ValidationReport?
                let ms = Measure.milliseconds {
                    let course = CourseLoader.load(directory: directory)
                    report = ValidationReport.make(course: course)
                }
                if round > 0 { times.append(ms) }
                lessons = report?.totals.lessons ?? 0
                questions = report?.totals.questions ?? 0
                if let errors = report?.errorCount, errors > 0 {
                    fail("\(directory): \(errors) validation errors")
                }
            }
            report("load.\(lessons).lessons", Double(lessons))
            report("load.\(lessons).questions", Double(questions))
            report("load.\(lessons).ms", Measure.median(times))
            report("load.\(lessons).min", times.min() ?? .nan)
        }
    }
}
