"""A new year's wording, into the codebook: `pipeline codebook suggest OUTDIR` and `pipeline codebook apply`.

`suggest` reads a run's reports (OUTDIR/json/) and writes a YAML patch for a person to review:
- every inferred match (a label matched by similarity or by its place, not by a listed variant),
  with `accept: true` when its best score reaches the codebook's `matching.suggest_accept` (the run
  already read it so, and adding the wording makes it an exact match), else `accept: false`;
- every unmapped row whose section has a field the report lacks, with the closest such field as a
  guess and `accept: false`: a person decides;
- the other unmapped rows under `new_indicators` (nothing to apply).
Each entry gives the field, the printed wording (the country's name as `{country}`), its language and the
evidence (file, page, score). A wording the codebook already has for that field is not suggested.

`apply PATCH --codebook DIR` adds the accepted entries to DIR/variants.yaml (a team's codebook folder,
never the installed package), which `pipeline run --codebook DIR` reads on top of the built-in codebook;
a rerun then reads those rows as exact matches. The patch is checked whole, and the codebook it makes is
loaded, before anything is written.
"""
from __future__ import annotations

import sys
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel, ConfigDict, StrictBool

from ..core.codebook import has_letters
from ..core.codebook_files import CODEBOOK_ENV, VARIANTS, CodebookError, CodebookFiles
from ..core.models import Report
from ..core.text import fold
from ..core.yamlfile import parse_yaml, read_yaml
from ..outdir.atomic import atomic_write
from ..outdir.names import CODEBOOK_PATCH
from ..outdir.read import DamagedOutput, read_reports

HEADER = """\
# Label variants to add to the codebook, suggested from the run in {outdir} ({reports} reports).
# Review each entry: set `accept: true` on those that are right, `false` on the others, then
#   pipeline codebook apply {patch} --codebook DIR
# `variants`: inferred matches (accept: true when their best score is at least {threshold}, the codebook's
# matching.suggest_accept) and unmapped rows with a guessed field (accept: false);
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


def wording(label: str, lexicon) -> str:
    """The printed label as a codebook wording: the country's name (and its "'s") as `{country}`, which is how
    the codebook writes it and how a printed label is compared ("Cases decided by Kazakhstan's courts" ->
    "Cases decided by {country} courts")."""
    names = regex.compile(r"\b(?:" + lexicon.country_pattern.pattern.removeprefix(r"\b(?:") + r"(?:['’]s\b)?",
                          regex.IGNORECASE)
    return " ".join(names.sub("{country}", label).split())


def suggestions(reports: list[Report], codebook: CodebookFiles | None = None) -> tuple[list[dict], list[dict]]:
    """(variants, new indicators), each entry with its evidence, grouped by wording. A wording the codebook
    (with its folder's variants) already has for that field is not suggested again."""
    from ..convert.door import lexicon_for

    lexicon = lexicon_for(codebook)
    known = {(f.id, lang, fold(t)) for f in lexicon.codebook.fields for lang, texts in f.labels.items() for t in texts}
    variants: dict[tuple, dict] = {}
    new: dict[tuple, dict] = {}
    for r in reports:
        for v in r.values:
            label = wording(v.label, lexicon) if v.label else v.label
            if v.match and (v.field, r.language, fold(label)) in known:
                continue
            if v.match and v.match.method in ("fuzzy", "structural"):
                key = (v.field, r.language, label)
                entry = variants.setdefault(key, {"field": v.field, "language": r.language, "label": label,
                                                  "accept": True, "evidence": []})
                entry["evidence"].append(_evidence(r, v.page, v.match.score, v.match.method))
            elif v.status == "unmapped" and v.label:
                guess = _guess(r, v.label, v.section, lexicon)
                if guess:
                    key = (guess[0], r.language, label)
                    entry = variants.setdefault(key, {"field": guess[0], "language": r.language, "label": label,
                                                      "accept": False, "evidence": []})
                    entry["evidence"].append(_evidence(r, v.page, guess[1], "guess"))
                else:
                    entry = new.setdefault((r.language, v.section, v.label), {
                        "label": v.label, "language": r.language, "section": v.section, "evidence": []})
                    entry["evidence"].append(_evidence(r, v.page, None, "unmapped"))
    threshold = lexicon.codebook.matching.suggest_accept
    for entry in variants.values():  # an inferred match is accepted by default only when its best score is high
        if entry["accept"] and max((e["score"] or 0) for e in entry["evidence"]) < threshold:
            entry["accept"] = False
    order = {f.id: i for i, f in enumerate(lexicon.codebook.fields)}
    return (sorted(variants.values(), key=lambda e: (order[e["field"]], e["language"] or "", e["label"])),
            sorted(new.values(), key=lambda e: (e["language"] or "", e["section"], e["label"])))


def write_patch(outdir: Path, patch: Path, codebook: CodebookFiles | None = None) -> tuple[int, int]:
    reports = read_reports(outdir)  # DamagedOutput without json/ or at a document that cannot be read
    variants, new = suggestions(reports, codebook)
    body = yaml.safe_dump({"variants": variants, "new_indicators": new}, allow_unicode=True, sort_keys=False,
                          width=110)
    threshold = (codebook or CodebookFiles()).load().matching.suggest_accept
    atomic_write(patch, HEADER.format(outdir=outdir, reports=len(reports), patch=patch, threshold=threshold) + body)
    return len(variants), len(new)


class PatchEntry(BaseModel):
    """One entry of a patch's `variants`, as a person left it: `accept` must be true or false (a quoted
    "false" is a string, and refused rather than read as true)."""

    model_config = ConfigDict(extra="allow")  # evidence, and notes a reviewer may add
    field: str
    language: str
    label: str
    accept: StrictBool


class Patch(BaseModel):
    model_config = ConfigDict(extra="allow")  # new_indicators: nothing to apply
    variants: list[PatchEntry]


def apply_patch(patch: Path, codebook: CodebookFiles) -> list[str]:
    """Add the patch's accepted variants to the codebook folder's variants.yaml; returns what was added.
    The patch is checked whole first (each entry a known field, a codebook language, a label with letters,
    `accept` true or false), and the codebook the next run will read is loaded before anything is written:
    a patch that would break it (a wording another field has...) changes nothing."""
    from ..convert.door import lexicon_for

    base = codebook.load()  # the folder's variants as they are: a malformed file is said first
    doc = read_yaml(patch)
    if not isinstance(doc.data, dict) or "variants" not in doc.data:
        raise doc.error((), "no `variants` list (write one with `pipeline codebook suggest`)")
    entries = doc.validate(Patch).variants
    accepted = (parse_yaml(codebook.variants, codebook.variants_path).data or {}) if codebook.variants else {}
    added = []
    for i, e in enumerate(entries):
        label = " ".join(e.label.split())
        if not e.accept:
            continue
        if e.field not in base.field_ids or e.language not in base.languages or not has_letters(label):
            raise doc.error(("variants", i), f"entry {i + 1}: needs a known field, a codebook language and a "
                            f"label with letters (got field {e.field!r}, language {e.language!r}, label "
                            f"{e.label!r})")
        if label in base.spec(e.field).labels.get(e.language, []):
            continue
        accepted.setdefault(e.field, {}).setdefault(e.language, []).append(label)
        added.append(f"{e.field} ({e.language}): {label}")
    target = codebook.folder / VARIANTS
    text = ("# Label variants accepted with `pipeline codebook apply` (field -> language -> labels), read on\n"
            "# top of the built-in codebook by `pipeline run --codebook DIR`. Edit or delete entries like any\n"
            "# codebook wording.\n" + yaml.safe_dump(accepted, allow_unicode=True, sort_keys=True, width=110))
    lexicon_for(CodebookFiles(codebook.folder, text))  # what the next run reads: CodebookError names the line
    atomic_write(target, text)
    return added


def main_suggest(outdir: Path, patch: Path | None, codebook: CodebookFiles | None = None) -> int:
    """`pipeline codebook suggest OUTDIR`: exit 2 when OUTDIR is not an output folder, one of its reports
    cannot be read or the codebook is malformed (one line naming the file), 3 when the patch cannot be
    written."""
    patch = patch or Path(outdir) / CODEBOOK_PATCH
    try:
        n, new = write_patch(Path(outdir), patch, codebook)
    except (DamagedOutput, CodebookError) as e:
        print(f"pipeline codebook suggest: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"pipeline codebook suggest: cannot write {e.filename or patch}: {e.strerror or e}", file=sys.stderr)
        return 3
    print(f"{n} label variants to review and {new} new indicators -> {patch}")
    print(f"review it, then: pipeline codebook apply {patch} --codebook DIR")
    return 0


def main_apply(patch: Path, folder: Path | None) -> int:
    """`pipeline codebook apply PATCH --codebook DIR`: exit 2 when no folder is named or the patch or the
    codebook is malformed (nothing written), 3 when the variants cannot be written."""
    if folder is None:
        print(f"pipeline codebook apply: name the codebook folder to add the variants to: --codebook DIR "
              f"(or set {CODEBOOK_ENV}); it is read with `pipeline run --codebook DIR`", file=sys.stderr)
        return 2
    try:
        if not folder.exists():
            folder.mkdir(parents=True)
        codebook = CodebookFiles.at(folder)
        added = apply_patch(Path(patch), codebook)
    except CodebookError as e:
        print(f"pipeline codebook apply: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"pipeline codebook apply: cannot write {e.filename or folder}: {e.strerror or e}", file=sys.stderr)
        return 3
    for a in added:
        print(f"added {a}")
    print(f"{len(added)} label variants added to {folder / VARIANTS}; rerun `pipeline run --codebook {folder}` "
          "to read them")
    return 0
