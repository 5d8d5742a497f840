import MarrowCore

/// What one typed line means to the plain quiz while it waits for an answer.
enum AnswerInput: Equatable {
    /// The displayed positions (0-based) the learner chose.
    case choices(Set<Int>)
    /// `q` or `quit`: stop the quiz, keeping what was answered.
    case quit
    /// `u` or `undo`: take back the last answer and ask that question again.
    case undo
    /// Not an answer; the text says how to give one. Not counted.
    case invalid(String)

    /// Reads `line` as an answer to a question with `count` displayed choices.
    ///
    /// Numbers count from 1 as shown. A select-all question takes several numbers
    /// separated by spaces or commas; the others take exactly one. A true/false
    /// question also takes t, f, true or false (`truePosition` is where True is shown).
    static func parse(_ line: String, kind: Question.Kind, count: Int, truePosition: Int? = nil) -> AnswerInput {
        let text = line.lowercased().trimmingSpaces
        if text == "q" || text == "quit" { return .quit }
        if text == "u" || text == "undo" { return .undo }
        let hint = Self.hint(kind: kind, count: count)
        if text.isEmpty { return .invalid(hint) }
        if kind == .trueFalse, let truePosition, count == 2 {
            switch text {
            case "t", "true": return .choices([truePosition])
            case "f", "false": return .choices([1 - truePosition])
            default: break
            }
        }
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" }
        var positions = Set<Int>()
        for token in tokens {
            guard let number = Int(token), number >= 1, number <= count else {
                return .invalid("'\(Sanitizer.clean(String(token), singleLine: true))' is not one of the choices. \(hint)")
            }
            positions.insert(number - 1)
        }
        if kind != .multiple && positions.count > 1 {
            return .invalid("Only one answer is right here. \(hint)")
        }
        return .choices(positions)
    }

    /// How to answer a question of this kind.
    static func hint(kind: Question.Kind, count: Int) -> String {
        switch kind {
        case .multiple: return "Type the numbers of all the right answers, separated by spaces or commas (for example: 1 3), or q to stop."
        case .trueFalse: return "Type t for true or f for false (or 1 or 2), or q to stop."
        case .single: return "Type one number from 1 to \(count), or q to stop."
        case .order: return "Type the numbers in the right order, first to last, separated by spaces (for example: 3 1 2), or q to stop."
        case .match: return "Type each number with the letter of its partner (for example: 1c 2a 3b), or q to stop."
        case .typed: return "Type your answer, or q on its own to stop."
        }
    }
}
