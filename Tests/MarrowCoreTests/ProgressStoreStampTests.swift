import Foundation
import Testing
@testable import MarrowCore


/// A save merges with the file as this store last wrote it without reading it
/// again, but only while nothing else has replaced it.
@Suite struct ProgressStoreStampTests {
    @Test func savesInARowKeepTheLatestState() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let store = ProgressKit.store(path)
        var progress = try store.load().progress
        for block in 1...5 {
            progress[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: block, offset: 0, percent: block * 10)
            progress = try store.save(progress)
        }
        let reread = try ProgressKit.store(path).load().progress
        #expect(reread == progress)
        #expect(reread[course: "hsct"][lesson: "basics"].position?.block == 5)
    }

    @Test func aFileReplacedByAnotherInstanceIsReadAndMerged() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let a = ProgressKit.store(path), b = ProgressKit.store(path)
        var pa = try a.load().progress
        pa[course: "hsct"][lesson: "basics"].position = ReadingPosition(block: 3, offset: 0, percent: 30)
        pa = try a.save(pa)

        var pb = try b.load().progress
        pb[course: "hsct"].disclaimerSeen = true
        pb = try b.save(pb)

        pa[course: "hsct"][lesson: "basics"].bookmarks.append(ReadingPosition(block: 1, offset: 0, percent: 10))
        pa = try a.save(pa)
        let final = try ProgressKit.store(path).load().progress
        #expect(final[course: "hsct"].disclaimerSeen)
        #expect(final[course: "hsct"][lesson: "basics"].bookmarks.count == 1)
        #expect(final[course: "hsct"][lesson: "basics"].position?.block == 3)
        #expect(pa == final)
    }

    @Test func aFileRemovedAfterASaveIsWrittenAgain() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let store = ProgressKit.store(path)
        var progress = try store.load().progress
        progress[course: "hsct"].disclaimerSeen = true
        progress = try store.save(progress)
        unlink(path)
        progress = try store.save(progress)
        #expect(try ProgressKit.store(path).load().progress == progress)
    }
}
