"""One PDF through the stages, each a function of the one before: extract -> map -> normalize ->
validate; the Report is assembled from their results at the end."""
from __future__ import annotations

from pathlib import Path

from ..core.models import Coverage, ExtractedDoc, FieldValue, Issue, Mapping, MappedRow, Report
from ..core.settings import DEFAULT_SETTINGS, ExtractSettings
from .extract import extract_pdf
from .failures import NotAProfile
from ..core.codebook_files import CodebookFiles, codebook_folder
from .lexicon import Lexicon, default_lexicon, lexicon_for
from .map.edition import detect_language, methodology
from .map.map import map_rows
from .normalize import Normalized, normalize_rows
from .validate import Finding, validate


def field_value(row: MappedRow, n: Normalized | None) -> FieldValue:
    """An output row from a mapped row and, for a field, its normalized value."""
    v = FieldValue(field=row.field, section=row.section, label=row.label, text=row.text, status="unmapped",
                   page=row.page, bbox=row.bbox, fragments=row.fragments, rules=list(row.rules), match=row.match,
                   warnings=list(row.warnings))
    if n is None:
        return v
    issues = [Issue(code=c, message=m, field=v.field, page=v.page) for c, m in n.warnings]
    if n.error:
        issues.append(Issue(code="invalid", message=n.error, field=v.field, page=v.page))
    return v.model_copy(update={"value": n.value, "unit": n.unit, "answer": n.answer, "status": n.status,
                                "error": n.error, "rules": v.rules + n.rules, "warnings": v.warnings + issues})


def missing_values(rows: list[MappedRow], lexicon: Lexicon, language: str | None) -> list[FieldValue]:
    """A row for each field the report does not print (its section's title in the report's language)."""
    claimed = {r.field for r in rows if r.field}
    return [FieldValue(field=spec.id, section=lexicon.codebook.section_title(spec.section, language),
                       status="missing")
            for spec in lexicon.codebook.fields if spec.id not in claimed]


def apply_findings(values: list[FieldValue], findings: list[Finding]) -> list[FieldValue]:
    out = list(values)
    for f in findings:
        v = out[f.index]
        update = {"warnings": v.warnings + [f.issue]}
        if f.invalid:
            update.update(status="invalid", error=f.issue.message)
        out[f.index] = v.model_copy(update=update)
    return out


def coverage(doc: ExtractedDoc, table_words: dict[str, int]) -> Coverage:
    parts = {k: n for k, n in doc.region_words.items() if k != "tables"}
    for k, n in table_words.items():
        parts[k] = parts.get(k, 0) + n
    return Coverage(words_total=doc.words_total, words_placed=doc.words_total - len(doc.unplaced),
                    by_part=dict(sorted(parts.items())),
                    unplaced=[f"p{w.page} ({w.x0:.0f},{w.top:.0f}) {w.text}" for w in doc.unplaced])


def _ok_value(values: list[FieldValue], field: str):
    return next((v.value for v in values if v.field == field and v.status == "ok"), None)


def assemble(doc: ExtractedDoc, source: str, language: str | None, mapping: Mapping, values: list[FieldValue],
             lexicon: Lexicon) -> Report:
    country = _ok_value(values, "country")
    known = lexicon.country(country)
    cov = coverage(doc, mapping.words)
    template, template_issues = methodology(doc, mapping, lexicon)
    warnings = list(doc.warnings) + template_issues
    if doc.unplaced:
        warnings.append(Issue(code="words_not_placed", message=f"{len(doc.unplaced)} words landed in no row"))
    written = sum(cov.by_part.values())
    if written != cov.words_placed:
        warnings.append(Issue(code="coverage_mismatch", message=(
            f"{cov.words_placed} words placed on the pages but {written} accounted for in the output")))
    return Report(source=source, country=country, iso3=known.iso3 if known else None,
                  year=_ok_value(values, "year"), template=template, language=language, pages=doc.pages,
                  values=values,
                  subheadings=mapping.subheadings, furniture=doc.furniture, coverage=cov, warnings=warnings,
                  tables=doc.tables)


def build_report(doc: ExtractedDoc, source: str, lexicon: Lexicon | None = None) -> Report:
    """The stages after extraction, each returning new values; the report is put together last."""
    lexicon = lexicon or default_lexicon()
    language = detect_language(doc, lexicon)
    mapping = map_rows(doc.rows, lexicon, language)
    normalized = normalize_rows(mapping.rows, lexicon)
    values = [field_value(r, n) for r, n in zip(mapping.rows, normalized)]
    values += missing_values(mapping.rows, lexicon, language)
    values = apply_findings(values, validate(values, source, lexicon))
    return assemble(doc, source, language, mapping, values, lexicon)


MIN_INDICATORS = 3  # known indicators (facts or table rows) that make a document without a country a profile


def check_profile(report: Report, lexicon: Lexicon | None = None) -> None:
    """A country profile names a known country and prints a known indicator (or its index title), or
    prints several known indicators; anything else (a results sheet with a large title and a year, a
    form, a court transcript headed "... of the United States") is not one."""
    lexicon = lexicon or default_lexicon()
    indicators = sum(1 for v in report.values if v.field and lexicon.spec(v.field).where != "title"
                     and v.status in ("ok", "no_data"))
    titled = not any(w.code == "unknown_template" for w in report.warnings)  # an index title the codebook knows
    if indicators >= MIN_INDICATORS or report.country is not None and (indicators or titled):
        return
    found = (f"{report.country} is named, but with no index title and no known indicator" if report.country
             else f"no known country and {indicators} known indicators")
    raise NotAProfile(f"not a country profile: {found} (a profile has a country with its index title or an "
                      f"indicator, or at least {MIN_INDICATORS} indicators)")


def process_pdf(path: Path, source: str | None = None, settings: ExtractSettings = DEFAULT_SETTINGS,
                lexicon: Lexicon | None = None) -> Report:
    lexicon = lexicon or default_lexicon()
    doc = extract_pdf(path, settings, lexicon)
    return build_report(doc, source or Path(path).name, lexicon)


def warm_up() -> None:
    """Build the lexicon now: the workers' forkserver calls this once, so each worker forked from it
    (one every few dozen files) starts warm. With a codebook folder in $PIPELINE_CODEBOOK (as the run
    starts it: runner.start_early), its lexicon too."""
    default_lexicon()
    folder = codebook_folder(None)
    if folder is not None:
        lexicon_for(CodebookFiles.at(folder))
