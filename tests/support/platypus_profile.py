"""A profile drawn by reportlab's own layout engine (platypus: Paragraph and Table flowables), another
producer beside tests/render.py's hand-placed text: its tables wrap, pad, split over pages and align
cells their own way.

    printed = platypus_pdf(truth, STYLES["shrink-bold"], Path("out/kazakhstan_en_2019.docx.pdf"))

The cell texts are the truth texts (as tests/html_profile.py prints them), so the truth record is
returned with only its source renamed.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .render import FACTS, INDEX_TITLES, SECTIONS


@dataclass(frozen=True)
class Style:
    size: float = 10.0
    label_share: float = 0.45  # of the frame's width, for fixed columns (and the most a shrunk label column takes)
    shrink: bool = False  # each table's columns as wide as their text
    bold_labels: bool = False
    grid: bool = False  # a full grid; else a rule under each row
    rules: bool = True  # with grid False: a rule under each row (else none)
    pad: float = 3.0  # top and bottom cell padding
    side: float = 3.0  # left and right cell padding
    valign: str = "TOP"  # TOP | MIDDLE | BOTTOM
    # no table: each value below its label, "indent"ed, or under a "bold" label at one margin, or "plain": every
    # paragraph at one margin in one weight with no space between them (only the labels' wording tells them)
    stacked: str = ""


STYLES = {
    "fixed-grid": Style(grid=True),
    "shrink-bold": Style(shrink=True, bold_labels=True, side=1.0, size=9.5),
    "no-padding": Style(rules=False, pad=0.0, side=1.5, size=9.0),
    "middle-tight": Style(valign="MIDDLE", pad=1.0, side=1.0, rules=False, label_share=0.4),
    "stacked-indent": Style(stacked="indent"),
    "stacked-bold": Style(stacked="bold", size=9.0),
    "stacked-plain": Style(stacked="plain", size=9.0),
}


def _para(text: str, size: float, bold: bool = False) -> Paragraph:
    return Paragraph(escape(text), ParagraphStyle("c", fontName="Helvetica-Bold" if bold else "Helvetica",
                                                  fontSize=size, leading=size * 1.2))


def _widths(rows: list[tuple[str, str]], style: Style, frame: float) -> list[float]:
    label_w = frame * style.label_share
    if not style.shrink:
        return [label_w, frame - label_w]
    font = "Helvetica-Bold" if style.bold_labels else "Helvetica"
    natural = max(stringWidth(label, font, style.size) for label, _ in rows) + 2 * style.side
    label_w = min(label_w, natural)
    widest = max(stringWidth(value or "", "Helvetica", style.size) for _, value in rows) + 2 * style.side
    return [label_w, min(frame - label_w, widest)]


def _stacked(rows: list[tuple[str, str]], style: Style) -> list:
    """Each label a paragraph, its value the next one: indented a tab in, plain under a bold label, or
    both plain at one margin with no space between them."""
    size, out, plain = style.size, [], style.stacked == "plain"
    for label, value in rows:
        bold = style.stacked == "bold" or value is None and not plain
        out.append(Paragraph(escape(label), ParagraphStyle(
            "l", fontName="Helvetica-Bold" if bold else "Helvetica",
            fontSize=size, leading=size * 1.2, spaceBefore=0 if plain else 2)))
        if value:
            out.append(Paragraph(escape(value), ParagraphStyle(
                "v", fontName="Helvetica", fontSize=size, leading=size * 1.2, spaceAfter=0 if plain else 3,
                leftIndent=2.5 * size if style.stacked == "indent" else 0)))
    return out


def _table(rows: list[tuple[str, str]], style: Style, frame: float) -> Table:
    cells = [[_para(label, style.size, style.bold_labels or value is None), _para(value or "", style.size)]
             for label, value in rows]
    commands = [("VALIGN", (0, 0), (-1, -1), style.valign),
                ("TOPPADDING", (0, 0), (-1, -1), style.pad), ("BOTTOMPADDING", (0, 0), (-1, -1), style.pad),
                ("LEFTPADDING", (0, 0), (-1, -1), style.side), ("RIGHTPADDING", (0, 0), (-1, -1), style.side)]
    if style.grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif style.rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, colors.grey))
    table = Table(cells, colWidths=_widths(rows, style, frame), hAlign="LEFT", splitByRow=1)
    table.setStyle(TableStyle(commands))
    return table


def platypus_pdf(truth: dict, style: Style, path: Path) -> dict:
    """Draw the profile to `path` with platypus; return the truth record as printed."""
    fields = truth["fields"]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, invariant=1)
    frame = A4[0] - 4 * cm
    index_title = INDEX_TITLES.get(str(truth.get("template")), INDEX_TITLES["2019"])
    story = [_para("Country profile", 12), _para(fields["country"]["text"], 22, True), Spacer(1, 10),
             _para(f"{index_title} \u2014 {fields['index_score']['text']}", 14, True), Spacer(1, 4),
             _para(f"Facts and Assessments. {fields['year']['text']}", 12), Spacer(1, 8)]
    columns = [[(fid, label) for fid, label in column if fields[fid]["status"] != "missing"] for column in FACTS]
    facts = [[_para(f"{c[i][1]} - {fields[c[i][0]]['text']}", style.size) if i < len(c) else "" for c in columns]
             for i in range(max(map(len, columns)))]
    box = Table(facts, colWidths=[frame / 2, frame / 2], hAlign="LEFT")
    # a shaded box per cell (one box over several items is another kind of facts box, read elsewhere)
    shading = [("BACKGROUND", (c, r), (c, r), colors.Color(0.93, 0.95, 0.97))
               for r, row in enumerate(facts) for c, cell in enumerate(row) if cell]
    box.setStyle(TableStyle(shading + [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 3),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                                       ("LINEBELOW", (0, 0), (-1, -1), 1.5, colors.white)]))
    story += [box, Spacer(1, 12)]
    extra: dict[str, list[dict]] = {}
    for row in truth.get("unmapped", []):
        extra.setdefault(row["section"], []).append(row)
    sections = [(title, [(label.replace("{country}", truth["country"] + "'s"), None if fid is None else fields[fid]["text"])
                         for fid, label in rows if fid is None or fields[fid]["status"] != "missing"]
                 + [(u["label"], u["text"]) for u in extra.pop(title, [])]) for title, rows in SECTIONS]
    sections += [(title, [(u["label"], u["text"]) for u in rows]) for title, rows in extra.items()]
    for title, rows in sections:
        if rows:
            body = _stacked(rows, style) if style.stacked else [_table(rows, style, frame)]
            story += [_para(title, style.size + 2, True), Spacer(1, 4), *body, Spacer(1, 10)]
    doc.build(story)
    out = copy.deepcopy(truth)
    out["source"] = Path(path).name
    return out
