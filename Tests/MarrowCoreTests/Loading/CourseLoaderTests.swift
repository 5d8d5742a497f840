import Foundation
import Testing
@testable import MarrowCore

@Suite struct CourseLoaderTests {
    @Test func goodCourseLoadsWithoutDiagnostics() throws {
        let directory = LoadingFixtures.course("good")
        let course = CourseLoader.load(directory: directory)
        #expect(LoadingFixtures.lines(course.diagnostics) == [])
        #expect(course.brokenLessons == [])
        #expect(course.directory == directory)
        #expect(course.info == CourseInfo(
            id: "good-course", title: "A good course",
            summary: "Two short lessons that use every part of the format.",
            disclaimer: "This test course is for testing only. It is not medical advice.\n",
            version: "1.0", lastReviewed: "2026-11-26", shuffleChoices: false))
        #expect(course.glossary == [
            GlossaryTerm(term: "Graft-versus-host disease", definition: "When immune cells from the donor attack the patient's own body.", aliases: ["GVHD", "graft versus host disease"]),
            GlossaryTerm(term: "Engraftment", definition: "The time when the new stem cells settle in the bone marrow and start making blood cells."),
        ])
        #expect(course.lessons.map(\.id) == ["transplant-types", "recovery"])
        #expect(course.lessons.map(\.path) == [directory + "/01-types.md", directory + "/10-recovery.md"])
        #expect(course.lessons.map(\.fileName) == ["01-types.md", "10-recovery.md"])

        let types = course.lessons[0]
        #expect(types.meta == LessonMeta(
            id: "transplant-types", title: "Types of transplant", summary: "Whose stem cells are used, and why it matters.", minutes: 5,
            objectives: ["Tell autologous, allogeneic and syngeneic transplants apart.", "Explain what HLA matching is for."],
            sources: [SourceLink(title: "Memorial Sloan Kettering, types of transplant", url: "https://www.mskcc.org/cancer-care/diagnosis-treatment/cancer-treatments/blood-stem-cell-transplantation/transplantation-process/types")],
            reviewed: "2026-11-26"))
        // The body stops before "## Quiz"; its first block is on the file's line 15.
        #expect(types.body.blocks.first == Block(.heading(level: 1, content: [.text("Types of transplant")]), line: 15, column: 1))
        #expect(types.body.blocks.count == 4)
        #expect(types.quiz.map(\.id) == ["q-sibling-type", "q-gvl-true", "q-sources-all"])
        #expect(types.quiz.map(\.kind) == [.single, .trueFalse, .multiple])
        #expect(types.quiz.map(\.fixedOrder) == [false, false, true])
        #expect(types.quiz.map(\.tags) == [["transplant-types"], ["benefit"], []])
        #expect(types.quiz.map(\.line) == [30, 41, 49])
        #expect(types.quiz[0].choices.map { $0.feedback.isEmpty } == [false, true, false])

        // CRLF line ends, a flow list of sources, a quoted title and a scenario.
        let recovery = course.lessons[1]
        #expect(recovery.meta.objectives == [])
        #expect(recovery.meta.sources == [SourceLink(title: "Example: a source", url: "http://example.org/recovery")])
        #expect(recovery.meta.reviewed == "2024-02-29")
        #expect(recovery.body.blocks.map(\.line) == [13, 15, 17, 21, 24, 26])
        #expect(recovery.body.blocks[2].kind == .codeBlock(info: "text", text: "day 0: transplant"))
        #expect(recovery.body.blocks[5].kind == .paragraph([.text("See the "), .link(text: [.text("GVHD page")], url: "https://example.org/gvhd"), .text("."), .lineBreak, .text("Ask your team.")]))
        #expect(recovery.quiz.first?.scenario == [Block(.paragraph([.text("Ahmed had his transplant ten days ago.")]), line: 33, column: 1)])
        #expect(recovery.quiz.first?.line == 31)
        #expect(course.allQuestions.count == 4)
    }

    /// Every deliberate mistake of `Fixtures/courses/broken`, each at its exact position.
    @Test func brokenCourseReportsEveryMistakeAtItsPosition() throws {
        let directory = LoadingFixtures.course("broken")
        let course = CourseLoader.load(directory: directory)
        let expected = """
            $/course.yaml:1:5: error: 'id' must use only lower-case letters, digits and dashes, not 'Broken Course'
            $/course.yaml:6:16: error: 'last-reviewed' must be a date written YYYY-MM-DD, not '2026-02-30'
            $/course.yaml:7:18: error: 'shuffle-choices' must be true or false, not 'sometimes'
            $/course.yaml:8:1: warning: unknown key 'colour' in course.yaml is ignored
            $/glossary.yaml:3:9: warning: glossary term 'engraftment' is defined twice (first on line 1); the second is ignored
            $/glossary.yaml:5:3: error: a glossary entry has no 'definition' key
            $/glossary.yaml:6:3: error: each glossary entry must be a mapping with term and definition, not a single value
            $/glossary.yaml:9:12: error: 'aliases' must be a list, not a single value
            $/glossary.yaml:10:3: warning: unknown key 'note' in a glossary entry is ignored
            $/01-Upper.md:1:1: warning: '01-Upper.md' is not read as a lesson: lesson files are named NN-slug.md (two or more digits, a dash, then lower-case letters, digits and dashes)
            $/01_underscore.md:1:1: warning: '01_underscore.md' is not read as a lesson: lesson files are named NN-slug.md (two or more digits, a dash, then lower-case letters, digits and dashes)
            $/1-one-digit.md:1:1: warning: '1-one-digit.md' is not read as a lesson: lesson files are named NN-slug.md (two or more digits, a dash, then lower-case letters, digits and dashes)
            $/02-bad-front.md:2:1: error: the front matter has no 'title' key
            $/02-bad-front.md:3:1: warning: unknown key 'titel' in the front matter is ignored
            $/02-bad-front.md:4:10: error: 'summary' must be text, not a list
            $/02-bad-front.md:5:10: error: 'minutes' must be a whole number from 1 to 60, not '90'
            $/02-bad-front.md:6:13: error: 'objectives' must be a list, not a single value
            $/02-bad-front.md:8:5: error: a source has no 'url' key
            $/02-bad-front.md:10:10: error: a source's url must be an http:// or https:// address
            $/02-bad-front.md:11:5: error: a source has no 'title' key
            $/02-bad-front.md:12:11: error: 'reviewed' must be a date written YYYY-MM-DD, not '26-11-2026'
            $/03-no-front.md:1:1: error: a lesson must start with front matter: a '---' line, the lesson's keys, and another '---' line
            $/04-unclosed.md:1:1: error: the front matter is never closed: add a '---' line after its last key
            $/05-yaml-syntax.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section
            $/05-yaml-syntax.md:5:1: error: invalid YAML: found unexpected end of stream (while scanning a quoted scalar)
            $/06-anchor.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section
            $/06-anchor.md:3:8: error: YAML anchors (&t) are not allowed: write the value out
            $/07-controls.md:11:5: error: terminal control character U+001B is not allowed
            $/07-controls.md:11:15: error: terminal control character U+001B is not allowed
            $/07-controls.md:13:7: error: terminal control character U+000D is not allowed
            $/07-controls.md:13:30: error: terminal control character U+009B is not allowed
            $/07-controls.md:13:50: error: terminal control character U+0007 is not allowed
            $/08-not-utf8.md:6:4: error: the file is not valid UTF-8 (byte 0xE9)
            $/09-duplicates.md:2:5: error: duplicate lesson id 'good': already used at $/01-good.md:2:5
            $/09-duplicates.md:15:1: error: duplicate question id 'q-good': already used at $/01-good.md:20:1
            $/09-duplicates.md:29:1: error: duplicate question id 'q-twice': already used at $/09-duplicates.md:22:1
            $/10-empty.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section
            $/10-empty.md:10:1: error: the lesson has no text: write its body after the front matter
            $/11-quiz.md:15:1: error: question has no id: add {#some-id} at the end of the heading
            $/11-quiz.md:24:1: error: question 'q-nothing-correct' has no correct choice: mark at least one with [x]
            $/11-quiz.md:29:1: error: question 'q-no-explanation' has no explanation: add a block quote ('> …') after the choices
            $/12-warnings.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section
            $/12-warnings.md:9:1: warning: unknown key 'extra' in the front matter is ignored
            $/12-warnings.md:14:1: warning: raw HTML is not shown
            $/12-warnings.md:16:1: warning: images are not shown; their alt text is kept
            $/12-warnings.md:16:1: warning: raw HTML is not shown
            $/12-warnings.md:16:1: warning: raw HTML is not shown
            """.replacingOccurrences(of: "$", with: directory)
        #expect(LoadingFixtures.lines(course.diagnostics) == expected.split(separator: "\n").map(String.init))

        // The broken lessons do not stop the good ones (or the one with only warnings).
        #expect(course.lessons.map(\.id) == ["good", "warnings"])
        #expect(course.brokenLessons.map(\.fileName) == [
            "02-bad-front.md", "03-no-front.md", "04-unclosed.md", "05-yaml-syntax.md", "06-anchor.md",
            "07-controls.md", "08-not-utf8.md", "09-duplicates.md", "10-empty.md", "11-quiz.md",
        ])
        // Each broken lesson keeps its first error, and its title and id when the front matter gave them.
        let controls = try #require(course.brokenLessons.first { $0.fileName == "07-controls.md" })
        #expect(controls.title == "Control characters")
        #expect(controls.id == "controls")
        #expect(controls.path == directory + "/07-controls.md")
        #expect(controls.error.description == directory + "/07-controls.md:11:5: error: terminal control character U+001B is not allowed")
        let noFront = try #require(course.brokenLessons.first { $0.fileName == "03-no-front.md" })
        #expect(noFront.title == "03-no-front.md")
        #expect(noFront.id == nil)
        let yaml = try #require(course.brokenLessons.first { $0.fileName == "05-yaml-syntax.md" })
        #expect(yaml.error.severity == .error)
        #expect(yaml.error.line == 5)

        // A broken course.yaml keeps what was right and falls back for the rest.
        #expect(course.info.id == "broken")
        #expect(course.info.title == "A course full of mistakes")
        #expect(course.info.version == "2")
        #expect(course.info.shuffleChoices == true)
        // An entry with a wrong optional key keeps its term and definition.
        #expect(course.glossary.map(\.term) == ["Engraftment", "GVHD"])
        #expect(course.glossary.last?.aliases == [])
    }

    @Test func pathsAreJoinedFromTheDirectoryAsGiven() {
        #expect(CourseFiles.join("Lessons", "01-x.md") == "Lessons/01-x.md")
        #expect(CourseFiles.join("Lessons/", "01-x.md") == "Lessons/01-x.md")
        #expect(CourseFiles.join("", "01-x.md") == "01-x.md")
        let course = CourseLoader.load(directory: LoadingFixtures.course("good") + "/")
        #expect(course.lessons.first?.path == LoadingFixtures.course("good") + "/01-types.md")
    }

    @Test func missingFolderGivesAnErrorAndAFallbackCourse() {
        let course = CourseLoader.load(directory: "/nonexistent/marrow-course")
        #expect(LoadingFixtures.lines(course.diagnostics) == ["/nonexistent/marrow-course:1:1: error: cannot open the course folder: no such folder"])
        #expect(course.info.id == "marrow-course")
        #expect(course.info.title == "marrow-course")
        #expect(course.lessons.isEmpty)
    }

    @Test func missingCourseYAMLIsAnErrorButLessonsStillLoad() throws {
        let directory = try TemporaryCourse.make(files: [
            "01-only.md": LoadingFixtures.frontMatter + "Body.\n\n## Quiz\n\n### Q {#q}\n\n- [x] a\n- [ ] b\n\n> Why.\n",
        ])
        defer { TemporaryCourse.remove(directory) }
        let course = CourseLoader.load(directory: directory)
        #expect(LoadingFixtures.lines(course.diagnostics) == ["\(directory)/course.yaml:1:1: error: cannot read the file: No such file or directory"])
        #expect(course.info.id == (directory as NSString).lastPathComponent)
        #expect(course.lessons.map(\.id) == ["test"])
        #expect(course.glossary == [])
    }

    @Test func lessonOrderFollowsTheNumber() {
        #expect(LessonFileName.sorted(["100-c.md", "99-b.md", "010-a.md", "02-z.md", "02-a.md"]) == ["02-a.md", "02-z.md", "010-a.md", "99-b.md", "100-c.md"])
        // Numbers too long for an integer still sort as numbers.
        #expect(LessonFileName.sorted(["20000000000000000000-c.md", "10000000000000000000-b.md", "9999999999999999999-a.md", "010000000000000000000-a.md"])
                == ["9999999999999999999-a.md", "010000000000000000000-a.md", "10000000000000000000-b.md", "20000000000000000000-c.md"])
        #expect(LessonFileName.isLesson("01-leukemia.md"))
        #expect(LessonFileName.isLesson("001-a-1.md"))
        #expect(!LessonFileName.isLesson("1-foo.md"))
        #expect(!LessonFileName.isLesson("01_foo.md"))
        #expect(!LessonFileName.isLesson("01-Foo.md"))
        #expect(!LessonFileName.isLesson("01-.md"))
        #expect(!LessonFileName.isLesson("01-foo.MD"))
        #expect(LessonFileName.isNearMiss("01-foo.MD"))
        #expect(!LessonFileName.isNearMiss("README.md"))
        #expect(!LessonFileName.isNearMiss("readme.md"))
        #expect(LessonFileName.isNearMiss("notes.md"))
        #expect(LessonFileName.isNearMiss("leukemia.md"))
    }

    /// 200 generated lessons of 20 questions each load completely (a startup-path sanity check).
    @Test func manyGeneratedLessonsLoad() throws {
        var files: [String: String] = ["course.yaml": "id: big\ntitle: Big\nsummary: s\ndisclaimer: d\nversion: \"1\"\nlast-reviewed: 2026-11-26\n"]
        for n in 1...200 {
            var text = LoadingFixtures.frontMatter.replacingOccurrences(of: "id: test", with: "id: lesson-\(n)")
            text += "# Lesson \(n)\n\n" + String(repeating: "Some *text* about **marrow** and [links](https://example.org).\n\n", count: 20)
            text += "## Quiz\n\n"
            for q in 1...20 {
                text += "### Question \(q) of lesson \(n)? {#q-\(n)-\(q) .benefit}\n\n- [x] Right\n  > Yes.\n- [ ] Wrong\n- [ ] Also wrong\n\n> Because.\n\n"
            }
            files[String(format: "%03d-lesson.md", n)] = text
        }
        let directory = try TemporaryCourse.make(files: files)
        defer { TemporaryCourse.remove(directory) }
        let clock = ContinuousClock()
        let start = clock.now
        let course = CourseLoader.load(directory: directory)
        let elapsed = clock.now - start
        print("loaded 200 lessons × 20 questions in \(elapsed)")
        #expect(course.diagnostics == [])
        #expect(course.lessons.count == 200)
        #expect(course.allQuestions.count == 4000)
        #expect(course.lessons[199].id == "lesson-200")
    }
}

@Suite struct LessonLoaderTests {
    @Test func loadsOneLessonFromBytes() throws {
        let load = LoadingFixtures.lesson(LoadingFixtures.frontMatter + "# Title\n\nText.\n\n## Quiz\n\n### Q {#q-1}\n\n- [x] a\n- [ ] b\n\n> Why.\n")
        #expect(load.diagnostics == [])
        let lesson = try #require(load.lesson)
        #expect(load.broken == nil)
        #expect(lesson.fileName == "01-test.md")
        #expect(lesson.path == "Lessons/01-test.md")
        #expect(lesson.body.blocks.first?.line == LoadingFixtures.bodyFirstLine)
        #expect(lesson.quiz.first?.lessonID == "test")
    }

    @Test func loadsOneLessonFromAPath() throws {
        let path = LoadingFixtures.course("good") + "/01-types.md"
        let load = CourseLoader.loadLesson(path: path)
        #expect(load.diagnostics == [])
        #expect(load.lesson?.fileName == "01-types.md")
        let missing = CourseLoader.loadLesson(path: "/nonexistent/01-x.md")
        #expect(LoadingFixtures.lines(missing.diagnostics) == ["/nonexistent/01-x.md:1:1: error: cannot read the lesson: No such file or directory"])
        #expect(missing.broken?.title == "01-x.md")
    }

    @Test func duplicateQuestionIdsInOneFile() {
        let quiz = "## Quiz\n\n### A {#same}\n\n- [x] a\n- [ ] b\n\n> Why.\n\n### B {#same}\n\n- [x] a\n- [ ] b\n\n> Why.\n"
        let load = LoadingFixtures.lesson(LoadingFixtures.frontMatter + "Body.\n\n" + quiz)
        #expect(LoadingFixtures.lines(load.diagnostics) == ["Lessons/01-test.md:24:1: error: duplicate question id 'same': already used at Lessons/01-test.md:17:1"])
        #expect(load.lesson == nil)
    }

    @Test func crlfBOMAndTrailingSpacesOnDelimiters() {
        let text = "\u{FEFF}---  \r\nid: crlf\r\ntitle: T\r\nsummary: S\r\nminutes: 60\r\nobjectives: [a]\r\nsources: []\r\nreviewed: 2026-01-31\r\n--- \r\nBody.\r\n"
        let load = LoadingFixtures.lesson(text)
        #expect(LoadingFixtures.lines(load.diagnostics) == ["Lessons/01-test.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section"])
        #expect(load.lesson?.body.blocks == [Block(.paragraph([.text("Body.")]), line: 10, column: 1)])
        #expect(load.lesson?.meta.minutes == 60)
    }

    @Test func frontMatterProblems() {
        #expect(LoadingFixtures.lines(LoadingFixtures.lesson("").diagnostics) == [
            "Lessons/01-test.md:1:1: error: a lesson must start with front matter: a '---' line, the lesson's keys, and another '---' line",
        ])
        #expect(LoadingFixtures.lines(LoadingFixtures.lesson("---\n---\nBody.\n").diagnostics) == [
            "Lessons/01-test.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section",
            "Lessons/01-test.md:1:1: error: the front matter is empty: it needs id, title, summary, minutes, objectives, sources, reviewed",
        ])
        #expect(LoadingFixtures.lines(LoadingFixtures.lesson("---\n- a\n- b\n---\nBody.\n").diagnostics) == [
            "Lessons/01-test.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section",
            "Lessons/01-test.md:2:1: error: the front matter must be a mapping of keys, not a list",
        ])
        let badValues = LoadingFixtures.frontMatter
            .replacingOccurrences(of: "minutes: 3", with: "minutes: 0")
            .replacingOccurrences(of: "id: test", with: "id: test\ntitle: Twice")
            .replacingOccurrences(of: "https://example.org", with: "https://")
        #expect(LoadingFixtures.lines(LoadingFixtures.lesson(badValues + "Body.\n").diagnostics) == [
            "Lessons/01-test.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section",
            "Lessons/01-test.md:4:1: error: duplicate key 'title' (first on line 3)",
        ])
        let zero = LoadingFixtures.frontMatter.replacingOccurrences(of: "minutes: 3", with: "minutes: 0")
            .replacingOccurrences(of: "https://example.org", with: "https://")
            .replacingOccurrences(of: "reviewed: 2026-11-26", with: "reviewed:")
        #expect(LoadingFixtures.lines(LoadingFixtures.lesson(zero + "Body.\n").diagnostics) == [
            "Lessons/01-test.md:1:1: warning: the lesson has no quiz: add a '## Quiz' section",
            "Lessons/01-test.md:5:10: error: 'minutes' must be a whole number from 1 to 60, not '0'",
            "Lessons/01-test.md:10:10: error: a source's url must be an http:// or https:// address",
            "Lessons/01-test.md:11:10: error: 'reviewed' has no value",
        ])
    }

    @Test func invalidUTF8IsFoundAtItsFirstBadByte() {
        func firstError(_ bytes: [UInt8]) -> String? {
            CourseLoader.loadLesson(bytes: bytes, path: "x.md").diagnostics.first?.description
        }
        let prefix = Array("---\nid: é".utf8)
        #expect(firstError(prefix + [0xC0, 0x80]) == "x.md:2:6: error: the file is not valid UTF-8 (byte 0xC0)")
        #expect(firstError(prefix + [0xED, 0xA0, 0x80]) == "x.md:2:6: error: the file is not valid UTF-8 (byte 0xED)")
        #expect(firstError(prefix + [0xF4, 0x90, 0x80, 0x80]) == "x.md:2:6: error: the file is not valid UTF-8 (byte 0xF4)")
        #expect(firstError(prefix + [0xE2, 0x82]) == "x.md:2:6: error: the file is not valid UTF-8 (byte 0xE2)")
        #expect(firstError(prefix + [0x80]) == "x.md:2:6: error: the file is not valid UTF-8 (byte 0x80)")
        // Valid multi-byte text is fine: the lesson then fails on its missing keys only.
        #expect(firstError(prefix + Array("\u{10FFFF}😀\n---\nBody.\n".utf8))?.contains("UTF-8") == false)
    }

    @Test func controlCharactersAreCappedPerFile() {
        let body = "Text " + String(repeating: "\u{1B}", count: 13) + "\n"
        let load = LoadingFixtures.lesson(LoadingFixtures.frontMatter + body)
        let errors = load.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 11)
        #expect(errors[9].description == "Lessons/01-test.md:13:15: error: terminal control character U+001B is not allowed")
        #expect(errors[10].description == "Lessons/01-test.md:14:1: error: 3 more terminal control characters in this file")
    }

    @Test func tabsAndCRLFAreAllowed() {
        let load = LoadingFixtures.lesson(LoadingFixtures.frontMatter + "Tab\there.\r\n\r\n## Quiz\r\n\r\n### Q {#q}\r\n\r\n- [x] a\r\n- [ ] b\r\n\r\n> Why.\r\n")
        #expect(load.diagnostics == [])
    }
}

/// A course folder written to a temporary directory for one test.
enum TemporaryCourse {
    static func make(files: [String: String]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marrow-loader-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        return directory
    }

    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

@Suite struct LessonFormatContractTests {
    /// The complete example lesson of Lessons/README.md loads without a single diagnostic.
    @Test func readmeExampleLessonLoadsCleanly() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lessons/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "````markdown\n"))
        let end = try #require(text.range(of: "\n````", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound]) + "\n"
        let load = LoadingFixtures.lesson(example, path: "Lessons/01-example.md")
        #expect(load.diagnostics == [])
        let lesson = try #require(load.lesson)
        #expect(lesson.quiz.map(\.kind) == [.single, .trueFalse, .multiple])
        #expect(lesson.quiz[0].choices[0].feedback.isEmpty == false)
    }
}
