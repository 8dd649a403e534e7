"""Text shared by every stage: folding for comparison (matching, cleaning) and joining a cell's lines."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d-"
QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'"}
_DASH_RE = regex.compile(f"[{regex.escape(DASHES)}]")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}{}]+")
_ENDS_HYPHENATED = regex.compile(r"\p{L}-$")
_STARTS_LETTER = regex.compile(r"\p{L}")


def collapse_ws(text: str) -> str:
    """Join on single spaces; str.split() also splits no-break (U+00A0) and narrow no-break (U+202F) spaces."""
    return " ".join(text.split())


def join_cell_lines(lines: list[str]) -> tuple[str, list[str]]:
    """Join a cell's lines with single spaces; a word broken after its inner hyphen
    (`non-` / `torture`) is rejoined without a space, a free-standing dash keeps its spaces."""
    out = ""
    rules: list[str] = []
    for raw in lines:
        line = collapse_ws(raw)
        if not line:
            continue
        if out and _ENDS_HYPHENATED.search(out) and _STARTS_LETTER.match(line):
            out += line
            rules.append("hyphenated_word_rejoined")
        else:
            out = f"{out} {line}" if out else line
    if len([l for l in lines if l.strip()]) > 1:
        rules.insert(0, "lines_joined")
    return out, rules


def fold_quotes_dashes(text: str) -> str:
    text = "".join(QUOTES.get(c, c) for c in text)
    return _DASH_RE.sub("-", text)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """A comparison key: NFKC, case, quotes, dashes, punctuation and whitespace folded away."""
    text = unicodedata.normalize("NFKC", text)
    text = fold_quotes_dashes(text).casefold()
    # the possessive at the end of the text too: a wrapped label's line may end on it ("body's")
    text = (text + " ").replace("'s ", " ").replace("s' ", "s ")
    return collapse_ws(_NON_WORD.sub(" ", text))


def is_dash(token: str) -> bool:
    """A free-standing dash or minus (one or two characters), as used between a label and its value."""
    return 0 < len(token) <= 2 and all(c in DASHES for c in token)
