"""Reworded labels: draw a profile (render.py) whose labels are reworded at random from the
codebook's thesaurus, as a new year's wording would be, and check what the pipeline makes of it.

    python -m tests.support.reword --seed 1 --n 40      # prints each misread field and the totals

The pipeline may miss a reworded row (it then stays unmapped, with its label and text, and the field
is `missing`), but it may never read a wrong value silently: a wrong field written `ok` must carry a
warning. tests/convert/test_reworded.py holds that for a few seeds, and for more with the `slow` marker.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import tempfile
from pathlib import Path

import regex

from pipeline.core.codebook import default_codebook

from . import FIXTURES, render

RECORDS = sorted(FIXTURES.glob("*.truth.json"))


def synonyms(language: str = "en") -> list[list[str]]:
    """The codebook's thesaurus groups of one language."""
    return default_codebook().thesaurus.get(language, [])


def reword(label: str, rng: random.Random, groups: list[list[str]], p: float = 0.7) -> str:
    """Replace each phrase of a thesaurus group found in the label by another of its group, with
    probability p; the longest phrases first, each word replaced once."""
    out = label
    phrases = sorted(((ph, g) for g in groups for ph in g if not ph.startswith("{")), key=lambda x: -len(x[0]))
    done: list[tuple[int, int]] = []
    for phrase, group in phrases:
        for m in regex.finditer(rf"(?i)(?<![\w-]){regex.escape(phrase)}(?![\w-])", out):
            if any(a < m.end() and m.start() < b for a, b in done) or rng.random() > p:
                continue
            other = rng.choice([x for x in group if x != phrase and not x.startswith("{")] or [phrase])
            out = out[:m.start()] + other + out[m.end():]
            shift = len(other) - (m.end() - m.start())
            done = [(a + shift if a >= m.end() else a, b + shift if b >= m.end() else b) for a, b in done]
            done.append((m.start(), m.start() + len(other)))
            break
    return out[:1].upper() + out[1:]


@contextlib.contextmanager
def reworded_labels(rng: random.Random, p: float = 0.7):
    """render.SECTIONS and render.FACTS with every label reworded; yields {field: printed label}."""
    groups = synonyms()
    old_sections, old_facts = render.SECTIONS, render.FACTS
    printed: dict[str, str] = {}

    def one(fid, label):
        if fid is None:
            return fid, label
        printed[fid] = reword(label, rng, groups, p)
        return fid, printed[fid]

    render.SECTIONS = [(title, [one(f, lab) for f, lab in rows]) for title, rows in old_sections]
    render.FACTS = [[one(f, lab) for f, lab in col] for col in old_facts]
    try:
        yield printed
    finally:
        render.SECTIONS, render.FACTS = old_sections, old_facts


def draw(seed: int, folder: Path, p: float = 0.7) -> tuple[dict, dict, Path]:
    """One reworded profile: (truth as printed, labels as printed, PDF)."""
    rng = random.Random(seed)
    truth = json.loads(rng.choice(RECORDS).read_text(encoding="utf-8"))
    lay = render.Layout(font=rng.choice(["Helvetica", "Times-Roman"]), borders=rng.choice(["grid", "hrules", "none"]),
                        label_share=rng.choice([0.4, 0.45, 0.5]), seed=seed)
    pdf = folder / truth["source"]
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with reworded_labels(rng, p) as labels:
        printed = render.render(truth, lay, pdf)
    return printed, labels, pdf


def check(seed: int, folder: Path, p: float = 0.7) -> tuple[list[str], list[str], int]:
    """(silent errors, flagged misses, fields) for one reworded profile."""
    from pipeline.convert.process import process_pdf
    from pipeline.tools.evaluate import evaluate_rows

    from . import report_rows

    printed, labels, pdf = draw(seed, folder / str(seed), p)
    report = process_pdf(pdf)
    rows = report_rows(report)
    result = evaluate_rows(rows, printed)
    by_field = {r["field"]: r for r in rows if r["field"]}
    silent, flagged = [], []
    for m in result.mismatches:
        row = by_field.get(m.field, {})
        wrong_quietly = row.get("status") == "ok" and not row.get("warnings")
        (silent if wrong_quietly else flagged).append(f"{m.field or 'unmapped row'} "
                                                       f"({labels.get(m.field, '')!r}): {m.reason}")
    return silent, flagged, result.fields_total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--p", type=float, default=0.7, help="chance that each thesaurus phrase is reworded")
    args = ap.parse_args()
    silent_n = flagged_n = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.n):
            silent, flagged, fields = check(seed, Path(tmp), args.p)
            total += fields
            silent_n += len(silent)
            flagged_n += len(flagged)
            for line in silent:
                print(f"{seed}: SILENT {line}")
            for line in flagged:
                print(f"{seed}: missed {line}")
    print(f"fields: {total}, right: {total - silent_n - flagged_n}, missed and flagged: {flagged_n}, "
          f"silent errors: {silent_n}")
    return 1 if silent_n else 0


if __name__ == "__main__":
    sys.exit(main())
