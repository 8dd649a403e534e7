"""The text of a CSV cell, both ways: a value written as plain text, the formula guard on text cells (and
taking it off again, for a tool comparing or reusing cells), and one line of quoted cells."""
from __future__ import annotations

import regex

# Spreadsheet programs run a cell starting with these as a formula (CSV injection).
FORMULA_START = frozenset("=+-@\t\r")
# A plain ASCII number, whole cell (no "$" before a trailing newline, no other scripts' digits).
_NUMBER = regex.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# A cell holding one of these is quoted. The csv module quotes a line break only when it is part of its
# line terminator ("\n" here), so it left a lone "\r" bare, and readers (pandas among them) end the row
# there: the rest of the cell became a row of its own, starting with an unguarded formula.
_NEEDS_QUOTES = regex.compile(r'[",\r\n]')


def format_value(value) -> str:
    """Numbers as plain text a CSV reader parses back exactly: 23635, -3.04, 417611910."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def guard_formula(cell: str) -> str:
    """Neutralise a text cell a spreadsheet would run as a formula; plain numbers such as -3.04 stay."""
    if cell and cell[0] in FORMULA_START and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def unguard(cell: str) -> str:
    """The cell as it was before guard_formula: the leading ' before a formula start taken off, so that a
    guarded and an unguarded run compare equal, and a cell copied from values.csv reads as its value."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_START else cell


def csv_line(cells: list[str]) -> str:
    """One CSV line ("\n"-terminated): a cell with a comma, a quote, CR or LF is quoted and its quotes
    doubled (RFC 4180); every other cell is written as it is. The same bytes as csv.writer for any
    cell without a carriage return."""
    return ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells) + "\n"
