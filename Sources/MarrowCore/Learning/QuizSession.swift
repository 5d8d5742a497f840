#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One attempt at a quiz: a lesson's quiz, a retry of some questions, or questions
/// from several lessons. Pure model: it shuffles, checks and scores answers and
/// makes the `AnswerRecord`s; the caller saves them.
///
/// Questions keep their written order. Each question's choices are shuffled per
/// attempt (position must not be memorised) unless the course turns shuffling
/// off, the question is `.fixed-order`, or it is a true/false question (True
/// always comes first; it is answered with t/f anyway). Answers are given as
/// *displayed* positions and recorded as *written* indices, so the log means the
/// same thing whatever order the learner saw.
package struct QuizSession: Sendable, Hashable {
    package let courseID: String
    /// The lesson whose quiz this is; nil when the questions come from several lessons.
    package let lessonID: String?
    /// Random and unique: shared by this attempt's answer records and its `QuizAttempt`s.
    package internal(set) var attemptID: String
    package let started: Date
    package let questions: [Question]
    /// For each question, the written index of the choice shown at each position.
    package let choiceOrders: [[Int]]
    /// The answer given to each question, nil until answered.
    package internal(set) var records: [AnswerRecord?]
    /// The generator as this session left it: a retry continues from here, so it
    /// gets a fresh id and a fresh order.
    package let generator: SplitMix64
    /// The lessons whose whole quiz this session asks: their answers are a lesson
    /// score (`AnswerRecord.fullQuiz`); a retry of some questions is not. Only a
    /// session on one lesson (`lessonID`) can be its quiz: a review or a retry
    /// across lessons that happens to ask all of a lesson's questions is not, so
    /// stopping it part-way never leaves that lesson "in quiz".
    package let fullQuizLessons: Set<String>

    /// A session over `questions`, in the order given. Draws the attempt id and
    /// then each question's choice order from `generator`.
    package init(course: Course, questions: [Question], lessonID: String?, started: Date, generator: inout SplitMix64) {
        self.courseID = course.info.id
        self.lessonID = lessonID
        self.started = started
        self.questions = questions
        self.attemptID = generator.identifier()
        var orders: [[Int]] = []
        for q in questions {
            let written = Array(q.choices.indices)
            if course.info.shuffleChoices && !q.fixedOrder && q.kind != .trueFalse {
                orders.append(generator.shuffled(written))
            } else {
                orders.append(written)
            }
        }
        self.choiceOrders = orders
        let asked = Set(questions.map(\.id))
        if let lessonID, let quiz = course.lesson(id: lessonID)?.quiz, !quiz.isEmpty, quiz.allSatisfy({ asked.contains($0.id) }) {
            self.fullQuizLessons = [lessonID]
        } else {
            self.fullQuizLessons = []
        }
        self.records = Array(repeating: nil, count: questions.count)
        self.generator = generator
    }

    /// A session as a route asks for it: a lesson's quiz, or the given questions
    /// (from any lessons, in the order given; unknown ids are skipped), or, with
    /// neither, every question of the course.
    package init(course: Course, lessonID: String?, questionIDs: [String]?, started: Date, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        self.init(course: course, questions: QuizSession.questions(in: course, lessonID: lessonID, questionIDs: questionIDs),
                  lessonID: lessonID, started: started, generator: &generator)
    }

    /// The questions a route names: `questionIDs` if given (restricted to `lessonID`
    /// when that is given too), else the lesson's quiz, else the whole course.
    package static func questions(in course: Course, lessonID: String?, questionIDs: [String]?) -> [Question] {
        if let ids = questionIDs {
            var byID: [String: Question] = [:]
            for q in course.allQuestions where byID[q.id] == nil { byID[q.id] = q }
            var seen = Set<String>()
            return ids.compactMap { id in
                guard seen.insert(id).inserted, let q = byID[id] else { return nil }
                if let lessonID, q.lessonID != lessonID { return nil }
                return q
            }
        }
        if let lessonID { return course.lesson(id: lessonID)?.quiz ?? [] }
        return course.allQuestions
    }

    package var total: Int { questions.count }
    package var answeredCount: Int { records.lazy.filter { $0 != nil }.count }
    package var correctCount: Int { records.lazy.filter { $0?.correct == true }.count }
    package var isComplete: Bool { answeredCount == total }
    /// Correct answers out of all questions, as a whole percentage (rounded half up).
    package var scorePercent: Int { total == 0 ? 0 : (correctCount * 200 + total) / (2 * total) }
    /// Questions answered wrongly, in quiz order.
    package var missedQuestions: [Question] {
        questions.indices.filter { records[$0]?.correct == false }.map { questions[$0] }
    }
    package var missedQuestionIDs: [String] { missedQuestions.map(\.id) }

    /// Question `index`'s choices in the order shown.
    package func displayedChoices(ofQuestion index: Int) -> [Choice] {
        choiceOrders[index].map { questions[index].choices[$0] }
    }

    /// The written index of the choice shown at `displayed`.
    package func writtenIndex(ofQuestion index: Int, displayed: Int) -> Int {
        choiceOrders[index][displayed]
    }

    /// The position at which written choice `written` is shown.
    package func displayedIndex(ofQuestion index: Int, written: Int) -> Int {
        choiceOrders[index].firstIndex(of: written) ?? written
    }

    /// Displayed positions mapped to written indices, ascending; out-of-range positions are dropped.
    package func writtenIndices(ofQuestion index: Int, displayed: Set<Int>) -> [Int] {
        let order = choiceOrders[index]
        return displayed.filter { order.indices.contains($0) }.map { order[$0] }.sorted()
    }

    /// How many questions of this attempt belong to `lessonID`: the total of that
    /// lesson's `QuizAttempt` (a mixed quiz is scored per lesson).
    package func attemptTotal(forLesson lessonID: String) -> Int {
        questions.lazy.filter { $0.lessonID == lessonID }.count
    }

    /// Answers question `index` with the choices at `displayed` positions. Returns
    /// the record to save (and stores it here). Answering again replaces the answer.
    @discardableResult
    package mutating func answer(question index: Int, displayed: Set<Int>, at time: Date) -> AnswerRecord {
        let q = questions[index]
        let chosen = writtenIndices(ofQuestion: index, displayed: displayed)
        let record = AnswerRecord(
            course: courseID, lesson: q.lessonID, question: q.id, chosen: chosen,
            correct: q.isCorrect(Set(chosen)), time: time, attempt: attemptID,
            attemptTotal: attemptTotal(forLesson: q.lessonID), fullQuiz: fullQuizLessons.contains(q.lessonID))
        records[index] = record
        return record
    }

    /// Takes back the answer to question `index` (`AnswerUndo`): the question is
    /// unanswered again. Returns the answer taken back; nil when there was none.
    package mutating func takeBack(question index: Int) -> AnswerRecord? {
        guard records.indices.contains(index), let record = records[index] else { return nil }
        records[index] = nil
        return record
    }

    /// A new attempt of just the missed questions (fresh id, fresh order), or nil
    /// when nothing was missed.
    package func retrySession(course: Course, started: Date) -> QuizSession? {
        let missed = missedQuestions
        guard !missed.isEmpty else { return nil }
        var g = generator
        return QuizSession(course: course, questions: missed, lessonID: lessonID, started: started, generator: &g)
    }
}
