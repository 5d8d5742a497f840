/// One line of a help screen or status line: "j/k" — "scroll".
public struct KeyHelp: Sendable, Hashable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}
