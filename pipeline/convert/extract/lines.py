"""Words -> visual lines -> blocks of lines. Pure functions on positioned words."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from ...geometry import BBox
from ...models import Fragment, Word


@dataclass
class Line:
    """One visual line. Its words are fixed once grouped, so its extent is worked out once, when first asked."""

    words: list[Word]

    @cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @cached_property
    def bold(self) -> bool:
        return all("bold" in w.font.lower() for w in self.words)

    def fragment(self) -> Fragment:
        return fragment_of(self.words)


def fragment_of(words: list[Word]) -> Fragment:
    return Fragment(text=" ".join(w.text for w in words), page=words[0].page,
                    bbox=BBox.union(w.bbox for w in words).rounded(2))


def words_of(lines: list[Line]) -> list[Word]:
    return [w for ln in lines for w in ln.words]


def lines_without(lines: list[Line], taken: list[Word]) -> list[Line]:
    """The lines that still have a word not in `taken`."""
    ids = {id(w) for w in taken}
    return [ln for ln in lines if not all(id(w) in ids for w in ln.words)]


def body_size(words: list[Word]) -> float:
    """The font size most characters are set in."""
    counts: Counter[float] = Counter()
    for w in words:
        counts[round(w.size, 1)] += len(w.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def group_lines(words: list[Word], tolerance: float) -> list[Line]:
    """Words whose bottoms (≈ baselines) lie within `tolerance` points form one line, read left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.page, w.bottom, w.x0)):
        if lines and lines[-1][0].page == w.page and abs(lines[-1][0].bottom - w.bottom) <= tolerance:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(sorted(ws, key=lambda w: w.x0)) for ws in lines]


def rule_between(rules: list[float], upper: float, lower: float, slack: float = 1.0) -> bool:
    return any(upper - slack <= y <= lower + slack for y in rules)


def split_blocks(lines: list[Line], max_gap: float, rules: list[float]) -> list[list[Line]]:
    """Consecutive lines form a block until a gap wider than `max_gap` or a rule separates them."""
    blocks: list[list[Line]] = []
    for ln in sorted(lines, key=lambda l: l.top):
        if blocks:
            prev = blocks[-1][-1]
            gap = ln.top - prev.bottom
            if gap <= max_gap and not rule_between(rules, prev.bottom, ln.top):
                blocks[-1].append(ln)
                continue
        blocks.append([ln])
    return blocks
