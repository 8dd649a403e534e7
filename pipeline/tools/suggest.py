"""A new year's wording, into the codebook: `pipeline codebook suggest OUTDIR` and `pipeline codebook apply`.

`suggest` reads a run's reports (OUTDIR/json/) and writes a YAML patch for a person to review:
- every inferred match (a label matched by similarity or by its place, not by a listed variant),
  with `accept: true`: the run already read it so, and adding the wording makes it an exact match;
- every unmapped row whose section has a field the report lacks, with the closest such field as a
  guess and `accept: false`: a person decides;
- the other unmapped rows under `new_indicators` (nothing to apply).
Each entry gives the field, the printed wording, its language and the evidence (file, page, score).

`apply PATCH` adds the accepted entries to pipeline/core/data/variants.yaml, which the codebook loads
beside codebook.yaml; a rerun then reads those rows as exact matches.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from ..core import DATA
from ..core.codebook import VARIANTS, CodebookError, load_codebook, load_variants
from ..core.models import Report
from ..outdir.atomic import atomic_write
from ..outdir.names import CODEBOOK_PATCH
from ..outdir.read import read_reports

HEADER = """\
# Label variants to add to the codebook, suggested from the run in {outdir} ({reports} reports).
# Review each entry: set `accept: true` on those that are right, `false` on the others, then
#   pipeline codebook apply {patch}
# `variants`: inferred matches (accepted by default) and unmapped rows with a guessed field (not);
# `new_indicators`: unmapped rows that fit no field the report lacks (nothing to apply).
"""


def _evidence(report: Report, page: int | None, score: float | None, method: str) -> dict:
    return {"file": report.source, "page": page, "score": None if score is None else round(score, 3),
            "method": method}


def _guess(report: Report, label: str, section: str, lexicon) -> tuple[str, float] | None:
    """The field this report lacks, of the row's own section, whose wording comes closest."""
    from ..convert.door import score_label

    sections = {v.section: lexicon.spec(v.field).section for v in report.values
                if v.field and v.status != "missing" and lexicon.spec(v.field).section}
    missing = [lexicon.spec(v.field) for v in report.values if v.status == "missing"]
    own = sections.get(section)
    if own is None:
        return None  # a section none of whose rows is a field (the expert survey): new indicators
    candidates = [f for f in missing if f.where == "table" and f.section == own]
    scored = [(score_label(label, f, lexicon, report.language).value, f.id) for f in candidates]
    best = max(scored, default=None)
    return (best[1], best[0]) if best and best[0] > 0 else None


def suggestions(reports: list[Report]) -> tuple[list[dict], list[dict]]:
    """(variants, new indicators), each entry with its evidence, grouped by wording."""
    from ..convert.door import default_lexicon

    lexicon = default_lexicon()
    variants: dict[tuple, dict] = {}
    new: dict[tuple, dict] = {}
    for r in reports:
        for v in r.values:
            if v.match and v.match.method in ("fuzzy", "structural"):
                key = (v.field, r.language, v.label)
                entry = variants.setdefault(key, {"field": v.field, "language": r.language, "label": v.label,
                                                  "accept": True, "evidence": []})
                entry["evidence"].append(_evidence(r, v.page, v.match.score, v.match.method))
            elif v.status == "unmapped" and v.label:
                guess = _guess(r, v.label, v.section, lexicon)
                if guess:
                    key = (guess[0], r.language, v.label)
                    entry = variants.setdefault(key, {"field": guess[0], "language": r.language, "label": v.label,
                                                      "accept": False, "evidence": []})
                    entry["evidence"].append(_evidence(r, v.page, guess[1], "guess"))
                else:
                    entry = new.setdefault((r.language, v.section, v.label), {
                        "label": v.label, "language": r.language, "section": v.section, "evidence": []})
                    entry["evidence"].append(_evidence(r, v.page, None, "unmapped"))
    order = {f.id: i for i, f in enumerate(lexicon.codebook.fields)}
    return (sorted(variants.values(), key=lambda e: (order[e["field"]], e["language"] or "", e["label"])),
            sorted(new.values(), key=lambda e: (e["language"] or "", e["section"], e["label"])))


def write_patch(outdir: Path, patch: Path) -> tuple[int, int]:
    reports = read_reports(outdir)  # MissingOutput (an OSError) without json/
    variants, new = suggestions(reports)
    body = yaml.safe_dump({"variants": variants, "new_indicators": new}, allow_unicode=True, sort_keys=False,
                          width=110)
    atomic_write(patch, HEADER.format(outdir=outdir, reports=len(reports), patch=patch) + body)
    return len(variants), len(new)


def apply_patch(patch: Path, variants_file: Path = DATA / VARIANTS) -> list[str]:
    """Add the patch's accepted variants to variants_file; returns what was added. The codebook with
    them is loaded once before writing, so a patch that would break it changes nothing."""
    try:
        doc = yaml.safe_load(Path(patch).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise CodebookError(f"{patch}: cannot read: {e}") from e
    entries = doc.get("variants") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise CodebookError(f"{patch}: no `variants` list (write one with `pipeline codebook suggest`)")
    accepted = load_variants(variants_file).fields if variants_file.is_file() else {}
    codebook = load_codebook()
    known = {f.id: f for f in codebook.fields}
    added = []
    for i, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not e.get("accept"):
            continue
        field, lang, label = e.get("field"), e.get("language"), str(e.get("label") or "").strip()
        if field not in known or lang not in codebook.languages or not label:
            raise CodebookError(f"{patch}: entry {i}: needs a known field, a codebook language and a label "
                                f"(got field {field!r}, language {lang!r}, label {label!r})")
        if label in known[field].labels.get(lang, []) or label in accepted.get(field, {}).get(lang, []):
            continue
        accepted.setdefault(field, {}).setdefault(lang, []).append(label)
        added.append(f"{field} ({lang}): {label}")
    text = ("# Label variants accepted with `pipeline codebook apply` (field -> language -> labels); the\n"
            "# codebook loads them beside codebook.yaml. Edit or delete entries like any codebook wording.\n"
            + yaml.safe_dump(accepted, allow_unicode=True, sort_keys=True, width=110))
    tmp = variants_file.with_name(f".{variants_file.name}.check")
    tmp.write_text(text, encoding="utf-8")
    try:
        load_codebook(variants=tmp)
    finally:
        tmp.unlink(missing_ok=True)
    atomic_write(variants_file, text)
    return added


def main_suggest(outdir: Path, patch: Path | None) -> int:
    patch = patch or Path(outdir) / CODEBOOK_PATCH
    try:
        n, new = write_patch(Path(outdir), patch)
    except (OSError, ValueError) as e:
        print(f"pipeline codebook suggest: {e}", file=sys.stderr)
        return 2
    print(f"{n} label variants to review and {new} new indicators -> {patch}")
    print(f"review it, then: pipeline codebook apply {patch}")
    return 0


def main_apply(patch: Path) -> int:
    try:
        added = apply_patch(Path(patch))
    except (OSError, CodebookError) as e:
        print(f"pipeline codebook apply: {e}", file=sys.stderr)
        return 2
    for a in added:
        print(f"added {a}")
    print(f"{len(added)} label variants added to {DATA / VARIANTS}; rerun `pipeline run` to read them")
    return 0
