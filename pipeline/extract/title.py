"""The title block: header, country name, index title with the score, and the year line."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..codebook import Codebook
from ..models import Cell, Issue, Row, Word
from ..text import fold, is_dash
from .lines import Line, fragment_of

YEAR = regex.compile(r"\b(19|20)\d{2}\b")


@dataclass
class TitleBlock:
    rows: list[Row] = field(default_factory=list)
    bottom: float = 0.0
    template: str | None = None
    placed: list[Word] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)


def _prefix_len(words: list[Word], phrase: str) -> int:
    """How many leading words spell `phrase` (folded), or 0."""
    target = fold(phrase)
    for k in range(1, len(words) + 1):
        got = fold(" ".join(w.text for w in words[:k]))
        if got == target:
            return k
        if not target.startswith(got):
            return 0
    return 0


def _find_index_line(lines: list[Line], codebook: Codebook) -> tuple[int, str | None, str | None]:
    for i, ln in enumerate(lines):
        for tpl in codebook.templates:
            for title in tpl.index_titles:
                if fold(title) in fold(ln.text):
                    return i, tpl.id, title
    return -1, None, None


def _row(key: str, label: list[Word], value: list[Word]) -> Row:
    return Row(kind="title", key=key,
               label=Cell(fragments=[fragment_of(label)] if label else []),
               value=Cell(fragments=[fragment_of(value)] if value else []))


def parse_title(lines: list[Line], codebook: Codebook) -> TitleBlock:
    """`lines`: page-1 lines above the facts box, top to bottom."""
    out = TitleBlock()
    idx, template, title = _find_index_line(lines, codebook)
    out.template = template
    headers = {fold(h) for h in codebook.title_block.headers}
    if idx < 0:
        out.warnings.append(Issue(code="unknown_template", page=1,
                                  message="no known index title (codebook templates) on page 1; "
                                          "country taken from the largest line, score not found"))
        head = [ln for ln in lines[:6] if fold(ln.text) not in headers]
        country_lines = [max(head, key=lambda l: l.size)] if head else []
        rest = lines
    else:
        country_lines = [ln for ln in lines[:idx] if fold(ln.text) not in headers]
        rest = lines[idx + 1:]
        words = lines[idx].words
        start = next((i for i, w in enumerate(words) if _prefix_len(words[i:], title)), 0)
        k = start + _prefix_len(words[start:], title)
        while k < len(words) and (is_dash(words[k].text) or words[k].text == ":"):
            k += 1
        out.rows.append(_row("index_score", words[:k], words[k:]))
        out.placed += words
        out.lines.append(lines[idx].text)
        out.bottom = lines[idx].bottom
    for ln in lines[:idx] if idx >= 0 else lines[:6]:
        if fold(ln.text) in headers:
            out.placed += ln.words
            out.lines.append(ln.text)
    if country_lines:
        words = [w for ln in country_lines for w in ln.words]
        out.rows.insert(0, Row(kind="title", key="country", label=Cell(),
                               value=Cell(fragments=[ln.fragment() for ln in country_lines])))
        out.placed += words
        out.lines += [ln.text for ln in country_lines]
        out.bottom = max(out.bottom, max(ln.bottom for ln in country_lines))
    year_prefixes = [fold(p) for p in codebook.title_block.year_line]
    for ln in rest[:3]:
        m = YEAR.search(ln.text)
        if m and (any(fold(ln.text).startswith(p) for p in year_prefixes) or len(ln.words) <= 6):
            year_words = [w for w in ln.words if YEAR.fullmatch(w.text.strip(".,;:"))]
            label = [w for w in ln.words if w not in year_words]
            out.rows.append(_row("year", label, year_words[:1]))
            out.placed += ln.words
            out.lines.append(ln.text)
            out.bottom = max(out.bottom, ln.bottom)
            break
    return out
