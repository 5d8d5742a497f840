/// What makes a sentence a statistic, for `CitationCheck`: a percentage, a ratio, a
/// count of people, a number of time units, or "N times". Works on UTF-8 bytes; a
/// word is turned into a `String` only when it could be a number word.
enum Statistic {
    private static let numberWords: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand",
    ]
    private static let timeUnits: Set<String> = ["hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "minute", "minutes"]
    private static let people: Set<String> = [
        "patients", "people", "adults", "children", "persons", "recipients", "donors", "transplants",
        "survivors", "men", "women", "cases", "caregivers", "families",
    ]
    private static let numberWordBytes: [[UInt8]] = numberWords.map { Array($0.utf8) }
    /// "half of", "a third of", "two thirds of" …: the word before "of".
    private static let fractions: Set<String> = ["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths"]

    private enum Token: Equatable {
        case word(Range<Int>)
        case dash
    }

    /// The words that make `sentence` a statistic, or nil.
    static func first(in bytes: [UInt8], range sentence: Range<Int>) -> String? {
        let tokens = tokenize(bytes, sentence)
        func word(_ index: Int) -> String? {
            guard index < tokens.count, case .word(let range) = tokens[index] else { return index < tokens.count ? "–" : nil }
            return String(decoding: bytes[range].map(lowercased), as: UTF8.self)
        }
        func isNumber(_ index: Int) -> Bool {
            guard index < tokens.count, case .word(let range) = tokens[index] else { return false }
            let first = bytes[range.lowerBound]
            if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                return bytes[range].allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
            }
            guard (3...8).contains(range.count) else { return false }
            let head = lowercased(first)
            guard head == UInt8(ascii: "o") || head == UInt8(ascii: "t") || head == UInt8(ascii: "f") || head == UInt8(ascii: "s")
                || head == UInt8(ascii: "e") || head == UInt8(ascii: "n") || head == UInt8(ascii: "h") else { return false }
            for candidate in numberWordBytes where candidate.count == range.count && candidate[0] == head {
                var same = true
                for k in 1..<candidate.count where lowercased(bytes[range.lowerBound + k]) != candidate[k] { same = false; break }
                if same { return true }
            }
            return false
        }
        for index in tokens.indices {
            guard case .word(let range) = tokens[index] else { continue }
            if bytes[range.upperBound - 1] == UInt8(ascii: "%"), range.count > 1 { return word(index) }
            if range.count == 7, lowercased(bytes[range.lowerBound]) == UInt8(ascii: "p"), let w = word(index), w == "percent" { return w }
            if range.count == 2, lowercased(bytes[range.lowerBound]) == UInt8(ascii: "o"), let w = word(index), w == "of", index > 0, let before = word(index - 1), fractions.contains(before) {
                return "\(before) of"
            }
            guard isNumber(index), let number = word(index) else { continue }
            guard let next = word(index + 1) else { continue }
            if next == "%" { return number + "%" }
            if next == "times" { return "\(number) times" }
            if next == "in", isNumber(index + 2), let other = word(index + 2) { return "\(number) in \(other)" }
            if next == "out", word(index + 2) == "of", isNumber(index + 3), let other = word(index + 3) { return "\(number) out of \(other)" }
            if people.contains(next), number.first?.isNumber == true { return "\(number) \(next)" }
            // "2–4 weeks", "2 to 4 weeks", "100 days"
            var unitAt = index + 1
            if let joiner = word(unitAt), ["–", "to", "or"].contains(joiner), isNumber(unitAt + 1) { unitAt += 2 }
            if let unit = word(unitAt), timeUnits.contains(unit) {
                return (index...unitAt).compactMap { word($0) }.joined(separator: " ")
            }
        }
        return nil
    }

    /// Words and numbers as byte ranges; a dash (`-`, `–`, `—`) right after a number
    /// ("2–4") is a token of its own, elsewhere ("half-matched") part of the word.
    private static func tokenize(_ bytes: [UInt8], _ range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        var start: Int?
        var i = range.lowerBound
        func flush(_ end: Int) {
            guard let s = start else { return }
            var e = end
            while e > s, bytes[e - 1] == UInt8(ascii: ",") || bytes[e - 1] == UInt8(ascii: ".") { e -= 1 }
            if e > s { tokens.append(.word(s..<e)) }
            start = nil
        }
        while i < range.upperBound {
            let b = bytes[i]
            let dashLength = b == UInt8(ascii: "-") ? 1 : (b == 0xE2 && i + 2 < range.upperBound && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94)) ? 3 : 0
            if dashLength > 0 {
                if let s = start, i > s, isDigit(bytes[i - 1]) {
                    flush(i)
                    tokens.append(.dash)
                } else if start == nil {
                    tokens.append(.dash)
                }
                i += dashLength
                continue
            }
            let partOfWord = isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "%") || b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b >= 0x80
            if partOfWord {
                if start == nil { start = i }
            } else {
                flush(i)
            }
            i += 1
        }
        flush(range.upperBound)
        return tokens
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
