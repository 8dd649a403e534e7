"""Random layout sweep: draw every fixture record in random layouts and report what the pipeline
misreads, scored by pipeline.tools.evaluate. A tool for finding layout assumptions (slow):

    python -m tests.support.layout_sweep --seed 1 --n 150      # from the repository's root
    python -m tests.support.layout_sweep --seed 1 --n 150 --lang ru   # the Russian records, printed in Russian

tests/convert/test_layouts.py::test_random_layout_sweep runs one fixed sweep (marked `slow`: the full
test run, scripts/test.sh, includes it; a plain `pytest` leaves it out).

A failing case worth keeping goes into FOUND in tests/support/layouts.py.
"""
import argparse
import dataclasses
import json
import random
import sys
import tempfile
from pathlib import Path

from reportlab.lib.units import cm

from pipeline.convert.process import process_pdf
from pipeline.tools.evaluate import evaluate_rows

from . import FIXTURES, FIXTURES_RU, render, report_rows
from .render import Layout


def random_layout(rng: random.Random, seed: int) -> Layout:
    lay = Layout(
        font=rng.choice(["Helvetica", "Times-Roman", "DejaVuSans"]), size=rng.choice([8.5, 9, 9.5, 10, 10.5, 11]),
        label_share=rng.choice([0.35, 0.4, 0.45, 0.5, 0.55, 0.6]), borders=rng.choice(["grid", "hrules", "none"]),
        valign=rng.choice(["top", "center", "bottom"]), page=rng.choice(["A4", "Letter"]),
        margin=rng.choice([1.5, 2, 2.5, 3]) * cm, thousands=rng.choice(list(render.SEPARATORS)),
        score=rng.choice(list(render.SCORE_FORMS)), fragmented=rng.random() < 0.3,
        values_first=rng.random() < 0.3, split_rows=rng.random() < 0.7,
        split_row=rng.choice([None, None, "value", "label"]), facts_wrap=rng.random() < 0.6,
        breaks=rng.random() < 0.5, seed=seed,
        running_header=rng.choice(["", "", "Country profile", "Index on Torture | CSP"]),
        page_numbers=rng.random() < 0.4, section_titles=rng.choice(["heading", "heading", "row"]))
    lay = dataclasses.replace(lay, **producer_kinds(rng))
    # the facts box: a box per item, or the items one per line with no gap (in one box, or none)
    lay = dataclasses.replace(lay, facts_style=rng.choice(["cells", "cells", "lines", "plain"]))
    if lay.thousands == "nnbsp" or lay.score == "en-minus":  # the standard fonts lack U+202F, U+2212
        lay = dataclasses.replace(lay, font="DejaVuSans")
    if lay.kerned:  # pdfTeX's text: no space characters, but not a text object per word either
        lay = dataclasses.replace(lay, fragmented=False)
    # no table at all, from a stream of its own (every other setting of a seed's layouts stays as it was)
    own = random.Random(repr(rng.getstate()))
    if own.random() < 0.12:
        lay = dataclasses.replace(lay, stacked=own.choice(["indent", "bold", "plain"]), borders="none",
                                  header_row=False, section_titles="heading", banded=False)
    # a tiny auto-sized table with no side padding, its labels flush left (a browser's default): the widest
    # label touches its value (a stream of its own too; not with the grid's rules, which the renderer would
    # draw over the text, where a browser sets the text inside its border)
    if lay.shrink and lay.label_align == "left" and lay.borders != "grid" \
            and random.Random(repr(rng.getstate()) + " touching").random() < 0.35:
        lay = dataclasses.replace(lay, hpad=0.0)
    # the label cells aligned as the values are (CSS sets `vertical-align` on every cell), a stream of its own too
    if lay.valign != "top" and random.Random(repr(rng.getstate()) + " label_valign").random() < 0.4:
        lay = dataclasses.replace(lay, label_valign=True)
    return lay


def in_russian(lay: Layout, rng: random.Random) -> Layout:
    """The layout for a Russian record: a font with Cyrillic, digits grouped by spaces (a comma is the
    decimal sign), the running header and page numbers in Russian."""
    return dataclasses.replace(
        lay, font="DejaVuSans", thousands=rng.choice(["space", "nbsp", "nnbsp"]) if lay.thousands == "comma" else lay.thousands,
        running_header={"Country profile": "Профиль страны", "Index on Torture | CSP": "Индекс запрета пыток | ОГП"}.get(
            lay.running_header, lay.running_header),
        page_number_form={"Page {n} of {N}": "Страница {n} из {N}", "p. {n}": "стр. {n}"}.get(
            lay.page_number_form, lay.page_number_form))


def producer_kinds(rng: random.Random) -> dict:
    """What browsers, WeasyPrint and LaTeX do that Word does not: labels right-aligned or centred,
    values centred, tight rows (little padding, CSS line heights, spaced paragraphs), banded
    rows, borders as filled rectangles, rules drawn twice, header rows repeated on each page,
    "Page n of N" footers, kerned words with no space characters; and what a new author's table
    does: each table's columns sized apart (`auto_columns`) or to its text (`shrink`), the columns a
    point or two apart, rows with no padding at all, bold labels, header cells of several lines (set
    at the top, or centred or at the bottom as the values are)."""
    header_row = rng.random() < 0.25
    return dict(
        auto_columns=rng.random() < 0.15, shrink=rng.random() < 0.2, bold_labels=rng.random() < 0.25,
        hpad=rng.choice([None, None, None, 1.0, 0.75]), header_lines=rng.choice([1, 1, 2, 3]) if header_row else 1,
        label_align=rng.choice(["left", "left", "right", "center"]), value_align=rng.choice(["left", "left", "center"]),
        pad=rng.choice([3.0, 3.0, 2.0, 1.5, 1.0, 0.0]), leading=rng.choice([1.2, 1.2, 1.15, 1.3, 1.4]),
        para_space=rng.choice([0.0, 0.0, 1.0, 2.0]), banded=rng.random() < 0.25,
        rule_style=rng.choice(["line", "line", "rect"]), double_rules=rng.random() < 0.2,
        header_row=header_row, kerned=rng.random() < 0.15, header_valign=header_row and rng.random() < 0.5,
        page_number_form=rng.choice(["{n}", "Page {n} of {N}", "{n} / {N}", "p. {n}", "- {n} -"]))


@dataclasses.dataclass
class Tally:
    """A sweep's count: misread layouts of those drawn, and fields as pipeline.tools.evaluate scores them."""
    failed: int = 0
    drawn: int = 0
    fields_ok: int = 0
    fields_total: int = 0
    silent_errors: int = 0

    def __str__(self) -> str:
        pct = 100.0 * self.fields_ok / self.fields_total if self.fields_total else 0.0
        return (f"misread layouts: {self.failed} / {self.drawn} drawn | fields correct: {self.fields_ok}"
                f"/{self.fields_total} ({pct:.2f}%) | silent errors: {self.silent_errors}")


def misreads(printed: dict, report, tally: Tally | None = None) -> list[str]:
    """What pipeline.tools.evaluate finds wrong in the report against the truth as printed."""
    res = evaluate_rows(report_rows(report), printed)
    if tally is not None:
        tally.fields_ok += res.fields_ok
        tally.fields_total += res.fields_total
        tally.silent_errors += res.silent_errors
    return [f"{m.field or 'unmapped row'} (page {m.page}): {m.reason}"
            + (f" (status {m.got.status}, text {(m.got.text or '')[:60]!r})" if m.got and m.field else "")
            for m in res.mismatches]


def sweep(seed: int, n: int, tmp: Path, out=print, lang: str = "en") -> Tally:
    """Draw n random layouts from `seed` under tmp and read them (`lang` "ru": the Russian records)."""
    rng = random.Random(seed)
    records = sorted((FIXTURES_RU if lang == "ru" else FIXTURES).glob("*.truth.json"))
    tally = Tally()
    for i in range(n):
        lay = random_layout(rng, i)
        truth = json.loads(rng.choice(records).read_text(encoding="utf-8"))
        if lang == "ru":
            lay = in_russian(lay, random.Random(f"{seed}-{i}"))
        pdf = Path(tmp) / str(i) / truth["source"]
        pdf.parent.mkdir()
        try:
            printed = render.render(truth, lay, pdf)
        except ValueError as e:  # a layout the renderer cannot draw (no room to split a row)
            out(f"{i}: not drawn: {e}")
            continue
        tally.drawn += 1
        bad = misreads(printed, process_pdf(pdf), tally)
        if bad:
            tally.failed += 1
            out(f"{i}: {truth['source']} {lay}")
            out("\n".join("    " + b for b in bad))
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--lang", choices=["en", "ru"], default="en", help="the English records (default) or the Russian")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tally = sweep(args.seed, args.n, Path(tmp), lang=args.lang)
    print(tally)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
