#!/usr/bin/env python3
"""Generates benchmark inputs for Benchmarks/run.

usage:
  generate.py course DIR LESSONS [QUESTIONS]
      a valid course of LESSONS lessons (QUESTIONS questions each, default 20),
      each with front matter, a body of headings, paragraphs and lists, and a quiz
  generate.py history STATE COURSE_DIR ANSWERS
      an answer log (STATE's .history.jsonl) of ANSWERS answers to the questions
      of COURSE_DIR, given lesson by lesson in whole quiz attempts, one a minute

Output is deterministic (no randomness), so runs compare.
"""
import datetime, os, re, sys

WORDS = ("the new stem cells settle in the marrow and start making blood cells while the care team "
         "watches counts infections and signs of graft versus host disease every day").split()


def sentence(n, k):
    words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(k)]
    return " ".join(words).capitalize() + "."


def paragraph(n):
    return " ".join(sentence(n + i, 9 + (n + i) % 7) for i in range(5))


def lesson(number, questions):
    lid = f"gen-{number:04d}"
    out = [
        "---",
        f"id: {lid}",
        f"title: Generated lesson {number}",
        f"summary: A generated lesson for the benchmark, number {number}.",
        "minutes: 5",
        "objectives:",
        "  - Read a generated lesson.",
        "  - Answer its questions.",
        "sources:",
        "  - title: Marrow benchmark",
        "    url: https://example.org/marrow/benchmark",
        "reviewed: 2026-11-26",
        "---",
        "",
        f"# Generated lesson {number}",
        "",
    ]
    for section in range(4):
        out += [f"## Part {section + 1}", "", paragraph(number + section), "",
                f"- **{WORDS[section]}** {sentence(number, 8)}",
                f"- *{WORDS[section + 1]}* {sentence(number + 1, 8)}", "",
                paragraph(number + section + 2), ""]
    out += ["## Quiz", ""]
    for q in range(1, questions + 1):
        tag = ".benefit" if q % 2 else ".risk"
        out.append(f"### Question {q} of generated lesson {number}: which choice is right? {{#{lid}-q{q:02d} {tag}}}")
        out.append("")
        right = q % 3
        for c in range(3):
            mark = "x" if c == right else " "
            out.append(f"- [{mark}] Choice {c + 1} for question {q}")
        out += ["", f"> Choice {right + 1} is right: {sentence(q, 10)}", ""]
    return lid, "\n".join(out)


def course(directory, lessons, questions=20):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "course.yaml"), "w") as f:
        f.write("id: bench\ntitle: Generated benchmark course\nsummary: Generated lessons for the benchmark.\n"
                "disclaimer: Generated text, not medical advice.\nversion: \"1.0\"\nlast-reviewed: 2026-11-26\n")
    with open(os.path.join(directory, "glossary.yaml"), "w") as f:
        for i, word in enumerate(sorted(set(WORDS))):
            f.write(f"- term: {word}\n  definition: The word {word}, number {i}.\n")
    width = max(2, len(str(lessons)))
    for n in range(1, lessons + 1):
        _, text = lesson(n, questions)
        with open(os.path.join(directory, f"{n:0{width}d}-generated-{n}.md"), "w") as f:
            f.write(text)


def course_questions(directory):
    """[(course id, lesson id, [question ids])] in lesson order."""
    with open(os.path.join(directory, "course.yaml")) as f:
        cid = re.search(r"^id:\s*(\S+)", f.read(), re.M).group(1)
    result = []
    names = sorted((n for n in os.listdir(directory) if re.match(r"^\d{2,}-[a-z0-9-]+\.md$", n)),
                   key=lambda n: (len(n.split("-")[0].lstrip("0")), n))
    for name in names:
        with open(os.path.join(directory, name)) as f:
            text = f.read()
        lid = re.search(r"^id:\s*(\S+)", text, re.M).group(1)
        qids = re.findall(r"^###.*\{#([A-Za-z0-9_-]+)", text, re.M)
        if qids:
            result.append((cid, lid, qids))
    return result


def history(state, course_dir, answers):
    lessons = course_questions(course_dir)
    base = state[:-5] if state.endswith(".json") and len(os.path.basename(state)) > 5 else state
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    os.makedirs(os.path.dirname(os.path.abspath(state)), exist_ok=True)
    written = 0
    attempt = 0
    with open(base + ".history.jsonl", "w") as f:
        while written < answers:
            cid, lid, qids = lessons[attempt % len(lessons)]
            attempt += 1
            for i, qid in enumerate(qids):
                if written >= answers:
                    break
                t = (start + datetime.timedelta(minutes=written)).strftime("%Y-%m-%dT%H:%M:%SZ")
                correct = "true" if (written * 7) % 10 < 7 else "false"
                f.write(f'{{"course":"{cid}","lesson":"{lid}","question":"{qid}","chosen":[{i % 3}],'
                        f'"correct":{correct},"time":"{t}","attempt":"A{attempt:08X}","attemptTotal":{len(qids)}}}\n')
                written += 1


def main(argv):
    if len(argv) >= 3 and argv[0] == "course":
        course(argv[1], int(argv[2]), int(argv[3]) if len(argv) > 3 else 20)
    elif len(argv) == 4 and argv[0] == "history":
        history(argv[1], argv[2], int(argv[3]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
