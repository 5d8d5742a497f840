import Testing
@testable import MarrowTUI

/// The notice for a locale that cannot be used (finding 11 of issue 12).
@Suite struct LocaleNoticeTests {
    @Test func aLocaleNotInstalledIsNamed() {
        #expect(Terminal.localeNotice(requested: ("LANG", "en_US.UTF-8"), fallback: true)
                == "The locale en_US.UTF-8 (from LANG) is not installed; Marrow uses C.UTF-8 instead. Install it, or set LANG=C.UTF-8, to silence this.")
        #expect(Terminal.localeNotice(requested: ("LC_ALL", "de_DE.UTF-8\u{1B}[31m"), fallback: false)
                == "The locale de_DE.UTF-8<U+001B>[31m (from LC_ALL) is not installed and C.UTF-8 is not available: some characters may not show correctly.")
    }

    @Test func aLocaleThatIsNotUTF8KeepsItsWords() {
        #expect(Terminal.localeNotice(requested: nil, fallback: true).hasPrefix("Your locale is not UTF-8; Marrow is using C.UTF-8"))
    }
}
