"""A document's pages -> its parts, each found in turn from the words the parts before left:
page furniture, the title block, section headings, the facts box and the section tables."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from ...core.geometry import merge_hrules, merge_vrules
from ...core.models import ExtractedDoc, Issue, Row, TableLayout, Word
from ...core.settings import DEFAULT_SETTINGS, ExtractSettings
from ..lexicon import Lexicon, default_lexicon
from .columns import borrowed_split, column_split, table_split
from .facts import facts_cells, parse_facts
from .furniture import find_furniture
from .lines import Line, body_size, group_lines, lines_without, words_of
from .pages import PageData, read_pages
from .reconcile import hold_to_tags
from .sections import Sections, find_headings, split_sections
from .tables import read_tables, spanning_titles
from .title import TitleBlock, parse_title


class NoTextLayer(ValueError):
    """The PDF has pages but no extractable words (a scan)."""


class _Parts(NamedTuple):
    furniture: list[Line]
    title: TitleBlock
    heading_words: list[Word]
    sections: Sections  # the facts box's words and the tables' chunks


def _lines_without(lines: dict[int, list[Line]], taken: list[Word]) -> dict[int, list[Line]]:
    return {n: lines_without(page_lines, taken) for n, page_lines in lines.items()}


def _words_without(pages: list[PageData], taken: list[Word]) -> dict[int, list[Word]]:
    ids = {id(w) for w in taken}
    return {p.number: [w for w in p.words if id(w) not in ids] for p in pages}


def _find_parts(pages: list[PageData], body: float, settings: ExtractSettings, lexicon: Lexicon) -> _Parts:
    """Each part takes its words from what the parts found before it left."""
    lines = {p.number: group_lines(p.words, settings.same_line * body) for p in pages}
    furniture = find_furniture(pages, lines)
    lines = _lines_without(lines, words_of(furniture))
    title = parse_title(lines[pages[0].number], lexicon.codebook, body, settings.heading_size_ratio)
    headings = find_headings(pages, _lines_without(lines, title.words), title.bottom, body, settings,
                             lexicon.section_titles)
    heading_words = [w for hs in headings.values() for h in hs for w in h.words]
    free = _words_without(pages, words_of(furniture) + title.words + heading_words)
    return _Parts(furniture, title, heading_words, split_sections(pages, headings, free, title.bottom, settings))


class _Tables(NamedTuple):
    rows: list[Row]
    banners: list[Line]  # section titles set as a row across both columns, taken out of the tables' words
    headers: list[Line]  # column headers repeated atop the tables, taken out as page furniture
    layouts: list[TableLayout]
    warnings: list[Issue]


def _facts_rows(page: PageData, words: list[Word], lexicon: Lexicon, body: float,
                settings: ExtractSettings) -> list[Row]:
    # a box too small to hold a few characters of body text is no cell
    boxes = [b for b in page.boxes if b.height > 0.8 * body and b.width > 3 * body]
    return parse_facts(facts_cells(words, boxes, body, settings, lexicon.facts_labels), lexicon.facts_labels)


def _tables(pages: list[PageData], sections: Sections, body: float, settings: ExtractSettings) -> _Tables:
    chunks = sections.chunks
    vrules = {p.number: p.vrules for p in pages}
    table_pages = sorted({c.page for c in chunks})
    split = column_split(sections.table_words, [v for n in table_pages for v in vrules[n]], settings, body)
    warnings = []
    chunks, banners = spanning_titles(chunks, split.x if split else float("inf"), settings.same_line * body)
    previous = None
    for chunk in chunks:
        # a table continued from the page before keeps its columns
        prior = previous.split if chunk.continued and previous and previous.section == chunk.section else split
        chunk.split = table_split(chunk.words, prior, vrules[chunk.page], settings, body)
        previous = chunk
    for i, chunk in enumerate(chunks):
        if chunk.split is None:  # no columns of its own, none for the document: another table's
            nearest_first = sorted((j for j, c in enumerate(chunks) if j != i and c.split is not None),
                                   key=lambda j: abs(j - i))
            chunk.split = borrowed_split(chunk.words, [chunks[j].split for j in nearest_first], settings, body)
    if chunks and any(c.split is None for c in chunks):
        warnings.append(Issue(code="no_value_column", message="could not find the value column of a table; "
                              "each of its lines is kept as an unmapped label"))
    read = read_tables(chunks, body, settings, split)
    if not any(p.tags is not None for p in pages):
        return _Tables(read.rows, banners, read.headers, read.layouts, warnings)
    held = hold_to_tags(chunks, read, pages, settings.same_line * body)
    problem = next((p.tags.problem for p in pages if p.tags is not None and p.tags.problem), None)
    if problem:
        warnings.append(Issue(code="tags_unreadable", message=f"{problem}; the tables are read from the layout "
                              "where the tags were not read"))
    return _Tables(held.rows, banners, read.headers, held.layouts, warnings + held.warnings)


def _region_words(title: TitleBlock, furniture: list[Line], headings: list[Word], sections: Sections,
                  tables: _Tables) -> dict[str, int]:
    """Words per part of the page; a spanning title's words count as section titles, a repeated
    column header's as page furniture, not as table words."""
    banner_n, header_n = len(words_of(tables.banners)), len(words_of(tables.headers))
    return {"title": len({id(w) for w in title.words}), "furniture": len(words_of(furniture)) + header_n,
            "section_titles": len(headings) + banner_n, "facts": len(sections.facts),
            "tables": len(sections.table_words) - banner_n - header_n}


def _tidy_rules(pages: list[PageData], tolerance: float) -> list[PageData]:
    """Each page with its rules merged: drawn twice, or cut into a segment per cell, a rule is one."""
    return [replace(p, hrules=merge_hrules(p.hrules, tolerance), vrules=merge_vrules(p.vrules, tolerance))
            for p in pages]


def extract_pages(pages: list[PageData], settings: ExtractSettings = DEFAULT_SETTINGS,
                  lexicon: Lexicon | None = None) -> ExtractedDoc:
    """The parts of a document's pages; the lexicon (the codebook's derived tables) names its section
    titles, its facts-box labels and its title block's wordings."""
    lexicon = lexicon or default_lexicon()
    words = [w for p in pages for w in p.words]
    if not words:
        raise NoTextLayer("no text layer: the pages hold no extractable words (a scan? OCR is needed)")
    body = body_size(words)
    pages = _tidy_rules(pages, settings.rule_merge * body)
    furniture, title, heading_words, sections = _find_parts(pages, body, settings, lexicon)
    tables = _tables(pages, sections, body, settings)
    placed = {id(w) for part in (words_of(furniture), title.words, heading_words, sections.facts, sections.table_words)
              for w in part}
    return ExtractedDoc(pages=len(pages), template=title.template, body_size=body, title_lines=title.lines,
                        furniture=[f"p{ln.page}: {ln.text}" for ln in furniture + tables.headers],
                        rows=title.rows + _facts_rows(pages[0], sections.facts, lexicon, body, settings) + tables.rows,
                        sections=sections.titles + [ln.text for ln in tables.banners],
                        words_total=len(words), unplaced=[w for w in words if id(w) not in placed],
                        region_words=_region_words(title, furniture, heading_words, sections, tables),
                        warnings=title.warnings + tables.warnings, tables=tables.layouts)


def extract_pdf(path: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
                lexicon: Lexicon | None = None) -> ExtractedDoc:
    return extract_pages(read_pages(Path(path), settings), settings, lexicon)
