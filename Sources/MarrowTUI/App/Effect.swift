import MarrowCore

/// Side effects that `update` asks the run loop to perform.
package enum Effect: Sendable, Hashable {
    /// Progress changed in a way worth keeping (position, lesson finished, bookmark): write progress.json.
    case saveProgress
    /// An answer was given: append it to the answer log at once, then save progress.json.
    case recordAnswer(AnswerRecord)
    /// After a right answer the learner said it was hard or easy: append the
    /// grade to the answer log at once, then save progress.json.
    case recordGrade(AnswerGrade)
    /// The learner took back their last answer (u): append the undo line to the
    /// answer log at once, then save progress.json.
    case recordUndo(AnswerUndo)
    /// A new question is shown: keys typed before it was drawn are thrown away,
    /// so none of them can answer a question the learner has not seen.
    case discardTypeahead
    /// Leave the app (after saving).
    case quit
}
