import Testing
@testable import MarrowCore

@Suite struct QuizExtractorTests {
    /// Extracts the quiz of a body written after `LoadingFixtures.frontMatter`.
    private func extract(_ body: String) -> QuizExtractor.Extraction {
        let document = MarkdownConverter.convert(Array(body.utf8)[...], lineOffset: 0, path: "q.md").document
        return QuizExtractor.extract(document.blocks, lessonID: "lesson", path: "q.md")
    }

    @Test func singleMultipleAndTrueFalseKinds() throws {
        let result = extract("""
            # Lesson

            Body text.

            ## Quiz

            ### Which one? {#q-single .transplant-types .risk}

            - [ ] Autologous
            - [x] Allogeneic
            - [ ] Syngeneic

            > Because.

            ### Donors help fight leukemia. {#q-tf .benefit}

            - [X] true
            - [ ] FALSE

            > Graft versus leukemia.

            ### Select all. {#q_multi}

            1. [x] Marrow
            2. [x] Blood
            3. [ ] Skin

            > Skin does not.
            """)
        #expect(result.diagnostics == [])
        #expect(result.hasQuizSection)
        #expect(result.body.count == 2)
        #expect(result.questions.map(\.id) == ["q-single", "q-tf", "q_multi"])
        #expect(result.questions.map(\.kind) == [.single, .trueFalse, .multiple])
        #expect(result.questions.map(\.lessonID) == ["lesson", "lesson", "lesson"])
        let first = result.questions[0]
        #expect(first.prompt == [.text("Which one?")])
        #expect(first.tags == ["transplant-types", "risk"])
        #expect(first.fixedOrder == false)
        #expect(first.choices.map(\.text) == [[.text("Autologous")], [.text("Allogeneic")], [.text("Syngeneic")]])
        #expect(first.correctIndices == [1])
        #expect(first.explanation == [Block(.paragraph([.text("Because.")]), line: 13, column: 3)])
        #expect(first.line == 7 && first.column == 1)
        #expect(result.questions[1].correctIndices == [0])
        #expect(result.questions[2].correctIndices == [0, 1])
        #expect(result.questionIDs.map(\.id) == ["q-single", "q-tf", "q_multi"])
    }

    @Test func feedbackScenarioFixedOrderAndInlinePrompt() throws {
        let result = extract("""
            Intro.

            ## Quiz

            ### Maria's *sister* gives cells. Which type? {#q-sister .fixed-order .gvhd .gvhd}

            Maria has leukemia.

            Her sister is a full match.

            - [ ] Autologous
              > Autologous would be Maria's own cells.
            - [x] **Allogeneic**
            - [ ] All of the above

            > The cells come from another person,
            > so it is allogeneic.

            ## After the quiz

            More body.
            """)
        #expect(result.diagnostics == [])
        let question = try #require(result.questions.first)
        #expect(question.prompt == [.text("Maria's "), .emphasis([.text("sister")]), .text(" gives cells. Which type?")])
        #expect(question.fixedOrder)
        #expect(question.tags == ["gvhd"])
        #expect(question.scenario == [
            Block(.paragraph([.text("Maria has leukemia.")]), line: 7, column: 1),
            Block(.paragraph([.text("Her sister is a full match.")]), line: 9, column: 1),
        ])
        #expect(question.choices[0].feedback == [Block(.paragraph([.text("Autologous would be Maria's own cells.")]), line: 12, column: 5)])
        #expect(question.choices[1].text == [.strong([.text("Allogeneic")])])
        #expect(question.choices[1].feedback == [])
        #expect(question.explanation == [
            Block(.paragraph([.text("The cells come from another person,"), .softBreak, .text("so it is allogeneic.")]), line: 16, column: 3),
        ])
        // The quiz ends at the next level-2 heading: that section is body again.
        #expect(result.body.map(\.plainText) == ["Intro.", "After the quiz", "More body."])
    }

    @Test func errorsForBrokenQuestions() {
        let result = extract("""
            ## Quiz

            Stray text.

            ### No id here

            - [x] a
            - [ ] b

            > Why.

            ### No correct {#q-none}

            - [ ] a
            - [ ] b

            > Why.

            ### One choice {#q-one}

            - [x] a

            > Why.

            ### No explanation {#q-noexp}

            - [x] a
            - [ ] b

            ### No list {#q-nolist}

            > Why.

            ### Bad marker {#q-marker}

            - [x] a
            - b
            - [y] c

            > Why.

            ### True false twice {#q-tf2}

            - [x] True
            - [x] False

            > Why.

            ### Bad id {#q.bad! .ok}

            - [x] a
            - [ ] b

            > Why.

            ### Extra stuff {#q-extra key=value}

            - [x] a

              more text
            - [ ] b

            Stray paragraph.

            > Why.

            > Second quote.
            """)
        #expect(LoadingFixtures.lines(result.diagnostics) == [
            "q.md:3:1: warning: content in the quiz before the first question (a '###' heading) is ignored",
            "q.md:5:1: error: question has no id: add {#some-id} at the end of the heading",
            "q.md:14:1: error: question 'q-none' has no correct choice: mark at least one with [x]",
            "q.md:21:1: error: question 'q-one' needs at least two choices",
            "q.md:25:1: error: question 'q-noexp' has no explanation: add a block quote ('> …') after the choices",
            "q.md:30:1: error: question 'q-nolist' has no choices: add a list of '- [x]' and '- [ ]' items after the heading (or numbered steps, 'left → right' pairs or 'Answer:' lines)",
            "q.md:37:1: error: a choice of question 'q-marker' must start with [x] (correct) or [ ] (wrong)",
            "q.md:38:1: error: a choice of question 'q-marker' must start with [x] (correct) or [ ] (wrong)",
            "q.md:44:1: error: true/false question 'q-tf2' needs exactly one choice marked [x]",
            "q.md:49:1: error: question id 'q.bad!' may only use letters, digits, '-' and '_'",
            "q.md:56:1: warning: attribute 'key=value' is ignored: only {#id} and {.tag} are understood",
            "q.md:60:3: warning: content in a choice of question 'q-extra' is ignored: only a block quote (the choice's feedback) may follow its text",
            "q.md:63:1: warning: content after the choices of question 'q-extra' is ignored: only a block quote (the explanation) may follow them",
            "q.md:67:1: warning: a second block quote after the choices of question 'q-extra' is ignored: the first one is the explanation",
        ])
        // Only the question whose problems are warnings is kept.
        #expect(result.questions.map(\.id) == ["q-extra"])
        #expect(result.questionIDs.map(\.id) == ["q-none", "q-one", "q-noexp", "q-nolist", "q-marker", "q-tf2", "q-extra"])
    }

    @Test func quizWithoutQuestionsWarns() {
        let result = extract("Body.\n\n## Quiz\n")
        #expect(LoadingFixtures.lines(result.diagnostics) == ["q.md:3:1: warning: the quiz has no questions: add a '###' heading for each"])
        #expect(result.hasQuizSection)
    }

    @Test func noQuizSection() {
        let result = extract("# Title\n\nBody.\n\n## Quizzes\n")
        #expect(!result.hasQuizSection)
        #expect(result.body.count == 3)
    }

    @Test func attributesSplitFromTheLastText() {
        let (prompt, attributes) = QuizExtractor.splitAttributes([.text("Is `x` "), .code("y"), .text(" right?   {#q-1 .a}  ")])
        #expect(prompt == [.text("Is `x` "), .code("y"), .text(" right?")])
        #expect(attributes == "#q-1 .a")
        let (same, none) = QuizExtractor.splitAttributes([.text("No attributes")])
        #expect(same == [.text("No attributes")])
        #expect(none == nil)
    }
}
