import Testing
@testable import MarrowCore

/// Citation markers: a statistic in a lesson's prose says which source it comes from.
@Suite struct CitationCheckTests {
    private func diagnostics(_ body: String) -> [String] {
        LoadingFixtures.lines(LoadingFixtures.lesson(LoadingFixtures.frontMatter + body + "\n\n## Quiz\n").diagnostics)
            .filter { !$0.contains("quiz without questions") && !$0.contains("no questions") }
    }

    @Test(arguments: [
        "About 35% of patients were helped.",
        "About 35 percent of patients were helped.",
        "Each brother or sister has a 1 in 4 chance.",
        "Each brother or sister has a one in four chance.",
        "About 2 out of 3 found a donor.",
        "About half of patients stay in remission.",
        "The study followed 5,215 patients.",
        "Engraftment takes 2–4 weeks.",
        "Engraftment takes 2 to 4 weeks.",
        "Most centers ask you to stay close for 100 days.",
        "Recovery can take one year or more.",
        "The risk was three times higher.",
    ])
    func aStatisticWithoutAMarkerIsAWarning(sentence: String) {
        let found = diagnostics(sentence)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("Lessons/01-test.md:13:1: warning: ") == true, "\(found)")
        #expect(found.first?.contains("states a statistic without a citation: add [N]") == true)
        #expect(diagnostics(sentence.dropLast() + " [1].").isEmpty)
    }

    @Test(arguments: [
        "Transplant day is called day 0.",
        "Lesson 3 explains cord blood.",
        "The drug was approved in 2023.",
        "Ask your team (see lesson 10) about it.",
        "A parent shares half the markers.",
    ])
    func sentencesWithoutAStatisticNeedNoMarker(sentence: String) {
        #expect(diagnostics(sentence).isEmpty)
    }

    @Test func aMarkerPastTheSourcesListIsAnErrorAtItsSentence() {
        let found = diagnostics("First sentence here. Counts stay low for 2 weeks [1, 3].\nThen a second line [2].")
        #expect(found == [
            "Lessons/01-test.md:13:22: error: citation [3] has no source: the lesson's 'sources' list has 1 source",
            "Lessons/01-test.md:14:1: error: citation [2] has no source: the lesson's 'sources' list has 1 source",
        ])
        #expect(LoadingFixtures.lesson(LoadingFixtures.frontMatter + "Low for 2 weeks [0].\n\n## Quiz\n").broken != nil)
    }

    @Test func listItemsAndQuotesAreCheckedButHeadingsCodeAndTheQuizAreNot() {
        let body = """
            ## 50% of headings

            - A list item with 40% in it.

            > A quote about 3 weeks.

            ```
            code with 90% in it
            ```
            """
        let found = diagnostics(body)
        #expect(found.count == 2, "\(found)")
        #expect(found[0].hasPrefix("Lessons/01-test.md:15:3: warning: '40%'"))
        #expect(found[1].hasPrefix("Lessons/01-test.md:17:3: warning: '3 weeks'"))
        let quiz = LoadingFixtures.lesson(LoadingFixtures.frontMatter + "Text.\n\n## Quiz\n\n### About 90% of what? {#q1}\n\n- [x] A\n- [ ] B\n\n> 50% of the time.\n")
        #expect(quiz.diagnostics.isEmpty, "\(quiz.diagnostics)")
    }

    @Test func abbreviationsDoNotEndASentence() {
        #expect(diagnostics("Some drugs, e.g. ruxolitinib, help 50% of patients [1].").isEmpty)
        #expect(CitationCheck.markers(in: "text [2, 5] and [x] and [10]") == [2, 5, 10])
    }
}
