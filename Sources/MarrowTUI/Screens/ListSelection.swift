/// Moving the selection in a list of rows (the outline, the bookmarks): down and
/// up by one, home and end; `nil` for any other key.
enum ListSelection {
    static func moved(_ selection: Int, by key: Key, count: Int) -> Int? {
        let last = max(0, count - 1)
        switch key {
        case .down, .character("j"): return min(selection + 1, last)
        case .up, .character("k"): return max(0, selection - 1)
        case .home, .character("g"): return 0
        case .end, .character("G"): return last
        default: return nil
        }
    }
}
