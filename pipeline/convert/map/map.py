"""Map stage: the extracted rows -> canonical field ids, by spelling, by meaning and by place.

`map_rows(rows, lexicon, language)` returns a Mapping: new rows, each with its joined texts, its
place on the page and the field it was matched to (or none: kept as unmapped), with how
(`exact`, `variant`, `fuzzy`, `structural`) and how well. The extracted rows are left as they were.

How a row finds its field:
1. Each printed section is matched to a codebook section by its title, else by its rows (the
   section whose fields its rows fit best). A row can only take a field of its own section.
2. Within a section, rows and fields are aligned in order (a dynamic programme over the rows in
   print order and the fields in codebook order): a row whose label matches a field by spelling
   anchors it; the others take the field whose label means most nearly the same, keeping the
   order; a lone row left between two placed rows, facing a lone field, takes it when its value
   fits the field's type (a structural match). The facts box has no order: its rows and fields
   are paired best first.
3. A match that rests on meaning or on place alone always carries a warning; a row that fits no
   field stays unmapped, with its label and text.
"""
from __future__ import annotations

from ...core.codebook import FieldSpec
from ...core.geometry import BBox
from ...core.models import Cell, Fragment, Issue, Mapping, MappedRow, Match, Row
from ...core.text import fold, join_cell_lines
from ..lexicon import Lexicon
from ..normalize import no_data_form
from .align import Pair, align, assign_facts, assign_sections, set_aside_indicators
from .fit import unreadable, value_fit
from .labels import Score, accepted, match_label, method_of, score_label, section_by_title, section_id

# --- rows before matching: page breaks and section titles set as rows -------------------------

def rejoin_split_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A table row at the top of a page whose label, joined to the previous page's last label,
    matches a field better than either part alone, is the rest of that row: a page break
    split it, label and value alike ("Optional Protocol to the UN Convention against" /
    "Torture and Other Cruel, ... (2002)")."""
    def score(label: str, section: str | None) -> float:
        m, _ = match_label(label, section, lexicon.table_fields, lexicon, language=language)
        return m.score if m else 0.0

    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if row.after_page_break and prev is not None and prev.kind in ("table", "subheading") \
                and prev.section == row.section:
            section = section_id(row.section, lexicon, language)
            head, tail = " ".join(prev.label.lines), " ".join(row.label.lines)
            joined = score(f"{head} {tail}", section)
            if joined > max(score(head, section), score(tail, section)):
                value = Cell(fragments=prev.value.fragments + row.value.fragments)
                out[-1] = prev.model_copy(update={
                    "label": Cell(fragments=prev.label.fragments + row.label.fragments), "value": value,
                    "kind": "table" if value.fragments else prev.kind, "rejoined": True})
                continue
        out.append(row)
    return out


ROW_GAP = 0.5  # a gap between two lines wider than this many line heights parts two rows, not two lines of a cell


def _lines_apart(upper: Fragment, lower: Fragment, pitch: float | None = None) -> bool:
    """Two lines of a column that part two rows: a gap wider than `ROW_GAP` of a line's height, or, where
    the document's cells show their line step (`pitch`), a step clearly wider than it (rows a point or
    two apart, a grid's row gap)."""
    step = lower.bbox.top - upper.bbox.top
    return lower.bbox.top - upper.bbox.bottom > ROW_GAP * (lower.bbox.bottom - lower.bbox.top) \
        or pitch is not None and step > PITCH_APART * pitch


# a step between two lines this many times the line step inside the document's cells parts two rows
PITCH_APART = 1.1


def cell_pitch(rows: list[Row]) -> float | None:
    """The step from one line to the next inside the document's cells (the median, top to top), where
    three cells or more wrap; None where too few do."""
    steps = sorted(b.bbox.top - a.bbox.top for r in rows for cell in (r.label, r.value)
                   for a, b in zip(cell.fragments, cell.fragments[1:]) if a.page == b.page and b.bbox.top > a.bbox.top)
    return steps[len(steps) // 2] if len(steps) >= 3 else None


def _foot_value(prev: Row, rows: list[Row], pitch: float | None = None) -> list[Fragment]:
    """The lines at the foot of `prev`'s last page that are a value standing beside no label: lines of
    `prev`'s value below its label's last line and set apart from the lines above, all of it when it has
    no label, or `prev` itself when it is a label-only row whose text stands in the value column of its
    table."""
    if prev.kind == "table" and not prev.label.fragments:  # beside no label at all: its label went overleaf
        return list(prev.value.fragments)
    if prev.kind == "table":
        page = prev.value.fragments[-1].page
        label = [f for f in prev.label.fragments if f.page == page]
        if not label:
            return []
        below, right = label[-1], max(f.bbox.x1 for f in prev.label.fragments)
        for k, f in enumerate(prev.value.fragments):
            # a value wholly under its label's last line stands beside none of it: it is the next row's
            apart = _lines_apart(prev.value.fragments[k - 1], f, pitch) if k else True
            if f.page == page and f.bbox.top > below.bbox.bottom and f.bbox.x0 > right and apart:
                return prev.value.fragments[k:]
        return []
    frags = prev.label.fragments
    page, x0 = frags[-1].page, min(f.bbox.x0 for f in frags)
    tol = ROW_GAP * (frags[0].bbox.bottom - frags[0].bbox.top)
    # the value column of its table: of a row of the same table on either page, else of a table beside it
    in_value_column = any(
        r.kind == "table" and any((r.section == prev.section or f.page == page) and abs(f.bbox.x0 - x0) <= tol
                                  for f in r.value.fragments)
        and all(f.bbox.x1 < x0 for f in r.label.fragments) for r in rows)
    return list(frags) if in_value_column and all(f.page == page for f in frags) else []


def value_before_label(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A row split by a page break the other way round: a label with no value at the top of a page,
    after a value at the foot of the page before that stands beside no label (WeasyPrint sets a row's
    value on one page and carries its taller label over to the next). That value is the label's: it
    leaves the row before (or the label-only row it was read as) and joins the label's row."""
    out: list[Row] = []
    pitch = cell_pitch(rows)
    for row in rows:
        prev = out[-1] if out else None
        if row.after_page_break and row.kind == "subheading" and row.label.fragments and prev is not None \
                and prev.kind in ("table", "subheading") and prev.section == row.section \
                and (prev.value.fragments or prev.label.fragments) \
                and (prev.value.fragments or prev.label.fragments)[-1].page < row.label.fragments[0].page:
            label = " ".join(row.label.lines)
            m, _ = match_label(label, section_id(row.section, lexicon, language), lexicon.table_fields, lexicon,
                               language=language)
            moved = _foot_value(prev, rows, pitch) if m is not None and fold(label) not in lexicon.subheadings else []
            if moved:
                if prev.kind == "table" and prev.label.fragments:
                    kept = prev.value.fragments[:-len(moved)]
                    out[-1] = prev.model_copy(update={"value": Cell(fragments=kept),
                                                      "kind": "table" if kept else "subheading"})
                else:
                    out.pop()
                out.append(row.model_copy(update={"kind": "table", "value": Cell(fragments=moved),
                                                  "rejoined": True}))
                continue
        out.append(row)
    return out


def value_head_overleaf(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A row split by a page break whose value goes on atop the next page with a capitalised line, run
    into the first row there: with values set at the bottom (or the middle) of their cells, the lines
    above that row's label read as its own. They are the row before's when, taken from this row, its
    value reads as its field's type and did not before ("Offices only in 6 regional centres" /
    "3 341 081 somoni" for a budget), or when without them it is a no-data form and with them it cannot
    be the field's value or its parser cannot read it ("16 regions" / "No data" for a budget): lines that
    stand beside no label of this row, whose text its field cannot hold, go back to the row the break
    split. Both rows are marked rejoined."""
    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        moved = _head_of_other_row(prev, row, lexicon, language) if prev is not None else 0
        if moved:
            head, rest = row.value.fragments[:moved], row.value.fragments[moved:]
            out[-1] = prev.model_copy(update={"value": Cell(fragments=prev.value.fragments + head), "rejoined": True})
            row = row.model_copy(update={"value": Cell(fragments=rest), "rejoined": True})
        out.append(row)
    return out


def _head_of_other_row(prev: Row, row: Row, lexicon: Lexicon, language: str | None) -> int:
    """How many of `row`'s first value lines are the rest of `prev` (value_head_overleaf); 0: none."""
    frags, labels = row.value.fragments, row.label.fragments
    if not (row.after_page_break and row.kind == "table" and prev.kind == "table" and prev.section == row.section
            and labels and len(frags) > 1 and prev.value.fragments
            and prev.value.fragments[-1].page < frags[0].page):
        return 0
    m, _ = match_label(" ".join(row.label.lines), section_id(row.section, lexicon, language), lexicon.table_fields,
                       lexicon, language=language)
    if m is None:
        return 0
    spec, first = lexicon.spec(m.field), labels[0].bbox
    text = join_cell_lines(row.value.lines)[0]
    whole = value_fit(text, spec, lexicon)
    # a no-data form is left where the whole cannot be the field's value, or cannot be read as its type
    cannot = whole < 0 or unreadable(text, spec, lexicon)
    for k in range(1, len(frags)):
        if frags[k - 1].bbox.bottom > first.top + ROW_GAP * (first.bottom - first.top):
            return 0  # beside the label: this row's own
        rest = join_cell_lines([f.text for f in frags[k:]])[0]
        if whole < 1 and (value_fit(rest, spec, lexicon) == 1 or cannot and no_data_form(rest, lexicon.no_data)):
            return k
    return 0


def section_title_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> list[Row]:
    """A label-only row that is a known section title (a title set as a table row rather than
    as a heading) starts that section: it becomes a `section` row and the rows after it, up to
    the next section the extract stage found, belong to it."""
    out: list[Row] = []
    title, within = None, None
    for row in rows:
        if row.kind not in ("table", "subheading"):
            out.append(row)
            continue
        if title is not None and row.section == within:
            row = row.model_copy(update={"section": title})
        elif row.section != within:
            title = None
        label = " ".join(row.label.lines)
        if row.kind == "subheading" and fold(label) not in lexicon.subheadings \
                and section_by_title(label, lexicon, language)[1] >= lexicon.codebook.matching.accept:
            title, within = label, row.section
            row = row.model_copy(update={"kind": "section", "section": label})
        out.append(row)
    return out


# --- the stage -----------------------------------------------------------------------------

def _placement(row: Row) -> tuple[int | None, BBox | None]:
    """The value's page and box: the union of its lines on its first page, unless that union would take
    in its label's words too (a facts-box value wrapped under its label, "Population - 18.28" /
    "million"): then the box of its first line, which holds the value's words only."""
    cell = row.value if row.value.fragments else row.label
    page = cell.page
    if not page:
        return page, None
    box = cell.bbox_on(page)
    if cell is row.value and any(box.holds_centre_of(f.bbox) for f in row.label.fragments if f.page == page):
        box = row.value.fragments[0].bbox
    return page, box


def _words(row: Row) -> int:
    return sum(len(f.text.split()) for f in row.label.fragments + row.value.fragments)


def read_row(row: Row) -> MappedRow:
    """One row's texts joined and its place; the field comes later."""
    page, bbox = _placement(row)
    label, _ = join_cell_lines(row.label.lines)
    text, rules = join_cell_lines(row.value.lines)
    out = MappedRow(kind=row.kind, section=row.section, label=label, text=text, page=page, bbox=bbox,
                    fragments=row.value.fragments or row.label.fragments,
                    rules=(["row_rejoined_across_page_break"] if row.rejoined else []) + rules)
    if row.kind == "title":
        out.field = row.key or ""
    if row.doubtful:
        out.warnings.append(Issue(code="doubtful_reading", page=page, message=f"row {label!r}: {row.doubtful}"))
    return out


def _matched(row: MappedRow, pair: Pair, fields_scored: list[Score], lexicon: Lexicon) -> MappedRow:
    """The row with its field, how it was matched, and the warnings an inferred match carries."""
    m = lexicon.codebook.matching
    s = pair.score
    issues: list[Issue] = []
    rivals = [r for r in fields_scored if r.field != s.field and accepted(r, lexicon)
              and s.value - r.value <= m.ambiguous_gap]
    if rivals and accepted(s, lexicon):
        names = ", ".join(f"{r.field} ({r.value:.2f})" for r in [s, *rivals])
        issues.append(Issue(code="ambiguous_label", field=s.field, page=row.page,
                            message=f"label {row.label!r} matches several fields: {names}; chose {s.field}"))
    best_for_row = all(r.value < s.value for r in fields_scored if r.field != s.field)
    if pair.structural or s.value < m.related:
        method = "structural"
        issues.append(Issue(code="structural_match", field=s.field, page=row.page, message=(
            f"label {row.label!r} was placed as {s.field} by its place in the section and its value's type "
            f"(closest wording {s.variant!r}, similarity {s.value:.2f}): please check")))
    else:
        method = method_of(s)
        # near-identical spelling, or the meaning of a variant all there and no other field as close
        confident = s.value >= m.confident or (s.how != "spelling" and s.value >= m.meaning and best_for_row)
        if not confident:
            issues.append(Issue(code="weak_match", field=s.field, page=row.page,
                                message=f"label {row.label!r} matched {s.variant!r} with similarity {s.value:.2f}"))
    match = Match(field=s.field, variant=s.variant, score=s.value, method=method)
    return row.model_copy(update={"field": s.field, "match": match, "warnings": row.warnings + issues})


def claim_fields(rows: list[MappedRow]) -> list[MappedRow]:
    """Two rows claiming one field: the better match keeps it, the other stays unmapped; both warn."""
    extra: dict[int, list[Issue]] = {}
    lost: set[int] = set()
    claimed: dict[str, int] = {}
    for i, row in enumerate(rows):
        if not row.field:
            continue
        j = claimed.setdefault(row.field, i)
        if j == i:
            continue
        first = rows[j]
        keep, lose = (i, j) if row.match and first.match and row.match.score > first.match.score else (j, i)
        msg = (f"two rows claim {row.field}: {first.label!r} (page {first.page}) and {row.label!r} "
               f"(page {row.page}); {rows[lose].label!r} matches less well and is kept as unmapped")
        for k in (j, i):
            extra.setdefault(k, []).append(Issue(code="duplicate_field", field=row.field, page=rows[k].page,
                                                 message=msg))
        lost.add(lose)
        claimed[row.field] = keep
    return [row.model_copy(update={"warnings": row.warnings + extra[i],
                                   **({"field": "", "match": None} if i in lost else {})})
            if i in extra else row for i, row in enumerate(rows)]


def _place(rows: list[MappedRow], placed: dict[int, Pair], fields: list[FieldSpec], lexicon: Lexicon,
           language: str | None, in_section: bool) -> None:
    for b, pair in placed.items():
        scored = [score_label(rows[pair.row].label, f, lexicon, language, in_section) for f in fields]
        rows[pair.row] = _matched(rows[pair.row], pair, scored, lexicon)


def _duplicates(rows: list[MappedRow], idx: list[int], fields: list[FieldSpec], lexicon: Lexicon,
                language: str | None) -> None:
    """A row left unmapped whose label is another placed row's field by spelling: both warn."""
    placed = {rows[i].field: i for i in idx if rows[i].field}
    for i in idx:
        if rows[i].field:
            continue
        for f in fields:
            j = placed.get(f.id)
            if j is not None and accepted(score_label(rows[i].label, f, lexicon, language), lexicon):
                first, second = sorted((i, j))
                msg = (f"two rows claim {f.id}: {rows[first].label!r} (page {rows[first].page}) and "
                       f"{rows[second].label!r} (page {rows[second].page}); {rows[i].label!r} matches less "
                       "well and is kept as unmapped")
                for k in (first, second):
                    rows[k] = rows[k].model_copy(update={"warnings": rows[k].warnings + [Issue(
                        code="duplicate_field", field=f.id, page=rows[k].page, message=msg)]})
                break


def _unplaced_label_only(rows: list[MappedRow], idx: list[int], extracted: list[Row]) -> None:
    for i in idx:
        if extracted[i].kind == "subheading" and not rows[i].field:
            rows[i] = rows[i].model_copy(update={"warnings": rows[i].warnings + [Issue(
                code="label_without_value", page=rows[i].page,
                message=f"row {rows[i].label!r} has no value and is no known sub-heading")]})


PROSE_WORDS = 12  # a label of this many words or more, with no value and a sentence's stops, is running text


def running_prose(row: MappedRow) -> bool:
    """A row that is a line (or a paragraph) of running text, not a label | value row: no value, a long
    label, and the stops of a sentence. It is kept as an unmapped row, but never mapped by meaning or
    by place: prose is never a field."""
    words = row.label.split()
    return (not row.text.strip() and len(words) >= PROSE_WORDS
            and (row.label.rstrip().endswith((".", "!", "?", ";")) or ". " in row.label))


def section_groups(mapped: list[MappedRow], written: list[Row]) -> dict[str, list[int]]:
    """The table rows by printed section. A run of rows under a section title seen earlier, with
    another section between, continues the section just before it: a title set as a table row and
    lost at a page break leaves the rows after the break under the heading before it."""
    groups: dict[str, list[int]] = {}
    previous = None
    for i, r in enumerate(written):
        if r.kind not in ("table", "subheading"):
            continue
        title = r.section
        if title != previous and title in groups and previous is not None:
            title = previous
            mapped[i] = mapped[i].model_copy(update={"section": title,
                                                     "rules": mapped[i].rules + ["section_continued"]})
        groups.setdefault(title, []).append(i)
        previous = title
    return groups


def map_rows(rows: list[Row], lexicon: Lexicon, language: str | None = None) -> Mapping:
    """Rows -> the rows to write, each with its field (or none); known sub-headings and section
    titles set apart; the words of the table rows by outcome (for the coverage account)."""
    rows = value_before_label(rejoin_split_rows(rows, lexicon, language), lexicon, language)
    rows = value_head_overleaf(rows, lexicon, language)
    rows = section_title_rows(rows, lexicon, language)
    mapped: list[MappedRow] = []
    written: list[Row] = []  # the extracted row of each mapped row
    subheadings: list[str] = []
    words = {"mapped_rows": 0, "unmapped_rows": 0, "subheadings": 0, "section_titles": 0}
    for row in rows:
        if row.kind == "section":
            words["section_titles"] += _words(row)
            continue
        if row.kind == "subheading":
            label, _ = join_cell_lines(row.label.lines)
            if fold(label) in lexicon.subheadings:
                subheadings.append(label)
                words["subheadings"] += _words(row)
                continue
        mapped.append(read_row(row))
        written.append(row)

    facts = [i for i, r in enumerate(written) if r.kind == "facts"]
    _place(mapped, assign_facts(mapped, facts, lexicon.facts_fields, lexicon, language), lexicon.facts_fields,
           lexicon, language, True)
    groups = section_groups(mapped, written)
    sections = assign_sections(groups, mapped, lexicon, language)
    leftover = [f for f in lexicon.table_fields if f.section not in sections.values()]
    for title, idx in groups.items():
        sid = sections[title]
        # a section with no fields of its own (the expert survey) leaves its rows unmapped
        fields = lexicon.section_fields[sid] if sid is not None else leftover
        prose = [i for i in idx if running_prose(mapped[i])]
        for i in prose:
            mapped[i] = mapped[i].model_copy(update={"rules": mapped[i].rules + ["running_prose"]})
        idx = [i for i in idx if i not in prose]
        idx = set_aside_indicators(mapped, idx, fields, lexicon, language)
        _place(mapped, align(mapped, idx, fields, lexicon, language), fields, lexicon, language, sid is not None)
        _duplicates(mapped, idx, fields, lexicon, language)
    _unplaced_label_only(mapped, [i for idx in groups.values() for i in idx], written)

    mapped = claim_fields(mapped)
    for row, m in zip(written, mapped):
        if row.kind in ("table", "subheading"):
            words["mapped_rows" if m.field else "unmapped_rows"] += _words(row)
    return Mapping(rows=mapped, subheadings=subheadings, words=words,
                   sections={t: s for t, s in sections.items() if t})
