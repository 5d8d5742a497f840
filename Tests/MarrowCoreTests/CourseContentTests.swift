import Foundation
import MarrowCore
import Testing

/// The shipped HSCT course keeps its minimums and its quiz rules: a later edit cannot
/// silently drop them. The quiz rules are about the course as a whole (a quiz that
/// reading passes and guessing does not), so each is a share over every question.
@Suite struct CourseContentTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessonsFolder = root.appendingPathComponent("Lessons").path
    let course = CourseLoader.load(directory: CourseContentTests.lessonsFolder)

    /// Zero errors and zero warnings, which includes every statistic carrying a citation
    /// marker and every marker naming a source (`CitationCheck`).
    @Test func validatesWithoutErrorsOrWarnings() {
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(course.brokenLessons.isEmpty)
    }

    @Test func courseInfo() {
        #expect(course.info.id == "hsct")
        #expect(course.info.disclaimer.lowercased().contains("not medical advice"))
        #expect(!course.info.lastReviewed.isEmpty)
    }

    @Test func lessonsAndQuestions() {
        #expect(course.lessons.count >= 14)
        #expect(course.allQuestions.count >= 140)
        for lesson in course.lessons {
            #expect(lesson.quiz.count >= 6, "\(lesson.id) has \(lesson.quiz.count) questions")
            #expect((3...8).contains(lesson.meta.minutes), "\(lesson.id): \(lesson.meta.minutes) minutes")
            #expect(!lesson.meta.objectives.isEmpty, "\(lesson.id) has no objectives")
            #expect(!lesson.meta.sources.isEmpty, "\(lesson.id) has no sources")
            #expect(!lesson.meta.reviewed.isEmpty, "\(lesson.id) has no reviewed date")
            let text = lesson.body.blocks.map(\.plainText).joined(separator: " ").lowercased()
            #expect(text.contains("not medical advice"), "\(lesson.id) does not say it is not medical advice")
        }
    }

    @Test func everyQuestionIsExplained() {
        for question in course.allQuestions {
            #expect(!question.explanation.isEmpty, "\(question.id) has no explanation")
            // Order, match and typed questions have no choices: the loader checks their items.
            guard question.kind.hasChoices else { continue }
            #expect(question.choices.count >= 2, "\(question.id)")
            #expect(!question.correctIndices.isEmpty, "\(question.id)")
            if question.kind != .trueFalse {
                let explainedWrong = question.choices.contains { !$0.isCorrect && !$0.feedback.isEmpty }
                #expect(explainedWrong, "\(question.id): no wrong choice says why it tempts")
            }
        }
    }

    @Test func questionMix() {
        let questions = course.allQuestions
        let byKind = Dictionary(grouping: questions, by: \.kind).mapValues(\.count)
        #expect(byKind[.single, default: 0] >= 10)
        #expect(byKind[.multiple, default: 0] >= 10)
        #expect(byKind[.trueFalse, default: 0] >= 10)
        // Recall and sequence, not only recognition (issue 15).
        #expect(byKind[.order, default: 0] >= 4)
        #expect(byKind[.match, default: 0] >= 4)
        #expect(byKind[.typed, default: 0] >= 8)
        func tagged(_ tag: String) -> Int { questions.filter { $0.tags.contains(tag) }.count }
        #expect(tagged("benefit") >= 25)
        #expect(tagged("risk") >= 25)
        #expect(tagged("gvhd") >= 15)
        #expect(Set(questions.map(\.id)).count == questions.count)
    }

    /// A typed answer that has a short form or a long form accepts both: the
    /// learner who writes "GVHD" meant "graft-versus-host disease".
    @Test func typedAnswersAcceptTheirShortAndLongForms() {
        for question in course.allQuestions where question.kind == .typed {
            let answers = question.acceptedAnswers.map { $0.lowercased() }
            #expect(!answers.isEmpty, "\(question.id)")
            for (short, long) in [("gvhd", "graft-versus-host disease"), ("hla", "human leukocyte antigens"), ("gvl", "graft-versus-leukemia")]
            where answers.contains(where: { $0.contains(long) || $0 == short }) {
                #expect(answers.contains(short) && answers.contains(where: { $0.contains(long) }), "\(question.id): \(answers)")
            }
        }
    }

    /// A learner who picks the longest answer must not do well: in at most 30% of the
    /// single-answer questions is the right choice strictly the longest.
    @Test func theRightChoiceIsRarelyTheLongest() {
        let single = course.allQuestions.filter { $0.kind == .single }
        let longest = single.filter { question in
            let lengths = question.choices.map { ($0.text.plainText.count, $0.isCorrect) }.sorted { $0.0 > $1.0 }
            return lengths.count > 1 && lengths[0].1 && lengths[0].0 > lengths[1].0
        }
        #expect(!single.isEmpty)
        #expect(longest.count * 100 <= single.count * 30, "\(longest.count) of \(single.count): \(longest.map(\.id))")
    }

    /// Between 40% and 60% of true/false statements are true, so "false" is no safe guess.
    @Test func trueAndFalseAreBalanced() {
        let trueFalse = course.allQuestions.filter { $0.kind == .trueFalse }
        let keyedTrue = trueFalse.filter { question in
            question.choices.contains { $0.isCorrect && $0.text.plainText.lowercased() == "true" }
        }
        #expect(keyedTrue.count * 100 >= trueFalse.count * 40 && keyedTrue.count * 100 <= trueFalse.count * 60,
                "\(keyedTrue.count) of \(trueFalse.count) keyed True")
    }

    /// Absolute words are the classic give-away of a false statement.
    @Test func trueFalseStatementsHaveNoAbsoluteGiveaways() throws {
        let absolute = try NSRegularExpression(pattern: #"\b(always|never|everyone|everybody|no one|nobody|cannot|can't|guaranteed?|guarantees)\b"#, options: [.caseInsensitive])
        for question in course.allQuestions where question.kind == .trueFalse {
            let text = question.prompt.plainText
            let found = absolute.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(found == nil, "\(question.id): \(text)")
        }
    }

    /// Select all that apply: at least two right and two wrong, so neither "tick all"
    /// nor "tick one" passes.
    @Test func selectAllHasTwoRightAndTwoWrong() {
        for question in course.allQuestions where question.kind == .multiple {
            let right = question.choices.count(where: \.isCorrect)
            #expect(right >= 2 && question.choices.count - right >= 2, "\(question.id): \(right) right of \(question.choices.count)")
        }
    }

    /// A scenario comes before its question: the question (or "Select all that apply.")
    /// is what the prompt ends with.
    @Test func theStoryComesBeforeTheQuestion() {
        for question in course.allQuestions where question.kind != .trueFalse {
            let text = question.prompt.plainText.trimmingCharacters(in: .whitespaces)
            // Order, match and typed questions end with what to do ("Type the word.").
            let instruction = !question.kind.hasChoices && text.hasSuffix(".")
            #expect(text.hasSuffix("?") || text.hasSuffix("Select all that apply.") || instruction, "\(question.id): \(text)")
        }
    }

    /// No two questions test the same fact. Near-duplicates share most of their words
    /// (prompt and right answers), so a pair sharing more than 60% of them is flagged.
    @Test func noTwoQuestionsAreNearDuplicates() {
        let stop: Set<String> = ["the", "and", "for", "with", "that", "this", "what", "which", "who", "how", "why", "does", "can",
                                 "their", "they", "them", "its", "his", "her", "she", "your", "you", "after", "before", "from",
                                 "about", "when", "than", "more", "most", "less", "not", "but", "all", "any", "some", "one",
                                 "two", "has", "have", "had", "will", "would", "could", "should", "may", "might", "was", "were",
                                 "been", "there", "then", "into", "are", "select", "apply", "true", "false"]
        func words(_ question: Question) -> Set<String> {
            let right = question.kind == .trueFalse ? "" : question.choices.filter(\.isCorrect).map(\.text.plainText).joined(separator: " ")
            let text = (question.prompt.plainText + " " + right).lowercased()
            return Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 2 && !stop.contains($0) })
        }
        let questions = course.allQuestions.map { ($0.id, words($0)) }
        for i in questions.indices {
            for j in questions.indices where j > i {
                let shared = questions[i].1.intersection(questions[j].1).count
                let all = questions[i].1.union(questions[j].1).count
                #expect(shared * 100 <= all * 60, "\(questions[i].0) and \(questions[j].0) share \(shared) of \(all) words")
            }
        }
        // The pairs an outside review found: one side of each was rewritten or removed.
        let ids = Set(course.allQuestions.map(\.id))
        for gone in ["journey-vaccines", "gvhd-pbsc-tradeoff", "comp-late-death-cause"] {
            #expect(!ids.contains(gone), "\(gone) tests a fact another question tests")
        }
    }

    /// Asking about the chance of a cure is a fair question to put to a transplant team.
    @Test func askingAboutACureIsAGoodQuestion() throws {
        let question = try #require(course.allQuestions.first { $0.id == "cand-questions" })
        let cure = question.choices.filter { $0.text.plainText.lowercased().contains("cure") }
        #expect(!cure.isEmpty)
        #expect(cure.allSatisfy { $0.isCorrect }, "\(cure.map(\.text.plainText))")
    }

    @Test func glossary() {
        #expect(course.glossary.count >= 90)
        for term in course.glossary {
            #expect(!term.definition.isEmpty, "\(term.term)")
        }
    }

    /// One spelling throughout: US English in the course (lessons, quizzes, glossary,
    /// course.yaml) and in the app's own strings. Web addresses, source titles and question
    /// ids are names, not prose, and are left as they are.
    @Test func usSpellingThroughout() throws {
        let british = try NSRegularExpression(pattern: #"\b(leukaem\w*|anaem\w*|haemat\w*|haemo\w*|diarrhoea|oesophag\w*|paediatr\w*|centres?|colour\w*|recognis\w*|organis\w*|behaviour\w*|favour\w*|tumour\w*|programme|practis\w*|licence|travell\w*|labell\w*|fibre|litre|ageing)\b"#, options: [.caseInsensitive])
        func hits(_ text: String) -> [String] {
            british.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        }
        let folder = URL(fileURLWithPath: Self.lessonsFolder)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.lessonsFolder).filter { $0.hasSuffix(".md") || $0.hasSuffix(".yaml") }
        for file in files where file != "README.md" {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let prose = line.replacingOccurrences(of: #"https?://\S+"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"\{#[^}]*\}"#, with: "", options: .regularExpression)
                    .replacingOccurrences(of: #"^\s*-\s*title: .*$"#, with: "", options: .regularExpression) // a source's name
                #expect(hits(prose).isEmpty, "\(file):\(n + 1): \(hits(prose))")
            }
        }
        let sources = Self.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        for case let file as String in enumerator where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                // The app's strings: what stands between double quotes on the line.
                let strings = line.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
                for string in strings {
                    #expect(hits(String(string)).isEmpty, "Sources/\(file):\(n + 1): \(hits(String(string)))")
                }
            }
        }
    }
}

/// Issue 14: `marrow read gvhd`: a lesson by number, id, file name or a unique
/// part of its id or title, and every match named when the part is not unique.
@Suite struct LessonLookupTests {
    let course = CourseLoader.load(directory: CourseContentTests.lessonsFolder)

    func id(_ name: String) -> String? {
        if case .found(let lesson) = LessonLookup.find(name, in: course) { return lesson.id }
        return nil
    }

    @Test func aNumberAnIdAFileNameOrAUniquePart() {
        #expect(id("8") == "risks-gvhd" && id("08") == "risks-gvhd")
        #expect(id("risks-gvhd") == "risks-gvhd" && id("08-risks-gvhd.md") == "risks-gvhd" && id("08-risks-gvhd") == "risks-gvhd")
        #expect(id("gvhd") == "risks-gvhd" && id("GVHD") == "risks-gvhd")
        #expect(id("graft versus host") == "risks-gvhd")
        #expect(id("stem cells come") == "cell-sources")
        #expect(id("survivorship") == "long-term-follow-up")
        // A title typed in full wins over the titles that contain it.
        #expect(id("The transplant journey") == "transplant-journey")
    }

    @Test func anAmbiguousPartNamesEveryMatchAndNoneIsNone() {
        #expect(LessonLookup.find("relapse", in: course) == .ambiguous([course.lesson(id: "risks-other")!, course.lesson(id: "relapse-and-new-treatments")!]))
        guard case .ambiguous(let risks) = LessonLookup.find("risks", in: course) else { Issue.record("risks is not ambiguous"); return }
        #expect(risks.map(\.id) == ["risks-infections", "risks-gvhd", "risks-other"])
        #expect(LessonLookup.find("99", in: course) == .none)
        #expect(LessonLookup.find("astronomy", in: course) == .none)
        #expect(LessonLookup.find("  ", in: course) == .none)
    }
}

/// The glossary names the lesson that is about a term, not the first that mentions it.
@Suite struct GlossaryTeachingLessonTests {
    @Test func eachTermNamesTheLessonAboutIt() throws {
        let course = CourseLoader.load(directory: CourseContentTests.lessonsFolder)
        let teaching = GlossaryLessons.find(in: course)
        func lesson(_ term: String) -> String? { teaching[term].map { course.lessons[$0.lessonIndex].title } }
        // Lessons 2, 4, 5 and 6 mention GVHD before lesson 8, which is about it.
        #expect(lesson("Graft-versus-host disease") == "Risks: graft-versus-host disease")
        #expect(lesson("Caregiver") == "Caregivers, the first 100 days and everyday life")
        #expect(lesson("Late effects") == "Long-term follow-up and survivorship")
        #expect(lesson("Engraftment") == "The transplant journey")
        #expect(lesson("Neutropenia") == "Risks: infections")
    }
}
