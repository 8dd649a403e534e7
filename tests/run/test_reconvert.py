"""A run that converts files again says why (issue 23, item 3): in its summary and in run.json."""
import json
import shutil

import pytest

from pipeline.run import cache
from pipeline.run.batch import run_batch, summary
from pipeline.core.settings import ExtractSettings

from tests.support import FIXTURES

NAMES = ["kazakhstan_en_2019.docx.pdf", "armenia_en_2019.docx.pdf"]


@pytest.fixture
def batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in NAMES:
        shutil.copy(FIXTURES / name, src / name)
    out = tmp_path / "out"
    first = run_batch(src, out, workers=1)
    assert first.run["why_converted"] == {"because": ["first_run"], "files": {},
                                          "summary": "no earlier run in this output folder"}
    return src, out


def why(result) -> dict:
    saved = json.loads((result.outdir / "run.json").read_text(encoding="utf-8"))
    assert saved["why_converted"] == result.run["why_converted"]
    return result.run["why_converted"]


def said(result) -> str | None:
    lines = [line for line in summary(result).splitlines() if line.startswith("why converted: ")]
    return lines[0].removeprefix("why converted: ") if lines else None


def test_an_unchanged_rerun_converts_nothing_and_says_nothing(batch):
    src, out = batch
    result = run_batch(src, out, workers=1)
    assert result.run["converted_now"] == 0 and why(result) == {} and said(result) is None


def test_force(batch):
    src, out = batch
    result = run_batch(src, out, workers=1, force=True)
    assert why(result) == {"because": ["force"], "files": {}, "summary": "--force"} and said(result) == "--force"


def test_the_settings(batch):
    src, out = batch
    result = run_batch(src, out, ExtractSettings(block_gap=0.61), workers=1)
    assert why(result)["because"] == ["settings"]
    assert said(result) == "the settings (block_gap 0.6 -> 0.61) changed"


def test_the_pipeline_version(batch, monkeypatch):
    src, out = batch
    before = cache.__version__
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    result = run_batch(src, out, workers=1)
    assert why(result)["because"] == ["pipeline_version"]
    assert said(result) == f"the pipeline version ({before} -> 9.9.9) changed"


def test_new_changed_and_uncached_files(batch):
    src, out = batch
    shutil.copy(FIXTURES / "moldova_en_2020.docx.pdf", src / "moldova_en_2020.docx.pdf")  # new
    (src / NAMES[1]).write_bytes((FIXTURES / "belarus_en_2019.docx.pdf").read_bytes())  # changed
    result = run_batch(src, out, workers=1)
    assert why(result) == {"because": ["files"], "files": {"changed": 1, "new": 1}, "summary": "1 changed, 1 new"}
    shutil.rmtree(out / "cache")
    result = run_batch(src, out, workers=1)
    assert why(result) == {"because": ["files"], "files": {"not_cached": 3}, "summary": "3 not in the cache"}
