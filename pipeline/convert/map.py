"""Map stage: the extracted rows -> printed labels matched to canonical field ids, with a confidence score.

`map_rows(rows, lexicon)` returns a Mapping: new rows, each with its joined texts, its place on the
page and the field its label matched (or none), and the words of the table rows by outcome. The
extracted rows are left as they were.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

import regex

from ..codebook import FieldSpec
from ..models import Cell, Issue, Mapping, MappedRow, Match, Row
from ..text import fold
from .lexicon import Lexicon
from .normalize import join_cell_lines


@dataclass(frozen=True)
class Candidate:
    spec: FieldSpec
    variant: str
    score: float


def country_placeholder(label: str, lexicon: Lexicon) -> str:
    """Fold a label and put `{country}` where it names a country ("Judgments of Armenia's courts")."""
    return lexicon.country_pattern.sub("{country}", fold(label))


def section_id(title: str, lexicon: Lexicon) -> str | None:
    """The codebook section a printed section title is (exact after folding, else close)."""
    if title not in lexicon.section_ids:
        lexicon.section_ids[title] = _section_id(title, lexicon)
    return lexicon.section_ids[title]


def _section_id(title: str, lexicon: Lexicon) -> str | None:
    key = fold(title)
    best, best_score = None, 0.0
    for s in lexicon.codebook.sections:
        for t in s.titles:
            score = 1.0 if fold(t) == key else SequenceMatcher(None, fold(t), key).ratio()
            if score > best_score:
                best, best_score = s.id, score
    return best if best_score >= lexicon.codebook.matching.accept else None


STOPWORDS = frozenset("a an and as at by for from in is of on or the there to with".split())


def stem(word: str) -> str:
    """A light English stem, enough to meet reordered wordings halfway: investigators ~
    investigator, authorised ~ authorized."""
    word = word.replace("is", "iz") if word.endswith(("ised", "ise", "ises", "ising", "isation")) else word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)
def content_words(key: str) -> frozenset[str]:
    return frozenset(stem(t) for t in key.split() if t not in STOPWORDS)


_FOOTNOTE = regex.compile(r"(?:\s\d{1,2})+$")


def label_keys(label: str, lexicon: Lexicon) -> list[str]:
    """The folded label, and the same without a trailing footnote mark ("Budget 1", "Budget*")."""
    key = country_placeholder(label, lexicon)
    bare = _FOOTNOTE.sub("", key)
    return [key] if bare == key or not bare else [key, bare]


def similarity(variant: str, key: str, contained: float = 0.0, extra: int = 0, floor: float = 0.0,
               matcher: SequenceMatcher | None = None) -> float:
    """1.0 for the same folded text; else the best of the character similarity (catches
    spelling and punctuation changes), the Dice overlap of content words (catches words
    added, dropped or reordered) and, where allowed, `contained` when one side's content
    words all appear in the other with at most `extra` more ("Budget (KZT)" ~ "Budget").
    Scores below `floor` need not be exact: the costly character ratio is skipped when its
    cheap upper bounds show it cannot beat the other measures or reach the floor."""
    v = fold(variant)
    if v == key:
        return 1.0
    a, b = content_words(v), content_words(key)
    dice = 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0
    # each word more on either side costs a little, so the closest containing variant wins
    inside = contained - 0.01 * len(a ^ b) if a and b and (a <= b or b <= a) and len(a ^ b) <= extra else 0.0
    best = max(dice, inside)
    sm = matcher or SequenceMatcher(None, "", key)  # a matcher already set to `key` saves indexing it again
    sm.set_seq1(v)
    bar = max(best, floor)
    if sm.real_quick_ratio() >= bar and sm.quick_ratio() >= bar:
        best = max(best, sm.ratio())
    return best * 0.999  # below an exact match


_RANKED_MAX = 8192  # labels remembered per lexicon; the same few hundred come back in every profile


def rank(label: str, fields: list[FieldSpec], lexicon: Lexicon, section: str | None = None,
         contained: float = 0.0, extra: int = 0, floor: float = 0.0) -> list[Candidate]:
    """Every field's best-matching label variant, best first. Containment counts only for
    fields of the row's own section (or rows outside any section: the facts box)."""
    memo = (label, section, contained, extra, floor, tuple(f.id for f in fields))
    ranked = lexicon.ranked.get(memo)
    if ranked is None:
        if len(lexicon.ranked) >= _RANKED_MAX:
            lexicon.ranked.clear()
        ranked = lexicon.ranked[memo] = _rank(label, fields, lexicon, section, contained, extra, floor)
    return list(ranked)


def _rank(label: str, fields: list[FieldSpec], lexicon: Lexicon, section: str | None,
          contained: float, extra: int, floor: float) -> list[Candidate]:
    keys = [(k, SequenceMatcher(None, "", k)) for k in label_keys(label, lexicon)]
    out = []
    for spec in fields:
        allow = contained if section is None or spec.section in (None, section) else 0.0
        best = max(((similarity(v, k, allow, extra, floor, sm), v) for v in spec.labels for k, sm in keys),
                   default=(0.0, ""))
        out.append(Candidate(spec, best[1], round(best[0], 4)))
    return sorted(out, key=lambda c: -c.score)


def match_label(label: str, section: str | None, fields: list[FieldSpec], lexicon: Lexicon,
                page: int | None = None) -> tuple[Match | None, list[Issue]]:
    """Match a printed label; None keeps the row as unmapped. Weak and ambiguous matches warn."""
    m = lexicon.codebook.matching
    # With an exact match in hand only near-exact rivals matter: most comparisons can be skipped.
    exact = any(k in lexicon.exact_variants for k in label_keys(label, lexicon))
    floor = max(m.accept, 1.0 - m.ambiguous_gap) if exact else m.accept
    ranked = [c for c in rank(label, fields, lexicon, section, m.contained, m.contained_extra_words, floor)
              if c.score >= m.accept]
    if not ranked:
        return None, []
    issues: list[Issue] = []
    rivals = [c for c in ranked if ranked[0].score - c.score <= m.ambiguous_gap]
    best = ranked[0]
    if len(rivals) > 1:
        in_section = [c for c in rivals if section and c.spec.section == section]
        if len(in_section) == 1:
            best = in_section[0]
        names = ", ".join(f"{c.spec.id} ({c.score:.2f})" for c in rivals)
        issues.append(Issue(code="ambiguous_label", field=best.spec.id, page=page,
                            message=f"label {label!r} matches several fields: {names}; chose {best.spec.id}"))
    method = "exact" if best.score == 1.0 else "fuzzy"
    if best.score < m.confident:
        issues.append(Issue(code="weak_match", field=best.spec.id, page=page,
                            message=f"label {label!r} matched {best.variant!r} with similarity {best.score:.2f}"))
    return Match(field=best.spec.id, variant=best.variant, score=best.score, method=method), issues


# --- rows before matching: page breaks and section titles set as rows -------------------------

def rejoin_split_rows(rows: list[Row], lexicon: Lexicon) -> list[Row]:
    """A table row at the top of a page whose label, joined to the previous page's last label,
    matches a field better than either part alone, is the rest of that row: a page break
    split it, label and value alike ("Optional Protocol to the UN Convention against" /
    "Torture and Other Cruel, ... (2002)")."""
    def score(label: str, section: str | None) -> float:
        m, _ = match_label(label, section, lexicon.table_fields, lexicon)
        return m.score if m else 0.0

    out: list[Row] = []
    for row in rows:
        prev = out[-1] if out else None
        if row.after_page_break and prev is not None and prev.kind in ("table", "subheading") \
                and prev.section == row.section:
            section = section_id(row.section, lexicon)
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


def section_title_rows(rows: list[Row], lexicon: Lexicon) -> list[Row]:
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
        if row.kind == "subheading" and fold(label) not in lexicon.subheadings and section_id(label, lexicon):
            title, within = label, row.section
            row = row.model_copy(update={"kind": "section", "section": label})
        out.append(row)
    return out


# --- the stage -----------------------------------------------------------------------------

def _placement(row: Row) -> tuple[int | None, tuple | None]:
    cell = row.value if row.value.fragments else row.label
    page = cell.page
    return page, (cell.bbox_on(page) if page else None)


def _words(row: Row) -> int:
    return sum(len(f.text.split()) for f in row.label.fragments + row.value.fragments)


def read_row(row: Row, lexicon: Lexicon) -> MappedRow:
    """One row: its texts joined, its place, and the field its label matches."""
    page, bbox = _placement(row)
    label, _ = join_cell_lines(row.label.lines)
    text, rules = join_cell_lines(row.value.lines)
    out = MappedRow(kind=row.kind, section=row.section, label=label, text=text, page=page, bbox=bbox,
                    fragments=row.value.fragments or row.label.fragments,
                    rules=(["row_rejoined_across_page_break"] if row.rejoined else []) + rules)
    if row.kind == "title":
        out.field = row.key or ""
        return out
    fields = lexicon.facts_fields if row.kind == "facts" else lexicon.table_fields
    match, issues = match_label(label, section_id(row.section, lexicon) if row.section else None,
                                fields, lexicon, page)
    out.warnings += issues
    if match:
        out.field, out.match = match.field, match
    if row.kind == "subheading" and not match:
        out.warnings.append(Issue(code="label_without_value", page=page,
                                  message=f"row {label!r} has no value and is no known sub-heading"))
    return out


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


def map_rows(rows: list[Row], lexicon: Lexicon) -> Mapping:
    """Rows -> the rows to write, each with its field (or none); known sub-headings and section
    titles set apart; the words of the table rows by outcome (for the coverage account)."""
    rows = section_title_rows(rejoin_split_rows(rows, lexicon), lexicon)
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
        mapped.append(read_row(row, lexicon))
        written.append(row)
    mapped = claim_fields(mapped)
    for row, m in zip(written, mapped):
        if row.kind in ("table", "subheading"):
            words["mapped_rows" if m.field else "unmapped_rows"] += _words(row)
    return Mapping(rows=mapped, subheadings=subheadings, words=words)
