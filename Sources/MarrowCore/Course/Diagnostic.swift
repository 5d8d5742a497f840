/// A problem found in a course, reported compiler style: `path:line:column: error: message`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var path: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based; 0 when the problem concerns the whole file or line.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        // Messages quote course text, which may hold escapes (from YAML "\e" or Markdown
        // "&#x1B;"): `marrow validate` prints them, so they are made visible here.
        self.message = Sanitizer.visible(message)
    }

    public var description: String {
        "\(Sanitizer.visible(path)):\(max(line, 1)):\(max(column, 1)): \(severity.rawValue): \(Sanitizer.visible(message))"
    }
}
