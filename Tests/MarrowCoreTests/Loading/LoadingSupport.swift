import Foundation
import Testing
@testable import MarrowCore

/// Where the test fixtures are: the `Fixtures` folder copied into the test bundle.
enum LoadingFixtures {
    static var root: String {
        Bundle.module.resourcePath! + "/Fixtures"
    }

    static func course(_ name: String) -> String {
        root + "/courses/" + name
    }

    /// Loads a lesson written in a test; `text` is the whole file.
    static func lesson(_ text: String, path: String = "Lessons/01-test.md") -> LessonLoad {
        CourseLoader.loadLesson(bytes: Array(text.utf8), path: path)
    }

    /// A complete front matter for tests that are about the body.
    static let frontMatter = """
        ---
        id: test
        title: Test
        summary: A test lesson.
        minutes: 3
        objectives:
          - Test things.
        sources:
          - title: Example
            url: https://example.org
        reviewed: 2026-11-26
        ---

        """

    /// `frontMatter` has 12 lines: the body's first line is line 13.
    static let bodyFirstLine = 13

    static func lines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map(\.description)
    }
}
