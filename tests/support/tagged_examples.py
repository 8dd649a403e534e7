"""Tagged examples of our own, printed from tests/support/html_profile.py: headless Chromium (which always
tags) and WeasyPrint with `--pdf-tags`, each with its truth record (the fixture record it prints).

    python -m tests.support.tagged_examples OUTDIR      # writes <name>.pdf and <name>.truth.json

The copies in tests/fixtures-tagged/ (listed in EXAMPLES) were made with it; Chromium and WeasyPrint
versions differ in their output, so the tests read those copies rather than print anew.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from . import fixture_truth, html_profile

# name -> (fixture record, style of html_profile.STYLES, facts box, producer), and what it exercises
EXAMPLES = {
    # tiny auto-sized tables: the layout gives two expert-assessment rows' verdict ("Low.") to the label
    "moldova_en_2020.chromium-auto-tagged": ("moldova_en_2020.docx", "auto-layout", "table", "chromium"),
    # WeasyPrint tags each page's part of a table as a table of its own; a row split by the page break
    # leaves its value's first line ("No") at the foot of page 1, its label overleaf
    "moldova_en_2020.weasyprint-margin-tagged": ("moldova_en_2020.docx", "margin-boxes", "table", "weasyprint"),
    # tables over pages with the header row repeated (Chromium files the repeat under the first page's
    # cells); the facts box as paragraphs with no space between them (tagged P, not a table)
    "moldova_en_2020.chromium-long-lines-tagged": ("moldova_en_2020.docx", "long-tables", "lines", "chromium"),
    "moldova_en_2020.weasyprint-auto-lines-tagged": ("moldova_en_2020.docx", "auto-layout", "lines", "weasyprint"),
    # no padding, labels flush right: every label touches its value, often two small letters meeting ("torture" |
    # "corruption"), which no seam parts; the tags' cells do (pages.cut_at_cells)
    "kazakhstan_en_2019.chromium-tiny-right-tagged": ("kazakhstan_en_2019.docx", "tiny-right", "table", "chromium"),
}


def make(name: str, out: Path) -> Path:
    record, style, facts, producer = EXAMPLES[name]
    truth = fixture_truth(record)
    pdf = out / f"{name}.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "profile.html"
        page.write_text(html_profile.profile_html(truth, html_profile.STYLES[style], facts=facts), encoding="utf-8")
        if producer == "chromium":
            html_profile.print_pdf(page, pdf, header_footer=False)
        else:
            html_profile.print_weasyprint(page, pdf, tags=True)
    truth = dict(truth, source=pdf.name, variations=[f"pdf:{producer}", f"style:{style}", f"facts:{facts}",
                                                    "tagged:yes"],
                 notes=[f"printed by tests/support/tagged_examples.py from tests/fixtures/{record}.truth.json"])
    (out / f"{name}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return pdf


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for example in EXAMPLES:
        print(make(example, target))
