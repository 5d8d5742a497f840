import Testing
@testable import MarrowCore

/// A progress file nested 100,000 deep is "nested too deeply", not "may have been
/// cut short" (finding 11 of issue 12): the learner's next step differs.
@Suite struct NestedTooDeeplyTests {
    static let deep = 100_000

    static func reason(_ text: String) -> String? {
        guard case .unusable(let reason) = ProgressStore.decodeState(Array(text.utf8)) else { return nil }
        return reason
    }

    @Test(arguments: [
        String(repeating: "[", count: deep) + String(repeating: "]", count: deep),
        #"{"schemaVersion":1,"courses":{"x":"# + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "}}",
        #"{"schemaVersion":1,"courses":"# + String(repeating: "{\"a\":", count: deep) + "1" + String(repeating: "}", count: deep) + "}",
    ])
    func deepNestingIsSaidSo(_ text: String) {
        #expect(Self.reason(text) == "is nested too deeply to be a progress file (over 512 levels of [ and {)")
    }

    /// Cut short stays "cut short", brackets in strings do not count, and a file just
    /// within the decoder's depth is read.
    @Test func otherDamageKeepsItsWords() {
        #expect(Self.reason(#"{"schemaVersion":1,"courses":{"#) == "is not valid JSON (it may have been cut short)")
        #expect(Self.reason(#"{"schemaVersion":1,"x":""# + String(repeating: "[", count: 1000)) == "is not valid JSON (it may have been cut short)")
        #expect(!JSONDepth.exceeds(Array((String(repeating: "[", count: 512) + String(repeating: "]", count: 512)).utf8)))
        #expect(JSONDepth.exceeds(Array((String(repeating: "[", count: 513)).utf8)))
    }
}
