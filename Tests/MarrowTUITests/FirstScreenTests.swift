import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The first screen drawn at launch from the course's outline and the progress's
/// summary must be the screen the full course and progress draw.
@Suite struct FirstScreenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessons = repository.appendingPathComponent("Lessons").path
    static let fixtures = repository.appendingPathComponent("Tests/MarrowCoreTests/Fixtures/courses")
    static let good = fixtures.appendingPathComponent("good").path
    static let broken = fixtures.appendingPathComponent("broken").path
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("marrow-first-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A course of `count` generated lessons (each with a quiz) in a new folder.
    static func generatedCourse(_ count: Int) throws -> String {
        let folder = try temporaryFolder()
        try "id: generated\ntitle: A generated course\nsummary: Many lessons.\ndisclaimer: Not medical advice.\nversion: \"1\"\nlast-reviewed: 2026-11-26\n"
            .write(to: folder.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        for n in 1...count {
            let text = """
            ---
            id: lesson-\(n)
            title: Lesson number \(n) about blood
            summary: One of many.
            minutes: \(n % 50 + 1)
            objectives:
              - Know fact \(n).
            sources:
              - title: A source
                url: https://example.org/\(n)
            reviewed: 2026-11-26
            ---

            # Lesson \(n)

            Some text about lesson \(n).

            ## Quiz

            ### Is this lesson \(n)? {#q-\(n)}

            - [x] Yes
            - [ ] No

            > It is lesson \(n).

            """
            try text.write(to: folder.appendingPathComponent(String(format: "%04d-lesson.md", n)), atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    /// Progress with some of everything the course map shows: lessons read, one
    /// being read, quiz scores, a place to continue, and review schedules.
    static func progress(for course: Course, pick: [Int]) -> LearnerProgress {
        var courseProgress = CourseProgress(disclaimerSeen: true)
        let lessons = course.lessons
        for (k, index) in pick.enumerated() where lessons.indices.contains(index) {
            let lesson = lessons[index]
            switch k % 3 {
            case 0:
                courseProgress.lessons[lesson.id] = LessonProgress(opened: now, finished: now)
            case 1:
                courseProgress.lessons[lesson.id] = LessonProgress(opened: now, position: ReadingPosition(block: 2, offset: 0, percent: 42))
                courseProgress.lastPlace = Place(lessonID: lesson.id, position: ReadingPosition(block: 2, offset: 0, percent: 42))
            default:
                let answers = Dictionary(uniqueKeysWithValues: lesson.quiz.enumerated().map { ($0.element.id, $0.offset % 2 == 0) })
                courseProgress.lessons[lesson.id] = LessonProgress(opened: now, finished: now, attempts: [
                    QuizAttempt(id: "a\(index)", started: now, total: lesson.quiz.count, answers: answers, fullQuiz: true),
                ])
                for question in lesson.quiz {
                    courseProgress.reviews[question.id] = ReviewState(stability: 3, difficulty: 5, due: now.addingTimeInterval(86_400), lastReview: now, reps: 1)
                }
            }
        }
        return LearnerProgress(courses: [course.info.id: courseProgress])
    }

    /// The screen the full course and progress draw, and the one the first screen draws, from `store`'s file.
    /// `course` is the full load of `directory` (loaded once by the caller: the files do not change).
    static func screens(directory: String, course: Course, store: ProgressStore, size: Size, outlineLessons: Int? = nil) throws -> (full: ScreenBuffer, first: ScreenBuffer?) {
        let loaded = try store.load()
        let full = App.render(AppState(context: AppContext(course: course, progress: loaded.progress, now: now), size: size), size: size)
        let early = try #require(store.loadSummary())
        let outline = outlineLessons.flatMap { CourseOutline.load(directory: directory, firstLessons: $0) }
        let first = FirstScreen.state(lessonsDirectory: directory, outline: outline, progress: early, size: size, monochrome: false, notices: [], now: now)
        return (full, first.map { App.render($0, size: size) })
    }

    @Test(arguments: [lessons, good])
    func outlineHasTheFullCoursesInfoAndLessonMetadata(directory: String) throws {
        let full = CourseLoader.load(directory: directory)
        #expect(full.brokenLessons.isEmpty)
        let outline = try #require(CourseOutline.load(directory: directory))
        #expect(outline.isComplete)
        #expect(outline.course.info == full.info)
        #expect(outline.course.lessons.map(\.meta).map(Self.row) == full.lessons.map(\.meta).map(Self.row))
        #expect(outline.course.lessons.map(\.fileName) == full.lessons.map(\.fileName))
        #expect(outline.course.lessons.map(\.path) == full.lessons.map(\.path))
    }

    /// What a lesson's row in the outline holds: the front matter keys the course map shows.
    static func row(_ meta: LessonMeta) -> String { "\(meta.id) | \(meta.title) | \(meta.minutes)" }

    @Test func theOutlineReadsTheFrontMatterOnlyUpToTheKeysItShows() {
        let yaml = Array("id: a\ntitle: \"T: x\"\n  more\nsummary: s\nminutes: 5\nobjectives:\n- o\nsources: []\n".utf8)[...]
        #expect(String(decoding: LessonReader.leadingKeys(yaml, LessonReader.outlineKeys), as: UTF8.self)
                == "id: a\ntitle: \"T: x\"\n  more\nsummary: s\nminutes: 5\n")
        // Keys in another order, or one missing: read on to the end.
        let missing = Array("id: a\nobjectives: [x]\ntitle: t\n".utf8)[...]
        #expect(LessonReader.leadingKeys(missing, LessonReader.outlineKeys) == missing)
        func meta(_ front: String) -> LessonMeta? { LessonReader.outlineMeta(bytes: Array("---\n\(front)---\nBody.\n".utf8), path: "x.md") }
        // An error after the three keys is the full load's to find.
        #expect(meta("id: a\ntitle: T\nminutes: 5\nsources: [not, a, mapping]\n").map(Self.row) == "a | T | 5")
        #expect(meta("id: a\ntitle: T\nminutes: 500\n") == nil)
        #expect(meta("id: Not A Slug\ntitle: T\nminutes: 5\n") == nil)
        #expect(meta("id: a\ntitle: [T\nminutes: 5\n") == nil)
        #expect(meta("id: a\ntitle: \"T\nminutes: 5\n") == nil)
        #expect(meta("id: a\ntitle: T\u{1B}[2J\nminutes: 5\n") == nil)
    }

    @Test func outlineOfACourseWithBrokenFrontMatterIsNil() {
        // Its first screen waits for the full course, which lists the broken files.
        #expect(CourseOutline.load(directory: Self.broken) == nil)
        #expect(CourseOutline.load(directory: "/nonexistent/marrow-course") == nil)
    }

    @Test func aLimitedOutlineReadsTheFirstLessonsAndThoseWanted() throws {
        let directory = try Self.generatedCourse(40)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let full = CourseLoader.load(directory: directory)
        let outline = try #require(CourseOutline.load(directory: directory, firstLessons: 5))
        #expect(outline.readCount == 5)
        #expect(!outline.isComplete)
        #expect(outline.course.lessons.count == full.lessons.count)
        #expect(outline.course.lessons.prefix(5).map(\.meta).map(Self.row) == full.lessons.prefix(5).map(\.meta).map(Self.row))
        #expect(outline.course.lessons.map(\.fileName) == full.lessons.map(\.fileName))
        // Placeholders never match a lesson id in the progress.
        #expect(outline.course.lessons.dropFirst(5).allSatisfy { $0.id.hasPrefix("\u{0}") && $0.title.isEmpty })
        let wanted = try #require(CourseOutline.load(directory: directory, firstLessons: 5, wanted: ["lesson-30"]))
        #expect(wanted.readCount == 30)
        #expect(wanted.course.lessons.prefix(30).map(\.meta).map(Self.row) == full.lessons.prefix(30).map(\.meta).map(Self.row))
    }

    @Test func aLongFrontMatterIsReadPastTheHead() throws {
        let directory = try Self.generatedCourse(2)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/0001-lesson.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let objectives = (1...400).map { "  - Objective number \($0) of a very long list." }.joined(separator: "\n")
        text = text.replacingOccurrences(of: "  - Know fact 1.", with: objectives)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > CourseOutline.headSize)
        let outline = try #require(CourseOutline.load(directory: directory))
        #expect(outline.course.lessons.map(\.meta).map(Self.row) == CourseLoader.load(directory: directory).lessons.map(\.meta).map(Self.row))
    }

    @Test(arguments: [lessons, good])
    func firstScreenIsTheFullCoursesScreen(directory: String) throws {
        let course = CourseLoader.load(directory: directory)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let picks: [[Int]] = [[], [0], [1, 0], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 3, 5]]
        for (n, pick) in picks.enumerated() {
            let store = ProgressStore(path: folder.appendingPathComponent("progress-\(n).json").path)
            try store.save(Self.progress(for: course, pick: pick))
            for size in [Size(columns: 80, rows: 24), Size(columns: 120, rows: 40), Size(columns: 60, rows: 14), Size(columns: 40, rows: 12)] {
                for limit in [nil, 3] as [Int?] {
                    let (full, first) = try Self.screens(directory: directory, course: course, store: store, size: size, outlineLessons: limit)
                    let drawn = try #require(first)
                    #expect(drawn == full, "pick \(pick) at \(size.columns)x\(size.rows), outline of \(limit.map(String.init) ?? "all")\n\(drawn.text)\n---\n\(full.text)")
                }
            }
        }
    }

    @Test func firstScreenOfAThousandLessonsReadsOnlyWhatItShows() throws {
        let directory = try Self.generatedCourse(1000)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let course = CourseLoader.load(directory: directory)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Nothing done, then lessons far down the list read, scored and being read.
        for (n, pick) in [[], [700, 998, 500, 3]].enumerated() {
            let store = ProgressStore(path: folder.appendingPathComponent("progress-\(n).json").path)
            try store.save(Self.progress(for: course, pick: pick))
            let size = Size(columns: 80, rows: 24)
            let (full, first) = try Self.screens(directory: directory, course: course, store: store, size: size, outlineLessons: FirstScreen.expectedRows())
            let drawn = try #require(first)
            #expect(drawn == full, "\(drawn.text)\n---\n\(full.text)")
        }
    }

    @Test func noFirstScreenBeforeTheDisclaimerWasSeen() throws {
        var progress = LearnerProgress()
        progress[course: "hsct"] = CourseProgress(disclaimerSeen: false)
        #expect(FirstScreen.state(lessonsDirectory: Self.lessons, progress: progress, size: Size(columns: 80, rows: 24), monochrome: false, notices: [], now: Self.now) == nil)
    }

    /// What the course map shows of a lesson's progress.
    static func shown(_ lesson: LessonProgress) -> String {
        "\(lesson.isRead) \(lesson.opened != nil) \(String(describing: lesson.position)) \(lesson.scoredAttempts.map { "\($0.correct)/\($0.total)" })"
    }

    @Test func progressSummaryHasWhatTheCourseMapShows() throws {
        let course = CourseLoader.load(directory: Self.lessons)
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(path: folder.appendingPathComponent("progress.json").path)
        #expect(store.loadSummary() == nil)
        var written = Self.progress(for: course, pick: [0, 1, 2, 3, 4, 5])
        written[course: course.info.id].lessons[course.lessons[0].id]?.bookmarks = [ReadingPosition(block: 1, offset: 0, percent: 10)]
        try store.save(written)
        let full = try store.load().progress
        #expect(!(full.courses.first?.value.reviews.isEmpty ?? true))
        let early = try #require(store.loadSummary())
        #expect(Set(early.courses.keys) == Set(full.courses.keys))
        for (id, fullCourse) in full.courses {
            let earlyCourse = try #require(early.courses[id])
            #expect(earlyCourse.reviews.isEmpty)
            #expect(earlyCourse.lastPlace == fullCourse.lastPlace)
            #expect(earlyCourse.disclaimerSeen == fullCourse.disclaimerSeen)
            #expect(earlyCourse.lessons.mapValues(Self.shown) == fullCourse.lessons.mapValues(Self.shown))
        }
    }

    @Test func progressSummaryIsNilWhenADateIsNotOne() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let store = ProgressStore(path: path)
        let version = LearnerProgress.currentSchemaVersion
        func file(_ date: String) -> String {
            "{\"schemaVersion\": \(version), \"courses\": {\"c\": {\"disclaimerSeen\": true, \"lessons\": {\"l\": {\"finished\": \"\(date)\", \"bookmarks\": [], \"attempts\": []}}}}}"
        }
        try file("2026-11-27T09:00:00Z").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(store.loadSummary()?.courses["c"]?.lessons["l"]?.isRead == true)
        for bad in ["yesterday", "2026-13-27T09:00:00Z", "2026-11-27T25:00:00Z", "2026-11-27 09:00:00Z", "2026-11-27T09:00:00"] {
            try file(bad).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(store.loadSummary() == nil, "\(bad)")
        }
    }

    @Test func progressSummaryIsNilForJSONItDoesNotReadAsMarrowWritesIt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let store = ProgressStore(path: path)
        let version = LearnerProgress.currentSchemaVersion
        func file(_ lesson: String, course: String = "c", tail: String = "") -> String {
            #"{"schemaVersion": \#(version), "courses": {"\#(course)": {"disclaimerSeen": true, "reviews": {"q": {"s": [1.5e-3, -2, "\u00e9\"", null, {}]}}, "lessons": {"l": \#(lesson)}}}}\#(tail)"#
        }
        let good = #"{"position": {"block": 2, "offset": 0, "percent": 140}, "attempts": [{"id": "A1", "started": "2026-11-27T09:00:00Z", "total": 3, "answers": {"q1": true, "q2": false}, "extra": [1, 2]}]}"#
        try file(good, course: "Kurs-ü").write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try #require(store.loadSummary())
        #expect(summary.courses["Kurs-ü"]?.lessons["l"]?.position?.percent == 100)
        #expect(summary.courses["Kurs-ü"]?.lessons["l"]?.attempts.first?.answers == ["q1": true, "q2": false])
        #expect(summary.courses["Kurs-ü"]?.lessons["l"]?.attempts.first?.started == AnswerLineParser.isoTime("2026-11-27T09:00:00Z"))
        for (lesson, tail) in [(#"{"position": {"block": 01, "offset": 0, "percent": 1}}"#, ""),
                               (#"{"position": {"block": 1.0, "offset": 0, "percent": 1}}"#, ""),
                               (#"{"position": {"block": 99999999999999999999, "offset": 0, "percent": 1}}"#, ""),
                               (#"{"attempts": [{"id": "A\u0031", "started": "2026-11-27T09:00:00Z", "total": 3, "answers": {}}]}"#, ""),
                               (#"{"attempts": [{"id": "A1", "started": "2026-11-27T09:00:00Z", "total": 3}]}"#, ""),
                               (#"{"opened": null, "opened": null}"#, ""),
                               ("{}", " x"), ("{}", "}"), ("{", "")] {
            try file(lesson, tail: tail).write(toFile: path, atomically: true, encoding: .utf8)
            #expect(store.loadSummary() == nil, "\(lesson)\(tail)")
        }
    }

    /// The values the summary skips (the review schedules) are checked as far as
    /// JSON's grammar: it is nil exactly when `JSONSerialization` refuses them, and
    /// for a trailing comma, which that parser lets pass but JSON does not allow
    /// (nil only means waiting for the full load).
    @Test(arguments: [
        "1", "-2.5e+3", "0", "true", "null", #""a\"b\u00e9c""#, "[]", "{}", "[1, [2, {}], {\"a\": [null]}]",
        #"{"a": {"b": {"c": [1, 2, 3]}}, "d": "e"}"#, "[[[[[[[[[[]]]]]]]]]]",
        "[1,]", "{\"a\": 1,}", "[1 2]", "{\"a\" 1}", "{1: 2}", "[}", "{]", "[", "{", "\"open", "tru", "nul", "01", "-", "1.", "1e",
        "[1]]", #""\uZZZZ""#, #""\x""#, "\"tab\there\"", "{\"a\": 1 \"b\": 2}", "[,1]", "{,}",
    ])
    func progressSummarySkipsOnlyWhatIsJSON(value: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let text = #"{"schemaVersion": \#(LearnerProgress.currentSchemaVersion), "courses": {"c": {"disclaimerSeen": true, "reviews": {"q": \#(value)}, "lessons": {}}}}"#
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let trailingComma = value.contains(",]") || value.contains(",}")
        let valid = !trailingComma && (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil
        #expect((ProgressStore(path: path).loadSummary() != nil) == valid, "\(value): JSON \(valid)")
    }

    /// Nesting in a skipped value is capped (as `JSONDecoder` caps it): 60 levels
    /// inside a course's reviews read, 70 do not.
    @Test func progressSummaryRefusesDeepNestingInWhatItSkips() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        for (levels, reads) in [(55, true), (70, false)] {
            let value = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
            let text = #"{"schemaVersion": \#(LearnerProgress.currentSchemaVersion), "courses": {"c": {"reviews": {"q": \#(value)}}}}"#
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect((ProgressStore(path: path).loadSummary() != nil) == reads, "\(levels) levels")
        }
    }

    @Test func progressSummaryIsNilForAnythingButAPlainCurrentFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("progress.json").path
        let store = ProgressStore(path: path)
        for text in ["", "{", "not json", "{\"schemaVersion\": 999, \"courses\": {}}", "{\"schemaVersion\": 0, \"courses\": []}",
                     "{\"schemaVersion\": \(LearnerProgress.currentSchemaVersion), \"courses\": 3}"] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(store.loadSummary() == nil, "\(text)")
        }
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(store.loadSummary() == nil)
    }
}
