"""Page -> positioned words and rulings, and the page's share of the structure tree where the PDF is
tagged. With tags.py, the only modules that talk to pdfplumber."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from statistics import median

import pdfplumber
import regex

from ...core.geometry import BBox, HRule, VRule
from ...core.models import Word
from ...core.settings import ExtractSettings
from .lines import Line, body_size, foot_edges, group_lines, join_kerned, page_edges, page_word_gaps
from .objects import install
from .tags import PageTags, read_structure


@dataclass
class PageData:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    hrules: list[HRule] = field(default_factory=list)
    vrules: list[VRule] = field(default_factory=list)
    boxes: list[BBox] = field(default_factory=list)  # filled or stroked rects, rounded to 0.1 pt
    tags: PageTags | None = None  # the table cells the structure tree puts on this page (None: untagged)
    _lines: dict[float, list[Line]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def body(self) -> float:
        """The font size most of the page's characters are set in."""
        return body_size(self.words)

    def lines(self, tolerance: float) -> list[Line]:
        """The page's words as lines (group_lines), grouped once for each tolerance asked: the split of a
        file into profiles looks at each page twice."""
        if tolerance not in self._lines:
            self._lines[tolerance] = group_lines(self.words, tolerance)
        return self._lines[tolerance]

    def with_rules(self, hrules: list[HRule], vrules: list[VRule]) -> PageData:
        """The page with other rules; the same words, so the lines grouped so far still hold."""
        page = replace(self, hrules=hrules, vrules=vrules)
        page._lines.update(self._lines)
        return page


def _rulings(page) -> tuple[list[HRule], list[VRule], list[BBox]]:
    hrules, vrules, boxes = [], [], set()
    for ln in page.lines:
        if abs(ln["top"] - ln["bottom"]) < 2:
            hrules.append(HRule((ln["top"] + ln["bottom"]) / 2, ln["x0"], ln["x1"]))
        elif abs(ln["x0"] - ln["x1"]) < 2:
            vrules.append(VRule((ln["x0"] + ln["x1"]) / 2, ln["top"], ln["bottom"]))
    for r in page.rects:
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if h < 2 and w > 2:  # a rule drawn as a thin rectangle
            hrules.append(HRule((r["top"] + r["bottom"]) / 2, r["x0"], r["x1"]))
        elif w < 2 and h > 2:
            vrules.append(VRule((r["x0"] + r["x1"]) / 2, r["top"], r["bottom"]))
        elif w >= 2 and h >= 2:
            boxes.add(BBox(r["x0"], r["top"], r["x1"], r["bottom"]).rounded(1))
    return hrules, vrules, sorted(boxes)


def _kern_walls(chars: list[dict], vrules: list[VRule]) -> list[BBox] | None:
    """On a page whose words are placed by gaps (pdfTeX writes no space characters; a few, say
    no-break spaces in numbers, may still be there), what a kern is never joined across: a blank
    character, a vertical rule (a label and its value either side of a column's border). None for a
    page that draws its spaces: pdfplumber's words stand."""
    blanks = [c for c in chars if c["text"].isspace()]
    if sum(c["text"] == " " for c in blanks) > 0.02 * len(chars):
        return None
    return [BBox(c["x0"], c["top"], c["x1"], c["bottom"]) for c in blanks] + \
        [BBox(v.x, v.top, v.x, v.bottom) for v in vrules]


# word gaps: a page with fewer (a row's tail and a running header overleaf) tells too little of its own
SPARSE_PAGE = 40


def _join_kerned(pages: list[PageData], walls: list[list[BBox] | None], settings: ExtractSettings) -> None:
    """On each page placed by gaps, word pieces parted by a kern are joined (`join_kerned`), judged by
    the page's median word gap, or, on a page of few words, by the document's and never across a column
    edge of the pages either side (the table it holds the tail or the head of)."""
    gaps = {i: page_word_gaps(p.words, w) for i, (p, w) in enumerate(zip(pages, walls)) if w is not None}
    every = [g for gs in gaps.values() for g in gs]
    document = median(every) if every else None
    sparse = [i for i, gs in gaps.items() if len(gs) < SPARSE_PAGE and document is not None]
    # the column edges of the pages either side, for a page of few lines (a table's tail) that cannot show
    # its own; not those of pages further off: their tables, each sized to its text, have columns of their own
    edges = {i: page_edges(pages[i].words) for i in gaps if i not in sparse} if sparse else {}
    for i in gaps:
        if i in sparse:
            borrowed = frozenset().union(*(edges.get(j, frozenset()) for j in (i - 1, i + 1)))
            pages[i].words = join_kerned(pages[i].words, settings.kern_ratio, walls[i], settings.kern_max, document,
                                         borrowed, pages[i].vrules)
        else:
            # the columns at the foot of the page before, where a split row's rest opens this page
            overleaf = foot_edges(pages[i - 1].words) if i - 1 in gaps else frozenset()
            pages[i].words = join_kerned(pages[i].words, settings.kern_ratio, walls[i], settings.kern_max,
                                         rules=pages[i].vrules, overleaf=overleaf)


# a small letter or a closing bracket before a capital or a decimal digit, or a stop before a capital
# (not before a digit: "3,340,099,013", "107.83"); one pattern for a word's text and for a pair of its
# characters, so the cheap look at the text finds every pair the characters would show
_SEAMS = regex.compile(r"[\p{Ll})][\p{Lu}\p{Nd}]|[.,;:]\p{Lu}")


def _seam(left: str, right: str) -> bool:
    """Whether two characters may be where one word ends and the next begins with no space between."""
    return _SEAMS.fullmatch(left[-1:] + right[:1]) is not None


def _cut_word(w: dict, chars: list[dict], cuts: list[int]) -> list[dict]:
    """The word cut before each character index of `cuts` (sorted); the word itself when none."""
    if not cuts:
        return [w]
    parts = [chars[a:b] for a, b in zip([0] + cuts, cuts + [len(chars)])]
    return [{**w, "text": "".join(c["text"] for c in part), "x0": part[0]["x0"], "x1": part[-1]["x1"], "chars": part}
            for part in parts]


def cut_touching(raw: list[dict], align: float, reach: float = 6.0) -> list[dict]:
    """pdfplumber's words, each one that runs from a cell into the next cut apart: where a cell's text
    fills its column to the edge (an auto-sized table with no padding), the next cell's first word
    touches it and pdfplumber reads one word ("investigationsLow.", "(2002)2006"). A word is cut where a
    small letter or a closing bracket meets a capital or a figure (or a stop meets a capital) and that
    character starts where words of two other lines near it start too (within `reach` lines of its
    font size up or down, and `align` of its size across): the edge of the next column of its table.
    Not in a running footer's file name ("ujb9"), which no column stands above."""
    starts = sorted((w["x0"], w["top"]) for w in raw)
    xs = [x for x, _ in starts]

    def column_edge(c: dict, top: float) -> bool:
        tol, near = align * c["size"], reach * c["size"]
        lo, hi = bisect_left(xs, c["x0"] - tol), bisect_right(xs, c["x0"] + tol)
        return sum(1 for _, t in starts[lo:hi] if 0 < abs(t - top) <= near) >= 2

    out = []
    for w in raw:
        chars = w.get("chars") or []
        cuts = [k for k in range(1, len(chars)) if _seam(chars[k - 1]["text"], chars[k]["text"])
                and column_edge(chars[k], w["top"])] if _SEAMS.search(w["text"]) else []
        out += _cut_word(w, chars, cuts)
    return out


def cut_at_rules(raw: list[dict], vrules: list[VRule], slack: float = 0.5) -> list[dict]:
    """pdfplumber's words, each cut where a drawn vertical rule runs between two of its characters:
    no text crosses a table's border, so a label set flush right against it and a value flush left
    against its other side with no padding ("courts" | "1", read "courts1") are two words; only where
    the two characters may end one word and begin another (`_seam`: a title drawn across a merged
    cell's border stays whole). `slack`:
    how far into a character's box (in points) the rule may lie, a glyph's box being a little wider
    than its ink."""
    if not vrules:
        return raw
    rules = sorted(vrules, key=lambda v: v.x)
    xs = [v.x for v in rules]
    out = []
    for w in raw:
        if not _SEAMS.search(w["text"]):  # no two characters that may part words: nothing to cut
            out.append(w)
            continue
        chars = w.get("chars") or []
        middle = (w["top"] + w["bottom"]) / 2
        walls = [v.x for v in rules[bisect_right(xs, w["x0"]):bisect_left(xs, w["x1"])] if v.top <= middle <= v.bottom]
        cuts = [k for k in range(1, len(chars)) for x in walls
                if chars[k - 1]["x1"] - slack <= x <= chars[k]["x0"] + slack
                and (chars[k - 1]["x0"] + chars[k - 1]["x1"]) / 2 < x < (chars[k]["x0"] + chars[k]["x1"]) / 2
                and _seam(chars[k - 1]["text"], chars[k]["text"])]
        cuts = sorted(set(cuts))
        out += _cut_word(w, chars, cuts)
    return out


def _color(value) -> str:
    # black is black however it is given (grey 0, RGB 0 0 0, unset): only a colour of its own counts
    if value is None or not isinstance(value, (tuple, list)) or not any(value):
        return ""
    return " ".join(f"{v:g}" if isinstance(v, (int, float)) else str(v) for v in value)


def char_mcids(chars: list[dict]) -> dict[int, int | None]:
    """Each character's marked-content sequence (MCID), by id, in stream order. pdfplumber keeps the
    current sequence only, not a stack: a sequence nested in another (Chromium sets each ligature
    in a `Span` with its ActualText) clears the MCID, for its own characters and for those of the
    outer sequence after it. Those get the outer sequence's MCID back: a character with a tag and no
    MCID right after characters with an MCID is nested in their sequence (an `Artifact` is not),
    and the characters with neither that follow such a run are the rest of the outer sequence."""
    out: dict[int, int | None] = {}
    outer: int | None = None  # the MCID of the sequence the characters are in, as far as known
    nested = False  # inside (or just out of) a sequence nested in `outer`
    for c in chars:
        mcid, tag = c.get("mcid"), c.get("tag")
        if mcid is not None:
            outer, nested = mcid, False
        elif tag is not None and tag != "Artifact" and outer is not None:
            mcid, nested = outer, True
        elif tag is None and nested:
            mcid = outer
        else:
            outer, nested = None, False
        out[id(c)] = mcid
    return out


def cut_at_cells(raw: list[dict], mcids: dict[int, int | None], cells: dict) -> list[dict]:
    """pdfplumber's words, each cut where its characters pass from one tagged table cell into another
    (`cells`: MCID -> tags.TagCell): the producer drew them in two cells, whatever their letters (a
    label set flush right against its value, no padding: "torture" | "corruption service")."""
    if not cells:
        return raw
    out = []
    for w in raw:
        chars = w.get("chars") or []
        where = [cells.get(mcids.get(id(c))) for c in chars]
        cuts = [k for k in range(1, len(chars)) if where[k] is not None and where[k - 1] is not None
                and where[k][:3] != where[k - 1][:3]]
        out += _cut_word(w, chars, cuts)
    return out


def _mcid(word: dict, mcids: dict[int, int | None]) -> int | None:
    """The marked-content sequence most of a word's characters were drawn in (a sequence may end
    inside a word)."""
    counts = Counter(mcids.get(id(c)) for c in word["chars"])
    return counts.most_common(1)[0][0] if counts else None


class TooLarge(ValueError):
    """A document over the configured page limit: not a country profile of a few pages."""


def read_pages(path: Path, settings: ExtractSettings) -> list[PageData]:
    """Parse each page once; close it straight away so pdfplumber's caches do not pile up."""
    pages: list[PageData] = []
    walls: list[list[BBox] | None] = []
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) > settings.max_pages:
            raise TooLarge(f"the PDF has {len(pdf.pages)} pages, over the limit of {settings.max_pages} "
                           "for a country profile")
        structure = read_structure(pdf)  # None at the cost of a look at the catalogue when untagged
        for page in pdf.pages:
            try:
                install(page)
                raw = page.extract_words(
                    x_tolerance_ratio=settings.x_tolerance_ratio,
                    y_tolerance=settings.y_tolerance,
                    keep_blank_chars=False,
                    use_text_flow=False,
                    extra_attrs=["size", "fontname", "non_stroking_color"],
                    return_chars=True,
                )
                hrules, vrules, boxes = _rulings(page)
                raw = cut_touching(cut_at_rules(raw, vrules), settings.align_slack)
                mcids = char_mcids(page.chars) if structure is not None else {}
                tagged = structure.get(page.page_number) if structure is not None else None
                raw = cut_at_cells(raw, mcids, tagged.cells if tagged is not None else {})
                words = [
                    Word(text=w["text"], page=page.page_number, x0=w["x0"], top=w["top"],
                         x1=w["x1"], bottom=w["bottom"], size=round(w["size"], 2), font=w["fontname"],
                         color=_color(w["non_stroking_color"]),
                         mcid=_mcid(w, mcids) if structure is not None else None)
                    for w in raw if w["text"].strip()
                ]
                walls.append(_kern_walls(page.chars, vrules))
                pages.append(PageData(page.page_number, float(page.width), float(page.height),
                                      words, hrules, vrules, boxes, tagged))
            finally:
                page.close()
    _join_kerned(pages, walls, settings)
    return pages
