import Foundation
import Testing
@testable import MarrowCore


/// Finding 2: valid JSON with values no answer could give (counts of Int.max, a
/// difficulty of -1e308) neither traps the scheduler nor poisons the store.
@Suite struct ReviewBoundsTests {
    static let then = ProgressKit.date("2020-01-01T10:00:00Z")
    static let now = ProgressKit.date("2026-11-20T10:00:00Z")

    /// Counts at their largest saturate instead of trapping (without the fix, `reps + 1`
    /// traps and takes the test process down).
    @Test(arguments: [Rating.again, .hard, .good, .easy])
    func countsAtTheirLargestSaturate(rating: Rating) {
        let state = ReviewState(stability: 3, difficulty: 5, due: Self.then, lastReview: Self.then, reps: .max, lapses: .max)
        let next = FSRS().next(state, rating: rating, at: Self.now)
        #expect(next.reps == .max && next.lapses == .max)
        let negative = ReviewState(stability: 3, difficulty: 5, due: Self.then, lastReview: Self.then, reps: .min, lapses: .min, lastRating: .again,
                                   prior: .init(stability: 1, difficulty: 5, due: Self.then, lastReview: Self.then))
        #expect(FSRS().next(negative, rating: rating, at: Self.now).reps == 1)
        _ = negative.beforeLatestReview
        _ = FSRS().regrade(ReviewState(stability: 3, difficulty: 5, due: Self.then, lastReview: Self.then, reps: .max, lapses: .min, lastRating: .again,
                                       prior: .init(stability: 1, difficulty: 5, due: Self.then, lastReview: Self.then)), to: .easy)
    }

    /// Memory values out of bounds give a finite schedule within the bounds (without
    /// the fix, difficulty -1e308 after a long gap gives an infinite stability,
    /// which JSON cannot hold, so every later save failed).
    @Test(arguments: [(-1e308, 3.0), (1e308, 3.0), (Double.nan, 3.0), (5.0, 1e308), (5.0, -1e308), (5.0, Double.nan), (-1e308, 1e308)])
    func absurdMemoryGivesAFiniteSchedule(difficulty: Double, stability: Double) throws {
        let state = ReviewState(stability: stability, difficulty: difficulty, due: Self.then, lastReview: Self.then, reps: 3, lapses: 1)
        for rating in [Rating.again, .hard, .good, .easy] {
            for at in [Self.now, Self.then.addingTimeInterval(60)] {
                let next = FSRS().next(state, rating: rating, at: at)
                #expect(next.isWithinBounds, "\(difficulty) \(stability) \(rating): \(next)")
                _ = try ProgressJSON.stateEncoder().encode(next)
            }
        }
    }

    /// Out-of-bounds schedules in a loaded file are rebuilt from the log (or started
    /// afresh without answers), with one notice; the rest of the file is kept.
    @Test func loadRebuildsOutOfBoundsSchedulesFromTheLog() throws {
        let folder = ProgressKit.makeFolder()
        defer { ProgressKit.cleanUp(folder) }
        let path = folder + "/progress.json"
        let records = [ProgressKit.record("q1", at: "2026-11-20T10:00:00Z"), ProgressKit.record("q2", correct: false, at: "2026-11-20T10:01:00Z")]
        ProgressKit.writeLog(records, to: folder + "/progress.history.jsonl")
        var progress = ProgressKit.sampleProgress()
        let good = FSRS().next(nil, rating: .good, at: Self.then)
        progress.courses["hsct"]?.reviews = [
            "q1": ReviewState(stability: 3, difficulty: 5, due: Self.then, lastReview: Self.then, reps: .max, lapses: .max),
            "q2": ReviewState(stability: 3, difficulty: -1e308, due: Self.then, lastReview: Self.then, reps: 2, lapses: 0),
            "q3": ReviewState(stability: 3, difficulty: 5, due: Self.then, lastReview: Self.then, reps: 1, lapses: 2),
            "q4": good,
        ]
        // As Marrow writes it: holding the whole log.
        progress.unknownFields[ProgressStore.logLengthKey] = .number(Double(ProgressKit.bytes(folder + "/progress.history.jsonl")!.count))
        ProgressKit.write(Array(try ProgressJSON.stateEncoder().encode(progress)), to: path)
        let rebuilt = ReviewSchedule.rebuild(records: records, courseID: "hsct", fsrs: FSRS())
        for load in [{ try ProgressKit.store(path).loadForReading() }, { try ProgressKit.store(path).load() }] {
            let result = try load()
            let reviews = result.progress[course: "hsct"].reviews
            #expect(reviews["q1"] == rebuilt["q1"] && reviews["q2"] == rebuilt["q2"])
            #expect(reviews["q3"] == nil && reviews["q4"] == good)
            #expect(result.progress[course: "hsct"].lessons == ProgressKit.sampleProgress()[course: "hsct"].lessons)
            #expect(result.notices == ["progress.json held 3 review schedules no answer could give (a count, stability or difficulty out of range): 2 rebuilt from the answer log, 1 started afresh (the log has no answers to them)."])
        }
        // Answering the absurd question works and the save holds only sane values.
        let store = ProgressKit.store(path)
        var loaded = try store.load().progress
        try store.record(answer: ProgressKit.record("q1", at: "2026-11-21T10:00:00Z"), into: &loaded)
        try store.save(loaded)
        #expect(try store.load().progress.courses.values.allSatisfy { $0.reviews.values.allSatisfy(\.isWithinBounds) })
    }

    /// The bounds accept every schedule the scheduler makes from real answers.
    @Test func everyRealScheduleIsWithinBounds() {
        var generator = SplitMix64(seed: 12)
        var state: ReviewState?
        var time = Self.then
        for _ in 0..<400 {
            let rating = [Rating.again, .hard, .good, .easy][Int(generator.next() % 4)]
            time = time.addingTimeInterval(Double(generator.next() % (400 * 86_400)))
            state = FSRS().next(state, rating: rating, at: time)
            #expect(state?.isWithinBounds == true, "\(String(describing: state))")
        }
    }
}
