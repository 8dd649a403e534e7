"""Running headers, footers and page numbers: text repeated in the page margins, not content."""
from __future__ import annotations

import regex

from ...text import fold
from .lines import Line
from .pages import PageData

_PAGE_NUMBER = regex.compile(r"^(?:page\s*)?[-–—]?\s*(\d{1,3})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?$",
                             regex.IGNORECASE)


def find_furniture(pages: list[PageData], lines_by_page: dict[int, list[Line]], margin: float = 0.08) -> list[Line]:
    """Lines in the top or bottom margin band that give the page's own number, or that recur with
    the same text and height on several pages."""
    def in_margin(ln: Line, p: PageData) -> bool:
        return ln.bottom < p.height * margin or ln.top > p.height * (1 - margin)

    candidates = [(p, ln) for p in pages for ln in lines_by_page[p.number] if in_margin(ln, p)]
    out = []
    for p, ln in candidates:
        m = _PAGE_NUMBER.match(ln.text.strip())
        if m and int(m.group(1)) == p.number:
            out.append(ln)
            continue
        twins = {q.number for q, other in candidates
                 if q.number != p.number and fold(other.text) == fold(ln.text) and abs(other.top - ln.top) < 3}
        if twins:
            out.append(ln)
    return out
