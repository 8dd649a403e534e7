"""Templates: a profile with an unknown index title is still read, with a warning, never dropped."""
import json

import pytest

from pipeline.convert.process import process_pdf
from tests.support import FIXTURES, render


@pytest.fixture
def unknown_title(tmp_path, monkeypatch):
    monkeypatch.setitem(render.INDEX_TITLES, "2031", "Torture Prevention Barometer")
    truth = json.loads((FIXTURES / "kazakhstan_en_2019.docx.truth.json").read_text())
    truth["template"] = "2031"
    pdf = tmp_path / truth["source"]
    render.render(truth, render.Layout(), pdf)
    return truth, pdf


def test_unknown_index_title_is_read_with_a_warning(unknown_title):
    truth, pdf = unknown_title
    report = process_pdf(pdf)
    assert report.template == "2019"  # read from the content: no section of the 2020 methodology
    assert [w.code for w in report.warnings].count("unknown_template") >= 1
    assert "Torture Prevention Barometer" in " ".join(w.message for w in report.warnings)
    for fid, want in truth["fields"].items():
        got = report.field(fid)
        assert got.status == want["status"], fid
        if want["status"] == "ok" and isinstance(want["value"], (int, float)):
            assert got.value == pytest.approx(want["value"]), fid
    assert report.coverage.unplaced == []


def test_known_templates_are_recognised():
    assert process_pdf(FIXTURES / "moldova_en_2020.docx.pdf").template == "2020"
    assert process_pdf(FIXTURES / "moldova_en_2019.docx.pdf").template == "2019"
