#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Merging on save, so two Marrow instances on one file lose no update.
///
/// At save time (under the lock) the store re-reads the file on disk and merges
/// it with the state being saved ("mine"), relative to `base`: the state this
/// store last loaded or wrote. Knowing the base tells an addition on one side
/// from a removal on the other, so removing a bookmark or resetting a lesson
/// sticks instead of coming back from the other copy. Without a base everything
/// is united.
///
/// Rules, for one entry present on both sides:
/// - attempts: united by id; answers united (mine wins for one question; one I
///   took back since `base`, unchanged on disk, stays out), earliest start (or
///   mine, when an undo moved it), largest total;
/// - lessons: earliest `opened`, earliest `finished` (a date beats none), position
///   from the side that moved it since `base` (mine if both or neither);
/// - bookmarks: disk's, minus those I removed, plus those I added;
/// - reviews: the later `lastReview` wins;
/// - `disclaimerSeen`: either; `lastPlace`: like position;
/// - unknown fields: united, disk's value kept (this version never changes them).
///
/// For an entry (course, lesson, attempt, review) on one side only: kept if it is
/// new or changed since `base`, dropped if the other side removed it unchanged.
extension LearnerProgress {
    package static func merge(mine: LearnerProgress, disk: LearnerProgress, base: LearnerProgress?) -> LearnerProgress {
        var result = mine
        result.schemaVersion = LearnerProgress.currentSchemaVersion
        result.unknownFields = disk.unknownFields.merging(mine.unknownFields) { d, _ in d }
        result.courses = mergeEntries(mine: mine.courses, disk: disk.courses, base: base?.courses) { m, d, b in
            CourseProgress.merge(mine: m, disk: d, base: b)
        }
        return result.normalized()
    }
}

extension CourseProgress {
    static func merge(mine: CourseProgress, disk: CourseProgress, base: CourseProgress?) -> CourseProgress {
        var result = mine
        result.lessons = mergeEntries(mine: mine.lessons, disk: disk.lessons, base: base?.lessons) { m, d, b in
            LessonProgress.merge(mine: m, disk: d, base: b)
        }
        result.reviews = mergeEntries(mine: mine.reviews, disk: disk.reviews, base: base?.reviews) { m, d, _ in
            d.lastReview > m.lastReview ? d : m
        }
        result.lastPlace = pickChanged(mine: mine.lastPlace, disk: disk.lastPlace, base: base?.lastPlace)
        result.disclaimerSeen = mine.disclaimerSeen || disk.disclaimerSeen
        result.unknownFields = disk.unknownFields.merging(mine.unknownFields) { d, _ in d }
        return result
    }
}

extension LessonProgress {
    static func merge(mine: LessonProgress, disk: LessonProgress, base: LessonProgress?) -> LessonProgress {
        var result = mine
        result.opened = earliest(mine.opened, disk.opened)
        result.finished = earliest(mine.finished, disk.finished)
        result.position = pickChanged(mine: mine.position, disk: disk.position, base: base?.position)
        result.bookmarks = mergeSets(mine: mine.bookmarks, disk: disk.bookmarks, base: base?.bookmarks)
        let byID = { (attempts: [QuizAttempt]) in Dictionary(attempts.map { ($0.id, $0) }) { a, _ in a } }
        result.attempts = mergeEntries(mine: byID(mine.attempts), disk: byID(disk.attempts), base: base.map { byID($0.attempts) }) { m, d, b in
            var a = m
            a.answers = d.answers.merging(m.answers) { _, mineAnswer in mineAnswer }
            // An answer taken back here (undo) since base, unchanged on disk: stays taken back.
            for (question, result) in b?.answers ?? [:] where m.answers[question] == nil && d.answers[question] == result {
                a.answers[question] = nil
            }
            // So does the start it had (a later one: the first answer was taken back).
            if let b, m.started > b.started, d.started == b.started { a.started = m.started } else { a.started = min(m.started, d.started) }
            a.total = max(m.total, d.total)
            a.fullQuiz = m.fullQuiz ?? d.fullQuiz
            return a
        }.values.sorted(by: QuizAttempt.chronological)
        result.unknownFields = disk.unknownFields.merging(mine.unknownFields) { d, _ in d }
        return result
    }
}

/// Three-way merge of keyed entries; `both` merges an entry present on both sides.
func mergeEntries<K: Hashable, V: Equatable>(
    mine: [K: V], disk: [K: V], base: [K: V]?, both: (V, V, V?) -> V
) -> [K: V] {
    var result: [K: V] = [:]
    for key in Set(mine.keys).union(disk.keys) {
        let b = base?[key]
        switch (mine[key], disk[key]) {
        case let (m?, d?):
            result[key] = both(m, d, b)
        case let (m?, nil):
            // Removed on disk by another instance, and not changed here since: stays removed.
            if let b, b == m { continue }
            result[key] = m
        case let (nil, d?):
            // Removed here (a reset), and not changed on disk since: stays removed.
            if let b, b == d { continue }
            result[key] = d
        case (nil, nil):
            continue
        }
    }
    return result
}

/// A value that one side may have changed since `base`: the changed side's,
/// mine when both or neither changed (mine is the latest), else whichever exists.
func pickChanged<V: Equatable>(mine: V?, disk: V?, base: V?) -> V? {
    if mine == base && disk != base { return disk }
    return mine ?? disk
}

/// Disk's elements minus those removed here since `base`, plus those added here, in order.
func mergeSets<V: Hashable>(mine: [V], disk: [V], base: [V]?) -> [V] {
    let baseSet = Set(base ?? [])
    let removedHere = baseSet.subtracting(mine)
    var result = disk.filter { !removedHere.contains($0) }
    var seen = Set(result)
    for v in mine where !baseSet.contains(v) && !seen.contains(v) {
        result.append(v)
        seen.insert(v)
    }
    return result
}

private func earliest(_ a: Date?, _ b: Date?) -> Date? {
    switch (a, b) {
    case let (a?, b?): return min(a, b)
    default: return a ?? b
    }
}
