"""Pairs set one below the other with no value column (stacked.py), on hand-placed lines: read as label
and value where every line says so, and left alone where the lines are a two-column table's."""
from pipeline.convert.extract.columns import known_labels
from pipeline.convert.extract.lines import Line
from pipeline.convert.extract.stacked import breaks_short, stacked_pairs, stacked_tables
from pipeline.convert.extract.tables import Chunk, read_stacked, read_tables
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS as S

MARGIN, INDENT, STEP, SIZE = 57.0, 85.0, 12.0, 10.0


def line(text: str, x: float, top: float, bold: bool = False, page: int = 1) -> Line:
    words = []
    for t in text.split():
        width = 5.0 * len(t)
        words.append(Word(text=t, page=page, x0=x, top=top, x1=x + width, bottom=top + SIZE, size=SIZE,
                          font="Helvetica-Bold" if bold else "Helvetica"))
        x += width + 2.8
    return Line(words)


def stack(rows: list[tuple[str, float, bool]], top: float = 100.0, page: int = 1) -> list[Line]:
    """(text, x, bold) per line, a line step apart."""
    return [line(t, x, top + i * STEP, bold, page) for i, (t, x, bold) in enumerate(rows)]


def texts(pairs) -> list[tuple[str, str]]:
    return [(" ".join(ln.text for ln in labels), " ".join(ln.text for ln in values)) for labels, values in pairs]


INDENTED = [("Number of investigators", MARGIN, False), ("372", INDENT, False),
            ("Investigating body's jurisdiction", MARGIN, False),
            ("Crimes committed by officials; torture cases make", INDENT, False), ("up about 10% of the caseload", INDENT, False),
            ("Budget", MARGIN, False), ("No data", INDENT, False)]


def test_indented_values_below_their_labels_are_read_as_pairs():
    how, pairs = stacked_pairs(stack(INDENTED))
    assert how == "indent"
    assert texts(pairs) == [("Number of investigators", "372"),
                            ("Investigating body's jurisdiction",
                             "Crimes committed by officials; torture cases make up about 10% of the caseload"),
                            ("Budget", "No data")]


def test_plain_values_under_bold_labels_at_one_margin_are_read_as_pairs():
    rows = [("Number of investigators", MARGIN, True), ("372", MARGIN, False),
            ("Budget", MARGIN, True), ("No data for the year", MARGIN, False), ("of the report", MARGIN, False)]
    how, pairs = stacked_pairs(stack(rows))
    assert how == "weight"
    assert texts(pairs) == [("Number of investigators", "372"), ("Budget", "No data for the year of the report")]


def test_a_two_column_table_whose_value_column_was_missed_is_not_read_stacked():
    # its values start at the split on the labels' lines, and wrap there on lines of their own
    split = 200.0
    lines = [line("Number of investigators", MARGIN, 100), line("372", split, 100)]
    rows = [Line(lines[0].words + lines[1].words)]
    rows += [Line(line("Jurisdiction", MARGIN, 112).words + line("Crimes committed by", split, 112).words),
             line("officials", split, 124),
             Line(line("Budget", MARGIN, 136).words + line("No data", split, 136).words)]
    assert stacked_pairs(rows) is None


def test_a_label_word_that_falls_on_the_indent_by_chance_does_not_undo_the_reading():
    rows = list(INDENTED)
    rows[5] = ("Video surveillance", MARGIN, False)  # "surveillance" starts 2.8 pt past "Video" ...
    lines = stack(rows)
    shift = INDENT - lines[5].words[1].x0  # ... moved to start at the indent
    lines[5].words[1] = lines[5].words[1].model_copy(update={"x0": INDENT, "x1": lines[5].words[1].x1 + shift})
    assert stacked_pairs(lines)[0] == "indent"


def test_a_label_word_at_the_indent_in_one_short_table_is_weighed_with_the_document_s_tables():
    # two pairs; a label's wrapped line has a word at the indent: in a table of its own, a value beside its
    # label or chance; among tables that have none, chance
    rows = [("Optional Protocol to the UN Convention", MARGIN, False), ("against Torture", MARGIN, False),
            ("No", INDENT, False), ("Istanbul Protocol", MARGIN, False), ("Yes", INDENT, False)]
    lines = stack(rows)
    word = lines[1].words[1]
    lines[1].words[1] = word.model_copy(update={"x0": INDENT, "x1": word.x1 + INDENT - word.x0})
    assert stacked_tables([lines], [False], [False]) == [None]
    held = stacked_tables([stack(INDENTED), lines], [False, False], [False, False])
    assert [h[0] for h in held] == ["indent", "indent"]
    assert texts(held[1][1]) == [("Optional Protocol to the UN Convention against Torture", "No"), ("Istanbul Protocol", "Yes")]


def test_bold_and_plain_words_on_one_line_are_two_cells_not_a_stacked_label():
    rows = stack([("Relevant conventions", MARGIN, True), ("Optional Protocol", MARGIN, False), ("Budget", MARGIN, True),
                  ("No data", MARGIN, False)])
    rows[1] = Line(rows[1].words + [line("Yes", 200, rows[1].top, bold=True).words[0]])
    assert stacked_pairs(rows) is None


def test_a_value_line_between_label_lines_is_a_centred_cell_beside_them():
    lines = [line("Judgments of the", MARGIN, 100), line("24", INDENT + 100, 106), line("domestic courts", MARGIN, 112),
             line("Budget", MARGIN, 124), line("No data", INDENT + 100, 136)]
    assert stacked_pairs(lines) is None


def test_a_label_with_no_value_below_it_reads_so_only_where_the_table_goes_on_overleaf():
    lines = stack(INDENTED[:6])  # "Budget" at the foot of the page
    assert stacked_pairs(lines) is None
    assert texts(stacked_pairs(lines, goes_on=True)[1])[-1] == ("Budget", "")
    # and overleaf, the value alone atop the next page
    assert texts(stacked_pairs(stack([("No data", INDENT, False)]), True, value_alone=True)[1]) == [("", "No data")]


def test_a_document_reads_stacked_only_where_most_of_its_tables_do():
    good, bad = stack(INDENTED), [line("Budget", MARGIN, 100)]  # a label alone, no value below: not stacked
    assert all(stacked_tables([good, good, bad], [False] * 3, [False] * 3)[:2])
    assert stacked_tables([good, bad, bad], [False] * 3, [False] * 3) == [None] * 3


def test_read_tables_gives_the_stacked_pairs_as_rows_across_a_page_break():
    page1 = stack(INDENTED[:6])
    page2 = stack([("No data", INDENT, False), ("Number of criminal cases initiated", MARGIN, False), ("622", INDENT, False)],
                  top=60, page=2)
    chunks = [Chunk("Government body", 1, [w for ln in page1 for w in ln.words], [], False),
              Chunk("Government body", 2, [w for ln in page2 for w in ln.words], [], True)]
    tol = S.resolve(SIZE)
    assert read_stacked(chunks, tol.same_line)
    read = read_tables(chunks, tol)
    assert [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in read.rows] == [
        ("Number of investigators", "372"),
        ("Investigating body's jurisdiction", "Crimes committed by officials; torture cases make up about 10% of the caseload"),
        ("Budget", "No data"), ("Number of criminal cases initiated", "622")]
    assert [(t.column_from, t.rows_from, t.split) for t in read.layouts] == [("indent", "stacked", None)] * 2


def test_a_sub_heading_over_plain_rows_of_two_cells_is_not_read_stacked():
    # a bold sub-heading, then a row whose label and value share a line a gutter apart
    rows = stack([("Relevant conventions", MARGIN, True), ("Optional Protocol to the Convention", MARGIN, False),
                  ("Istanbul Protocol", MARGIN, True), ("Applied by some experts", MARGIN, False)])
    assert stacked_pairs(rows)[0] == "weight"  # as lines, bold over plain: a stacked reading ...
    rows[1] = Line(rows[1].words + line("No. Signed in 2013", 320, rows[1].top).words)
    assert stacked_pairs(rows) is None  # ... until a value sits beside a label, two font sizes or more apart


def test_a_label_alone_at_the_foot_and_its_value_alone_overleaf_read_as_the_document_does():
    foot, head = stack([("Budget", MARGIN, False)]), stack([("No data", INDENT, False)], top=60, page=2)
    held = stacked_tables([stack(INDENTED), foot, head], [False, False, True], [False, True, False])
    assert [h[0] for h in held] == ["indent"] * 3
    assert texts(held[1][1]) == [("Budget", "")] and texts(held[2][1]) == [("", "No data")]


# --- no cue but the wording: every line at one margin in one weight (a grid whose styles were dropped) ---

KNOWN = known_labels(["Number of investigators", "Investigating body's jurisdiction", "Budget",
                      "Number of criminal cases initiated"], headings=["Relevant conventions"], values=["No data"],
                     verdicts=["Yes", "No", "Partially"])
PLAIN = [("Relevant conventions", MARGIN, False), ("Number of investigators", MARGIN, False), ("372", MARGIN, False),
         ("Investigating body's", MARGIN, False), ("jurisdiction", MARGIN, False),  # a wrapped label
         ("Crimes committed by officials; torture cases make", MARGIN, False), ("up about 10% of the caseload", MARGIN, False),
         ("Budget", MARGIN, False), ("No data", MARGIN, False)]


def test_labels_told_by_their_wording_alone_are_read_as_pairs():
    assert stacked_pairs(stack(PLAIN)) is None  # nothing but the wording tells a label from a value
    how, pairs = stacked_pairs(stack(PLAIN), known=KNOWN)
    assert how == "wording"
    assert texts(pairs) == [("Relevant conventions", ""), ("Number of investigators", "372"),
                            ("Investigating body's jurisdiction",
                             "Crimes committed by officials; torture cases make up about 10% of the caseload"),
                            ("Budget", "No data")]


def _read(rows: list[tuple[str, float, bool]]) -> list[tuple[str, str, bool]]:
    lines = stack(rows)
    chunks = [Chunk("Government body", 1, [w for ln in lines for w in ln.words], [], False)]
    tol = S.resolve(SIZE)
    assert read_stacked(chunks, tol.same_line, KNOWN)
    read = read_tables(chunks, tol, known=KNOWN)
    assert read.layouts[0].column_from == "wording"
    return [(" ".join(r.label.lines), " ".join(r.value.lines), bool(r.doubtful)) for r in read.rows]


def test_a_label_the_codebook_does_not_know_reads_by_its_paragraphs_between_values():
    # "372" ends its paragraph ("Staff" would have fitted beside it), and "Staff of the office", which opens
    # as no value does, comes before "12", which opens as a value does: a label of its own, and its value;
    # both rows doubted (where "372" ends is a reading)
    got = _read(PLAIN[:3] + [("Staff of the office", MARGIN, False), ("12", MARGIN, False)] + PLAIN[3:])
    assert got == [("Relevant conventions", "", False), ("Number of investigators", "372", True),
                   ("Staff of the office", "12", True),
                   ("Investigating body's jurisdiction",
                    "Crimes committed by officials; torture cases make up about 10% of the caseload", False),
                   ("Budget", "No data", False)]
    # a value's last line full (no paragraph end shows before the label): the label from its capital on
    full = [("Partially. A specialised unit of the committee handles", MARGIN, False),
            ("Staff of the office", MARGIN, False), ("No. None is hired", MARGIN, False)]
    got = _read(PLAIN[:2] + full + PLAIN[3:])
    assert got[1:3] == [("Number of investigators", "Partially. A specialised unit of the committee handles", True),
                        ("Staff of the office", "No. None is hired", True)]
    # ... though the paragraph runs on with no capital: a value of two paragraphs, nothing told apart
    run_on = [("Partially. A specialised unit of the committee handles", MARGIN, False),
              ("staff of the office", MARGIN, False), ("No. None is hired", MARGIN, False)]
    assert _read(PLAIN[:2] + run_on + PLAIN[3:])[1][0] == "Number of investigators"
    assert len(_read(PLAIN[:2] + run_on + PLAIN[3:])) == 4
    # a table that opens with a label the codebook does not know
    got = _read([("Staff of the office", MARGIN, False), ("12", MARGIN, False)] + PLAIN[1:])
    assert got[:2] == [("Staff of the office", "12", True), ("Number of investigators", "372", False)]


def test_a_first_label_the_codebook_does_not_know_too_long_to_end_its_paragraph_ends_at_a_verdict():
    """A table that opens with a label the codebook does not know, its line so long that the value's first
    word would not have fitted beside it: no paragraph end shows between them, and the value's line,
    which opens with a capital verdict and a stop, opens the value; the label after it reads by its
    paragraph again."""
    opening = [("Recording of the actual time of each person's detention", MARGIN, False),
               ("Partially. Required by law but often recorded some hours", MARGIN, False),
               ("too late", MARGIN, False), ("Notice to a lawyer", MARGIN, False),
               ("No. Only after the record is drawn up", MARGIN, False)]
    got = _read(opening + PLAIN[1:])
    assert got[:3] == [("Recording of the actual time of each person's detention",
                        "Partially. Required by law but often recorded some hours too late", True),
                       ("Notice to a lawyer", "No. Only after the record is drawn up", True),
                       ("Number of investigators", "372", False)]


def test_a_value_that_breaks_short_is_doubtful_where_labels_are_told_by_wording():
    # the paragraph after "Staff of the office" opens as no value does: nothing says which lines are a
    # label, and the row is read whole, and doubted
    got = _read(PLAIN[:3] + [("Staff of the office", MARGIN, False), ("twelve in all", MARGIN, False)] + PLAIN[3:])
    assert got[1] == ("Number of investigators", "372 Staff of the office twelve in all", True)
    assert got[2:] == [("Investigating body's jurisdiction",
                        "Crimes committed by officials; torture cases make up about 10% of the caseload", False),
                       ("Budget", "No data", False)]


def test_a_value_breaks_short_against_the_width_of_the_text():
    value = stack([("No data for the year", MARGIN, False), ("Staff on the payroll", MARGIN, False)])
    widest = max(ln.x1 for ln in value)
    assert not breaks_short(value, widest)  # its own lines: the widest is the one it would wrap at
    assert breaks_short(value, MARGIN + 400)  # the text runs wider: "Staff" would have fitted
    wrapped = stack([("Crimes committed by officials; torture cases make", MARGIN, False), ("up about", MARGIN, False)])
    assert not breaks_short(wrapped, wrapped[0].x1 + 2.0)  # a paragraph that wraps where its next word does not fit


def test_lines_holding_a_known_label_are_no_value_alone_atop_a_page():
    head = stack([("No data", MARGIN, False), ("Number of investigators", MARGIN, False), ("372", MARGIN, False)],
                 top=60, page=2)
    assert texts(stacked_pairs(head, True, value_alone=True)[1]) == [("", "No data Number of investigators 372")]
    assert texts(stacked_pairs(head, True, value_alone=True, known=KNOWN)[1]) == [
        ("", "No data"), ("Number of investigators", "372")]
    # a sub-heading with a value below it reads no way: nor is it the rest of a value
    odd = stack([("No data", MARGIN, False), ("Relevant conventions", MARGIN, False), ("Yes", MARGIN, False)],
                top=60, page=2)
    assert stacked_pairs(odd, True, value_alone=True) is not None
    assert stacked_pairs(odd, True, value_alone=True, known=KNOWN) is None
    rest = stack([("No data", MARGIN, False), ("for the year", MARGIN, False)], top=60, page=2)
    assert texts(stacked_pairs(rest, True, value_alone=True, known=KNOWN)[1]) == [("", "No data for the year")]


def test_a_sub_heading_over_a_label_alone_at_the_foot_is_no_bold_label_over_a_value():
    # an indented list: the sub-heading (bold) and the next label (plain) at the foot, the value overleaf
    foot = stack([("Relevant conventions", MARGIN, True), ("Number of investigators", MARGIN, False)], top=700)
    head = stack([("372", INDENT, False), ("Budget", MARGIN, False), ("No data", INDENT, False)], top=60, page=2)
    held = stacked_tables([stack(INDENTED), foot, head], [False, False, True], [False, True, False], KNOWN)
    assert [h[0] for h in held] == ["indent"] * 3
    assert texts(held[1][1]) == [("Relevant conventions", ""), ("Number of investigators", "")]
    assert texts(held[2][1]) == [("", "372"), ("Budget", "No data")]


def test_a_label_the_page_break_split_reads_by_its_wording_either_side():
    foot = stack([("Budget", MARGIN, False), ("No data", MARGIN, False), ("Relevant conventions", MARGIN, False),
                  ("Number of criminal", MARGIN, False)], top=700)
    head = stack([("cases initiated", MARGIN, False), ("622", MARGIN, False), ("Budget", MARGIN, False),
                  ("No data", MARGIN, False)], top=60, page=2)
    held = stacked_tables([stack(PLAIN), foot, head], [False, False, True], [False, True, False], KNOWN)
    assert [h[0] for h in held] == ["wording"] * 3
    assert texts(held[1][1]) == [("Budget", "No data"), ("Relevant conventions", ""), ("Number of criminal", "")]
    assert texts(held[2][1]) == [("cases initiated", "622"), ("Budget", "No data")]


def _overleaf(rest: list[str]) -> list[tuple[str, str, bool]]:
    foot = stack(PLAIN[:8], top=600)  # "Budget" alone at the foot, its value atop the next page ...
    head = stack([("No data", MARGIN, False)] + [(t, MARGIN, False) for t in rest] +
                 [("Number of criminal cases initiated", MARGIN, False), ("622", MARGIN, False)], top=60, page=2)
    chunks = [Chunk("Government body", 1, [w for ln in foot for w in ln.words], [], False),
              Chunk("Government body", 2, [w for ln in head for w in ln.words], [], True)]
    tol = S.resolve(SIZE)
    assert read_stacked(chunks, tol.same_line, KNOWN)
    return [(" ".join(r.label.lines), " ".join(r.value.lines), bool(r.doubtful))
            for r in read_tables(chunks, tol, known=KNOWN).rows]


def test_a_value_overleaf_that_breaks_short_leaves_its_row_doubtful():
    # ... with a label the codebook does not know after it, and a value that opens as no value does
    assert _overleaf(["Staff of the office", "twelve in all"])[-2:] == [
        ("Budget", "No data Staff of the office twelve in all", True), ("Number of criminal cases initiated", "622", False)]
    # ... and one that opens as a value does: the label reads by its paragraphs
    assert _overleaf(["Staff of the office", "12"])[-3:] == [
        ("Budget", "No data", True), ("Staff of the office", "12", True), ("Number of criminal cases initiated", "622", False)]


def test_a_known_label_s_last_words_atop_a_part_after_a_value_are_that_value_s():
    # the part on page 1 ends with a value; atop page 2, "initiated" reads as a known label's last words, but
    # the rest of a label goes on only after a label alone: here it is the value's rest
    foot = stack(PLAIN[:8] + [("No data for the office and its", MARGIN, False)], top=600)
    head = stack([("cases initiated", MARGIN, False), ("Number of investigators", MARGIN, False), ("372", MARGIN, False)],
                 top=60, page=2)
    held = stacked_tables([foot, head], [False, True], [True, False], KNOWN)
    assert texts(held[1][1]) == [("", "cases initiated"), ("Number of investigators", "372")]


def test_a_label_that_ends_on_a_name_is_not_lengthened_over_the_value_below():
    # "Judgments of {country}"-like wordings read whole with a name of a few words, and so would the name
    # and the value below it: a label is the fewest lines that read whole, lengthened only by a wording's words
    known = known_labels(["Решения судов {country}", "Решения об исключении доказательств, полученных под пытками"],
                         values=["Нет данных"])
    lines = stack([("Решения судов Казахстана", MARGIN, False), ("Нет данных", MARGIN, False),
                   ("Решения об исключении доказательств, полученных под пытками", MARGIN, False),
                   ("Нет данных", MARGIN, False)])
    how, pairs = stacked_pairs(lines, known=known)
    assert how == "wording"
    assert texts(pairs) == [("Решения судов Казахстана", "Нет данных"),
                            ("Решения об исключении доказательств, полученных под пытками", "Нет данных")]


def test_a_label_the_codebook_does_not_know_at_the_foot_takes_its_value_overleaf():
    foot = stack(PLAIN[:8] + [("No data", MARGIN, False), ("Staff of the office", MARGIN, False)], top=600)
    head = stack([("12", MARGIN, False), ("Number of criminal cases initiated", MARGIN, False), ("622", MARGIN, False)],
                 top=60, page=2)
    held = stacked_tables([foot, head], [False, True], [True, False], KNOWN)
    assert [h[0] for h in held] == ["wording"] * 2
    assert texts(held[0][1])[-2:] == [("Budget", "No data"), ("Staff of the office", "")]
    assert texts(held[1][1]) == [("", "12"), ("Number of criminal cases initiated", "622")]


def test_a_label_the_codebook_does_not_know_atop_a_page_after_a_value():
    # the part on page 1 ends with a value; atop page 2 a paragraph that opens with a capital but not as a
    # value does, before one that does: a new label, not the value's rest
    foot = stack(PLAIN[:8] + [("No data", MARGIN, False)], top=600)
    head = stack([("Staff of the office", MARGIN, False), ("12", MARGIN, False),
                  ("Number of criminal cases initiated", MARGIN, False), ("622", MARGIN, False)], top=60, page=2)
    held = stacked_tables([foot, head], [False, True], [True, False], KNOWN)
    assert texts(held[1][1]) == [("Staff of the office", "12"), ("Number of criminal cases initiated", "622")]
    # in lower case, the value's rest
    rest = stack([("for the year", MARGIN, False), ("Number of criminal cases initiated", MARGIN, False),
                  ("622", MARGIN, False)], top=60, page=2)
    held = stacked_tables([foot, rest], [False, True], [True, False], KNOWN)
    assert texts(held[1][1]) == [("", "for the year"), ("Number of criminal cases initiated", "622")]


def test_a_value_alone_atop_a_page_may_be_followed_by_a_label_the_codebook_does_not_know():
    # "Budget" alone at the foot; atop page 2 its value, then a label no known one, then that label's value:
    # no known label on the page, yet the paragraphs tell them
    foot = stack(PLAIN[:8], top=600)
    head = stack([("622", MARGIN, False), ("Staff of the office", MARGIN, False), ("no data", MARGIN, False)],
                 top=60, page=2)
    held = stacked_tables([stack(PLAIN), foot, head], [False, False, True], [False, True, False],
                          known_labels(["Number of investigators", "Investigating body's jurisdiction", "Budget"],
                                       headings=["Relevant conventions"], values=["No data"]))
    assert texts(held[2][1]) == [("", "622"), ("Staff of the office", "no data")]


def test_a_label_the_codebook_does_not_know_opens_a_page_after_a_value_with_no_known_label_on_it():
    foot = stack(PLAIN[:8] + [("No data", MARGIN, False)], top=600)
    head = stack([("Staff of the office", MARGIN, False), ("12", MARGIN, False)], top=60, page=2)
    held = stacked_tables([foot, head], [False, True], [True, False], KNOWN)
    assert texts(held[1][1]) == [("Staff of the office", "12")]
    # in lower case, the value's rest
    rest = stack([("for the year", MARGIN, False), ("of the report", MARGIN, False)], top=60, page=2)
    assert texts(stacked_tables([foot, rest], [False, True], [True, False], KNOWN)[1][1]) == [
        ("", "for the year of the report")]


def test_a_table_with_no_known_label_reads_by_its_paragraphs_where_the_document_reads_by_wording():
    other = stack([("Staff of the office", MARGIN, False), ("12", MARGIN, False),
                   ("Share of women among the staff", MARGIN, False), ("No data", MARGIN, False)], top=400)
    held = stacked_tables([stack(PLAIN), stack(PLAIN, top=250), other], [False] * 3, [False] * 3, KNOWN)
    assert held[2][0] == "wording"
    assert texts(held[2][1]) == [("Staff of the office", "12"), ("Share of women among the staff", "No data")]
    # alone, or where the document reads no way, nothing anchors it
    assert stacked_tables([other], [False], [False], KNOWN) == [None]
