"""Page -> positioned words and rulings. The only module that talks to pdfplumber."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from ...core.geometry import BBox, HRule, VRule
from ...core.models import Word
from ...core.settings import ExtractSettings
from .lines import join_kerned


@dataclass
class PageData:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    hrules: list[HRule] = field(default_factory=list)
    vrules: list[VRule] = field(default_factory=list)
    boxes: list[BBox] = field(default_factory=list)  # filled or stroked rects, rounded to 0.1 pt


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


def _join_kerned(chars: list[dict], words: list[Word], vrules: list[VRule], settings: ExtractSettings) -> list[Word]:
    """On a page whose words are placed by gaps (pdfTeX writes no space characters; a few, say
    no-break spaces in numbers, may still be there), word pieces parted by a kern are joined; never
    across a vertical rule (a label and its value either side of a column's border)."""
    blanks = [c for c in chars if c["text"].isspace()]
    if sum(c["text"] == " " for c in blanks) > 0.02 * len(chars):
        return words
    walls = [BBox(c["x0"], c["top"], c["x1"], c["bottom"]) for c in blanks]
    walls += [BBox(v.x, v.top, v.x, v.bottom) for v in vrules]
    return join_kerned(words, settings.kern_ratio, walls, settings.kern_max)


def _color(value) -> str:
    # black is black however it is given (grey 0, RGB 0 0 0, unset): only a colour of its own counts
    if value is None or not isinstance(value, (tuple, list)) or not any(value):
        return ""
    return " ".join(f"{v:g}" if isinstance(v, (int, float)) else str(v) for v in value)


class TooLarge(ValueError):
    """A document over the configured page limit: not a country profile of a few pages."""


def read_pages(path: Path, settings: ExtractSettings) -> list[PageData]:
    """Parse each page once; close it straight away so pdfplumber's caches do not pile up."""
    pages: list[PageData] = []
    with pdfplumber.open(path) as pdf:
        if len(pdf.pages) > settings.max_pages:
            raise TooLarge(f"the PDF has {len(pdf.pages)} pages, over the limit of {settings.max_pages} "
                           "for a country profile")
        for page in pdf.pages:
            try:
                raw = page.extract_words(
                    x_tolerance_ratio=settings.x_tolerance_ratio,
                    y_tolerance=settings.y_tolerance,
                    keep_blank_chars=False,
                    use_text_flow=False,
                    extra_attrs=["size", "fontname", "non_stroking_color"],
                )
                words = [
                    Word(text=w["text"], page=page.page_number, x0=w["x0"], top=w["top"],
                         x1=w["x1"], bottom=w["bottom"], size=round(w["size"], 2), font=w["fontname"],
                         color=_color(w["non_stroking_color"]))
                    for w in raw if w["text"].strip()
                ]
                hrules, vrules, boxes = _rulings(page)
                words = _join_kerned(page.chars, words, vrules, settings)
                pages.append(PageData(page.page_number, float(page.width), float(page.height),
                                      words, hrules, vrules, boxes))
            finally:
                page.close()
    return pages
