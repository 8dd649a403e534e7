"""A document's pages -> its parts, each found in turn from the words the parts before left:
page furniture, the title block, section headings, the facts box and the section tables."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ...core.geometry import merge_hrules, merge_vrules
from ...core.models import ExtractedDoc, Issue, Row, TableLayout, Word
from ...core.settings import DEFAULT_SETTINGS, ExtractSettings, Tolerances
from ..lexicon import Lexicon, default_lexicon
from .columns import Finder, KnownLabels, Neighbour, find_split, known_labels
from .facts import facts_cells, parse_facts
from .furniture import find_furniture
from .lines import Line, body_size, lines_without, text_size, words_of
from .page_columns import two_text_columns
from .pages import PageData, read_pages
from .reconcile import hold_to_tags
from .sections import Sections, find_headings, split_sections
from .tables import read_stacked, read_tables, spanning_titles
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
    lines = {p.number: p.lines(settings.same_line * body) for p in pages}
    furniture = find_furniture(pages, lines)
    lines = _lines_without(lines, words_of(furniture))
    text = text_size([w for p in pages for w in p.words])  # headings and the title are set larger than this
    title = parse_title(lines[pages[0].number], lexicon.codebook, text, settings.heading_size_ratio)
    headings = find_headings(pages, _lines_without(lines, title.words), title.bottom, text, settings,
                             lexicon.section_titles)
    heading_words = [w for hs in headings.values() for h in hs for w in h.words]
    free = _words_without(pages, words_of(furniture) + title.words + heading_words)
    return _Parts(furniture, title, heading_words,
                  split_sections(pages, headings, free, title.bottom, settings, settings.edge_slack * body))


class _Tables(NamedTuple):
    rows: list[Row]
    banners: list[Line]  # section titles set as a row across both columns, taken out of the tables' words
    headers: list[Line]  # column headers repeated atop the tables, taken out as page furniture
    layouts: list[TableLayout]
    warnings: list[Issue]


def _facts_rows(page: PageData, words: list[Word], lexicon: Lexicon, tol: Tolerances) -> list[Row]:
    # a box too small to hold a few characters of body text is no cell
    boxes = [b for b in page.boxes if b.height > tol.box_height and b.width > tol.box_width]
    return parse_facts(facts_cells(words, boxes, tol, lexicon.facts_labels), lexicon.facts_labels)


_KNOWN: dict[int, tuple[Lexicon, KnownLabels]] = {}


def _table_labels(lexicon: Lexicon) -> KnownLabels:
    """The table labels of the lexicon's codebook (its fields' and its templates' indicators), for the
    column finder: worked out once per lexicon."""
    held = _KNOWN.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        labels = [label for f in lexicon.codebook.fields if f.where == "table" for label in f.variants]
        # and the rows only one methodology prints, which no field takes: labels the tables hold all the same
        labels += [t for tpl in lexicon.codebook.templates for texts in tpl.indicators.values() for t in texts]
        # the verdicts' stems in inflected languages; a stem of two letters («да») would open too many words:
        # such verdicts count whole only
        stems = [s for s in lexicon.verdict_stems if lexicon.analyzer.language_of(s) in lexicon.inflected and len(s) >= 3]
        held = _KNOWN[id(lexicon)] = (lexicon, known_labels(labels, lexicon.codebook.subheadings,
                                                            lexicon.codebook.no_data, list(lexicon.verdicts), stems))
    return held[1]


def _tables(pages: list[PageData], sections: Sections, tol: Tolerances, lexicon: Lexicon) -> _Tables:
    """Each table's split from the one finder: first the document's (every table's words at once),
    then each table's, with the split of the table it continues and the document's as neighbours;
    a table none of whose own strips qualifies takes the nearest table's that fits it (first its own
    rest overleaf's), and one split by a clear strip alone weighs its own rest overleaf too."""
    finder = Finder(tol, _table_labels(lexicon))
    chunks = sections.chunks
    vrules = {p.number: p.vrules for p in pages}
    # labels over their values, with no value column: those tables keep out of the column finder's way
    stacked = read_stacked(chunks, tol.same_line, finder.labels)
    flat = [c for c in chunks if c.stacked is None]
    table_pages = sorted({c.page for c in flat})
    table_words = [w for c in flat for w in c.words] if stacked else sections.table_words
    split = find_split(table_words, finder, [v for n in table_pages for v in vrules[n]]) if flat else None
    warnings = []
    chunks, banners = spanning_titles(chunks, split.x if split else float("inf"), tol, finder.labels)
    previous = None
    own: list[list[Neighbour]] = []
    for chunk in chunks:
        neighbours = [Neighbour(split, "document")] if split else []
        if chunk.continued and previous and previous.section == chunk.section and previous.split:
            neighbours.insert(0, Neighbour(previous.split, "continued"))
        own.append(neighbours)
        if chunk.stacked is None:
            chunk.split = find_split(chunk.words, finder, vrules[chunk.page], neighbours)
            previous = chunk
    for i, chunk in enumerate(chunks):
        if chunk.stacked is not None:
            continue
        # the rest of this same table overleaf: a table's head at the foot of a page may hold its header
        # row and the first cells of a row the page break split (no label beside them)
        after = chunks[i + 1] if i + 1 < len(chunks) else None
        overleaf = [Neighbour(after.split, "overleaf")] if after is not None and after.continued \
            and after.section == chunk.section and after.split is not None else []
        if chunk.split is None:  # no columns of its own, none for the document: another table's
            nearest_first = sorted((j for j, c in enumerate(chunks) if j != i and c.split is not None),
                                   key=lambda j: abs(j - i))
            chunk.split = find_split(chunk.words, finder, vrules[chunk.page],
                                     overleaf + [Neighbour(chunks[j].split, "nearby") for j in nearest_first])
        elif overleaf and chunk.split.source == "gap":  # a clear strip alone: the table's columns overleaf weigh more
            chunk.split = find_split(chunk.words, finder, vrules[chunk.page], overleaf + own[i])
    read = read_tables(chunks, tol, split, finder.labels)
    if any(t.column_from == "none" for t in read.layouts):
        warnings.append(Issue(code="no_value_column", message="could not find the value column of a table; "
                              "each of its lines is kept as an unmapped label"))
    if not any(p.tags is not None for p in pages):
        return _Tables(read.rows, banners, read.headers, read.layouts, warnings)
    held = hold_to_tags(chunks, read, pages, tol.same_line)
    problem = next((p.tags.problem for p in pages if p.tags is not None and p.tags.problem), None)
    if problem:
        warnings.append(Issue(code="tags_unreadable", message=f"{problem}; the tables are read from the layout "
                              "where the tags were not read"))
    return _Tables(held.rows, banners, read.headers + held.headers, held.layouts, warnings + held.warnings)


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
    return [p.with_rules(merge_hrules(p.hrules, tolerance), merge_vrules(p.vrules, tolerance)) for p in pages]


def _flag_pages(rows: list[Row], pages: set[int]) -> list[Row]:
    """The rows, each one on a page set in two text columns (page_columns.py) flagged for review."""
    note = "its page seems set in two text columns, which are not read one after the other: please check"
    return [r.model_copy(update={"doubtful": note}) if not r.doubtful and (r.value.page or r.label.page) in pages
            else r for r in rows]


def extract_pages(pages: list[PageData], settings: ExtractSettings = DEFAULT_SETTINGS,
                  lexicon: Lexicon | None = None) -> ExtractedDoc:
    """The parts of a document's pages; the lexicon (the codebook's derived tables) names its section
    titles, its facts-box labels, its table labels and its title block's wordings."""
    lexicon = lexicon or default_lexicon()
    words = [w for p in pages for w in p.words]
    if not words:
        raise NoTextLayer("no text layer: the pages hold no extractable words (a scan? OCR is needed)")
    body = body_size(words)
    tol = settings.resolve(body)
    pages = _tidy_rules(pages, tol.rule_merge)
    furniture, title, heading_words, sections = _find_parts(pages, body, settings, lexicon)
    tables = _tables(pages, sections, tol, lexicon)
    labels = _table_labels(lexicon)
    two_columns = {p.number for p in pages if two_text_columns(p.lines(settings.same_line * body), labels)}
    placed = {id(w) for part in (words_of(furniture), title.words, heading_words, sections.facts, sections.table_words)
              for w in part}
    return ExtractedDoc(pages=len(pages), template=title.template, body_size=body, title_lines=title.lines,
                        furniture=[f"p{ln.page}: {ln.text}" for ln in furniture + tables.headers],
                        rows=_flag_pages(title.rows + _facts_rows(pages[0], sections.facts, lexicon, tol) + tables.rows,
                                         two_columns),
                        sections=sections.titles + [ln.text for ln in tables.banners],
                        words_total=len(words), unplaced=[w for w in words if id(w) not in placed],
                        region_words=_region_words(title, furniture, heading_words, sections, tables),
                        warnings=title.warnings + tables.warnings, tables=tables.layouts)


def extract_pdf(path: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
                lexicon: Lexicon | None = None) -> ExtractedDoc:
    return extract_pages(read_pages(Path(path), settings), settings, lexicon)
