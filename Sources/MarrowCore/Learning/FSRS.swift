#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The FSRS-6 scheduler, ported from the reference implementation, the `fsrs`
/// package on PyPI (6.x, `fsrs/scheduler.py`), with its 21 default parameters.
///
/// Marrow uses it with no learning or relearning steps and no fuzzing (in the
/// reference: `Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)`):
/// every answer, the first one included, goes straight to the Review state with
/// an FSRS interval in whole days. A patient answering a handful of questions a
/// day gains nothing from minute-long steps, and without fuzz a schedule is a
/// pure function of the answer log, so it can always be rebuilt from it and
/// checked against the reference (`Scripts/fsrs_golden.py` makes the golden
/// vectors the tests compare with).
///
/// Faithful details that matter for exactness: elapsed time is counted in whole
/// days, rounded down (Python's `timedelta.days`); a review less than a day
/// after the previous one uses the short-term (same-day) stability formula;
/// intervals are rounded half to even (Python's `round`), at least one day and
/// at most `maximumInterval`; `e ** x` is computed as `Math.pow(e, x)`, as Python does.
package struct FSRS: Sendable, Hashable {
    /// FSRS-6 default parameters `w[0]…w[20]` (as in `fsrs` 6.x `DEFAULT_PARAMETERS`).
    package static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    package static let defaultDesiredRetention = 0.9
    /// The desired retentions `course.yaml` and `--desired-retention` accept.
    package static let desiredRetentionRange: ClosedRange<Double> = 0.7...0.99
    package static let stabilityMinimum = 0.001
    /// The largest stability kept, in days (far beyond any the formulas reach from
    /// real answers: about 135,000 after the reference's longest test sequence), so
    /// a damaged or hand-edited state cannot grow to infinity.
    package static let stabilityMaximum = 1e9
    package static let difficultyRange: ClosedRange<Double> = 1...10

    package let parameters: [Double]
    /// The recall probability at which a question falls due (0.9: reviewed when
    /// the learner is expected to recall it nine times in ten).
    package let desiredRetention: Double
    /// The longest interval, in days (the reference's default).
    package let maximumInterval: Int

    private let decay: Double
    private let factor: Double

    /// `parameters` must hold 21 values (else the defaults are used);
    /// `desiredRetention` is clamped into `desiredRetentionRange`.
    package init(parameters: [Double] = FSRS.defaultParameters, desiredRetention: Double = FSRS.defaultDesiredRetention, maximumInterval: Int = 36_500) {
        let w = parameters.count == 21 ? parameters : FSRS.defaultParameters
        self.parameters = w
        self.desiredRetention = min(max(desiredRetention, FSRS.desiredRetentionRange.lowerBound), FSRS.desiredRetentionRange.upperBound)
        self.maximumInterval = max(1, maximumInterval)
        decay = -w[20]
        factor = Math.pow(0.9, 1 / decay) - 1
    }

    // MARK: Reviews

    /// The schedule after a review at `now` rated `rating`; `state` nil for a
    /// question never reviewed. `reps` counts reviews, `lapses` counts `again`s.
    ///
    /// Never traps and never gives a value JSON cannot hold: a state out of bounds
    /// (from a damaged file) is brought into them first, the stability is kept
    /// within `stabilityMinimum...stabilityMaximum`, and the counts saturate.
    package func next(_ state: ReviewState?, rating: Rating, at now: Date) -> ReviewState {
        let state = state.map(Self.bounded)
        var stability: Double
        let difficulty: Double
        if let state {
            if Self.elapsedDays(from: state.lastReview, to: now) < 1 {
                stability = shortTermStability(state.stability, rating: rating)
            } else {
                stability = nextStability(difficulty: state.difficulty, stability: state.stability,
                                          retrievability: retrievability(state, at: now), rating: rating)
            }
            difficulty = nextDifficulty(state.difficulty, rating: rating)
        } else {
            stability = initialStability(rating)
            difficulty = clampDifficulty(initialDifficulty(rating))
        }
        stability = Self.boundedStability(stability)
        let days = interval(stability: stability)
        let reps = state?.reps ?? 0, lapses = state?.lapses ?? 0
        return ReviewState(stability: stability, difficulty: difficulty,
                           due: now.addingTimeInterval(Double(days) * 86_400), lastReview: now,
                           reps: reps == .max ? reps : reps + 1,
                           lapses: rating == .again && lapses < .max ? lapses + 1 : lapses,
                           lastRating: rating,
                           prior: state.map { ReviewState.Prior(stability: $0.stability, difficulty: $0.difficulty, due: $0.due,
                                                                lastReview: $0.lastReview, lastRating: $0.lastRating) })
    }

    /// The state with its latest review re-rated `rating` (a self-grade of
    /// hard or easy after a right answer), as if it had been rated so at once;
    /// nil when the state one review back is not known (`ReviewState.prior`).
    package func regrade(_ state: ReviewState, to rating: Rating) -> ReviewState? {
        if state.reps <= 1 { return next(nil, rating: rating, at: state.lastReview) }
        guard let before = state.beforeLatestReview else { return nil }
        return next(before, rating: rating, at: state.lastReview)
    }

    /// The schedule after a sequence of reviews, oldest first.
    package func replay(_ reviews: [(rating: Rating, time: Date)]) -> ReviewState? {
        var state: ReviewState?
        for review in reviews { state = next(state, rating: review.rating, at: review.time) }
        return state
    }

    /// The predicted probability of recalling the question at `now`, 0...1
    /// (elapsed time in whole days since the last review, as the reference counts it).
    package func retrievability(_ state: ReviewState, at now: Date) -> Double {
        let elapsed = max(0, Self.elapsedDays(from: state.lastReview, to: now))
        return Math.pow(1 + factor * Double(elapsed) / max(state.stability, Self.stabilityMinimum), decay)
    }

    /// The interval in whole days for a stability: when recall falls to the desired retention.
    package func interval(stability: Double) -> Int {
        let raw = (stability / factor) * (Math.pow(desiredRetention, 1 / decay) - 1)
        let days = raw.isFinite ? raw.rounded(.toNearestOrEven) : Double(maximumInterval)
        return Int(min(max(days, 1), Double(maximumInterval)))
    }

    /// Whole days from `a` to `b`, rounded down (negative if `b` is earlier).
    package static func elapsedDays(from a: Date, to b: Date) -> Int {
        Int((b.timeIntervalSince(a) / 86_400).rounded(.down))
    }

    // MARK: Bounds

    /// `state` with its stability and difficulty inside the scheduler's bounds
    /// (a value that is not a number becomes the bound nearest the usual one) and
    /// its counts not negative.
    static func bounded(_ state: ReviewState) -> ReviewState {
        var s = state
        s.stability = boundedStability(s.stability)
        s.difficulty = s.difficulty.isNaN ? 5 : min(max(s.difficulty, difficultyRange.lowerBound), difficultyRange.upperBound)
        s.reps = max(0, s.reps)
        s.lapses = max(0, s.lapses)
        return s
    }

    static func boundedStability(_ stability: Double) -> Double {
        stability.isNaN ? stabilityMinimum : min(max(stability, stabilityMinimum), stabilityMaximum)
    }

    // MARK: The formulas (names as in the reference)

    private static let e = 2.718281828459045

    private func initialStability(_ rating: Rating) -> Double {
        max(parameters[rating.rawValue - 1], Self.stabilityMinimum)
    }

    private func initialDifficulty(_ rating: Rating) -> Double {
        parameters[4] - Math.pow(Self.e, parameters[5] * Double(rating.rawValue - 1)) + 1
    }

    private func clampDifficulty(_ d: Double) -> Double {
        min(max(d, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }

    private func shortTermStability(_ s: Double, rating: Rating) -> Double {
        let w = parameters
        var increase = Math.pow(Self.e, w[17] * (Double(rating.rawValue) - 3 + w[18])) * Math.pow(s, -w[19])
        if rating != .again { increase = max(increase, 1) }
        return max(s * increase, Self.stabilityMinimum)
    }

    private func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let w = parameters
        let target = initialDifficulty(.easy)
        let delta = -(w[6] * (Double(rating.rawValue) - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        return clampDifficulty(w[7] * target + (1 - w[7]) * damped)
    }

    private func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating) -> Double {
        let next = rating == .again
            ? forgetStability(difficulty: d, stability: s, retrievability: r)
            : recallStability(difficulty: d, stability: s, retrievability: r, rating: rating)
        return max(next, Self.stabilityMinimum)
    }

    private func forgetStability(difficulty d: Double, stability s: Double, retrievability r: Double) -> Double {
        let w = parameters
        let longTerm = w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.pow(Self.e, (1 - r) * w[14])
        let shortTerm = s / Math.pow(Self.e, w[17] * w[18])
        return min(longTerm, shortTerm)
    }

    private func recallStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: Rating) -> Double {
        let w = parameters
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return s * (1 + Math.pow(Self.e, w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.pow(Self.e, (1 - r) * w[10]) - 1) * hardPenalty * easyBonus)
    }
}
