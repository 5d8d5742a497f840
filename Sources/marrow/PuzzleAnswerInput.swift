import MarrowCore

/// What one typed line means to the plain quiz for an order, match or type-the-answer
/// question (choose questions read theirs with `AnswerInput`).
enum PuzzleAnswerInput: Equatable {
    /// Order: the displayed step numbers (0-based) in the learner's order.
    case arranged([Int])
    /// Match: for each left item in order, the displayed position (0-based) of its partner.
    case paired([Int])
    /// Type the answer: the line as typed.
    case typed(String)
    case quit
    /// `u` or `undo`: take back the answer just given (also in a typed answer: "u" is
    /// not an answer anyone means).
    case undo
    /// Not an answer; the text says how to give one. Not counted.
    case invalid(String)

    /// The letter naming right-hand item `position` of a match question: a, b, c …
    static func letter(_ position: Int) -> String {
        String(UnicodeScalar(UInt8(0x61 + position)))
    }

    /// Reads `line` for a question of `kind` with `count` steps or pairs.
    ///
    /// Order: every step number once, separated by spaces or commas ("3 1 2 4"), or run
    /// together when there are fewer than ten ("3124"). Match: each left number with the
    /// letter of its partner ("1c 2a 3b", any order), or just the letters in the order of
    /// the left items ("c a b"). Typed: any line that is not empty.
    static func parse(_ line: String, kind: Question.Kind, count: Int) -> PuzzleAnswerInput {
        let text = line.trimmingSpaces
        let lower = text.lowercased()
        if lower == "q" || lower == "quit" { return .quit }
        if lower == "u" || lower == "undo" { return .undo }
        let hint = AnswerInput.hint(kind: kind, count: count)
        if text.isEmpty { return .invalid(hint) }
        let tokens = lower.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" }.map(String.init)
        switch kind {
        case .order: return order(tokens, count: count, hint: hint)
        case .match: return match(tokens, count: count, hint: hint)
        case .typed:
            // As in the app: a longer line is not an answer (and would not fit the answer log's lines).
            guard text.count <= TypedAnswerMatcher.maximumLength else {
                return .invalid("That is long enough: an answer here is a word or a few (at most \(TypedAnswerMatcher.maximumLength) characters).")
            }
            return .typed(text)
        case .single, .multiple, .trueFalse: return .invalid(hint)
        }
    }

    private static func order(_ tokens: [String], count: Int, hint: String) -> PuzzleAnswerInput {
        var numbers = tokens
        if tokens.count == 1, count < 10, tokens[0].count == count, tokens[0].allSatisfy(\.isNumber) {
            numbers = tokens[0].map { String($0) }
        }
        var positions: [Int] = []
        for token in numbers {
            guard let n = Int(token), (1...count).contains(n) else {
                return .invalid("'\(Sanitizer.clean(token, singleLine: true))' is not one of the steps (1 to \(count)). \(hint)")
            }
            guard !positions.contains(n - 1) else {
                return .invalid("Step \(n) is there twice: give each step once. \(hint)")
            }
            positions.append(n - 1)
        }
        guard positions.count == count else {
            let missing = (1...count).filter { !positions.contains($0 - 1) }.map(String.init).joined(separator: ", ")
            return .invalid("Put all \(count) steps in order; missing: \(missing). \(hint)")
        }
        return .arranged(positions)
    }

    private static func match(_ tokens: [String], count: Int, hint: String) -> PuzzleAnswerInput {
        let letters = (0..<count).map(letter)
        var partner: [Int?] = Array(repeating: nil, count: count)
        if tokens.count == count, tokens.allSatisfy({ letters.contains($0) }) {
            // Just the letters, in the order of the left items.
            for (index, token) in tokens.enumerated() { partner[index] = letters.firstIndex(of: token) }
        } else {
            for token in tokens {
                let digits = token.prefix { $0.isNumber }
                let rest = String(token.dropFirst(digits.count))
                guard let n = Int(digits), (1...count).contains(n), let right = letters.firstIndex(of: rest) else {
                    return .invalid("'\(Sanitizer.clean(token, singleLine: true))' is not a number from 1 to \(count) with a letter from a to \(letters[count - 1]). \(hint)")
                }
                guard partner[n - 1] == nil else {
                    return .invalid("\(n) is paired twice: give each number one letter. \(hint)")
                }
                partner[n - 1] = right
            }
        }
        let missing = partner.indices.filter { partner[$0] == nil }.map { String($0 + 1) }
        guard missing.isEmpty else {
            return .invalid("Pair every number; missing: \(missing.joined(separator: ", ")). \(hint)")
        }
        let pairs = partner.compactMap { $0 }
        if let twice = pairs.first(where: { p in pairs.count { $0 == p } > 1 }) {
            return .invalid("Letter \(letter(twice)) is used twice: each letter goes with one number. \(hint)")
        }
        return .paired(pairs)
    }
}
