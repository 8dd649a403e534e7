"""A file's pages -> the profiles in it, before any of them is read: a profile starts at its title block
(an index title the codebook knows, with a year, set larger than the text at the top of a page) and runs
to the page before the next title block or the next page of running prose. Pages of prose (a status
report, an introduction) belong to no profile: they are set aside, with the reason, and none of their
lines becomes a row."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ...core.codebook import Codebook
from ...core.settings import ExtractSettings
from .lines import Line, text_size
from .pages import PageData
from .title import YEAR, _find_index_line, title_lines

PROSE_WORDS = 7  # a line of running text holds at least this many words...
PROSE_WIDTH = 0.75  # ...spans this share of the page's text width...
PROSE_GAP = 1.2  # ...and no gap between two of its words is wider than this many times the body size
PROSE_SHARE = 0.5  # a page of prose: this share of its lines (of body text) are lines of running text
PROSE_LINES = 4  # and at least this many
PROSE_DIGITS = 0.15  # a line whose characters are more digits than this is a row of figures, not prose
COLUMN_SHARE = 0.25  # a column edge: a word starts at the same x (within COLUMN_SLACK pt) in this share of lines
COLUMN_SLACK = 1.0


@dataclass
class Part:
    """A run of pages: a profile (its title block on the first page) or pages set aside."""

    pages: list[PageData]
    reason: str | None = None  # set aside: why (None: a profile)

    @property
    def first(self) -> int:
        return self.pages[0].number

    @property
    def numbers(self) -> list[int]:
        return [p.number for p in self.pages]


@dataclass
class Split:
    profiles: list[Part] = field(default_factory=list)
    set_aside: list[Part] = field(default_factory=list)


def _gaps_ok(line: Line, body: float, vrules) -> bool:
    """No wide gap between two words, and no vertical rule between them: one run of text, not cells."""
    words = line.words
    for a, b in zip(words, words[1:]):
        if b.x0 - a.x1 > PROSE_GAP * body:
            return False
        if any(a.x1 - 0.5 <= v.x <= b.x0 + 0.5 and v.top <= line.bottom and v.bottom >= line.top for v in vrules):
            return False
    return True


def is_prose_line(line: Line, body: float, text_width: float, vrules=()) -> bool:
    """A line of running text: many words, across most of the text width, with no gap that parts cells,
    and not mostly figures."""
    if len(line.words) < PROSE_WORDS or line.x1 - line.x0 < PROSE_WIDTH * text_width:
        return False
    chars = [c for c in line.text if not c.isspace()]
    if sum(c.isdigit() for c in chars) > PROSE_DIGITS * len(chars):
        return False
    return _gaps_ok(line, body, vrules)


def _body_lines(page: PageData, settings: ExtractSettings) -> tuple[list[Line], float]:
    body = page.body
    lines = page.lines(settings.same_line * body)
    # the lines of body text (not the headings, not the footnotes set small)
    return [ln for ln in lines if abs(median(w.size for w in ln.words) - body) <= 0.15 * body], body


def column_edge(lines: list[Line]) -> float | None:
    """The left edge of a column that many of the lines share past their first word (a table's value
    column, whatever the gap before it: labels set flush right leave almost none), or None. In running
    text the words after the first of each line start wherever the words before them end."""
    starts = Counter(round(w.x0) for ln in lines for w in ln.words[1:])
    if not starts:
        return None
    x, _ = starts.most_common(1)[0]
    share = sum(any(abs(w.x0 - x) <= COLUMN_SLACK for w in ln.words[1:]) for ln in lines)
    return float(x) if share >= max(3, COLUMN_SHARE * len(lines)) else None


def prose_page(page: PageData, settings: ExtractSettings) -> bool:
    """Most of the page's body lines are lines of running text, and they are not the rows of a table
    (no column edge shared by many of them)."""
    if not page.words:
        return False
    lines, body = _body_lines(page, settings)
    if not lines:
        return False
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    prose = [ln for ln in lines if is_prose_line(ln, body, right - left, page.vrules)]
    edge = column_edge(prose)
    if edge is not None:
        prose = [ln for ln in prose if not any(abs(w.x0 - edge) <= COLUMN_SLACK for w in ln.words[1:])]
    return len(prose) >= PROSE_LINES and len(prose) >= PROSE_SHARE * len(lines)


def title_block_page(page: PageData, settings: ExtractSettings, codebook: Codebook) -> bool:
    """The page opens with a profile's title block: among the first lines set larger than the text, an
    index title the codebook knows and a year. A running header that names the index in small type (in
    the margin of every page) is no title block."""
    if not page.words:
        return False
    size = text_size(page.words)
    lines = page.lines(settings.same_line * page.body)
    large = [ln for ln in title_lines(lines, size, settings.heading_size_ratio)
             if ln.size >= size * settings.heading_size_ratio]
    _, template, _ = _find_index_line(large, codebook)
    return template is not None and any(YEAR.search(ln.text) for ln in large)


def split_pages(pages: list[PageData], settings: ExtractSettings, codebook: Codebook) -> Split:
    """The profiles of a file, each from its title block to the page before the next title block or the
    next page of prose; the pages of prose, and the pages before the first title block, set aside. In a file
    with no title block the codebook knows, its pages that are not prose are one part, read as they are
    (the checks after decide whether it is a profile)."""
    prose = [prose_page(p, settings) for p in pages]
    starts = [not is_prose and title_block_page(p, settings, codebook) for p, is_prose in zip(pages, prose)]
    out = Split()
    if not any(starts):  # one part: every page that is not prose
        kept = [p for p, is_prose in zip(pages, prose) if not is_prose]
        if kept:
            out.profiles.append(Part(kept))
    current: Part | None = None
    for page, start, is_prose in zip(pages, starts, prose):
        if start:
            current = Part([page])
            out.profiles.append(current)
        elif is_prose or current is None:
            current = None
            if not is_prose and not any(starts):
                continue  # already in the one part
            reason = ("running prose" if is_prose else "before the first title block" if not out.profiles
                      else "after running prose, before the next title block")
            last = out.set_aside[-1] if out.set_aside else None
            if last is not None and last.reason == reason and last.pages[-1].number == page.number - 1:
                last.pages.append(page)
            else:
                out.set_aside.append(Part([page], reason))
        else:
            current.pages.append(page)
    return out
