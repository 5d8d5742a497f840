#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ProgressStore {
    /// What the first screen (the course map) shows of the state file, read
    /// quickly: each course's lessons, `lastPlace` and `disclaimerSeen`, leaving out
    /// the review schedules and unknown fields that take most of the decoding.
    ///
    /// Only for drawing the first screen while `load()` runs: it is never saved
    /// (it lacks the schedules), and nil whenever `load()` could give something
    /// else: no file, not a regular file, another schema, or anything unexpected.
    public func firstScreenProgress() -> Progress? {
        guard case .regular = try? FileIO.kind(path), let bytes = try? FileIO.readFile(path) else { return nil }
        guard let state = try? ProgressJSON.decoder().decode(FirstScreenState.self, from: Data(bytes)),
              state.schemaVersion == Progress.currentSchemaVersion else { return nil }
        return Progress(courses: state.courses.mapValues {
            CourseProgress(lessons: $0.lessons, lastPlace: $0.lastPlace, disclaimerSeen: $0.disclaimerSeen)
        })
    }
}

/// `progress.json` with only what the first screen needs.
private struct FirstScreenState: Decodable {
    var schemaVersion: Int
    var courses: [String: FirstScreenCourse]

    enum CodingKeys: String, CodingKey { case schemaVersion, courses }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        // Another schema may not hold courses as this one does: nothing more is read.
        guard schemaVersion == Progress.currentSchemaVersion else {
            courses = [:]
            return
        }
        courses = try c.decodeIfPresent([String: FirstScreenCourse].self, forKey: .courses) ?? [:]
    }
}

/// A course's progress without its review schedules, decoded as `CourseProgress` decodes it.
private struct FirstScreenCourse: Decodable {
    var lessons: [String: LessonProgress]
    var lastPlace: Place?
    var disclaimerSeen: Bool

    enum CodingKeys: String, CodingKey { case lessons, lastPlace, disclaimerSeen }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lessons = try c.decodeIfPresent([String: LessonProgress].self, forKey: .lessons) ?? [:]
        lastPlace = try c.decodeIfPresent(Place.self, forKey: .lastPlace)
        disclaimerSeen = try c.decodeIfPresent(Bool.self, forKey: .disclaimerSeen) ?? false
    }
}
