"""Per-kind accuracy of other producers' profiles: every fixture record printed in each HTML style
(Chromium, WeasyPrint and LibreOffice's tagged export, tests/support/html_profile.py) and each platypus style
(tests/support/platypus_profile.py), read by the pipeline and scored by pipeline.tools.evaluate.
Prints one line per kind: field accuracy, silent errors (wrong, status ok, no warning), warned.

    python -m tests.support.kinds [--kinds chromium:div-grid,platypus:no-padding] [--records 4] [-v]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pipeline.convert.process import process_pdf
from pipeline.tools.evaluate import EvalResult, evaluate_rows

from . import FIXTURES, html_profile, load_truth, platypus_profile, report_rows, truth_files


def all_kinds() -> list[str]:
    html = list(html_profile.STYLES) + list(html_profile.GRID_STYLES)
    return ([f"chromium:{s}" for s in html] + [f"weasyprint:{s}" for s in html]
            + [f"libreoffice:{s}" for s in html] + [f"platypus:{s}" for s in platypus_profile.STYLES])


def draw(kind: str, truth: dict, folder: Path) -> tuple[Path, dict] | None:
    """Print the record in the kind; (pdf, truth as printed), None when the printer is missing."""
    producer, style = kind.split(":")
    pdf = folder / truth["source"]
    if producer == "platypus":
        return pdf, platypus_profile.platypus_pdf(truth, platypus_profile.STYLES[style], pdf)
    page = folder / "profile.html"
    page.write_text(html_profile.profile_html(truth, *html_profile.styled(style)), encoding="utf-8")
    if producer == "weasyprint":
        if not html_profile.print_weasyprint(page, pdf):
            return None
    elif producer == "libreoffice":  # tagged, as its export makes them on request
        if not html_profile.print_libreoffice(page, pdf):
            return None
    else:
        html_profile.print_pdf(page, pdf, header_footer=style != "margin-boxes")
    return (pdf, dict(truth, source=pdf.name)) if pdf.exists() else None


def one(job: tuple[str, str]) -> tuple[str, EvalResult | None]:
    kind, record = job
    with tempfile.TemporaryDirectory() as tmp:
        drawn = draw(kind, load_truth(record), Path(tmp))
        if drawn is None:
            return kind, None
        pdf, printed = drawn
        return kind, evaluate_rows(report_rows(process_pdf(pdf)), printed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", default="", help="comma-separated producer:style (default: all)")
    ap.add_argument("--records", type=int, default=0, help="the first N fixture records (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("-v", action="store_true", help="list each misread field")
    args = ap.parse_args()
    kinds = args.kinds.split(",") if args.kinds else all_kinds()
    records = [str(p) for p in truth_files(FIXTURES)]
    records = records[:args.records] if args.records else records
    results: dict[str, list[EvalResult]] = {k: [] for k in kinds}
    with ProcessPoolExecutor(args.workers) as pool:
        for kind, res in pool.map(one, [(k, r) for k in kinds for r in records]):
            if res is not None:
                results[kind].append(res)
    total_silent = 0
    for kind, rs in results.items():
        ok, n = sum(r.fields_ok for r in rs), sum(r.fields_total for r in rs)
        silent = sum(r.silent_errors for r in rs)
        total_silent += silent
        if not rs:  # its printer is not installed (LibreOffice is optional): nothing drawn, nothing scored
            print(f"{kind:34s} not drawn: {kind.split(':')[0]} is not installed")
            continue
        print(f"{kind:34s} {100.0 * ok / n if n else 0:6.1f}%  {ok}/{n}  silent {silent}  files {len(rs)}")
        if args.v:
            for r in rs:
                for m in r.mismatches:
                    got = f" got {m.got.status} {(m.got.text or '')[:50]!r}" if m.got else ""
                    print(f"    {m.source} {m.field} p{m.page}: {m.reason}{got}")
    print(f"silent errors in all: {total_silent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
