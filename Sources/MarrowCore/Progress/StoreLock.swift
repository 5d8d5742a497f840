extension ProgressStore {
    /// Runs `body` holding the store's lock (`lockPath`), waiting as the current
    /// `LockWaiting` says. A lock not taken becomes `failure(reason)`, with the
    /// reason in words ("another Marrow is using this progress file (it holds …)").
    func underLock<T>(
        failure: (String) -> ProgressStoreError, _ body: () throws(ProgressStoreError) -> T
    ) throws(ProgressStoreError) -> T {
        let result: Result<T, ProgressStoreError>
        do throws(LockError) {
            result = try FileLock(path: lockPath).withLock(keepWaiting: LockWaiting.current?.keepWaiting) {
                Result { () throws(ProgressStoreError) -> T in try body() }
            }
        } catch {
            throw failure(error.sentence)
        }
        return try result.get()
    }
}
