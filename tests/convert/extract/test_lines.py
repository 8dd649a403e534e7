"""Words into lines: kerned pieces of a word (pages with no space characters) joined, and the line grid."""
from pipeline.convert.extract.lines import Grid, Line, join_kerned, line_kern_limit, page_edges, split_blocks
from pipeline.core.geometry import BBox
from pipeline.core.models import Word


def placed(pieces: list[tuple[str, float]], top: float = 100.0, size: float = 10.0) -> list[Word]:
    """Words laid out left to right, each `(text, gap before it in ems)`; 5 pt a character."""
    out, x = [], 60.0
    for text, gap in pieces:
        x += gap * size
        out.append(Word(text=text, page=1, x0=x, top=top, x1=x + 5 * len(text), bottom=top + size, size=size,
                        font="Palatino"))
        x += 5 * len(text)
    return out


def texts(words: list[Word]) -> list[str]:
    return [w.text for w in words]


# the rest of the page: lines of words 0.27 to 0.39 em apart (pdfTeX word spaces)
PAGE = [w for i in range(4) for w in placed([(t, 0.27 + 0.03 * (j % 5)) for j, t in enumerate(
    "Such investigations can be carried out by the prosecutor's office or the police".split())], top=200 + 12 * i)]


def test_kerned_pieces_join_into_words():
    line = placed([("The", 0), ("Crim", 0.3), ("inal", 0.17), ("Code", 0.32), ("prohibits", 0.28), ("tor", 0.33),
                   ("ture", 0.16), ("only", 0.3)])
    joined = join_kerned(line + PAGE, 0.6)[:6]
    assert texts(joined) == ["The", "Criminal", "Code", "prohibits", "torture", "only"]
    assert joined[1].x0 == line[1].x0 and joined[1].x1 == line[2].x1


def test_word_gaps_are_not_kerns():
    # uneven gaps of a fragmented export (0.32 to 0.58 em) stay word gaps; so do pieces reading as
    # two words, and pieces with a no-break space between them
    fragmented = [w for i in range(4) for w in placed(
        [("released", 0), ("on", 0.58), ("request", 0.33), ("of", 0.45), ("lawyers", 0.5), ("and", 0.32)], top=100 + 12 * i)]
    assert texts(join_kerned(fragmented, 0.6)) == texts(fragmented)
    two = placed([("treaties", 0), ("The", 0.15), ("investigators", 0.4), ("372", 0.15), ("cases", 0.4), ("were", 0.35)])
    assert texts(join_kerned(two + PAGE, 0.6)) == texts(two + PAGE)
    number = placed([("Budget", 0), ("23", 0.35), ("635", 0.15), ("roubles", 0.35), ("in", 0.3), ("total", 0.3)])
    nbsp = BBox(number[1].x1, 100, number[2].x0, 110)
    assert texts(join_kerned(number + PAGE, 0.6, [nbsp])) == texts(number + PAGE)
    assert texts(join_kerned(number + PAGE, 0.6))[:5] == ["Budget", "23635", "roubles", "in", "total"]



def test_labels_flush_right_a_kern_s_width_from_values_flush_left_stay_apart():
    """Labels set flush right, values flush left 0.18 em after them (a tight gutter, narrower than a
    word space): where a value opens in lower case ("no data") nothing reads as two words, but the
    same gap from one x to one x on three lines is a column's; and a closing bracket before a capital
    ends a word ("(2002)" | "Yes,")."""
    def row(top, label, value):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(label.split())], top)
        shift = 200.0 - ws[-1].x1  # every label ends at x = 200
        ws = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
        x = 201.8
        for i, t in enumerate(value.split()):
            x += 0 if i == 0 else 3.0
            ws.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5 * len(t), bottom=top + 10, size=10, font="Palatino"))
            x += 5 * len(t)
        return ws
    rows = [row(100, "Number of investigators", "no data"), row(112, "Budget", "none given"),
            row(124, "Optional Protocol (2002)", "Yes, ratified"), row(136, "Investigator workload", "about 5 a year")]
    got = texts(join_kerned([w for r in rows for w in r] + PAGE, 0.6))
    assert {"investigators", "no", "Budget", "none", "(2002)", "Yes,", "workload", "about"} <= set(got)
    # pdfplumber gives the words of each run of characters set alike line by line, here the labels first and
    # then the values: the page's column edges are those of its lines all the same, and a page of a line or
    # two that borrows them keeps "evidence" | "the" apart
    wrapped = [w for w in row(148, "x", "in 2006 only") if w.x0 > 200]  # a value's second line
    labels_first = [w for r in rows for w in r if w.x1 <= 200.5] + [w for r in rows for w in r if w.x1 > 200.5] + wrapped
    tail = row(60, "video evidence", "the investigator")
    got = texts(join_kerned(tail, 0.6, usual_gap=0.3, borrowed=page_edges(labels_first + PAGE)))
    assert got == ["video", "evidence", "the", "investigator"]
    # every label line beside a value line (no line alone starts or ends at the columns' edges): the
    # gutter from one x to one x is the page's column edge all the same
    beside = [w for r in rows for w in r]
    got = texts(join_kerned(tail, 0.6, usual_gap=0.3, borrowed=page_edges(beside + PAGE)))
    assert got == ["video", "evidence", "the", "investigator"]


def test_labels_flush_right_seen_from_their_lines_ends_part_a_kern_wide_gutter():
    """Labels set flush right, two of them beside values 0.15 em away that open in lower case, and
    wrapped label lines alone on theirs: the same gap from one x to one x on two lines, where other
    lines end at its left side, is a column's gutter, not a kern."""
    def label(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = 200.0 - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text):
        return [w.model_copy(update={"x0": w.x0 + 141.5, "x1": w.x1 + 141.5}) for w in placed(
            [(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)]
    rows = label(100, "Judgments of international") + label(112, "courts") + value(112, "no data") + \
        label(124, "Judgments excluding evidence") + value(124, "none so far") + label(136, "under torture")
    got = texts(join_kerned(rows + PAGE, 0.6))
    assert {"courts", "no", "evidence", "none"} <= set(got)


def test_labels_flush_right_beside_values_centred_part_where_the_labels_wrapped_lines_end():
    """A short table of labels set flush right beside values centred in their cells (a shrink-to-fit
    table): each value starts somewhere else, and only two label words end before a gap, so neither
    the gaps nor the words before them show the edge; the label's wrapped lines ending there do, and
    "courts" | "no" (0.16 em apart) stays apart."""
    def label(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = 200.0 - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text, x0):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        return [w.model_copy(update={"x0": w.x0 - 60 + x0, "x1": w.x1 - 60 + x0}) for w in ws]
    rows = label(100, "Judgments of international") + label(112, "bodies on torture") + value(112, "34", 214) + \
        label(124, "and ill-treatment") + label(140, "Judgments of the courts") + value(140, "no data", 201.6)
    got = texts(join_kerned(rows + PAGE, 0.6))
    assert {"courts", "no", "torture", "34"} <= set(got)


def test_the_columns_at_the_foot_of_a_page_hold_atop_the_next_until_a_line_runs_across_them():
    """Page 1 ends with a table of labels flush right at 200 beside values 1.5 pt (0.15 em) to their
    right; atop page 2, a row's rest ("treaties" | "as its aim"), then a section's title across the
    page, then a kern ("tor" | "ture") at that same x, which joins: the title ends page 1's columns."""
    from pipeline.convert.extract.lines import foot_edges
    def label(top, text, right=200.0):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = right - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text, x0=201.5):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        return [w.model_copy(update={"x0": w.x0 - 60 + x0, "x1": w.x1 - 60 + x0}) for w in ws]
    page1 = [w for i, (la, va) in enumerate([("Budget", "Not available"), ("Number of cases", "about 40"),
                                             ("Workload of each", "nine cases"), ("Criminalization under", "partly")])
             for w in label(300 + 12 * i, la) + value(300 + 12 * i, va)] + PAGE  # (the page's prose above)
    edges = foot_edges(page1)
    assert 201.5 in edges
    rest = label(40, "treaties") + value(40, "as its aim")
    title = placed([("Government", 2.0), ("body", 0.3), ("investigating", 0.3), ("torture", 0.3), ("complaints", 0.3),
                    ("and", 0.3), ("ill-treatment", 0.3)], 60)
    kern = [w.model_copy(update={"top": 80.0, "bottom": 90.0}) for w in label(80, "ill-tor")] + \
        [w.model_copy(update={"text": "ture", "top": 80.0, "bottom": 90.0}) for w in value(80, "ture")]
    page2 = rest + title + kern + PAGE
    assert "treatiesas" in texts(join_kerned(page2, 0.6))  # on its own, the page shows no column there
    got = texts(join_kerned(page2, 0.6, overleaf=edges))
    assert {"treaties", "as", "ill-torture"} <= set(got)
    assert "ill-tor" in texts(join_kerned(rest + kern + PAGE, 0.6, overleaf=edges))  # no title: the columns hold


def test_a_short_table_s_gutter_shows_where_its_values_repeat_and_its_labels_start_apart():
    """Two rows, labels flush right 0.15 em from values flush left, both values "Low.": after the gutter
    only two different words ("Low.", "file"), and no label line ends alone there; but the labels before
    it start at three places: the gutter holds, and "investigations" | "file" stays apart."""
    def label(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = 200.0 - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        return [w.model_copy(update={"x0": w.x0 + 141.5, "x1": w.x1 + 141.5}) for w in ws]
    rows = label(100, "Promptness of each inquiry") + value(100, "Low. Checks take up to") + \
        value(112, "before a case is opened") + label(124, "Involvement of victims in") + \
        value(124, "Low. Victims rarely see the case") + label(136, "investigations") + value(136, "file")
    got = texts(join_kerned(rows + PAGE, 0.6))
    assert {"investigations", "file", "in", "Low."} <= set(got) and "investigationsfile" not in got


def test_a_value_opening_a_kern_s_width_after_its_label_where_its_wrapped_lines_begin_stays_apart():
    """The rest of a row overleaf: a label's last line flush right, 0.15 em from the value's first line,
    whose further lines begin at its left edge. No other value starts there after a gap, but three
    lines begin there with different words: the value column's edge."""
    first = placed([("international", 0), ("treaties", 0.3), ("include", 0.15), ("severe", 0.3)], 100)
    x = first[2].x0
    rest = [w.model_copy(update={"x0": w.x0 - 60 + x, "x1": w.x1 - 60 + x})
            for i, t in enumerate(["mention of the", "official capacity as", "perpetrator."])
            for w in placed([(p, 0.0 if j == 0 else 0.3) for j, p in enumerate(t.split())], 112 + 12 * i)]
    assert texts(join_kerned(first + rest + PAGE, 0.6))[:3] == ["international", "treaties", "include"]


def test_a_column_gutter_is_no_word_gap_of_a_line_justified_tight():
    """A label's kerned last word flush right and its value's kerned last word flush left, 0.16 em apart,
    the kerns 0.14 em: three gaps alike, but the gutter is the value column's edge (values start there
    after their labels on the lines above), so the line has no word gaps to call it tight."""
    def row(top, label, value):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(label.split())], top)
        shift = 200.0 - ws[-1].x1
        ws = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
        return ws + [w.model_copy(update={"x0": w.x0 + 141.6, "x1": w.x1 + 141.6})
                     for w in placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(value.split())], top)]
    rows = row(100, "Number of investigators", "No data") + row(112, "Budget", "Low. Offices only") + \
        row(124, "Geographic coverage", "Medium. In the regions")
    tail = placed([("mechan", 0), ("ism", 0.141)], 136)
    tail = [w.model_copy(update={"x0": w.x0 + 200 - tail[-1].x1, "x1": w.x1 + 200 - tail[-1].x1}) for w in tail]
    tail += [w.model_copy(update={"x0": w.x0 + 141.6, "x1": w.x1 + 141.6}) for w in placed([("syst", 0), ("em", 0.141)], 136)]
    got = texts(join_kerned(rows + tail + PAGE, 0.6))
    assert "mechanism" in got and "system" in got


def test_a_bold_title_s_kern_where_plain_labels_end_flush_right_joins():
    """A bold title row across a table whose plain labels end flush right at x = 200: a kern of the
    title that opens there is no gap of the label column, which is set in another font."""
    def label(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = 200.0 - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text):
        return [w.model_copy(update={"x0": w.x0 + 143, "x1": w.x1 + 143}) for w in placed([(text, 0)], top)]
    rows = label(124, "Number of investigators") + value(124, "Yes.") + label(136, "Investigator workload") + \
        value(136, "High.") + label(148, "Budget") + value(148, "None.") + label(160, "Geographic coverage")
    title = [w.model_copy(update={"font": "Palatino-Bold"}) for w in placed(
        [("Government", 0), ("body", 0.3), ("allegati", 0.3), ("ons", 0.15), ("of", 0.3), ("torture", 0.3)], 100)]
    shift = 200.0 - title[2].x1  # "allegati" ends with the labels
    title = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in title]
    got = texts(join_kerned(title + rows + PAGE, 0.6))
    assert "allegations" in got
    plain = [w.model_copy(update={"font": "Palatino"}) for w in title]  # in the labels' font, it is their edge
    assert "allegations" not in texts(join_kerned(plain + rows + PAGE, 0.6))


def test_a_plain_kern_where_bold_header_cells_start_stays_apart():
    """A label set flush right, 0.15 em from its value flush left, at the edge where the bold header
    row's value cells start (x = 210): a plain line is parted by an edge whatever the font of its words."""
    def cell(text, x, top):
        return Word(text=text, page=1, x0=x, top=top, x1=x + 5 * len(text), bottom=top + 10, size=10,
                    font="Palatino-Bold")
    head = [cell("Indicator", 60, 100), cell("Value,", 210, 100), cell("methodology", 60, 112),
            cell("published", 210, 112), cell("group,", 210, 124)]
    row = placed([("international", 0), ("treaties", 0.3), ("include", 0.15), ("severe", 0.3)], 136)
    shift = 210 - row[2].x0  # "include" starts with the header's value cells
    row = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in row]
    got = texts(join_kerned(head + row + PAGE, 0.6))
    assert "treaties" in got and "include" in got


def test_a_capitalised_word_after_a_capital_is_a_new_word_and_an_acronym_s_capitals_go_on():
    # a label's last word "UN" a kern's width from its value "No" (no column edge near enough to tell)
    line = placed([("to", 0), ("the", 0.3), ("UN", 0.3), ("No", 0.14), ("OP", 0.3), ("CAT", 0.14), ("Cr", 0.3),
                   ("ime", 0.14)])
    assert texts(join_kerned(line + PAGE, 0.6))[:6] == ["to", "the", "UN", "No", "OPCAT", "Crime"]


def test_an_opening_quotation_mark_or_bracket_starts_a_word_and_an_apostrophe_goes_on():
    line = placed([("treaties", 0), ('"severe', 0.15), ("pain", 0.3), ("Ukraine", 0.3), ("'s", 0.14), ("courts", 0.3),
                   ("(2002)", 0.15)])
    assert texts(join_kerned(line + PAGE, 0.6))[:6] == ["treaties", '"severe', "pain", "Ukraine's", "courts", "(2002)"]


def test_a_kern_clearly_below_its_lines_word_gaps_joins_though_wider_than_the_ratio():
    # "Cr" | "ime" 0.17 em apart on a line whose word gaps are 0.27-0.28 em: over 0.6 of them, but
    # the line's gaps fall into two kinds with a clear jump between
    tight = placed([("The", 0), ("Cr", 0.27), ("ime", 0.17), ("Code", 0.28), ("bans", 0.27), ("all", 0.28),
                    ("acts", 0.27)])
    assert texts(join_kerned(tight + PAGE, 0.6))[:6] == ["The", "Crime", "Code", "bans", "all", "acts"]
    # the groups of a number stay apart at that gap (only the page-wide kern limit joins figures)
    number = placed([("The", 0), ("23", 0.27), ("635", 0.17), ("cases", 0.28), ("were", 0.27), ("all", 0.28),
                     ("open", 0.27)])
    assert texts(join_kerned(number + PAGE, 0.6))[:3] == ["The", "23", "635"]


def test_a_line_of_one_word_gap_is_judged_by_the_pages_word_gaps():
    # "enforc" | "ement" 0.17 em apart and "ag" | "encies" 0.12 em, the line's one word gap 0.27 em:
    # the line has too few word gaps to call it tight, so the page's (0.27-0.39 em) set the limit
    short = placed([("enforc", 0), ("ement", 0.17), ("ag", 0.27), ("encies", 0.12)])
    assert texts(join_kerned(short + PAGE, 0.6))[:2] == ["enforcement", "agencies"]


def test_a_line_of_one_word_gap_and_two_wide_kerns_is_judged_by_the_pages_word_gaps():
    # "deta" | "inee's" and "re" | "quest" 0.165-0.17 em apart, the one word gap 0.27 em: the kerns are
    # over 0.6 of it, but three gaps that unlike are no line justified tight
    short = placed([("deta", 0), ("inee's", 0.165), ("re", 0.27), ("quest", 0.17)])
    assert texts(join_kerned(short + PAGE, 0.6))[:2] == ["detainee's", "request"]


def test_a_line_justified_tight_keeps_its_narrow_word_gaps():
    tight = placed([("held", 0), ("in", 0.15), ("the", 0.16), ("cell", 0.16), ("for", 0.15), ("ten", 0.16)])
    assert texts(join_kerned(tight + PAGE, 0.6)) == texts(tight + PAGE)


def test_a_line_with_no_clear_jump_in_its_gaps_keeps_its_words():
    even = placed([("held", 0), ("in", 0.2), ("the", 0.17), ("cell", 0.22), ("for", 0.21), ("days", 0.2)])
    assert texts(join_kerned(even + PAGE, 0.6)) == texts(even + PAGE)


def test_line_kern_limit_needs_a_jump_and_enough_word_gaps():
    assert abs(line_kern_limit([0.17, 0.27, 0.28], 0.2) - (0.17 * 0.27) ** 0.5) < 1e-9
    assert line_kern_limit([0.17, 0.27], 0.2) == 0.0  # one word gap is too few to judge
    assert line_kern_limit([0.17, 0.2, 0.22], 0.15) == 0.0  # no jump of 1.5 times
    # a jump among the kerns themselves (0.04 | 0.1) is not the line's word gaps
    assert abs(line_kern_limit([0.04, 0.1, 0.17, 0.27, 0.3], 0.2) - (0.17 * 0.27) ** 0.5) < 1e-9

def line(top: float, text: str = "word") -> Line:
    return Line([Word(text=text, page=1, x0=60, top=top, x1=100, bottom=top + 9, size=9)])


def test_a_step_off_the_line_grid_starts_a_block():
    lines = [line(100), line(110.8), line(124.6), line(135.4)]  # 10.8 inside a cell, 13.8 to the next
    assert [len(b) for b in split_blocks(lines, 5.4, [])] == [4]
    assert [len(b) for b in split_blocks(lines, 5.4, [], Grid(10.8, 1.08))] == [2, 2]


def test_first_words_of_one_width_at_a_left_edge_are_no_column_edge_where_they_end():
    """Two-letter words in Times are all 10 pt wide: at a value column's left edge their ends line up
    ("34", "no", "up"), and a kerned piece of that width ("Cr" | "imes") must still join. A column set
    flush right, words of different widths ending at one x, is an edge."""
    from pipeline.convert.extract.lines import column_edges
    def line(top, *pieces):  # (text, x0, width)
        return [Word(text=t, page=1, x0=x, top=top, x1=x + w, bottom=top + 10, size=10, font="Times-Roman")
                for t, x, w in pieces]
    lines = [line(100, ("Label", 60, 30), ("34", 300, 10)), line(112, ("Label", 60, 30), ("no", 300, 10), ("data", 313, 20)),
             line(124, ("Label", 60, 30), ("up", 300, 10), ("to", 313, 10)),
             line(136, ("Label", 60, 30), ("Cr", 300, 10), ("imes", 311, 20), ("committed", 333.5, 45))]
    edges = column_edges(lines)
    assert 310.0 not in edges.ends
    joined = join_kerned([w for ln in lines for w in ln] + PAGE, 0.6)
    assert "Crimes" in texts(joined)
    # kerned pieces of other starts that happen to end there too, mid-line or ending a line, make none
    chance = [line(160, ("Judgments", 60, 45), ("of", 108, 10), ("tor", 295, 15), ("ture", 311.6, 20)),
              line(172, ("by", 60, 10), ("offi", 280, 16), ("cial", 297, 13), ("acts", 313, 20)),
              line(184, ("ill-", 240, 15), ("treat", 257, 25), ("ment", 290, 20))]
    assert 310.0 not in column_edges(chance).ends
    assert {"torture", "official"} <= set(texts(join_kerned([w for ln in chance for w in ln] + PAGE, 0.6)))
    # nor does one word of another start ending there mid-line beside the words of one width
    lines.append(line(160, ("Complaints", 60, 50), ("of", 298, 12), ("torture", 314, 35)))
    assert 310.0 not in column_edges(lines).ends and "Crimes" in texts(join_kerned([w for ln in lines for w in ln] + PAGE, 0.6))
    right = [line(100 + 12 * i, (t, 120 - 5 * len(t), 5 * len(t)), ("value", 130, 25)) for i, t in enumerate(
        ["Budget", "Number of cases", "Workload"])] + [line(136, ("Conventions", 65, 55))]  # a label alone ends a line
    assert 120.0 in column_edges(right).ends


def test_a_page_of_few_words_is_judged_by_the_documents_word_gaps():
    """A page of a value's tail and the running header: "Country" | "prof" | "ile", "inv" | "estigator",
    three gaps, two of them kerns. Its own median gap is a kern, so nothing would join; the
    document's word gaps (the pages before) tell the kerns apart."""
    from pipeline.convert.extract.pages import PageData, _join_kerned
    from pipeline.core.settings import DEFAULT_SETTINGS as S
    dense = PageData(1, 595, 842, PAGE * 4)
    sparse = PageData(2, 595, 842, placed([("Country", 0), ("prof", 0.3), ("ile", 0.1)], 40) +
                      placed([("inv", 0), ("estigator", 0.1)], 80))
    _join_kerned([dense, sparse], [[], []], S)
    assert texts(sparse.words) == ["Country", "profile", "investigator"]
    alone = PageData(2, 595, 842, placed([("Country", 0), ("prof", 0.3), ("ile", 0.1)], 40) +
                     placed([("inv", 0), ("estigator", 0.1)], 80))
    _join_kerned([alone], [[]], S)  # no other page: the page's own gaps, as ever
    assert texts(alone.words) == ["Country", "prof", "ile", "inv", "estigator"]



def test_a_column_edge_holds_near_its_own_lines_only():
    """A table's values start at x = 300 on four lines at the top of the page; far below, in another
    table sized to its own text, a kern inside "Cameras" falls at x = 300 too: that is no column's
    edge there, and the pieces join."""
    top = [placed([("Budget", 0), ("law", 0.3)], 100 + 12 * i) for i in range(4)]
    top = [ln + [Word(text=t, page=1, x0=300, top=100 + 12 * i, x1=330, bottom=110 + 12 * i, size=10, font="Palatino")]
           for i, (ln, t) in enumerate(zip(top, ["High.", "Medium.", "No", "622"]))]
    top.append([Word(text="regions", page=1, x0=300, top=148, x1=335, bottom=158, size=10, font="Palatino")])  # wrapped
    low = [Word(text="Partially.", page=1, x0=200, top=600, x1=250, bottom=610, size=10, font="Palatino"),
           Word(text="Came", page=1, x0=278.5, top=600, x1=298.5, bottom=610, size=10, font="Palatino"),
           Word(text="ras", page=1, x0=300, top=600, x1=315, bottom=610, size=10, font="Palatino")]
    got = texts(join_kerned([w for ln in top for w in ln] + low + PAGE, 0.6))
    assert "Cameras" in got and "High." in got


def test_a_page_of_few_words_keeps_the_columns_of_the_pages_before():
    """A table's last row overleaf: its label's last word and its value's last word, 0.15 em apart on
    a page of no other text. By the document's word gaps that is a kern; but the values on the page
    before start at that x: the column goes on, and the two stay apart."""
    from pipeline.convert.extract.pages import PageData, _join_kerned
    from pipeline.core.settings import DEFAULT_SETTINGS as S

    def at(text, x, top, page):
        return Word(text=text, page=page, x0=x, top=top, x1=x + 5 * len(text), bottom=top + 10, size=10, font="Palatino")
    table = [w for i, (label, value) in enumerate([("Budget", "High."), ("Coverage", "Low."), ("Access", "Medium.")])
             for w in (at(label, 300 - 5 * len(label) - 1.5, 100 + 12 * i, 1), at(value, 300, 100 + 12 * i, 1))]
    table.append(at("regions", 300, 136, 1))  # a value's wrapped line
    dense = PageData(1, 595, 842, table + PAGE * 3)
    tail = PageData(2, 595, 842, [at("evidence", 298.5 - 40, 60, 2), at("investigator", 300, 60, 2)])
    _join_kerned([dense, tail], [[], []], S)
    assert texts(tail.words) == ["evidence", "investigator"]


def test_a_page_of_few_words_keeps_the_columns_of_the_pages_beside_it_only():
    """The same tail two pages after the table whose values start at its kern: the page between holds
    other tables, sized to their own text; the first page's columns are none of the tail's, and
    "Vict" | "ims", "rare" | "ly" join; a column edge of the page just before still parts."""
    from pipeline.convert.extract.pages import PageData, _join_kerned
    from pipeline.core.settings import DEFAULT_SETTINGS as S

    def at(text, x, top, page):
        return Word(text=text, page=page, x0=x, top=top, x1=x + 5 * len(text), bottom=top + 10, size=10, font="Palatino")
    first = [w for i, (label, value) in enumerate([("Budget", "High."), ("Coverage", "Low."), ("Access", "Medium.")])
             for w in (at(label, 340 - 5 * len(label) - 3, 100 + 12 * i, 1), at(value, 340, 100 + 12 * i, 1))]
    first.append(at("regions", 340, 136, 1))
    between = [w for i, (label, value) in enumerate([("Budget", "High."), ("Coverage", "Low."), ("Access", "No.")])
               for w in (at(label, 200 - 5 * len(label) - 3, 100 + 12 * i, 2), at(value, 200, 100 + 12 * i, 2))]
    between.append(at("regions", 200, 136, 2))
    pages = [PageData(1, 595, 842, first + PAGE * 3), PageData(2, 595, 842, between + PAGE * 3),
             PageData(3, 595, 842, [at("of", 198.5 - 10, 60, 3), at("evidence", 200, 60, 3),
                                    at("rare", 340 - 20 - 1.5, 80, 3), at("ly", 340, 80, 3)])]
    _join_kerned(pages, [[], [], []], S)
    assert texts(pages[2].words) == ["of", "evidence", "rarely"]


def test_a_kern_where_another_table_s_values_start_joins_on_a_line_split_by_its_gutter():
    """A table whose values start at x = 300 (a wrapped line begins there), above one whose values start further left: a kern of
    the second table's value ("speci" | "al", 0.15 em) meets the first's value edge by chance. Its line
    has its gutter already (a gap of an em or more), and a two-column table's line splits once."""
    above = [w for i, (label, value) in enumerate([("Ratified", "Yes. In 2008"), ("Budget", "Code of 1997"),
                                                     ("Coverage", "In the regions")])
             for w in placed([(label, 0)], 100 + 12 * i)
             + [v.model_copy(update={"x0": v.x0 + 240, "x1": v.x1 + 240})
                for v in placed([(t, 0.0 if j == 0 else 0.3) for j, t in enumerate(value.split())], 100 + 12 * i)]]
    above += [v.model_copy(update={"x0": v.x0 + 240, "x1": v.x1 + 240}) for v in placed([("only", 0)], 136)]
    line = placed([("There", 0), ("is", 0.3), ("a", 0.3), ("body", 0.3), ("Yes,", 3.0), ("a", 0.3), ("speci", 0.3)], 160)
    shift = 300.0 - (line[-1].x1 + 1.5)  # the kern's piece starts where the values above start
    line = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in line]
    line += [w.model_copy(update={"x0": w.x0 + 240, "x1": w.x1 + 240}) for w in placed([("al", 0), ("unit", 0.3)], 160)]
    assert line[-2].x0 == 300.0 and line[-3].x1 == 298.5
    got = texts(join_kerned(above + line + PAGE, 0.6))
    assert "special" in got and "unit" in got and "body" in got
    # a line with no gutter may be a row of touching columns: the edge parts it
    assert "speci" in texts(join_kerned(above + line[4:] + PAGE, 0.6))


def test_a_column_edge_does_not_hold_past_a_title_across_it():
    """Labels set flush right at x = 200 beside their values; below them a section's title across
    that x, and then a value line of the next table whose kern ("examin" | "ations", 0.14 em) ends at
    x = 200 by chance: the edge of the table above does not reach past the title."""
    def label(top, text):
        ws = placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)
        shift = 200.0 - ws[-1].x1
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    def value(top, text):
        return [w.model_copy(update={"x0": w.x0 + 143, "x1": w.x1 + 143})
                for w in placed([(t, 0.0 if i == 0 else 0.3) for i, t in enumerate(text.split())], top)]
    rows = label(100, "Number of investigators") + value(100, "Yes.") + label(112, "Investigator workload") + \
        value(112, "High.") + label(124, "Budget") + value(124, "None.") + label(136, "Geographic coverage")
    title = placed([("Government", 2.0), ("body", 0.3), ("investigating", 0.3), ("ill-treatment", 0.3)], 160)
    line = placed([("No.", 0), ("Such", 0.3), ("examin", 0.3), ("ations", 0.14), ("can", 0.3), ("be", 0.3)], 184)
    shift = 200.0 - line[2].x1
    line = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in line]
    assert any(w.x0 < 200 < w.x1 for w in title)
    assert "examinations" in texts(join_kerned(rows + title + line + PAGE, 0.6))
    # with no title between, the line may be the table's own: its edge parts the kern
    assert "examin" in texts(join_kerned(rows + line + PAGE, 0.6))


def _above_with_values_at_300() -> list[Word]:
    """Three rows whose values start at x = 300, a value's wrapped line beginning there too."""
    rows = [w for i, (label, value) in enumerate([("Ratified", "Yes. In 2008"), ("Budget", "Code of 1997"),
                                                    ("Coverage", "In the regions")])
            for w in placed([(label, 0)], 100 + 12 * i)
            + [v.model_copy(update={"x0": v.x0 + 240, "x1": v.x1 + 240})
               for v in placed([(t, 0.0 if j == 0 else 0.3) for j, t in enumerate(value.split())], 100 + 12 * i)]]
    return rows + [v.model_copy(update={"x0": v.x0 + 240, "x1": v.x1 + 240}) for v in placed([("only", 0)], 136)]


def test_a_kern_in_a_ruled_cell_joins_where_another_table_s_values_start():
    """A grid table's row, its label and value set close (no gutter on the line), rules drawn at both
    sides and between the cells: a kern of the value ("ad" | "mission") that meets the value edge of
    the table above is inside a drawn cell, whose walls are its columns' edges. A frame with no rule
    between the cells draws no column edge: there the other edge still parts it."""
    from pipeline.core.geometry import VRule
    line = placed([("Medical", 0), ("Yes.", 0.3), ("Upon", 0.3), ("ad", 0.3)], 160)
    shift = 300.0 - (line[-1].x1 + 1.5)
    line = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in line]
    line += [w.model_copy(update={"x0": w.x0 + 240, "x1": w.x1 + 240}) for w in placed([("mission", 0), ("to", 0.3)], 160)]
    assert line[-2].x0 == 300.0 and all(b.x0 - a.x1 < 10 for a, b in zip(line, line[1:]))
    cell_wall = (line[0].x1 + line[1].x0) / 2
    grid = [VRule(x, 150, 180) for x in (line[0].x0 - 2, cell_wall, line[-1].x1 + 2)]
    walls = [BBox(v.x, v.top, v.x, v.bottom) for v in grid]
    page = _above_with_values_at_300() + line + PAGE
    assert "admission" in texts(join_kerned(page, 0.6, walls, rules=grid))
    frame = [grid[0], grid[2]]
    assert "ad" in texts(join_kerned(page, 0.6, [walls[0], walls[2]], rules=frame))
    assert "ad" in texts(join_kerned(page, 0.6))


def test_one_width_pieces_kerned_alike_at_a_value_column_s_edge_make_no_gutter():
    """Two values open at x = 300 with pieces of one width kerned alike ("po" | "lice", "Hi" | "gh."), so
    their gaps open and close at one x, and a line ends at the gap's left side: the words before that
    gap all start at one x, no labels set flush right of different lengths. The kerns join."""
    def value(top, pieces):
        return [w.model_copy(update={"x0": w.x0 + 240, "x1": w.x1 + 240}) for w in placed(pieces, top)]
    rows = value(100, [("po", 0), ("lice", 0.15), ("and", 0.3), ("return", 0.3)]) + \
        value(112, [("Hi", 0), ("gh.", 0.15), ("Established", 0.3), ("widely", 0.3)])
    ends_there = value(124, [("or", 0)])  # a value's wrapped line of one word
    assert ends_there[0].x1 == rows[0].x1
    got = texts(join_kerned(rows + ends_there + PAGE, 0.6))
    assert "police" in got and "High." in got


def test_a_kern_at_another_table_s_edge_joins_on_a_line_split_at_its_own():
    """No gutter and no rules: a row whose value starts 0.3 em after its label, where its table's values
    start (three wrapped value lines begin there), and a kern further on ("ad" | "mission", 0.15 em)
    that meets the value edge of the table above. The line's split is the gap at its own table's edge,
    too wide for a kern; the other edge is met by chance."""
    def at(text, x0, top):
        return Word(text=text, page=1, x0=x0, top=top, x1=x0 + 5 * len(text), bottom=top + 10, size=10, font="Palatino")
    own = [at(t, 200, top) for t, top in [("entered", 148), ("detention", 172), ("report", 184)]]
    line = [at("Medical", 162, 160), at("Yes.", 200, 160), at("Upon", 223, 160), at("each", 246, 160),
            at("new", 269, 160), at("ad", 288.5, 160), at("mission", 300, 160), at("to", 338, 160)]
    got = texts(join_kerned(_above_with_values_at_300() + line + own + PAGE, 0.6))
    assert "admission" in got and "Medical" in got and "Yes." in got
    # with no split of its own on the line, the edge parts the kern (a row of touching columns)
    got = texts(join_kerned(_above_with_values_at_300() + line + PAGE, 0.6))
    assert "ad" in got and "mission" in got
