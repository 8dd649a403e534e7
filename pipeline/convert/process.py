"""One PDF through the stages, each a function of the one before: extract -> map -> normalize ->
validate; the Report is assembled from their results at the end."""
from __future__ import annotations

from pathlib import Path

from ..core.keys import profile_key
from ..core.models import Coverage, ExtractedDoc, FieldValue, Issue, Mapping, MappedRow, Report, SetAside
from ..core.settings import DEFAULT_SETTINGS, ExtractSettings
from .extract import extract_pages, extract_pdf
from .extract.pages import read_pages
from .extract.split import Part, split_pages
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
BY_WORDING = ("exact", "variant")  # matches that are a profile's own structure; by meaning or place alone are not


def check_profile(report: Report, lexicon: Lexicon | None = None) -> None:
    """A country profile is recognised by its own structure: it names a known country and prints a known
    indicator (or its index title), or prints several known indicators, each row's label matching the
    codebook by its wording. A few lines of running text that match by meaning are no such evidence;
    anything else (a results sheet with a large title and a year, a form, a court transcript headed
    "... of the United States", a journal article) is not one."""
    lexicon = lexicon or default_lexicon()
    indicators = sum(1 for v in report.values if v.field and lexicon.spec(v.field).where != "title"
                     and v.status in ("ok", "no_data") and v.match is not None and v.match.method in BY_WORDING)
    loose = sum(1 for v in report.values if v.field and lexicon.spec(v.field).where != "title"
                and v.status in ("ok", "no_data") and (v.match is None or v.match.method not in BY_WORDING))
    titled = not any(w.code == "unknown_template" for w in report.warnings)  # an index title the codebook knows
    if indicators >= MIN_INDICATORS or report.country is not None and (indicators or titled):
        return
    found = (f"{report.country} is named, but with no index title and no indicator matched by its wording"
             if report.country else f"no known country and {indicators} indicators matched by their wording")
    if loose:
        found += f" ({loose} more lines resemble an indicator by meaning or place alone, which is no evidence)"
    raise NotAProfile(f"not a country profile: looked for a title block (a known country, the index title), "
                      f"section titles and rows whose labels match the codebook by wording; found {found} "
                      f"(a profile has a country with its index title or an indicator, or at least "
                      f"{MIN_INDICATORS} indicators)")


def identity_warnings(report: Report) -> list[Issue]:
    """A report converted without a country or a year cannot be placed in the panel: say which is missing."""
    missing = [name for name, v in (("a country", report.country), ("a year", report.year)) if v is None]
    if not missing:
        return []
    return [Issue(code="unidentified", message=f"converted without {' or '.join(missing)}: the title block "
                  f"gave no {' and no '.join(m.split()[1] for m in missing)} the codebook knows; the report "
                  "cannot be placed in the panel")]


def _set_aside_for(reports: list[tuple[Part, Report]], aside: list[Part]) -> list[Report]:
    """Each report with the set-aside pages that follow it up to the next profile (the pages before
    the first profile go with the first)."""
    out = []
    for i, (part, report) in enumerate(reports):
        nxt = reports[i + 1][0].first if i + 1 < len(reports) else float("inf")
        mine = [a for a in aside if part.first <= a.first < nxt or (i == 0 and a.first < part.first)]
        out.append(report.model_copy(update={"page_numbers": part.numbers, "set_aside": [
            SetAside(pages=a.numbers, reason=a.reason) for a in mine]}))
    return out


def _checked(report: Report, lexicon: Lexicon) -> Report:
    check_profile(report, lexicon)
    return report


def process_file(path: Path, source: str, settings: ExtractSettings = DEFAULT_SETTINGS,
                 lexicon: Lexicon | None = None) -> list[Report]:
    """A file's profiles, each its own checked report (split.py finds them); raises NotAProfile when
    none of its parts is a profile."""
    lexicon = lexicon or default_lexicon()
    pages = read_pages(Path(path), settings)
    if not any(p.words for p in pages):  # a scan (or no pages at all): nothing to split
        return [_checked(build_report(extract_pages(pages, settings, lexicon), source, lexicon), lexicon)]
    split = split_pages(pages, settings, lexicon.codebook)
    if not split.profiles:
        raise NotAProfile(f"not a country profile: looked for a title block (an index title of the codebook "
                          f"and a year, set large atop a page) and rows laid out as label | value; found "
                          f"{len(pages)} pages of running prose and no title block (a narrative report?)")
    several = len(split.profiles) > 1
    made: list[tuple[Part, Report]] = []
    refused: list[tuple[Part, NotAProfile]] = []
    for part in split.profiles:
        report = build_report(extract_pages(part.pages, settings, lexicon),
                              profile_key(source, part.first, several), lexicon)
        try:
            check_profile(report, lexicon)
        except NotAProfile as exc:
            refused.append((part, exc))
            continue
        made.append((part, report))
    if not made:
        if split.set_aside:
            prose = sum(len(a.pages) for a in split.set_aside)
            raise NotAProfile(f"{refused[0][1]}; {prose} of the file's {len(pages)} pages set aside as running "
                              "prose or outside any title block")
        raise refused[0][1]
    if several and len(made) == 1:  # the file's other parts were not profiles: it holds one
        made = [(part, report.model_copy(update={"source": source})) for part, report in made]
    aside = sorted(split.set_aside + [Part(part.pages, f"not a profile ({exc})") for part, exc in refused],
                   key=lambda a: a.first)
    reports = _set_aside_for(made, aside)
    return [r.model_copy(update={"warnings": r.warnings + identity_warnings(r)}) for r in reports]


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
