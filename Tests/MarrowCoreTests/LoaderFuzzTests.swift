import Foundation
import Testing
import MarrowTestSupport
@testable import MarrowCore

/// Fuzzes the loader and validator with mutations of the real lessons: bytes, lines,
/// YAML and Markdown structure, invalid UTF-8, NULs. Whatever comes in, loading must
/// return (no crash, no hang, in bounded time) and every problem must name its file and
/// a position inside it. The seed is fixed, so a failure repeats; a failing case prints
/// its seed and mutations, and `LoaderFuzz.case(seed:)` rebuilds it.
@Suite struct LoaderFuzzTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsFolder = packageRoot.appendingPathComponent("Lessons").path

    /// The real lessons, course.yaml and glossary.yaml, as bytes.
    static let originals: LoaderFuzz.Originals = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: lessonsFolder)) ?? []
        let lessons = names.filter { LessonFileName.isLesson($0) }.sorted().map {
            ($0, [UInt8](FileManager.default.contents(atPath: lessonsFolder + "/" + $0) ?? Data()))
        }
        let read = { (name: String) in [UInt8](FileManager.default.contents(atPath: lessonsFolder + "/" + name) ?? Data()) }
        return LoaderFuzz.Originals(lessons: lessons, course: read("course.yaml"), glossary: read("glossary.yaml"))
    }()

    /// How many seeds the lesson fuzz loads: a seeded sample, not thousands. The first 445
    /// seeds reach every mutation shape (see `LoaderFuzz.shape`) that 3,000 seeds reach:
    /// 90 of them, each switch case of `LoaderFuzz.apply`, its guarded early returns, and
    /// each depth, length, style and snippet it picks. The test checks the sample still does.
    static let lessonSeeds = 448
    static let shapesOfThreeThousandSeeds = 90

    /// Mutated lessons through `loadLesson(bytes:)`, each with its report.
    @Test(.timeLimit(.minutes(5)))
    func mutatedLessonsNeverCrashAndReportPositions() throws {
        let originals = Self.originals
        try #require(originals.lessons.count >= 10, "the real lessons are not at \(Self.lessonsFolder)")
        let cases = Self.lessonSeeds
        var shapes = Set<String>()
        // Loading one lesson runs on this thread: its CPU time is the work, however busy the machine.
        let clock = ThreadCPUClock()
        let started = clock.now
        var slowest: (Duration, String) = (.zero, "")
        var withErrors = 0
        var loaded = 0
        for seed in 0..<UInt64(cases) {
            let fuzz = LoaderFuzz.case(seed: seed, originals: originals)
            shapes.formUnion(fuzz.mutations.map(LoaderFuzz.shape))
            let path = "Lessons/" + fuzz.fileName
            let caseStart = clock.now
            let load = CourseLoader.loadLesson(bytes: fuzz.bytes, path: path)
            let elapsed = clock.now - caseStart
            if elapsed > slowest.0 { slowest = (elapsed, fuzz.description) }
            #expect(elapsed < .seconds(2), "case \(fuzz.description) took \(elapsed)")
            let problems = LoaderFuzz.positionProblems(load.diagnostics, path: path, bytes: fuzz.bytes)
            #expect(problems.isEmpty, "case \(fuzz.description): \(problems.joined(separator: "; "))")
            // A lesson is broken exactly when it has an error, and then the error is named.
            #expect((load.lesson == nil) == load.hasErrors, "case \(fuzz.description)")
            if let broken = load.broken {
                #expect(broken.error.severity == .error && broken.error.path == path, "case \(fuzz.description)")
            }
            if load.hasErrors { withErrors += 1 }
            if let lesson = load.lesson {
                loaded += 1
                // What loaded is usable: the report counts it, its questions belong to it.
                let course = Course(info: CourseInfo(id: "fuzz", title: "Fuzz"), lessons: [lesson], diagnostics: load.diagnostics, directory: "Lessons")
                let report = ValidationReport.make(course: course)
                #expect(report.totals.questions == lesson.quiz.count)
                #expect(lesson.quiz.allSatisfy { $0.lessonID == lesson.id && Self.isAnswerable($0) }, "case \(fuzz.description)")
            }
        }
        let total = clock.now - started
        print("LoaderFuzz: \(cases) lessons in \(total) (\(loaded) loaded, \(withErrors) with errors); slowest \(slowest.0): \(slowest.1)")
        #expect(withErrors > cases / 4, "the mutations should break many lessons")
        #expect(loaded > cases / 20, "some mutations should leave the lesson loadable")
        #expect(shapes.count >= Self.shapesOfThreeThousandSeeds, "the sample reaches only \(shapes.count) mutation shapes: \(shapes.sorted())")
    }

    /// A question that loaded has what its kind needs to be asked: choices, steps
    /// to order, pairs to match, or an accepted answer to type.
    static func isAnswerable(_ question: Question) -> Bool {
        switch question.kind {
        case .single, .multiple, .trueFalse: !question.choices.isEmpty
        case .order: QuizExtractor.orderItemRange.contains(question.orderItems.count)
        case .match: QuizExtractor.matchPairRange.contains(question.pairs.count)
        case .typed: !question.acceptedAnswers.isEmpty
        }
    }

    /// How many real lessons each fuzzed course folder holds: a few consecutive ones
    /// (so duplicates and order across files still arise). Lessons left as they are
    /// would only be loaded again in every folder, which tells nothing new; mutated
    /// lessons are the lesson fuzz's subject, with 448 cases.
    static let lessonsPerFolder = 3

    /// Whole course folders with a mutated course.yaml, glossary.yaml and lessons, through
    /// `load(directory:)` and `ValidationReport` (text and JSON).
    @Test(.timeLimit(.minutes(5)))
    func mutatedCourseFoldersValidate() throws {
        let originals = Self.originals
        try #require(originals.lessons.count >= 10)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("marrow-fuzz-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clock = ContinuousClock()
        let started = clock.now
        let folders = 60
        var duplicates = 0
        for seed in 0..<UInt64(folders) {
            var random = SplitMix64(seed: 0xC0FFEE &+ seed)
            var files: [(String, [UInt8])] = []
            files.append(("course.yaml", LoaderFuzz.mutateYAML(originals.course, random: &random, steps: 1 + random.index(below: 3)).bytes))
            files.append(("glossary.yaml", LoaderFuzz.mutateYAML(originals.glossary, random: &random, steps: 1 + random.index(below: 3)).bytes))
            let first = random.index(below: originals.lessons.count)
            let picked = (0..<Self.lessonsPerFolder).map { originals.lessons[(first + $0) % originals.lessons.count] }
            for (name, bytes) in picked {
                let fuzz = random.index(below: 2) == 0 ? LoaderFuzz.mutate(bytes, random: &random, steps: 1 + random.index(below: 3)).bytes : bytes
                files.append((name, fuzz))
            }
            // Sometimes a second copy of a lesson under another number: duplicate ids across files.
            if random.index(below: 2) == 0 {
                let (name, bytes) = picked[random.index(below: picked.count)]
                files.append(("9\(name)", bytes))
                duplicates += 1
            }
            let existing = try FileManager.default.contentsOfDirectory(atPath: folder)
            for name in existing { try FileManager.default.removeItem(atPath: folder + "/" + name) }
            for (name, bytes) in files {
                #expect(FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes)))
            }
            let course = CourseLoader.load(directory: folder)
            let report = ValidationReport.make(course: course)
            #expect(report.totals.lessons == files.count - 2, "seed \(seed)")
            for diagnostic in course.diagnostics {
                let bytes = files.first { folder + "/" + $0.0 == diagnostic.path }?.1
                #expect(bytes != nil, "seed \(seed): \(diagnostic) names no file of the course")
                if let bytes {
                    let problems = LoaderFuzz.positionProblems([diagnostic], path: diagnostic.path, bytes: bytes)
                    #expect(problems.isEmpty, "seed \(seed): \(problems.joined(separator: "; "))")
                }
            }
            #expect(report.lines.count == course.diagnostics.count + 1)
            let json = try report.json()
            let decoded = try JSONDecoder().decode(ValidationReport.self, from: Data(json.utf8))
            #expect(decoded == report, "seed \(seed)")
        }
        let total = clock.now - started
        print("LoaderFuzz: \(folders) course folders in \(total) (\(duplicates) with a lesson twice)")
        #expect(duplicates > 0 && duplicates < folders)
    }

    /// Single, targeted hostile inputs that random mutation reaches only rarely.
    @Test(.timeLimit(.minutes(5)))
    func handPickedHostileLessons() throws {
        let originals = Self.originals
        try #require(!originals.lessons.isEmpty)
        let lesson = originals.lessons[1].1
        let clock = ThreadCPUClock()
        for (name, bytes) in LoaderFuzz.handPicked(lesson) {
            let start = clock.now
            let load = CourseLoader.loadLesson(bytes: bytes, path: "Lessons/01-x.md")
            let elapsed = clock.now - start
            #expect(elapsed < .seconds(3), "\(name) took \(elapsed)")
            let problems = LoaderFuzz.positionProblems(load.diagnostics, path: "Lessons/01-x.md", bytes: bytes)
            #expect(problems.isEmpty, "\(name): \(problems.joined(separator: "; "))")
            #expect((load.lesson == nil) == load.hasErrors, "\(name)")
        }
    }
}

/// Mutations of course files, driven by a seeded `SplitMix64`.
enum LoaderFuzz {
    struct Originals {
        var lessons: [(String, [UInt8])]
        var course: [UInt8]
        var glossary: [UInt8]
    }

    struct Case: CustomStringConvertible {
        var seed: UInt64
        var fileName: String
        var bytes: [UInt8]
        var mutations: [String]
        var description: String { "seed \(seed) (\(fileName): \(mutations.joined(separator: ", ")))" }
    }

    /// The case for one seed: a lesson picked by the seed, mutated one to four times.
    static func `case`(seed: UInt64, originals: Originals) -> Case {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 17)
        let (name, bytes) = originals.lessons[random.index(below: originals.lessons.count)]
        let steps = 1 + random.index(below: 4)
        let (mutated, names) = mutate(bytes, random: &random, steps: steps)
        return Case(seed: seed, fileName: name, bytes: mutated, mutations: names)
    }

    /// A mutation's name without its positions: which branch of `apply` made it, with the
    /// depth, length or style it chose (`×N`, `style N`, `word of N`) kept, and the line,
    /// offset and byte counts (which only say where) dropped.
    static func shape(_ name: String) -> String {
        var result = ""
        var rest = Substring(name)
        while let first = rest.first {
            if first.isNumber {
                let digits = rest.prefix { $0.isNumber }
                let keep = result.hasSuffix("×") || result.hasSuffix("style ") || result.hasSuffix("word of ")
                result += keep ? String(digits) : "#"
                rest = rest.dropFirst(digits.count)
            } else {
                result.append(first)
                rest = rest.dropFirst()
            }
        }
        return result
    }

    // MARK: Checks

    /// What is wrong with the positions of some diagnostics of a file: each must name the
    /// file, and point at a line and column inside it (or 0 for the whole file/line, which
    /// the compiler-style text shows as 1).
    static func positionProblems(_ diagnostics: [Diagnostic], path: String, bytes: [UInt8]) -> [String] {
        let lineCount = newlineOffsets(bytes).count + 1
        var problems: [String] = []
        for d in diagnostics {
            if d.path != path { problems.append("\(d) has the path '\(d.path)'") }
            if d.line < 0 || d.line > lineCount { problems.append("\(d): line \(d.line) is outside 0...\(lineCount)") }
            if d.column < 0 { problems.append("\(d): column \(d.column)") }
            if d.line == 0, d.column != 0 { problems.append("\(d): a column without a line") }
            if d.message.isEmpty { problems.append("\(d): no message") }
            // The compiler-style line always starts with the path and a line of at least 1.
            let prefix = "\(path):"
            if !d.description.hasPrefix(prefix) { problems.append("\(d): text does not start with the path") }
            let rest = d.description.dropFirst(prefix.count)
            if let number = Int(rest.prefix { $0.isNumber }), number < 1 { problems.append("\(d): text line \(number)") }
            if rest.first?.isNumber != true { problems.append("\(d): text has no line") }
        }
        return problems
    }

    // MARK: Mutations

    static func mutate(_ original: [UInt8], random: inout SplitMix64, steps: Int) -> (bytes: [UInt8], names: [String]) {
        var bytes = original
        var names: [String] = []
        for _ in 0..<steps {
            let kind = random.index(below: 22)
            names.append(apply(kind, to: &bytes, random: &random))
        }
        return (bytes, names)
    }

    /// Mutations that make sense for a YAML file on its own.
    static func mutateYAML(_ original: [UInt8], random: inout SplitMix64, steps: Int) -> (bytes: [UInt8], names: [String]) {
        var bytes = original
        var names: [String] = []
        let kinds = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 20, 21]
        for _ in 0..<steps {
            names.append(apply(kinds[random.index(below: kinds.count)], to: &bytes, random: &random, frontMatterOnly: false))
        }
        return (bytes, names)
    }

    /// Applies one mutation; returns its name. `frontMatterOnly` keeps YAML mutations
    /// inside a lesson's front matter (between the first two `---` lines) when there is one.
    private static func apply(_ kind: Int, to bytes: inout [UInt8], random: inout SplitMix64, frontMatterOnly: Bool = true) -> String {
        var lines = splitLines(bytes)
        func pickLine(in range: Range<Int>? = nil) -> Int {
            let r = range ?? 0..<lines.count
            return r.isEmpty ? 0 : r.lowerBound + random.index(below: r.count)
        }
        func frontMatterLines() -> Range<Int> {
            guard frontMatterOnly else { return 0..<lines.count }
            if let close = lines.indices.dropFirst().first(where: { lines[$0] == Array("---".utf8) }) { return 1..<close }
            return 0..<lines.count
        }
        func bodyLines() -> Range<Int> {
            if let close = lines.indices.dropFirst().first(where: { lines[$0] == Array("---".utf8) }) { return (close + 1)..<lines.count }
            return 0..<lines.count
        }
        func randomPosition() -> Int { bytes.isEmpty ? 0 : random.index(below: bytes.count + 1) }
        let hostileBytes: [[UInt8]] = [[0x00], [0x1B], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xC2, 0x9B], [0xE2, 0x80, 0xAE],
                                       [0x0D], [0x09], [0x7F], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80], [0x80]]
        switch kind {
        case 0:
            guard !bytes.isEmpty else { return "flip (empty)" }
            let i = random.index(below: bytes.count)
            bytes[i] ^= UInt8(1 << random.index(below: 8))
            return "flip bit at \(i)"
        case 1:
            let i = randomPosition()
            let inserted = hostileBytes[random.index(below: hostileBytes.count)]
            bytes.insert(contentsOf: inserted, at: i)
            return "insert \(inserted) at \(i)"
        case 2:
            guard !bytes.isEmpty else { return "delete (empty)" }
            let i = random.index(below: bytes.count)
            let n = min(bytes.count - i, 1 + random.index(below: 40))
            bytes.removeSubrange(i..<(i + n))
            return "delete \(n) bytes at \(i)"
        case 3:
            guard !lines.isEmpty else { return "delete line (empty)" }
            let i = pickLine()
            lines.remove(at: i)
            bytes = joinLines(lines)
            return "delete line \(i + 1)"
        case 4:
            guard !lines.isEmpty else { return "duplicate line (empty)" }
            let i = pickLine()
            let times = 1 + random.index(below: 3)
            lines.insert(contentsOf: Array(repeating: lines[i], count: times), at: i)
            bytes = joinLines(lines)
            return "duplicate line \(i + 1) ×\(times)"
        case 5:
            guard lines.count > 1 else { return "swap lines (short)" }
            let a = pickLine(), b = pickLine()
            lines.swapAt(a, b)
            bytes = joinLines(lines)
            return "swap lines \(a + 1) and \(b + 1)"
        case 6:
            // Break indentation in the front matter.
            let r = frontMatterLines()
            guard !r.isEmpty else { return "indent (none)" }
            let i = pickLine(in: r)
            if random.index(below: 2) == 0 {
                lines[i].insert(contentsOf: Array(repeating: 0x20, count: 1 + random.index(below: 5)), at: 0)
            } else {
                while lines[i].first == 0x20 { lines[i].removeFirst() }
            }
            bytes = joinLines(lines)
            return "reindent line \(i + 1)"
        case 7:
            let r = frontMatterLines()
            let i = pickLine(in: r.isEmpty ? 0..<lines.count : r)
            guard !lines.isEmpty else { return "tab (empty)" }
            lines[i].insert(0x09, at: random.index(below: lines[i].count + 1))
            bytes = joinLines(lines)
            return "tab in line \(i + 1)"
        case 8:
            // Delete or damage a `---` delimiter.
            let delimiters = lines.indices.filter { lines[$0] == Array("---".utf8) }
            guard let i = delimiters.isEmpty ? nil : delimiters[random.index(below: min(2, delimiters.count))] else { return "delimiter (none)" }
            if random.index(below: 2) == 0 { lines.remove(at: i) } else { lines[i] = Array("-- -".utf8) }
            bytes = joinLines(lines)
            return "break delimiter on line \(i + 1)"
        case 9:
            let snippets = ["anchor: &a [1, 2]", "alias: *a", "title: &t Title", "objectives: *nothing", "<<: {id: x}",
                            "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]", "!!binary aGVsbG8=", "title: !custom x",
                            "? complex key\n: value", "id: [not, a, scalar]", "minutes: 1e400", "minutes: -0x7FFFFFFFFFFFFFFFFF",
                            "reviewed: 2026-02-30", "sources:\n  - {title: t, url: javascript:alert(1)}", "'unterminated: \"x",
                            "%YAML 1.1", "---\nsecond: document", "id: ..."]
            let r = frontMatterLines()
            let i = r.isEmpty ? 0 : pickLine(in: r.lowerBound..<(r.upperBound))
            let snippet = snippets[random.index(below: snippets.count)]
            lines.insert(Array(snippet.utf8), at: min(i, lines.count))
            bytes = joinLines(lines)
            return "YAML '\(snippet.prefix(20))' at line \(i + 1)"
        case 10:
            // Huge nesting, flow or block.
            let depth = [40, 200, 5_000, 20_000][random.index(below: 4)]
            let open = ["[", "{a: ", "- "][random.index(below: 3)]
            var text: [UInt8]
            if open == "- " {
                text = []
                for level in 0..<min(depth, 300) { text += Array(repeating: 0x20, count: level * 2) + Array("- \n".utf8) }
                text = Array("nest:\n".utf8) + text
            } else {
                text = Array("nest: ".utf8) + Array(String(repeating: open, count: depth).utf8)
            }
            let r = frontMatterLines()
            lines.insert(text, at: min(r.isEmpty ? 0 : r.lowerBound, lines.count))
            bytes = joinLines(lines)
            return "YAML nesting \(open)×\(depth)"
        case 11:
            // Duplicate a key line of the front matter or YAML file.
            let r = frontMatterLines()
            guard !r.isEmpty else { return "duplicate key (none)" }
            let i = pickLine(in: r)
            lines.insert(lines[i], at: i + 1)
            bytes = joinLines(lines)
            return "duplicate key line \(i + 1)"
        case 12:
            // Truncate the file.
            let i = randomPosition()
            bytes.removeSubrange(i...)
            return "truncate at \(i)"
        case 13:
            // NULs and invalid UTF-8 in a run.
            let i = randomPosition()
            let run: [UInt8] = random.index(below: 2) == 0 ? Array(repeating: 0, count: 1 + random.index(below: 64)) : [0xFE, 0xFF, 0xC3, 0x28, 0xA0, 0xA1]
            bytes.insert(contentsOf: run, at: i)
            return "insert \(run.count) bad bytes at \(i)"
        case 14:
            // Deep lists or quotes in the body.
            let r = bodyLines()
            let i = r.isEmpty ? lines.count : pickLine(in: r)
            let depth = [10, 70, 1_000, 10_000][random.index(below: 4)]
            let style = random.index(below: 4)
            var inserted: [[UInt8]] = []
            switch style {
            case 0: inserted = [Array(String(repeating: "> ", count: depth).utf8) + Array("deep quote".utf8)]
            case 1: inserted = [Array(String(repeating: "- ", count: depth).utf8) + Array("deep list".utf8)]
            case 2: inserted = (0..<min(depth, 400)).map { Array(String(repeating: "  ", count: $0).utf8) + Array("- item \($0)".utf8) }
            default: inserted = [Array(String(repeating: "*a ", count: depth).utf8) + Array(String(repeating: "[", count: depth).utf8)]
            }
            lines.insert(contentsOf: inserted, at: min(i, lines.count))
            bytes = joinLines(lines)
            return "body nesting style \(style) ×\(depth)"
        case 15:
            // Remove the quiz heading, or add a second one.
            if let i = lines.firstIndex(of: Array("## Quiz".utf8)) {
                if random.index(below: 2) == 0 { lines.remove(at: i) } else { lines.insert(Array("## Quiz".utf8), at: pickLine(in: i..<lines.count)) }
                bytes = joinLines(lines)
                return "quiz heading moved (line \(i + 1))"
            }
            return "quiz heading (none)"
        case 16:
            // Duplicate a question: the same id twice.
            let questions = lines.indices.filter { lines[$0].starts(with: Array("### ".utf8)) }
            guard !questions.isEmpty else { return "duplicate question (none)" }
            let k = random.index(below: questions.count)
            let start = questions[k]
            let end = k + 1 < questions.count ? questions[k + 1] : lines.count
            lines.insert(contentsOf: lines[start..<end], at: end)
            bytes = joinLines(lines)
            return "duplicate question at line \(start + 1)"
        case 17:
            // An unterminated code fence, or a fence around the quiz.
            let r = bodyLines()
            let i = r.isEmpty ? lines.count : pickLine(in: r)
            lines.insert(Array(["```", "~~~~", "    ```yaml"][random.index(below: 3)].utf8), at: min(i, lines.count))
            bytes = joinLines(lines)
            return "code fence at line \(i + 1)"
        case 18:
            // Question markup damaged: choices, ids, feedback and explanations.
            let r = bodyLines()
            guard !r.isEmpty else { return "quiz markup (none)" }
            let snippets = ["- [x] ", "- [ ]", "- [X] also right", "  > feedback without a choice", "> explanation", "### {#}",
                            "### Question {#q .tag .tag #id2}", "### {#stem-what-hsc}", "- [?] odd", "1. [x] numbered",
                            "### Heading [link](javascript:x) {#l}", "<script>alert(1)</script>", "![image](x.png)",
                            "[link](http://a\u{1B}]52;c;aGk=\u{07})", "### " + String(repeating: "long ", count: 2_000) + "{#long}"]
            let i = pickLine(in: r)
            let snippet = snippets[random.index(below: snippets.count)]
            lines.insert(Array(snippet.utf8), at: i)
            bytes = joinLines(lines)
            return "quiz markup '\(snippet.prefix(16))' at line \(i + 1)"
        case 19:
            // CRLF line ends, everywhere or on some lines.
            if random.index(below: 2) == 0 {
                bytes = joinLines(lines.map { $0 + [0x0D] })
                return "CRLF everywhere"
            }
            guard !lines.isEmpty else { return "CR (empty)" }
            let i = pickLine()
            lines[i].append(0x0D)
            bytes = joinLines(lines)
            return "CR on line \(i + 1)"
        case 20:
            // A long line or a long word.
            let i = pickLine()
            let length = [1_000, 10_000, 100_000][random.index(below: 3)]
            let word = Array(String(repeating: random.index(below: 2) == 0 ? "x" : "é", count: length).utf8)
            lines.insert(word, at: min(i, lines.count))
            bytes = joinLines(lines)
            return "word of \(length) at line \(i + 1)"
        default:
            // Splice: a random slice of the file copied elsewhere.
            guard bytes.count > 2 else { return "splice (short)" }
            let a = random.index(below: bytes.count), n = min(bytes.count - a, 1 + random.index(below: 400))
            let slice = Array(bytes[a..<(a + n)])
            bytes.insert(contentsOf: slice, at: randomPosition())
            return "splice \(n) bytes from \(a)"
        }
    }

    /// Hostile lessons written out, each named.
    static func handPicked(_ lesson: [UInt8]) -> [(String, [UInt8])] {
        let text = String(decoding: lesson, as: UTF8.self)
        return [
            ("empty", []),
            ("only a BOM", [0xEF, 0xBB, 0xBF]),
            ("only dashes", Array("---".utf8)),
            ("two dashes", Array("---\n---\n".utf8)),
            ("NULs", Array(repeating: 0, count: 10_000)),
            ("invalid UTF-8 everywhere", Array(repeating: 0xFF, count: 10_000)),
            ("control characters everywhere", Array(String(repeating: "\u{1B}[2J\u{07}\u{9B}", count: 5_000).utf8)),
            ("lesson of control characters", Array(text.replacingOccurrences(of: " ", with: "\u{1B}").utf8)),
            ("flow nesting 100k", Array(("---\nid: " + String(repeating: "[", count: 100_000) + "\n---\n").utf8)),
            ("quote nesting 100k", lesson + Array(String(repeating: ">", count: 100_000).utf8)),
            ("list nesting 20k", lesson + Array(String(repeating: "- ", count: 20_000).utf8)),
            ("emphasis 50k", lesson + Array((String(repeating: "*a", count: 50_000) + String(repeating: "a*", count: 50_000)).utf8)),
            ("brackets 100k", lesson + Array(String(repeating: "[", count: 100_000).utf8)),
            ("link refs", lesson + Array(String(repeating: "[a]: http://x\n[a]\n", count: 5_000).utf8)),
            ("10k questions without choices", lesson + Array(String(repeating: "### Q? {#q}\n\n", count: 10_000).utf8)),
            ("10k choices", lesson + Array(("### Q? {#many}\n\n" + String(repeating: "- [ ] no\n", count: 10_000)).utf8)),
            ("1 MB line", lesson + Array(String(repeating: "word ", count: 200_000).utf8)),
            ("100k blank lines", lesson + Array(repeating: 0x0A, count: 100_000)),
            ("100k CRs", lesson + Array(repeating: 0x0D, count: 100_000)),
            ("billion laughs", Array(("---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c]\n---\n# x\n").utf8)),
            ("front matter never closed", Array(text.replacingOccurrences(of: "reviewed: 2026-11-26\n---", with: "reviewed: 2026-11-26\n").utf8)),
            ("HTML", lesson + Array(String(repeating: "<div>\n<p>x</p>\n</div>\n\n", count: 2_000).utf8)),
            ("surrogate halves", lesson + [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80]),
            ("truncated 4-byte sequence at the end", lesson + [0xF0, 0x9F, 0x98]),
        ]
    }

    // MARK: Lines

    // Written with memchr and plain copies: the generic `split` and `joined` take most of
    // the fuzz test's time in a debug build.

    /// The offsets of every newline in `bytes`.
    static func newlineOffsets(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var offsets: [Int] = []
            guard let base = buffer.baseAddress else { return offsets }
            var start = 0
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                offsets.append(offset)
                start = offset + 1
            }
            return offsets
        }
    }

    static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for offset in newlineOffsets(bytes) {
            lines.append(Array(bytes[start..<offset]))
            start = offset + 1
        }
        lines.append(Array(bytes[start...]))
        return lines
    }

    static func joinLines(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            bytes.append(contentsOf: line)
        }
        return bytes
    }
}
