"""From extracted rows to a report: mapping decisions, missing fields, conflicts (no PDF needed)."""
from pipeline.core.models import Cell, ExtractedDoc, Fragment, Row
from pipeline.convert.process import build_report

SECTION = "Government body investigating allegations of torture and ill-treatment"


def cell(*lines, page=1, top=100.0):
    return Cell(fragments=[Fragment(text=t, page=page, bbox=(300.0, top + 12 * i, 400.0, top + 12 * i + 10))
                           for i, t in enumerate(lines)])


def doc(*rows):
    title = [Row(kind="title", key="country", label=Cell(), value=cell("Republic of Kazakhstan")),
             Row(kind="title", key="index_score", label=cell("Index on Torture —"), value=cell("--3.04")),
             Row(kind="title", key="year", label=cell("Facts and Assessments."), value=cell("2019"))]
    return ExtractedDoc(pages=1, template="2019", rows=title + list(rows), words_total=0)


def table(label, *value, top=100.0):
    return Row(kind="table", section=SECTION, label=cell(label, top=top), value=cell(*value, top=top))


def test_fields_not_printed_are_missing_and_every_row_is_kept():
    report = build_report(doc(table("Budget", "No data"), table("Number of persons convicted of torture", "4")),
                          "kazakhstan_en_2019.docx.pdf")
    statuses = {v.field: v.status for v in report.values if v.field}
    assert len(statuses) == 32
    assert statuses["investigative_body_budget"] == "no_data"
    assert statuses["prison_population"] == "missing"
    unmapped = [(v.label, v.text) for v in report.values if v.status == "unmapped"]
    assert unmapped == [("Number of persons convicted of torture", "4")]
    assert (report.country, report.iso3, report.year) == ("Kazakhstan", "KAZ", 2019)


def test_two_rows_claiming_one_field_keep_the_better_match_and_warn():
    report = build_report(doc(table("Budget (KZT)", "1 000 KZT"), table("Budget", "2 000 KZT", top=200)),
                          "kazakhstan_en_2019.docx.pdf")
    budget = report.field("investigative_body_budget")
    assert budget.label == "Budget" and budget.value == 2000
    loser = next(v for v in report.values if v.label == "Budget (KZT)")
    assert loser.status == "unmapped" and loser.text == "1 000 KZT"
    assert {w.code for w in budget.warnings} >= {"duplicate_field"}
    assert {w.code for w in loser.warnings} >= {"duplicate_field"}


def test_unknown_label_only_row_is_kept_with_a_warning():
    row = Row(kind="subheading", section=SECTION, label=cell("Other observations"), value=Cell())
    report = build_report(doc(row), "kazakhstan_en_2019.docx.pdf")
    kept = next(v for v in report.values if v.label == "Other observations")
    assert kept.status == "unmapped" and [w.code for w in kept.warnings] == ["label_without_value"]


def test_known_subheading_is_recorded_not_a_row():
    row = Row(kind="subheading", section="Ratification of relevant international treaties",
              label=cell("Relevant conventions"), value=Cell())
    report = build_report(doc(row), "kazakhstan_en_2019.docx.pdf")
    assert report.subheadings == ["Relevant conventions"]
    assert all(v.label != "Relevant conventions" for v in report.values)


def test_invalid_value_keeps_text_and_reason():
    report = build_report(doc(table("Number of investigators", "about a hundred")), "kazakhstan_en_2019.docx.pdf")
    v = report.field("investigators_count")
    assert (v.status, v.value, v.text) == ("invalid", None, "about a hundred")
    assert v.error.startswith("not_a_count")


def test_file_name_disagreeing_with_the_profile_warns():
    report = build_report(doc(), "armenia_en_2020.docx.pdf")
    assert [w.code for w in report.field("year").warnings] == ["year_differs_from_file_name"]
    assert [w.code for w in report.field("country").warnings] == ["country_differs_from_file_name"]


def test_pretrial_above_prison_population_warns():
    facts = [Row(kind="facts", label=cell("Prison population (convicted)"), value=cell("1 000")),
             Row(kind="facts", label=cell("In pre-trial detention (under investigation)"), value=cell("5 000"))]
    report = build_report(doc(*facts), "kazakhstan_en_2019.docx.pdf")
    assert [w.code for w in report.field("pretrial_detention").warnings] == ["pretrial_exceeds_prison"]
    assert report.field("pretrial_detention").status == "ok"


def test_out_of_range_value_is_invalid():
    facts = [Row(kind="facts", label=cell("Population"), value=cell("0 million"))]
    report = build_report(doc(*facts), "kazakhstan_en_2019.docx.pdf")
    v = report.field("population_million")
    assert v.status == "invalid" and v.error.startswith("out_of_range")


def test_a_row_split_by_a_page_break_with_a_capitalised_label_tail_is_rejoined():
    section = "Ratification of relevant international treaties"
    head = Row(kind="table", section=section, label=cell("Optional Protocol to the UN Convention against", top=740),
               value=cell("No.", top=740))
    tail = Row(kind="table", section=section, after_page_break=True,
               label=cell("Torture and Other Cruel, Inhuman or Degrading", "Treatment or Punishment (2002)", page=2, top=46),
               value=cell("Signed in 2016 but not ratified", page=2, top=46))
    report = build_report(doc(head, tail), "kyrgyzstan_en_2019.docx.pdf")
    v = report.field("opcat_ratified")
    assert v.text == "No. Signed in 2016 but not ratified" and v.answer == "no"
    assert v.rules[0] == "row_rejoined_across_page_break"
    assert [f.page for f in v.fragments] == [1, 2]
    assert not [x for x in report.values if x.status == "unmapped"]


def test_a_new_row_at_the_top_of_a_page_is_not_joined_to_the_last_one():
    head = table("Budget", "No data", top=740)
    nxt = Row(kind="table", section=SECTION, after_page_break=True, label=cell("Number of criminal cases initiated", page=2),
              value=cell("86", page=2))
    report = build_report(doc(head, nxt), "kazakhstan_en_2019.docx.pdf")
    assert report.field("investigative_body_budget").status == "no_data"
    assert report.field("criminal_cases_initiated").value == 86


def split_coverage_and_budget(coverage: str, budget_label_top: float, *budget_lines: str, source: str):
    """The coverage row at a page's foot, and atop page 2 the budget row whose value lines start at 95 pt,
    one per 12 pt, beside a "Budget" label set at `budget_label_top`."""
    coverage_row = table("Geographic coverage", coverage, top=740)
    budget = Row(kind="table", section=SECTION, after_page_break=True,
                 label=lines_at(150, 214, budget_label_top, "Budget", page=2),
                 value=lines_at(252, 400, 95, *budget_lines, page=2, pitch=12))
    report = build_report(doc(coverage_row, budget), source)
    return report.field("investigative_body_coverage"), report.field("investigative_body_budget")


def test_value_lines_above_the_first_label_overleaf_that_its_field_cannot_hold_go_back_to_the_row_split():
    # the coverage row breaks across the page; atop the next page its value goes on with a capitalised
    # line, read with the budget row below it: "Offices ..." stands above the budget label's line
    cov, bud = split_coverage_and_budget("Low.", 107, "Offices only in the capital and 6 regional centres",
                                         "3 341 081 somoni", source="tajikistan_en_2019.docx.pdf")
    assert cov.text == "Low. Offices only in the capital and 6 regional centres" and [f.page for f in cov.fragments] == [1, 2]
    assert (bud.status, bud.value, bud.unit) == ("ok", 3341081, "TJS")
    assert "row_rejoined_across_page_break" in cov.rules and "row_rejoined_across_page_break" in bud.rules


def test_value_lines_beside_the_label_overleaf_stay_with_it():
    # the same lines, the first beside the budget label's line: the row's own value, whatever it says
    cov, bud = split_coverage_and_budget("Low.", 95, "Offices only in the capital and 6 regional centres",
                                         "3 341 081 somoni", source="tajikistan_en_2019.docx.pdf")
    assert cov.text == "Low."
    assert bud.text.startswith("Offices only")


def test_value_lines_overleaf_above_a_no_data_value_go_back_to_the_row_split():
    # "No data" alone reads as the budget's (no data), and the whole cannot: the line above goes back
    cov, bud = split_coverage_and_budget("High.", 107, "Established in all territorial units", "No data",
                                         source="kazakhstan_en_2019.docx.pdf")
    assert cov.text == "High. Established in all territorial units"
    assert bud.status == "no_data"


def test_value_lines_overleaf_with_a_figure_above_a_no_data_value_go_back_to_the_row_split():
    # "16 regions No data" is read by no budget's parser (it has a figure, so it is no plain "cannot"): the
    # line above "No data" goes back all the same
    cov, bud = split_coverage_and_budget("Medium. Regional divisions in 3 of", 107, "16 regions", "No data",
                                         source="kazakhstan_en_2019.docx.pdf")
    assert cov.text == "Medium. Regional divisions in 3 of 16 regions"
    assert bud.status == "no_data"
    # beside the label, the same lines stay the row's own
    cov, bud = split_coverage_and_budget("Medium. Regional divisions in 3 of", 95, "16 regions", "No data",
                                         source="kazakhstan_en_2019.docx.pdf")
    assert cov.text == "Medium. Regional divisions in 3 of" and bud.status != "no_data"


GUARANTEES = "Procedural guarantees (norms)"


def lines_at(x0, x1, top, *texts, page=1, pitch=10.6):
    """A cell of `texts` set at `x0`..`x1` from `top`, one line per `pitch` points (9.5 pt high)."""
    return Cell(fragments=[Fragment(text=t, page=page, bbox=(x0, top + pitch * i, x1, top + pitch * i + 9.5))
                           for i, t in enumerate(texts)])


def test_a_value_at_the_foot_of_a_page_joins_its_label_at_the_top_of_the_next():
    # WeasyPrint sets the row's value on page 1 and carries its two-line label over to page 2: the value
    # stands below the last line of the row before's label, a row's gap under that row's own value
    before = Row(kind="table", section=GUARANTEES,
                 label=lines_at(106, 214, 746.4, "Documenting the actual", "detention start time"),
                 value=Cell(fragments=lines_at(217, 435, 746.4, "Yes. In practice").fragments
                            + lines_at(217, 376, 769.6, "Partially. Within 3 hours").fragments))
    label = Row(kind="subheading", section=GUARANTEES, after_page_break=True, value=Cell(),
                label=lines_at(69, 214, 42.3, "Lawyer notification at the actual", "detention start time", page=2))
    report = build_report(doc(before, label), "armenia_en_2019.docx.pdf")
    assert report.field("detention_time_recorded").text == "Yes. In practice"
    lawyer = report.field("lawyer_notification")
    assert lawyer.text == "Partially. Within 3 hours" and lawyer.status == "ok"
    assert lawyer.rules[0] == "row_rejoined_across_page_break" and [f.page for f in lawyer.fragments] == [1]


def test_a_value_with_no_label_at_a_page_foot_joins_the_label_after_the_break():
    # a table's head at the foot of a page: its header row, then a row's value whose centred label
    # went overleaf; the value stands beside no label at all
    before = Row(kind="table", section="Preventive mechanisms", label=Cell(),
                 value=lines_at(236, 524, 775.1, "The NPM operates countrywide under the Ombudsman Plus system"))
    label = Row(kind="subheading", section="Preventive mechanisms", after_page_break=True, value=Cell(),
                label=lines_at(64, 186, 67.4, "Independent external review", "mechanism", page=2))
    report = build_report(doc(before, label), "kyrgyzstan_en_2019.docx.pdf")
    v = report.field("external_review_mechanism")
    assert (v.status, v.text) == ("ok", "The NPM operates countrywide under the Ombudsman Plus system")
    assert v.rules[0] == "row_rejoined_across_page_break" and [f.page for f in v.fragments] == [1]
    assert not [x for x in report.values if x.status == "unmapped"]


def test_a_value_read_as_a_label_only_row_at_a_page_foot_joins_the_label_after_the_break():
    # the value alone at the page's foot was read as a row of its own, but it stands in the value column
    istanbul = Row(kind="table", section="Ratification of relevant international treaties",
                   label=lines_at(120, 214, 740, "Istanbul Protocol"), value=lines_at(217, 240, 740, "No"))
    foot = Row(kind="subheading", section=GUARANTEES, label=lines_at(217, 494, 767.6, "Yes. Entered in the log"),
               value=Cell())
    label = Row(kind="subheading", section=GUARANTEES, after_page_break=True, value=Cell(),
                label=lines_at(106, 214, 40.3, "Documenting the actual", "detention start time", page=2))
    report = build_report(doc(istanbul, foot, label), "armenia_en_2019.docx.pdf")
    v = report.field("detention_time_recorded")
    assert v.text == "Yes. Entered in the log" and v.status == "ok" and [f.page for f in v.fragments] == [1]
    assert not [x for x in report.values if x.status == "unmapped"]


def test_a_value_wholly_under_the_last_label_of_a_page_is_the_value_of_the_label_after_the_break():
    # the value stands a row's pitch under "Relevant conventions", beside none of its lines: it is the value
    # of the row whose label WeasyPrint carried to the next page
    section = "Ratification of relevant international treaties"
    conventions = Row(kind="table", section=section, label=lines_at(65, 156, 752.5, "Relevant conventions"),
                      value=lines_at(277, 358, 767.5, "Yes, ratified in 2006"))
    opcat = Row(kind="subheading", section=section, after_page_break=True, value=Cell(), label=lines_at(
        65, 259, 73.5, "Optional Protocol to the UN Convention against", "Torture and Other Cruel, Inhuman or Degrading",
        "Treatment or Punishment (2002)", page=2, pitch=12.5))
    report = build_report(doc(conventions, opcat), "armenia_en_2019.docx.pdf")
    v = report.field("opcat_ratified")
    assert v.text == "Yes, ratified in 2006" and v.answer == "yes" and [f.page for f in v.fragments] == [1]


def test_a_wrapped_value_under_a_short_label_stays_with_it_when_a_label_only_row_follows_the_break():
    # the value's second line stands below its one-line label but at the cell's own leading: it is the
    # same value, and the row after the break has no value of its own
    before = Row(kind="table", section=GUARANTEES, label=lines_at(150, 214, 746.4, "Medical examination"),
                 value=lines_at(217, 435, 746.4, "Yes. Upon admission to", "a temporary facility"))
    label = Row(kind="subheading", section=GUARANTEES, after_page_break=True, value=Cell(),
                label=lines_at(106, 214, 42.3, "Family notification", page=2))
    report = build_report(doc(before, label), "armenia_en_2019.docx.pdf")
    assert report.field("medical_examination").text == "Yes. Upon admission to a temporary facility"
    assert report.field("family_notification").status != "ok"


def test_a_section_title_set_as_a_table_row_starts_that_section():
    title_row = Row(kind="subheading", section=SECTION, label=cell("Procedural guarantees (norms)", top=300), value=Cell())
    after = Row(kind="table", section=SECTION, label=cell("Medical examination", top=320), value=cell("Yes.", top=320))
    report = build_report(doc(table("Budget", "No data"), title_row, after), "kazakhstan_en_2019.docx.pdf")
    assert report.field("medical_examination").section == "Procedural guarantees (norms)"
    assert report.field("investigative_body_budget").section == SECTION
    assert all(v.label != "Procedural guarantees (norms)" for v in report.values)
    assert report.coverage.by_part["section_titles"] == 3
