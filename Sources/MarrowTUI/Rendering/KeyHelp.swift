/// One line of a help screen or status line: "j/k" — "scroll".
package struct KeyHelp: Sendable, Hashable {
    package var keys: String
    package var action: String

    package init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}
