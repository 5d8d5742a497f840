/// A small seeded random number generator (SplitMix64), so that everything random
/// in a quiz (attempt ids, choice order) is repeatable from one seed in tests.
///
/// `shuffled(_:)` and `index(below:)` are written out here rather than using the
/// standard library's `shuffle(using:)`, whose algorithm may change between Swift
/// versions: the same seed must give the same order everywhere.
package struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    package private(set) var state: UInt64

    package init(seed: UInt64) {
        self.state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (rejection sampling, no modulo bias).
    package mutating func index(below bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        let limit = UInt64.max - UInt64.max % b
        while true {
            let v = next()
            if v < limit { return Int(v % b) }
        }
    }

    /// `items` in a random order (Fisher–Yates).
    package mutating func shuffled<T>(_ items: [T]) -> [T] {
        var a = items
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { a.swapAt(i, j) }
        }
        return a
    }

    /// A random identifier: 16 lower-case hex digits.
    package mutating func identifier() -> String {
        let v = next()
        let digits = Array("0123456789abcdef")
        var s = ""
        for shift in stride(from: 60, through: 0, by: -4) {
            s.append(digits[Int((v >> UInt64(shift)) & 0xF)])
        }
        return s
    }
}
