import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

@Suite struct GlossaryScreenTests {
    typealias F = QuizTestCourse

    func type(_ text: String, into screen: inout GlossaryScreen, _ context: inout AppContext) {
        for c in text { #expect(screen.update(.character(c), context: &context) == nil) }
    }

    @Test func termsAreAlphabeticalIgnoringCaseAndAccents() {
        let names = GlossaryScreen().entries(in: F.course()).map(\.term)
        #expect(names == ["allogeneic", "Autologous", "Bone marrow", "Conditioning", "Éclairage", "Engraftment",
                          "Graft-versus-host disease", "HLA", "Mucositis", "Neutropenia", "Stem cell"])
    }

    @Test func typingFiltersByTermAliasAndDefinition() {
        var context = F.context()
        var screen = GlossaryScreen()
        type("gvhd", into: &screen, &context)
        #expect(screen.filter == "gvhd")
        #expect(screen.entries(in: context.course).map(\.term) == ["Graft-versus-host disease"])
        _ = screen.update(.control("u"), context: &context)
        type("BACTERIA", into: &screen, &context)
        #expect(screen.entries(in: context.course).map(\.term) == ["Neutropenia"])
        _ = screen.update(.control("u"), context: &context)
        type("eclair", into: &screen, &context)
        #expect(screen.entries(in: context.course).map(\.term) == ["Éclairage"])
    }

    @Test func lettersThatAreKeysElsewhereAreTyped() {
        var context = F.context()
        var screen = GlossaryScreen()
        type("qjkgG b", into: &screen, &context)
        #expect(screen.filter == "qjkgG b")
        #expect(screen.scroll == 0)
    }

    @Test func backspaceAndDeleteEdit() {
        var context = F.context()
        var screen = GlossaryScreen()
        type("hlx", into: &screen, &context)
        #expect(screen.entries(in: context.course).isEmpty)
        #expect(F.render(screen, context: context).text.contains("No terms match “hlx”."))
        _ = screen.update(.backspace, context: &context)
        #expect(screen.filter == "hl")
        #expect(screen.entries(in: context.course).map(\.term).contains("HLA"))
        _ = screen.update(.delete, context: &context)
        _ = screen.update(.backspace, context: &context)
        _ = screen.update(.backspace, context: &context)
        #expect(screen.filter == "")
    }

    @Test func escClearsTheFilterThenGoesBack() {
        var context = F.context()
        var screen = GlossaryScreen()
        type("stem", into: &screen, &context)
        #expect(screen.update(.escape, context: &context) == nil)
        #expect(screen.filter == "")
        #expect(screen.update(.escape, context: &context) == .back)
    }

    @Test func questionMarkHelpsOnlyWithAnEmptyFilter() {
        var context = F.context()
        var screen = GlossaryScreen()
        #expect(screen.update(.ch("?"), context: &context) == .openHelp)
        type("a", into: &screen, &context)
        #expect(screen.update(.ch("?"), context: &context) == nil)
        #expect(screen.filter == "a?")
        #expect(!screen.statusKeys.contains { $0.keys == "?" })
    }

    @Test func termsOnThePageThenAllTerms() {
        var context = F.context()
        var screen = GlossaryScreen(terms: ["GVHD", "engraftment"])
        #expect(screen.entries(in: context.course).map(\.term) == ["Engraftment", "Graft-versus-host disease"])
        let text = F.render(screen, context: context).text
        #expect(text.contains("Terms on this page (2) — Esc: all terms"))
        #expect(screen.statusKeys.contains(KeyHelp("Esc", "all terms")))
        type("zz", into: &screen, &context)
        _ = screen.update(.escape, context: &context)
        #expect(screen.limitedTo != nil)
        #expect(screen.update(.escape, context: &context) == nil)
        #expect(screen.limitedTo == nil)
        #expect(screen.entries(in: context.course).count == 11)
        #expect(screen.update(.escape, context: &context) == .back)
    }

    @Test func noTermsOnThePage() {
        let context = F.context()
        let screen = GlossaryScreen(terms: [])
        #expect(F.render(screen, context: context).text.contains("None of the glossary's terms are on this page."))
    }

    @Test func scrollKeys() {
        var context = F.context(columns: 40, rows: 12)
        var screen = GlossaryScreen()
        _ = screen.update(.down, context: &context)
        #expect(screen.scroll == 1)
        _ = screen.update(.control("n"), context: &context)
        #expect(screen.scroll == 2)
        _ = screen.update(.control("p"), context: &context)
        _ = screen.update(.up, context: &context)
        #expect(screen.scroll == 0)
        _ = screen.update(.up, context: &context)
        #expect(screen.scroll == 0)
        _ = screen.update(.pageDown, context: &context)
        let page = screen.scroll
        #expect(page > 2)
        _ = screen.update(.pageUp, context: &context)
        #expect(screen.scroll == 0)
        _ = screen.update(.end, context: &context)
        let end = screen.scroll
        #expect(end > page)
        _ = screen.update(.down, context: &context)
        #expect(screen.scroll == end)
        _ = screen.update(.home, context: &context)
        #expect(screen.scroll == 0)
        // Typing goes back to the top.
        _ = screen.update(.end, context: &context)
        type("e", into: &screen, &context)
        #expect(screen.scroll == 0)
        for key in [Key.left, .right, .tab, .backTab, .enter, .control("x")] {
            #expect(screen.update(key, context: &context) == nil)
        }
        #expect(screen.filter == "e")
    }

    @Test func cursorFollowsTheFilter() {
        var context = F.context()
        var screen = GlossaryScreen()
        var buffer = F.render(screen, context: context)
        #expect(buffer.cursor?.row == 1)
        let start = buffer.cursor!.column
        type("gv", into: &screen, &context)
        buffer = F.render(screen, context: context)
        #expect(buffer.cursor?.column == start + 2)
    }

    @Test func controlCharactersAreNotTyped() {
        var context = F.context()
        var screen = GlossaryScreen()
        _ = screen.update(.character("\u{1B}"), context: &context)
        _ = screen.update(.character("\u{7}"), context: &context)
        #expect(screen.filter == "")
    }

    @Test func snapshots() {
        for (columns, rows) in [(80, 24), (40, 12)] {
            var context = F.context(columns: columns, rows: rows)
            assertSnapshot(F.render(GlossaryScreen(), context: context), named: "glossary-full-\(columns)x\(rows)")
            var filtered = GlossaryScreen()
            type("marrow", into: &filtered, &context)
            assertSnapshot(F.render(filtered, context: context), named: "glossary-filtered-\(columns)x\(rows)")
            var none = GlossaryScreen()
            type("xyz", into: &none, &context)
            assertSnapshot(F.render(none, context: context), named: "glossary-no-match-\(columns)x\(rows)")
            let page = GlossaryScreen(terms: ["GVHD", "Engraftment", "HLA"])
            assertSnapshot(F.render(page, context: context), named: "glossary-terms-on-page-\(columns)x\(rows)")
        }
    }

    @Test func tinySizesDoNotCrash() {
        for (columns, rows) in [(1, 1), (3, 2), (10, 3), (20, 5)] {
            var context = F.context(columns: columns, rows: rows)
            var screen = GlossaryScreen()
            type("ab", into: &screen, &context)
            _ = screen.update(.end, context: &context)
            _ = F.render(screen, context: context)
        }
    }
}

/// The filter's order and the names shown, on the shipped glossary.
@Suite struct GlossaryRankingTests {
    static let course = CourseLoader.load(directory: CourseMapTitleTests.lessonsFolder)

    @Test func exactNamesAndAcronymsComeFirst() throws {
        try #require(Self.course.glossary.count > 20)
        var context = AppContext(course: Self.course, progress: LearnerProgress(), now: CourseMapTitleTests.now, clock: .utc)
        var glossary = GlossaryScreen()
        for c in "gvhd" { _ = glossary.update(.character(c), context: &context) }
        let entries = glossary.entries(in: Self.course).map(\.term)
        #expect(entries.first == "Graft-versus-host disease", "\(entries.prefix(4))")
        // Terms that only mention GVHD in their definition come after those named by it.
        let calcineurin = try #require(entries.firstIndex(of: "Calcineurin inhibitor"))
        let steroidRefractory = try #require(entries.firstIndex(of: "Steroid-refractory GVHD"))
        #expect(steroidRefractory < calcineurin)
        // Case and accents do not matter, nor the order of the rest.
        var upper = GlossaryScreen()
        for c in "GVHD" { _ = upper.update(.character(c), context: &context) }
        #expect(upper.entries(in: Self.course).map(\.term) == entries)
    }

    @Test func pluralsAreNotListedAsOtherNames() throws {
        let term = try #require(Self.course.glossary.first { $0.term == "Calcineurin inhibitor" })
        #expect(term.aliases.contains("calcineurin inhibitors"))
        #expect(!GlossaryScreen.shownAliases(of: term).contains("calcineurin inhibitors"))
        #expect(GlossaryScreen.shownAliases(of: term).contains("tacrolimus"))
        let made = GlossaryTerm(term: "Therapy", definition: "d", aliases: ["therapies", "treatment", "treatments", "Rx"])
        #expect(GlossaryScreen.shownAliases(of: made) == ["treatment", "Rx"])
        // Still found by the plural.
        #expect(GlossaryScreen.rank(made, needle: "therapies") == 1)
        let text = GlossaryScreen().lines(course: Self.course, width: 76).map(\.plainText).joined(separator: "\n")
        #expect(!text.contains("calcineurin inhibitors"))
    }
}
