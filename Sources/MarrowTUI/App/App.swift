import MarrowCore

/// The app as two pure functions: `update` (state and event in, new state out,
/// with effects for the run loop) and `render` (state to a screen buffer).
package enum App {
    /// Below this the too-small screen shows instead of the app.
    package static let minimumSize = Size(columns: 40, rows: 10)

    package static func isTooSmall(_ size: Size) -> Bool {
        size.columns < minimumSize.columns || size.rows < minimumSize.rows
    }

    /// The area screens draw into: everything but the status line.
    package static func screenArea(for size: Size) -> Rect {
        Rect(row: 0, column: 0, width: size.columns, height: size.rows - 1)
    }

    // MARK: Update

    package static func update(_ state: AppState, _ event: Event) -> AppState {
        var state = state
        switch event {
        case .resize(let size):
            state.resize(to: size)
        case .terminate, .inputClosed:
            quit(&state)
        case .key(let key):
            handle(key, in: &state)
        case .mouse(let mouse):
            handle(mouse, in: &state)
        }
        return state
    }

    /// Lines the wheel moves per notch.
    static let wheelLines = 3

    /// The wheel is the arrow keys (three lines a notch); a click goes to the
    /// item drawn at its row, found by rendering the screen (pure: the screen
    /// marks its rows as it draws them). Keys are untouched by any of this.
    private static func handle(_ mouse: Mouse, in state: inout AppState) {
        guard !state.isTooSmall else { return }
        switch mouse.kind {
        case .wheelUp, .wheelDown:
            for _ in 0..<wheelLines { handle(mouse.kind == .wheelUp ? .up : .down, in: &state) }
        case .click:
            state.flash = nil
            guard let item = render(state, size: state.size).targets[mouse.row] else { return }
            var screen = state.screens.removeLast()
            let effectsBefore = state.context.effects.count
            let route = screen.click(item, context: &state.context)
            state.screens.append(screen)
            state.learn(from: state.context.effects[effectsBefore...])
            if let route { navigate(route, in: &state) }
        }
    }

    static func quit(_ state: inout AppState) {
        if !state.context.effects.contains(.saveProgress) { state.context.effects.append(.saveProgress) }
        if !state.isQuitting { state.context.effects.append(.quit) }
    }

    private static func handle(_ key: Key, in state: inout AppState) {
        state.flash = nil
        switch key {
        case .control("c"):
            quit(&state)
            return
        case .control("l"):
            return
        default:
            break
        }
        // Nothing on screen to act on: only leaving works.
        if state.isTooSmall {
            if key == .character("q") { quit(&state) }
            return
        }
        if key == .character("?"), !state.top.takesQuestionMark {
            navigate(.openHelp, in: &state)
            return
        }
        var screen = state.screens.removeLast()
        let effectsBefore = state.context.effects.count
        let route = screen.update(key, context: &state.context)
        state.screens.append(screen)
        // Answers and self-grades change the review plan: recompute it once, now.
        state.learn(from: state.context.effects[effectsBefore...])
        if let route { navigate(route, in: &state) }
    }

    // MARK: Render

    package static func render(_ state: AppState, size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        if isTooSmall(size) {
            TooSmallScreen.render(size: size, into: &buffer)
            return buffer
        }
        let top = state.top
        top.render(context: state.context, into: &buffer, area: screenArea(for: size))
        StatusLine.render(keys: top.statusKeys, dropOrder: top.statusDropOrder, title: top.title, flash: state.flash, row: size.rows - 1, into: &buffer)
        return buffer
    }
}
