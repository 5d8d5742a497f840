import Dispatch

/// `map` over independent items on all cores (Dispatch's `concurrentPerform`), the
/// results in the items' order. Used for parsing lesson files, which share nothing.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        let slots = Slots(base: results.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            // Each index is written by exactly one iteration.
            (slots.base + index).pointee = transform(items[index])
        }
        return results.map { $0! }
    }

    /// The result buffer, shared by the iterations that each write their own slot.
    private struct Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R?>
    }
}
