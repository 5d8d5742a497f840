import Foundation

/// Polling a terminal's screen until it shows what a test waits for. A match
/// counts only on a settled screen, two captures 50 ms apart the same: tmux can
/// show a frame half drawn (its read from the pty may end mid-frame), so a match
/// on the top line alone says nothing yet about the lines below it.
public enum SettledScreen {
    /// Captures every 50 ms until `condition` holds on a settled screen or
    /// `timeout` seconds pass (then one last capture decides); whether it held,
    /// and the last screen.
    public static func poll(timeout: Double, capture: () throws -> String, until condition: (String) -> Bool) rethrows -> (matched: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: String?
        repeat {
            let screen = try capture()
            if condition(screen) {
                if screen == previous { return (true, screen) }
                previous = screen
            } else {
                previous = nil
            }
            usleep(50_000)
        } while Date() < deadline
        let last = try capture()
        return (condition(last), last)
    }
}
