import Testing
@testable import MarrowCore

/// Order, match and type-the-answer questions: the list's shape says the kind
/// (Lessons/README.md, "Order, match and type-the-answer questions").
@Suite struct QuizAnswerListTests {
    private func extract(_ body: String) -> QuizExtractor.Extraction {
        let document = MarkdownConverter.convert(Array(body.utf8)[...], lineOffset: 0, path: "q.md").document
        return QuizExtractor.extract(document.blocks, lessonID: "lesson", path: "q.md")
    }

    /// The three examples of Lessons/README.md, as written there.
    @Test func theREADMEExamplesParse() throws {
        let result = extract("""
            # Lesson

            Body.

            ## Quiz

            ### Put these steps of an allogeneic transplant in order, first to last. {#q-journey-order .journey}

            1. Tests to check the body is ready
            2. Conditioning with chemotherapy
            3. Infusion of the donor's stem cells
            4. Engraftment: the new cells start making blood

            > Tests come first.

            ### Match each kind of transplant to whose stem cells it uses. {#q-source-match .transplant-types}

            - Autologous → the patient's own cells
            - Allogeneic → cells from a donor
            - *Syngeneic* -> cells from an identical twin

            > Auto means self.

            ### When donor immune cells attack the patient's body, what is it called? Type the name. {#q-gvhd-name .gvhd .risk}

            - Answer: graft-versus-host disease
            - answer:   GVHD  

            > Graft-versus-host disease.
            """)
        #expect(result.diagnostics == [])
        #expect(result.questions.map(\.kind) == [.order, .match, .typed])
        let order = result.questions[0]
        #expect(order.orderItems.map(\.plainText) == [
            "Tests to check the body is ready", "Conditioning with chemotherapy",
            "Infusion of the donor's stem cells", "Engraftment: the new cells start making blood",
        ])
        #expect(order.choices.isEmpty && order.shuffledCount == 4)
        #expect(order.tags == ["journey"])
        let match = result.questions[1]
        #expect(match.pairs.map(\.left) == [[.text("Autologous")], [.text("Allogeneic")], [.emphasis([.text("Syngeneic")])]])
        #expect(match.pairs.map(\.right) == [[.text("the patient's own cells")], [.text("cells from a donor")], [.text("cells from an identical twin")]])
        #expect(match.shuffledCount == 3)
        let typed = result.questions[2]
        #expect(typed.acceptedAnswers == ["graft-versus-host disease", "GVHD"])
        #expect(typed.shuffledCount == 0)
        #expect(typed.tags == ["gvhd", "risk"])
    }

    /// A numbered list of choices with boxes stays a choose question, and a step holding an
    /// arrow does not make a numbered list a match.
    @Test func theFirstItemAndTheNumberingDecide() {
        let result = extract("""
            ## Quiz

            ### Numbered choices {#q-numbered}

            1. [x] yes
            2. [ ] no

            > Why.

            ### Steps with an arrow {#q-steps}

            1. Collection → storage
            2. Conditioning
            3. Infusion

            > Why.

            ### Numbered pairs {#q-numbered-pairs}

            1. a → 1
            2. b → 2
            3. c → 3

            > Why.
            """)
        #expect(result.diagnostics == [])
        #expect(result.questions.map(\.kind) == [.single, .order, .match])
        #expect(result.questions[1].orderItems[0] == [.text("Collection → storage")])
    }

    /// Every error of these kinds is reported at the line and column of what is wrong, and a
    /// question with an error is not kept.
    @Test func errorsArePlacedAtTheirItem() {
        let result = extract("""
            ## Quiz

            ### Too few steps {#q-few}

            1. One
            2. Two

            > Why.

            ### Too many pairs {#q-many}

            - a → 1
            - b → 2
            - c → 3
            - d → 4
            - e → 5
            - f → 6
            - g → 7

            > Why.

            ### Same step {#q-same}

            1. Infusion
            2. Conditioning
            3. *infusion.*

            > Why.

            ### Missing partner {#q-partner}

            - a → 1
            - b
            - c →
            - → 4

            > Why.

            ### Same sides {#q-sides}

            - a → 1
            - A → 2
            - c → 2

            > Why.

            ### No answer {#q-empty}

            - Answer:
            - GVHD

            > Why.

            ### A box in a step {#q-box}

            1. Tests
            2. [x] Conditioning
            3. Infusion

            > Why.
            """)
        #expect(LoadingFixtures.lines(result.diagnostics) == [
            "q.md:5:1: error: order question 'q-few' has 2 steps: write 3 to 7",
            "q.md:12:1: error: match question 'q-many' has 7 pairs: write 3 to 6",
            "q.md:26:1: error: order question 'q-same' has the same step twice (also at line 24): the learner could not tell them apart",
            "q.md:33:1: error: a pair of match question 'q-partner' is missing its partner: write 'left → right'",
            "q.md:34:1: error: a pair of match question 'q-partner' is missing its partner: nothing after the arrow",
            "q.md:35:1: error: a pair of match question 'q-partner' is missing its partner: nothing before the arrow",
            "q.md:42:1: error: match question 'q-sides' has the same left item twice (also at line 41)",
            "q.md:43:1: error: match question 'q-sides' has the same right item twice (also at line 42)",
            "q.md:49:1: error: an accepted answer of question 'q-empty' is empty: write it after 'Answer:'",
            "q.md:50:1: error: an item of type-the-answer question 'q-empty' must start with 'Answer:'",
            "q.md:57:1: error: a step of order question 'q-box' has a box: an order question's items are plain steps, without [x] or [ ]",
        ])
        #expect(result.questions.isEmpty)
        #expect(result.questionIDs.count == 7)
    }

    @Test func warningsKeepTheQuestion() {
        let result = extract("""
            ## Quiz

            ### Fixed pairs {#q-fixed .fixed-order}

            - a → 1
              > Feedback has no place here.
            - b → 2
            - c → 3

            > Why.

            ### Twice the same answer {#q-twice}

            - Answer: graft-versus-host disease
            - Answer: Graft versus host disease

            > Why.
            """)
        #expect(LoadingFixtures.lines(result.diagnostics) == [
            "q.md:3:1: warning: '.fixed-order' does not apply to match question 'q-fixed': its items are always shuffled",
            "q.md:6:3: warning: feedback inside an item of question 'q-fixed' is ignored: only choose questions have feedback per choice",
            "q.md:15:1: warning: the accepted answer 'Graft versus host disease' of question 'q-twice' is the same as the one at line 14 once case, accents, punctuation and spaces are ignored: it is not needed",
        ])
        #expect(result.questions.map(\.kind) == [.match, .typed])
    }
}
