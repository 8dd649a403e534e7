"""Trends across years for the review index: per country, the index score and a few key counts over the
batch's years, each drawn as a small inline SVG chart (no external assets).

A missing year is a grey cross on the baseline with a gap in the line; a change between two consecutive
values that pipeline/tools/diff.py would flag as a large jump (relative_change above its threshold) is drawn in
red. Read from panel.csv: one row per country and year, with the editions' conflicts left empty.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


SERIES = [("index_score", "index score"), ("prison_population", "prison population"),
          ("pretrial_detention", "pre-trial detention"), ("detained", "detained"),
          ("torture_complaints", "complaints")]
WIDTH_PER_YEAR, HEIGHT, PAD = 26, 30, 5


@dataclass
class Series:
    field: str
    title: str
    points: list[tuple[int, str]]  # (year, value as written; "" when missing)
    conflicts: set[int] = field(default_factory=set)  # years whose editions disagree on it

    @property
    def missing(self) -> list[int]:
        return [y for y, v in self.points if v == ""]

    @property
    def jumps(self) -> list[int]:
        """The years whose value moved from the one before (the previous year that has one) by more than
        diff's threshold."""
        from ..diff import DEFAULT_THRESHOLD, relative_change  # diff's imports are not needed until here

        out, prev = [], None
        for year, value in self.points:
            if value == "":
                continue
            if prev is not None:
                rel = relative_change(prev, value)
                if rel is not None and rel > DEFAULT_THRESHOLD:
                    out.append(year)
            prev = value
        return out


def _year(row: dict) -> int | None:
    try:
        return int(row.get("year", ""))
    except ValueError:
        return None


def country_trends(rows: list[dict[str, str]]) -> tuple[list[int], list[dict]]:
    """The batch's years and, per country, its series: [{iso3, country, series: [Series]}]."""
    rows = [r for r in rows if r.get("iso3") and _year(r) is not None]
    years = sorted({_year(r) for r in rows})
    out = []
    for iso3 in sorted({r["iso3"] for r in rows}):
        mine = {_year(r): r for r in rows if r["iso3"] == iso3}
        series = []
        for fid, title in SERIES:
            points = [(y, mine[y].get(fid, "") if y in mine else "") for y in years]
            conflicts = {y for y, r in mine.items() if fid in r.get("conflicts", "").split()}
            series.append(Series(fid, title, points, conflicts))
        country = next(r.get("country", "") for r in mine.values())
        out.append({"iso3": iso3, "country": country, "series": series})
    return years, out


def _scale(values: list[float]):
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    return lambda v: PAD + (HEIGHT - 2 * PAD) * (1 - ((v - lo) / span if hi > lo else 0.5))


def spark_svg(s: Series, years: list[int]) -> Markup:
    """A small line chart of one series; every mark has a <title> (tooltip) saying what it is."""
    width = max(WIDTH_PER_YEAR * len(years), WIDTH_PER_YEAR)
    x = {y: WIDTH_PER_YEAR * (i + 0.5) for i, y in enumerate(years)}
    have = [(y, float(v)) for y, v in s.points if v != ""]
    y_of = _scale([v for _, v in have]) if have else (lambda v: HEIGHT / 2)
    from ..diff import DEFAULT_THRESHOLD

    jumps, parts = set(s.jumps), []
    for (y0, v0), (y1, v1) in zip(have, have[1:]):
        gap = years.index(y1) - years.index(y0) > 1
        cls = "seg" + (" jump" if y1 in jumps else "") + (" gap" if gap else "")
        parts.append(f'<line class="{cls}" x1="{x[y0]:.1f}" y1="{y_of(v0):.1f}" x2="{x[y1]:.1f}" y2="{y_of(v1):.1f}"/>')
    for y, v in s.points:
        if v == "":
            why = "editions disagree" if y in s.conflicts else "no value"
            cx, cy = x[y], HEIGHT - PAD
            parts.append(f'<path class="miss{" conflict" if y in s.conflicts else ""}" d="M{cx - 3:.1f} {cy - 3:.1f}'
                         f'l6 6m0 -6l-6 6"><title>{y}: {why}</title></path>')
        else:
            tip = f"{y}: {v}" + (f" (large jump: over {DEFAULT_THRESHOLD:.0%})" if y in jumps else "")
            parts.append(f'<circle class="pt{" jump" if y in jumps else ""}" cx="{x[y]:.1f}" cy="{y_of(float(v)):.1f}" '
                         f'r="2.6"><title>{escape(tip)}</title></circle>')
    label = f"{s.title}: " + ", ".join(f"{y} {v or 'none'}" for y, v in s.points)
    return Markup(f'<svg class="spark" width="{width}" height="{HEIGHT}" viewBox="0 0 {width} {HEIGHT}" '
                  f'role="img" aria-label="{escape(label)}" data-series="{s.field}" '
                  f'data-missing="{" ".join(map(str, s.missing))}" data-jumps="{" ".join(map(str, s.jumps))}">'
                  + "".join(parts) + "</svg>")
