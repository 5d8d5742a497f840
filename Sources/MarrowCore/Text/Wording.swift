/// Counted nouns in messages and reports: "1 lesson", "3 lessons".
package enum Wording {
    /// `n` and `noun`, with an "s" added unless `n` is 1 (for nouns whose plural
    /// is just that).
    package static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
