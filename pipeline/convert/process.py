"""One PDF through every stage: extract -> map -> normalize -> validate, into a Report."""
from __future__ import annotations

from pathlib import Path

from ..codebook import Codebook, Countries, default_codebook, default_countries
from .extract import extract_pdf
from .map import exact_variants, match_label, rejoin_split_rows, section_id, section_title_rows
from ..models import Coverage, ExtractedDoc, FieldValue, Issue, Report, Row
from .normalize import country_names, join_cell_lines, normalize_value
from ..settings import DEFAULT_SETTINGS, ExtractSettings
from ..text import fold
from .validate import validate_report


def _placement(row: Row) -> tuple[int | None, tuple | None]:
    cell = row.value if row.value.fragments else row.label
    page = cell.page
    return page, (cell.bbox_on(page) if page else None)


def _base(row: Row, section: str) -> FieldValue:
    page, bbox = _placement(row)
    label, _ = join_cell_lines(row.label.lines)
    text, rules = join_cell_lines(row.value.lines)
    return FieldValue(field="", section=section, label=label, text=text, status="unmapped",
                      page=page, bbox=bbox, fragments=row.value.fragments or row.label.fragments,
                      rules=rules)


def _words(row: Row) -> int:
    return sum(len(f.text.split()) for f in row.label.fragments + row.value.fragments)


def coverage(doc: ExtractedDoc, table_words: dict[str, int]) -> Coverage:
    parts = {k: n for k, n in doc.region_words.items() if k != "tables"}
    for k, n in table_words.items():
        parts[k] = parts.get(k, 0) + n
    return Coverage(words_total=doc.words_total, words_placed=doc.words_total - len(doc.unplaced),
                    by_part=dict(sorted(parts.items())),
                    unplaced=[f"p{w.page} ({w.x0:.0f},{w.top:.0f}) {w.text}" for w in doc.unplaced])


def _home_currency(country: str | None, countries: Countries) -> str | None:
    return next((c.currency for c in countries.countries if c.name == country), None)


def _claim(claimed: dict[str, FieldValue], v: FieldValue) -> None:
    """Two rows claiming one field: the better match keeps it, the other stays unmapped; both warn."""
    first = claimed.get(v.field)
    if first is not None:
        keep, lose = (v, first) if v.match and first.match and v.match.score > first.match.score else (first, v)
        msg = (f"two rows claim {v.field}: {first.label!r} (page {first.page}) and {v.label!r} "
               f"(page {v.page}); {lose.label!r} matches less well and is kept as unmapped")
        for x in (first, v):
            x.warnings.append(Issue(code="duplicate_field", field=v.field, page=x.page, message=msg))
        lose.field, lose.match = "", None
        v = keep
    if v.field:
        claimed[v.field] = v


def map_rows(rows: list[Row], report: Report, codebook: Codebook, countries: Countries
             ) -> tuple[list[FieldValue], dict[str, FieldValue], dict[str, int]]:
    """Rows -> output rows with their field (or none), the fields claimed, and the words of the
    table rows by outcome (for the coverage account)."""
    subheadings = {fold(s) for s in codebook.subheadings}
    facts_fields = [f for f in codebook.fields if f.where == "facts"]
    table_fields = [f for f in codebook.fields if f.where == "table"]
    values: list[FieldValue] = []
    claimed: dict[str, FieldValue] = {}
    outcome: list[tuple[Row, FieldValue | None]] = []
    rows = section_title_rows(rejoin_split_rows(rows, table_fields, codebook, countries), codebook)
    for row in rows:
        v = _base(row, row.section)
        if row.rejoined:
            v.rules.insert(0, "row_rejoined_across_page_break")
        if row.kind == "title":
            v.field = row.key or ""
        elif row.kind == "section" or row.kind == "subheading" and fold(v.label) in subheadings:
            if row.kind == "subheading":
                report.subheadings.append(v.label)
            outcome.append((row, None))
            continue
        else:
            fields = facts_fields if row.kind == "facts" else table_fields
            match, issues = match_label(v.label, section_id(row.section, codebook) if row.section else None,
                                        fields, codebook, countries, v.page)
            v.warnings += issues
            if match:
                v.field, v.match = match.field, match
            if row.kind == "subheading" and not match:
                v.warnings.append(Issue(code="label_without_value", page=v.page,
                                        message=f"row {v.label!r} has no value and is no known sub-heading"))
        if v.field:
            _claim(claimed, v)
        values.append(v)
        outcome.append((row, v))
    words = {"mapped_rows": 0, "unmapped_rows": 0, "subheadings": 0, "section_titles": 0}
    for row, v in outcome:
        if row.kind == "section":
            words["section_titles"] += _words(row)
        elif row.kind in ("table", "subheading"):
            words["subheadings" if v is None else "mapped_rows" if v.field else "unmapped_rows"] += _words(row)
    return values, claimed, words


def normalize_values(values: list[FieldValue], report: Report, codebook: Codebook, countries: Countries) -> None:
    """Apply each mapped row's rules; the country (first, from the title) sets the home currency."""
    home = None
    for v in values:
        if not v.field:
            continue
        n = normalize_value(v.field, codebook.spec(v.field).type, v.text, codebook, countries, home, v.label)
        v.value, v.unit, v.answer, v.status, v.error = n.value, n.unit, n.answer, n.status, n.error
        v.rules += n.rules
        v.warnings += [Issue(code=c, message=m, field=v.field, page=v.page) for c, m in n.warnings]
        if n.error:
            v.warnings.append(Issue(code="invalid", message=n.error, field=v.field, page=v.page))
        if v.field == "country" and v.status == "ok":
            home = _home_currency(v.value, countries)
            report.country = v.value
            report.iso3 = next(c.iso3 for c in countries.countries if c.name == v.value)


def build_report(doc: ExtractedDoc, source: str, codebook: Codebook | None = None,
                 countries: Countries | None = None) -> Report:
    codebook = codebook or default_codebook()
    countries = countries or default_countries()
    report = Report(source=source, template=doc.template, pages=doc.pages, warnings=list(doc.warnings),
                    furniture=doc.furniture)
    values, claimed, table_words = map_rows(doc.rows, report, codebook, countries)
    normalize_values(values, report, codebook, countries)
    for spec in codebook.fields:
        if spec.id not in claimed:
            values.append(FieldValue(field=spec.id, section=codebook.section_title(spec.section), status="missing"))
    report.values = values
    year = report.field("year")
    report.year = year.value if year and year.status == "ok" else None
    validate_report(report, countries)
    report.coverage = coverage(doc, table_words)
    if doc.unplaced:
        report.warnings.append(Issue(code="words_not_placed", message=f"{len(doc.unplaced)} words landed in no row"))
    written = sum(report.coverage.by_part.values())
    if written != report.coverage.words_placed:
        report.warnings.append(Issue(code="coverage_mismatch", message=(
            f"{report.coverage.words_placed} words placed on the pages but {written} accounted for in the output")))
    return report


def process_pdf(path: Path, source: str | None = None, settings: ExtractSettings = DEFAULT_SETTINGS,
                codebook: Codebook | None = None, countries: Countries | None = None) -> Report:
    doc = extract_pdf(path, settings, codebook)
    return build_report(doc, source or Path(path).name, codebook, countries)


def warm_up() -> None:
    """Load the codebook and country data and build their lookup tables now: the workers' forkserver
    calls this once, so each worker forked from it (one every few dozen files) starts warm."""
    codebook, countries = default_codebook(), default_countries()
    exact_variants(codebook)
    country_names(countries)
