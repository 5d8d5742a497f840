/// Reads one lesson file: byte checks, front matter, Markdown body, quiz, and the ids it
/// shares with the rest of the course.
enum LessonReader {
    static func load(path: String, fileName: String, registry: inout IDRegistry) -> LessonLoad {
        register(parse(path: path, fileName: fileName), registry: &registry)
    }

    static func load(bytes raw: [UInt8], path: String, fileName: String, registry: inout IDRegistry) -> LessonLoad {
        register(parse(bytes: raw, path: path, fileName: fileName), registry: &registry)
    }

    /// A lesson file read and parsed, before its ids are checked against the rest of
    /// the course: the part of loading that needs no other file, so files can be
    /// parsed in parallel and then registered in order (`CourseLoader`).
    struct Parsed: Sendable {
        var path: String
        var fileName: String
        /// The outcome, when the file failed before its ids could be read.
        var finished: LessonLoad?
        var diagnostics: [Diagnostic] = []
        fileprivate var front = FrontMatterValues()
        var quiz: QuizExtractor.Extraction?
    }

    static func parse(path: String, fileName: String) -> Parsed {
        let bytes: [UInt8]
        do {
            bytes = try CourseFiles.read(path)
        } catch {
            let diagnostic = Diagnostic(path: path, severity: .error, message: "cannot read the lesson: \(error.reason)")
            return Parsed(path: path, fileName: fileName, finished: LessonLoad(lesson: nil, broken: BrokenLesson(path: path, fileName: fileName, title: fileName, error: diagnostic), diagnostics: [diagnostic]))
        }
        return parse(bytes: bytes, path: path, fileName: fileName)
    }

    static func parse(bytes raw: [UInt8], path: String, fileName: String) -> Parsed {
        var diagnostics: [Diagnostic] = []
        let checked = SourceText.check(raw, path: path)
        diagnostics += checked.diagnostics
        guard checked.isUTF8 else {
            return Parsed(path: path, fileName: fileName, finished: finish(nil, FrontMatterValues(), diagnostics, path: path, fileName: fileName))
        }

        let split: FrontMatter
        switch FrontMatter.split(checked.bytes, path: path) {
        case .failed(let diagnostic):
            diagnostics.append(diagnostic)
            return Parsed(path: path, fileName: fileName, finished: finish(nil, FrontMatterValues(), diagnostics, path: path, fileName: fileName))
        case .found(let frontMatter):
            split = frontMatter
        }

        let front = readMeta(split, path: path, diagnostics: &diagnostics)
        let (document, markdownDiagnostics) = MarkdownConverter.convert(split.body, lineOffset: split.closingLine, path: path)
        diagnostics += markdownDiagnostics
        let lessonID = front.id ?? fileName
        let quiz = QuizExtractor.extract(document.blocks, lessonID: lessonID, path: path)
        diagnostics += quiz.diagnostics
        if let sources = front.meta?.sources {
            diagnostics += CitationCheck.diagnostics(for: quiz.body, sourceCount: sources.count, path: path)
        }

        if !quiz.body.contains(where: { !$0.plainText.trimmingSpaces.isEmpty }) {
            diagnostics.append(Diagnostic(path: path, line: split.closingLine + 1, column: 1, severity: .error,
                                          message: "the lesson has no text: write its body after the front matter"))
        }
        if !quiz.hasQuizSection {
            diagnostics.append(Diagnostic(path: path, severity: .warning, message: "the lesson has no quiz: add a '## Quiz' section"))
        }
        return Parsed(path: path, fileName: fileName, finished: nil, diagnostics: diagnostics, front: front, quiz: quiz)
    }

    /// The keys of a lesson's front matter that its row in a course's outline shows.
    static let outlineKeys: Set<String> = ["id", "title", "minutes"]

    /// A lesson's `id`, `title` and `minutes` alone, from the start of its file (for
    /// `CourseOutline`): a `LessonMeta` with those three when the front matter up to
    /// them is UTF-8 text without byte errors, its YAML reads and the three are right,
    /// else nil. Only the front matter's lines up to the last of the three are read
    /// (the objectives and sources after them are most of its bytes), so an error
    /// after them (even a front matter never closed), like one in the body or the
    /// quiz, is left to the full load, which still decides whether the lesson opens.
    static func outlineMeta(bytes raw: [UInt8], path: String) -> LessonMeta? {
        let bom = raw.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let opening = raw[bom...].firstIndex(of: 0x0A), FrontMatter.isDashes(raw[bom..<opening]) else { return nil }
        // The front matter's lines up to the keys (or to its closing `---`, or the end of `raw`).
        let lines = leadingKeys(raw[(opening + 1)...], outlineKeys)
        let checked = SourceText.check(Array(raw[bom..<lines.endIndex]), path: path)
        guard checked.isUTF8, !checked.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let yaml = checked.bytes[(opening + 1 - bom)...]
        guard let root = try? YAMLReader.parse(yaml, lineOffset: 1),
              case .mapping = root.kind else { return nil }
        var fields = YAMLFields(path: path, node: root, owner: "the front matter")
        let id = fields.slug("id")
        let title = fields.string("title")
        let minutes = fields.int("minutes", in: 1...60)
        guard let id, let title, let minutes, !fields.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return LessonMeta(id: id, title: title, minutes: minutes)
    }

    /// The lines of a block mapping `yaml` up to (not including) the first top-level key
    /// after every one of `keys` was seen; all of it if they never all are. A top-level
    /// key is a line that starts, in its first column, with a plain key and a colon:
    /// inside a block scalar or a plain one such a line is not part of the value, and
    /// inside a quoted or flow value, cutting there leaves YAML that does not read.
    /// A `---` line ends the front matter, and so ends the lines too: the rest of a
    /// lesson (most of its bytes) is never scanned.
    static func leadingKeys(_ yaml: ArraySlice<UInt8>, _ keys: Set<String>) -> ArraySlice<UInt8> {
        var missing = keys
        var lineStart = yaml.startIndex
        while lineStart < yaml.endIndex {
            if yaml[lineStart] == 0x2D {
                let lineEnd = yaml[lineStart...].firstIndex(of: 0x0A) ?? yaml.endIndex
                if FrontMatter.isDashes(yaml[lineStart..<lineEnd]) { return yaml[yaml.startIndex..<lineStart] }
            }
            var end = lineStart
            while end < yaml.endIndex, yaml[end] != 0x3A, yaml[end] != 0x0A, yaml[end] != 0x20 { end += 1 }
            let isKey = end > lineStart && end < yaml.endIndex && yaml[end] == 0x3A && yaml[lineStart] != 0x2D && yaml[lineStart] != 0x23
                && (end + 1 == yaml.endIndex || yaml[end + 1] == 0x20 || yaml[end + 1] == 0x0A || yaml[end + 1] == 0x0D)
            if isKey {
                if missing.isEmpty { return yaml[yaml.startIndex..<lineStart] }
                missing.remove(String(decoding: yaml[lineStart..<end], as: UTF8.self))
            }
            while end < yaml.endIndex, yaml[end] != 0x0A { end += 1 }
            lineStart = end + 1
        }
        return yaml
    }

    /// Checks a parsed lesson's ids against those seen so far in the course (a
    /// duplicate is an error on the second), and decides: a lesson with any error is broken.
    static func register(_ parsed: Parsed, registry: inout IDRegistry) -> LessonLoad {
        if let finished = parsed.finished { return finished }
        guard let quiz = parsed.quiz else { return finish(nil, parsed.front, parsed.diagnostics, path: parsed.path, fileName: parsed.fileName) }
        let path = parsed.path
        let front = parsed.front
        var diagnostics = parsed.diagnostics
        if let id = front.id, let idNode = front.idNode {
            if let first = registry.lessons[id] {
                diagnostics.append(Diagnostic(path: path, line: idNode.line, column: idNode.column, severity: .error,
                                              message: "duplicate lesson id '\(id)': already used at \(first)"))
            } else {
                registry.lessons[id] = "\(path):\(idNode.line):\(idNode.column)"
            }
        }
        for reference in quiz.questionIDs {
            if let first = registry.questions[reference.id] {
                diagnostics.append(Diagnostic(path: path, line: reference.line, column: reference.column, severity: .error,
                                              message: "duplicate question id '\(reference.id)': already used at \(first)"))
            } else {
                registry.questions[reference.id] = "\(path):\(reference.line):\(reference.column)"
            }
        }

        var lesson: Lesson?
        if let meta = front.meta {
            lesson = Lesson(meta: meta, body: Document(blocks: quiz.body), quiz: quiz.questions, path: path, fileName: parsed.fileName)
        }
        return finish(lesson, front, diagnostics, path: path, fileName: parsed.fileName)
    }

    /// Sorts the diagnostics and decides: a lesson with any error is broken.
    private static func finish(_ lesson: Lesson?, _ front: FrontMatterValues, _ found: [Diagnostic], path: String, fileName: String) -> LessonLoad {
        let diagnostics = found.sorted(by: Diagnostic.filePositionOrder)
        if let error = diagnostics.first(where: { $0.severity == .error }) {
            let broken = BrokenLesson(path: path, fileName: fileName, title: front.title ?? fileName, error: error, id: front.id)
            return LessonLoad(lesson: nil, broken: broken, diagnostics: diagnostics)
        }
        guard let lesson else {
            // Unreachable in practice: a missing lesson always comes with an error.
            let error = Diagnostic(path: path, severity: .error, message: "the lesson could not be read")
            return LessonLoad(lesson: nil, broken: BrokenLesson(path: path, fileName: fileName, title: fileName, error: error), diagnostics: diagnostics + [error])
        }
        return LessonLoad(lesson: lesson, broken: nil, diagnostics: diagnostics)
    }

    static let metaKeys = ["id", "title", "summary", "minutes", "objectives", "sources", "reviewed"]

    /// What the front matter gave: the whole `LessonMeta` only when every key is right, but
    /// the id (with the node where a duplicate is reported) and title whenever they are.
    fileprivate struct FrontMatterValues: Sendable {
        var meta: LessonMeta?
        var id: String?
        var idNode: YAMLNode?
        var title: String?
    }

    private static func readMeta(_ split: FrontMatter, path: String, diagnostics: inout [Diagnostic]) -> FrontMatterValues {
        let root: YAMLNode?
        do {
            root = try YAMLReader.parse(split.yaml, lineOffset: 1)
        } catch {
            diagnostics.append(Diagnostic(path: path, line: error.line, column: error.column, severity: .error, message: error.message))
            return FrontMatterValues()
        }
        guard let root else {
            diagnostics.append(Diagnostic(path: path, line: 1, column: 1, severity: .error,
                                          message: "the front matter is empty: it needs \(metaKeys.joined(separator: ", "))"))
            return FrontMatterValues()
        }
        guard case .mapping = root.kind else {
            diagnostics.append(Diagnostic(path: path, line: root.line, column: root.column, severity: .error,
                                          message: "the front matter must be a mapping of keys, not \(root.kindDescription)"))
            return FrontMatterValues()
        }
        var fields = YAMLFields(path: path, node: root, owner: "the front matter")
        let id = fields.slug("id")
        let title = fields.string("title")
        let summary = fields.string("summary")
        let minutes = fields.int("minutes", in: 1...60)
        let objectives = fields.strings("objectives")
        let sourceNodes = fields.mappings("sources")
        let reviewed = fields.date("reviewed")
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics

        var sources: [SourceLink] = []
        var sourcesOK = sourceNodes != nil
        for node in sourceNodes ?? [] {
            var source = YAMLFields(path: path, node: node, owner: "a source")
            let title = source.string("title")
            let url = source.value("url").flatMap { node -> String? in
                guard case .scalar(let text, _) = node.kind, isWebAddress(text) else {
                    diagnostics.append(Diagnostic(path: path, line: node.line, column: node.column, severity: .error,
                                                  message: "a source's url must be an http:// or https:// address"))
                    return nil
                }
                return text
            }
            source.warnAboutUnknownKeys()
            diagnostics += source.diagnostics
            if let title, let url {
                sources.append(SourceLink(title: title, url: url))
            } else {
                sourcesOK = false
            }
        }

        var values = FrontMatterValues(id: id, idNode: id == nil ? nil : root["id"], title: title)
        if let id, let title, let summary, let minutes, let objectives, sourcesOK, let reviewed {
            values.meta = LessonMeta(id: id, title: title, summary: summary, minutes: minutes, objectives: objectives, sources: sources, reviewed: reviewed)
        }
        return values
    }

    /// `http://` or `https://` followed by a host, with no spaces.
    static func isWebAddress(_ text: String) -> Bool {
        let bytes = text.utf8
        let rest: Substring.UTF8View
        if bytes.starts(with: "https://".utf8) {
            rest = text.utf8.dropFirst(8)
        } else if bytes.starts(with: "http://".utf8) {
            rest = text.utf8.dropFirst(7)
        } else {
            return false
        }
        guard let first = rest.first, first != 0x2F else { return false }
        return !rest.contains { $0 == 0x20 || $0 == 0x09 }
    }
}
