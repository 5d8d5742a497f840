/// What a click on each row of a screen means: the index of the item drawn there
/// (a lesson entry, a choice), or nothing.
///
/// An array by row rather than a dictionary: the course map sets it on every
/// first screen, and a `[Int: Int]` would be the first Int-keyed dictionary of
/// the launch, whose type the Swift runtime instantiates by searching every
/// protocol conformance in the binary (about a quarter of a million
/// instructions, measured with callgrind, on the way to the first frame).
package struct RowTargets: Sendable, Hashable {
    /// The target of each row from 0, -1 where there is none; no trailing -1, so
    /// two equal maps are equal arrays.
    private var items: [Int] = []

    package init() {}

    package subscript(row: Int) -> Int? {
        get { row >= 0 && row < items.count && items[row] >= 0 ? items[row] : nil }
        set {
            guard row >= 0 else { return }
            if let newValue, newValue >= 0 {
                if row >= items.count { items += Array(repeating: -1, count: row - items.count + 1) }
                items[row] = newValue
            } else if row < items.count {
                items[row] = -1
                while items.last == -1 { items.removeLast() }
            }
        }
    }

    /// Whether no row has a target.
    package var isEmpty: Bool { items.isEmpty }

    /// The first row (from the top) whose target is `target`.
    package func firstRow(of target: Int) -> Int? {
        items.firstIndex(of: target)
    }
}
