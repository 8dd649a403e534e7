"""Rows set with no spacing at all, run together in one band, parted where known labels follow one
another (pipeline/convert/extract/label_rows.py), the values going to their rows as the cells align."""
from pipeline.convert.extract.columns import known_labels
from pipeline.convert.extract.label_rows import label_segments, part_band
from pipeline.convert.extract.lines import Line
from pipeline.core.models import Word

KNOWN = known_labels(["Number of judgments of international bodies", "Judgments of {country} courts",
                      "Istanbul Protocol", "Number of investigators"], ["Relevant conventions"])
STEP = 10.5  # the line step: no spacing between rows


def line(n: float, text: str, x: float = 60.0) -> Line:
    """A line on the n-th step of the table (fractions: a line centred between two steps)."""
    top = 100.0 + n * STEP
    return Line([Word(text=t, page=1, x0=x + 30 * i, top=top, x1=x + 30 * i + 25, bottom=top + 9, size=9)
                 for i, t in enumerate(text.split())])


def texts(rows):
    return [([ln.text for ln in labels], [ln.text for ln in values]) for labels, values in rows]


def test_known_labels_one_after_another_part_the_band():
    labels = [line(0, "Number of judgments of"), line(1, "international bodies"), line(2, "Judgments of Armenia's"),
              line(3, "courts"), line(4, "Number of investigators")]
    segments = label_segments(labels, KNOWN)
    assert [[ln.text for ln in s] for s in segments] == [
        ["Number of judgments of", "international bodies"], ["Judgments of Armenia's", "courts"],
        ["Number of investigators"]]


def test_a_wording_that_ends_on_its_placeholder_reads_whole_with_a_name_in_its_place():
    known = known_labels(["Решения судов {country}", "Решения об исключении доказательств, полученных под пытками"])
    labels = [line(0, "Решения судов Казахстана"), line(1, "Решения об исключении"),
              line(2, "доказательств, полученных под"), line(3, "пытками")]
    values = [line(0, "Нет данных", 300), line(1, "Нет данных", 300)]
    assert texts(part_band(labels, values, known, 1.0)) == [
        (["Решения судов Казахстана"], ["Нет данных"]),
        (["Решения об исключении", "доказательств, полученных под", "пытками"], ["Нет данных"])]
    assert known.whole("решения судов российской федерации")
    assert not known.whole("решения судов")  # a name takes the placeholder's place
    assert not known.whole("решения судов казахстана решения об исключении")  # longer than a name


def test_a_label_that_is_no_known_label_leaves_the_band_whole():
    labels = [line(0, "Number of judgments of"), line(1, "international bodies"), line(2, "Something else")]
    assert label_segments(labels, KNOWN) is None
    assert label_segments([line(0, "Number of judgments of"), line(1, "international bodies")], KNOWN) is None


def test_centred_values_go_to_the_label_they_are_centred_on():
    labels = [line(0, "Number of judgments of"), line(1, "international bodies"), line(2, "Istanbul Protocol")]
    values = [line(0.5, "24", 300), line(2, "Yes", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        (["Number of judgments of", "international bodies"], ["24"]), (["Istanbul Protocol"], ["Yes"])]


def test_a_value_taller_than_its_label_centred_on_it():
    labels = [line(1, "Istanbul Protocol"), line(3, "Number of investigators")]
    values = [line(0, "Yes, applied", 300), line(1, "in every region", 300), line(2, "since 2015", 300),
              line(3, "427", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        (["Istanbul Protocol"], ["Yes, applied", "in every region", "since 2015"]),
        (["Number of investigators"], ["427"])]


def test_top_aligned_values_and_a_sub_heading_with_none():
    labels = [line(0, "Relevant conventions"), line(1, "Istanbul Protocol"), line(2, "Number of investigators")]
    values = [line(1, "No. Not applied", 300), line(2, "427", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        (["Relevant conventions"], []), (["Istanbul Protocol"], ["No. Not applied"]),
        (["Number of investigators"], ["427"])]


def test_values_that_fit_no_alignment_leave_the_band_whole():
    labels = [line(0, "Istanbul Protocol"), line(1, "Number of investigators")]
    values = [line(0.3, "Yes", 300), line(3.1, "427", 300)]
    assert part_band(labels, values, KNOWN, 1.0) is None


def test_a_band_left_whole_that_opens_a_second_known_label_is_doubtful():
    from pipeline.convert.extract.label_rows import runs_together

    labels = [line(0, "Istanbul Protocol"), line(1, "Number of investigators")]
    assert runs_together(labels, KNOWN) == "Number of investigators"
    assert runs_together([line(0, "Number of judgments of"), line(1, "international bodies")], KNOWN) is None


def test_value_lines_above_the_first_label_that_fit_nothing_are_the_row_before_s_tail():
    # values atop their cells (a two-line label beside a one-line value): "delayed" fits no alignment
    labels = [line(1, "Istanbul Protocol"), line(2, "Number of judgments of"), line(3, "international bodies")]
    values = [line(0, "delayed", 300), line(1, "Partially. Applied", 300), line(2, "427", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        ([], ["delayed"]), (["Istanbul Protocol"], ["Partially. Applied"]),
        (["Number of judgments of", "international bodies"], ["427"])]


def test_labels_atop_their_cells_values_at_the_bottom_the_taller_cell_filling_the_row():
    """Labels set at the top, values at the bottom, no padding: a value shorter than its label ends on
    the label's last line, a taller one starts on its first; neither top nor bottom alignment fits both."""
    labels = [line(0, "Number of judgments of"), line(1, "international bodies"), line(2, "Istanbul Protocol")]
    values = [line(1, "24", 300), line(2, "Yes. Applied in", 300), line(3, "Every region", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        (["Number of judgments of", "international bodies"], ["24"]),
        (["Istanbul Protocol"], ["Yes. Applied in", "Every region"])]


def test_of_two_alignments_that_fit_the_one_whose_values_open_as_values_do():
    """Each row's value ends on its label's last line (bottom), or the taller cell fills the row (values
    at the bottom of theirs): both fit these lines. Cut at the bottom, the second row's value would
    open in lower case, in the middle of the first row's sentence."""
    labels = [line(0, "Istanbul Protocol"), line(3, "Number of judgments of"), line(4, "international bodies")]
    values = [line(0, "No. Such checks can be", 300), line(1, "made by the prosecutor", 300),
              line(2, "or the police service", 300), line(4, "24", 300)]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == [
        (["Istanbul Protocol"], ["No. Such checks can be", "made by the prosecutor", "or the police service"]),
        (["Number of judgments of", "international bodies"], ["24"])]


OPCAT = known_labels(["Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or "
                      "Degrading Treatment or Punishment (2002)", "Istanbul Protocol"])


def test_atop_a_continued_table_the_first_label_may_be_the_rest_of_one():
    """No padding, a row split by the page break inside its label: overleaf, the label's last lines
    and the next row's run together. The first run is a known label's end only, the rest of the row
    on the page before; read so only atop a table continued from it."""
    labels = [line(0, "Convention against Torture and"), line(1, "Other Cruel, Inhuman or"),
              line(2, "Degrading Treatment or"), line(3, "Punishment (2002)"), line(4, "Istanbul Protocol")]
    values = [line(0, "Signed in 2013 but not ratified", 300), line(4, "No", 300)]
    assert part_band(labels, values, OPCAT, 1.0) is None
    assert texts(part_band(labels, values, OPCAT, 1.0, overleaf=True)) == [
        (["Convention against Torture and", "Other Cruel, Inhuman or", "Degrading Treatment or",
          "Punishment (2002)"], ["Signed in 2013 but not ratified"]),
        (["Istanbul Protocol"], ["No"])]


def test_the_rest_of_a_split_row_overleaf_is_not_held_to_the_cells_alignment():
    """Values at the bottom of their cells, no padding: overleaf, a split row's label tail (two lines) and
    value tail (one, at the page's top) stand as the page break left them, not as a bottom-aligned cell
    would set them; the rows after it still fit that alignment."""
    labels = [line(0, "Other Cruel, Inhuman or"), line(1, "Punishment (2002)"), line(2, "Istanbul Protocol"),
              line(3, "Number of"), line(4, "investigators")]
    values = [line(0, "ratified in 2006", 300), line(2, "No", 300), line(4, "372", 300)]
    known = known_labels(["Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or "
                          "Punishment (2002)", "Istanbul Protocol", "Number of investigators"])
    assert texts(part_band(labels, values, known, 1.0, overleaf=True)) == [
        (["Other Cruel, Inhuman or", "Punishment (2002)"], ["ratified in 2006"]), (["Istanbul Protocol"], ["No"]),
        (["Number of", "investigators"], ["372"])]


def test_atop_a_continued_table_the_first_label_may_be_a_known_label_s_last_word():
    labels = [line(0, "jurisdiction"), line(1, "Istanbul Protocol"), line(2, "Number of"), line(3, "investigators")]
    values = [line(0, "about 10% of the caseload", 300), line(1, "No", 300), line(3, "372", 300)]
    known = known_labels(["Investigating body's jurisdiction", "Istanbul Protocol", "Number of investigators"])
    assert part_band(labels, values, known, 1.0) is None
    assert texts(part_band(labels, values, known, 1.0, overleaf=True)) == [
        (["jurisdiction"], ["about 10% of the caseload"]), (["Istanbul Protocol"], ["No"]),
        (["Number of", "investigators"], ["372"])]


def test_a_value_of_its_own_in_lower_case_is_no_value_cut_mid_paragraph():
    # top and bottom alignment both fit; bottom would open the second row's value with the first's second line,
    # and top opens it with "no data": lower case, but a whole value the codebook knows, not a paragraph's rest
    known = known_labels(["There is a body authorized to investigate torture", "Number of investigators"],
                         values=["No data"])
    labels = [line(0, "There is a body authorized to investigate torture"), line(2, "Number of investigators")]
    values = [line(0, "Partially. A specialised unit of the", 300), line(1, "Bureau handles torture cases", 300),
              line(2, "no data", 300)]
    assert texts(part_band(labels, values, known, 4.5)) == [
        (["There is a body authorized to investigate torture"],
         ["Partially. A specialised unit of the", "Bureau handles torture cases"]),
        (["Number of investigators"], ["no data"])]
    unaware = known_labels(["There is a body authorized to investigate torture", "Number of investigators"])
    assert texts(part_band(labels, values, unaware, 4.5))[1] == (
        ["Number of investigators"], ["Bureau handles torture cases", "no data"])  # what it was read as before


def test_labels_of_one_line_each_fit_top_and_bottom_alike_and_read_as_the_document_aligns():
    """Each label on one line, values beside them with no padding: a value's first line on its label's (top)
    or its last (bottom) fits both, and every cut opens as values do. The document's alignment decides."""
    labels = [line(0, "Istanbul Protocol"), line(3, "Number of investigators")]
    values = [line(0, "Yes, in Article 193", 300), line(1, "Abuse of power", 300), line(2, "Exceeding powers", 300),
              line(3, "Coercion of testimony", 300)]
    top = [(["Istanbul Protocol"], ["Yes, in Article 193", "Abuse of power", "Exceeding powers"]),
           (["Number of investigators"], ["Coercion of testimony"])]
    bottom = [(["Istanbul Protocol"], ["Yes, in Article 193"]),
              (["Number of investigators"], ["Abuse of power", "Exceeding powers", "Coercion of testimony"])]
    assert texts(part_band(labels, values, KNOWN, 1.0)) == top
    assert texts(part_band(labels, values, KNOWN, 1.0, aligned="top")) == top
    assert texts(part_band(labels, values, KNOWN, 1.0, aligned="bottom")) == bottom
