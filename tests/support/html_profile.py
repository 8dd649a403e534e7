"""A profile as an HTML page, for printing with a real browser (headless Chromium): the anatomy of
render.py (title block, facts box, a table per section with a header row), styled by CSS.

    html = profile_html(truth, css)
    print_pdf(html_path, pdf_path)   # headless Chromium's print to PDF, its own header and footer on
"""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from .render import FACTS, INDEX_TITLES, SECTIONS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# CSS a profile author might write; browsers draw what is left out their own way
STYLES = {
    # no widths (automatic table layout: each table's columns sized to its text), cells centred
    # vertically (the default), 1px padding, tall lines, labels right-aligned
    "auto-layout": """
        body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} table.t{width:100%;border-collapse:collapse}
        table.t td{padding:1px;line-height:1.5} table.t td:first-child{text-align:right} h2{font-size:11pt}""",
    # running header and "Page n of N" in the page margins, dark header cells, banded rows
    "margin-boxes": """
        @page{margin:2cm; @top-left{content:"Index on Torture: country profile";font-size:8pt}
              @bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:8pt}}
        body{font-family:'Liberation Serif',serif;font-size:10pt} table.t{width:100%;border-collapse:collapse}
        table.t td,table.t th{padding:1pt 3pt;line-height:1.25;vertical-align:top;border-bottom:0.5pt solid #888}
        table.t th{background:#333;color:white;text-align:left} table.t td:first-child{width:45%}
        table.t tbody tr:nth-child(even){background:#eef2f7} h2{font-size:12pt}""",
    # shrink-to-fit: each table as wide as its text (the split moves from table to table), a
    # hairline gap between the columns, bold labels, a rule under every row
    "shrink-bold-rules": """
        body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt} table.t{border-collapse:collapse}
        table.t td,table.t th{padding:1px 1px;vertical-align:top;border-bottom:0.5pt solid #777;text-align:left}
        table.t td:first-child{font-weight:bold} h2{font-size:11pt}""",
    # auto-sized, cells centred vertically (a browser's default), rows with no spacing at all, small type
    "auto-middle-no-spacing": """
        body{font-family:'DejaVu Sans',sans-serif;font-size:8.5pt} table.t{border-collapse:collapse}
        table.t td,table.t th{padding:0 2px;line-height:1.15;text-align:left} h2{font-size:10pt}""",
    # header cells of several lines, coloured bold labels, smaller values
    "multi-line-headers": """
        body{font-family:'Liberation Serif',serif;font-size:10pt} table.t{width:100%;border-collapse:collapse}
        table.t td,table.t th{padding:1pt 2pt;vertical-align:top;text-align:left}
        table.t th{width:30%} table.t td:first-child{color:#1a4e8a;font-weight:bold} table.t td+td{font-size:9pt}
        h2{font-size:12pt}""",
    # auto-sized columns in a full-width table, labels flush right against their values half a point
    # away, cells at the bottom, a rule under each row
    "auto-right-bottom": """
        body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} table.t{width:100%;border-collapse:collapse}
        table.t td,table.t th{padding:2pt 0.5pt;vertical-align:bottom;line-height:1.35;
        border-bottom:0.5pt solid #777;text-align:left} table.t td:first-child{text-align:right} h2{font-size:10.5pt}""",
    # tiny auto-sized tables, no padding at all, labels flush right: every label runs into its value, and
    # pdfplumber reads the two as one word ("torturecorruption"); Chromium's tags part them
    "tiny-right": """
        body{font-family:'Liberation Sans',sans-serif;font-size:8pt} table.t{border-collapse:collapse}
        table.t td,table.t th{padding:0;vertical-align:top;text-align:left} table.t td:first-child{text-align:right}
        h2{font-size:10pt}""",
    # large type: the tables run over three pages, the header row repeated atop each page
    "long-tables": """
        @page{margin:2cm} body{font-family:'DejaVu Serif',serif;font-size:11pt} table.t{width:100%;border-collapse:collapse}
        table.t td,table.t th{padding:2pt 4pt;vertical-align:top;border-bottom:0.5pt solid #999}
        table.t td:first-child{width:42%} table.t th{text-align:left} h2{font-size:14pt}""",
}
# pairs laid out with no table at all: an HTML definition list set as a CSS grid, bold labels set
# flush right about 3 pt before their values
GRID_STYLES = {
    "dl-grid": """
        body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt} h2{font-size:11pt}
        dl.t{display:grid;grid-template-columns:max-content 1fr;column-gap:3pt;row-gap:2pt;margin:0}
        dl.t dt{font-weight:bold;text-align:right;max-width:16em} dl.t dd{margin:0}""",
    "div-grid": """
        body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} h2{font-size:10.5pt}
        div.t{display:grid;grid-template-columns:38% auto;column-gap:3pt;row-gap:1pt}
        div.t>div:nth-child(odd){font-weight:bold;text-align:right}""",
    # each value below its label: a definition list as a browser sets it by default (its description
    # indented), and bold labels over plain values at one margin
    "dl-stacked": """
        body{font-family:'Liberation Serif',serif;font-size:10.5pt} h2{font-size:12pt}
        dl.t{margin:0} dl.t dd{margin:0 0 3pt 2.5em}""",
    "div-stacked-bold": """
        body{font-family:'DejaVu Sans',sans-serif;font-size:9pt} h2{font-size:10.5pt}
        div.t>div:nth-child(odd){font-weight:bold} div.t>div:nth-child(even){margin-bottom:4pt}""",
}
HEADERS = {"multi-line-headers": ("Indicator (as worded in the methodology of the index)",
                                  "Value, assessment or comment (as published)")}


def _grid(title: str, rows: list[tuple[str, str | None]], form: str) -> list[str]:
    """A section's pairs with no table: a definition list (`dl-...`) or divs (a CSS grid, or one below the other)."""
    if form.startswith("dl-"):
        cells = "".join(f"<dt>{html.escape(label)}</dt><dd>{html.escape(value or '')}</dd>" for label, value in rows)
        return [f"<h2>{html.escape(title)}</h2><dl class='t'>{cells}</dl>"]
    cells = "".join(f"<div>{html.escape(label)}</div><div>{html.escape(value or '')}</div>" for label, value in rows)
    return [f"<h2>{html.escape(title)}</h2><div class='t'>{cells}</div>"]


def _table(title: str, rows: list[tuple[str, str | None]], form: str = "") -> list[str]:
    if form in GRID_STYLES:
        return _grid(title, rows, form)
    head = HEADERS.get(form, ("Indicator", "Value"))
    out = [f"<h2>{html.escape(title)}</h2><table class='t'><thead><tr><th>{head[0]}</th><th>{head[1]}</th></tr>"
           "</thead><tbody>"]
    for label, value in rows:
        if value is None:  # a sub-heading
            out.append(f"<tr><td><b>{html.escape(label)}</b></td><td></td></tr>")
        else:
            out.append(f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>")
    return out + ["</tbody></table>"]


def profile_html(truth: dict, css: str, form: str = "", facts: str = "table") -> str:
    """`form`: a key of GRID_STYLES draws the pairs with no table; one of HEADERS, header cells of its own.
    `facts`: "table" (a cell per item, two columns) or "lines" (a paragraph per item with no
    spacing, two columns side by side: the box has no blank line between items)."""
    fields = truth["fields"]

    def text(fid: str) -> str:
        return html.escape(fields[fid]["text"] or "")

    index_title = INDEX_TITLES.get(str(truth.get("template")), INDEX_TITLES["2019"])
    out = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(truth['country'])} profile</title>"
           f"<style>{css} .facts td{{background:#eef2f7;padding:3pt;width:50%;vertical-align:top}}</style></head><body>",
           "<div style='font-size:12pt'>Country profile</div>",
           f"<div style='font-size:22pt;font-weight:bold'>{text('country')}</div>",
           f"<div style='font-size:14pt;font-weight:bold'>{index_title} — {text('index_score')}</div>",
           f"<div style='font-size:12pt;font-style:italic'>Facts and Assessments. {text('year')}</div>",
           ]
    columns = [[(fid, label) for fid, label in column if fields[fid]["status"] != "missing"] for column in FACTS]
    if facts == "lines":
        out.append("<div style='display:flex;gap:24pt;background:#eef2f7;padding:3pt;margin:8pt 0'>")
        for c in columns:
            out.append("<div style='width:45%'>" + "".join(
                f"<p style='margin:0'>{html.escape(label)} - {text(fid)}</p>" for fid, label in c) + "</div>")
        out.append("</div>")
    else:
        out.append("<table class='facts' style='width:100%;margin:8pt 0'>")
        for i in range(max(map(len, columns))):
            cells = [f"<td>{html.escape(c[i][1])} - {text(c[i][0])}</td>" if i < len(c) else "<td></td>"
                     for c in columns]
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    extra: dict[str, list[dict]] = {}
    for row in truth.get("unmapped", []):
        extra.setdefault(row["section"], []).append(row)
    for title, rows in SECTIONS:
        printed = [(label.replace("{country}", truth["country"] + "'s"), None if fid is None else fields[fid]["text"])
                   for fid, label in rows if fid is None or fields[fid]["status"] != "missing"]
        out += _table(title, printed + [(u["label"], u["text"]) for u in extra.pop(title, [])], form)
    for title, rows in extra.items():
        out += _table(title, [(u["label"], u["text"]) for u in rows], form)
    return "\n".join(out + ["</body></html>"])


def styled(name: str) -> tuple[str, str]:
    """(css, form) of a named style of STYLES or GRID_STYLES."""
    return (GRID_STYLES[name], name) if name in GRID_STYLES else (STYLES[name], name)


def print_weasyprint(page: Path, pdf: Path, tags: bool = False) -> bool:
    """WeasyPrint's print of the page, with its tags on (`--pdf-tags`) when asked; False when
    WeasyPrint is not installed."""
    try:
        import weasyprint
    except ImportError:
        return False
    weasyprint.HTML(filename=str(page)).write_pdf(str(pdf), pdf_tags=tags)
    return True


def print_libreoffice(page: Path, pdf: Path, tags: bool = True) -> bool:
    """LibreOffice's print of the page (Writer/Web), tagged (`UseTaggedPDF`) unless told not to; False
    when LibreOffice is not installed. Each call has a user profile of its own, so prints can run side
    by side."""
    if LIBREOFFICE is None:
        return False
    options = '{"UseTaggedPDF":{"type":"boolean","value":"%s"}}' % ("true" if tags else "false")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([LIBREOFFICE, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to",
                        f"pdf:writer_web_pdf_Export:{options}", "--outdir", tmp, str(page)],
                       capture_output=True, timeout=180, check=False)
        out = Path(tmp) / f"{page.stem}.pdf"
        if out.exists():
            shutil.move(str(out), pdf)
    return pdf.exists()


def print_pdf(page: Path, pdf: Path, header_footer: bool = True) -> None:
    """Chromium's print to PDF; with `header_footer`, its own running header (date, title) and footer
    (address, "n/N") on every page."""
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}"]
    subprocess.run(args + ([] if header_footer else ["--no-pdf-header-footer"]) + [str(page)],
                   capture_output=True, timeout=120, check=False)
