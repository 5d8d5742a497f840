import MarrowCore

/// Writes the state file an app would have after the answers in its log: the
/// state rebuilt from the log, with the disclaimer seen (so the course map is
/// the first screen).
enum Seed {
    static func run(statePath: String, directory: String) {
        let course = CourseLoader.load(directory: directory)
        let store = ProgressStore(path: statePath)
        do {
            let log = try store.readLog()
            var progress = LearnerProgress.rebuild(from: log.records)
            progress[course: course.info.id].disclaimerSeen = true
            try store.save(progress)
            report("seed.answers", Double(log.records.count))
        } catch {
            fail("\(error)")
        }
    }
}
