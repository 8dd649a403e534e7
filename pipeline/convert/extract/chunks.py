"""A section's table in pieces: the chunk of it on one page, and the bands of label and value lines
that make its rows."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...core.models import Word
from .columns import Split
from .lines import Line
from .stacked import Pairs


@dataclass
class Chunk:
    """The part of one section's table that lies on one page."""

    section: str
    page: int
    words: list[Word]
    hrules: list[float]  # row separators: drawn rules and the edges of filled rows
    continued: bool  # the section began on an earlier page
    split: Split | None = None  # the label | value split, once the columns are known
    stacked: tuple[str, Pairs] | None = None  # no value column: how each value is set below its label, the pairs


@dataclass
class Band:
    """Blocks of label and value lines that overlap down the page: one row, or part of one."""

    labels: list[list[Line]] = field(default_factory=list)
    values: list[list[Line]] = field(default_factory=list)
    top: float = 0.0
    bottom: float = 0.0
    page: int = 0
    doubtful: str = ""  # why the band's reading is in doubt (rows that may have run together)

    def add(self, block: list[Line], is_value: bool) -> None:
        (self.values if is_value else self.labels).append(block)
        tops = [b[0].top for b in self.labels + self.values]
        bottoms = [b[-1].bottom for b in self.labels + self.values]
        self.top, self.bottom, self.page = min(tops), max(bottoms), block[0].page


def continues_label(band: Band) -> bool:
    """Labels open with a capital: a label that opens in lower case at the top of a continued
    table is the rest of the row the page break split (label and value both wrapped over)."""
    first = min((ln for b in band.labels for ln in b), key=lambda l: (l.top, l.x0), default=None)
    return first is not None and first.words[0].text[:1].islower()
