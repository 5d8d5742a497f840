import Foundation
import Testing
import MarrowTestSupport

/// Runs the built `marrow` binary, as a user would, and captures what it prints.
enum Marrow {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The lines written to standard error.
        var errorLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    /// The `marrow` executable built beside this test bundle.
    static var executable: String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = me.deletingLastPathComponent()
        // On Linux the test runner is `<build>/debug/MarrowPackageTests.xctest`.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("marrow").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return me.deletingLastPathComponent().appendingPathComponent("marrow").path
    }

    /// The package's root folder.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// A fixture folder of this test target.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// Runs `marrow` with arguments, an optional standard input, and extra environment.
    /// `wrap` turns the whole command line (starting with the executable) into the
    /// one to run, such as `Fault.asNobody`. Standard input is empty (closed) unless given.
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], in directory: String? = nil,
                    wrap: ([String]) -> [String] = { $0 }) throws -> Result {
        let argv = wrap([executable] + arguments)
        var changes: [String: String?] = ["MARROW_LESSONS": nil, "MARROW_PROGRESS": nil]
        for (k, v) in environment { changes[k] = v }
        // A generous limit: only a guard against a hang.
        let r = try ProcessRunner.run(argv, folder: NSTemporaryDirectory(), environment: changes, stdin: stdin ?? "",
                                      in: directory, separateErrors: true, timeout: 120)
        return Result(status: r.status, stdout: r.output, stderr: r.errors)
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> String {
        try ScratchFolder.make("marrow-cli")
    }
}
