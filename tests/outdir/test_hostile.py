"""Hostile content: formula injection in CSV cells, hostile file names, the security floor, no network."""
import ast
import json
from importlib.metadata import version
from pathlib import Path

import pandas as pd
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.run.batch import run_batch
from pipeline.outdir.cells import format_value, guard_formula
from pipeline.outdir.names import json_name

from tests.support import FIXTURES, ROOT

FORMULA_CHARS = "=+-@\t\r"
ASCII_NUMBER = regex.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")
PACKAGE = ROOT / "pipeline"


# ---- the CSV formula guard ------------------------------------------------------------------------

@given(st.text())
def test_guard_leaves_no_formula_and_loses_nothing(cell):
    out = guard_formula(cell)
    assert out in (cell, "'" + cell)
    if out[:1] and out[0] in FORMULA_CHARS:
        assert ASCII_NUMBER.fullmatch(out), repr(out)


@given(st.sampled_from(FORMULA_CHARS), st.text())
def test_guard_prefixes_every_formula_start(first, rest):
    cell = first + rest
    assert guard_formula(cell) == (cell if ASCII_NUMBER.fullmatch(cell) else "'" + cell)


@given(st.integers() | st.floats(allow_nan=False, allow_infinity=False))
def test_guard_leaves_numbers_alone(number):
    cell = format_value(number)
    assert guard_formula(cell) == cell


@given(st.text())
def test_guard_is_idempotent(cell):
    assert guard_formula(guard_formula(cell)) == guard_formula(cell)


@pytest.mark.parametrize("cell,expected", [
    ("-3.04", "-3.04"), ("-94.2", "-94.2"), ("23635", "23635"), ("1e-05", "1e-05"),
    ("=1+1", "'=1+1"), ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
    ("@SUM(A1)", "'@SUM(A1)"), ("+7 (727) 000", "'+7 (727) 000"), ("- no published data", "'- no published data"),
    ("-1\n", "'-1\n"), ("-\u0661\u0662", "'-\u0661\u0662"), ("\tx", "'\tx"), ("", ""), ("Yes", "Yes"),
])
def test_guard_examples(cell, expected):
    assert guard_formula(cell) == expected


# ---- hostile file names -----------------------------------------------------------------------------

HOSTILE_SOURCES = [
    "../../etc/passwd", "..", ".", "", ".hidden.pdf", "a/../../b.pdf", "/abs/path.pdf", "C:\\evil\\x.pdf",
    "Україна/звіт про катування.pdf", "名前.pdf", "x" * 1000 + ".pdf", "ü" * 300 + ".pdf", "a\0b.pdf",
    "=cmd|' /C calc'!A0.pdf", "con.pdf", "name with spaces & $(rm -rf).pdf", "a/b.pdf", "a__b.pdf",
]


@pytest.mark.parametrize("source", HOSTILE_SOURCES)
def test_json_name_is_a_safe_single_file_name(source, tmp_path):
    name = json_name(source)
    assert regex.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.[0-9a-f]{8}\.json", name), name
    assert len(name.encode()) <= 255 and ".." not in name.split(".")[0:1]
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()
    target.write_text("{}")  # a real file system accepts it


def test_json_names_are_unique():
    names = [json_name(s) for s in HOSTILE_SOURCES]
    assert len(set(names)) == len(names)


def test_batch_with_hostile_file_names(tmp_path):
    good = FIXTURES / "kazakhstan_en_2019.docx.pdf"
    src = tmp_path / "in"
    (src / "..weird").mkdir(parents=True)
    hostile = {
        "@SUM(1+1).pdf": good,
        "=cmd|' -C calc'!A0.pdf": None,  # empty: a failure whose source is a formula
        "..weird/=x.pdf": None,  # starts with a dot: nothing to guard
        "україна_звіт_" * 8 + ".pdf": good,  # long, not ASCII (under the 255-byte name limit)
        "-2+3.pdf": good,
        "\r=1+1 cr.pdf": good,  # a bare carriage return: once a row break for readers of the CSV
        "empty\r@SUM(1+1)*cmd.pdf": None,
    }
    for name, origin in hostile.items():
        (src / name).write_bytes(origin.read_bytes() if origin else b"")
    out = tmp_path / "out"
    result = run_batch(src, out, workers=2)
    assert len(result.reports) == 4 and [f.category for f in result.failures] == ["empty"] * 3
    jsons = sorted((out / "json").iterdir())
    assert len(jsons) == 4 and all(p.parent == out / "json" for p in jsons)
    assert {json.loads(p.read_text())["source"] for p in jsons} == {k for k, v in hostile.items() if v}

    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    assert set(values["source"]) == {"'@SUM(1+1).pdf", "'-2+3.pdf", "україна_звіт_" * 8 + ".pdf", "'\r=1+1 cr.pdf"}
    for column in values.columns:
        assert not values[column].str.match(r"[=+@\t\r]|-(?![0-9.]+([eE][-+]?[0-9]+)?$)").any(), column
    failures = pd.read_csv(out / "failures.csv", dtype=str)
    assert sorted(failures["source"]) == ["'=cmd|' -C calc'!A0.pdf", "..weird/=x.pdf", "empty\r@SUM(1+1)*cmd.pdf"]
    profiles = pd.read_csv(out / "profiles.csv", dtype=str)
    assert {"'@SUM(1+1).pdf", "'\r=1+1 cr.pdf"} <= set(profiles["source"]) and len(profiles) == 4
    panel = pd.read_csv(out / "panel.csv", dtype=str, keep_default_na=False)
    assert len(panel) == 1 and panel.loc[0, "source"] == "'\r=1+1 cr.pdf"  # four copies of one profile
    assert panel.loc[0, "sources"].startswith("'\r=1+1 cr.pdf; ")

    # --no-csv-guard: the cells as they are (results come from the cache; only the writing differs)
    raw = run_batch(src, out, guard=False, workers=2)
    assert raw.run["reused"] == 7
    values = pd.read_csv(out / "values.csv", dtype=str, keep_default_na=False)
    assert "@SUM(1+1).pdf" in set(values["source"])
    assert "=cmd|' -C calc'!A0.pdf" in set(pd.read_csv(out / "failures.csv", dtype=str)["source"])
    assert json.loads((out / "manifest.json").read_text())["csv_guard"] is False


# ---- security floor, no network ------------------------------------------------------------------------

def test_pdf_libraries_are_past_the_cmap_pickle_fix():
    """CVE-2025-64512: pdfminer.six 20251230 replaced pickled CMaps with JSON; pdfplumber 0.11.9 requires it."""
    assert tuple(int(x) for x in version("pdfplumber").split(".")[:3]) >= (0, 11, 9)
    assert int(version("pdfminer.six").split(".")[0]) >= 20251230
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text()
    assert '"pdfplumber>=0.11.9"' in pyproject and '"pdfminer.six>=20251230"' in pyproject


NETWORK_MODULES = {"socket", "ssl", "urllib", "http", "ftplib", "smtplib", "requests", "httpx", "aiohttp",
                   "urllib3", "websocket", "xmlrpc", "telnetlib", "poplib", "imaplib"}


def test_the_pipeline_imports_nothing_that_talks_to_the_network():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in NETWORK_MODULES, f"{path.name} imports {name}"


# ---- the written CSV reads back cell for cell, guarded; the log reads back event for event ----------------

# Any text a UTF-8 file can hold (a lone surrogate cannot be written: a source name that is not UTF-8
# is escaped before it gets here, see test_robust).
CELL_TEXT = st.text(st.characters(codec="utf-8"))


@settings(deadline=None)  # each example writes and reads back files: a busy machine's disk is no failure
@given(st.lists(st.tuples(CELL_TEXT, CELL_TEXT, st.sampled_from(["ok", "unmapped", "invalid"])), max_size=6),
       st.booleans())
def test_written_csv_reads_back_cell_for_cell(cells, guard):
    import tempfile

    from pipeline.core.codebook import default_codebook
    from pipeline.core.models import FieldValue, Report
    from pipeline.outdir.names import profile_columns
    from pipeline.outdir.write import OutputWriter

    values = [FieldValue(field="" if status == "unmapped" else "investigator_workload", label=label, text=text,
                         value=text or None, status=status) for label, text, status in cells]
    report = Report(source="=x,\"y\"\n.pdf", country="Kazakhstan", year=2019, values=values)
    shown = guard_formula if guard else (lambda cell: cell)
    with tempfile.TemporaryDirectory() as tmp:
        with OutputWriter(Path(tmp), default_codebook(), guard) as out:
            out.add_report(report)
        rows = pd.read_csv(Path(tmp) / "values.csv", dtype=str, keep_default_na=False)
        profiles = pd.read_csv(Path(tmp) / "profiles.csv", dtype=str, keep_default_na=False)
    assert list(rows["source"]) == [shown(report.source)] * len(cells)
    assert list(rows["label"]) == [shown(label) for label, _, _ in cells]
    assert list(rows["text"]) == [shown(text) for _, text, _ in cells]
    assert list(rows["value"]) == [shown(text) for _, text, _ in cells]
    assert list(rows["status"]) == [status for _, _, status in cells]
    assert list(profiles.columns) == profile_columns(default_codebook()) and len(profiles) == 1
    claims = [(text, status) for _, text, status in cells if status != "unmapped"]  # the last claim is written
    expected = shown(claims[-1][0]) if claims and claims[-1][1] == "ok" else ""
    assert (profiles.loc[0, "source"], profiles.loc[0, "investigator_workload"]) == (shown(report.source), expected)


def test_a_carriage_return_in_a_cell_reads_back(tmp_path):
    """The csv module left a lone \\r bare (it quotes only its line terminator's characters); readers end
    the row there, and the rest of the cell became a row starting with an unguarded formula."""
    from pipeline.core.codebook import default_codebook
    from pipeline.core.models import Failure, FieldValue, Report
    from pipeline.outdir.write import OutputWriter

    source = "\r=1+1 cr.pdf"
    report = Report(source=source, values=[FieldValue(label="x\ry", text="\r@SUM(1+1)*cmd", status="unmapped")])
    with OutputWriter(tmp_path, default_codebook()) as out:
        out.add_report(report)
        out.add_failure(Failure(source="empty\r@SUM(1+1)*cmd.pdf", category="empty", message="a\r=b"))
        out.add_panel()
    values = pd.read_csv(tmp_path / "values.csv", dtype=str, keep_default_na=False)
    assert list(values["label"]) == ["x\ry"] and list(values["source"]) == ["'" + source]
    assert list(values["text"]) == ["'\r@SUM(1+1)*cmd"]
    profiles = pd.read_csv(tmp_path / "profiles.csv", dtype=str, keep_default_na=False)
    assert list(profiles["source"]) == ["'" + source]
    failures = pd.read_csv(tmp_path / "failures.csv", dtype=str, keep_default_na=False)
    assert failures.values.tolist() == [["empty\r@SUM(1+1)*cmd.pdf", "empty", "a\r=b"]]
    for name in ("values.csv", "profiles.csv", "failures.csv", "panel.csv"):
        # every line break inside a cell is quoted: outside quotes, a file has only its row ends
        data = (tmp_path / name).read_bytes()
        outside = b"".join(data.split(b'"')[::2])
        assert b"\r" not in outside and outside.count(b"\n") == len(pd.read_csv(tmp_path / name)) + 1, name


def test_csv_line_quotes_line_breaks_and_matches_the_csv_module_otherwise():
    import csv
    import io

    from pipeline.outdir.cells import csv_line

    assert csv_line(["a\rb", "c"]) == '"a\rb",c\n'
    for cells in (["a", "b,c", 'say "x"', "l1\nl2", "", " sp "], ["'=1", "-3.04", "\t"]):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(cells)
        assert csv_line(cells) == out.getvalue()


def test_log_events_read_back_whole_whatever_line_breaks_their_text_holds(tmp_path):
    from pipeline.core.codebook import default_codebook
    from pipeline.outdir.eventlog import last_event, read_log
    from pipeline.outdir.write import OutputWriter

    odd = "a\u2028b\u2029c\x85d\x1ce\x0bf\x0cg\rh\ni"
    events = [{"event": "run"}, {"event": "unmapped", "text": odd}, {"event": "summary", "text": odd * 20000}]
    with OutputWriter(tmp_path, default_codebook()) as out:
        out.add_events(events)
    assert read_log(tmp_path) == events
    assert last_event(tmp_path) == events[-1]  # longer than the 64 KB read from the end at first
    assert read_log(tmp_path / "nowhere") == [] and last_event(tmp_path / "nowhere") is None


# ---- the JSON documents: pydantic's serializer, read back as the standard library reads JSON ----------

@given(st.text(), st.text(), st.floats(allow_nan=False, allow_infinity=False),
       st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=4, max_size=4))
def test_report_json_reads_back_as_the_report(label, text, value, box):
    from pipeline.core.models import FieldValue, Report
    from pipeline.outdir.write import report_json

    report = Report(source=text + ".pdf", country="Kazakhstan", values=[
        FieldValue(field="budget", label=label, text=text, value=value, status="ok", bbox=tuple(box))])
    doc = report_json(report)
    assert doc.endswith("}\n") and json.loads(doc) == report.model_dump(mode="json")
    assert Report.model_validate_json(doc) == report


def test_report_json_is_the_text_json_dumps_writes(fixtures_run):
    from pipeline.outdir.write import report_document, report_json

    result = fixtures_run.result
    assert len(result.reports) == 9
    for report in result.reports:
        assert report_json(report) == json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"
