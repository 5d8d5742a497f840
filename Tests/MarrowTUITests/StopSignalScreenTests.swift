import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// A stop signal on every screen of the app, through the real `RunLoop` on the
/// test terminal (real files): the loop saves what the screen holds (an answer
/// given, the reading place), gives the terminal back and ends with 128 + the
/// signal. What the signal itself does to the process (its handler, the exit
/// status, the terminal's modes) is the same on every screen: that is checked
/// through the real binary, once per signal, by `SignalScreenTests`.
@Suite struct StopSignalScreenTests {
    /// A screen of the app: how to reach it from the course map, the text that shows it is there.
    struct Screen: Sendable, CustomTestStringConvertible {
        var name: String
        var keys: [Key]
        var title: String
        var testDescription: String { name }
    }

    static let screens = [
        Screen(name: "course map", keys: [], title: "Course map"),
        Screen(name: "reader", keys: [.enter], title: "Reader"),
        Screen(name: "outline", keys: [.enter, .character("o")], title: "Outline"),
        Screen(name: "quiz before answering", keys: [.character("t")], title: "Question 1 of"),
        Screen(name: "quiz", keys: [.character("t"), .character("2"), .enter], title: "✓ Correct"),
        Screen(name: "progress review", keys: [.character("p")], title: "Progress review"),
        Screen(name: "glossary", keys: [.character("w")], title: "Glossary"),
        Screen(name: "search", keys: [.character("/"), .character("m"), .character("a"), .character("r")], title: "Search"),
        Screen(name: "help", keys: [.character("?")], title: "Help"),
    ]

    @Test(arguments: screens)
    func aStopSignalSavesWhatTheScreenHolds(screen: Screen) throws {
        let app = try InProcessApp()
        defer { app.cleanUp() }
        // The disclaimer seen: the app opens on the course map.
        try #"{"schemaVersion":1,"courses":{"e2e":{"disclaimerSeen":true}}}"#.write(toFile: app.progressPath, atomically: true, encoding: .utf8)
        // A question throws keys typed ahead of it away: the answer waits for it.
        var steps: [TestTerminal.Step] = [.waitFor("Course map")]
        for key in screen.keys {
            steps.append(.key(key))
            if key == .character("t") { steps.append(.waitFor("Question 1 of")) }
        }
        steps += [.waitFor(screen.title), .capture("screen"), .signal(SIGTERM)]
        let run = try app.run(steps)
        #expect(run.status == 128 + SIGTERM, "\(screen.name)")
        #expect(run.terminal.restoreCount >= 1, "\(screen.name)")
        #expect(run.terminal.captures["screen"]?.contains(screen.title) == true, "\(screen.name)")

        let answered = screen.name == "quiz" ? 1 : 0
        #expect(try app.answers().count == answered, "\(screen.name)")
        let loaded = try app.store.load()
        #expect(loaded.notices.isEmpty, "\(screen.name): \(loaded.notices)")
        let course = loaded.progress[course: "e2e"]
        #expect(course.disclaimerSeen, "\(screen.name)")
        #expect(course.lessons.values.flatMap(\.attempts).map(\.answers.count).reduce(0, +) == answered, "\(screen.name)")
        if screen.keys.first == .enter { #expect(course.lastPlace?.lessonID == "long-lesson", "\(screen.name)") }
    }
}
