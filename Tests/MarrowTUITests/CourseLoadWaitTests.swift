import Foundation
import Synchronization
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// The app while its course still loads (finding 5 of issue 12: its main thread
/// waited for the load and ignored q, Ctrl-C, SIGTERM and SIGHUP). The load here
/// is held on a gate the test opens, so "still loading" is certain, not timed.
@Suite(.timeLimit(.minutes(5))) struct CourseLoadWaitTests {
    /// A course load that ends only when `open()` is called.
    final class Gate: Sendable {
        let opened = Atomic<Bool>(false)
        func open() { opened.store(true, ordering: .releasing) }
        func load() -> BackgroundValue<Course> {
            let value = BackgroundValue { [self] in
                while !opened.load(ordering: .acquiring) { usleep(1_000) }
                return Course(info: CourseInfo(id: "c", title: "C"), lessons: [])
            }
            value.start()
            return value
        }
    }

    /// Events handed out one per read, then nothing (a read that timed out).
    final class Keys {
        var events: [Event?]
        var reads = 0
        init(_ events: [Event?]) { self.events = events }
        func read() -> Event? {
            reads += 1
            return events.isEmpty ? nil : events.removeFirst()
        }
    }

    @Test(arguments: [Event.key(.character("q")), .key(.control("c")), .inputClosed])
    func qCtrlCOrClosedInputLeaveWhileLoading(_ leave: Event) {
        let gate = Gate()
        let load = gate.load()
        defer { gate.open(); _ = load.join() }
        let keys = Keys([nil, .key(.down), leave])
        guard case .left(let status) = CourseLoadWait.wait(for: load, grace: 0, readEvent: keys.read, stopRequested: { nil }) else {
            Issue.record("the wait ended with the course, but the load was still held")
            return
        }
        #expect(status == 0)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalLeavesWhileLoading(_ signal: Int32) {
        let gate = Gate()
        let load = gate.load()
        defer { gate.open(); _ = load.join() }
        var asked = 0
        let outcome = CourseLoadWait.wait(for: load, grace: 10, readEvent: { nil }, stopRequested: {
            asked += 1
            return asked > 3 ? signal : nil
        })
        guard case .left(let status) = outcome else {
            Issue.record("the wait ended with the course, but the load was still held")
            return
        }
        #expect(status == 128 + signal)
    }

    /// Keys typed during a slow load are kept, in order, for the app.
    @Test func otherKeysAreKeptForTheApp() {
        let gate = Gate()
        let load = gate.load()
        let keys = Keys([.key(.down), nil, .key(.enter)])
        let outcome = CourseLoadWait.wait(for: load, grace: 0, readEvent: {
            let event = keys.read()
            if keys.events.isEmpty { gate.open() }
            return event
        }, stopRequested: { nil })
        guard case .loaded(let course, let pending) = outcome else {
            Issue.record("left instead of loading")
            return
        }
        #expect(course.info.id == "c")
        #expect(pending == [.key(.down), .key(.enter)])
    }

    /// A load that ends within the grace time reads no key: keys reach the app as before.
    @Test func aQuickLoadReadsNoKey() {
        let gate = Gate()
        gate.open()
        let load = gate.load()
        let keys = Keys([.key(.character("q"))])
        guard case .loaded(_, let pending) = CourseLoadWait.wait(for: load, grace: 60, readEvent: keys.read, stopRequested: { nil }) else {
            Issue.record("left instead of loading")
            return
        }
        #expect(pending.isEmpty)
        #expect(keys.reads == 0)
    }
}
