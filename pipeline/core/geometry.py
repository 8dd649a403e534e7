"""Page geometry in PDF points (y grows downwards, as pdfplumber gives it): boxes, rules, gutters.

Top level rather than under convert/, because the models and the review site take unions of boxes too.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class BBox(NamedTuple):
    x0: float
    top: float
    x1: float
    bottom: float

    @classmethod
    def union(cls, boxes: Iterable[BBox]) -> BBox:
        """The smallest box holding every one of `boxes` (at least one): boxes, or anything with their
        four edges (`x0`, `top`, `x1`, `bottom`), such as words."""
        boxes = list(boxes)
        if not boxes:
            raise ValueError("the union of no boxes")
        return cls(min(b.x0 for b in boxes), min(b.top for b in boxes),
                   max(b.x1 for b in boxes), max(b.bottom for b in boxes))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def rounded(self, ndigits: int = 2) -> BBox:
        return BBox(*(round(c, ndigits) for c in self))

    def holds_centre_of(self, other: BBox) -> bool:
        """Whether the centre of `other` lies in this box (edges included)."""
        cx, cy = (other.x0 + other.x1) / 2, (other.top + other.bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom


class HRule(NamedTuple):
    """A horizontal ruling: its height on the page and its extent."""

    y: float
    x0: float
    x1: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0


class VRule(NamedTuple):
    """A vertical ruling: its position across the page and its extent."""

    x: float
    top: float
    bottom: float

    @property
    def length(self) -> float:
        return self.bottom - self.top


class Gutter(NamedTuple):
    """A vertical strip between x0 and x1 that nothing crosses."""

    x0: float
    x1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


def gutters(spans: Iterable[tuple[float, float]], min_width: float) -> list[Gutter]:
    """The strips at least `min_width` wide that no (x0, x1) span crosses, with spans on both
    sides, left to right (a negative `min_width`: spans that overlap by less, each strip then from the
    left one's end to the right one's start)."""
    out: list[Gutter] = []
    reach: float | None = None
    for x0, x1 in sorted(spans):
        if reach is not None and x0 - reach >= min_width:
            out.append(Gutter(reach, x0))
        reach = x1 if reach is None else max(reach, x1)
    return out


def merge_hrules(rules: Iterable[HRule], tolerance: float) -> list[HRule]:
    """One rule for each run of horizontal rules at about the same height (within `tolerance`) that
    touch or overlap: a rule drawn twice, or cut into a segment per cell, is one rule."""
    out: list[HRule] = []
    for rule in sorted(rules):
        last = out[-1] if out else None
        if last is not None and rule.y - last.y <= tolerance and rule.x0 <= last.x1 + tolerance:
            out[-1] = HRule(last.y, min(last.x0, rule.x0), max(last.x1, rule.x1))
        else:
            out.append(rule)
    return out


def merge_vrules(rules: Iterable[VRule], tolerance: float) -> list[VRule]:
    """The same for vertical rules (at about the same x, touching or overlapping down the page)."""
    merged = merge_hrules((HRule(r.x, r.top, r.bottom) for r in rules), tolerance)
    return [VRule(r.y, r.x0, r.x1) for r in merged]
