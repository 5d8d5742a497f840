/// Judges a typed answer against a question's accepted answers (Lessons/README.md,
/// "Order, match and type-the-answer questions").
///
/// Both sides are reduced to a key of letters and digits: lower-cased, without the
/// common Latin diacritics, without punctuation and spaces, so "Graft versus host
/// disease", "graft-versus-host disease" and "GRAFT-VERSUS-HOST  DISEASE." agree. A
/// learner who is ill or tired should not lose a right answer to a slip of the finger,
/// so in an accepted answer of 6 or more letters and digits one typo is forgiven: one
/// letter missing, added or wrong, or two neighboring letters swapped. Shorter answers
/// must be exact: one letter changes too much of "GVHD".
package enum TypedAnswerMatcher {
    package struct Verdict: Sendable, Hashable {
        /// Whether the answer counts as right.
        package var accepted: Bool
        /// The index of the accepted answer it matched (nil when wrong).
        package var matched: Int?
        /// Whether it matched only by forgiving one typo.
        package var typoForgiven: Bool

        package init(accepted: Bool, matched: Int?, typoForgiven: Bool) {
            self.accepted = accepted
            self.matched = matched
            self.typoForgiven = typoForgiven
        }

        package static let wrong = Verdict(accepted: false, matched: nil, typoForgiven: false)
    }

    /// The longest answer taken, in characters: an answer here is a word or a few,
    /// and the cap keeps every answer line far below `AnswerLog.maximumLineLength`.
    package static let maximumLength = 120

    /// Accepted answers with fewer letters and digits than this must be typed exactly.
    package static let typoMinimumLength = 6

    /// Judges `typed` against `accepted`: an exact match (after reducing both to keys)
    /// with any answer wins over a forgiven typo.
    package static func judge(_ typed: String, accepted: [String]) -> Verdict {
        let answer = key(typed)
        guard !answer.isEmpty else { return .wrong }
        let keys = accepted.map(key)
        if let exact = keys.firstIndex(of: answer) {
            return Verdict(accepted: true, matched: exact, typoForgiven: false)
        }
        for (index, candidate) in keys.enumerated() where candidate.count >= typoMinimumLength {
            if withinOneEdit(answer, candidate) {
                return Verdict(accepted: true, matched: index, typoForgiven: true)
            }
        }
        return .wrong
    }

    /// The letters and digits of `text`, lower-cased and without diacritics.
    package static func key(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if let base = TextMatcher.latinBase[scalar.value] {
                out.append(contentsOf: base.unicodeScalars)
                continue
            }
            let props = scalar.properties
            guard props.isAlphabetic || props.numericType != nil else { continue }
            if props.generalCategory == .nonspacingMark || props.generalCategory == .spacingMark { continue }
            out.append(contentsOf: props.lowercaseMapping.unicodeScalars)
        }
        return out
    }

    /// Whether `a` becomes `b` by at most one insertion, deletion, substitution, or swap
    /// of two neighboring letters.
    static func withinOneEdit(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if short.count == long.count {
            // One substitution, or one swap of neighbors.
            if short[(i + 1)...] == long[(i + 1)...] { return true }
            return i + 1 < short.count && short[i] == long[i + 1] && short[i + 1] == long[i]
                && short[(i + 2)...] == long[(i + 2)...]
        }
        // One insertion into the shorter.
        return short[i...] == long[(i + 1)...]
    }
}
