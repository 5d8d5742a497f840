#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A value computed on a second thread, joined when it is needed. Without a
/// thread it is computed at once.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    /// Written once by the worker before it ends; read only after `pthread_join`,
    /// which orders the two.
    private var value: Value?
    private var thread: pthread_t?
    /// Set by the worker once `value` is written, so the waiting thread can poll.
    private let finished = Atomic<Bool>(false)

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts the work; with `givingWay`, at a lower priority than other programs
    /// (the terminal showing the screen just drawn comes first).
    func start(givingWay: Bool = false) {
        let body: () -> Void = {
            if givingWay { giveWayToOtherPrograms() }
            self.run()
        }
        let box = Unmanaged.passRetained(BackgroundRun(body))
        var handle = pthread_t()
        if pthread_create(&handle, nil, backgroundRunMain, box.toOpaque()) == 0 {
            thread = handle
        } else {
            box.release()
            run()
        }
    }

    private func run() {
        value = work()
        finished.store(true, ordering: .releasing)
    }

    /// Whether the work is done, so `join()` will not wait.
    var isFinished: Bool { finished.load(ordering: .acquiring) }

    /// Waits for the work to finish and gives its value.
    func join() -> Value {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        if value == nil { run() }
        return value!
    }
}

/// Makes the calling thread (and those it starts) give way to other programs:
/// its nice value 10 higher (19 at most). On Linux the nice value belongs to the
/// thread; elsewhere it would slow the whole process, so nothing is done there.
private func giveWayToOtherPrograms() {
    #if os(Linux)
    let which = __priority_which_t(PRIO_PROCESS.rawValue)
    errno = 0
    let current = getpriority(which, 0)
    guard errno == 0 else { return }
    _ = setpriority(which, 0, min(19, current + 10))
    #endif
}

/// A closure handed to a new thread.
private final class BackgroundRun: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

#if canImport(Darwin)
private func backgroundRunMain(_ raw: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<BackgroundRun>.fromOpaque(raw).takeRetainedValue().body()
    return nil
}
#else
private func backgroundRunMain(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<BackgroundRun>.fromOpaque(raw!).takeRetainedValue().body()
    return nil
}
#endif
