"""Section headings, and the regions between them: page 1's facts box above the first heading, then
each heading's table down to the next heading, over page breaks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import regex

from ...core.models import Word
from ...core.settings import ExtractSettings
from ...core.text import collapse_ws, fold
from .lines import Line
from .pages import PageData
from .chunks import Chunk


_HYPHEN_END = regex.compile(r"\p{L}-$")
_STARTS_LOWER = regex.compile(r"\p{Ll}")


class Heading(NamedTuple):
    """A section heading; one wrapped over consecutive lines is one heading."""

    lines: list[Line]

    @property
    def text(self) -> str:
        out = ""
        for ln in self.lines:
            # a word wrapped after its inner hyphen ("ill-" / "treatment") is one word again
            glue = "" if _HYPHEN_END.search(out) and _STARTS_LOWER.match(ln.text) else " "
            out = out + glue + ln.text if out else ln.text
        return collapse_ws(out)

    @property
    def top(self) -> float:
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        return self.lines[-1].bottom

    @property
    def words(self) -> list[Word]:
        return [w for ln in self.lines for w in ln.words]


def _is_heading(line: Line, body: float, settings: ExtractSettings, titles: frozenset[str]) -> bool:
    if line.size >= body * settings.heading_size_ratio:
        return True
    return line.bold and fold(line.text) in titles


def _wrapped_titles(lines: list[Line], gap: float, titles: frozenset[str]) -> set[int]:
    """The indexes of consecutive bold lines that together spell a known section title (a title
    wrapped over two or three lines, as a table row across both columns often is)."""
    out: set[int] = set()
    for i in range(len(lines)):
        for k in (2, 3):
            run = lines[i:i + k]
            if len(run) < k or not all(ln.bold and ln.page == run[0].page for ln in run):
                break
            if any(b.top - a.bottom > gap for a, b in zip(run, run[1:])):
                break
            if fold(" ".join(ln.text for ln in run)) in titles:
                out.update(range(i, i + k))
    return out


def _headings(lines: list[Line], body: float, settings: ExtractSettings, titles: frozenset[str]) -> list[Heading]:
    groups: list[list[Line]] = []
    tol = settings.resolve(body)
    wrapped = _wrapped_titles(lines, tol.heading_gap, titles)
    for i, ln in enumerate(lines):
        if i not in wrapped and not _is_heading(ln, body, settings, titles):
            continue
        prev = groups[-1][-1] if groups else None
        if prev and prev.page == ln.page and ln.top - prev.bottom < tol.heading_gap and abs(prev.size - ln.size) < tol.edge:
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return [Heading(g) for g in groups]


def find_headings(pages: list[PageData], lines_by_page: dict[int, list[Line]], title_bottom: float, body: float,
                  settings: ExtractSettings, titles: frozenset[str]) -> dict[int, list[Heading]]:
    """Each page's headings: lines set larger than body text, or bold lines that spell a known
    section title (`titles`, folded), alone or wrapped over a few lines; on page 1, only below the
    title block."""
    first = pages[0].number
    out: dict[int, list[Heading]] = {}
    for p in pages:
        lines = [ln for ln in lines_by_page[p.number] if not (p.number == first and ln.top < title_bottom)]
        out[p.number] = _headings(lines, body, settings, titles)
    return out


class _Span(NamedTuple):
    """A page's band between two cuts (the page's top, a heading, the page's bottom)."""

    section: str | None  # None above page 1's first heading
    top: float
    bottom: float
    continued: bool  # at the top of a page: the section goes on from the page before


def _spans(headings: list[Heading], page_height: float, current: str | None) -> list[_Span]:
    tops = [0.0] + [h.bottom for h in headings]
    bottoms = [h.top for h in headings] + [page_height + 1]
    names = [current] + [h.text for h in headings]
    return [_Span(name, top, bottom, i == 0) for i, (name, top, bottom) in enumerate(zip(names, tops, bottoms))]


@dataclass
class Sections:
    facts: list[Word]  # the facts box's words
    chunks: list[Chunk]  # each section's table, a chunk per page it lies on
    titles: list[str]  # the headings, in reading order

    @property
    def table_words(self) -> list[Word]:
        return [w for c in self.chunks for w in c.words]


def _min_rule(page: PageData, settings: ExtractSettings) -> float:
    # short strokes (underlines, a mark beside a word) are not row separators
    if not page.words:
        return 0.0
    return settings.min_rule_width * (max(w.x1 for w in page.words) - min(w.x0 for w in page.words))


def _row_edges(page: PageData, min_rule: float) -> list[float]:
    """Heights that part table rows: the rules at least `min_rule` long, and the top and bottom
    edges of filled areas as wide (a browser shades every other row, or draws its borders as
    filled rectangles)."""
    edges = [r.y for r in page.hrules if r.length >= min_rule]
    edges += [y for b in page.boxes if b.width >= min_rule for y in (b.top, b.bottom)]
    return sorted(edges)


def _page_regions(page: PageData, spans: list[_Span], free: list[Word], facts_page: bool, title_bottom: float,
                  settings: ExtractSettings, edge: float) -> tuple[list[Word], list[Chunk]]:
    """The facts words and table chunks of one page, from its words no other part has taken (`free`)."""
    min_rule = _min_rule(page, settings)
    facts: list[Word] = []
    chunks: list[Chunk] = []
    for span in spans:
        region = [w for w in free if span.top - edge <= w.top and w.bottom <= span.bottom + edge]
        if not region:
            continue
        if facts_page and span.section is None:
            taken = [w for w in region if w.top >= title_bottom - edge]
            facts += taken
        else:
            rules = [y for y in _row_edges(page, min_rule) if span.top - 2 * edge <= y <= span.bottom + 2 * edge]
            chunks.append(Chunk(section=span.section or "", page=page.number, words=region,
                                hrules=rules, continued=span.continued))
            taken = region
        # a word in two bands (their edges overlap by the slack) stays in the upper one
        ids = {id(w) for w in taken}
        free = [w for w in free if id(w) not in ids]
    return facts, chunks


def split_sections(pages: list[PageData], headings: dict[int, list[Heading]], free: dict[int, list[Word]],
                   title_bottom: float, settings: ExtractSettings, edge: float = 0.5) -> Sections:
    """`free`: each page's words not taken by the title block, headings or page furniture; `edge`:
    how far (points) a word may reach past a band's edge and stay in it. The
    words above page 1's first heading and below the title block are the facts box (words there
    reaching above the title block's bottom are left unplaced)."""
    out = Sections(facts=[], chunks=[], titles=[h.text for p in pages for h in headings[p.number]])
    current: str | None = None
    for p in pages:
        spans = _spans(headings[p.number], p.height, current)
        facts, chunks = _page_regions(p, spans, free[p.number], p.number == pages[0].number, title_bottom, settings,
                                      edge)
        out.facts += facts
        out.chunks += chunks
        current = spans[-1].section
    return out
