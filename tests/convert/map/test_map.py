"""Label matching through the codebook: exact, reworded, country names, new indicators, conflicts."""
import pytest
import yaml

from pipeline.core import DATA

from pipeline.core.codebook import CodebookError, default_codebook, default_countries, load_codebook
from pipeline.convert.lexicon import Lexicon, default_lexicon
from pipeline.convert.map.labels import country_placeholder, match_label, section_id

CB = default_codebook()
LEX = default_lexicon()
TABLE = LEX.table_fields
FACTS = LEX.facts_fields


def match(label, fields=TABLE, section=None):
    return match_label(label, section, fields, LEX)


@pytest.mark.parametrize("label,field", [
    ("Judgments of Kazakhstan's courts", "judgments_domestic"),
    ("Judgments of Kyrgyzstan's courts", "judgments_domestic"),
    ("Judgments of the Russian Federation's courts", "judgments_domestic"),
    ("JUDGMENTS  EXCLUDING evidence obtained under torture:", "judgments_excluding_evidence"),
    ("Access to, and safekeeping of video evidence", "video_evidence_access"),
    ("Access to and safe-keeping of video evidence", "video_evidence_access"),
    ("Investigating body\u2019s jurisdiction", "investigative_body_jurisdiction"),
    ("Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or Degrading "
     "Treatment or Punishment (2002)", "opcat_ratified"),
])
def test_labels_match(label, field):
    m, _ = match(label)
    assert m is not None and m.field == field


def test_small_rewording_matches_with_a_weak_match_warning():
    m, issues = match("Number of the criminal cases initiated in the year")
    assert m.field == "criminal_cases_initiated" and m.method == "fuzzy"
    assert [i.code for i in issues] == ["weak_match"]


@pytest.mark.parametrize("label", ["Number of persons convicted of torture", "Promptness of investigations",
                                   "Involvement of victims in investigations", "Relevant conventions"])
def test_new_indicators_stay_unmapped(label):
    assert match(label)[0] is None


def test_facts_labels():
    assert match("Prison population (convicted)", FACTS)[0].field == "prison_population"
    assert match("Law enforcement budget", FACTS)[0].field == "law_enforcement_budget"


def test_country_placeholder():
    assert country_placeholder("Judgments of Armenia's courts", LEX) == "judgments of {country} courts"


def test_section_titles():
    assert section_id("Procedural guarantees (norms)", LEX) == "guarantees"
    assert section_id("Effectiveness of torture investigations (expert assessment)", LEX) == "expert_assessment"
    assert section_id("Something else entirely", LEX) is None


def test_ambiguous_label_is_reported_and_section_breaks_the_tie(tmp_path):
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    for f in data["fields"]:
        if f["id"] == "investigators_count":
            f["labels"]["en"].append("Budgets")  # now two fields claim nearly the same wording
    path = tmp_path / "cb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lex = Lexicon(load_codebook(path), default_countries())
    m, issues = match_label("Budget", "investigation", lex.table_fields, lex)
    assert "ambiguous_label" in [i.code for i in issues]


def test_malformed_codebook_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\nfields: [{id: x, type: nonsense}]\n")
    with pytest.raises(CodebookError) as e:
        load_codebook(path)
    assert "broken.yaml" in str(e.value)


def test_codebook_unknown_section_rejected(tmp_path):
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    data["fields"][5]["section"] = "nowhere"
    path = tmp_path / "cb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="unknown section"):
        load_codebook(path)


def test_codebook_covers_the_public_contract():
    assert len(CB.field_ids) == 32 and len(set(CB.field_ids)) == 32


def test_footnote_mark_after_a_label_is_ignored_for_matching():
    assert match("Budget 1", section="investigation")[0].field == "investigative_body_budget"


def test_a_suffix_on_a_short_label_matches_within_its_section_only():
    m, issues = match("Budget (KZT)", section="investigation")
    assert m.field == "investigative_body_budget" and [i.code for i in issues] == ["weak_match"]
    assert match("Budget of the national preventive mechanism", section="prevention")[0] is None


@pytest.mark.parametrize("label,section,field", [
    ("Workload of investigators", "investigation", "investigator_workload"),
    ("There is a body authorised to investigate torture", "investigation", "investigative_body_exists"),
    ("Number of torture and ill-treatment complaints", "investigation", "torture_complaints"),
    ("Definition of torture as prescribed by international treaties", "criminalization", "definition_matches_treaties"),
])
def test_reordered_and_respelled_labels(label, section, field):
    assert match(label, section=section)[0].field == field


def test_closest_containing_variant_wins():
    """"Prison population" is one thesaurus group, so "Population" (another group) does not compete."""
    m, issues = match("Prison population, total", FACTS)
    assert m.field == "prison_population" and [i.code for i in issues] == ["weak_match"]


def test_each_lexicon_ranks_labels_against_its_own_codebook(tmp_path):
    """Scores are remembered on the lexicon: a lexicon from a codebook with other wording answers alone."""
    first, _ = match_label("Ombudsperson annual report", None, TABLE, LEX)
    assert first is None  # nothing like it in the shipped codebook
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    for f in data["fields"]:
        if f["id"] == "investigators_count":
            f["labels"]["en"].append("Ombudsperson annual report")
    path = tmp_path / "cb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lex = Lexicon(load_codebook(path), default_countries())
    m, _ = match_label("Ombudsperson annual report", None, lex.table_fields, lex)
    assert m is not None and (m.field, m.score, m.method) == ("investigators_count", 1.0, "variant")
    assert match_label("Ombudsperson annual report", None, TABLE, LEX)[0] is None


# --- matching by meaning and by place ---------------------------------------------------------------

from pipeline.convert.map.map import map_rows
from pipeline.core.models import Cell, Fragment, Row

INVESTIGATION = "Government body investigating allegations of torture and ill-treatment"


def _cell(text, top):
    return Cell(fragments=[Fragment(text=text, page=1, bbox=(300.0, top, 400.0, top + 10))] if text else [])


def section(title, pairs):
    return [Row(kind="table", section=title, label=_cell(label, 100 + 20 * i), value=_cell(value, 100 + 20 * i))
            for i, (label, value) in enumerate(pairs)]


def mapped(rows, language="en"):
    return {r.label: r for r in map_rows(rows, LEX, language).rows}


def test_a_reworded_label_between_two_placed_rows_takes_the_field_the_order_expects():
    got = mapped(section(INVESTIGATION, [
        ("Investigating body's jurisdiction", "Not only torture cases"),
        ("Freedom from outside pressure", "Low. The body depends on the police"),
        ("Geographic coverage", "High. In all regions")]))
    row = got["Freedom from outside pressure"]
    assert row.field == "investigative_body_independence" and row.match.method == "structural"
    assert [w.code for w in row.warnings] == ["structural_match"]


def test_a_value_of_the_wrong_type_is_never_placed_by_order():
    got = mapped(section(INVESTIGATION, [
        ("There is a body authorized to investigate torture", "Yes."),
        ("Staff of the unit", "Yes. Specialised investigators"),  # a verdict, where a count is expected
        ("Investigator workload", "No data")]))
    assert got["Staff of the unit"].field == ""


def test_a_new_indicator_beside_a_reworded_row_stays_unmapped():
    got = mapped(section(INVESTIGATION, [
        ("Number of criminal cases initiated", "86"),
        ("Number of persons convicted of torture", "4"),
        ("Torture and abuse complaints lodged", "12 573")]))
    assert got["Torture and abuse complaints lodged"].field == "torture_complaints"
    assert got["Number of persons convicted of torture"].field == ""


def test_a_lone_new_indicator_is_not_forced_onto_a_field_the_report_lacks():
    got = mapped(section(INVESTIGATION, [("Budget", "No data"), ("Number of persons convicted of torture", "4")]))
    assert got["Number of persons convicted of torture"].field == ""


def test_a_paraphrase_with_the_whole_meaning_matches_without_a_warning():
    got = mapped(section("Procedural guarantees (norms)", [
        ("Documenting the actual detention start time", "Yes."),
        ("Lawyer notification at the actual detention start time", "Yes."),
        ("Relatives told of the arrest", "No. Left to the investigator"),
        ("Medical examination", "Yes.")]))
    row = got["Relatives told of the arrest"]
    assert row.field == "family_notification" and row.match.method == "fuzzy" and row.warnings == []


def test_a_reworded_section_title_is_recognised_by_its_rows():
    got = mapped(section("Safeguards in custody", [
        ("Documenting the actual detention start time", "Yes."),
        ("Defence counsel alerted upon arrest", "Partially."),
        ("Family notification", "Yes."),
        ("Medical examination", "Yes.")]))
    assert got["Defence counsel alerted upon arrest"].field == "lawyer_notification"
    assert got["Family notification"].field == "family_notification"


def test_a_row_can_only_be_a_field_of_its_own_section():
    got = mapped(section("Preventive mechanisms", [("Budget", "1 000 KZT"), ("Video surveillance", "Yes.")]))
    assert got["Budget"].field == "" and got["Video surveillance"].field == "video_surveillance"


def test_the_facts_box_pairs_reworded_labels_by_meaning_and_type():
    rows = [Row(kind="facts", label=_cell(label, 100 + 20 * i), value=_cell(value, 100 + 20 * i))
            for i, (label, value) in enumerate([
                ("Number of inhabitants", "18.28 million"), ("Sentenced prisoners", "23 635"),
                ("Persons on remand", "5 288"), ("Police and prosecution spending", "417 611 910 KZT"),
                ("People taken into custody", "no published data")])]
    got = {r.label: r.field for r in map_rows(rows, LEX, "en").rows}
    assert got == {"Number of inhabitants": "population_million", "Sentenced prisoners": "prison_population",
                   "Persons on remand": "pretrial_detention",
                   "Police and prosecution spending": "law_enforcement_budget",
                   "People taken into custody": "detained"}


def test_russian_labels_match_in_their_grammatical_forms():
    got = mapped(section("Государственный орган, расследующий заявления о пытках и жестоком обращении", [
        ("Число следователей", "Нет данных"),
        ("Число жалоб на пытки и другие виды жестокого обращения", "16 876")]), language="ru")
    assert got["Число следователей"].field == "investigators_count"
    assert got["Число жалоб на пытки и другие виды жестокого обращения"].field == "torture_complaints"


def test_thesaurus_words_in_two_groups_of_one_language_are_refused(tmp_path):
    data = yaml.safe_load((DATA / "codebook.yaml").read_text(encoding="utf-8"))
    data["thesaurus"]["en"].append(["relatives", "neighbours"])  # "relatives" is in the family group
    path = tmp_path / "cb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CodebookError, match="relatives"):
        Lexicon(load_codebook(path), default_countries())


def test_an_indicator_only_the_2020_methodology_prints_stays_unmapped_and_marks_the_methodology():
    rows = section(INVESTIGATION, [("Number of criminal cases initiated", "86"),
                                   ("Number of persons convicted of torture", "4")])
    got = {r.label: r for r in map_rows(rows, LEX, "en").rows}
    row = got["Number of persons convicted of torture"]
    assert row.field == "" and row.rules[-1] == "indicator_of_methodology:2020"


def test_the_c_stemmer_gives_the_pure_python_stems():
    """snowballstemmer hands over to PyStemmer (C) when it is installed: same stems on every codebook word."""
    import regex
    import snowballstemmer
    from snowballstemmer import english_stemmer, russian_stemmer

    words = {w.casefold() for w in regex.findall(r"\p{L}+", (DATA / "codebook.yaml").read_text(encoding="utf-8"))}
    pure = {"english": english_stemmer.EnglishStemmer(), "russian": russian_stemmer.RussianStemmer()}
    for name, stemmer in pure.items():
        fast = snowballstemmer.stemmer(name)
        script = r"\p{Latin}" if name == "english" else r"\p{Cyrillic}"
        mine = [w for w in words if regex.search(script, w)]
        assert len(mine) > 200
        assert [fast.stemWord(w) for w in mine] == [stemmer.stemWord(w) for w in mine]
