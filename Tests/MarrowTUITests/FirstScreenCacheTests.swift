import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The cached first screen is the screen the full course and progress draw, and
/// it is used only while nothing it was drawn from has changed.
@Suite struct FirstScreenCacheTests {
    static let size = Size(columns: 80, rows: 24)

    /// A course folder copied from `source`, a store with some progress in a new
    /// folder, and the cache key for them; the cache is written as on quitting.
    struct Setup {
        var directory: String
        var store: ProgressStore
        var key: FirstScreenCache.Key
        var folder: URL

        init(copying source: String, pick: [Int] = [0, 1, 2, 3, 4]) throws {
            folder = try FirstScreenTests.temporaryFolder()
            directory = folder.appendingPathComponent("course").path
            try FileManager.default.copyItem(atPath: source, toPath: directory)
            store = ProgressStore(path: folder.appendingPathComponent("state/progress.json").path)
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("state").path, withIntermediateDirectories: true)
            try store.save(FirstScreenTests.progress(for: CourseLoader.load(directory: directory), pick: pick))
            key = FirstScreenCache.Key(lessonsDirectory: directory, progressPath: store.path, monochrome: false, notices: [])
            FirstScreenCache.refresh(store: store, key: key, size: FirstScreenCacheTests.size)
        }

        var cachePath: String { store.firstScreenCachePath }
        var cached: ScreenBuffer? { FirstScreenCache.frame(store: store, key: key) }

        /// The screen the full course and progress draw at launch, before the answer log is read.
        func fullScreen(size: Size = FirstScreenCacheTests.size) throws -> ScreenBuffer {
            let course = CourseLoader.load(directory: directory)
            let progress = try store.load().progress
            return App.render(AppState(context: AppContext(course: course, progress: progress, now: FirstScreenTests.now), size: size), size: size)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    @Test(arguments: [FirstScreenTests.lessons, FirstScreenTests.good])
    func cachedScreenIsTheFullCoursesScreen(source: String) throws {
        for pick in [[], [0], [2, 0, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let setup = try Setup(copying: source, pick: pick)
            defer { setup.remove() }
            let cached = try #require(setup.cached, "pick \(pick)")
            let full = try setup.fullScreen()
            #expect(cached == full, "pick \(pick)\n\(cached.text)\n---\n\(full.text)")
            #expect(cached.cursor?.row == full.cursor?.row && cached.cursor?.column == full.cursor?.column)
        }
    }

    /// A quiz left part-way ("◑ in quiz") shows on the cached screen as on the
    /// full one: the outline has no quizzes, so the status comes from the progress
    /// alone, and the latest attempt is the latest by its start, not its id.
    @Test func cachedScreenShowsAQuizLeftPartWay() throws {
        let setup = try Setup(copying: FirstScreenTests.lessons)
        defer { setup.remove() }
        var progress = try setup.store.load().progress
        let course = CourseLoader.load(directory: setup.directory)
        let lesson = course.lessons[1]
        let now = FirstScreenTests.now
        let all = Dictionary(uniqueKeysWithValues: lesson.quiz.map { ($0.id, true) })
        // Finished first (an id that sorts last), then started again and left after one answer.
        let finished = QuizAttempt(id: "z-finished", started: now, total: lesson.quiz.count, answers: all, fullQuiz: true)
        let partWay = QuizAttempt(id: "a-part-way", started: now.addingTimeInterval(600), total: lesson.quiz.count,
                                  answers: [lesson.quiz[0].id: true], fullQuiz: true)
        progress.courses[course.info.id]?.lessons[lesson.id] = LessonProgress(opened: now, finished: now, attempts: [finished, partWay])
        try setup.store.save(progress)
        FirstScreenCache.refresh(store: setup.store, key: setup.key, size: Self.size)
        let cached = try #require(setup.cached)
        let full = try setup.fullScreen()
        #expect(full.text.contains("◑ in quiz 1/\(lesson.quiz.count)"), "\(full.text)")
        let same = cached == full
        #expect(same, "\(cached.text)\n---\n\(full.text)")
    }

    @Test func cachedScreenOfAThousandLessonsStampsWhatItReads() throws {
        let source = try FirstScreenTests.generatedCourse(1000)
        defer { try? FileManager.default.removeItem(atPath: source) }
        // Nothing done: the state file, the folder, course.yaml and the lessons on screen.
        let fresh = try Setup(copying: source, pick: [])
        defer { fresh.remove() }
        #expect(fresh.cached == (try fresh.fullScreen()))
        let entry = try #require(FirstScreenCache.decode(Array(try Data(contentsOf: URL(fileURLWithPath: fresh.cachePath)))))
        #expect(entry.inputs.count < 40, "\(entry.inputs.count) files stamped")
        // Lessons far down the list read: every lesson up to the last one the progress names.
        let far = try Setup(copying: source, pick: [700, 998, 500, 3])
        defer { far.remove() }
        #expect(far.cached == (try far.fullScreen()))
    }

    @Test func anyChangeToWhatTheScreenWasDrawnFromSetsTheCacheAside() throws {
        let changes: [(String, (Setup) throws -> Void)] = [
            ("progress saved", { setup in
                var progress = try setup.store.load().progress
                progress.courses[progress.courses.keys.first!]?.lastPlace = nil
                try setup.store.save(progress)
            }),
            ("lesson rewritten in place with the same bytes", { setup in
                // Past the file system's clock tick since the copy, so the times move.
                usleep(20_000)
                let path = setup.directory + "/" + (try FileManager.default.contentsOfDirectory(atPath: setup.directory).filter { $0.hasSuffix(".md") }.sorted().first!)
                let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
                try handle.seek(toOffset: 10)
                let byte = try #require(try handle.read(upToCount: 1))
                try handle.seek(toOffset: 10)
                try handle.write(contentsOf: byte)
                try handle.close()
            }),
            ("lesson added", { setup in
                try "---\nid: extra\ntitle: An extra lesson\nsummary: More.\nminutes: 2\nobjectives:\n  - Know more.\nsources:\n  - title: A source\n    url: https://example.org/extra\nreviewed: 2026-11-26\n---\n\n# Extra\n\nText.\n"
                    .write(toFile: setup.directory + "/99-extra.md", atomically: true, encoding: .utf8)
            }),
            ("lesson removed", { setup in
                let last = try FileManager.default.contentsOfDirectory(atPath: setup.directory).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().last!
                try FileManager.default.removeItem(atPath: setup.directory + "/" + last)
            }),
            ("course.yaml rewritten", { setup in
                let path = setup.directory + "/course.yaml"
                try (try String(contentsOfFile: path, encoding: .utf8) + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            }),
            ("state file replaced by another", { setup in
                let other = setup.folder.appendingPathComponent("other.json").path
                try FileManager.default.copyItem(atPath: setup.store.path, toPath: other)
                try FileManager.default.removeItem(atPath: setup.store.path)
                try FileManager.default.moveItem(atPath: other, toPath: setup.store.path)
            }),
        ]
        for (name, change) in changes {
            let setup = try Setup(copying: FirstScreenTests.lessons)
            defer { setup.remove() }
            #expect(setup.cached != nil, "\(name): before")
            try change(setup)
            #expect(setup.cached == nil, "\(name)")
            // Quitting again draws the screen from the files as they are now.
            FirstScreenCache.refresh(store: setup.store, key: setup.key, size: Self.size)
            let cached = try #require(setup.cached, "\(name): after a refresh")
            #expect(cached == (try setup.fullScreen()), "\(name)")
        }
    }

    @Test func anotherKeyOrProgramDoesNotUseTheCache() throws {
        let setup = try Setup(copying: FirstScreenTests.lessons)
        defer { setup.remove() }
        #expect(setup.cached != nil)
        var key = setup.key
        key.monochrome = true
        #expect(FirstScreenCache.frame(store: setup.store, key: key) == nil)
        key = setup.key
        key.notices = ["Your locale is not UTF-8"]
        #expect(FirstScreenCache.frame(store: setup.store, key: key) == nil)
        key = setup.key
        key.lessonsDirectory += "/"
        #expect(FirstScreenCache.frame(store: setup.store, key: key) == nil)
        let entry = try #require(FirstScreenCache.decode(Array(try Data(contentsOf: URL(fileURLWithPath: setup.cachePath)))))
        #expect(FirstScreenCache.isCurrent(entry, key: setup.key, executable: try #require(FirstScreenCache.executableStamp())))
        let otherProgram = try #require(FileStamp.of(setup.store.path))
        #expect(!FirstScreenCache.isCurrent(entry, key: setup.key, executable: otherProgram))
    }

    @Test func noCacheBeforeTheDisclaimerWasSeen() throws {
        let setup = try Setup(copying: FirstScreenTests.lessons)
        defer { setup.remove() }
        #expect(FileManager.default.fileExists(atPath: setup.cachePath))
        // A new state file, where the disclaimer is still to show.
        var progress = try setup.store.load().progress
        for id in progress.courses.keys { progress.courses[id]?.disclaimerSeen = false }
        try FileManager.default.removeItem(atPath: setup.store.path)
        try ProgressStore(path: setup.store.path).save(progress)
        FirstScreenCache.refresh(store: setup.store, key: setup.key, size: Self.size)
        #expect(!FileManager.default.fileExists(atPath: setup.cachePath))
    }

    @Test func aDamagedOrHostileCacheIsIgnored() throws {
        let setup = try Setup(copying: FirstScreenTests.lessons)
        defer { setup.remove() }
        let good = try Data(contentsOf: URL(fileURLWithPath: setup.cachePath))
        let text = String(decoding: good, as: UTF8.self)
        func install(_ data: Data) throws { try data.write(to: URL(fileURLWithPath: setup.cachePath)) }

        // Cut short anywhere.
        for cut in stride(from: 0, to: good.count - 1, by: 97) {
            try install(good.prefix(cut))
            #expect(setup.cached == nil, "cut at \(cut)")
        }
        // Edited runs: a terminal escape, a control, a bidi override, an unknown role,
        // a run off the screen, text wider than the screen, a line out of order, bad UTF-8.
        let run = try #require(text.split(separator: "\n").first { $0.hasPrefix("run ") }.map(String.init))
        let parts = run.split(separator: " ", maxSplits: 4).map(String.init)
        let edits = [
            parts[0...3].joined(separator: " ") + " \u{1B}]52;c;SGVsbG8=\u{07}",
            parts[0...3].joined(separator: " ") + " a\u{1B}[2Jb",
            parts[0...3].joined(separator: " ") + " \u{9B}31m",
            parts[0...3].joined(separator: " ") + " \u{202E}evil",
            "run \(parts[1]) \(parts[2]) 999 0 x",
            "run 24 0 0 0 x",
            "run 0 80 0 0 x",
            "run 0 0 0 0 " + String(repeating: "x", count: 81),
            "run 0 0 0 0 \\q",
        ]
        for edit in edits {
            try install(Data(text.replacingOccurrences(of: run, with: edit).utf8))
            #expect(setup.cached == nil, "\(edit)")
        }
        var bytes = [UInt8](good)
        bytes.insert(0xFF, at: bytes.count - 10)
        try install(Data(bytes))
        #expect(setup.cached == nil)
        try install(Data(text.replacingOccurrences(of: "\nsize ", with: "\nsize 1 ").utf8))
        #expect(setup.cached == nil)
        try install(good + Data("run 0 0 0 0 x\n".utf8))
        #expect(setup.cached == nil)
        try install(Data(repeating: 0x20, count: 2 << 20))
        #expect(setup.cached == nil)
        try install(good)
        #expect(setup.cached != nil)

        // A folder or a FIFO in its place: not read, not replaced, no hang.
        try FileManager.default.removeItem(atPath: setup.cachePath)
        try FileManager.default.createDirectory(atPath: setup.cachePath, withIntermediateDirectories: false)
        #expect(setup.cached == nil)
        FirstScreenCache.refresh(store: setup.store, key: setup.key, size: Self.size)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: setup.cachePath, isDirectory: &isFolder) && isFolder.boolValue)
        try FileManager.default.removeItem(atPath: setup.cachePath)
        #expect(mkfifo(setup.cachePath, 0o600) == 0)
        #expect(setup.cached == nil)
    }

    /// A few bytes naming a huge screen must not make the launch fill gigabytes of cells.
    @Test func aCacheNamingAHugeScreenIsIgnored() throws {
        let stamp = try #require(FileStamp.of("/"))
        let header = FirstScreenCache.header + "\nexe " + stamp.encoded + "\nlessons /l\nprogress /p.json\nmono 0\n"
        // Only the size is compared: a failure must not describe 100 million cells.
        #expect(FirstScreenCache.decode(Array((header + "size 10000 10000\nend\n").utf8))?.frame.size == nil)
        #expect(FirstScreenCache.decode(Array((header + "size 10000 200\nend\n").utf8))?.frame.size == nil)
        #expect(FirstScreenCache.decode(Array((header + "size 500 200\nend\n").utf8))?.frame.size == Size(columns: 500, rows: 200))
    }

    @Test func entriesRoundTripExactly() throws {
        var frame = ScreenBuffer(size: Size(columns: 12, rows: 3))
        frame.put("造血幹細胞", row: 0, column: 1, style: Style(.title, [.bold]))
        frame.put("a\\b  é", row: 1, column: 0, style: Style(.selected, [.reverse, .underline]))
        frame.put("🩸x", row: 2, column: 10, style: Style(.heat4))
        frame.cursor = (2, 3)
        let stamp = try #require(FileStamp.of("/"))
        let entry = FirstScreenCache.Entry(
            key: .init(lessonsDirectory: "odd\nname\\with\rbreaks", progressPath: "/p/progress.json", monochrome: true, notices: ["one", "two\\n"]),
            executable: stamp, inputs: [StampedPath(path: "/a b/c", stamp: stamp), StampedPath(path: "/missing", stamp: nil)], frame: frame)
        let decoded = try #require(FirstScreenCache.decode(FirstScreenCache.encode(entry)))
        #expect(decoded == entry)
        #expect(decoded.frame.cursor?.row == 2 && decoded.frame.cursor?.column == 3)
        #expect(FileStamp(encoded: stamp.encoded) == stamp)
        for bad in ["", "1:2:3:4:5:6", "1:2:3:4:5:6:7:8", "a:2:3:4:5:6:7", "1:2:-3:4:5:6:7", "1::3:4:5:6:7", "1:2:3:4:5:6:7:"] {
            #expect(FileStamp(encoded: bad) == nil, "\(bad)")
        }
        #expect(FileStamp(encoded: "1:2:3:-4:5:6:7") != nil)
    }

    /// Overlayfs keeps its layer in an inode number's top bits: such stamps (19 or 20
    /// digits) must read back, or a binary in a container image never uses its cache.
    @Test func stampsWithTheHighestInodeNumbersRoundTrip() {
        for text in ["18446744073709551615:18446744073709551615:0:0:0:0:0",
                     "2049:9223372036854775808:9223372036854775807:-9223372036854775807:999999999:1:2"] {
            #expect(FileStamp(encoded: text)?.encoded == text, "\(text)")
        }
        for bad in ["18446744073709551616:1:2:3:4:5:6", "1:184467440737095516150:2:3:4:5:6", "1:2:9223372036854775808:3:4:5:6"] {
            #expect(FileStamp(encoded: bad) == nil, "\(bad)")
        }
    }
}
