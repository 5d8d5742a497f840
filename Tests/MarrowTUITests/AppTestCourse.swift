import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// A course built in code for the course map, reader, outline, help and app tests
/// (the real lessons are written in parallel and change).
enum AppTestCourse {
    static func paragraph(_ text: String) -> Block { Block(.paragraph([.text(text)])) }
    static func heading(_ level: Int, _ text: String) -> Block { Block(.heading(level: level, content: [.text(text)])) }

    static let filler = [
        "Bone marrow is the soft tissue inside bones where blood is made. It holds blood-forming stem cells, which can become every kind of blood cell.",
        "Before a transplant, the patient gets conditioning: chemotherapy, sometimes with radiation, to clear room in the marrow and to calm the immune system.",
        "The new stem cells are given through a central line, much like a blood transfusion. They find their own way to the marrow.",
        "Engraftment is when the new cells settle in and start making blood. It usually takes a few weeks, and counts are checked every day.",
    ]

    /// A long lesson with every kind of block: several screens at 80×24.
    static let journey = Lesson(
        meta: LessonMeta(id: "journey", title: "The transplant journey", minutes: 6,
                         sources: [SourceLink(title: "NMDP, the transplant process", url: "https://nmdp.org/process")],
                         reviewed: "2026-11-26"),
        body: Document(blocks: [
            heading(1, "The transplant journey"),
            Block(.paragraph([.text("A transplant has "), .strong([.text("several steps")]), .text(", and each one has a "), .emphasis([.text("purpose")]), .text(". See "), .link(text: [.text("NMDP")], url: "https://nmdp.org"), .text(" or ask about "), .code("HLA"), .text(" typing.")])),
            heading(2, "Before"),
            paragraph(filler[0]),
            paragraph(filler[1]),
            Block(.bulletList(items: [
                ListItem(blocks: [paragraph("Tests of the heart, lungs and kidneys, to make sure the body can cope.")]),
                ListItem(blocks: [paragraph("A central line, a thin tube in a large vein."), Block(.bulletList(items: [
                    ListItem(blocks: [paragraph("used for medicines")]),
                    ListItem(blocks: [paragraph("used for blood tests")]),
                ]))]),
            ])),
            heading(2, "The day of the transplant"),
            paragraph(filler[2]),
            Block(.blockQuote([paragraph("Day zero is the day the cells are given. Days are counted from it.")])),
            Block(.codeBlock(info: "", text: "day -7 ... day 0 ... day +30\nconditioning   cells   engraftment and a very long line that will be clipped\n")),
            heading(2, "After"),
            paragraph(filler[3]),
            Block(.orderedList(start: 1, items: [
                ListItem(blocks: [paragraph("Counts recover.")]),
                ListItem(blocks: [paragraph("Infections are watched for closely, and GVHD too.")]),
                ListItem(blocks: [paragraph("Home, with visits to the clinic.")]),
            ])),
            Block(.thematicBreak),
            paragraph(filler[0]),
            paragraph(filler[1]),
            paragraph(filler[2]),
            paragraph(filler[3]),
            heading(2, "Later"),
            paragraph(filler[0]),
            paragraph(filler[1]),
            paragraph(filler[2]),
            paragraph(filler[3]),
            paragraph("This lesson is general education, not medical advice."),
        ]),
        quiz: [
            Question(id: "q-day-zero", lessonID: "journey", prompt: [.text("What is day zero?")],
                     choices: [Choice(text: [.text("The day the cells are given")], isCorrect: true), Choice(text: [.text("The first day in hospital")], isCorrect: false)],
                     explanation: [paragraph("Days are counted from the day the cells are given.")], kind: .single),
        ],
        path: "Lessons/01-journey.md", fileName: "01-journey.md"
    )

    /// A short lesson in Japanese (double-width text), with no quiz.
    static let japanese = Lesson(
        meta: LessonMeta(id: "nihongo", title: "造血幹細胞移植とは", minutes: 3),
        body: Document(blocks: [
            heading(1, "造血幹細胞移植とは"),
            paragraph("造血幹細胞移植は、白血病などの血液の病気に対する治療です。患者さんの骨髄を、健康な造血幹細胞で置き換えます。"),
            Block(.bulletList(items: [
                ListItem(blocks: [paragraph("自家移植：自分の細胞を使います。")]),
                ListItem(blocks: [paragraph("同種移植：ドナーの細胞を使います。GVHDに注意します。")]),
            ])),
        ]),
        quiz: [],
        path: "Lessons/02-nihongo.md", fileName: "02-nihongo.md"
    )

    /// A lesson whose text tries to steer the terminal.
    static let hostile = Lesson(
        meta: LessonMeta(id: "hostile", title: "Escapes\u{1B}[31m here", minutes: 1),
        body: Document(blocks: [
            heading(1, "Clear\u{1B}[2J screen"),
            paragraph("Title\u{1B}]0;pwned\u{07} bell\u{07} csi\u{9B}1m bidi\u{202E}txt tab\there"),
            Block(.codeBlock(info: "", text: "code\u{1B}[H\u{1B}[2J\n")),
        ]),
        quiz: [],
        path: "Lessons/03-hostile.md", fileName: "03-hostile.md"
    )

    static let glossary = [
        GlossaryTerm(term: "Engraftment", definition: "When the new stem cells settle in the marrow and make blood."),
        GlossaryTerm(term: "Graft-versus-host disease", definition: "When donor immune cells attack the patient's body.", aliases: ["GVHD"]),
        GlossaryTerm(term: "Conditioning", definition: "Chemotherapy, sometimes with radiation, before the transplant."),
        GlossaryTerm(term: "HLA", definition: "Markers on cells used to match donors."),
    ]

    static let broken = BrokenLesson(path: "Lessons/04-broken.md", fileName: "04-broken.md", title: "04-broken.md",
                                     error: Diagnostic(path: "Lessons/04-broken.md", line: 3, column: 1, message: "missing key 'title'"))

    static let info = CourseInfo(id: "test", title: "Stem cell transplants (test course)",
                                 summary: "A small course for the tests.",
                                 disclaimer: "This course is for general education only. It is not medical advice. Talk with your care team about your own situation.",
                                 version: "1.0", lastReviewed: "2026-11-26")

    static func course(lessons: [Lesson] = [journey, japanese, hostile], broken: [BrokenLesson] = [broken]) -> Course {
        Course(info: info, lessons: lessons, brokenLessons: broken, glossary: glossary, directory: "Lessons")
    }

    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func context(progress: LearnerProgress = LearnerProgress(), size: Size = Size(columns: 80, rows: 24), course: Course = course()) -> AppContext {
        var context = AppContext(course: course, progress: progress, now: now, clock: .utc)
        context.screenArea = App.screenArea(for: size)
        return context
    }

    /// Progress of a learner who has seen the disclaimer.
    static func returning(_ edit: (inout CourseProgress) -> Void = { _ in }) -> LearnerProgress {
        var progress = LearnerProgress()
        var course = CourseProgress(disclaimerSeen: true)
        edit(&course)
        progress[course: info.id] = course
        return progress
    }

    /// A state at a size, on a returning learner's course map.
    static func state(progress: LearnerProgress = returning(), size: Size = Size(columns: 80, rows: 24), course: Course = course()) -> AppState {
        var state = AppState(context: context(progress: progress, size: size, course: course), size: size)
        state.context.effects = []
        return state
    }
}

/// Feeds keys to the app, one update each.
func press(_ keys: [Key], in state: AppState) -> AppState {
    keys.reduce(state) { App.update($0, .key($1)) }
}

func press(_ text: String, in state: AppState) -> AppState {
    press(text.map { Key.character($0) }, in: state)
}

/// The screen a test expects on top.
func top<S: Screen>(_ state: AppState, as type: S.Type, sourceLocation: SourceLocation = #_sourceLocation) -> S? {
    let screen = state.top as? S
    #expect(screen != nil, "top screen is \(Swift.type(of: state.top)), not \(S.self)", sourceLocation: sourceLocation)
    return screen
}
