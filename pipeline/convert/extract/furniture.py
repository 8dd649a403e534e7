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
    the same text (numbers aside, when there are words) and height on several pages."""
    def in_margin(ln: Line, p: PageData) -> bool:
        return ln.bottom < p.height * margin or ln.top > p.height * (1 - margin)

    candidates = [(p, ln, _shape(ln.text)) for p in pages for ln in lines_by_page[p.number] if in_margin(ln, p)]
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
