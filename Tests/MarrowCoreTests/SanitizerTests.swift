import Testing
@testable import MarrowCore

/// What never reaches a terminal, and how messages and JSON show it instead.
@Suite struct SanitizerTests {
    @Test func cleanRemovesControlsBidiAndInvisibleZeroWidth() {
        let text = "a\u{1B}[2Jb\u{9B}c\u{202E}d\u{2066}e\u{200B}f\u{2060}g\u{FEFF}h\u{200D}i\u{200C}j\tk\nl"
        #expect(Sanitizer.clean(text) == "a[2Jbcdefgh\u{200D}i\u{200C}j k\nl")
        #expect(Sanitizer.clean(text, singleLine: true) == "a[2Jbcdefgh\u{200D}i\u{200C}j k l")
        #expect(Sanitizer.clean("plain text") == "plain text")
    }

    @Test func visibleWritesCodePoints() {
        #expect(Sanitizer.visible("bad\u{1B}]52;c;x\u{07}id\u{202E}\t") == "bad<U+001B>]52;c;x<U+0007>id<U+202E><U+0009>")
        #expect(Sanitizer.visible("fine") == "fine")
        let diagnostic = Diagnostic(path: "a\u{1B}.md", line: 1, column: 1, message: "not '\u{1B}[31m'")
        #expect(diagnostic.message == "not '<U+001B>[31m'")
        #expect(diagnostic.description == "a<U+001B>.md:1:1: error: not '<U+001B>[31m'")
    }

    @Test func jsonSafeEscapesWhatEncodersPassThrough() {
        #expect(Sanitizer.jsonSafe("{\n  \"t\" : \"a\u{9B}b\u{202E}c\u{7F}\u{FEFF}é\"\n}") == "{\n  \"t\" : \"a\\u009bb\\u202ec\\u007f\\ufeffé\"\n}")
        #expect(Sanitizer.jsonSafe("{\"t\":\"plain\"}") == "{\"t\":\"plain\"}")
    }
}
