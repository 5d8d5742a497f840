import Foundation
import Testing
@testable import MarrowCore

/// The golden vectors made by `Scripts/fsrs_golden.py` with the reference `fsrs` package.
struct FSRSGolden: Decodable {
    struct Review: Decodable {
        var rating: Int
        var time: Date
        var stability: Double
        var difficulty: Double
        var intervalDays: Int
        var due: Date
    }

    struct Case: Decodable {
        var name: String
        var desiredRetention: Double
        var reviews: [Review]
    }

    var fsrsVersion: String
    var parameters: [Double]
    var cases: [Case]

    static func load() throws -> FSRSGolden {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("fsrs-golden.json")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(FSRSGolden.self, from: Data(contentsOf: url))
    }
}

@Suite struct FSRSTests {
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b), 1e-12)
    }

    @Test func defaultParametersAreTheReferenceOnes() throws {
        let golden = try FSRSGolden.load()
        #expect(golden.fsrsVersion.hasPrefix("6."))
        #expect(FSRS.defaultParameters == golden.parameters)
        #expect(FSRS.defaultParameters.count == 21)
    }

    @Test func everyGoldenSequenceMatchesTheReference() throws {
        let golden = try FSRSGolden.load()
        #expect(golden.cases.count >= 20)
        var ratingsSeen = Set<Int>()
        var retentionsSeen = Set<Double>()
        var sameDayReviews = 0
        for c in golden.cases {
            let fsrs = FSRS(desiredRetention: c.desiredRetention)
            retentionsSeen.insert(c.desiredRetention)
            var state: ReviewState?
            for (i, review) in c.reviews.enumerated() {
                let rating = try #require(Rating(rawValue: review.rating))
                ratingsSeen.insert(review.rating)
                if let previous = state, review.time.timeIntervalSince(previous.lastReview) < 86_400 { sameDayReviews += 1 }
                let next = fsrs.next(state, rating: rating, at: review.time)
                let label = "\(c.name), review \(i + 1)"
                #expect(Self.close(next.stability, review.stability), "\(label): stability \(next.stability) vs \(review.stability)")
                #expect(Self.close(next.difficulty, review.difficulty), "\(label): difficulty \(next.difficulty) vs \(review.difficulty)")
                #expect(FSRS.elapsedDays(from: review.time, to: next.due) == review.intervalDays, "\(label): interval")
                #expect(next.due == review.due, "\(label): due")
                #expect(next.reps == i + 1)
                state = next
            }
        }
        #expect(ratingsSeen == [1, 2, 3, 4])
        #expect(retentionsSeen.contains(0.9) && retentionsSeen.contains(0.8))
        #expect(sameDayReviews >= 5)
    }

    @Test func replayingASequenceGivesTheSameStateAsStepping() throws {
        let golden = try FSRSGolden.load()
        let c = golden.cases[0]
        let fsrs = FSRS(desiredRetention: c.desiredRetention)
        let replayed = try #require(fsrs.replay(c.reviews.map { (Rating(rawValue: $0.rating)!, $0.time) }))
        #expect(Self.close(replayed.stability, c.reviews.last!.stability))
        #expect(replayed.due == c.reviews.last!.due)
    }

    @Test func retrievabilityIsOneAtTheReviewAndTheDesiredRetentionAtTheStability() {
        let fsrs = FSRS()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let state = ReviewState(stability: 10, difficulty: 5, due: t0, lastReview: t0, reps: 1)
        #expect(fsrs.retrievability(state, at: t0) == 1)
        // Less than a whole day counts as none, as in the reference.
        #expect(fsrs.retrievability(state, at: t0.addingTimeInterval(86_399)) == 1)
        #expect(Self.close(fsrs.retrievability(state, at: t0.addingTimeInterval(10 * 86_400)), 0.9, relative: 1e-12))
        #expect(fsrs.retrievability(state, at: t0.addingTimeInterval(30 * 86_400)) < 0.9)
    }

    @Test func intervalsAreWholeDaysAtLeastOneAndLongerForLowerRetention() {
        let strict = FSRS(desiredRetention: 0.95), loose = FSRS(desiredRetention: 0.8)
        #expect(FSRS().interval(stability: 0.01) == 1)
        #expect(FSRS().interval(stability: 10) == 10)
        #expect(loose.interval(stability: 10) > FSRS().interval(stability: 10))
        #expect(strict.interval(stability: 10) < FSRS().interval(stability: 10))
        #expect(FSRS().interval(stability: 1e9) == 36_500)
    }

    @Test func desiredRetentionIsKeptInItsRange() {
        #expect(FSRS(desiredRetention: 0.5).desiredRetention == 0.7)
        #expect(FSRS(desiredRetention: 1).desiredRetention == 0.99)
        #expect(FSRS(desiredRetention: 0.85).desiredRetention == 0.85)
    }

    @Test func ratingsOfAnswers() {
        #expect(Rating.forAnswer(correct: false) == .again)
        #expect(Rating.forAnswer(correct: false, selfGrade: .easy) == .again)
        #expect(Rating.forAnswer(correct: true) == .good)
        #expect(Rating.forAnswer(correct: true, selfGrade: .hard) == .hard)
        #expect(Rating.forAnswer(correct: true, selfGrade: .easy) == .easy)
        #expect(Rating.forAnswer(correct: true, selfGrade: .again) == .good)
    }

    @Test func regradingTheLatestReviewEqualsRatingItSoAtOnce() {
        let fsrs = FSRS()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let first = fsrs.next(nil, rating: .good, at: t0)
        let t1 = first.due
        let good = fsrs.next(first, rating: .good, at: t1)
        #expect(fsrs.regrade(good, to: .easy) == fsrs.next(first, rating: .easy, at: t1))
        #expect(fsrs.regrade(good, to: .hard) == fsrs.next(first, rating: .hard, at: t1))
        #expect(fsrs.regrade(first, to: .easy) == fsrs.next(nil, rating: .easy, at: t0))
        var unknown = good
        unknown.prior = nil
        #expect(fsrs.regrade(unknown, to: .easy) == nil)
    }

    @Test func lapsesAndRepsAreCounted() {
        let fsrs = FSRS()
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        var s = fsrs.next(nil, rating: .again, at: t0)
        s = fsrs.next(s, rating: .good, at: s.due)
        s = fsrs.next(s, rating: .again, at: s.due)
        #expect(s.reps == 3)
        #expect(s.lapses == 2)
        #expect(s.lastRating == .again)
    }

    @Test func reviewStateWithoutNewFieldsStillDecodes() throws {
        let json = #"{"stability":1.5,"difficulty":6.25,"due":"2026-11-22T09:31:00Z","lastReview":"2026-11-20T09:31:00Z","reps":1,"lapses":1}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let state = try decoder.decode(ReviewState.self, from: Data(json.utf8))
        #expect(state.lastRating == nil && state.prior == nil)
        #expect(state.stability == 1.5)
    }
}
