/// Loads a course folder into a `Course` (see Lessons/README.md for the format).
///
/// Loading never fails: every problem becomes a `Diagnostic` with the file's path as joined
/// from the folder given (`Lessons/01-x.md`), its 1-based line and column (columns count
/// characters), a severity and a message. A lesson file with any error is listed in
/// `brokenLessons` with its first error, so the rest of the course still opens.
package enum CourseLoader {
    /// Loads the course in `directory`: `course.yaml`, `glossary.yaml` (optional) and the
    /// lesson files `NN-slug.md` in the order of their number (then name).
    package static func load(directory: String) -> Course {
        let folderName = CourseFiles.folderName(directory)
        let fallback = CourseInfo(id: folderName, title: folderName)
        guard CourseFiles.isFolder(directory) else {
            let reason = CourseFiles.exists(directory) ? "it is not a folder" : "no such folder"
            let error = Diagnostic(path: directory, severity: .error, message: "cannot open the course folder: \(reason)")
            return Course(info: fallback, lessons: [], diagnostics: [error], directory: directory)
        }
        var diagnostics: [Diagnostic] = []
        let info = CourseInfoReader.read(path: CourseFiles.join(directory, "course.yaml"), fallback: fallback, diagnostics: &diagnostics)

        var lessons: [Lesson] = []
        var broken: [BrokenLesson] = []
        let names: [String]
        var listingError: Diagnostic?
        do {
            names = try CourseFiles.fileNames(in: directory)
        } catch {
            names = []
            listingError = Diagnostic(path: directory, severity: .error, message: "cannot list the course folder: \(error.reason)")
        }
        let markdown = LessonFileName.sorted(names.filter(LessonFileName.isMarkdown))
        let lessonNames = markdown.filter(LessonFileName.isLesson)
        // The glossary and the lesson files are parsed in parallel; the lessons' ids
        // are then checked in order, so the result is the same as reading one by one.
        let outputs = ParallelMap.map([nil] + lessonNames) { (name: String?) -> ParseOutput in
            guard let name else {
                var found: [Diagnostic] = []
                let terms = GlossaryReader.read(path: CourseFiles.join(directory, "glossary.yaml"), diagnostics: &found)
                return .glossary(terms, found)
            }
            return .lesson(LessonReader.parse(path: CourseFiles.join(directory, name), fileName: name))
        }
        guard case .glossary(let glossary, let glossaryDiagnostics) = outputs[0] else { preconditionFailure("the glossary comes first") }
        diagnostics += glossaryDiagnostics
        if let listingError {
            diagnostics.append(listingError)
            return Course(info: info, lessons: [], glossary: glossary, diagnostics: diagnostics, directory: directory)
        }
        let parsed = outputs.dropFirst().map { output -> LessonReader.Parsed in
            guard case .lesson(let lesson) = output else { preconditionFailure("lessons follow the glossary") }
            return lesson
        }
        var next = 0
        var registry = IDRegistry()
        for name in markdown {
            let path = CourseFiles.join(directory, name)
            guard LessonFileName.isLesson(name) else {
                if LessonFileName.isNearMiss(name) {
                    diagnostics.append(Diagnostic(path: path, severity: .warning, message:
                        "'\(name)' is not read as a lesson: lesson files are named NN-slug.md (two or more digits, a dash, then lower-case letters, digits and dashes)"))
                }
                continue
            }
            let load = LessonReader.register(parsed[next], registry: &registry)
            next += 1
            diagnostics += load.diagnostics
            if let lesson = load.lesson { lessons.append(lesson) }
            if let lesson = load.broken { broken.append(lesson) }
        }
        if lessons.isEmpty && broken.isEmpty {
            diagnostics.append(Diagnostic(path: directory, severity: .error, message:
                "no lessons: a course needs at least one lesson file named NN-slug.md (such as 01-welcome.md)"))
        }
        return Course(info: info, lessons: lessons, brokenLessons: broken, glossary: glossary, diagnostics: diagnostics, directory: directory)
    }

    /// Loads the one lesson file at `path`; `fileName` defaults to the path's last component.
    package static func loadLesson(path: String, fileName: String? = nil) -> LessonLoad {
        var registry = IDRegistry()
        return LessonReader.load(path: path, fileName: fileName ?? Self.lastComponent(path), registry: &registry)
    }

    /// Loads one lesson from its bytes, reporting problems against `path`.
    package static func loadLesson(bytes: [UInt8], path: String, fileName: String? = nil) -> LessonLoad {
        var registry = IDRegistry()
        return LessonReader.load(bytes: bytes, path: path, fileName: fileName ?? Self.lastComponent(path), registry: &registry)
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// One result of the parallel part of loading a course.
private enum ParseOutput: Sendable {
    case glossary([GlossaryTerm], [Diagnostic])
    case lesson(LessonReader.Parsed)
}

/// What loading one lesson file gave: the lesson, or the file as broken, and every problem found.
package struct LessonLoad: Sendable {
    /// The lesson; nil when the file has an error.
    package var lesson: Lesson?
    /// The file with its first error, when it has one.
    package var broken: BrokenLesson?
    /// Every problem in the file, by line and column.
    package var diagnostics: [Diagnostic]

    package init(lesson: Lesson?, broken: BrokenLesson?, diagnostics: [Diagnostic]) {
        self.lesson = lesson
        self.broken = broken
        self.diagnostics = diagnostics
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Lesson and question ids seen so far in a course, with where each was first used.
struct IDRegistry {
    var lessons: [String: String] = [:]
    var questions: [String: String] = [:]
}

/// Which files of a course folder are lessons, and their order.
enum LessonFileName {
    static func isMarkdown(_ name: String) -> Bool {
        // The last three bytes, any case: `lowercased()` made a string per file.
        let tail = name.utf8.suffix(3)
        guard tail.count == 3 else { return false }
        var bytes = tail.makeIterator()
        return bytes.next() == 0x2E && bytes.next().map { $0 | 0x20 } == 0x6D && bytes.next().map { $0 | 0x20 } == 0x64
    }

    /// `NN-slug.md`: two or more digits, a dash, a slug of `a-z`, `0-9` and `-`.
    static func isLesson(_ name: String) -> Bool {
        // The name's own bytes where it has them (a copy per file showed in the
        // launch of a long course).
        name.utf8.withContiguousStorageIfAvailable(isLesson(bytes:)) ?? Array(name.utf8).withUnsafeBufferPointer(isLesson(bytes:))
    }

    private static func isLesson(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 3, b[b.count - 3] == 0x2E, b[b.count - 2] == 0x6D, b[b.count - 1] == 0x64 else { return false }
        var i = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        guard i >= 2, i < b.count, b[i] == 0x2D else { return false }
        let slug = b[(i + 1)..<(b.count - 3)]
        return !slug.isEmpty && slug.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A Markdown file that is not a lesson name (`2-stem.MD`, `leukemia.md`):
    /// probably a lesson misnamed, so it is worth a warning. The course's own
    /// `README.md` is its documentation, never a lesson.
    static func isNearMiss(_ name: String) -> Bool {
        isMarkdown(name) && !isLesson(name) && name.lowercased() != "readme.md"
    }

    /// In the order of the number in front (so `100-x.md` follows `99-x.md`), then by name.
    static func sorted(_ names: [String]) -> [String] {
        // Each name's number as its count of significant digits and, up to 18 digits,
        // its value; the sort moves these plain values and looks at the names only on
        // a tie, since comparing `String`s goes through Unicode ordering, which is slow
        // on a path every launch takes.
        func digits(_ name: String) -> Substring.UTF8View {
            name.utf8.prefix { $0 >= 0x30 && $0 <= 0x39 }.drop { $0 == 0x30 }
        }
        let keys = names.indices.map { index -> (count: Int, value: UInt64, index: Int) in
            let number = digits(names[index])
            let value = number.count <= 18 ? number.reduce(0) { $0 * 10 + UInt64($1 - 0x30) } : 0
            return (number.count, value, index)
        }
        return keys.sorted { a, b in
            if a.count != b.count { return a.count < b.count }
            if a.value != b.value { return a.value < b.value }
            let (first, second) = (names[a.index], names[b.index])
            if a.count > 18, !digits(first).elementsEqual(digits(second)) {
                return digits(first).lexicographicallyPrecedes(digits(second))
            }
            return Array(first.utf8).lexicographicallyPrecedes(Array(second.utf8))
        }.map { names[$0.index] }
    }
}
