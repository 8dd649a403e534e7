"""A report's key (its `source`): the file's path, or `<path>#page=N` for each profile of a file that holds
several, N the 1-based page of that profile's title block (the fragment a PDF viewer opens at that page)."""
from __future__ import annotations

PAGE_FRAGMENT = "#page="


def profile_key(source: str, first_page: int, several: bool) -> str:
    """A report's key: `#page=N` only when the file holds several profiles; a file with one keeps its plain
    path wherever the profile starts."""
    return f"{source}{PAGE_FRAGMENT}{first_page}" if several else source


def file_of(key: str) -> str:
    """The file a report's key names: `a.pdf#page=3` is of `a.pdf`; a plain path is its own file."""
    path, sep, page = key.rpartition(PAGE_FRAGMENT)
    return path if sep and page.isdigit() else key
