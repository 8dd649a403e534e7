"""Draw an "Index on Torture" country-profile PDF from a truth record, in many layouts.

The anatomy imitates the fixtures (a Word export): a title block, a shaded facts box of
`label - value` items in two narrow columns, then the six indicator | value tables under
bold section titles, in the canonical order with the 2019 English labels. Truth
`unmapped` rows are appended to their section (a new section when it is not one of the six).

    printed_truth = render(truth, Layout(font="Times-Roman", borders="grid"), Path("out/kazakhstan_en_2019.docx.pdf"))

The cell texts are the truth texts; only the digit grouping of numbers and the form of the
index score follow the layout, so `render` returns the truth record as printed (same values,
`text` as drawn). The output is deterministic (reportlab's invariant mode, seeded gaps).
"""
from __future__ import annotations

import copy
import functools
import random
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {  # family -> (regular, bold, italic)
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times-Roman": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
}
# reportlab writes U+00A0 as a plain space into the text layer (its fonts map nbsp to the
# space glyph), so `nbsp` keeps numbers from wrapping but pdfplumber reads U+0020 there;
# U+202F (DejaVu Sans only) reaches the text layer as it is.
SEPARATORS = {"space": " ", "nbsp": "\u00a0", "nnbsp": "\u202f", "comma": ","}
SCORE_FORMS = {  # name -> (dash, gap, minus): "— -3.04", "– −3.04", "—-3.04", "— --3.04"
    "em": ("\u2014", " ", "-"), "en-minus": ("\u2013", " ", "\u2212"),
    "em-attached": ("\u2014", "", "-"), "em-double": ("\u2014", " ", "--"),
}
INDEX_TITLES = {"2019": "Index on Torture", "2020": "Prohibition of Torture Index"}
FACTS = [  # (left column, right column) of the facts box
    [("population_million", "Population"), ("prison_population", "Prison population (convicted)"),
     ("pretrial_detention", "In pre-trial detention (under investigation)")],
    [("law_enforcement_budget", "Law enforcement budget"), ("detained", "Detained")],
]
SUBHEADING = "Relevant conventions"
SECTIONS = [  # (title, [(field, 2019 English label)]) in the canonical order
    ("Judgments documenting the problem of torture", [
        ("judgments_international", "Judgments and decisions of international bodies documenting the problem of torture and ill-treatment"),
        ("judgments_domestic", "Judgments of {country} courts"),
        ("judgments_excluding_evidence", "Judgments excluding evidence obtained under torture")]),
    ("Criminalization of torture and ill-treatment", [
        ("torture_prohibited", "Explicit prohibition of torture in criminal law"),
        ("ill_treatment_criminalized", "Criminalization of acts falling within the definition of torture"),
        ("definition_matches_treaties", "Criminalization of torture as prescribed by international treaties")]),
    ("Government body investigating allegations of torture and ill-treatment", [
        ("investigative_body_exists", "There is a body authorized to investigate torture"),
        ("investigators_count", "Number of investigators"),
        ("investigator_workload", "Investigator workload"),
        ("investigative_body_jurisdiction", "Investigating body's jurisdiction"),
        ("investigative_body_independence", "Institutional independence of the investigating body"),
        ("investigative_body_coverage", "Geographic coverage"),
        ("investigative_body_budget", "Budget"),
        ("criminal_cases_initiated", "Number of criminal cases initiated"),
        ("torture_complaints", "Number of complaints of torture and ill-treatment")]),
    ("Ratification of relevant international treaties", [
        (None, SUBHEADING),
        ("opcat_ratified", "Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment (2002)"),
        ("istanbul_protocol", "Istanbul Protocol")]),
    ("Procedural guarantees (norms)", [
        ("detention_time_recorded", "Documenting the actual detention start time"),
        ("lawyer_notification", "Lawyer notification at the actual detention start time"),
        ("family_notification", "Family notification"),
        ("medical_examination", "Medical examination")]),
    ("Preventive mechanisms", [
        ("external_review_mechanism", "Independent external review mechanism"),
        ("video_surveillance", "Video surveillance"),
        ("video_evidence_access", "Access to, and safekeeping of video evidence")]),
]
INT_FIELDS = {"prison_population", "pretrial_detention", "detained", "judgments_international",
              "judgments_domestic", "judgments_excluding_evidence", "investigators_count",
              "criminal_cases_initiated", "torture_complaints"}
MONEY_FIELDS = {"law_enforcement_budget", "investigative_body_budget"}
# a verdict and its comment, on lines of their own with `breaks` (English and Russian verdicts)
VERDICT = re.compile(r"(Yes|No|Partially|Partial|None|High|Medium|Low"
                     r"|Да|Нет|Частично|Частичная|Отсутствует|Высокий|Высокая|Средний|Низкий|Низкая|Низкое)\. (.+)")
# where the listed offences of `ill_treatment_criminalized` break (`breaks`)
OFFENCES = re.compile(r"(?:(?<=of the Criminal Code)|(?<=Уголовного кодекса)) ")


@dataclass(frozen=True)
class Wording:
    """What is printed besides the record's cells, in the record's language (`language`; labels come
    from the record's `labels` where it has them, as a Russian record does)."""

    profile: str  # the title block's first line
    index_titles: dict[str, str]  # by template
    facts_title: str  # "... {year}"
    section_titles: tuple[str, ...]  # SECTIONS' titles, in order
    subheading: str
    header: tuple[str, str]  # `header_row`
    long_header: tuple[str, str]  # `header_lines` > 1
    joiner: str  # between a facts label and its value


RU_SECTIONS = ("Решения, документирующие проблему пыток", "Криминализация пыток и жестокого обращения",
               "Государственный орган, расследующий заявления о пытках и жестоком обращении",
               "Ратификация соответствующих международных договоров", "Процессуальные гарантии (нормы)",
               "Превентивные механизмы")


@dataclass(frozen=True)
class Layout:
    font: str = "Helvetica"  # Helvetica | Times-Roman | DejaVuSans (a TTF)
    size: float = 10.0  # body size, 8.5-11
    label_share: float = 0.5  # label column's share of the table width, 0.35-0.6
    borders: str = "hrules"  # grid | hrules | none
    valign: str = "top"  # value cells: top | center | bottom
    page: str = "A4"  # A4 | Letter
    margin: float = 2 * cm
    thousands: str = "space"  # space | nbsp | nnbsp | comma
    score: str = "em"  # a key of SCORE_FORMS
    fragmented: bool = False  # every word its own text object, uneven gaps, no spaces
    values_first: bool = False  # content stream: value cells before label cells
    split_rows: bool = True  # a row that reaches the page bottom breaks there (Word's default)
    # raise the bottom margin until a row breaks across pages with its value cell ("value")
    # or with both its label and value cells ("label") continuing on the next page (implies split_rows)
    split_row: str | None = None
    bottom_margin: float | None = None  # None: the same as `margin`
    facts_wrap: bool = True  # a facts value's last word wraps to the next line
    breaks: bool = False  # line breaks inside cells: after "Yes." and between listed offences
    running_header: str = ""  # small text at the top of every page (a Word header)
    section_titles: str = "heading"  # heading (larger bold text above the table) | row (bold full-width first row)
    page_numbers: bool = False  # the page number at the bottom of every page (a Word footer)
    # --- other producers (browsers, WeasyPrint, LaTeX) ---
    page_number_form: str = "{n}"  # with page_numbers: "{n}", "Page {n} of {N}", "{n} / {N}", "p. {n}", "- {n} -"
    label_align: str = "left"  # label lines in their column: left | right | center
    value_align: str = "left"  # value lines in their column: left | center
    pad: float = 3.0  # cell padding above and below the text, points (tight rows: 1-1.5)
    leading: float = 1.2  # line height over font size (CSS line-height)
    para_space: float = 0.0  # extra points between the paragraphs of a cell (with `breaks`)
    banded: bool = False  # every other table row shaded with a filled rectangle (CSS :nth-child)
    rule_style: str = "line"  # line (stroked) | rect (thin filled rectangles, as browsers draw borders)
    double_rules: bool = False  # every rule drawn twice, the second a hair lower (LaTeX, collapsed borders)
    header_row: bool = False  # a bold "Indicator | Value" row atop each table, repeated on each page it continues on
    kerned: bool = False  # pdfTeX style: no space characters, words placed by gaps, some broken into kerned pieces
    auto_columns: bool = False  # each table's label column a width of its own (a browser's automatic table layout)
    shrink: bool = False  # each table only as wide as its text (shrink-to-fit): the split moves from table to table
    bold_labels: bool = False  # label cells set bold (values regular)
    hpad: float | None = None  # side padding of the cells, points (None: as `pad`, at least 1.5; gap = twice it)
    header_lines: int = 1  # with header_row: header cells worded long enough to wrap over this many lines
    header_valign: bool = False  # header cells set as `valign` sets the values (LibreOffice centres them), not at the top
    # label cells set as `valign` sets the values, not at the top (CSS `td{vertical-align:...}` sets both cells; a
    # browser's default centres both)
    label_valign: bool = False
    # the facts box: "cells" (a shaded box per item, items a gap apart), "lines" (the items one per line at
    # ordinary leading, no gap between them, in one shaded box per column) or "plain" (the same, no box)
    facts_style: str = "cells"
    # no table at all: each label on lines of its own, its value on the lines below, "indent"ed, under a "bold"
    # label at one margin, or "plain" (one margin, one weight, no space between pairs: only the wording tells)
    stacked: str = ""
    seed: int = 0


WORDING = {
    "en": Wording("Country profile", INDEX_TITLES, "Facts and Assessments. {year}", tuple(t for t, _ in SECTIONS),
                  SUBHEADING, ("Indicator", "Value"),
                  ("Indicator as worded in the methodology of the index, with its source and year",
                   "Value, assessment or comment as published by the monitoring group, with notes"), " - "),
    "ru": Wording("Профиль страны", {"2019": "Индекс по пыткам", "2020": "Индекс запрета пыток"},
                  "Факты и оценки. {year}", RU_SECTIONS, "Соответствующие конвенции", ("Показатель", "Значение"),
                  ("Показатель в формулировке методологии индекса, с источником и годом",
                   "Значение, оценка или комментарий в опубликованном виде, с примечаниями"), " — "),
}


def dejavu_available() -> bool:
    return all((DEJAVU_DIR / f"{name}.ttf").exists() for name in FONTS["DejaVuSans"])


def _register(family: str) -> None:
    if family == "DejaVuSans":
        if not dejavu_available():
            raise FileNotFoundError(f"DejaVu Sans not found in {DEJAVU_DIR}")
        for name in FONTS[family]:
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(DEJAVU_DIR / f"{name}.ttf")))


# --- what is printed ---------------------------------------------------------------------

def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def printed_text(fid: str, want: dict, lay: Layout) -> str:
    """The cell text as drawn: the truth text, numbers regrouped with the layout's separator."""
    text = want["text"] or ""
    if fid == "index_score" and want["status"] == "ok":
        digits = text.lstrip("-\u2212\u2013\u2014 ")
        return SCORE_FORMS[lay.score][2] + digits if want["value"] < 0 else digits
    if want["status"] == "ok" and (fid in INT_FIELDS or fid in MONEY_FIELDS):
        m = re.match(r"[\d\s\u00a0\u202f,]*\d", text)
        if m and re.sub(r"\D", "", m[0]) == str(want["value"]):
            return group(int(want["value"]), SEPARATORS[lay.thousands]) + text[m.end():]
    return text


def cell_paragraphs(fid: str | None, text: str, lay: Layout) -> list[str]:
    if not lay.breaks:
        return [text]
    if fid == "ill_treatment_criminalized":
        return OFFENCES.split(text)
    m = VERDICT.fullmatch(text)
    return [m[1] + ".", m[2]] if m else [text]


# --- drawing -----------------------------------------------------------------------------

def _line_w(s: str, font: str, size: float, space: float) -> float:
    words = s.split(" ")
    return sum(pdfmetrics.stringWidth(w, font, size) for w in words) + space * (len(words) - 1)


# remembered: a split-row layout is laid out again for every bottom margin it tries, with the same cells
@functools.lru_cache(maxsize=8192)
def _wrap(paragraphs: tuple[str, ...], font: str, size: float, width: float, space: float) -> tuple[str, ...]:
    lines = []
    for text in paragraphs:
        cur = ""
        for word in text.split(" "):
            for i, piece in enumerate(re.split(r"(?<=\w-)(?=\w)", word)):
                joined = cur + ("" if i or not cur else " ") + piece
                if cur and _line_w(joined, font, size, space) > width:
                    lines.append(cur)
                    cur = piece
                else:
                    cur = joined
        lines.append(cur)
    return tuple(lines)


class Doc:
    """Pages of drawing operations in a top-down coordinate system, emitted on save."""

    def __init__(self, lay: Layout):
        _register(lay.font)
        self.lay = lay
        self.width, self.height = A4 if lay.page == "A4" else letter
        self.x0, self.x1 = lay.margin, self.width - lay.margin
        self.lead = lay.size * lay.leading
        self.pad = lay.pad
        # side padding: at least 1.5 pt, so label and value stay two words apart (a browser's
        # default cell spacing leaves about 3 pt between the cells' text)
        self.hpad = max(lay.pad, 1.5) if lay.hpad is None else lay.hpad
        self.pages: list[list[tuple]] = [[]]
        self.tables = 0  # tables drawn so far
        self.split_values: list[str] = []  # fields whose value cell continues overleaf
        self.split_labels: list[str] = []  # ... and whose label cell continues too
        self.y = lay.margin
        regular, bold, italic = FONTS[lay.font]
        self.regular, self.bold, self.italic = regular, bold, italic
        self.wording = WORDING["en"]
        self.labels: dict[str, str] = {}  # the record's own labels, by field (a Russian record's)

    def space_w(self, font: str, size: float) -> float:
        if self.lay.kerned:  # the widest word gap plus the widest kern inside a word
            return size * 0.6
        return size * 0.65 if self.lay.fragmented else pdfmetrics.stringWidth(" ", font, size)

    def line_w(self, s: str, font: str, size: float) -> float:
        return _line_w(s, font, size, self.space_w(font, size))

    def wrap(self, paragraphs: list[str], font: str, size: float, width: float) -> list[str]:
        """Break at plain spaces (no-break spaces glue) and after inner hyphens, as Word does."""
        return list(_wrap(tuple(paragraphs), font, size, width, self.space_w(font, size)))

    def wrap_cell(self, paragraphs: list[str], font: str, size: float, width: float) -> list[tuple[str, float]]:
        """Each line of a cell with its offset below the cell's first line (paragraphs `para_space` apart)."""
        out: list[tuple[str, float]] = []
        for k, text in enumerate(paragraphs):
            for line in self.wrap([text], font, size, width):
                out.append((line, len(out) * self.lead + k * self.lay.para_space))
        return out

    def room(self) -> float:
        bottom = self.lay.margin if self.lay.bottom_margin is None else self.lay.bottom_margin
        return self.height - bottom - self.y

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.lay.margin

    def text(self, x: float, top: float, s: str, font: str, size: float, layer: str = "misc",
             column: tuple | None = None) -> None:
        """`column`: (x0, x1, "right" | "center") to align the line in, by its width as drawn."""
        if font in pdfmetrics.standardFonts:
            try:
                s.encode("cp1252")
            except UnicodeEncodeError:
                raise ValueError(f"{font} cannot draw {s!r}; use a TTF font such as DejaVuSans") from None
        self.pages[-1].append(("text", layer, x, top, s, font, size) + ((column,) if column else ()))

    def hline(self, top: float, x1: float | None = None) -> None:
        x1 = self.x1 if x1 is None else x1
        self.pages[-1].append(("line", "misc", self.x0, top, x1, top))
        if self.lay.double_rules:
            self.pages[-1].append(("line", "misc", self.x0, top + 0.3, x1, top + 0.3))

    def vline(self, x: float, top: float, bottom: float) -> None:
        self.pages[-1].append(("line", "misc", x, top, x, bottom))
        if self.lay.double_rules:
            self.pages[-1].append(("line", "misc", x + 0.3, top, x + 0.3, bottom))

    def rect(self, x: float, top: float, w: float, h: float, grey: float) -> None:
        self.pages[-1].append(("rect", "misc", x, top, w, h, grey))

    def save(self, path: Path) -> None:
        c = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        rng = random.Random(self.lay.seed)
        order = {"misc": 0, "value": 1, "label": 2}
        for number, ops in enumerate(self.pages, start=1):
            furniture = []
            if self.lay.running_header:
                furniture.append(("text", "misc", self.x0, self.lay.margin * 0.4, self.lay.running_header,
                                  self.regular, 8))
            if self.lay.page_numbers:
                mark = self.lay.page_number_form.format(n=number, N=len(self.pages))
                furniture.append(("text", "misc", self.width / 2, self.height - self.lay.margin * 0.5, mark,
                                  self.regular, 9))
            ops = furniture + ops
            if self.lay.values_first:
                ops = sorted(ops, key=lambda op: order[op[1]])
            for op in ops:
                kind, _, *a = op
                if kind == "line" and self.lay.rule_style == "rect":  # a border as a thin filled rectangle
                    x0, top, x1, bottom = a[0], a[1], max(a[2], a[0] + 0.75), max(a[3], a[1] + 0.75)
                    c.rect(x0, self.height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
                elif kind == "line":
                    c.setLineWidth(0.5)
                    c.line(a[0], self.height - a[1], a[2], self.height - a[3])
                elif kind == "rect":
                    c.setFillGray(a[4])
                    c.rect(a[0], self.height - a[1] - a[3], a[2], a[3], stroke=0, fill=1)
                    c.setFillGray(0)
                else:
                    self.draw_text(c, rng, *a)
            c.showPage()
        c.save()

    def draw_text(self, c, rng: random.Random, x: float, top: float, s: str, font: str, size: float,
                  column: tuple | None = None) -> None:
        """A line of text at x, or aligned in `column` (x0, x1, "right" | "center") by its drawn width."""
        base = self.height - top - size * 0.85
        pieces, width = self.pieces(rng, s, font, size)
        if column is not None:
            x0, x1, align = column
            x = x1 - self.hpad - width if align == "right" else x0 + (x1 - x0 - width) / 2
        for piece, dx in pieces:
            c.setFont(font, size)
            c.drawString(x + dx, base, piece)

    def pieces(self, rng: random.Random, s: str, font: str, size: float) -> tuple[list[tuple[str, float]], float]:
        """What is drawn of a line, each piece with its offset, and the line's width: the line whole;
        or one text object per word with uneven gaps (`fragmented`); or pdfTeX's way (`kerned`): no
        space characters, each word placed by a gap, a longer word at times set in two pieces with
        a positive kern between them (wider than pdfplumber's word tolerance at times)."""
        if not (self.lay.kerned or self.lay.fragmented):
            return [(s, 0.0)], pdfmetrics.stringWidth(s, font, size)
        out: list[tuple[str, float]] = []
        x = 0.0
        for word in s.split(" "):
            parts = [word]
            if self.lay.kerned and len(word) >= 5 and rng.random() < 0.5:
                cut = rng.randint(2, len(word) - 2)
                parts = [word[:cut], word[cut:]]
            for i, part in enumerate(parts):
                out.append((part, x))
                x += pdfmetrics.stringWidth(part, font, size)
                if i < len(parts) - 1:
                    x += size * rng.uniform(0.04, 0.17)
            end = x
            x += size * (rng.uniform(0.27, 0.4) if self.lay.kerned else rng.uniform(0.4, 0.65))
        return out, end


def title_block(doc: Doc, truth: dict, texts: dict, lay: Layout) -> None:
    dash, gap, _ = SCORE_FORMS[lay.score]
    words = doc.wording
    index_title = words.index_titles.get(str(truth.get("template")), words.index_titles["2019"])
    items = [(words.profile, doc.regular, 12), (texts["country"], doc.bold, 22),
             (f"{index_title} {dash}{gap}{texts['index_score']}", doc.bold, 14),
             (words.facts_title.format(year=texts["year"]), doc.italic, 12)]
    for s, font, size in items:
        doc.text(doc.x0, doc.y, s, font, size)
        doc.y += size * 1.3
    doc.y += 8


def facts_box(doc: Doc, fields: dict, texts: dict, lay: Layout) -> None:
    total = doc.x1 - doc.x0
    cols = [(doc.x0, total * 0.58), (doc.x0 + total * 0.58, total * 0.42)]
    cells = []
    for (x, col_w), items in zip(cols, FACTS):
        cells.append([])
        for fid, label in items:
            if fields[fid]["status"] == "missing":
                continue
            label, joiner = doc.labels.get(fid, label), doc.wording.joiner
            value = texts[fid]
            head, _, last = value.rpartition(" ")
            paragraph = [f"{label}{joiner}{value}"]
            if lay.facts_wrap and head:
                paragraph = [f"{label}{joiner}{head}", last]
            # narrow, but "label - first word" on the first line when the cell allows it
            first = doc.line_w(f"{label}{joiner}{value.split(' ')[0]}", doc.regular, lay.size)
            width = min(max(col_w * 0.85 - 2 * doc.pad, first + 1), col_w - 2 - 2 * doc.pad)
            if lay.facts_style != "cells":  # no box per item: a column gap of at least 15% of the column
                width = col_w * 0.85 - 2 * doc.pad
            cells[-1].append(doc.wrap(paragraph, doc.regular, lay.size, width))
    if lay.facts_style != "cells":
        facts_lines(doc, cols, cells, lay)
        return
    for i in range(max(len(c) for c in cells)):
        row = [c[i] if i < len(c) else None for c in cells]
        h = max(len(lines) for lines in row if lines) * doc.lead + 2 * doc.pad + 4
        for (x, col_w), lines in zip(cols, row):
            if lines is None:
                continue
            doc.rect(x, doc.y, col_w - 1, h, 0.94)
            for j, line in enumerate(lines):
                doc.text(x + doc.pad + 1, doc.y + doc.pad + 2 + j * doc.lead, line, doc.regular, lay.size)
        doc.y += h
    doc.y += 14


def facts_lines(doc: Doc, cols: list[tuple[float, float]], cells: list[list[list[str]]], lay: Layout) -> None:
    """The facts items one per line, each column's lines at the body leading with no gap between
    items (a paragraph per item, no spacing), in one shaded box per column or none."""
    columns = [[line for item in column for line in item] for column in cells]
    h = max(map(len, columns)) * doc.lead + 2 * doc.pad + 4
    for (x, col_w), lines in zip(cols, columns):
        if lay.facts_style == "lines":
            doc.rect(x, doc.y, col_w - 1, h, 0.94)
        for j, line in enumerate(lines):
            doc.text(x + doc.pad + 1, doc.y + doc.pad + 2 + j * doc.lead, line, doc.regular, lay.size)
    doc.y += h + 14




def aligned(x0: float, x1: float, align: str) -> tuple | None:
    """The column a right-aligned or centred line is set in (None: left-aligned, at its padding)."""
    return None if align == "left" else (x0, x1, align)


AUTO_SHIFTS = [0.0, 0.07, -0.05, 0.1, -0.08, 0.04, 0.06]  # `auto_columns`: each table's label share, shifted


class Table:
    """One section's table as it is drawn: parts of rows, page by page."""

    def __init__(self, doc: Doc, lay: Layout, rows: list[tuple] = ()):
        self.doc, self.lay = doc, lay
        share = lay.label_share
        if lay.auto_columns:
            share = min(0.65, max(0.3, share + AUTO_SHIFTS[doc.tables % len(AUTO_SHIFTS)]))
        doc.tables += 1
        total = doc.x1 - doc.x0
        self.label_w = total * share
        self.right = doc.x1
        font = doc.bold if lay.bold_labels else doc.regular
        # a browser never sets a column narrower than its longest word (its min-content width)
        least = max((doc.line_w(word, font, lay.size) for _, label, _ in rows for word in label.split()),
                    default=0.0) + 2 * doc.hpad if lay.auto_columns or lay.shrink else 0.0
        self.label_w = max(self.label_w, least)
        if lay.shrink:  # each column as wide as its widest text, the label column at most `share` of the page
            natural = max((doc.line_w(label, font, lay.size) for _, label, _ in rows), default=0.0)
            self.label_w = max(min(self.label_w, natural + 2 * doc.hpad), least)
            widest = max((doc.line_w(" ".join(cell_paragraphs(fid, v, lay)), doc.regular, lay.size)
                          for fid, _, v in rows if v), default=0.0)
            self.right = min(doc.x1, doc.x0 + self.label_w + widest + 2 * doc.hpad)
        self.split_x = doc.x0 + self.label_w
        self.drawn = 0  # rows drawn so far (for banding)

    def height(self, lines: list[tuple[str, float]]) -> float:
        return (lines[-1][1] + self.doc.lead if lines else self.doc.lead) + 2 * self.doc.pad

    def close(self) -> None:  # the bottom rule of the table's part on this page
        if self.lay.borders != "none":
            self.doc.hline(self.doc.y, self.right)

    def frame(self, h: float, full_width: bool = False) -> None:
        doc, lay = self.doc, self.lay
        if lay.banded and self.drawn % 2 == 1:
            doc.rect(doc.x0, doc.y, self.right - doc.x0, h, 0.92)
        if lay.borders != "none":
            doc.hline(doc.y, self.right)
        if lay.borders == "grid":
            if not full_width and not lay.banded:
                doc.rect(doc.x0, doc.y, self.label_w, h, 0.95)
            for x in ((doc.x0, self.right) if full_width else (doc.x0, self.split_x, self.right)):
                doc.vline(x, doc.y, doc.y + h)

    def part(self, label_lines: list[tuple[str, float]], value_lines: list[tuple[str, float]], bold: bool,
             valign: str) -> None:
        doc, lay = self.doc, self.lay
        h = max(self.height(label_lines), self.height(value_lines))
        self.frame(h)
        font = doc.bold if bold or lay.bold_labels else doc.regular
        share = {"top": 0.0, "center": 0.5, "bottom": 1.0}[valign]
        lift = share * (h - self.height(label_lines)) if lay.label_valign else 0.0
        for line, dy in label_lines:
            doc.text(doc.x0 + doc.hpad, doc.y + lift + doc.pad + dy, line, font, lay.size, "label",
                     aligned(doc.x0, self.split_x, lay.label_align))
        shift = share * (h - self.height(value_lines))
        for line, dy in value_lines:
            doc.text(self.split_x + doc.hpad, doc.y + shift + doc.pad + dy, line, doc.regular, lay.size, "value",
                     aligned(self.split_x, self.right, lay.value_align))
        doc.y += h
        self.drawn += 1

    def header(self) -> None:
        """The header row (bold, both cells), drawn atop the table and again atop each page it continues on."""
        if not self.lay.header_row:
            return
        doc = self.doc
        cells, h = self.header_cells(), self.header_h()
        self.frame(h)
        share = {"top": 0.0, "center": 0.5, "bottom": 1.0}[self.lay.valign] if self.lay.header_valign else 0.0
        for lines, x0 in zip(cells, (doc.x0, self.split_x)):
            shift = share * (h - self.height(lines))
            for line, dy in lines:
                doc.text(x0 + doc.hpad, doc.y + shift + doc.pad + dy, line, doc.bold, self.lay.size, "label")
        doc.y += self.header_h()
        self.drawn = 0

    def header_cells(self) -> list[list[tuple[str, float]]]:
        """Each header cell's lines: one word, or (`header_lines` > 1) words enough to wrap over that many lines."""
        doc, lay = self.doc, self.lay
        out = []
        for text, width in zip(doc.wording.long_header if lay.header_lines > 1 else doc.wording.header,
                               (self.label_w, self.right - self.split_x)):
            lines = doc.wrap_cell([text], doc.bold, lay.size, width - 2 * doc.hpad)
            out.append(lines[:lay.header_lines])
        return out

    def header_h(self) -> float:
        return max(self.height(c) for c in self.header_cells()) if self.lay.header_row else 0.0

    def title(self, title: str, first_h: float) -> None:
        doc, lay = self.doc, self.lay
        if lay.section_titles == "row":  # a merged cell across both columns, body size, bold
            title_lines = doc.wrap_cell([title], doc.bold, lay.size, doc.x1 - doc.x0 - 2 * doc.hpad)
            if doc.room() < self.height(title_lines) + self.header_h() + first_h:
                doc.new_page()
            self.frame(self.height(title_lines), full_width=True)
            for line, dy in title_lines:
                doc.text(doc.x0 + doc.hpad, doc.y + doc.pad + dy, line, doc.bold, lay.size, "label")
            doc.y += self.height(title_lines)
            self.drawn = 0
            return
        title_size = lay.size + 2
        title_lines = doc.wrap([title], doc.bold, title_size, doc.x1 - doc.x0)
        if doc.room() < title_size * 1.3 * len(title_lines) + self.header_h() + first_h:
            doc.new_page()  # the title keeps with the first row
        for line in title_lines:
            doc.text(doc.x0, doc.y, line, doc.bold, title_size)
            doc.y += title_size * 1.3
        doc.y += title_size * 0.5


def stacked(doc: Doc, title: str, rows: list[tuple], lay: Layout) -> None:
    """A section with no table (`lay.stacked`): each label's lines, then its value's below them, line by
    line down the pages; a sub-heading is a label with no value (bold, but where the list is plain). A
    page break inside a value splits its row's value; one inside a label or between a label and its
    value, its label (`split_row`)."""
    indent = 2.5 * lay.size if lay.stacked == "indent" else 0.0
    width = doc.x1 - doc.x0
    pairs = []
    for fid, label, value in rows:
        bold = lay.stacked == "bold" or value is None and lay.stacked != "plain"
        label_lines = doc.wrap_cell([label], doc.bold if bold else doc.regular, lay.size, width)
        value_lines = [] if value is None else doc.wrap_cell(cell_paragraphs(fid, value, lay), doc.regular, lay.size,
                                                             width - indent)
        pairs.append((fid, (label_lines, doc.bold if bold else doc.regular, doc.x0, "label"),
                      (value_lines, doc.regular, doc.x0 + indent, "value")))
    Table(doc, lay, rows).title(title, 2 * doc.lead)
    for fid, *cells in pairs:
        for lines, font, x, layer in cells:
            for k, (line, _) in enumerate(lines):
                if doc.lead > doc.room():
                    doc.new_page()
                    # (a row no field takes: its split is not recorded)
                    if fid is not None and k and layer == "value":
                        doc.split_values.append(fid)
                    elif fid is not None and (k or layer == "value"):
                        doc.split_labels.append(fid)
                doc.text(x, doc.y, line, font, lay.size, layer)
                doc.y += doc.lead
        if lay.stacked != "plain":
            doc.y += 0.3 * lay.size
    doc.y += lay.size * 1.6


def table(doc: Doc, title: str, rows: list[tuple], lay: Layout) -> None:
    """rows: (field or None, label, value text or None for a sub-heading)."""
    if lay.stacked:
        stacked(doc, title, rows, lay)
        return
    t = Table(doc, lay, rows)
    cells = []
    for fid, label, value in rows:
        label_lines = doc.wrap_cell([label], doc.bold if value is None or lay.bold_labels else doc.regular, lay.size,
                                    t.label_w - 2 * doc.hpad)
        value_lines = [] if value is None else doc.wrap_cell(
            cell_paragraphs(fid, value, lay), doc.regular, lay.size, t.right - t.split_x - 2 * doc.hpad)
        cells.append((fid, label_lines, value_lines, value is None))

    first = cells[0]
    t.title(title, max(t.height(first[1]), t.height(first[2])))
    t.header()
    for fid, label_lines, value_lines, bold in cells:
        valign = lay.valign

        def fits(lines: list[tuple[str, float]]) -> int:  # lines that still fit on this page
            return sum(1 for _, dy in lines if dy + doc.lead + 2 * doc.pad <= doc.room())

        if max(t.height(label_lines), t.height(value_lines)) > doc.room():
            n_label, n_value = fits(label_lines), fits(value_lines)
            if lay.split_rows and n_label >= 1:  # the row's first lines here, the rest overleaf
                t.part(label_lines[:n_label], value_lines[:n_value], bold, "top")
                if len(value_lines) > n_value:
                    doc.split_values.append(fid)
                if len(value_lines) > n_value and len(label_lines) > n_label:
                    doc.split_labels.append(fid)
                label_lines, value_lines, valign = restart(label_lines[n_label:]), restart(value_lines[n_value:]), "top"
            t.close()
            doc.new_page()
            t.header()
        t.part(label_lines, value_lines, bold, valign)
    t.close()
    doc.y += lay.size * 1.6


def restart(lines: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """The lines that continue overleaf, offset from the first of them."""
    return [(line, dy - lines[0][1]) for line, dy in lines] if lines else []


def render(truth: dict, lay: Layout, path: Path) -> dict:
    """Draw the profile to `path`; return the truth record as printed (source = file name)."""
    _register(lay.font)
    texts = {fid: printed_text(fid, want, lay) for fid, want in truth["fields"].items()}
    doc = layout(truth, texts, lay)
    if lay.split_row:  # choose the bottom margin so that a page ends inside a row
        for extra in range(0, 200, 2):
            doc = layout(truth, texts, replace(lay, split_rows=True, bottom_margin=lay.margin + extra))
            if doc.split_labels if lay.split_row == "label" else doc.split_values:
                break
        else:
            raise ValueError(f"no bottom margin breaks a row's {lay.split_row} cell across pages")
    doc.save(path)
    out = copy.deepcopy(truth)
    out["source"] = Path(path).name
    for fid, want in out["fields"].items():
        if want["status"] != "missing":
            want["text"] = " ".join(texts[fid].split())
    out["variations"] = ([f"{k}:{v}" for k, v in vars(doc.lay).items()]
                         + [f"row-splits-page:{fid}" for fid in doc.split_values]
                         + [f"label-splits-page:{fid}" for fid in doc.split_labels])
    return out


def layout(truth: dict, texts: dict, lay: Layout) -> Doc:
    fields = truth["fields"]
    doc = Doc(lay)
    doc.wording = WORDING[truth.get("language", "en")]
    doc.labels = truth.get("labels", {})
    title_block(doc, truth, texts, lay)
    facts_box(doc, fields, texts, lay)
    sections = []
    for title, (_, rows) in zip(doc.wording.section_titles, SECTIONS):
        printed = [(fid, doc.wording.subheading if fid is None else
                    doc.labels.get(fid, label.replace("{country}", truth["country"] + "'s")),
                    None if fid is None else texts[fid])
                   for fid, label in rows if fid is None or fields[fid]["status"] != "missing"]
        sections.append((title, printed))
    for extra in truth.get("unmapped", []):
        match = [s for s in sections if s[0].casefold() == extra["section"].casefold()]
        if not match:
            match = [(extra["section"], [])]
            sections.extend(match)
        match[0][1].append((None, extra["label"], extra["text"]))
    for title, rows in sections:
        if rows:
            table(doc, title, rows, lay)
    return doc

