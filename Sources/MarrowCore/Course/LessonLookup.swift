/// Finding a lesson by what a learner types: its number in the course, its id,
/// its file name, or a unique part of its id or title (`gvhd`, `stem cells`).
package enum LessonLookup {
    package enum Match: Sendable, Hashable {
        case found(Lesson)
        /// Several lessons have the part typed in their id or title, in course order.
        case ambiguous([Lesson])
        /// The lesson file named is in the course but could not be read.
        case broken(BrokenLesson)
        case none
    }

    /// The lesson `name` names in `course`. An exact id, number or file name wins
    /// over a part; a part matches ids and titles ignoring case, and dashes,
    /// spaces and punctuation alike ("graft versus host" finds
    /// "Graft-versus-host disease"); a title equal to the part wins over titles
    /// that only contain it.
    package static func find(_ name: String, in course: Course) -> Match {
        if let lesson = course.lesson(id: name) { return .found(lesson) }
        let number = name.allSatisfy { $0.isASCII && $0.isNumber } ? Int(name) : nil
        if let number, number >= 1 {
            // A number counts lesson files, broken ones included, as the course map does.
            if let lesson = course.lessons.first(where: { lessonNumber($0.fileName) == number }) { return .found(lesson) }
            if let broken = course.brokenLessons.first(where: { lessonNumber($0.fileName) == number }) { return .broken(broken) }
            return .none
        }
        if let lesson = course.lessons.first(where: { $0.fileName == name || $0.fileName == name + ".md" }) { return .found(lesson) }
        if let broken = course.brokenLessons.first(where: { $0.fileName == name || $0.fileName == name + ".md" }) { return .broken(broken) }
        let part = words(name)
        guard !part.isEmpty else { return .none }
        let matches = course.lessons.filter { words($0.id).contains(part) || words($0.title).contains(part) }
        if matches.count > 1, let exact = matches.first(where: { words($0.title) == part }) { return .found(exact) }
        switch matches.count {
        case 0: return .none
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }

    /// The number a lesson file starts with (`03-foo.md` → 3).
    package static func lessonNumber(_ fileName: String) -> Int? {
        Int(fileName.prefix { $0.isASCII && $0.isNumber })
    }

    /// Lower-case letters and digits, every other run of characters one space
    /// (none at the ends).
    static func words(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in Sanitizer.clean(text, singleLine: true).lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}
