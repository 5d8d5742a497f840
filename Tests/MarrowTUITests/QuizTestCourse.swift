import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// A course built in code for the quiz, progress review, glossary and search
/// screen tests (the real lessons are written in parallel and change).
enum QuizTestCourse {
    static func choice(_ text: String, _ correct: Bool, feedback: String? = nil) -> Choice {
        Choice(text: [.text(text)], isCorrect: correct,
               feedback: feedback.map { [Block(.paragraph([.text($0)]))] } ?? [])
    }

    static func paragraph(_ text: String) -> Block { Block(.paragraph([.text(text)])) }

    static let basics = Lesson(
        meta: LessonMeta(id: "what-is", title: "What a transplant is", minutes: 5),
        body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("What a transplant is")])),
            paragraph("A stem cell transplant replaces damaged bone marrow with healthy blood-forming stem cells."),
            Block(.bulletList(items: [
                ListItem(blocks: [paragraph("Autologous: your own cells, collected before treatment.")]),
                ListItem(blocks: [paragraph("Allogeneic: cells from a donor, such as a sister or a volunteer.")]),
            ])),
            paragraph("Engraftment is when the new cells settle in the marrow and start making blood."),
        ]),
        quiz: [
            Question(id: "q-sibling-type", lessonID: "what-is",
                     prompt: [.text("Maria's sister is a full HLA match and gives her stem cells. Which type of transplant is this?")],
                     tags: ["transplant-types"],
                     choices: [
                        choice("Autologous", false, feedback: "Autologous would mean Maria's own cells."),
                        choice("Allogeneic", true, feedback: "Yes: the cells come from another person."),
                        choice("Syngeneic", false, feedback: "Syngeneic needs an identical twin."),
                     ],
                     explanation: [Block(.blockQuote([paragraph("The cells come from another person, so the transplant is allogeneic, even though the donor is family.")]))],
                     kind: .single),
            Question(id: "q-sources-all", lessonID: "what-is",
                     prompt: [.text("Which of these are possible sources of blood-forming stem cells? Select all that apply.")],
                     choices: [choice("Bone marrow", true), choice("Blood, after mobilization", true),
                               choice("Umbilical cord blood", true), choice("Skin", false, feedback: "Skin does not hold blood-forming stem cells.")],
                     explanation: [paragraph("Marrow, mobilized blood and cord blood all hold blood-forming stem cells; skin does not.")],
                     kind: .multiple),
            Question(id: "q-gvl-true", lessonID: "what-is",
                     prompt: [.text("A donor transplant can help the new immune system attack leftover leukemia cells.")],
                     tags: ["benefit"],
                     choices: [choice("True", true), choice("False", false)],
                     explanation: [paragraph("This is the graft-versus-leukemia effect. It comes from donor immune cells, so an autologous transplant does not give it.")],
                     kind: .trueFalse),
        ])

    static let risks = Lesson(
        meta: LessonMeta(id: "risks", title: "Risks after a transplant", minutes: 6),
        body: Document(blocks: [
            Block(.heading(level: 1, content: [.text("Risks after a transplant")])),
            paragraph("Graft-versus-host disease (GVHD) happens when donor immune cells attack the patient's body."),
            paragraph("Infections are common while the new immune system grows back."),
        ]),
        quiz: [
            Question(id: "r-gvhd", lessonID: "risks", prompt: [.text("What is graft-versus-host disease?")], tags: ["risk", "gvhd"],
                     choices: [choice("Donor immune cells attacking the patient's body", true), choice("A virus caught in hospital", false),
                               choice("The body rejecting the donor cells", false)],
                     explanation: [paragraph("In GVHD the graft (donor cells) attacks the host (the patient).")], kind: .single),
            Question(id: "r-infection", lessonID: "risks", prompt: [.text("Infections are a common risk in the first months after a transplant.")],
                     tags: ["risk"], choices: [choice("True", true), choice("False", false)],
                     explanation: [paragraph("The immune system takes months to recover, so infections are common.")], kind: .trueFalse),
            Question(id: "r-benefit-mix", lessonID: "risks", prompt: [.text("A transplant can cure some leukemias that chemotherapy alone cannot.")],
                     tags: ["benefit"], choices: [choice("True", true), choice("False", false)],
                     explanation: [paragraph("For some leukemias a transplant offers the best chance of cure.")], kind: .trueFalse),
        ])

    static let cjk = Lesson(
        meta: LessonMeta(id: "cjk", title: "造血幹細胞移植とは", minutes: 3),
        body: Document(blocks: [paragraph("造血幹細胞は骨髄で血液を作ります。移植では健康な造血幹細胞を体に入れます。")]),
        quiz: [
            Question(id: "cjk-where", lessonID: "cjk", prompt: [.text("造血幹細胞はどこで血液を作りますか？体の中の場所を一つ選んでください。")],
                     choices: [choice("骨髄", true), choice("皮膚", false, feedback: "皮膚には造血幹細胞はありません。"), choice("髪の毛", false)],
                     explanation: [paragraph("造血幹細胞は主に骨髄にあり、そこで赤血球、白血球、血小板を作ります。")], kind: .single),
        ])

    static let glossary: [GlossaryTerm] = [
        GlossaryTerm(term: "Graft-versus-host disease", definition: "When immune cells from the donor attack the patient's own body.", aliases: ["GVHD", "graft versus host disease"]),
        GlossaryTerm(term: "Engraftment", definition: "The time when the new stem cells settle in the bone marrow and start making blood cells."),
        GlossaryTerm(term: "allogeneic", definition: "Using stem cells from another person, a donor."),
        GlossaryTerm(term: "Autologous", definition: "Using the patient's own stem cells, collected before treatment and given back."),
        GlossaryTerm(term: "HLA", definition: "Markers on cells that the immune system uses to tell self from non-self. Donors are matched on them.", aliases: ["human leukocyte antigen"]),
        GlossaryTerm(term: "Bone marrow", definition: "The soft tissue inside bones where blood cells are made."),
        GlossaryTerm(term: "Mucositis", definition: "Painful sores and swelling in the mouth and gut, a common side effect of conditioning."),
        GlossaryTerm(term: "Neutropenia", definition: "Too few neutrophils, the white blood cells that fight bacteria; infections are more likely."),
        GlossaryTerm(term: "Conditioning", definition: "Chemotherapy, sometimes with radiation, given before the transplant to make room for the new cells."),
        GlossaryTerm(term: "Stem cell", definition: "A cell that can make copies of itself and grow into other kinds of cells."),
        GlossaryTerm(term: "Éclairage", definition: "A made-up term with an accent, to test sorting and matching."),
    ]

    static func course(shuffle: Bool = true) -> Course {
        Course(info: CourseInfo(id: "hsct", title: "Stem cell transplants for leukemia", shuffleChoices: shuffle),
               lessons: [basics, risks, cjk], glossary: glossary)
    }

    /// 2026-11-26 12:00 UTC, a Thursday.
    static let now = Date(timeIntervalSince1970: 1_795_694_400)

    static func context(columns: Int = 80, rows: Int = 24, shuffle: Bool = false, progress: LearnerProgress = LearnerProgress(), seed: UInt64 = 7) -> AppContext {
        AppContext(course: course(shuffle: shuffle), progress: progress, now: now, randomSeed: seed,
                   screenArea: Rect(row: 0, column: 0, width: columns, height: rows - 1), clock: .utc)
    }

    /// Renders `screen` as the app would: into the screen minus the last row, which
    /// gets the screen's status keys.
    static func render(_ screen: some Screen, context: AppContext) -> ScreenBuffer {
        let area = context.screenArea
        var buffer = ScreenBuffer(size: Size(columns: area.width, rows: area.height + 1))
        screen.render(context: context, into: &buffer, area: area)
        // The hints the app's status line keeps at this width, each whole (`StatusLine.fitting`).
        let room = StatusLine.room(width: area.width, title: screen.title) - 1
        let status = StatusLine.fitting(screen.statusKeys, dropOrder: screen.statusDropOrder, room: room).map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
        buffer.put(status, row: area.height, column: 0, style: Style(.status))
        return buffer
    }
}

extension Key {
    static func ch(_ c: Character) -> Key { .character(c) }
}
