"""Rows set with no spacing in a table whose cells are centred vertically, their labels none of the
codebook's: parted where each row's label and value lines share a middle
(pipeline/convert/extract/centred_rows.py)."""
from pipeline.convert.extract.centred_rows import part_centred

from .test_label_rows import line, texts  # a line on the n-th line step of a table set with no spacing

WIDTH = 200.0  # the label column's width: six of line()'s words do not fit on a line with a seventh


def test_rows_part_where_label_and_value_share_a_middle():
    labels = [line(0, "Number of complaints of torture"), line(1, "and ill-treatment"),
              line(2.5, "Wording of our own"), line(4, "Budget")]
    values = [line(0.5, "7 747", 300), line(2, "Crimes committed by", 300), line(3, "officials", 300),
              line(4, "267 081 460 MDL", 300)]
    assert texts(part_centred(labels, values, 1.0, WIDTH)) == [
        (["Number of complaints of torture", "and ill-treatment"], ["7 747"]),
        (["Wording of our own"], ["Crimes committed by", "officials"]),  # centred half a step off the label's
        (["Budget"], ["267 081 460 MDL"])]


def test_a_line_that_opens_in_lower_case_starts_no_row():
    labels = [line(0, "There is a body"), line(1, "authorized to investigate")]
    values = [line(0, "No. Such investigations", 300), line(1, "are carried out elsewhere", 300)]
    assert part_centred(labels, values, 1.0, WIDTH) is None  # one row: left whole


def test_no_cut_inside_a_known_label():
    """The next lines open with capitals and each pair shares a middle, but the label's words go on
    as a known label's do."""
    labels = [line(0, "Optional Protocol to the UN Convention"), line(1, "Against Torture"), line(2, "Istanbul Protocol")]
    values = [line(0, "Yes, ratified in", 300), line(1, "2006", 300), line(2, "No", 300)]
    inside = lambda above, ln: (above.words[-1].text, ln.words[0].text) == ("Convention", "Against")  # noqa: E731
    got = part_centred(labels, values, 1.0, WIDTH, continues=inside)
    assert texts(got) == [(["Optional Protocol to the UN Convention", "Against Torture"], ["Yes, ratified in", "2006"]),
                          (["Istanbul Protocol"], ["No"])]
    assert len(part_centred(labels, values, 1.0, WIDTH)) == 3  # geometry alone reads three rows


def test_one_line_rows_whose_lines_are_full_are_rows_all_the_same():
    """An auto-sized table: the widest label and value lines are full by definition."""
    labels = [line(0, "Promptness of our own investigations six"), line(1, "Involvement of victims")]
    values = [line(0, "Low. Preliminary checks take up to", 300), line(1, "Low. Victims", 300)]
    assert texts(part_centred(labels, values, 1.0, WIDTH)) == [
        (["Promptness of our own investigations six"], ["Low. Preliminary checks take up to"]),
        (["Involvement of victims"], ["Low. Victims"])]


def test_a_full_label_line_beside_a_value_that_ends_still_ends_its_row():
    labels = [line(0, "Number of criminal cases initiated by"), line(1, "Number of persons convicted"), line(2, "of torture")]
    values = [line(0, "269", 300), line(1.5, "4", 300)]
    assert texts(part_centred(labels, values, 1.0, WIDTH)) == [
        (["Number of criminal cases initiated by"], ["269"]), (["Number of persons convicted", "of torture"], ["4"])]


def test_a_whole_known_value_in_lower_case_opens_its_row():
    """A wrapped label beside "нет данных" centred between its lines, after a one-line row: the value
    opens in lower case, as the codebook's "no data" forms may."""
    labels = [line(0, "Число возбуждённых уголовных дел"), line(1, "Число жалоб на пытки и другие виды"),
              line(2, "жестокого обращения")]
    values = [line(0, "70", 300), line(1.5, "нет данных", 300)]
    no_data = lambda ln: ln.text == "нет данных" or ln.text[:1].isupper() or ln.text[:1].isdigit()  # noqa: E731
    assert part_centred(labels, values, 1.0, WIDTH) is None  # by capitals alone: one row
    assert texts(part_centred(labels, values, 1.0, WIDTH, value_opens=no_data)) == [
        (["Число возбуждённых уголовных дел"], ["70"]),
        (["Число жалоб на пытки и другие виды", "жестокого обращения"], ["нет данных"])]


def test_values_centred_on_no_label_leave_the_band_whole():
    labels = [line(0, "Wording of our own"), line(1, "Another wording")]
    values = [line(0.3, "Yes", 300), line(1.7, "No", 300)]
    assert part_centred(labels, values, 1.0, WIDTH) is None


def test_a_sub_heading_takes_no_value():
    labels = [line(0, "Relevant conventions"), line(1, "Our own wording")]
    values = [line(1, "No", 300)]
    heading = lambda lines: [ln.text for ln in lines] == ["Relevant conventions"]  # noqa: E731
    assert texts(part_centred(labels, values, 1.0, WIDTH, heading)) == [
        (["Relevant conventions"], []), (["Our own wording"], ["No"])]
    assert part_centred(labels, values, 1.0, WIDTH) is None  # no heading: a label with no value fits nothing


def test_cells_set_at_the_bottom_share_their_last_baseline():
    labels = [line(0, "Number of complaints of torture"), line(1, "and ill-treatment"), line(2, "Wording of our own")]
    values = [line(1, "7 747", 300), line(2, "Crimes committed", 300)]
    assert texts(part_centred(labels, values, 1.0, WIDTH)) == [
        (["Number of complaints of torture", "and ill-treatment"], ["7 747"]), (["Wording of our own"], ["Crimes committed"])]


def test_atop_a_continued_table_the_rest_of_a_split_row_comes_first():
    # the page break split "Institutional independence of the investigating body": its label's last two
    # lines and its value's last line go on from the top of the page, aligned with nothing; the rows
    # below are centred
    labels = [line(0, "independence of the"), line(1, "investigating body"), line(2, "Geographic coverage"),
              line(3, "Number of criminal cases"), line(4, "initiated"), line(5, "Wording of our own")]
    values = [line(0, "return there after 8 years", 300), line(2, "High. Established in all units", 300),
              line(3.5, "269", 300), line(5, "4", 300)]
    assert part_centred(labels, values, 1.0, WIDTH) is None  # a band that opens in lower case: left whole
    assert texts(part_centred(labels, values, 1.0, WIDTH, overleaf=True)) == [
        (["independence of the", "investigating body"], ["return there after 8 years"]),
        (["Geographic coverage"], ["High. Established in all units"]),
        (["Number of criminal cases", "initiated"], ["269"]),
        (["Wording of our own"], ["4"])]


def test_atop_a_continued_table_the_rest_of_a_split_row_is_not_cut_inside_a_known_label():
    # the rest of "Optional Protocol ... Degrading Treatment or Punishment (2002)" overleaf, its value's
    # last lines at the bottom beside it: "Punishment (2002)" opens with a capital and shares a last
    # baseline with the value, but the label's words go on across the line break
    labels = [line(0, "and Other Cruel, Inhuman or Degrading Treatment or"), line(1, "Punishment (2002)")]
    values = [line(0, "Signed in 2013 but not", 300), line(1, "ratified", 300)]
    def continues(above, ln):
        return above.text.endswith("Treatment or") and ln.text.startswith("Punishment")
    assert part_centred(labels, values, 1.0, WIDTH, overleaf=True, continues=continues) is None  # left whole
    assert texts(part_centred(labels, values, 1.0, WIDTH, overleaf=True)) == [  # with nothing known, a cut
        (["and Other Cruel, Inhuman or Degrading Treatment or"], []), (["Punishment (2002)"], ["Signed in 2013 but not", "ratified"])]


def test_labels_at_the_top_and_values_centred_part_where_the_taller_cell_fills_the_row():
    """A word processor's table with no padding: labels atop their cells, values centred in theirs. A
    value taller than its label starts on the label's first baseline; one shorter sits in its middle."""
    labels = [line(0, "Documenting the actual"), line(1, "time of detention"), line(2, "Notifying a lawyer of"),
              line(3, "the detention"), line(5, "Notifying relatives of"), line(6, "the detention"),
              line(7, "Medical"), line(8, "examination")]
    values = [line(0, "Yes. The time is", 300), line(1, "written in the record", 300),
              line(2, "No. The lawyer is told", 300), line(3, "only after the record", 300),
              line(4, "is drawn up", 300), line(5.5, "Yes, within 6 hours", 300), line(7.5, "Yes", 300)]
    assert part_centred(labels, values, 1.0, WIDTH) is None  # no one middle or last baseline parts it
    assert texts(part_centred(labels, values, 1.0, WIDTH, filled="center")) == [
        (["Documenting the actual", "time of detention"], ["Yes. The time is", "written in the record"]),
        (["Notifying a lawyer of", "the detention"], ["No. The lawyer is told", "only after the record",
                                                      "is drawn up"]),
        (["Notifying relatives of", "the detention"], ["Yes, within 6 hours"]),
        (["Medical", "examination"], ["Yes"])]
