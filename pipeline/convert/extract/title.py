"""The title block: header, country name, index title with the score, and the year line."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...core.codebook import Codebook
from ...core.models import Cell, Issue, Row, Word
from ...core.text import fold, is_dash
from .lines import Line, fragment_of

YEAR = regex.compile(r"\b(19|20)\d{2}\b")


@dataclass
class TitleBlock:
    rows: list[Row] = field(default_factory=list)
    bottom: float = 0.0
    template: str | None = None
    words: list[Word] = field(default_factory=list)  # every word of the block's lines: what it takes from the page
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


def _find_index_line(lines: list[Line], codebook: Codebook, large: float = 0.0) -> tuple[int, str | None, str | None]:
    """The line naming the index (its index, template id and title), a line set at least `large` first:
    a running header in small type above the title block may name the index too ("Index on Torture | CSP")."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].size < large)
    for i in order:
        ln = lines[i]
        for tpl in codebook.templates:
            for title in tpl.index_titles:
                if fold(title) in fold(ln.text):
                    return i, tpl.id, title
    return -1, None, None


def _row(key: str, label: list[Word], value: list[Word]) -> Row:
    return Row(kind="title", key=key,
               label=Cell(fragments=[fragment_of(label)] if label else []),
               value=Cell(fragments=[fragment_of(value)] if value else []))


_ENDS_WITH_SCORE = regex.compile(r"(?:^|\s)[\p{Pd}\u2212:]*\s*[\p{Pd}\u2212]*\d+(?:[.,]\d+)?$")


_SCORE_ONLY = regex.compile(r"^[\p{Pd}\u2212]*\s*[\p{Pd}\u2212]*\d+(?:[.,]\d+)?$")


def title_lines(lines: list[Line], body: float, ratio: float) -> list[Line]:
    """The title block: page 1's first run of lines set larger than body text (with any small
    lines above it), ending where the facts box begins."""
    large = [i for i, ln in enumerate(lines) if ln.size >= body * ratio]
    if not large:
        return lines[:4]
    end = large[0]
    while end < len(lines) and lines[end].size >= body * ratio:
        end += 1
    return lines[:end]


_SCORE_WORD = regex.compile(r"^[\p{Pd}\u2212]*\d+(?:[.,]\d+)?$")


def _index_row(line: Line, title: str | None) -> Row:
    """Split the index line into its title (with the separating dash) and the score: the score is
    the line's last number, with any sign before it; of the dashes before it, the first separates."""
    words = line.words
    j = next((i for i in range(len(words) - 1, -1, -1) if _SCORE_WORD.match(words[i].text)), None)
    if j is None:  # no number at the end: everything after the title (or the last word) is the value
        k = len(words) - 1
        if title:
            start = next((i for i, w in enumerate(words) if _prefix_len(words[i:], title)), 0)
            k = start + _prefix_len(words[start:], title)
        while k < len(words) and (is_dash(words[k].text) or words[k].text == ":"):
            k += 1
        return _row("index_score", words[:k], words[k:])
    i = j
    while i > 0 and (is_dash(words[i - 1].text) or words[i - 1].text == ":"):
        i -= 1
    start = i + 1 if i < j else j
    return _row("index_score", words[:start], words[start:])


def _unknown_index_line(block: list[Line]) -> tuple[int, Issue]:
    """A line of the block ending in a number (not a year) read as the index line of an unknown
    template, and the warning that says so."""
    idx = next((i for i, ln in enumerate(block) if len(ln.words) >= 2 and _ENDS_WITH_SCORE.search(ln.text)
                and not YEAR.fullmatch(ln.words[-1].text.strip("."))), -1)
    printed = " ".join(w.text for w in block[idx].words[:-1]) if idx >= 0 else None
    return idx, Issue(code="unknown_template", page=1, message=(
        f"unknown index title {printed!r}: read as the score line; add it to the codebook's templates"
        if printed else "no index title on page 1 (codebook templates): the score was not found"))


def _score_row(block: list[Line], idx: int, title: str | None) -> tuple[Row, int]:
    """The index row, and the index of the line its score was read from when that is a line of its own (else -1)."""
    row = _index_row(block[idx], title)
    nxt = block[idx + 1] if idx + 1 < len(block) else None
    if not row.value.fragments and nxt is not None and _SCORE_ONLY.match(nxt.text):
        # the score wrapped onto a line of its own
        row.value.fragments = [nxt.fragment()]
        return row, idx + 1
    return row, -1


def _year_line(block: list[Line], skip: tuple[int, ...], codebook: Codebook) -> int:
    """The line that opens with the codebook's year-line words (whatever follows them: "1899", "2019/2020"
    are read, and judged, as the year's value), else a short line with a year in it."""
    prefixes = codebook.title_block.year_line
    opening = next((i for i, ln in enumerate(block) if i not in skip
                    and any(_prefix_len(ln.words, p) for p in prefixes)), -1)
    if opening >= 0:
        return opening
    return next((i for i, ln in enumerate(block) if i not in skip and YEAR.search(ln.text) and len(ln.words) <= 6), -1)


def _year_row(line: Line, codebook: Codebook) -> Row:
    """The year line's words: after its opening words when it has them, else the year word itself."""
    k = max((_prefix_len(line.words, p) for p in codebook.title_block.year_line), default=0)
    if k and k < len(line.words):
        return _row("year", line.words[:k], line.words[k:])
    year_words = [w for w in line.words if YEAR.fullmatch(w.text.strip(".,;:"))]
    return _row("year", [w for w in line.words if w not in year_words], year_words[:1])


def _country_row(block: list[Line], skip: tuple[int, ...], codebook: Codebook) -> Row | None:
    """The largest lines left once the index, score and year lines and the known headers are set aside."""
    headers = {fold(h) for h in codebook.title_block.headers}
    rest = [ln for i, ln in enumerate(block) if i not in skip and fold(ln.text) not in headers]
    if not rest:
        return None
    largest = max(ln.size for ln in rest)
    return Row(kind="title", key="country", label=Cell(),
               value=Cell(fragments=[ln.fragment() for ln in rest if ln.size >= largest - 0.5]))


def parse_title(lines: list[Line], codebook: Codebook, body: float = 10.0, ratio: float = 1.08) -> TitleBlock:
    """`lines`: page-1 lines, top to bottom. A known index title names the template; an
    unknown one (a line in the title block ending in a number) is still read, with a warning."""
    block = title_lines(lines, body, ratio)
    idx, template, title = _find_index_line(block, codebook, body * ratio)
    out = TitleBlock(template=template, words=[w for ln in block for w in ln.words],
                     lines=[ln.text for ln in block], bottom=max((ln.bottom for ln in block), default=0.0))
    if idx < 0:
        idx, warning = _unknown_index_line(block)
        out.warnings.append(warning)
    score_line = -1
    if idx >= 0:
        row, score_line = _score_row(block, idx, title)
        out.rows.append(row)
    year_idx = _year_line(block, (idx, score_line), codebook)
    if year_idx >= 0:
        out.rows.append(_year_row(block[year_idx], codebook))
    country = _country_row(block, (idx, score_line, year_idx), codebook)
    if country is not None:
        out.rows.insert(0, country)
    return out
