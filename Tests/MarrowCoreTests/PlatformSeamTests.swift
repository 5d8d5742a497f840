import Foundation
import Testing

/// MarrowCore reaches the platform's C library (Glibc on Linux, Darwin on macOS)
/// only from `Sources/MarrowCore/System/`, so porting it means changing one folder.
@Suite struct PlatformSeamTests {

    @Test func onlySystemImportsTheCLibrary() throws {
        let core = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MarrowCore").path
        let files = try #require(FileManager.default.enumerator(atPath: core)?.allObjects as? [String])
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        var outside: [String] = []
        for file in files where !file.hasPrefix("System/") {
            let text = try String(contentsOfFile: core + "/" + file, encoding: .utf8)
            if text.contains("import Glibc") || text.contains("import Darwin") { outside.append(file) }
        }
        #expect(outside.isEmpty, "C library imported outside System/: \(outside.sorted())")
    }
}
