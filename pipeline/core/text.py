"""Text folding shared by matching and cleaning."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d-"
QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'"}
_DASH_RE = regex.compile(f"[{regex.escape(DASHES)}]")
_NON_WORD = regex.compile(r"[^\p{L}\p{N}{}]+")


def collapse_ws(text: str) -> str:
    """Join on single spaces; str.split() also splits no-break (U+00A0) and narrow no-break (U+202F) spaces."""
    return " ".join(text.split())


def fold_quotes_dashes(text: str) -> str:
    text = "".join(QUOTES.get(c, c) for c in text)
    return _DASH_RE.sub("-", text)


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """A comparison key: NFKC, case, quotes, dashes, punctuation and whitespace folded away."""
    text = unicodedata.normalize("NFKC", text)
    text = fold_quotes_dashes(text).casefold()
    text = text.replace("'s ", " ").replace("s' ", "s ")
    return collapse_ws(_NON_WORD.sub(" ", text))


def is_dash(token: str) -> bool:
    """A free-standing dash or minus (one or two characters), as used between a label and its value."""
    return 0 < len(token) <= 2 and all(c in DASHES for c in token)
