"""Real-world PDFs that are not country profiles (tests/corpus/, origins in its README): each ends as a
failure with its own category, never as internal_error and never as a profile."""

import pandas as pd
import pytest

from pipeline.run.batch import run_batch
from tests.support import CORPUS

OUTCOMES = {  # as tests/corpus/README.md lists them
    "plumber-150109DSP-Milw-505-90D.pdf": "not_a_profile", "plumber-empty.pdf": "empty",
    "plumber-hello_structure.pdf": "not_a_profile", "plumber-issue-140-example.pdf": "not_a_profile",
    "plumber-issue-297-example.pdf": "no_text_layer", "plumber-issue-987-test.pdf": "not_a_profile",
    "plumber-la-precinct-bulletin-2014-p1.pdf": "not_a_profile",
    "plumber-malformed-from-issue-932.pdf": "not_a_profile",
    "plumber-nics-background-checks-2015-11.pdf": "not_a_profile", "plumber-password-example.pdf": "encrypted",
    "plumber-scotus-transcript-p1.pdf": "not_a_profile", "plumber-senate-expenditures.pdf": "not_a_profile",
    "miner-AcroForm_TEST.pdf": "not_a_profile", "miner-aes-256-r6.pdf": "encrypted",
    "miner-font-size-test.pdf": "not_a_profile", "miner-issue-1113-evil-xobjects.pdf": "not_a_profile",
    "miner-issue-449-vertical.pdf": "not_a_profile", "miner-jo.pdf": "not_a_profile",
    "miner-matplotlib.pdf": "not_a_profile", "miner-simple1.pdf": "not_a_profile",
    "miner-simple2.pdf": "no_text_layer", "miner-simple5.pdf": "not_a_profile",
    "miner-zen_of_python_corrupted.pdf": "not_a_profile",
    "plumber-issue-33-lorem-ipsum.pdf": "not_a_profile", "plumber-federal-register-2020-17221.pdf": "not_a_profile",
    "plumber-cupertino_usd_4-6-16.pdf": "not_a_profile",
    "plumber-pr-88-example.pdf": "not_a_profile", "plumber-issue-90-example.pdf": "not_a_profile",
    "debian-libtasn1.pdf": "not_a_profile", "debian-shared-mime-info-spec.pdf": "not_a_profile",
}


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    return run_batch(CORPUS, out, workers=2), out


def test_every_corpus_file_is_listed():
    assert {p.name for p in CORPUS.glob("*.pdf")} == set(OUTCOMES)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name, outcome in OUTCOMES.items():
        assert f"| `{name}` |" in readme and readme.split(f"| `{name}` |")[1].split("\n")[0].endswith(
            f"| `{outcome}` |"), name


def test_no_real_pdf_is_an_internal_error_or_a_profile(corpus_run):
    result, out = corpus_run
    got = {f.source: f.category for f in result.failures}
    assert [r.source for r in result.reports] == [] and got == OUTCOMES
    failures = pd.read_csv(out / "failures.csv", dtype=str, keep_default_na=False)
    assert all(len(m) > 20 and "Traceback" not in m for m in failures["message"])


def test_a_country_alone_does_not_make_a_profile():
    from pipeline.convert.failures import NotAProfile
    from pipeline.convert.process import check_profile
    from pipeline.core.models import FieldValue, Issue, Match, Report

    country = FieldValue(field="country", value="United States", status="ok")
    untitled = Issue(code="unknown_template", message="no index title")
    by_wording = Match(field="prison_population", variant="Prison population", score=1.0, method="exact")
    indicator = FieldValue(field="prison_population", value=1000, status="ok", match=by_wording)
    with pytest.raises(NotAProfile, match="United States is named, but with no index title"):
        check_profile(Report(source="a.pdf", country="United States", values=[country], warnings=[untitled]))
    check_profile(Report(source="a.pdf", country="United States", values=[country]))  # its index title
    check_profile(Report(source="a.pdf", country="United States", values=[country, indicator], warnings=[untitled]))
    with pytest.raises(NotAProfile, match="no known country and 1 indicators matched by their wording"):
        check_profile(Report(source="a.pdf", values=[indicator]))


def test_lines_that_match_by_meaning_alone_are_no_evidence_of_a_profile():
    """Three "indicators" found by meaning in running text (a journal article) do not make a profile;
    three matched by their wording do, and the message says what was looked for and what was found."""
    from pipeline.convert.failures import NotAProfile
    from pipeline.convert.process import check_profile
    from pipeline.core.models import FieldValue, Match, Report

    fields = ["prison_population", "detained", "torture_complaints"]

    def values(method):
        return [FieldValue(field=f, value=10, status="ok", match=Match(field=f, variant=f, score=0.8, method=method))
                for f in fields]

    with pytest.raises(NotAProfile) as raised:
        check_profile(Report(source="article.pdf", values=values("fuzzy"), warnings=[]))
    message = str(raised.value)
    assert "looked for a title block" in message and "0 indicators matched by their wording" in message
    assert "3 more lines resemble an indicator by meaning or place alone" in message
    with pytest.raises(NotAProfile):
        check_profile(Report(source="article.pdf", values=values("structural")))
    check_profile(Report(source="profile.pdf", values=values("variant")))
