import Foundation
import Testing
import MarrowTestSupport

/// The course built into `marrow`: a copy of the binary alone works anywhere, the course
/// can be exported, and progress follows the course id from a checkout to the binary.
@Suite struct BuiltInCourseTests {
    /// A copy of the built `marrow` alone in a new folder, and another empty folder to run it from.
    static func loneBinary() throws -> (binary: String, elsewhere: String) {
        let home = try Marrow.temporaryDirectory()
        let binary = home + "/bin/marrow"
        try FileManager.default.createDirectory(atPath: home + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Marrow.executable, toPath: binary)
        return (binary, home + "/elsewhere")
    }

    static func run(_ binary: String, _ arguments: [String], stdin: String? = nil, in folder: String) throws -> Marrow.Result {
        let r = try ProcessRunner.run([binary] + arguments, folder: NSTemporaryDirectory(),
                                      environment: ["MARROW_LESSONS": nil, "MARROW_PROGRESS": nil, "HOME": folder],
                                      stdin: stdin ?? "", in: folder, separateErrors: true, timeout: 120)
        return Marrow.Result(status: r.status, stdout: r.output, stderr: r.errors)
    }

    @Test func aLoneCopyOfTheBinaryCarriesTheWholeCourse() throws {
        let (binary, elsewhere) = try Self.loneBinary()
        let version = try Self.run(binary, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.stdout.contains("course hsct 2.0 (built in)"), "\(version.stdout)")
        let fromFiles = try Marrow.run(["--version", "--lessons", Marrow.packageRoot.path + "/Lessons"])
        #expect(fromFiles.stdout.contains("course hsct 2.0 (from \(Marrow.packageRoot.path)/Lessons)"), "\(fromFiles.stdout)")

        let validate = try Self.run(binary, ["validate"], in: elsewhere)
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("0 errors, 0 warnings"), "\(validate.stdout)\(validate.stderr)")
        let read = try Self.run(binary, ["read", "1"], in: elsewhere)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.hasPrefix("Leukemia in brief\n"))
        let quiz = try Self.run(binary, ["quiz", "1", "--plain", "--progress", elsewhere + "/p.json"], stdin: "1\n\nq\n", in: elsewhere)
        #expect(quiz.status == 0, "\(quiz.stderr)")
        #expect(quiz.stdout.hasPrefix("Quiz: Leukemia in brief\n"), "\(quiz.stdout)")

        let session = try TmuxSession(shellCommand: "cd \(Shell.quoted(elsewhere)) && env -u MARROW_LESSONS HOME=\(Shell.quoted(elsewhere)) \(Shell.quoted(binary))")
        defer { session.close() }
        _ = try session.screen(showing: "About this course")
        session.keys("Enter")
        _ = try session.screen(showing: "Start here")
        session.keys("Enter")
        let map = try session.screen(showing: "Leukemia in brief")
        #expect(map.contains("14. Who is a candidate, and what to ask"))
        #expect(!map.contains("no course found"))
        session.keys("q")
    }

    @Test func exportWritesTheBuiltInCourseAndRefusesAFolderInUse() throws {
        let folder = try Marrow.temporaryDirectory()
        let target = folder + "/course"
        let export = try Marrow.run(["course", "export", target])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "Wrote course hsct 2.0 (17 files) to \(target)\n" || export.stdout.hasPrefix("Wrote course hsct 2.0 ("), "\(export.stdout)")
        let validate = try Marrow.run(["validate", "--lessons", target])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("0 errors, 0 warnings"), "\(validate.stdout)")
        let shipped = try FileManager.default.contentsOfDirectory(atPath: Marrow.packageRoot.path + "/Lessons").filter { !$0.hasPrefix(".") }.sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).sorted() == shipped)
        for name in shipped {
            #expect(FileManager.default.contents(atPath: target + "/" + name) == FileManager.default.contents(atPath: Marrow.packageRoot.path + "/Lessons/" + name), "\(name)")
        }

        let again = try Marrow.run(["course", "export", target])
        #expect(again.status == 1)
        #expect(again.stderr == "marrow: course export: '\(target)' is not empty: give a new folder or an empty one (nothing was written)\n")
        let file = folder + "/a-file"
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: file))
        let onFile = try Marrow.run(["course", "export", file])
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("exists and is not a folder"))
        #expect(FileManager.default.contents(atPath: file) == Data("mine\n".utf8))
    }

    @Test func progressFollowsTheCourseFromACheckoutToTheBinary() throws {
        let (binary, elsewhere) = try Self.loneBinary()
        let progress = elsewhere + "/progress.json"
        let lessons = Marrow.packageRoot.path + "/Lessons"
        let quiz = try Marrow.run(["quiz", "1", "--plain", "--lessons", lessons, "--progress", progress], stdin: "1\n\n1\n\nq\n")
        #expect(quiz.status == 0, "\(quiz.stderr)")
        func answered(_ result: Marrow.Result) throws -> Int? {
            let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return (json?["totals"] as? [String: Any])?["answered"] as? Int
        }
        let fromCheckout = try Marrow.run(["progress", "--json", "--lessons", lessons, "--progress", progress])
        #expect(try answered(fromCheckout) == 2)
        let builtIn = try Self.run(binary, ["progress", "--json", "--progress", progress], in: elsewhere)
        #expect(builtIn.status == 0, "\(builtIn.stderr)")
        #expect(try answered(builtIn) == 2)
    }
}
