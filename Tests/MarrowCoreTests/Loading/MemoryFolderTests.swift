import Foundation
import Testing
@testable import MarrowCore

/// A course held in memory (the one built into `marrow`) goes through the same loader as
/// a folder: the same course, the same checks, the same messages.
@Suite struct MemoryFolderTests {
    /// Registers every file of the folder `path` as the memory folder `name`.
    static func copyIntoMemory(_ path: String, as name: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
        let files = try names.map { ($0, Array(try Data(contentsOf: URL(fileURLWithPath: path + "/" + $0)))) }
        MemoryFolders.register(name, files: files)
        return names
    }

    /// Each diagnostic with the folder's name taken out of its paths, to compare two origins.
    static func relative(_ diagnostics: [Diagnostic], to folder: String) -> [String] {
        diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    @Test func theShippedCourseInMemoryIsTheCourseOnDisk() throws {
        let name = "(test shipped)"
        _ = try Self.copyIntoMemory(LoaderFuzzTests.lessonsFolder, as: name)
        let disk = CourseLoader.load(directory: LoaderFuzzTests.lessonsFolder)
        let memory = CourseLoader.load(directory: name)
        #expect(memory.diagnostics.isEmpty)
        #expect(memory.info == disk.info)
        #expect(memory.glossary == disk.glossary)
        #expect(memory.lessons.map(\.meta) == disk.lessons.map(\.meta))
        #expect(memory.lessons.map(\.body) == disk.lessons.map(\.body))
        #expect(memory.lessons.map(\.quiz) == disk.lessons.map(\.quiz))
        #expect(memory.lessons.first?.path == name + "/" + (disk.lessons.first?.fileName ?? ""))
        let outline = try #require(CourseOutline.load(directory: name, firstLessons: 3))
        #expect(outline.course.info == disk.info)
        #expect(outline.readCount == 3)
    }

    @Test func aBrokenCourseInMemoryGetsTheSameErrorsAsOnDisk() throws {
        let folder = LoadingFixtures.course("broken")
        let name = "(test broken)"
        _ = try Self.copyIntoMemory(folder, as: name)
        let disk = CourseLoader.load(directory: folder)
        let memory = CourseLoader.load(directory: name)
        #expect(!disk.diagnostics.isEmpty)
        #expect(Self.relative(memory.diagnostics, to: name) == Self.relative(disk.diagnostics, to: folder))
        #expect(memory.brokenLessons.map(\.fileName) == disk.brokenLessons.map(\.fileName))
    }

    @Test func aMissingFileInAMemoryFolderIsReportedLikeOne() throws {
        MemoryFolders.register("(test no yaml)", files: [("01-a.md", Array(LoadingFixtures.frontMatter.utf8) + Array("Text.\n".utf8))])
        let course = CourseLoader.load(directory: "(test no yaml)")
        #expect(course.diagnostics.map(\.description).contains { $0.hasPrefix("(test no yaml)/course.yaml:1:1: error: cannot read the file") })
        #expect(course.lessons.count == 1)
    }
}
