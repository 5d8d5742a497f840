/// The answer lists of order, match and type-the-answer questions (Lessons/README.md,
/// "Order, match and type-the-answer questions"). The shape of a question's list says
/// its kind, so a lesson file reads the same on a code host as in Marrow:
/// boxes are choices, `Answer:` lines are accepted answers, `left → right` items are
/// pairs, and a numbered list of plain items is steps in their right order.
extension QuizExtractor {
    enum ListShape: Equatable {
        case choices, order, match, typed
    }

    static let orderItemRange = 3...7
    static let matchPairRange = 3...6
    static let answerPrefix = "answer:"

    /// What kind of list `items` is: the first item decides between choices (a box) and
    /// typed answers (`Answer:`); otherwise pairs when an item holds an arrow (every item
    /// of a numbered list must, so an arrow inside a step does not make it a match), then
    /// steps when the list is numbered. A bulleted list of plain items is read as choices,
    /// whose error says a box is missing.
    static func shape(of items: [ListItem], numbered: Bool) -> ListShape {
        guard let first = items.first.flatMap(leadingText) else { return .choices }
        if marker(first) != nil { return .choices }
        if hasAnswerPrefix(first) { return .typed }
        let arrows = items.map { item in itemInlines(item).map { arrowSplit($0) != nil } ?? false }
        if numbered {
            return arrows.allSatisfy { $0 } ? .match : .order
        }
        return arrows.contains(true) ? .match : .choices
    }

    /// The text at the start of an item's first paragraph.
    static func leadingText(_ item: ListItem) -> String? {
        guard let first = item.blocks.first, case .paragraph(let text) = first.kind,
              case .text(let leading)? = text.first else { return nil }
        return leading
    }

    /// An item's first paragraph, nil when it does not start with one.
    static func itemInlines(_ item: ListItem) -> [Inline]? {
        guard let first = item.blocks.first, case .paragraph(let text) = first.kind else { return nil }
        return text
    }

    static func hasAnswerPrefix(_ text: String) -> Bool {
        text.utf8.count >= answerPrefix.utf8.count
            && String(decoding: text.utf8.prefix(answerPrefix.utf8.count), as: UTF8.self).lowercased() == answerPrefix
    }

    // MARK: Items

    /// Warns about anything in an item after its first paragraph (a choice's feedback has no
    /// place in these kinds).
    mutating func warnExtraBlocks(_ item: ListItem, of name: String) {
        for block in item.blocks.dropFirst() {
            if case .blockQuote = block.kind {
                report(.warning, block.line, block.column, "feedback inside an item of \(name) is ignored: only choose questions have feedback per choice")
            } else {
                report(.warning, block.line, block.column, "content in an item of \(name) is ignored: only its first paragraph is read")
            }
        }
    }

    /// The steps of an order question, in their right order.
    mutating func orderItems(_ list: (items: [ListItem], block: Block), of name: String) -> [[Inline]]? {
        var items: [[Inline]] = []
        var seen: [[Unicode.Scalar]: Int] = [:]
        var ok = true
        for item in list.items {
            guard var text = Self.itemInlines(item) else {
                report(.error, item.line, item.column, "a step of order \(name) has no text")
                ok = false
                continue
            }
            if let leading = Self.leadingText(item), Self.marker(leading) != nil {
                report(.error, item.line, item.column, "a step of order \(name) has a box: an order question's items are plain steps, without [x] or [ ]")
                ok = false
                continue
            }
            Self.trim(&text)
            let key = TypedAnswerMatcher.key(text.plainText)
            if key.isEmpty {
                report(.error, item.line, item.column, "a step of order \(name) has no text")
                ok = false
                continue
            }
            if let first = seen[key] {
                report(.error, item.line, item.column, "order \(name) has the same step twice (also at line \(first)): the learner could not tell them apart")
                ok = false
            } else {
                seen[key] = item.line
            }
            warnExtraBlocks(item, of: name)
            items.append(text)
        }
        if !Self.orderItemRange.contains(list.items.count) {
            report(.error, list.block.line, list.block.column, "order \(name) has \(list.items.count) step\(list.items.count == 1 ? "" : "s"): write 3 to 7")
            ok = false
        }
        return ok ? items : nil
    }

    /// The pairs of a match question, as written.
    mutating func matchPairs(_ list: (items: [ListItem], block: Block), of name: String) -> [MatchPair]? {
        var pairs: [MatchPair] = []
        var lefts: [[Unicode.Scalar]: Int] = [:]
        var rights: [[Unicode.Scalar]: Int] = [:]
        var ok = true
        for item in list.items {
            guard let text = Self.itemInlines(item), let (left, right) = Self.arrowSplit(text) else {
                report(.error, item.line, item.column, "a pair of match \(name) is missing its partner: write 'left → right'")
                ok = false
                continue
            }
            let leftKey = TypedAnswerMatcher.key(left.plainText)
            let rightKey = TypedAnswerMatcher.key(right.plainText)
            if leftKey.isEmpty || rightKey.isEmpty {
                let side = leftKey.isEmpty ? "before" : "after"
                report(.error, item.line, item.column, "a pair of match \(name) is missing its partner: nothing \(side) the arrow")
                ok = false
                continue
            }
            if let first = lefts[leftKey] {
                report(.error, item.line, item.column, "match \(name) has the same left item twice (also at line \(first))")
                ok = false
            } else {
                lefts[leftKey] = item.line
            }
            if let first = rights[rightKey] {
                report(.error, item.line, item.column, "match \(name) has the same right item twice (also at line \(first))")
                ok = false
            } else {
                rights[rightKey] = item.line
            }
            warnExtraBlocks(item, of: name)
            pairs.append(MatchPair(left: left, right: right))
        }
        if !Self.matchPairRange.contains(list.items.count) {
            report(.error, list.block.line, list.block.column, "match \(name) has \(list.items.count) pair\(list.items.count == 1 ? "" : "s"): write 3 to 6")
            ok = false
        }
        return ok ? pairs : nil
    }

    /// The accepted answers of a type-the-answer question, as written (plain text).
    mutating func acceptedAnswers(_ list: (items: [ListItem], block: Block), of name: String) -> [String]? {
        var answers: [String] = []
        var seen: [[Unicode.Scalar]: Int] = [:]
        var ok = true
        for item in list.items {
            guard let leading = Self.leadingText(item), Self.hasAnswerPrefix(leading), let text = Self.itemInlines(item) else {
                report(.error, item.line, item.column, "an item of type-the-answer \(name) must start with 'Answer:'")
                ok = false
                continue
            }
            let answer = String(text.plainText.dropFirst(Self.answerPrefix.count)).trimmingSpaces
            let key = TypedAnswerMatcher.key(answer)
            if key.isEmpty {
                report(.error, item.line, item.column, "an accepted answer of \(name) is empty: write it after 'Answer:'")
                ok = false
                continue
            }
            if let first = seen[key] {
                report(.warning, item.line, item.column, "the accepted answer '\(answer)' of \(name) is the same as the one at line \(first) once case, accents, punctuation and spaces are ignored: it is not needed")
            } else {
                seen[key] = item.line
            }
            warnExtraBlocks(item, of: name)
            answers.append(answer)
        }
        return ok ? answers : nil
    }

    // MARK: Text

    /// Splits an item's text at its first arrow (`→` or `->`) into the left and right
    /// items, trimmed; nil when there is no arrow in its plain text.
    static func arrowSplit(_ text: [Inline]) -> (left: [Inline], right: [Inline])? {
        for (index, inline) in text.enumerated() {
            guard case .text(let s) = inline, let range = arrowRange(in: s) else { continue }
            var left = Array(text[..<index])
            var right = Array(text[(index + 1)...])
            let before = String(s[..<range.lowerBound])
            let after = String(s[range.upperBound...])
            if !before.isEmpty { left.append(.text(before)) }
            if !after.isEmpty { right.insert(.text(after), at: 0) }
            trim(&left)
            trim(&right)
            return (left, right)
        }
        return nil
    }

    private static func arrowRange(in s: String) -> Range<String.Index>? {
        let arrow = s.firstIndex(of: "→").map { $0..<s.index(after: $0) }
        let ascii = s.firstRange(of: "->")
        switch (arrow, ascii) {
        case let (a?, b?): return a.lowerBound < b.lowerBound ? a : b
        case let (a?, nil): return a
        case let (nil, b?): return b
        case (nil, nil): return nil
        }
    }

    /// Trims spaces and breaks at both ends of inline text.
    static func trim(_ text: inout [Inline]) {
        while let first = text.first {
            if first == .softBreak || first == .lineBreak { text.removeFirst(); continue }
            guard case .text(let s) = first else { break }
            let trimmed = String(s.drop { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty { text.removeFirst(); continue }
            text[0] = .text(trimmed)
            break
        }
        while let last = text.last {
            if last == .softBreak || last == .lineBreak { text.removeLast(); continue }
            guard case .text(let s) = last else { break }
            var trimmed = Substring(s)
            while let c = trimmed.last, c == " " || c == "\t" { trimmed.removeLast() }
            if trimmed.isEmpty { text.removeLast(); continue }
            text[text.count - 1] = .text(String(trimmed))
            break
        }
    }
}
