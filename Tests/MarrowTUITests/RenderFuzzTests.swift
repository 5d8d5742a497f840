import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// Odd text through the whole front end: the real lessons with Unicode that is hard to
/// lay out (combining marks, wide characters, emoji sequences, flags, long words, tabs,
/// character references of controls) put in at random places, then opened in the reader
/// at several sizes, paged to the end, searched and quizzed to the summary. Nothing may
/// crash, every screen must fit its size, and no control character may reach a cell.
@Suite struct RenderFuzzTests {
    static let lessonsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lessons").path

    static let snippets = [
        "\u{0301}", "e\u{0301}\u{0327}", "👨‍👩‍👧‍👦", "🇫🇷🇯🇵", "造血幹細胞移植", "❤\u{FE0F}", "\t", "a\u{200D}b",
        String(repeating: "Ｗ", count: 300), String(repeating: "x", count: 500), "&#x1B;[2J", "&#x9B;1m", "&#0;", "&#xD800;",
        "\u{202E}", "\u{200B}", "**bold *nested***", "`co\u{0301}de`", "[link](http://x/\u{0301})", "  \n", "\\\n",
        "> > > quote", "1. one\n2. two", "- [x] loose", "# Heading", "---", "```\nfence", "ﷺ", "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
        "\u{0E01}\u{0E49}\u{0E33}", "각", "\u{115F}\u{1160}", "𝕏𝕐", "\u{00AD}", "\r\n",
    ]
    /// Lessons in the seeded sample: every snippet as a first change in a lesson that
    /// opens (a few of the seeds make lessons that do not), with room to spare.
    static let seeds = snippets.count + 8
    static let sizes = [Size(columns: 80, rows: 24), Size(columns: 40, rows: 10), Size(columns: 41, rows: 13), Size(columns: 133, rows: 50)]

    @Test(.timeLimit(.minutes(5)))
    func oddTextNeverBreaksTheScreens() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.lessonsFolder).filter { LessonFileName.isLesson($0) }.sorted()
        try #require(names.count >= 10)
        let originals = names.map { FileManager.default.contents(atPath: Self.lessonsFolder + "/" + $0).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        let clock = ContinuousClock()
        let started = clock.now
        var opened = 0
        // What the lessons that opened were given, to check the sample reaches it all.
        var snippetsShown = Set<Int>(), kindsShown = Set<Int>(), sizesShown = Set<Size>()
        // The snippet whose turn it is to be a first change: it passes to the next one
        // once a lesson with it opened (a mutation may leave a lesson that does not load).
        var turn = 0
        for seed in 0..<UInt64(Self.seeds) {
            var random = SplitMix64(seed: 0xF00D &+ seed)
            let pick = random.index(below: originals.count)
            var lines = originals[pick].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Keep the front matter (the first 40 or so lines hold it) mostly intact: change the body.
            let bodyStart = (lines.indices.dropFirst().first { lines[$0] == "---" } ?? 0) + 1
            var snippetsUsed = Set<Int>(), kindsUsed = Set<Int>()
            for change in 0..<(1 + random.index(below: 6)) {
                guard bodyStart < lines.count else { break }
                let i = bodyStart + random.index(below: lines.count - bodyStart)
                // The first change puts in the snippets in turn, so a seeded sample of this
                // size shows every one; the others are drawn at random.
                let s = change == 0 ? turn % Self.snippets.count : random.index(below: Self.snippets.count)
                let snippet = Self.snippets[s]
                let kind = change == 0 ? Int(seed) % 3 : random.index(below: 4)
                if kind < 3 { snippetsUsed.insert(s) }
                kindsUsed.insert(kind)
                switch kind {
                case 0: lines[i] += snippet
                case 1: lines.insert(snippet, at: i)
                case 2:
                    let at = random.index(below: lines[i].count + 1)
                    lines[i].insert(contentsOf: snippet, at: lines[i].index(lines[i].startIndex, offsetBy: at))
                default: lines.remove(at: i)
                }
            }
            let text = lines.joined(separator: "\n")
            let load = CourseLoader.loadLesson(bytes: Array(text.utf8), path: "Lessons/" + names[pick])
            guard let lesson = load.lesson else { continue }
            opened += 1
            turn += 1
            snippetsShown.formUnion(snippetsUsed)
            kindsShown.formUnion(kindsUsed)
            let course = Course(info: CourseInfo(id: "fuzz", title: "Fuzz"), lessons: [lesson], directory: "Lessons")
            let size = Self.sizes[random.index(below: Self.sizes.count)]
            sizesShown.insert(size)
            var state = AppTestCourse.state(size: size, course: course)
            var screen = App.render(state, size: size)
            func step(_ key: Key) {
                state = App.update(state, .key(key))
                screen = App.render(state, size: size)
                check(screen, size: size, seed: seed)
            }
            if state.top is DisclaimerScreen { step(.enter) }
            step(.enter)
            #expect(state.top is ReaderScreen, "seed \(seed)")
            var pages = 0
            while !screen.text.contains("End of lesson"), pages < 400 {
                step(.pageDown)
                pages += 1
            }
            #expect(pages < 400, "seed \(seed): never reached the end")
            // A narrower and a wider terminal, then back.
            for other in [Size(columns: 40, rows: 10), Size(columns: 200, rows: 60), size] {
                state = App.update(state, .resize(other))
                check(App.render(state, size: other), size: other, seed: seed)
            }
            for key in [Key.character("o"), .end, .enter, .character("w"), .escape, .character("/")] { step(key) }
            if state.top is SearchScreen {
                for character in "the" { step(.character(character)) }
                step(.enter)
            }
            if state.top is ReaderScreen, !lesson.quiz.isEmpty {
                step(.character("t"))
                for _ in 0..<lesson.quiz.count {
                    step(.character("1"))
                    step(.character("t"))
                    step(.enter)
                    step(.enter)
                }
                step(.pageDown)
            }
        }
        print("RenderFuzz: \(opened) lessons through every screen in \(clock.now - started)")
        #expect(opened > Self.seeds / 2)
        #expect(snippetsShown.count == Self.snippets.count, "snippets never shown: \(Set(Self.snippets.indices).subtracting(snippetsShown).sorted())")
        #expect(kindsShown == [0, 1, 2, 3] && sizesShown == Set(Self.sizes))
    }

    /// Every cell holds a drawable character: no control, nothing that moves the cursor.
    func check(_ buffer: ScreenBuffer, size: Size, seed: UInt64) {
        #expect(buffer.size == size)
        for row in 0..<size.rows {
            for column in 0..<size.columns {
                let cell = buffer[row, column]
                if cell.isContinuation { continue }
                if let bad = cell.character.unicodeScalars.first(where: { Sanitizer.isForbidden($0) || $0 == "\n" || $0 == "\t" }) {
                    Issue.record("seed \(seed): U+\(String(bad.value, radix: 16)) at \(row),\(column)")
                    return
                }
            }
        }
    }
}
