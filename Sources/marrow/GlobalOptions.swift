import ArgumentParser
import MarrowCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Options every command takes: where the course is and where progress is kept.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("lessons"), help: ArgumentHelp("The course folder.", valueName: "dir"))
    var lessons: String?

    @Option(name: .customLong("progress"), help: ArgumentHelp("The progress file (its answer log sits beside it).", valueName: "file"))
    var progress: String?

    /// The course folder: `--lessons`, then `MARROW_LESSONS`, then a `Lessons/`
    /// folder found walking up from the executable's real location, then `./Lessons`.
    func lessonsDirectory() throws -> String {
        try Self.lessonsDirectory(explicit: lessons)
    }

    /// `lessonsDirectory()` with `explicit` as the `--lessons` value.
    static func lessonsDirectory(explicit lessons: String?) throws -> String {
        if let lessons { return try checked(lessons, from: "--lessons") }
        if let fromEnvironment = Environment.value("MARROW_LESSONS"), !fromEnvironment.isEmpty {
            return try checked(fromEnvironment, from: "MARROW_LESSONS")
        }
        if let found = Self.lessonsNearExecutable() { return Self.relativeToWorkingDirectory(found) }
        if FileIO.isDirectory("Lessons") { return "Lessons" }
        throw CLIError("no course found: pass --lessons DIR or set MARROW_LESSONS (looked for a Lessons/ folder beside the marrow executable and in the current folder)")
    }

    /// The progress state file: `--progress`, then `MARROW_PROGRESS`, then the XDG data folder.
    func progressPath() throws -> String {
        try Self.progressPath(explicit: progress)
    }

    /// `progressPath()` with `explicit` as the `--progress` value; a missing HOME is one clear line.
    static func progressPath(explicit progress: String?) throws -> String {
        do {
            return try ProgressLocation.resolve(explicit: progress)
        } catch {
            throw CLIError(error.message)
        }
    }

    /// The time to take as now: `MARROW_NOW` (ISO 8601, e.g. `2026-11-27T09:00:00Z`) when
    /// set, so that reports, demos and tests can be repeated exactly; nil means the clock.
    func fixedNow() throws -> Date? { try Self.fixedNow() }

    /// `fixedNow()`, for the app too (which opens without a command value).
    static func fixedNow() throws -> Date? {
        guard let text = Environment.value("MARROW_NOW"), !text.isEmpty else { return nil }
        guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
            throw CLIError("MARROW_NOW: '\(text)' is not a date and time like 2026-11-27T09:00:00Z")
        }
        return date
    }

    /// Now: `MARROW_NOW` if set, else the clock.
    func now() throws -> Date { try fixedNow() ?? Date() }

    private static func checked(_ path: String, from source: String) throws -> String {
        guard FileIO.isDirectory(path) else {
            throw CLIError("\(source): '\(path)' is not a folder")
        }
        return path
    }

    /// `path` relative to the current folder when it lies below it, so diagnostics read `Lessons/01-x.md`.
    private static func relativeToWorkingDirectory(_ path: String) -> String {
        guard let cwd = FileManager.default.currentDirectoryPath.nilIfEmpty else { return path }
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func lessonsNearExecutable() -> String? {
        guard var folder = Platform.executablePath() else { return nil }
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            let candidate = (folder.isEmpty ? "" : folder) + "/Lessons"
            if FileIO.isDirectory(candidate) { return candidate }
            if folder.isEmpty { break }
        }
        return nil
    }
}

/// Rejects a `--desired-retention` outside the range FSRS schedules for (0.7 to 0.99).
func checkDesiredRetention(_ value: Double?) throws {
    if let value, !FSRS.desiredRetentionRange.contains(value) {
        throw ValidationError("--desired-retention must be between 0.7 and 0.99")
    }
}

/// Rejects a `--review-limit` outside 1...1000.
func checkReviewLimit(_ value: Int?) throws {
    if let value, !CourseInfo.reviewLimitRange.contains(value) {
        throw ValidationError("--review-limit must be between 1 and 1000")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
