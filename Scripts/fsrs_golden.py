#!/usr/bin/env python3
"""Golden vectors for Marrow's FSRS port (Sources/MarrowCore/Learning/FSRS.swift).

The reference is the `fsrs` package on PyPI; these vectors were made with
fsrs 6.3.2 (FSRS-6, 21 default parameters). Run once, by hand, and commit the
output; CI reads the committed JSON and never needs PyPI:

    python3 -m pip install 'fsrs==6.3.2'
    python3 Scripts/fsrs_golden.py > Tests/MarrowCoreTests/Fixtures/fsrs-golden.json

The scheduler is configured as Marrow uses it: default parameters, no learning
or relearning steps, no fuzzing, so every review goes straight to the Review
state with an interval in whole days. Each case is a sequence of reviews, each
a rating (1 again, 2 hard, 3 good, 4 easy) and the time since the previous
review (the first at the start time); after each review the vector holds the
stability, difficulty, interval in days and due time the reference computed.
"""

import json
import random
from importlib.metadata import version
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler

START = datetime(2026, 1, 5, 9, 0, 0, tzinfo=timezone.utc)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def run(name, retention, steps):
    """steps: list of (rating, hours since the previous review)."""
    scheduler = Scheduler(
        desired_retention=retention,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=START)
    t = START
    reviews = []
    for i, (rating, hours) in enumerate(steps):
        if i > 0:
            t = t + timedelta(hours=hours)
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=t)
        reviews.append({
            "rating": rating,
            "time": iso(t),
            "stability": card.stability,
            "difficulty": card.difficulty,
            "intervalDays": (card.due - t).days,
            "due": iso(card.due),
        })
    return {"name": name, "desiredRetention": retention, "reviews": reviews}


def on_schedule(name, retention, ratings):
    """Each review exactly when the previous one made it due."""
    scheduler = Scheduler(desired_retention=retention, learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    card = Card(card_id=1, due=START)
    steps = []
    t = START
    for i, rating in enumerate(ratings):
        hours = 0 if i == 0 else (card.due - t).total_seconds() / 3600
        t = card.due if i > 0 else START
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=t)
        steps.append((rating, hours))
    return run(name, retention, steps)


def main():
    cases = [
        on_schedule("good every time it falls due", 0.9, [3] * 10),
        on_schedule("easy every time it falls due", 0.9, [4] * 8),
        on_schedule("hard every time it falls due", 0.9, [2] * 8),
        on_schedule("wrong first, then good", 0.9, [1, 3, 3, 3, 3, 3]),
        on_schedule("good, lapse, recover", 0.9, [3, 3, 3, 3, 1, 3, 3, 3]),
        on_schedule("good at retention 0.8", 0.8, [3] * 8),
        on_schedule("mixed at retention 0.8", 0.8, [3, 1, 3, 2, 4, 1, 3, 3]),
        on_schedule("good at retention 0.95", 0.95, [3] * 6),
        run("same-day reviews", 0.9, [(3, 0), (3, 0.5), (1, 2), (3, 3), (4, 5), (3, 30), (2, 12), (3, 100)]),
        run("first answer of each rating: again", 0.9, [(1, 0)]),
        run("first answer of each rating: hard", 0.9, [(2, 0)]),
        run("first answer of each rating: good", 0.9, [(3, 0)]),
        run("first answer of each rating: easy", 0.9, [(4, 0)]),
        run("long gaps (overdue)", 0.9, [(3, 0), (3, 24 * 30), (3, 24 * 200), (1, 24 * 400), (3, 24 * 3)]),
        run("early reviews", 0.9, [(3, 0), (3, 23.9), (3, 24), (3, 25), (4, 47), (1, 24 * 2), (3, 24 * 1)]),
        run("many lapses", 0.9, [(1, 0), (1, 24), (1, 24), (1, 48), (3, 24), (1, 72), (3, 24), (3, 48)]),
    ]
    rng = random.Random(20261127)
    for n in range(12):
        retention = [0.9, 0.8, 0.85, 0.95][n % 4]
        steps = []
        for i in range(rng.randint(5, 12)):
            hours = 0 if i == 0 else rng.choice([0.25, 3, 20, 24, 30, 48, 24 * 5, 24 * 12, 24 * 40, 24 * 90])
            steps.append((rng.choice([1, 2, 3, 3, 3, 4]), hours))
        cases.append(run(f"seeded sequence {n + 1}", retention, steps))
    print(json.dumps({
        "generator": "Scripts/fsrs_golden.py",
        "fsrsVersion": version("fsrs"),
        "parameters": list(Scheduler().parameters),
        "scheduler": {"learning_steps": [], "relearning_steps": [], "enable_fuzzing": False, "maximum_interval": 36500},
        "start": iso(START),
        "cases": cases,
    }, indent=1))


if __name__ == "__main__":
    main()
