import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// `AppState` is `Equatable` (the screen stack is an enum of screens, the day
/// clock a value), so whole states can be compared: what a key changed, and
/// that it changed nothing else.
@Suite struct AppStateEqualityTests {
    /// One state per kind of screen, each reached by keys from the course map.
    static func everyScreen() -> [(name: String, state: AppState)] {
        let map = AppTestCourse.state()
        let reader = press([.enter], in: map)
        let states = [
            ("course map", map),
            ("disclaimer", press("d", in: map)),
            ("reader", reader),
            ("outline", press("o", in: reader)),
            ("quiz", press("t", in: map)),
            ("quiz feedback", press("t1", in: map)),
            ("progress review", press("p", in: map)),
            ("glossary", press("w", in: map)),
            ("search", press("/en", in: map)),
            ("help", press("?", in: reader)),
        ]
        return states
    }

    @Test func everyKindOfScreenIsReached() {
        let kinds = Set(Self.everyScreen().map { "\(type(of: $0.state.top))" })
        #expect(kinds == ["CourseMapScreen", "DisclaimerScreen", "ReaderScreen", "OutlineScreen", "QuizScreen",
                          "ProgressReviewScreen", "GlossaryScreen", "SearchScreen", "HelpScreen"])
    }

    /// `update` is a function of the state and the event: the same key on equal
    /// states gives equal states, on every screen.
    @Test func updateIsDeterministicOnEveryScreen() {
        let keys: [Key] = [.enter, .escape, .up, .down, .pageDown, .home, .end, .tab, .backspace,
                           .character("j"), .character("1"), .character("2"), .character("b"), .character("x"), .character("?")]
        for (name, state) in Self.everyScreen() {
            let copy = state
            #expect(copy == state, "\(name)")
            for key in keys {
                #expect(App.update(state, .key(key)) == App.update(copy, .key(key)), "\(name): \(key)")
            }
        }
    }

    /// Keys that do nothing leave the whole state equal: no screen, effect,
    /// message or saved position changed behind the learner's back.
    @Test func keysThatDoNothingLeaveTheStateEqual() {
        for (name, state) in Self.everyScreen() {
            #expect(press([.control("l")], in: state) == state, "\(name): Ctrl-L only redraws")
        }
        // Too small to show anything: every key but q (and Ctrl-C) is ignored.
        let reader = press([.enter], in: AppTestCourse.state())
        let small = App.update(reader, .resize(Size(columns: 20, rows: 5)))
        #expect(press([.character("j"), .character("G"), .enter, .escape, .character("t"), .pageDown], in: small) == small)
    }

    /// Equality sees a change anywhere: the top screen's own state, a screen
    /// below it, the context.
    @Test func aChangeAnywhereMakesStatesDiffer() {
        let reader = press([.enter], in: AppTestCourse.state())
        #expect(press("j", in: reader) != reader)
        let help = press("?", in: reader)
        let helpOverScrolled = press("?", in: press("j", in: reader))
        #expect(help.top as? HelpScreen == helpOverScrolled.top as? HelpScreen)
        #expect(help != helpOverScrolled)
        var later = reader
        later.context.now = reader.context.now.addingTimeInterval(1)
        #expect(later != reader)
    }

    @Test func dayClocksAreEqualWhenTheyAreTheSameZone() {
        #expect(DayClock.utc == .fixed(secondsEastOfUTC: 0))
        #expect(DayClock.fixed(secondsEastOfUTC: 3600) != .utc)
        #expect(DayClock.system != .utc)
        #expect(DayClock.fixed(secondsEastOfUTC: 3600).day(of: Date(timeIntervalSince1970: 86_400 - 1)).dayNumber == 1)
    }
}
