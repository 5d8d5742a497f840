/// Where each glossary term is taught: the first lesson, in course order, whose
/// text (its top-level body blocks) uses the term or one of its other names as a
/// whole word. The glossary names that lesson and opens it there.
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
        struct Block { var lesson: Int; var block: Int; var folded: [UInt8]; var raw: [UInt8] }
        var blocks: [Block] = []
        for (l, lesson) in course.lessons.enumerated() {
            for (b, block) in lesson.body.blocks.enumerated() {
                let text = block.plainText
                blocks.append(Block(lesson: l, block: b, folded: TextMatcher.fold(text), raw: Array(text.utf8)))
            }
        }
        var found: [String: GlossaryLesson] = [:]
        for term in course.glossary {
            let names = [term.term] + term.aliases
            let needles = names.map { name in isAcronym(name) ? (Array(name.utf8), true) : (TextMatcher.foldedQuery(name), false) }
            search: for block in blocks {
                for (i, (needle, exact)) in needles.enumerated() where containsWord(needle, in: exact ? block.raw : block.folded) {
                    let lesson = course.lessons[block.lesson]
                    found[term.term] = GlossaryLesson(lessonID: lesson.id, lessonIndex: block.lesson, block: block.block, name: names[i])
                    break search
                }
            }
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
