import ArgumentParser
import MarrowCore
import MarrowCourse
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `marrow course`: the course built into this executable.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Work with the course built into marrow.",
        subcommands: [CourseExportCommand.self]
    )
}

/// `marrow course export DIR`: the built-in course written out as files, to start a new
/// course from or to read on a code host. It never writes into a folder that holds
/// anything, so it cannot overwrite an author's work.
struct CourseExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in course out as files (course.yaml, glossary.yaml, lessons) into a new or empty folder."
    )

    @Argument(help: ArgumentHelp("The folder to create (or an empty one).", valueName: "dir"))
    var directory: String

    func run() throws {
        let shown = Sanitizer.visible(directory)
        if FileIO.isDirectory(directory) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? ["?"]
            guard contents.isEmpty else {
                throw CLIError("course export: '\(shown)' is not empty: give a new folder or an empty one (nothing was written)")
            }
        } else if FileManager.default.fileExists(atPath: directory) {
            throw CLIError("course export: '\(shown)' exists and is not a folder (nothing was written)")
        }
        let files = BuiltInCourse.fileBytes
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in files {
                try Data(file.bytes).write(to: URL(filePath: CourseFilesPath.join(directory, file.name)), options: .atomic)
            }
        } catch {
            throw CLIError("course export: cannot write into '\(shown)': \(error)")
        }
        let info = CourseLoader.load(directory: GlobalOptions.builtInCourse()).info
        try StandardOutput.print(Sanitizer.visible("Wrote course \(info.id) \(info.version) (\(files.count) files) to \(directory)"))
    }
}

/// Joins a folder and a file name without doubling the slash.
enum CourseFilesPath {
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
