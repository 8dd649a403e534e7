"""Extract stage: a PDF -> positioned rows (title block, facts box, section tables)."""
from __future__ import annotations

from pathlib import Path

import regex

from ...codebook import Codebook, default_codebook
from ...models import ExtractedDoc, Issue, Row, Word
from ...settings import DEFAULT_SETTINGS, ExtractSettings
from ...text import collapse_ws, fold
from .facts import facts_cells, parse_facts
from .lines import Line, body_size, group_lines
from .pages import PageData, TooLarge, read_pages
from .tables import Chunk, column_split, spanning_titles, table_rows
from .title import parse_title

__all__ = ["extract_pdf", "extract_pages", "NoTextLayer", "TooLarge"]


class NoTextLayer(ValueError):
    """The PDF has pages but no extractable words (a scan)."""


_PAGE_NUMBER = regex.compile(r"^(?:page\s*)?[-–—]?\s*(\d{1,3})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?$",
                            regex.IGNORECASE)


def _furniture(pages: list[PageData], lines_by_page: dict[int, list[Line]], margin: float = 0.08) -> list[Line]:
    """Running headers, footers and page numbers: lines in the top or bottom margin band that
    give the page's own number, or that recur with the same text and height on several pages."""
    def in_margin(ln: Line, p: PageData) -> bool:
        return ln.bottom < p.height * margin or ln.top > p.height * (1 - margin)

    candidates = [(p, ln) for p in pages for ln in lines_by_page[p.number] if in_margin(ln, p)]
    out = []
    for p, ln in candidates:
        m = _PAGE_NUMBER.match(ln.text.strip())
        if m and int(m.group(1)) == p.number:
            out.append(ln)
            continue
        twins = {q.number for q, other in candidates
                 if q.number != p.number and fold(other.text) == fold(ln.text) and abs(other.top - ln.top) < 3}
        if twins:
            out.append(ln)
    return out


def _is_heading(line: Line, body: float, settings: ExtractSettings, titles: set[str]) -> bool:
    if line.size >= body * settings.heading_size_ratio:
        return True
    return line.bold and fold(line.text) in titles


def _headings(lines: list[Line], body: float, settings: ExtractSettings, titles: set[str]) -> list[list[Line]]:
    """Heading lines; a heading wrapped over consecutive lines is one heading."""
    out: list[list[Line]] = []
    for ln in lines:
        if not _is_heading(ln, body, settings, titles):
            continue
        prev = out[-1][-1] if out else None
        if prev and prev.page == ln.page and ln.top - prev.bottom < 0.5 * body and abs(prev.size - ln.size) < 0.5:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _regions(pages: list[PageData], headings_by_page: dict[int, list[list[Line]]], placed: set[int],
             title_bottom: float, settings: ExtractSettings) -> tuple[list[Chunk], list[Word], list[str]]:
    """The facts box lies above page 1's first heading; each heading's table runs down to the next
    heading, over page breaks (the part at the top of a page continues the section before).
    Marks every word it assigns in `placed`."""
    chunks: list[Chunk] = []
    facts_words: list[Word] = []
    sections: list[str] = []
    current: str | None = None
    for p in pages:
        free = [w for w in p.words if id(w) not in placed]
        # short strokes (underlines, a mark beside a word) are not row separators
        min_rule = settings.min_rule_width * (max(w.x1 for w in p.words) - min(w.x0 for w in p.words)) \
            if p.words else 0.0
        cuts = [(h[0].top, h[-1].bottom, collapse_ws(" ".join(ln.text for ln in h))) for h in headings_by_page[p.number]]
        start, name, continued = 0.0, current, True
        for top, bottom, heading in cuts + [(p.height + 1, None, None)]:
            region = [w for w in free if start - 0.5 <= w.top and w.bottom <= top + 0.5 and id(w) not in placed]
            if region:
                if p.number == pages[0].number and name is None:
                    facts_words += [w for w in region if w.top >= title_bottom - 0.5]
                    placed.update(id(w) for w in region if w.top >= title_bottom - 0.5)
                else:
                    rules = [y for y, x0, x1 in p.hrules if start - 1 <= y <= top + 1 and x1 - x0 >= min_rule]
                    chunks.append(Chunk(section=name or "", page=p.number, words=region,
                                        hrules=rules, continued=continued))
                    placed.update(id(w) for w in region)
            if heading is None:
                break
            start, name, continued = bottom, heading, False
            sections.append(heading)
        current = name
    return chunks, facts_words, sections


def extract_pages(pages: list[PageData], settings: ExtractSettings = DEFAULT_SETTINGS,
                  codebook: Codebook | None = None) -> ExtractedDoc:
    codebook = codebook or default_codebook()
    words = [w for p in pages for w in p.words]
    if not words:
        raise NoTextLayer("no text layer: the pages hold no extractable words (a scan? OCR is needed)")
    body = body_size(words)
    tol = settings.same_line * body
    lines_by_page = {p.number: group_lines(p.words, tol) for p in pages}

    furniture = _furniture(pages, lines_by_page)
    placed: set[int] = {id(w) for ln in furniture for w in ln.words}
    if furniture:
        gone = {id(ln) for ln in furniture}
        lines_by_page = {n: [ln for ln in lines if id(ln) not in gone] for n, lines in lines_by_page.items()}
    title = parse_title(lines_by_page[pages[0].number], codebook, body, settings.heading_size_ratio)
    placed |= {id(w) for w in title.placed}
    titles = {fold(t) for s in codebook.sections for t in s.all_titles}

    headings_by_page: dict[int, list[list[Line]]] = {}
    for p in pages:
        lines = [ln for ln in lines_by_page[p.number]
                 if not (p.number == pages[0].number and ln.top < title.bottom)
                 and not all(id(w) in placed for w in ln.words)]
        headings_by_page[p.number] = _headings(lines, body, settings, titles)
        for h in headings_by_page[p.number]:
            placed.update(id(w) for ln in h for w in ln.words)

    chunks, facts_words, sections = _regions(pages, headings_by_page, placed, title.bottom, settings)

    table_words = [w for c in chunks for w in c.words]
    vrules = [v for p in pages for v in p.vrules
              if any(c.page == p.number for c in chunks)]
    split = column_split(table_words, vrules, settings, body)
    warnings: list[Issue] = list(title.warnings)
    rows: list[Row] = list(title.rows)
    fact_labels = [l for f in codebook.fields if f.where == "facts" for l in f.variants]
    page1 = pages[0]
    facts_boxes = [b for b in page1.boxes if b[3] - b[1] > 0.8 * body and b[2] - b[0] > 3 * body]
    facts_rows = parse_facts(facts_cells(facts_words, facts_boxes, body, settings), fact_labels)
    rows += facts_rows
    if split is None and chunks:
        warnings.append(Issue(code="no_value_column", message="could not find the value column of the tables; "
                              "each line is kept as an unmapped label"))
        split = float("inf")
    chunks, banners = spanning_titles(chunks, split, tol)
    sections += [ln.text for ln in banners]
    rows += table_rows(chunks, split or 0.0, body, settings)

    unplaced = [w for w in words if id(w) not in placed]
    furniture_n = sum(len(ln.words) for ln in furniture)
    heading_n = sum(len(ln.words) for hs in headings_by_page.values() for h in hs for ln in h)
    banner_n = sum(len(ln.words) for ln in banners)
    regions = {"title": len({id(w) for w in title.placed}), "furniture": furniture_n,
               "section_titles": heading_n + banner_n, "facts": len(facts_words),
               "tables": len(table_words) - banner_n}
    return ExtractedDoc(pages=len(pages), template=title.template, body_size=body, title_lines=title.lines,
                        furniture=[f"p{ln.page}: {ln.text}" for ln in furniture],
                        rows=rows, sections=sections, words_total=len(words), unplaced=unplaced,
                        region_words=regions,
                        warnings=warnings)


def extract_pdf(path: Path, settings: ExtractSettings = DEFAULT_SETTINGS,
                codebook: Codebook | None = None) -> ExtractedDoc:
    return extract_pages(read_pages(Path(path), settings), settings, codebook)
