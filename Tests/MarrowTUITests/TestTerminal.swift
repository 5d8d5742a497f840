import Foundation
import Testing
@testable import MarrowCore
@testable import MarrowTUI

/// An in-memory terminal for running the real `RunLoop` in-process, in the
/// spirit of ratatui's `TestBackend` and Bubble Tea's teatest: scripted steps
/// in, frames out, and a clock that moves one `tick` per read.
///
/// Each read takes the next step. When the script is done the input is closed,
/// so the app saves and leaves: a run always ends. A `waitFor` step gives the
/// loop reads with nothing in them until the screen shows its text (a hang
/// guard of a few seconds records an issue and goes on).
final class TestTerminal: TerminalBackend {
    enum Step {
        case event(Event)
        /// A signal arrives (the loop sees it through `stopRequested`).
        case signal(Int32)
        /// Reads with nothing in them until the screen contains the text.
        case waitFor(String)
        /// Keeps the screen's text under a name, for the test to look at after the run.
        case capture(String)
        /// Runs an action between two reads (releasing a lock, say).
        case perform(() -> Void)
    }

    private(set) var size: Size
    /// Every buffer drawn, oldest first.
    private(set) var frames: [ScreenBuffer] = []
    private(set) var captures: [String: String] = [:]
    private(set) var restoreCount = 0
    private(set) var invalidations = 0
    private(set) var now: Date
    private(set) var stopSignal: Int32?
    let tick: TimeInterval
    private var steps: [Step]
    private var waitStarted: ContinuousClock.Instant?

    init(size: Size = Size(columns: 80, rows: 24), now: Date = Date(timeIntervalSince1970: 1_780_000_000), tick: TimeInterval = 1,
         steps: [Step]) {
        self.size = size
        self.now = now
        self.tick = tick
        self.steps = steps
    }

    /// The text of the last frame drawn.
    var screen: String { frames.last?.text ?? "" }

    func draw(_ buffer: ScreenBuffer) { frames.append(buffer) }
    func invalidate() { invalidations += 1 }
    /// Keys thrown away by `discardTypeahead`, oldest first.
    private(set) var discarded: [Key] = []

    /// The keys at the head of the script, up to the first step that waits,
    /// captures, acts or signals, count as typed ahead (already in the input
    /// queue): they are thrown away, as curses' `flushinp` would.
    func discardTypeahead() {
        while case .event(.key(let key))? = steps.first {
            discarded.append(key)
            steps.removeFirst()
        }
    }
    /// How many times the app stepped aside for the shell (Ctrl-Z).
    private(set) var suspensions = 0
    func suspend() { suspensions += 1 }
    func resume() { invalidations += 1 }
    func restore() { restoreCount += 1 }

    func readEvent(timeout: Duration) -> Event? {
        now += tick
        guard let step = steps.first else { return .inputClosed }
        switch step {
        case .event(let event):
            steps.removeFirst()
            if case .resize(let newSize) = event { size = newSize }
            return event
        case .signal(let number):
            steps.removeFirst()
            stopSignal = number
        case .capture(let name):
            steps.removeFirst()
            captures[name] = screen
        case .perform(let action):
            steps.removeFirst()
            action()
        case .waitFor(let text):
            if screen.contains(text) {
                steps.removeFirst()
                waitStarted = nil
                return nil
            }
            let started = waitStarted ?? ContinuousClock.now
            waitStarted = started
            if ContinuousClock.now - started > .seconds(30) {
                Issue.record("the screen never showed \"\(text)\":\n\(screen)")
                steps.removeFirst()
                waitStarted = nil
            }
            // Nothing came within a short part of the timeout: the loop looks again.
            usleep(1_000)
        }
        return nil
    }
}

extension TestTerminal.Step {
    static func key(_ key: Key) -> Self { .event(.key(key)) }
    static func character(_ character: Character) -> Self { .event(.key(.character(character))) }
    static func resize(columns: Int, rows: Int) -> Self { .event(.resize(Size(columns: columns, rows: rows))) }
}

/// One run of the app in-process: the course from a folder, progress in a temp
/// folder, the real `RunLoop` and effects (real files, locks) on a `TestTerminal`.
struct InProcessApp {
    let lessons: String
    let folder: String
    var progressPath: String { folder + "/progress.json" }

    /// The end-to-end fixture course (two lessons, a two-question quiz).
    static let fixtureCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../MarrowProcessTests/Fixtures/course").standardizedFileURL.path

    init(lessons: String = fixtureCourse) throws {
        self.lessons = lessons
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marrow-inprocess-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

    var store: ProgressStore { ProgressStore(path: progressPath) }

    /// Runs the app as `MarrowApp.run` does after launch, through the script;
    /// returns the exit code and the terminal (frames, captures).
    /// `lockWaitLimit`: how long a save waits for a held lock (the app's 20 s unless given).
    func run(_ steps: [TestTerminal.Step], size: Size = Size(columns: 80, rows: 24),
             suspendForShell: @escaping () -> Void = {}, lockWaitLimit: Duration = LockWaitView.limit) throws -> (status: Int32, terminal: TestTerminal) {
        let store = self.store
        let loaded = try store.load()
        let course = CourseLoader.load(directory: lessons)
        let terminal = TestTerminal(size: size, steps: steps)
        let context = AppContext(course: course, progress: loaded.progress, now: terminal.now, monochrome: true, notices: loaded.notices)
        var loop = RunLoop(terminal: terminal, store: store, state: AppState(context: context, size: size),
                           clock: { terminal.now }, stopRequested: { terminal.stopSignal }, suspendForShell: suspendForShell,
                           lockWaitLimit: lockWaitLimit)
        let status = loop.run()
        return (status, terminal)
    }

    /// The answer log's records, oldest first: (question id, correct).
    func answers() throws -> [(question: String, correct: Bool)] {
        try store.readLog().records.map { ($0.question, $0.correct) }
    }
}
