/// Where each glossary term is taught: the lesson that is about it, so that
/// "Graft-versus-host disease" names the GVHD lesson, not the first lesson that
/// mentions it in passing. A lesson whose title uses the term (or one of its other
/// names, as a whole word) comes first; then the one whose text uses it in the most
/// blocks; then one with a heading that uses it; a tie goes to the earlier lesson.
/// The glossary names that lesson and opens it at the first heading there that uses
/// the term, else at its first use.
///
/// Names match ignoring case and accents (`TextMatcher`'s folding), except
/// acronyms ("ALL", "SOS": two or more letters, none lower-case), which match only
/// as written, so that the word "all" in a sentence does not count as acute
/// lymphoblastic leukemia (the reader's rule for the terms on a page).
package struct GlossaryLesson: Sendable, Hashable {
    package var lessonID: String
    /// The lesson's index in the course.
    package var lessonIndex: Int
    /// The body block where the term is first used.
    package var block: Int
    /// The name as the glossary spells it (the term or an alias) that was found, to highlight.
    package var name: String

    package init(lessonID: String, lessonIndex: Int, block: Int, name: String) {
        self.lessonID = lessonID
        self.lessonIndex = lessonIndex
        self.block = block
        self.name = name
    }
}

package enum GlossaryLessons {
    /// The teaching lesson of every glossary term that a lesson uses, by term.
    /// One pass folds the course's blocks; each name is then a byte scan.
    package static func find(in course: Course) -> [String: GlossaryLesson] {
        struct Text { var folded: [UInt8]; var raw: [UInt8] }
        struct Block { var lesson: Int; var block: Int; var heading: Bool; var text: Text }
        func text(_ plain: String) -> Text { Text(folded: TextMatcher.fold(plain), raw: Array(plain.utf8)) }
        var blocks: [Block] = []
        let titles = course.lessons.map { text($0.title) }
        for (l, lesson) in course.lessons.enumerated() {
            for (b, block) in lesson.body.blocks.enumerated() {
                var heading = false
                if case .heading = block.kind { heading = true }
                blocks.append(Block(lesson: l, block: b, heading: heading, text: text(block.plainText)))
            }
        }
        var found: [String: GlossaryLesson] = [:]
        for term in course.glossary {
            let names = [term.term] + term.aliases
            let needles = names.map { name in isAcronym(name) ? (Array(name.utf8), true) : (TextMatcher.foldedQuery(name), false) }
            /// The first of the names used in `text`, by its index.
            func use(in text: Text) -> Int? {
                needles.indices.first { containsWord(needles[$0].0, in: needles[$0].1 ? text.raw : text.folded) }
            }
            struct Use { var blocks = 0; var first: (block: Int, name: Int)?; var heading: (block: Int, name: Int)? }
            var uses: [Int: Use] = [:]
            for block in blocks {
                guard let name = use(in: block.text) else { continue }
                var entry = uses[block.lesson] ?? Use()
                entry.blocks += 1
                if entry.first == nil { entry.first = (block.block, name) }
                if block.heading, entry.heading == nil { entry.heading = (block.block, name) }
                uses[block.lesson] = entry
            }
            /// Title, then how many blocks, then a heading; earlier lessons win ties.
            func rank(_ lesson: Int) -> (Int, Int, Int, Int) {
                let entry = uses[lesson]!
                return (use(in: titles[lesson]) == nil ? 0 : 1, entry.blocks, entry.heading == nil ? 0 : 1, -lesson)
            }
            guard let best = uses.keys.max(by: { rank($0) < rank($1) }), let entry = uses[best],
                  let place = entry.heading ?? entry.first else { continue }
            found[term.term] = GlossaryLesson(lessonID: course.lessons[best].id, lessonIndex: best, block: place.block, name: names[place.name])
        }
        return found
    }

    /// Whether a glossary name is written as an acronym: two or more letters, none lower-case.
    package static func isAcronym(_ name: String) -> Bool {
        name.filter(\.isLetter).count >= 2 && !name.contains(where: \.isLowercase)
    }

    /// Whether `needle` occurs in `hay` with no letter or digit (ASCII, or any
    /// non-ASCII byte) right before or after it.
    static func containsWord(_ needle: [UInt8], in hay: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return false }
        func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        var from = 0
        while let at = TextMatcher.find(needle, in: hay, from: from) {
            let end = at + needle.count
            if (at == 0 || !isWordByte(hay[at - 1])) && (end == hay.count || !isWordByte(hay[end])) { return true }
            from = at + 1
        }
        return false
    }
}
