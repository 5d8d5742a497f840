/// Reads a whole YAML file (`course.yaml`, `glossary.yaml`) after the byte checks.
enum YAMLFile {
    enum Outcome {
        /// The file does not exist or cannot be read; the reason is in the diagnostics.
        case unreadable
        /// The file was read; its root node is nil when it is empty or invalid.
        case read(YAMLNode?)
    }

    static func load(path: String, diagnostics: inout [Diagnostic]) -> Outcome {
        let raw: [UInt8]
        do {
            raw = try CourseFiles.read(path)
        } catch {
            diagnostics.append(Diagnostic(path: path, severity: .error, message: "cannot read the file: \(error.reason)"))
            return .unreadable
        }
        let checked = SourceText.check(raw, path: path)
        diagnostics += checked.diagnostics
        guard checked.isUTF8 else { return .read(nil) }
        do {
            return .read(try YAMLReader.parse(checked.bytes[...]))
        } catch {
            diagnostics.append(Diagnostic(path: path, line: error.line, column: error.column, severity: .error, message: error.message))
            return .read(nil)
        }
    }
}

/// Reads `course.yaml` into a `CourseInfo`.
enum CourseInfoReader {
    /// The course's details; `fallback` stands in for anything missing or wrong.
    static func read(path: String, fallback: CourseInfo, diagnostics: inout [Diagnostic]) -> CourseInfo {
        guard case .read(let root) = YAMLFile.load(path: path, diagnostics: &diagnostics) else { return fallback }
        guard let root else {
            if !diagnostics.contains(where: { $0.path == path && $0.severity == .error }) {
                diagnostics.append(Diagnostic(path: path, line: 1, column: 1, severity: .error, message: "course.yaml is empty: it needs id, title, summary, disclaimer, version and last-reviewed"))
            }
            return fallback
        }
        guard case .mapping = root.kind else {
            diagnostics.append(Diagnostic(path: path, line: root.line, column: root.column, severity: .error, message: "course.yaml must be a mapping of keys, not \(root.kindDescription)"))
            return fallback
        }
        var fields = YAMLFields(path: path, node: root, owner: "course.yaml")
        var info = fallback
        if let id = fields.slug("id") { info.id = id }
        if let title = fields.string("title") { info.title = title }
        if let summary = fields.string("summary") { info.summary = summary }
        if let disclaimer = fields.string("disclaimer") { info.disclaimer = disclaimer }
        if let version = fields.string("version") { info.version = version }
        if let date = fields.date("last-reviewed") { info.lastReviewed = date }
        if let shuffle = fields.bool("shuffle-choices") { info.shuffleChoices = shuffle }
        if let retention = fields.decimal("desired-retention", in: FSRS.desiredRetentionRange) { info.desiredRetention = retention }
        if let notice = fields.string("map-notice", required: false) { info.mapNotice = notice }
        if let notice = fields.string("map-notice-short", required: false) { info.mapNoticeShort = notice }
        if let limit = fields.int("review-limit", in: CourseInfo.reviewLimitRange, required: false) { info.reviewLimit = limit }
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics.sorted(by: Diagnostic.filePositionOrder)
        return info
    }
}

/// Reads `glossary.yaml`: a list of `{term, definition, aliases}`. The file is optional.
enum GlossaryReader {
    static func read(path: String, diagnostics: inout [Diagnostic]) -> [GlossaryTerm] {
        // The file is optional, but a broken link or a FIFO in its place is reported.
        guard CourseFiles.entryExists(path) else { return [] }
        guard case .read(let root) = YAMLFile.load(path: path, diagnostics: &diagnostics), let root else { return [] }
        guard case .sequence(let entries) = root.kind else {
            diagnostics.append(Diagnostic(path: path, line: root.line, column: root.column, severity: .error, message: "glossary.yaml must be a list of terms, not \(root.kindDescription)"))
            return []
        }
        var terms: [GlossaryTerm] = []
        var seen: [String: Int] = [:]
        var found: [Diagnostic] = []
        for entry in entries {
            guard case .mapping = entry.kind else {
                found.append(Diagnostic(path: path, line: entry.line, column: entry.column, severity: .error, message: "each glossary entry must be a mapping with term and definition, not \(entry.kindDescription)"))
                continue
            }
            var fields = YAMLFields(path: path, node: entry, owner: "a glossary entry")
            let term = fields.string("term")
            let definition = fields.string("definition")
            let aliases = fields.strings("aliases", required: false) ?? []
            fields.warnAboutUnknownKeys()
            found += fields.diagnostics
            guard let term, let definition else { continue }
            let key = term.lowercased()
            if let first = seen[key] {
                let at = entry["term"] ?? entry
                found.append(Diagnostic(path: path, line: at.line, column: at.column, severity: .warning, message: "glossary term '\(term)' is defined twice (first on line \(first)); the second is ignored"))
                continue
            }
            seen[key] = (entry["term"] ?? entry).line
            terms.append(GlossaryTerm(term: term, definition: definition, aliases: aliases))
        }
        diagnostics += found.sorted(by: Diagnostic.filePositionOrder)
        return terms
    }
}

extension Diagnostic {
    /// Order within one file: by line, then column (whole-file problems first).
    static func filePositionOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}
