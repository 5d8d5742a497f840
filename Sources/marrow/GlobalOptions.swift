import ArgumentParser
import MarrowCore
import MarrowCourse
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
    /// folder found walking up from the executable's real location, then `./Lessons`,
    /// then the course built into the executable (a folder in memory, see `MemoryFolders`).
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
        return builtInCourse()
    }

    /// Registers the built-in course as a folder in memory and returns its name.
    static func builtInCourse() -> String {
        if !MemoryFolders.isFolder(MemoryFolders.builtInName) {
            MemoryFolders.register(MemoryFolders.builtInName, files: BuiltInCourse.fileBytes)
        }
        return MemoryFolders.builtInName
    }

    /// Which course `directory` holds, for `--version`: "course hsct 2.0 (built in)" or
    /// "course hsct 2.0 (from /abs/Lessons)", the path made safe to print.
    static func courseLine(directory: String) -> String {
        guard let outline = CourseOutline.load(directory: directory, firstLessons: 0) else {
            return "course: none found in \(Sanitizer.visible(directory))"
        }
        let info = outline.course.info
        let version = info.version.isEmpty ? "" : " " + info.version
        let origin: String
        if MemoryFolders.isFolder(directory) {
            origin = "built in"
        } else {
            let absolute = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
            origin = "from " + absolute
        }
        return Sanitizer.visible("course \(info.id)\(version) (\(origin))")
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
