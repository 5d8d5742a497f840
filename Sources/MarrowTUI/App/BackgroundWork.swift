#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MarrowCore

/// Loads a course on a second thread at launch, joined when the first screen
/// needs it, so loading the course overlaps reading the progress and starting
/// the terminal. Without a thread it loads at once.
final class BackgroundCourseLoad: @unchecked Sendable {
    private let directory: String
    /// Written once by the worker before it ends; read only after `pthread_join`,
    /// which orders the two.
    private var course: Course?
    private var thread: pthread_t?

    init(directory: String) {
        self.directory = directory
    }

    /// Starts the load.
    func start() {
        let box = Unmanaged.passRetained(self).toOpaque()
        var handle = pthread_t()
        if pthread_create(&handle, nil, backgroundCourseLoadMain, box) == 0 {
            thread = handle
        } else {
            Unmanaged<BackgroundCourseLoad>.fromOpaque(box).release()
            run()
        }
    }

    fileprivate func run() {
        course = CourseLoader.load(directory: directory)
    }

    /// Waits for the load to finish and gives the course.
    func join() -> Course {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        if course == nil { run() }
        return course!
    }
}

#if canImport(Darwin)
private func backgroundCourseLoadMain(_ raw: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    Unmanaged<BackgroundCourseLoad>.fromOpaque(raw).takeRetainedValue().run()
    return nil
}
#else
private func backgroundCourseLoadMain(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<BackgroundCourseLoad>.fromOpaque(raw!).takeRetainedValue().run()
    return nil
}
#endif

/// A value computed on a second thread, joined when it is needed. Without a
/// thread it is computed at once.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    /// Written once by the worker before it ends; read only after `pthread_join`,
    /// which orders the two.
    private var value: Value?
    private var thread: pthread_t?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
    }

    /// Starts the work.
    func start() {
        let box = Unmanaged.passRetained(BackgroundRun(run))
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
    }

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
