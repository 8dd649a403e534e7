"""panel.csv: the editions of one country and year checked against each other (no PDF needed)."""
from pipeline.core.codebook import default_codebook
from pipeline.core.models import FieldValue, Report
from pipeline.outdir.panel import PanelBuilder


def report(source, language, **values):
    rows = [FieldValue(field="country", status="ok", value="Kazakhstan", page=1),
            FieldValue(field="year", status="ok", value=2019, page=1)]
    for fid, v in values.items():
        status, value, unit, answer, text = v
        rows.append(FieldValue(field=fid, status=status, value=value, unit=unit, answer=answer, text=text, page=2))
    return Report(source=source, country="Kazakhstan", iso3="KAZ", year=2019, template="2019", language=language,
                  values=rows)


def build(*reports):
    panel = PanelBuilder(default_codebook())
    for r in reports:
        panel.add(r)
    return panel.build()


def test_editions_that_agree_give_one_row_with_the_english_texts():
    en = report("kaz_en.pdf", "en", prison_population=("ok", 23635, None, None, "23 635"),
                torture_prohibited=("ok", "Yes, in Article 146", None, "yes", "Yes, in Article 146"))
    ru = report("kaz_ru.pdf", "ru", prison_population=("ok", 23635, None, None, "23 635"),
                torture_prohibited=("ok", "Да, в статье 146", None, "yes", "Да, в статье 146"))
    rows, events = build(ru, en)
    assert len(rows) == 1 and events == []
    row = rows[0]
    assert (row["source"], row["sources"], row["languages"], row["conflicts"]) == \
        ("kaz_en.pdf", "kaz_en.pdf; kaz_ru.pdf", "en; ru", "")
    assert (row["prison_population"], row["torture_prohibited"], row["torture_prohibited_answer"]) == \
        ("23635", "Yes, in Article 146", "yes")


def test_a_number_the_editions_disagree_on_is_left_empty_and_named():
    en = report("kaz_en.pdf", "en", prison_population=("ok", 23635, None, None, "23 635"),
                law_enforcement_budget=("ok", 417611910, "KZT", None, "417 611 910 KZT"))
    ru = report("kaz_ru.pdf", "ru", prison_population=("ok", 23653, None, None, "23 653"),
                law_enforcement_budget=("ok", 417611910, "RUB", None, "417 611 910 руб."))
    rows, events = build(en, ru)
    assert rows[0]["conflicts"] == "prison_population law_enforcement_budget"
    assert rows[0]["prison_population"] == "" and rows[0]["law_enforcement_budget_currency"] == ""
    assert [e["code"] for e in events] == ["edition_mismatch", "edition_mismatch"]
    assert "kaz_en.pdf (page 2) says 23635" in events[0]["message"]
    assert "kaz_ru.pdf (page 2) says 23653" in events[0]["message"]


def test_verdicts_are_compared_and_no_data_disagrees_with_a_number():
    en = report("a.pdf", "en", opcat_ratified=("ok", "Yes", None, "yes", "Yes"), detained=("no_data", None, None, None, "No data"))
    ru = report("b.pdf", "ru", opcat_ratified=("ok", "Нет", None, "no", "Нет"), detained=("ok", 9666, None, None, "9 666"))
    rows, events = build(en, ru)
    assert rows[0]["conflicts"] == "detained opcat_ratified"
    assert {e["field"] for e in events} == {"opcat_ratified", "detained"}


def test_a_value_only_one_edition_prints_is_taken_from_it():
    en = report("a.pdf", "en")
    ru = report("b.pdf", "ru", detained=("ok", 9666, None, None, "9 666"))
    rows, events = build(en, ru)
    assert rows[0]["detained"] == "9666" and rows[0]["conflicts"] == "" and events == []


def test_reports_without_country_or_year_stay_rows_of_their_own():
    a = Report(source="x.pdf", values=[])
    b = Report(source="y.pdf", values=[])
    rows, _ = build(a, b)
    assert [r["sources"] for r in rows] == ["x.pdf", "y.pdf"]


def test_each_field_has_its_status_and_a_conflict_says_so():
    en = report("a.pdf", "en", prison_population=("ok", 23635, None, None, "23 635"),
                detained=("no_data", None, None, None, "No data"), pretrial_detention=("missing", None, None, None, ""),
                opcat_ratified=("ok", "Yes", None, "yes", "Yes"))
    ru = report("b.pdf", "ru", prison_population=("ok", 23653, None, None, "23 653"),
                detained=("no_data", None, None, None, "Нет данных"),
                pretrial_detention=("ok", 4800, None, None, "4 800"), opcat_ratified=("ok", "Да", None, "yes", "Да"))
    rows, _ = build(en, ru)
    row = rows[0]
    assert (row["prison_population"], row["prison_population_status"]) == ("", "conflict")
    assert (row["detained"], row["detained_status"]) == ("", "no_data")
    # missing in the English edition, read in the Russian one: the value and its status come from it
    assert (row["pretrial_detention"], row["pretrial_detention_status"]) == ("4800", "ok")
    assert (row["opcat_ratified_answer"], row["opcat_ratified_status"]) == ("yes", "ok")
    assert row.get("index_score_status", "") == ""  # neither edition has the row at all: an empty cell


def test_the_profile_row_tells_no_data_missing_and_invalid_apart():
    from pipeline.outdir.names import profile_columns
    from pipeline.outdir.rows import profile_row

    r = report("a.pdf", "en", prison_population=("ok", 23635, None, None, "23 635"),
               detained=("no_data", None, None, None, "No data"), pretrial_detention=("missing", None, None, None, ""),
               law_enforcement_budget=("invalid", None, None, None, "lots of money"))
    row = profile_row(r, profile_columns(default_codebook()))
    assert [(row[f], row[f + "_status"]) for f in ["prison_population", "detained", "pretrial_detention",
                                                    "law_enforcement_budget"]] == \
        [("23635", "ok"), ("", "no_data"), ("", "missing"), ("", "invalid")]
    assert row["law_enforcement_budget_currency"] == ""
