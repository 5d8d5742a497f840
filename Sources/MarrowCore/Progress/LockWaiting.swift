/// What to do while another Marrow holds the progress lock.
///
/// Without one (the commands), taking the lock blocks until it is free, as a
/// save by another instance takes milliseconds. The app sets one around its
/// saves (`LockWaiting.$current.withValue`), so that a lock held for long (another
/// Marrow stuck, `flock progress.lock sleep 60`) does not freeze it without a
/// word: it can say it is waiting, read keys, heed a signal and give up.
package struct LockWaiting: Sendable {
    /// Asked while the lock is busy, with the time waited so far: whether to keep
    /// waiting. It should pause a little (about 100 ms, reading a key, say); the
    /// lock is tried again after each call. Returning false fails the operation
    /// with "another Marrow is using this progress file".
    package var keepWaiting: @Sendable (Duration) -> Bool

    package init(keepWaiting: @escaping @Sendable (Duration) -> Bool) {
        self.keepWaiting = keepWaiting
    }

    /// The waiting of the current thread's saves; nil blocks until the lock is free.
    @TaskLocal package static var current: LockWaiting?

    /// Tries the lock once and gives up at once if it is busy.
    package static let once = LockWaiting { _ in false }
}
