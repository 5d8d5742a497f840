#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProgressStore {
    /// The first-screen cache beside the state file (`NAME.json` -> `NAME.first-screen`):
    /// the app's first screen as it was last drawn, with the stamps of the files it
    /// was drawn from, so the next launch can show it without reading them. Only a
    /// cache: it holds nothing that is not also in the course and the state file,
    /// and it may be deleted at any time.
    public var firstScreenCachePath: String { AnswerLog.baseName(of: path) + ".first-screen" }

    /// The largest cache file read; a first screen takes a few kilobytes.
    static let firstScreenCacheLimit = 1 << 20

    /// The cache's bytes; nil when there is none, or it is not a regular file, or it
    /// cannot be read, or it is larger than any first screen.
    public func readFirstScreenCache() -> [UInt8]? {
        try? FileIO.readFile(firstScreenCachePath, limit: Self.firstScreenCacheLimit)
    }

    /// Replaces the cache with `bytes` atomically, under the store's lock; nil
    /// removes it. Best effort and silent: a cache that cannot be written is simply
    /// not there next time, and the launch reads the files instead. Writes only
    /// where the state file's folder already exists.
    public func writeFirstScreenCache(_ bytes: [UInt8]?) {
        let cache = firstScreenCachePath
        guard case .directory = try? FileIO.kind(FileIO.folder(of: cache), followLink: true) else { return }
        _ = try? FileLock.withLock(lockPath, failure: { _ in .cannotSave(file: cache, reason: "") }) { () throws(ProgressStoreError) in
            FileIO.removeStaleTemporaries(for: cache)
            guard let bytes, bytes.count <= Self.firstScreenCacheLimit else {
                if case .regular = try? FileIO.kind(cache) { unlink(cache) }
                return
            }
            // Never replace something that is not a cache file (a folder, a link).
            switch try? FileIO.kind(cache) {
            case .regular?, .missing?: break
            default: return
            }
            // Not synced: a cache cut short by a crash fails its end check and is ignored.
            try? FileIO.writeAtomically(bytes, to: cache, durable: false)
        }
    }
}
