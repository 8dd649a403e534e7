"""Which edition a report is: the language its text is printed in, and the methodology it follows.

Both are read from the content: the language from the script most of its letters are in (not from
the file name); the methodology from the sections only one methodology has (the expert survey of
2020), with the index title as one clue among them. A title that says otherwise gets a warning.
"""
from __future__ import annotations

from ...core.models import ExtractedDoc, Issue, Mapping
from ..lexicon import Lexicon


def detect_language(doc: ExtractedDoc, lexicon: Lexicon) -> str | None:
    """The codebook language whose script most of the report's letters are written in."""
    counts = dict.fromkeys(lexicon.analyzer.scripts, 0)
    texts = list(doc.title_lines) + [f.text for r in doc.rows for f in r.label.fragments + r.value.fragments]
    for text in texts:
        for lang, script in lexicon.analyzer.scripts.items():
            counts[lang] += len(script.findall(text))
    best = max(counts, key=counts.get, default=None)
    return best if best is not None and counts[best] else None


def _unknown_sections(mapping: Mapping) -> list[str]:
    """Printed sections the codebook does not know, with two or more rows and none of them a field."""
    rows: dict[str, list[bool]] = {}
    for r in mapping.rows:
        if r.kind == "table" and r.section:
            rows.setdefault(r.section, []).append(bool(r.field))
    return [t for t, sid in mapping.sections.items()
            if sid is None and len(rows.get(t, [])) >= 2 and not any(rows[t])]


def content_methodology(mapping: Mapping, lexicon: Lexicon) -> tuple[str | None, str]:
    """(template, evidence) from what the profile contains: a section or an indicator only one
    methodology has; failing those, a section the codebook does not know whose rows are no field
    (read as the survey section of the methodology that has one)."""
    templates = lexicon.codebook.templates
    marked = {r.indicator_of: r.label for r in mapping.rows if r.indicator_of}
    for t in templates:
        own = [p for p, s in mapping.sections.items() if s in t.sections]
        if own:
            return t.id, f"its section {own[0]!r}"
        if t.id in marked:
            return t.id, f"its indicator {marked[t.id]!r}"
    unknown = _unknown_sections(mapping)
    newest = next((t for t in templates if t.sections), None)
    if unknown and newest is not None:
        return newest.id, f"its section {unknown[0]!r}, which only that methodology's survey sections resemble"
    return None, ""


def methodology(doc: ExtractedDoc, mapping: Mapping, lexicon: Lexicon) -> tuple[str | None, list[Issue]]:
    """The template the content shows, else the title's, else the last one; a title that disagrees warns."""
    templates = lexicon.codebook.templates
    content, evidence = content_methodology(mapping, lexicon)
    title = doc.template
    if content is not None:
        if title is not None and title != content:
            return content, [Issue(code="template_mismatch", message=(
                f"the index title reads as the {title} methodology, but the content ({evidence}) follows "
                f"{content}: read as {content}"))]
        return content, []
    if title is not None:
        if any(t.sections for t in templates if t.id == title):
            return title, [Issue(code="template_mismatch", message=(
                f"the index title reads as the {title} methodology, but none of its own sections was found: "
                f"read as {title}, by the title"))]
        return title, []
    return (templates[-1].id if templates else None), []
