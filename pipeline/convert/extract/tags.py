"""The producer's own structure: a tagged PDF's tables (Table / TR / TD in its structure tree) as
rows of cells, each cell the marked-content sequences (page, MCID) its text was drawn in.

Word, Chromium (always), LibreOffice and WeasyPrint (on request) tag what they print. A word's
characters carry the MCID of the sequence they were drawn in (pdfplumber's `mcid`), so each word can
be put in the cell the producer put it in.

The tree is walked here rather than through pdfplumber's `PDFStructTree`: that gives an element's
MCIDs the element's own page (`_resolve_children` keeps a marked-content reference's MCID and drops
its `Pg`), and Chromium files a table's header row repeated overleaf, and a cell continued on the
next page, under the element of the first page, so those MCIDs would claim the first page's
characters of the same numbers. Here every MCID keeps its own page: a reference's `Pg`, else the
nearest element's above it."""
from __future__ import annotations

from typing import Any, NamedTuple

from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

MAX_ELEMENTS = 100_000  # a bigger tree is not a country profile's: read no further
_CELLS = {"TD", "TH"}
_PASS_THROUGH = {"THead", "TBody", "TFoot"}


class TagCell(NamedTuple):
    """Where the producer put a marked-content sequence: its table, row and cell (in tree order)."""

    table: int
    row: int
    cell: int
    header: bool  # a TH cell


class PageTags(NamedTuple):
    """One page's share of the structure tree."""

    cells: dict[int, TagCell]  # MCID -> the table cell it lies in (sequences outside any cell: absent)
    problem: str | None = None  # why the tree was read only in part (a broken or cyclic tree)


def has_structure(pdf) -> bool:
    """Whether the document has a structure tree at all: a look at its catalogue, nothing parsed."""
    return "StructTreeRoot" in pdf.doc.catalog


def _name(obj: Any) -> str:
    obj = resolve1(obj)
    if isinstance(obj, PSLiteral):
        name = obj.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    return ""


def _role(tag: str, role_map: dict) -> str:
    """The standard type a custom tag is mapped to (RoleMap chains, a few steps at most)."""
    for _ in range(4):
        if tag not in role_map:
            break
        tag = _name(role_map[tag])
    return tag


def _kids(obj: dict) -> list:
    kids = obj.get("K")
    if kids is None:
        return []
    resolved = resolve1(kids)
    return list(resolved) if isinstance(resolved, list) else [kids]


class _Walk:
    """Depth-first over the tree; `cells` collects (page, MCID) -> TagCell."""

    def __init__(self, root: dict, page_numbers: dict[int, int]):
        self.page_numbers = page_numbers  # page object id -> 1-based page number
        self.role_map = resolve1(root.get("RoleMap")) or {}
        self.cells: dict[tuple[int, int], TagCell] = {}
        self.tables = 0
        self.elements = 0
        self.problem: str | None = None

    def page_of(self, obj: dict, inherited: int | None) -> int | None:
        ref = obj.get("Pg")
        return self.page_numbers.get(ref.objid, inherited) if isinstance(ref, PDFObjRef) else inherited

    def run(self, root: dict) -> None:
        seen: set[int] = set()
        # (object, page, where: (table, row, cell, header) or a partial tuple outside cells)
        stack: list[tuple[Any, int | None, tuple]] = [(k, None, ()) for k in reversed(_kids(root))]
        rows: dict[int, int] = {}  # table -> rows seen
        cells: dict[tuple[int, int], int] = {}  # (table, row) -> cells seen
        while stack:
            ref, page, where = stack.pop()
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    self.problem = self.problem or "an element of the structure tree is reached twice (a cycle)"
                    continue
                seen.add(ref.objid)
            obj = resolve1(ref)
            if isinstance(obj, int):
                self.mark(page, obj, where)
                continue
            if not isinstance(obj, dict):
                continue
            if "MCID" in obj:  # a marked-content reference, on its own page when it names one
                if "Stm" not in obj:  # content inside a form XObject: not on the page's own stream
                    self.mark(self.page_of(obj, page), resolve1(obj["MCID"]), where)
                continue
            if "Obj" in obj:  # an object reference (an annotation, an XObject): no text of the page
                continue
            self.elements += 1
            if self.elements > MAX_ELEMENTS:
                self.problem = f"the structure tree has over {MAX_ELEMENTS} elements: read no further"
                return
            tag = _role(_name(obj.get("S")), self.role_map)
            page = self.page_of(obj, page)
            if tag == "Table" and len(where) != 4:  # a table nested in a cell stays that cell's text
                where = (self.tables,)
                self.tables += 1
            elif tag == "TR" and len(where) == 1:
                table = where[0]
                where = (table, rows.get(table, 0))
                rows[table] = where[1] + 1
            elif tag in _CELLS and len(where) == 2:
                n = cells.get(where, 0)
                cells[where] = n + 1
                where = (*where, n, tag == "TH")
            elif len(where) in (1, 2) and tag not in _PASS_THROUGH and tag not in _CELLS and tag != "TR":
                where = ()  # text inside a table but outside its rows and cells (a caption)
            stack.extend((k, page, where) for k in reversed(_kids(obj)))

    def mark(self, page: int | None, mcid: Any, where: tuple) -> None:
        if page is not None and isinstance(mcid, int) and len(where) == 4:
            self.cells[page, mcid] = TagCell(*where)


def read_structure(pdf) -> dict[int, PageTags] | None:
    """Each page's table cells from the document's structure tree (pdfplumber's `pdf`); None when
    the document is not tagged. A tree that breaks off is used as far as it was read, and says so."""
    if not has_structure(pdf):
        return None
    page_numbers = {p.page_obj.pageid: p.page_number for p in pdf.pages}
    root = resolve1(pdf.doc.catalog["StructTreeRoot"])
    if not isinstance(root, dict):
        return {n: PageTags({}, "the structure tree root is not a dictionary") for n in page_numbers.values()}
    walk = _Walk(root, page_numbers)
    try:
        walk.run(root)
    except Exception as e:  # a damaged tree (bad references, wrong types): what was read stands
        walk.problem = f"the structure tree could not be read to the end ({type(e).__name__}: {e})"
    out: dict[int, PageTags] = {n: PageTags({}, walk.problem) for n in page_numbers.values()}
    for (page, mcid), cell in walk.cells.items():
        if page in out:
            out[page].cells[mcid] = cell
    return out
