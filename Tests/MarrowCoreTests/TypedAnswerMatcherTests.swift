import Testing
@testable import MarrowCore

@Suite struct TypedAnswerMatcherTests {
    let gvhd = ["graft-versus-host disease", "GVHD"]

    @Test func caseAccentsPunctuationAndSpacesAreIgnored() {
        for typed in ["Graft versus host disease", "GRAFT-VERSUS-HOST  DISEASE.", "  graft–versus–host disease ", "gräft versus hóst disease"] {
            #expect(TypedAnswerMatcher.judge(typed, accepted: gvhd) == .init(accepted: true, matched: 0, typoForgiven: false), "\(typed)")
        }
        #expect(TypedAnswerMatcher.judge("g.v.h.d", accepted: gvhd) == .init(accepted: true, matched: 1, typoForgiven: false))
        #expect(TypedAnswerMatcher.judge("leucémie", accepted: ["leucemie"]).accepted)
        // A decomposed accent (e + combining acute) folds the same way.
        #expect(TypedAnswerMatcher.judge("leuce\u{301}mie", accepted: ["leucémie"]) == .init(accepted: true, matched: 0, typoForgiven: false))
    }

    @Test func oneTypoIsForgivenInLongAnswersOnly() {
        let engraftment = ["engraftment"]
        for typed in ["engraftmnet", "engraftmet", "engrafttment", "engraftmant", "ngraftment", "engraftmen"] {
            #expect(TypedAnswerMatcher.judge(typed, accepted: engraftment) == .init(accepted: true, matched: 0, typoForgiven: true), "\(typed)")
        }
        for typed in ["engrafmnet", "engraftmentss", "ngraftmen", "graftment"] {
            #expect(TypedAnswerMatcher.judge(typed, accepted: engraftment) == .wrong, "\(typed)")
        }
        // Five letters: exact only. Six: one typo.
        #expect(TypedAnswerMatcher.judge("GVHE", accepted: gvhd) == .wrong)
        #expect(TypedAnswerMatcher.judge("stemm", accepted: ["stems"]) == .wrong)
        #expect(TypedAnswerMatcher.judge("marow", accepted: ["marrow"]).typoForgiven)
    }

    @Test func anExactMatchWinsOverATypo() {
        #expect(TypedAnswerMatcher.judge("donors", accepted: ["donor", "donors"]) == .init(accepted: true, matched: 1, typoForgiven: false))
    }

    @Test func emptyOrPunctuationOnlyIsWrong() {
        #expect(TypedAnswerMatcher.judge("", accepted: gvhd) == .wrong)
        #expect(TypedAnswerMatcher.judge(" -- ", accepted: gvhd) == .wrong)
    }

    /// Property: the edit check agrees with a plain Damerau (optimal string alignment)
    /// distance ≤ 1 on seeded random words over a small alphabet (so near misses are common).
    @Test func withinOneEditAgreesWithTheDistance() {
        var generator = SplitMix64(seed: 15)
        let alphabet = Array("abc".unicodeScalars)
        func word() -> [Unicode.Scalar] {
            (0..<generator.index(below: 6)).map { _ in alphabet[generator.index(below: alphabet.count)] }
        }
        for _ in 0..<3000 {
            let a = word(), b = word()
            #expect(TypedAnswerMatcher.withinOneEdit(a, b) == (distance(a, b) <= 1), "\(a) \(b)")
        }
    }

    private func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
