/// Where "Continue" takes the learner: the lesson they were reading and have not
/// finished, otherwise the next lesson in course order they have not read.
///
/// `lastPlace` is where the learner last read on (the reader writes it only for
/// reading, never for a peek from search or a number key), so it is the lesson
/// being read until it is finished; then the next unread lesson after it comes,
/// so that finishing lesson 2 and its quiz leaves Continue on lesson 3.
extension CourseProgress {
    /// The place to continue, for a course whose lessons are `lessonIDs` in course
    /// order: `lastPlace` while its lesson is in the course and not finished, else
    /// the first lesson not read after it (wrapping to the start; from the start
    /// when there is no `lastPlace`), at its saved position if it was left
    /// part-way. Nil when every lesson is read.
    package func continuePlace(lessonIDs: [String]) -> Place? {
        var start = 0
        if let last = lastPlace, let index = lessonIDs.firstIndex(of: last.lessonID) {
            if !self[lesson: last.lessonID].isRead && last.position.percent < 100 { return last }
            start = index + 1
        }
        let order = lessonIDs[min(start, lessonIDs.count)...] + lessonIDs[..<min(start, lessonIDs.count)]
        guard let next = order.first(where: { !self[lesson: $0].isRead }) else { return nil }
        return Place(lessonID: next, position: self[lesson: next].position ?? ReadingPosition())
    }
}
