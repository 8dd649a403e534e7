"""Codebook files a data team edits by hand (issue 22, items 1-3) and its own codebook folder (issue 23, 1-2).

A malformed codebook.yaml, countries.yaml, variants.yaml or patch is one line naming the file, the line and
the problem, exit 2, nothing written. `--codebook DIR` (default $PIPELINE_CODEBOOK) keeps a team's wordings
beside its PDFs: `codebook apply` writes DIR/variants.yaml, `run` reads it on top of the built-in codebook,
and nothing is ever written inside the package.
"""
import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml

import pipeline
from pipeline.core import codebook, codebook_files
from pipeline.cli import main
from pipeline.core.codebook import CodebookError, has_letters, load_codebook, load_countries
from pipeline.core.codebook_files import BUILT_IN, CODEBOOK_ENV, CodebookFiles
from pipeline.core.yamlfile import parse_yaml

from tests.support import FIXTURES, FIXTURES_MORE
from tests.support.outputs import cli

PACKAGE = Path(pipeline.__file__).parent
BASE = BUILT_IN.read_text(encoding="utf-8")
GOOD = FIXTURES / "kazakhstan_en_2019.docx.pdf"


def package_state() -> dict[str, str]:
    """Every file of the installed package (not its caches) with its sha256: nothing may be written there."""
    return {p.relative_to(PACKAGE).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def edited(old: str, new: str) -> str:
    assert BASE.count(old) >= 1, old
    return BASE.replace(old, new, 1)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The line (from 1) of the nth occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return text[:at].count("\n") + 1


# ---- one line naming the file, the line and the problem ---------------------------------------------

BROKEN = {  # name -> (edited codebook, the text whose line is named, its occurrence, words of the message)
    "misspelt key": (edited("    type: int\n", "    tpye: int\n"), "tpye", 1,
                     "fields[1] (year) > tpye: unknown key 'tpye': did you mean 'type'?"),
    "field id twice": (edited("  - id: detained\n", "  - id: pretrial_detention\n"), "id: pretrial_detention", 2,
                       "field id 'pretrial_detention' appears twice"),
    "unknown language": (edited('      en: ["Detained"]\n', '      en: ["Detained"]\n      de: ["Festgenommen"]\n'),
                         "de: [", 1, "field 'detained' has wordings in 'de', which is not one of `languages` (en, ru)"),
    "bounds twice": (edited("    bounds: {gt: 0, lt: 1500}\n", "    bounds: {gt: 0, lt: 1500}\n    bounds: {gt: 0}\n"),
                     "bounds: {gt: 0}\n", 1, "'bounds' is given twice in one mapping"),
    "one wording, two fields": (edited('      en: ["Detained"]\n', '      en: ["Detained", "Pre-trial detention"]\n'),
                                '"Pre-trial detention"]', 2, "which field 'pretrial_detention' has too"),
    "an invisible wording": (edited('      en: ["Detained"]\n', '      en: ["Detained", "\\u200b\\u2060 "]\n'),
                             '\\u200b', 1, "has no letter or digit"),
    "not YAML": (edited('      en: ["Detained"]\n', '      en: ["Detained"\n'), 'en: ["Detained"', 1,
                 "did not find expected ',' or ']'"),
    "a bad type": (edited("    type: money\n", "    type: monee\n"), "monee", 1, "(got 'monee')"),
    "an unknown stemmer": (edited("stemmer: russian", "stemmer: rusian"), "stemmer: rusian", 1,
                           "languages > ru > stemmer: no Snowball stemmer is called 'rusian'"),
    "an unknown script": (edited("script: Cyrillic", "script: Cyrilic"), "script: Cyrilic", 1,
                          "'Cyrilic' is not a Unicode script name"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_malformed_codebook_names_its_file_line_and_problem(tmp_path, case):
    text, needle, nth, words = BROKEN[case]
    path = tmp_path / "codebook.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as e:
        load_codebook(path)
    message = str(e.value)
    line = line_of(text, needle, nth) + (1 if case == "not YAML" else 0)  # YAML finds the missing ']' a line on
    assert message.startswith(f"{path}, line {line}: ") and words in message
    assert "\n" not in message


def test_a_malformed_built_in_codebook_stops_the_run_before_anything_is_written(tmp_path, monkeypatch, capsys):
    path = tmp_path / "codebook.yaml"
    path.write_text(BROKEN["misspelt key"][0], encoding="utf-8")
    monkeypatch.setattr(codebook_files, "BUILT_IN", path)
    monkeypatch.setattr(codebook, "BUILT_IN", path)
    codebook.default_codebook.cache_clear()
    codebook_files.built_in_sha256.cache_clear()
    try:
        out = tmp_path / "out"
        assert main(["run", str(GOOD), "--out", str(out), "--workers", "1"]) == 2
    finally:
        codebook.default_codebook.cache_clear()
        codebook_files.built_in_sha256.cache_clear()
    err = capsys.readouterr().err
    assert err == f"pipeline run: {path}, line {line_of(BASE, 'type: int')}: fields[1] (year) > tpye: unknown key " \
                  "'tpye': did you mean 'type'?\n"
    assert not out.exists()  # not even the lock file


def test_a_duplicate_key_is_refused_in_every_file_read(tmp_path):
    countries = tmp_path / "countries.yaml"
    countries.write_text("countries: []\ncurrencies: {}\ncountries: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"countries.yaml, line 3: 'countries' is given twice"):
        load_countries(countries)
    assert parse_yaml("a: 1\nb: 2\n", tmp_path / "x.yaml").data == {"a": 1, "b": 2}


def test_a_country_entry_with_an_unknown_key_is_refused(tmp_path):
    data = yaml.safe_load((BUILT_IN.parent / "countries.yaml").read_text(encoding="utf-8"))
    data["countries"][0]["aliasses"] = data["countries"][0].pop("aliases", [])
    path = tmp_path / "countries.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="unknown key 'aliasses'"):
        load_countries(path)


@pytest.mark.parametrize("text,ok", [("Detained", True), ("{country}", True), ("18", True), ("\u200b", False),
                                     (" \u00a0\u2060", False), ("— .", False), ("", False)])
def test_a_wording_needs_a_letter_or_a_digit(text, ok):
    assert has_letters(text) is ok


# ---- a team's codebook folder ----------------------------------------------------------------------

VARIANTS = {  # name -> (variants.yaml, its line named, words of the message)
    "a field twice": ('detained:\n  en: ["People detained"]\nprison_population:\n  en: ["Convicted prisoners"]\n'
                      'detained:\n  en: ["Persons detained"]\n', 5, "'detained' is given twice in one mapping"),
    "an unknown field": ('detainees:\n  en: ["People detained"]\n', 1, "variants for unknown field 'detainees'"),
    "an unknown language": ('detained:\n  en: ["People detained"]\n  fr: ["Détenus"]\n', 3,
                            "has variants in 'fr', which is not a language of the codebook (en, ru)"),
    "another field's wording": ('criminal_cases_initiated:\n  en: ["Number of investigators"]\n', 2,
                                "'Number of investigators' is a wording of investigators_count already"),
    "only a zero-width space": ('detained:\n  en: ["\\u200b"]\n', 2, "has no letter or digit"),
}


@pytest.mark.parametrize("case", VARIANTS)
def test_a_malformed_variants_file_is_one_line_exit_2_and_nothing_written(tmp_path, case):
    text, line, words = VARIANTS[case]
    team = tmp_path / "codebook"
    team.mkdir()
    (team / "variants.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = cli("run", GOOD, "--out", out, "--codebook", team)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (said,) = proc.stderr.strip().splitlines()
    assert said.startswith(f"pipeline run: {team / 'variants.yaml'}, line {line}: ") and words in said
    assert not out.exists()


def test_a_codebook_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    proc = cli("run", GOOD, "--out", tmp_path / "out", "--codebook", tmp_path / "nowhere")
    assert proc.returncode == 2 and proc.stderr == f"pipeline run: codebook folder {tmp_path / 'nowhere'} does not exist\n"
    proc = cli("extract", GOOD, env_extra={CODEBOOK_ENV: str(tmp_path / "nowhere")})
    assert proc.returncode == 2 and proc.stdout == "" and "does not exist" in proc.stderr


@pytest.fixture(scope="module")
def reworded(tmp_path_factory):
    """A run over one reworded profile (fixtures-more), its patch suggested, with the package's files."""
    root = tmp_path_factory.mktemp("reworded")
    src = root / "in"
    src.mkdir()
    shutil.copy(FIXTURES_MORE / "kazakhstan_en_2024.docx.pdf", src)
    assert main(["run", str(src), "--out", str(root / "out"), "--workers", "1"]) == 0
    assert main(["codebook", "suggest", str(root / "out")]) == 0
    patch = yaml.safe_load((root / "out" / "codebook-patch.yaml").read_text(encoding="utf-8"))
    return root, src, patch


def test_suggest_accepts_by_default_only_matches_scoring_at_least_the_documented_level(reworded):
    _, _, patch = reworded
    level = load_codebook().matching.suggest_accept
    inferred = [e for e in patch["variants"] if e["evidence"][0]["method"] in ("fuzzy", "structural")]
    assert inferred and {e["accept"] for e in inferred} == {True, False}  # this profile has both kinds
    for e in inferred:
        assert e["accept"] is (max(x["score"] for x in e["evidence"]) >= level), e
    assert all(not e["accept"] for e in patch["variants"] if e["evidence"][0]["method"] == "guess")


def test_apply_writes_only_into_the_codebook_folder_and_run_reads_it(reworded, tmp_path):
    root, src, patch = reworded
    accepted = [e for e in patch["variants"] if e["accept"]]
    before = package_state()
    team = tmp_path / "team-codebook"  # created by apply
    assert main(["codebook", "apply", str(root / "out" / "codebook-patch.yaml"), "--codebook", str(team)]) == 0
    assert sorted(p.name for p in team.iterdir()) == ["variants.yaml"]
    written = yaml.safe_load((team / "variants.yaml").read_text(encoding="utf-8"))
    assert sum(len(labels) for by in written.values() for labels in by.values()) == len(accepted)
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--workers", "1", "--codebook", str(team)]) == 0
    assert package_state() == before  # nothing written inside the package
    report = json.loads(next((out / "json").glob("*.json")).read_text(encoding="utf-8"))
    # the patch writes the country's name as {country}, as the codebook does
    by_label = {v["label"].replace("Kazakhstan's", "{country}"): v for v in report["values"] if v["match"]}
    assert any("{country}" in e["label"] for e in accepted)
    for e in accepted:  # each accepted wording is now an exact variant match, with no match warning
        v = by_label[e["label"]]
        assert v["field"] == e["field"] and v["match"]["method"] == "variant"
        assert not {w["code"] for w in v["warnings"]} & {"weak_match", "structural_match"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    variants = (team / "variants.yaml").read_text(encoding="utf-8")
    assert manifest["codebook"] == {"folder": str(team), "variants_sha256": hashlib.sha256(variants.encode()).hexdigest()}
    assert manifest["codebook_sha256"] == CodebookFiles.at(team).sha256 != CodebookFiles().sha256
    # the same folder through the environment: nothing to convert again
    proc = cli("run", src, "--out", out, env_extra={CODEBOOK_ENV: str(team)})
    assert proc.returncode == 0 and "reused from cache: 1" in proc.stdout
    # extract reads the folder too, and suggest no longer proposes what it holds
    proc = cli("extract", next(src.glob("*.pdf")), "--codebook", team)
    assert proc.returncode == 0 and json.loads(proc.stdout)["values"] == report["values"]
    assert main(["codebook", "suggest", str(root / "out"), "--out", str(tmp_path / "again.yaml"),
                 "--codebook", str(team)]) == 0
    again = yaml.safe_load((tmp_path / "again.yaml").read_text(encoding="utf-8"))["variants"]
    assert not {(e["field"], e["label"]) for e in again} & {(e["field"], e["label"]) for e in accepted}
    assert len(again) == len(patch["variants"]) - len(accepted)
    # the built-in codebook alone: a different cache key, converted again, and the summary says why
    proc = cli("run", src, "--out", out)
    assert proc.returncode == 0 and "why converted: the codebook (folder " in proc.stdout


def test_apply_without_a_codebook_folder_says_how_to_name_one(reworded, tmp_path, monkeypatch):
    root, _, _ = reworded
    monkeypatch.delenv(CODEBOOK_ENV, raising=False)
    before = package_state()
    proc = cli("codebook", "apply", root / "out" / "codebook-patch.yaml", env_extra={CODEBOOK_ENV: ""})
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == ("pipeline codebook apply: name the codebook folder to add the variants to: --codebook DIR "
                           f"(or set {CODEBOOK_ENV}); it is read with `pipeline run --codebook DIR`\n")
    assert package_state() == before


PATCHES = {  # name -> (the entries' edits, words of the message)
    "accept as a string": ({"accept": "false"}, "accept: Input should be a valid boolean (got 'false')"),
    "a zero-width label": ({"label": "\u200b", "accept": True}, "needs a known field, a codebook language and a label "
                                                                "with letters"),
    "an unknown field": ({"field": "detainees", "accept": True}, "got field 'detainees'"),
}


@pytest.mark.parametrize("case", PATCHES)
def test_a_patch_entry_that_cannot_be_applied_changes_nothing(tmp_path, case):
    changes, words = PATCHES[case]
    entry = {"field": "detained", "language": "en", "label": "People taken into custody", "accept": True,
             "evidence": []}
    patch = tmp_path / "patch.yaml"
    patch.write_text(yaml.safe_dump({"variants": [dict(entry, label="Persons held"), {**entry, **changes}]},
                                    allow_unicode=True), encoding="utf-8")
    team = tmp_path / "team"
    proc = cli("codebook", "apply", patch, "--codebook", team)
    assert proc.returncode == 2 and proc.stdout == ""
    (said,) = proc.stderr.strip().splitlines()
    assert said.startswith(f"pipeline codebook apply: {patch}, line ") and words in said
    assert list(team.iterdir()) == []  # the folder is made, but nothing is written into it


def test_a_wording_another_field_has_is_refused_by_apply(tmp_path):
    patch = tmp_path / "patch.yaml"
    patch.write_text(yaml.safe_dump({"variants": [
        {"field": "criminal_cases_initiated", "language": "en", "label": "Number of investigators", "accept": True}]}),
        encoding="utf-8")
    proc = cli("codebook", "apply", patch, "--codebook", tmp_path / "team")
    assert proc.returncode == 2 and "is a wording of investigators_count already" in proc.stderr
    assert not (tmp_path / "team" / "variants.yaml").exists()


@pytest.fixture
def legacy(tmp_path, monkeypatch):
    """A variants.yaml where an older `codebook apply` wrote it, inside the package (here a stand-in)."""
    path = tmp_path / "package-data" / "variants.yaml"
    path.parent.mkdir()
    monkeypatch.setattr(codebook_files, "LEGACY_VARIANTS", path)
    codebook.default_codebook.cache_clear()
    codebook_files.built_in_sha256.cache_clear()
    yield path
    codebook.default_codebook.cache_clear()
    codebook_files.built_in_sha256.cache_clear()


def test_variants_left_inside_the_package_are_read_with_a_notice_to_move_them(legacy, tmp_path, capsys):
    before = CodebookFiles().sha256
    legacy.write_text('detained:\n  en: ["People detained"]\n', encoding="utf-8")
    codebook_files.built_in_sha256.cache_clear()
    assert "People detained" in CodebookFiles().load().spec("detained").labels["en"]
    assert CodebookFiles().sha256 != before  # part of the cache key
    out = tmp_path / "out"
    assert main(["run", str(GOOD), "--out", str(out), "--workers", "1"]) == 0
    assert (f"warning: {legacy}: label variants inside the installed package are read for now, but an upgrade "
            "replaces the package: move the file into your codebook folder") in capsys.readouterr().err
    legacy.write_text('detained:\n  en: ["People detained"]\ndetained:\n  en: ["Persons"]\n', encoding="utf-8")
    codebook.default_codebook.cache_clear()
    codebook_files.built_in_sha256.cache_clear()
    assert main(["run", str(GOOD), "--out", str(tmp_path / "out2"), "--workers", "1"]) == 2
    assert capsys.readouterr().err == (f"pipeline run: {legacy}, line 3: 'detained' is given twice in one mapping "
                                       "(first on line 1): the second would replace the first\n")
    assert not (tmp_path / "out2").exists()
