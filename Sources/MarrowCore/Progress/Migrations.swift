/// Converts `progress.json` objects written with an older `schemaVersion` to the
/// current one, one version at a time, on the raw JSON (so fields that a step does
/// not touch, known or not, pass through unchanged).
///
/// Schema 1 is the first, so there are no steps yet. When the format changes:
/// bump `LearnerProgress.currentSchemaVersion`, add `steps[old] = { … }` turning an
/// `old` object into an `old + 1` object, and add a fixture of the old format to
/// the tests. A file newer than `currentSchemaVersion` is never migrated: the
/// store refuses to touch it.
package enum Migrations {
    /// One step: an object of version `n` (the key) becomes one of version `n + 1`.
    package typealias Step = @Sendable ([String: JSONValue]) throws(MigrationError) -> [String: JSONValue]

    /// The steps of this version of Marrow, keyed by the version they start from.
    package static let steps: [Int: Step] = [:]

    /// Runs the steps from `version` up to `target`; the result has
    /// `"schemaVersion": target`.
    package static func migrate(
        _ object: [String: JSONValue], from version: Int,
        to target: Int = LearnerProgress.currentSchemaVersion, steps: [Int: Step] = Migrations.steps
    ) throws(MigrationError) -> [String: JSONValue] {
        var object = object
        var current = version
        while current < target {
            guard let step = steps[current] else { throw MigrationError(version: current, target: target) }
            object = try step(object)
            current += 1
            object["schemaVersion"] = .number(Double(current))
        }
        return object
    }
}

/// A schema version that no step converts.
package struct MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    package var version: Int
    package var target: Int

    package init(version: Int, target: Int) {
        self.version = version
        self.target = target
    }

    package var description: String {
        "has schema \(version), which this version of Marrow cannot convert to schema \(target)"
    }
}
