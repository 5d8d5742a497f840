extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns
    /// (what a typed line, a YAML value or a lesson line may carry around its words).
    package var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }
}
