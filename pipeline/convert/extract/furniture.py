"""Running headers, footers and page numbers: text repeated in the page margins, not content."""
from __future__ import annotations

import regex

from ...core.text import fold
from .lines import Line
from .pages import PageData

# "3", "- 3 -", "Page 3", "Page 3 of 12", "3 / 12", "p. 3", "pg. 3", "стр. 3", "Страница 3 из 12"
_PAGE_NUMBER = regex.compile(
    r"^(?:(?:page|pg\.?|p\.|стр\.?|страница|с\.)\s*)?[-–—]?\s*(\d{1,3})\s*[-–—]?(?:\s*(?:of|/|из)\s*\d{1,3})?$",
    regex.IGNORECASE)
_DIGITS = regex.compile(r"\d+")


def _shape(text: str) -> str:
    """The text with its numbers masked, so "Page 1 of 3" and "Page 2 of 3" are the same footer."""
    folded = fold(text)
    return _DIGITS.sub("#", folded) if regex.search(r"\p{L}", folded) else folded


def find_furniture(pages: list[PageData], lines_by_page: dict[int, list[Line]], margin: float = 0.08) -> list[Line]:
    """Lines in the top or bottom margin band that give the page's own number, or that recur with
    the same text (numbers aside, when there are words) and height on several pages; not a line whose
    block runs on below the top band (a table's header row repeated atop each page)."""
    def in_margin(ln: Line, p: PageData) -> bool:
        return ln.bottom < p.height * margin or ln.top > p.height * (1 - margin)

    def runs_on(ln: Line, p: PageData) -> bool:
        # a line with the next line of its block right below it (less than half a line apart, the two
        # overlapping), that block going on past the top margin band: the first line of a table's header
        # row repeated atop each page, not a running header standing apart
        return ln.bottom < p.height * margin and any(
            m is not ln and 0 <= m.top - ln.top and m.top - ln.bottom < 0.5 * ln.size and m.bottom > p.height * margin
            and m.x0 < ln.x1 and ln.x0 < m.x1 for m in lines_by_page[p.number])

    def in_block(ln: Line, p: PageData) -> bool:  # such a line, or a cell beside one (the header's other cell)
        return runs_on(ln, p) or ln.bottom < p.height * margin and any(
            m is not ln and m.top < ln.bottom and ln.top < m.bottom and runs_on(m, p) for m in lines_by_page[p.number])

    candidates = [(p, ln, _shape(ln.text)) for p in pages for ln in lines_by_page[p.number]
                  if in_margin(ln, p) and not in_block(ln, p)]
    out = []
    for p, ln, shape in candidates:
        m = _PAGE_NUMBER.match(ln.text.strip())
        if m and int(m.group(1)) == p.number:
            out.append(ln)
            continue
        if any(q.number != p.number and other_shape == shape and abs(other.top - ln.top) < 3
               for q, other, other_shape in candidates):
            out.append(ln)
    return out
