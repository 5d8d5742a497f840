import Foundation
import PackagePlugin

/// Generates the built-in course for the `MarrowCourse` target from the files in the
/// package's `Lessons/` folder, on every build: each file is an input of the build
/// command, so editing a lesson regenerates the Swift file and relinks `marrow`, and
/// nothing generated is committed.
@main
struct EmbedCourse: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lessons = context.package.directoryURL.appending(path: "Lessons")
        let names = try FileManager.default.contentsOfDirectory(atPath: lessons.path)
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".md") || $0.hasSuffix(".yaml")) }
            .sorted()
        let inputs = names.map { lessons.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInCourseFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the course from Lessons/ (\(names.count) files)",
                executable: try context.tool(named: "CourseEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
