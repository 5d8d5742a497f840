/// A problem found in a course, reported compiler style: `path:line:column: error: message`.
package struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    package var path: String
    /// 1-based; 0 when the problem concerns the whole file.
    package var line: Int
    /// 1-based; 0 when the problem concerns the whole file or line.
    package var column: Int
    package var severity: Severity
    package var message: String

    package init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        // Messages quote course text, which may hold escapes (from YAML "\e" or Markdown
        // "&#x1B;"): `marrow validate` prints them, so they are made visible here.
        self.message = Sanitizer.visible(message)
    }

    package var description: String {
        "\(Sanitizer.visible(path)):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(Sanitizer.visible(message))"
    }
}
