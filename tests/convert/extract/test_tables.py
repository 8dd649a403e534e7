"""Table geometry on hand-placed words: the column split and which value belongs to which label."""
from pipeline.core.codebook import default_codebook
from pipeline.convert.extract.columns import Finder, Neighbour, Split, find_split, known_labels
from pipeline.convert.extract.chunks import Chunk
from pipeline.convert.extract.tables import read_tables
from pipeline.core.geometry import VRule
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS as S

SNAP = S.column_snap * 10.0  # points, at the 10 pt body of these words


def column_split(ws, vrules, settings=S, body=10.0, neighbours=(), labels=None):
    return find_split(ws, Finder(settings.resolve(body), labels), vrules, list(neighbours))


def table_split(ws, document, vrules, settings=S, body=10.0):
    """A table's split with the document's split as its neighbour."""
    return column_split(ws, vrules, settings, body, [Neighbour(document, "document")] if document else [])

LABEL_X, VALUE_X, LINE = 57.0, 300.0, 11.5


def words(text: str, x: float, top: float, page: int = 1) -> list[Word]:
    out = []
    for t in text.split():
        width = 5.0 * len(t)
        out.append(Word(text=t, page=page, x0=x, top=top, x1=x + width, bottom=top + 10, size=10))
        x += width + 2.8
    return out


def lines(texts: list[str], x: float, top: float, page: int = 1) -> list[Word]:
    return [w for i, t in enumerate(texts) for w in words(t, x, top + i * LINE, page)]


def table_rows(chunks, split, body=10.0, settings=S):
    for chunk in chunks:
        chunk.split = Split(split, "alignment")
    return read_tables(chunks, settings.resolve(body)).rows


def rows_of(chunks, split):
    return [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in table_rows(chunks, split, 10.0, S)]


def test_split_from_where_value_lines_start():
    ws = lines(["Number of investigators", "Investigator workload"], LABEL_X, 100) + \
        lines(["966", "About 7 cases per", "investigator per year"], VALUE_X, 100)
    assert abs(column_split(ws, [], S).x - (VALUE_X - SNAP)) < 0.01


def test_split_from_a_vertical_rule():
    ws = lines(["Budget"], LABEL_X, 100) + lines(["No data"], VALUE_X, 100)
    split = column_split(ws, [VRule(296.0, 90.0, 200.0)], S)
    assert (split.x, split.source) == (296.0, "rule")


def test_split_from_the_gutter_when_values_are_centred():
    ws = lines(["Number of investigators"], LABEL_X, 100) + words("966", 380, 100) + \
        lines(["Investigator workload"], LABEL_X, 120) + words("About 7 cases", 350, 120) + \
        lines(["Budget"], LABEL_X, 140) + words("No data", 370, 140)
    split = column_split(ws, [], S, 10.0)
    assert LABEL_X + 5 * len("investigators") < split.x <= 350 and split.source == "gap"


def test_centred_value_beside_a_wrapped_label():
    ws = lines(["Judgments and decisions of international bodies", "documenting the problem of torture"], LABEL_X, 100) \
        + words("16", VALUE_X, 105.75)
    assert rows_of([Chunk("S", 1, ws, [], False)], VALUE_X - 1) == [
        ("Judgments and decisions of international bodies / documenting the problem of torture", "16")]


def test_top_aligned_value_longer_than_its_label_with_a_paragraph_gap():
    ws = lines(["Video surveillance"], LABEL_X, 100) + lines(["Partially."], VALUE_X, 100) + \
        lines(["Cameras cover corridors"], VALUE_X, 114.5) + \
        lines(["Access to video evidence"], LABEL_X, 135) + lines(["Low."], VALUE_X, 135)
    assert rows_of([Chunk("S", 1, ws, [], False)], VALUE_X - 1) == [
        ("Video surveillance", "Partially. / Cameras cover corridors"), ("Access to video evidence", "Low.")]


def test_bottom_aligned_values():
    ws = lines(["Number of complaints of torture and", "ill-treatment"], LABEL_X, 100) + words("11 607", VALUE_X, 111.5) + \
        lines(["Budget"], LABEL_X, 130) + words("No data", VALUE_X, 130)
    assert rows_of([Chunk("S", 1, ws, [], False)], VALUE_X - 1) == [
        ("Number of complaints of torture and / ill-treatment", "11 607"), ("Budget", "No data")]


def test_rules_separate_rows_even_when_gaps_are_small():
    ws = lines(["Budget"], LABEL_X, 100) + lines(["No data", "really none"], VALUE_X, 100) + \
        lines(["Number of criminal cases initiated"], LABEL_X, 124) + words("86", VALUE_X, 124)
    assert rows_of([Chunk("S", 1, ws, [122.5], False)], VALUE_X - 1) == [
        ("Budget", "No data / really none"), ("Number of criminal cases initiated", "86")]


def test_a_row_split_by_the_page_break_continues_on_the_next_page():
    page1 = lines(["Investigating body's jurisdiction"], LABEL_X, 700) + lines(["Not only torture cases,", "but"], VALUE_X, 700)
    page2 = lines(["also corruption."], VALUE_X, 60, page=2) + lines(["Budget"], LABEL_X, 80, page=2) + \
        words("No data", VALUE_X, 80, page=2)
    chunks = [Chunk("S", 1, page1, [], False), Chunk("S", 2, page2, [], True)]
    assert rows_of(chunks, VALUE_X - 1) == [
        ("Investigating body's jurisdiction", "Not only torture cases, / but / also corruption."),
        ("Budget", "No data")]


def test_a_label_row_with_no_value_is_a_subheading():
    ws = lines(["Relevant conventions"], LABEL_X, 100) + lines(["Istanbul Protocol"], LABEL_X, 120) + words("No", VALUE_X, 120)
    rows = table_rows([Chunk("S", 1, ws, [], False)], VALUE_X - 1, 10.0, S)
    assert [r.kind for r in rows] == ["subheading", "table"]


def test_a_row_whose_label_and_value_both_continue_on_the_next_page():
    page1 = lines(["Institutional independence of the"], LABEL_X, 750) + \
        lines(["None. Investigators rely on resources provided by"], VALUE_X, 750)
    page2 = lines(["investigating body"], LABEL_X, 60, page=2) + lines(["other law enforcement agencies"], VALUE_X, 60, page=2) + \
        lines(["Geographic coverage"], LABEL_X, 80, page=2) + words("High.", VALUE_X, 80, page=2)
    chunks = [Chunk("S", 1, page1, [], False), Chunk("S", 2, page2, [], True)]
    assert rows_of(chunks, VALUE_X - 1) == [
        ("Institutional independence of the / investigating body",
         "None. Investigators rely on resources provided by / other law enforcement agencies"),
        ("Geographic coverage", "High.")]


def test_bold_full_width_title_rows_do_not_hide_the_split():
    title = [w.model_copy(update={"font": "Arial-Bold"})
             for w in words("Government body investigating allegations of torture and ill-treatment", LABEL_X, 80)]
    ws = title + lines(["Number of investigators", "Investigator workload"], LABEL_X, 100) + \
        lines(["966", "About 7 cases per", "investigator per year"], VALUE_X, 100)
    assert abs(column_split(ws, [VRule(VALUE_X - 3, 75, 200)], S).x - (VALUE_X - 3)) < 0.01
    assert abs(column_split(ws, [], S).x - (VALUE_X - SNAP)) < 0.01


# --- other producers: alignment, tight rows, header rows ---------------------------------------

def right_aligned(texts: list[str], right: float, top: float, page: int = 1) -> list[Word]:
    """Lines set flush right against x = right (a browser's `text-align: right`)."""
    out = []
    for i, t in enumerate(texts):
        width = sum(5.0 * len(p) for p in t.split()) + 2.8 * (len(t.split()) - 1)
        out += words(t, right - width, top + i * LINE, page)
    return out


def test_split_beside_right_aligned_labels():
    ws = right_aligned(["Judgments and decisions of international", "bodies documenting torture"], 250, 100) + \
        words("9", 256, 100) + right_aligned(["Judgments of national courts"], 250, 130) + words("no data", 256, 130) + \
        right_aligned(["Budget"], 250, 150) + words("49 197 846 roubles", 256, 150)
    split = column_split(ws, [], S)
    assert 250 < split.x <= 256 and split.source == "alignment"
    rows = rows_of([Chunk("S", 1, ws, [], False)], split.x)
    assert rows == [("Judgments and decisions of international / bodies documenting torture", "9"),
                    ("Judgments of national courts", "no data"), ("Budget", "49 197 846 roubles")]


def test_split_when_labels_and_values_are_centred():
    ws = words("Budget", 120, 100) + words("No data", 360, 100) + words("Number of investigators", 80, 120) + \
        words("1 814", 370, 120) + words("Geographical coverage", 85, 140) + words("High. In all units", 330, 140)
    split = column_split(ws, [], S)
    assert 85 + 5 * len("Geographical coverage") < split.x <= 330 and split.source == "gap"


def test_a_table_sized_apart_gets_its_own_split():
    document = Split(VALUE_X - 1, "alignment")
    wide = lines(["Institutional independence of the investigating authority"], LABEL_X, 100) + words("High.", 380, 100) + \
        lines(["Geographical coverage"], LABEL_X, 120) + words("Low.", 380, 120)
    assert 330 < table_split(wide, document, [], S, 10.0).x < 380
    narrow = lines(["Budget"], LABEL_X, 100) + words("No data", VALUE_X, 100)
    assert table_split(narrow, document, [], S, 10.0).same_place(document)  # no word crosses the document's split


def tight(texts: list[str], x: float, top: float, pitch: float = 10.8) -> list[Word]:
    """Lines 10.8 pt apart (9 pt type, line height 1.2) in 9 pt words."""
    out = []
    for i, t in enumerate(texts):
        out += [w.model_copy(update={"top": w.top, "bottom": w.top + 9, "size": 9})
                for w in words(t, x, top + i * pitch)]
    return out


def test_tight_rows_part_on_the_line_grid():
    # rows 13.8 pt apart baseline to baseline: 4.8 pt of white, under the 5.4 pt a wide gap needs
    ws = tight(["Judgments excluding", "evidence obtained", "under torture"], LABEL_X, 100) + tight(["1"], VALUE_X, 100) + \
        tight(["Explicit prohibition of torture"], LABEL_X, 135.4) + \
        tight(["Yes, in Article 144", "of the Criminal Code", "of the Russian Federation"], VALUE_X, 135.4) + \
        tight(["Family notification"], LABEL_X, 171.0) + tight(["No."], VALUE_X, 171.0)
    chunk = Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))
    read = read_tables([chunk], S.resolve(9.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Judgments excluding / evidence obtained / under torture", "1"),
        ("Explicit prohibition of torture", "Yes, in Article 144 / of the Criminal Code / of the Russian Federation"),
        ("Family notification", "No.")]
    assert read.layouts[0].rows_from == "line_grid" and read.layouts[0].line_pitch == 10.8
    # by gaps alone the three rows run together; a label and a value starting on one baseline part them too
    assert len(read_tables([chunk], S.model_copy(update={"horizontal_strategy": ["rules", "spacing"]}).resolve(9.0)).rows) == 1
    starts = read_tables([chunk], S.model_copy(update={"horizontal_strategy": ["spacing", "row_starts"]}).resolve(9.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in starts.rows][0] == (
        "Judgments excluding / evidence obtained / under torture", "1")
    assert starts.layouts[0].row_breaks["row_starts"] >= 1


def test_value_paragraph_below_its_label_stays_with_its_row():
    # the value's second paragraph ends closer to the next row than to its own label: labels sit
    # atop their cells, so text under a label and above the next belongs to the upper row
    ws = lines(["Video surveillance"], LABEL_X, 100) + lines(["Partially."], VALUE_X, 100) + \
        lines(["Cameras cover corridors"], VALUE_X, 122) + \
        lines(["Access to video evidence"], LABEL_X, 139) + lines(["Low."], VALUE_X, 139)
    assert rows_of([Chunk("S", 1, ws, [], False)], VALUE_X - 1) == [
        ("Video surveillance", "Partially. / Cameras cover corridors"), ("Access to video evidence", "Low.")]


def bold(ws: list[Word]) -> list[Word]:
    return [w.model_copy(update={"font": "Arial-Bold"}) for w in ws]


def read_over_a_page_break(head, tops: tuple[float, float, float, float, float]):
    """Two rows over two pages with the header `head(top, page)` atop each, the first row's value
    going on under the header overleaf; `tops`: the header and the first row on page 1, then the
    header, the value's tail and the second row on page 2."""
    head1, row1, head2, tail, row2 = tops
    page1 = head(head1, 1) + lines(["Investigating body's jurisdiction"], LABEL_X, row1) + \
        lines(["Not only torture cases,", "but"], VALUE_X, row1)
    page2 = head(head2, 2) + lines(["also corruption."], VALUE_X, tail, page=2) + \
        lines(["Budget"], LABEL_X, row2, page=2) + words("No data", VALUE_X, row2, page=2)
    chunks = [Chunk("S", 1, page1, [], False, Split(VALUE_X - 1, "alignment")),
              Chunk("S", 2, page2, [], True, Split(VALUE_X - 1, "alignment"))]
    return read_tables(chunks, S.resolve(10.0))


def test_repeated_header_rows_are_set_aside():
    def head(top, page):
        return words("Indicator", LABEL_X, top, page) + words("Value", VALUE_X, top, page)
    read = read_over_a_page_break(head, (80, 100, 60, 80, 100))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Investigating body's jurisdiction", "Not only torture cases, / but / also corruption."), ("Budget", "No data")]
    assert [ln.text for ln in read.headers] == ["Indicator", "Value", "Indicator", "Value"]
    assert [t.header_rows for t in read.layouts] == [1, 1]


def test_a_bold_first_row_is_a_header_once_too():
    ws = bold(words("Indicator", LABEL_X, 80) + words("Assessment", VALUE_X, 80)) + \
        lines(["Budget"], LABEL_X, 100) + words("No data", VALUE_X, 100)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [" ".join(r.label.lines) for r in read.rows] == ["Budget"] and len(read.headers) == 2
    plain = words("Indicator", LABEL_X, 80) + words("Assessment", VALUE_X, 80)  # once, not bold: a row like any other
    read = read_tables([Chunk("S", 1, plain, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert len(read.rows) == 1 and not read.headers


def test_a_header_of_several_lines_centred_ends_before_a_bold_label_a_padding_below():
    # header cells centred: three bold label lines at a 11.5 pt step, two bold value lines between them;
    # the first row's bold label follows 14.5 pt below (within 1.5 line heights, but not the cell's step)
    head = bold(lines(["Indicator as worded", "in the methodology", "with its source"], LABEL_X, 80)
                + lines(["Value as published", "by the group"], VALUE_X, 85.75))
    row = bold(lines(["Budget"], LABEL_X, 80 + 2 * LINE + 14.5)) + words("No data", VALUE_X, 80 + 2 * LINE + 14.5)
    read = read_tables([Chunk("S", 1, head + row, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in read.rows] == [("Budget", "No data")]
    assert len(read.headers) == 5


def borrowed_split(ws, splits, settings=S, body=10.0):
    return column_split(ws, [], settings, body, [Neighbour(s, "nearby") for s in splits])


def test_a_borrowed_split_must_fit_the_table():
    # a label ending at 140 and a centred value whose first line starts 0.3 pt left of the other
    # table's split: the split moves left of that word; a split in a word space of the value is refused
    ws = words("Budget law", LABEL_X, 100) + words("Yes. Article 320 of the Code", VALUE_X - 0.3, 100) + \
        words("explicitly prohibits torture", VALUE_X + 40, 112)
    far = Split(VALUE_X + 40 + 20, "alignment")  # in the middle of "explicitly"
    got = borrowed_split(ws, [far, Split(VALUE_X, "gap")], S, 10.0)
    assert got is not None and LABEL_X + 5 * len("Budget law") + 2.8 < got.x < VALUE_X - 0.3 and got.source == "neighbour"
    own = borrowed_split(ws, [far], S, 10.0)  # a split in a word space of the value is refused: the table's own strip
    assert own.x < VALUE_X - 0.3 and own.source == "gap"
    assert borrowed_split(words("Budget law", LABEL_X, 100), [Split(VALUE_X, "gap")], S, 10.0) is None  # one side only


def test_a_continued_table_moves_a_crossed_split_to_the_clear_strip_beside_it():
    kept = Split(VALUE_X + 0.5, "gap")  # from the page before
    ws = words("Jurisdiction", LABEL_X, 100) + words("Not only torture cases", VALUE_X, 100)
    got = column_split(ws, [], neighbours=[Neighbour(kept, "continued")])
    assert got is not None and LABEL_X + 5 * len("Jurisdiction") < got.x <= VALUE_X


def test_a_value_tail_overleaf_keeps_the_split_clear_of_it():
    # the last value line alone atop the next page, starting just right of the kept split: the word gap
    # after its first word ("a" | "health") is within an em of it, but the split is clear of the text already
    kept = Split(VALUE_X - 1.6, "style")
    ws = words("a health worker within 12 hours", VALUE_X, 100)
    got = column_split(ws, [], neighbours=[Neighbour(kept, "continued")])
    assert got is not None and got.x == kept.x


def test_a_value_tail_overleaf_keeps_the_ruled_split_over_a_wide_word_gap():
    """A row's last value line alone atop the next page, in a ruled grid: the rule at the split of the
    table it continues counts for that split, which no strip holds (all the text is on one side),
    against the one line's wide word gap."""
    kept = Split(VALUE_X - 1.5, "rule")
    ws = words("Convention against", VALUE_X, 100) + words("Torture", VALUE_X + 5 * 17 + 2.8 + 6, 100)
    rule = VRule(VALUE_X - 1.5, 95, 112)
    got = column_split(ws, [rule], neighbours=[Neighbour(kept, "continued")])
    assert got is not None and got.x == kept.x and dict(got.signals)["rules"] > 0


def test_the_split_falls_between_header_cells_wider_than_their_columns_text():
    """Fragmented text, a bold header row: the label header runs past the labels into the strip, a
    wide word gap inside it ("in   the"), and the value header starts before the centred values. The
    split goes between the two header cells, not into the label header's gap (cutting "year")."""
    def at(text, x, top, gap=2.8):
        out = []
        for t in text.split():
            out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10,
                            font="Arial-Bold"))
            x += 5.0 * len(t) + gap
        return out
    head = at("Indicator as worded in", 57, 80) + at("the", 181, 80) + at("Value, assessment", 212, 80) + \
        at("with its source and year", 57, 91.5)
    body = lines(["Documenting the time", "Lawyer notification"], LABEL_X, 110) + \
        lines(["Yes, investigators are required"], 227, 110) + lines(["No. Only later"], 260, 121.5)
    ws = head + body
    label_end = max(w.x1 for w in head if w.x0 < 200)
    got = column_split(ws, [])
    assert got is not None and label_end < got.x < 212


def test_a_wide_centred_value_overleaf_moves_the_split_within_the_strip_of_the_page_before():
    """The page before held only short centred values ("Partially."), so its clear strip ran from the
    labels' end far right, its split at the strip's right edge. Overleaf, a row's tail is a centred
    line wider than any of them, starting inside that strip: no label started there, so the split
    moves left of it instead of into its word gap."""
    page_before = lines(["Istanbul Protocol"], LABEL_X, 700) + words("Partially.", VALUE_X + 90, 700)
    kept = column_split(page_before, [])
    assert kept is not None and kept.room > 80
    tail = words("Applied by some forensic experts, not binding", VALUE_X, 60)
    got = column_split(tail, [], neighbours=[Neighbour(kept, "continued")])
    assert got is not None and got.x <= VALUE_X


def test_a_wide_centred_value_beside_its_label_overleaf_moves_the_split_left_of_it_too():
    """As above, but the wider centred line overleaf has a label line beside it ("at the actual" |
    "A lawyer is notified"): the value's first word, after the line's own gutter, starts inside the
    strip of the page before, and the kept split (in the word gap after "A") moves left of it."""
    page_before = lines(["Documenting the time"], LABEL_X, 700) + words("Yes.", VALUE_X + 7.0, 700)
    kept = column_split(page_before, [])
    assert kept is not None and VALUE_X + 5 < kept.x < VALUE_X + 7.0 and kept.room > 80
    ws = words("at the actual", LABEL_X, 60) + words("A lawyer is notified only later", VALUE_X, 60) + \
        lines(["Family notification"], LABEL_X, 80) + words("No.", VALUE_X + 7.0, 80)
    got = column_split(ws, [], neighbours=[Neighbour(kept, "continued")])
    assert got is not None and LABEL_X + 5 * len("Family notification") < got.x < VALUE_X


def test_a_tiny_auto_sized_table_s_widest_label_touching_its_value_still_has_its_split():
    """No padding, each column as wide as its text: the widest label ends where its value begins (the two
    read as one word, cut apart by pages.cut_touching), or its last glyph's box runs a kerned pair's
    hundredths of a point past the value's first: no strip is clear of both, yet the values start there."""
    for overlap in (0.0, 0.04):
        edge = VALUE_X - 40
        ws = words("Independent external review", LABEL_X, 100) + words("Public commissions visit", edge, 100) \
            + words("Video surveillance", LABEL_X, 100 + LINE) + words("Partially. Cameras cover", edge, 100 + LINE) \
            + words("Access to video", LABEL_X, 100 + 2 * LINE)
        last = ws[-1]
        ws.append(Word(text="evidence", page=1, x0=last.x1 + 2.8, top=last.top, x1=edge + overlap,
                       bottom=last.bottom, size=10))
        ws += words("Low. Access only by decision", edge, 100 + 2 * LINE)
        got = column_split(ws, [], labels=known_labels(["Independent external review", "Video surveillance",
                                                        "Access to video evidence"]))
        assert got is not None and edge - SNAP <= got.x <= edge, (overlap, got)


def test_a_word_gap_as_wide_as_the_lines_own_is_no_gutter():
    """A fragmented export sets its words 5 to 7 pt apart (past `min_gutter`, half an em). Values
    centred: the first word of a value line standing alone ("The") is a word gap from the rest, and a
    split there parts two lines, against one for the gutter after the label; but that gap is no wider
    than the word gaps of the lines it parts, and the gutter is."""
    def spaced(text, x0, top, gap):
        out, x = [], x0
        for t in text.split():
            out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10))
            x += 5.0 * len(t) + gap
        return out
    def centred(text, centre, top, gap):
        width = sum(5.0 * len(t) for t in text.split()) + gap * (len(text.split()) - 1)
        return spaced(text, centre - width / 2, top, gap)
    centre = VALUE_X + 110
    ws = spaced("Documenting the actual time", LABEL_X, 100, 5.0) + centred("Yes.", centre, 100, 6.5) + \
        centred("The time of actual detention is entered", centre, 114, 6.5) + \
        centred("in the detention report", centre, 128, 6.5)
    label_end, line_start = ws[3].x1, ws[5].x0
    assert line_start - label_end > 20
    got = column_split(ws, [], labels=known_labels(["Documenting the actual time"]))
    assert got is not None and label_end < got.x < line_start


def test_a_known_label_and_a_value_word_on_the_labels_side_speak_against_a_strip_inside_the_values():
    """A table of one row, sized apart from the others: its label flush right 1.5 pt from "Low.", its
    value's further lines wrapped so that a word gap of each falls at one x. That strip parts two lines
    with both edges aligned, but it leaves the label line whole on the labels' side, a known label and
    then a value's capitalised word: the split is at the narrow gap after the label."""
    label = words("Promptness of investigations", 0, 100)
    shift = VALUE_X - 1.5 - label[-1].x1
    label = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in label]
    ws = label + words("Low.", VALUE_X, 100)
    for top, (head, tail) in zip((100 + LINE, 100 + 2 * LINE), (("Preliminary checks take", "up to 30 days"),
                                                                ("Investigators have been", "told to act"))):
        first = words(head, VALUE_X, top)
        ws += first + words(tail, first[-1].x1 + 2.8, top)
    got = column_split(ws, [], labels=known_labels(["Promptness of investigations"]))
    assert got is not None and label[-1].x1 < got.x < VALUE_X


def test_bold_labels_and_plain_values_on_lines_of_their_own_part_at_the_style_change():
    """Bold labels of two lines, each value centred between them on a line of its own: no line holds a
    label and a value. Two values read "No data", so the word gap inside them falls at one x and parts
    two lines; but only the strip after the labels has every bold word on one side and every plain word
    on the other."""
    VALUE = LABEL_X + 23 * 5.0 + 3 * 2.8 + 2.6  # the longest label line's end, and 2.6 pt
    ws = []
    for i, (label, value) in enumerate([(["Judgments and decisions of", "international bodies"], "No data"),
                                        (["Judgments of", "the country's courts"], "32"),
                                        (["Judgments excluding", "evidence under torture"], "No data")]):
        top = 100 + i * 3 * LINE
        ws += bold(lines(label, LABEL_X, top)) + words(value, VALUE, top + LINE / 2)
    got = column_split(ws, [])
    label_end = max(w.x1 for w in ws if w.font == "Arial-Bold")
    assert VALUE - label_end < S.resolve(10.0).min_gutter  # columns sized to their text, a point or two apart
    assert got is not None and label_end < got.x < VALUE and got.source == "style"


def test_a_neighbour_s_split_inside_a_strip_moves_off_a_bold_header_cell_of_the_table_s_own():
    """A table sized to its text: its bold header's value cell starts a few points left of the document's
    split, inside the clear strip between the labels and the centred values. The split holds the
    document's where it cuts no word, but here it would cut the header's "Value,": it lies before the
    header cell instead."""
    cell = 222.5
    ws = bold(words("Indicator as worded in the", LABEL_X, 80) + words("Value, assessment or comment", cell, 80) +
              words("methodology of the index", LABEL_X, 80 + LINE) + words("group, with notes", cell, 80 + LINE))
    for i, (label, value) in enumerate([("Promptness of investigations", "Low."),
                                        ("Involvement of victims", "Preliminary checks take up to 30 days")]):
        width = sum(5.0 * len(t) for t in value.split()) + 2.8 * (len(value.split()) - 1)
        ws += words(label, LABEL_X, 80 + (2 + i) * LINE) + words(value, 340 - width / 2, 80 + (2 + i) * LINE)
    document = Split(226.0, "alignment", room=20.0)
    assert cell < document.x < min(w.x0 for w in ws if w.top > 80 + LINE and w.x0 > 200)
    got = table_split(ws, document, [])
    assert got is not None and max(w.x1 for w in ws if w.x0 < 200) < got.x < cell


def test_a_strip_cutting_known_labels_on_most_lines_it_parts_does_not_qualify():
    """Columns a point or two apart. A long label's first line and its wrapped second line happen to have a
    word gap at one x ("Optional Protocol to the" | "UN", "Degrading Treatment or" | "Punishment"): that
    strip has both edges aligned and parts three lines, but cuts a known label on two of them and ends
    one ("Istanbul Protocol"). The split is after the label, 2 pt before the values."""
    def spaced(text, x, top, gap):
        out = []
        for t in text.split():
            out += words(t, x, top)
            x = out[-1].x1 + gap
        return out
    first = spaced("Optional Protocol to the", LABEL_X, 100, 2.8)
    second = spaced("Degrading Treatment or", LABEL_X, 100 + LINE, 6.7)
    assert abs(first[-1].x1 - second[-1].x1) < 0.01
    first += spaced("UN Convention against Torture and Other Cruel, Inhuman or", first[-1].x1 + 2.8, 100, 2.8)
    second += spaced("Punishment (2002)", second[-1].x1 + 2.8, 100 + LINE, 2.8)
    value_x = first[-1].x1 + 2.0
    ws = first + words("Yes, ratified in 2006", value_x, 100) + second + \
        words("Istanbul Protocol", LABEL_X, 100 + 2 * LINE + 4) + words("No", value_x, 100 + 2 * LINE + 4)
    labels = known_labels(["Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or "
                           "Degrading Treatment or Punishment (2002)", "Istanbul Protocol"])
    got = column_split(ws, [], labels=labels)
    assert got is not None and first[-1].x1 < got.x < value_x


def test_bold_label_lines_above_a_value_at_the_bottom_are_labels_not_titles():
    """Bold labels, values at the bottom of their cells: a long label's first lines stand alone, and
    the longest ends past its last line (beside the value). Every bold line ends before any plain word
    starts, so they are label lines, not titles across the table, and no split runs through them."""
    second = words("Convention against Torture and", LABEL_X, 100 + LINE)
    second += words("Other", second[-1].x1 + 5.5, 100 + LINE)  # a fragmented export's wide word gap
    ws = bold(words("Optional Protocol to the UN", LABEL_X, 100) + second + words("Cruel or Degrading (2002)", LABEL_X,
                                                                              100 + 2 * LINE)) + \
        words("No. Signed in 2016 but not ratified", VALUE_X, 100 + 2 * LINE) + \
        bold(lines(["Istanbul Protocol"], LABEL_X, 100 + 3 * LINE + 4)) + words("No", VALUE_X + 40, 100 + 3 * LINE + 4)
    longest = max(w.x1 for w in ws if w.text == "Other")
    got = column_split(ws, [], labels=known_labels(["Optional Protocol to the UN Convention against Torture and "
                                                    "Other Cruel or Degrading (2002)", "Istanbul Protocol"]))
    assert got is not None and longest < got.x < VALUE_X


def test_a_two_line_table_with_the_documents_very_edges_keeps_the_document_split():
    """Labels flush right 2 pt from values flush left. A table of two lines: its values' first words
    ("Low.", "case") happen to be one width, so the gap after them lines up on both sides, and parts
    both lines. But the strip at the document's split has the document's very edges: the table
    shares the document's columns."""
    label = words("Promptness of investigations", 0, 100)
    shift = 200.0 - label[-1].x1
    label = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in label]
    ws = label + words("Low. Preliminary checks take", 202.0, 100) + words("case is opened", 202.0, 111.5)
    document = Split(201.0, "alignment", (), 1.0)
    got = table_split(ws, document, [])
    assert got is not None and got.x == 201.0 and "neighbour_edges" in dict(got.signals)


def test_a_fragmented_bold_label_s_word_gap_inside_the_strip_is_no_cell_start():
    """A bold header row keeps bold lines out of the strips. A bold label alone on its line (its value
    centred below), fragmented: its words 6.3 to 7 pt apart, the 7 pt gap before "video" inside the
    strip, past `min_gutter` but no wider than the line's other gaps: no value cell starts there."""
    head = bold(words("Indicator", LABEL_X, 80) + words("Value as published", VALUE_X, 80))
    ws, x = [], LABEL_X
    for t, gap in [("Access", 6.3), ("to,", 6.3), ("and", 6.3), ("safekeeping", 6.3), ("of", 7.0), ("video", 0)]:
        ws.append(Word(text=t, page=1, x0=x, top=112, x1=x + 5.0 * len(t), bottom=122, size=10, font="Arial-Bold"))
        x += 5.0 * len(t) + gap
    ws = head + lines(["Video surveillance"], LABEL_X, 100) + words("No. Not required", VALUE_X, 100) + bold(ws) + \
        words("Unsatisfactory", VALUE_X, 118)
    got = column_split(ws, [])
    assert got is not None and ws[-2].x1 < got.x < VALUE_X


def test_a_table_head_takes_the_split_of_its_rest_overleaf_anywhere_in_that_strip():
    """A table's head at the foot of a page: its one line of both sides, a word space wider between
    label and value (3.2 pt) than between words (2.4 pt), nothing aligned. Overleaf, the rest of the
    table placed its split at a centred value far right, in a clear strip reaching back past the
    labels: any strip of this line inside that one fits it, and the line's widest is the gutter."""
    ws, x = [], LABEL_X
    text = "Optional Protocol to the UN Convention against Torture and No. Signed in 2013 but not ratified"
    for t in text.split():
        ws.append(Word(text=t, page=1, x0=x, top=700, x1=x + 5.0 * len(t), bottom=710, size=10))
        x += 5.0 * len(t) + (3.2 if t == "and" else 2.4)
    ws += words("Relevant conventions", LABEL_X, 685)
    rest = Split(ws[15].x1 + 12, "labels", (), 230.0)  # far right of "in", reaching back past the labels
    got = column_split(ws, [], neighbours=[Neighbour(rest, "overleaf")])
    assert got is not None and ws[8].x1 < got.x < ws[9].x0  # between "and" and "No."


def test_a_table_head_takes_the_strip_that_opens_where_its_rest_overleaf_does():
    """A fragmented export: a table's head at a page's foot, one line of a label set flush right and its
    value, word gaps 5.5 to 6.6 pt, the gutter 4.4 pt. Overleaf, the rest's clear strip opens where its
    labels end, at the same x as here: of this line's strips inside that one, the one opening there
    is the gutter, though others are wider."""
    ws, x = [], LABEL_X
    label = "Optional Protocol to the UN Convention against".split()
    for i, t in enumerate(label + "No. Signed in 2013 but not ratified".split()):
        ws.append(Word(text=t, page=1, x0=x, top=700, x1=x + 5.0 * len(t), bottom=710, size=10))
        x += 5.0 * len(t) + (4.4 if i == len(label) - 1 else 5.5 + 0.2 * (i % 6))
    ws += words("Relevant conventions", LABEL_X, 685)
    edge = ws[len(label) - 1].x1  # where the labels end, here and overleaf
    rest = Split(edge + 80, "labels", (), 80.0)  # placed before a value far right, its strip reaching back to the edge
    assert max(b.x0 - a.x1 for a, b in zip(ws[len(label):], ws[len(label) + 1:7 + len(label)])) > 4.4 + 1
    got = column_split(ws, [], neighbours=[Neighbour(rest, "overleaf")])
    assert got is not None and edge < got.x < ws[len(label)].x0  # between "against" and "No."


def test_a_bold_header_row_parted_at_its_cells_gap_shows_the_columns():
    """A table's head at a page's foot: a bold header row of two cells, then one row whose label line
    has its value's verdict beside it, 7 pt away (its word gaps are 5 pt: no gutter to see), the rest
    of the value on lines of its own, centred, whose second words happen to start at one x: a split
    there parts three lines on an aligned edge, but cuts the value header's cell; the header's cells
    show the columns."""
    def spaced(text, x, top, gap=5.0, font=""):
        out = []
        for t in text.split():
            out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10, font=font))
            x += 5.0 * len(t) + gap
        return out
    label = spaced("There is a body authorized to investigate torture", LABEL_X, 100)
    value_x = label[-1].x1 + 7.0
    at = value_x + 90  # centred value lines whose second words happen to start at one x, "Partially." there too
    second = spaced("A specialised", at - 5 - 65, 114)
    ws = spaced("Indicator as worded", LABEL_X, 80, 2.8, "Arial-Bold") + \
        spaced("Value, assessment or comment as published", value_x, 80, 2.8, "Arial-Bold") + \
        label + spaced("Partially.", at, 100) + second + spaced("unit of the office", at, 114) + \
        spaced("Office's", value_x, 128) + spaced("handles torture", at, 128)
    got = column_split(ws, [])
    assert got is not None and label[-1].x1 < got.x < value_x and "header_gap" in dict(got.signals)


def test_a_bold_header_row_over_centred_values_right_of_it_is_parted_at_its_cells_gap():
    """Bold labels, short plain values centred far right, under a bold header row whose "Value" cell starts
    2 pt past the longest label line. Every bold line ends before the values start, so each stays among the
    lines that make strips, and the strip between "Value" and the values is wide and has the style change on
    both lines in two. The header's cells part only at the document's split, as a header row's cells do."""
    long_line = words("against Torture and Other Cruel, Inhuman", LABEL_X, 100 + LINE)
    cell = long_line[-1].x1 + 2.2
    ws = bold(words("Indicator", LABEL_X, 80) + words("Value", cell, 80) + words("Relevant conventions", LABEL_X, 100)
              + long_line + words("or Degrading (2002)", LABEL_X, 100 + 2 * LINE)) + \
        words("Yes, ratified in 2008", cell + 110, 100 + 2 * LINE) + \
        bold(words("Istanbul Protocol", LABEL_X, 100 + 3 * LINE)) + words("Yes.", cell + 140, 100 + 3 * LINE)
    got = table_split(ws, Split(cell - 1.1, "style", (), 1.1), [])
    assert got is not None and long_line[-1].x1 < got.x < cell and "header_gap" in dict(got.signals)


def test_one_line_of_a_whole_known_label_up_to_its_own_gutter_qualifies_a_narrow_strip():
    """A shrink-to-fit table, values centred on lines of their own but one: its longest label line ends
    3.7 pt before the value column. Only "Judgments of national courts" | "no data" has both sides, and
    there the whole known label runs up to the line's own gutter: that is the table's split."""
    labels = known_labels(["Judgments and decisions of international bodies documenting the problem of torture",
                           "Judgments of national courts"])
    ws = lines(["Judgments and decisions of international bodies", "documenting the problem of torture"], LABEL_X, 100)
    edge = max(w.x1 for w in ws)
    ws += words("34", edge + 15, 106) + words("Judgments of national courts", LABEL_X, 130) + words("no data", edge + 3.7, 130)
    got = column_split(ws, [], labels=labels)
    assert got is not None and edge < got.x < edge + 3.7


def test_a_word_gap_through_a_known_label_parts_no_line_for_the_strips_signal():
    """Centred labels and values in a shrink-to-fit table: the longest label line's word gap after "the"
    lines up with where two other labels end. That strip parts the long line too, but through a known
    label (a word gap): the line counts for no strip there, and the gutter 4.4 pt past the line wins."""
    labels = known_labels(["Judgments and decisions of international bodies documenting the problem of torture and "
                           "ill-treatment", "Judgments of national courts", "Judgments excluding evidence obtained under torture"])
    first = words("Judgments and decisions of international bodies documenting the problem of", LABEL_X, 100)
    the = next(w for w in first if w.text == "the").x1
    edge = first[-1].x1 + 4.4

    def shifted(ws, d):
        return [w.model_copy(update={"x0": w.x0 + d, "x1": w.x1 + d}) for w in ws]

    def ending(text, top, at):
        ws = words(text, LABEL_X, top)
        return shifted(ws, at - ws[-1].x1)

    def centred(text, top, centre):
        ws = words(text, 0, top)
        return shifted(ws, centre - (ws[0].x0 + ws[-1].x1) / 2)

    centre = edge + 31.4
    ws = first + centred("40", 100 + LINE / 2, centre) + \
        centred("torture and ill-treatment", 100 + LINE, (first[0].x0 + first[-1].x1) / 2) + \
        ending("Judgments of national courts", 130, the) + centred("26", 130, centre) + \
        ending("Judgments excluding evidence obtained under torture", 150, the) + centred("Not available", 150, centre)
    got = column_split(ws, [], labels=labels)
    assert got is not None and first[-1].x1 < got.x < edge


def test_a_word_gap_inside_a_value_centred_where_the_others_are_parts_no_line_for_the_strips_signal():
    """A fragmented export, labels wrapped on lines of their own and values centred between them, each
    on a line of its own: "Not available" has a 6 pt word gap, the one line a strip there parts. But
    its whole text is centred where the other values are: a value cut at a word gap, not a label beside
    its value. The gutter left of every value wins."""
    centre = 270.0

    def centred(pieces, top):
        ws, x = [], 0.0
        for t, gap in pieces:
            x += gap
            ws.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10))
            x += 5.0 * len(t)
        d = centre - (ws[0].x0 + ws[-1].x1) / 2
        return [w.model_copy(update={"x0": w.x0 + d, "x1": w.x1 + d}) for w in ws]

    ws = lines(["Judgments and decisions of", "international bodies"], LABEL_X, 100) + centred([("40", 0)], 106) + \
        lines(["Judgments of the", "national courts"], LABEL_X, 130) + centred([("26", 0)], 136) + \
        lines(["Judgments excluding", "evidence under torture"], LABEL_X, 160) + \
        centred([("Not", 0), ("available", 6.0)], 166)
    labels_end = max(w.x1 for w in ws if w.x0 < 200)
    got = column_split(ws, [])
    assert got is not None and labels_end < got.x < min(w.x0 for w in ws if w.x0 > 200)


def test_a_word_gap_that_runs_through_known_labels_is_no_split():
    """Labels of first words of one width ("Optional", "Criminal", "Juvenile") line up their first
    word gaps, and the one value sits on a line of its own: that aligned gap parts three lines, but
    runs through known labels on two of them and ends none. It is a word gap, not the columns."""
    labels = known_labels(["Optional Protocol to the UN", "Criminal Code of the country"])
    ws = lines(["Optional Protocol to the UN", "Criminal Code of the country"], LABEL_X, 100) + \
        words("No", 400, 100 + 2 * LINE) + words("Juvenile justice system", LABEL_X, 100 + 3 * LINE)
    got = column_split(ws, [], labels=labels)
    assert got is not None and max(w.x1 for w in ws if w.x0 < 390) < got.x < 400


# --- the finder's signals, one at a time -----------------------------------------------------------

def styled(ws: list[Word], **update) -> list[Word]:
    return [w.model_copy(update=update) for w in ws]


def label_edge() -> float:
    return max(w.x1 for w in words("Number of investigators", LABEL_X, 100))


def close_columns(gap: float, label_font: str = "", value_font: str = "") -> list[Word]:
    """Three rows of a shrink-to-fit table: labels left-aligned, values `gap` pt after the widest label."""
    labels = [["Number of investigators"], ["Budget"], ["Geographic coverage"]]
    right = label_edge()
    out = []
    for i, (label, value) in enumerate(zip(labels, ["No data", "12 KZT", "Low in the regions"])):
        out += styled(lines(label, LABEL_X, 100 + i * 20), font=label_font)
        out += styled(words(value, right + gap, 100 + i * 20), font=value_font)
    return out


def test_a_column_gap_narrower_than_a_word_space_is_found_by_aligned_value_starts():
    right = label_edge()
    split = column_split(close_columns(1.5), [])
    assert right < split.x <= right + 1.5 and "alignment" in dict(split.signals)


def test_bold_labels_beside_regular_values_are_a_style_signal():
    split = column_split(close_columns(1.5, label_font="Arial-Bold", value_font="Arial"), [])
    right = label_edge()
    assert right < split.x <= right + 1.5 and dict(split.signals).get("style") == 1.0
    off = S.model_copy(update={"vertical_strategy": ["strips", "rules", "neighbours"]})  # no alignment, no style
    # the narrow strip is a word space, but on two lines of three it is the line's own gutter ("Budget" | "12 KZT")
    alone = column_split(close_columns(1.5, "Arial-Bold", "Arial"), [], off)
    assert alone is not None and right < alone.x <= right + 1.5 and set(dict(alone.signals)) == {"strips", "own_gutters"}
    off = S.model_copy(update={"vertical_strategy": ["rules", "neighbours"]})
    assert column_split(close_columns(1.5, "Arial-Bold", "Arial"), [], off) is None


def test_bold_labels_on_lines_of_their_own_beside_centred_values_part_at_the_column_gap():
    # values centred in their cells share no baseline with their two-line bold labels: every label line is
    # bold throughout, and none is a title row across the table (each ends before any value starts)
    bold = lambda ws: [w.model_copy(update={"font": "DejaVuSans-Bold"}) for w in ws]  # noqa: E731
    value_x = 190.0
    ws = bold(lines(["Judgments and decisions of", "international bodies"], LABEL_X, 100)) + words("16", value_x, 106) + \
        bold(lines(["Judgments of", "Kazakhstan's courts"], LABEL_X, 130)) + words("No data", value_x, 136) + \
        bold(lines(["Judgments excluding", "evidence obtained"], LABEL_X, 160)) + words("No data", value_x, 166)
    split = column_split(ws, [])
    assert max(w.x1 for w in ws if w.x0 < value_x) < split.x < value_x


def test_bold_labels_on_lines_of_their_own_under_a_bold_header_row_part_at_the_column_gap():
    # as above, under a bold header row of three lines whose value cell starts where the values do: the header
    # is no title across the table either, so the gap of two value words ("No" | "data") is no split
    bold = lambda ws: [w.model_copy(update={"font": "DejaVuSans-Bold"}) for w in ws]  # noqa: E731
    value_x = 190.0
    header = bold(words("Indicator as worded", LABEL_X, 60) + words("Value,", value_x, 60) +
                  words("in the methodology", LABEL_X, 60 + LINE) + words("assessment or", value_x, 60 + LINE) +
                  words("of the index", LABEL_X, 60 + 2 * LINE) + words("comment", value_x, 60 + 2 * LINE))
    ws = header + bold(lines(["Judgments and decisions of", "international bodies"], LABEL_X, 100)) + \
        words("16", value_x, 106) + bold(lines(["Judgments of", "Kazakhstan's courts"], LABEL_X, 130)) + \
        words("No data", value_x, 136) + bold(lines(["Judgments excluding", "evidence obtained"], LABEL_X, 160)) + \
        words("No data", value_x, 166)
    split = column_split(ws, [])
    assert split is not None and max(w.x1 for w in ws if w.x0 < value_x) < split.x < value_x
    title = bold(words("Judgments documenting the problem of torture", LABEL_X, 80))  # across the value column
    split = column_split(title + ws, [])
    assert split is not None and max(w.x1 for w in ws if w.x0 < value_x) < split.x < value_x


def test_a_bold_header_line_parted_by_a_word_gap_where_plain_labels_start_is_no_body_line():
    """Plain labels set flush right, the longest starting at x = 73; the bold header's last line starts at
    the margin and its word gap "its" | "source" happens to hold x = 73: a word space, no cell gap, so
    the line stays out of the strips, and no split goes there."""
    bold = lambda ws: [w.model_copy(update={"font": "DejaVuSans-Bold"}) for w in ws]  # noqa: E731
    header = bold(words("Indicator as worded in the methodology", LABEL_X, 60)) + \
        bold(words("its source and year", LABEL_X, 60 + LINE))
    assert header[-4].x1 < 73 < header[-3].x0
    labels = ["Number of complaints of torture", "Budget", "Geographic coverage"]
    edge = 73 + max(w.x1 for w in words(labels[0], 0, 0))  # where the labels end

    def right(text, top):
        ws = words(text, 0, top)
        return [w.model_copy(update={"x0": w.x0 + edge - ws[-1].x1, "x1": w.x1 + edge - ws[-1].x1}) for w in ws]
    rows = [w for i, (label, value) in enumerate(zip(labels, ["18 105", "No data", "High."]))
            for w in right(label, 100 + 20 * i) + words(value, edge + 10, 100 + 20 * i)]
    from pipeline.convert.extract.columns import _table_lines
    table = _table_lines(header + rows, Finder(S.resolve(10.0)))
    assert [ln.text for ln in table.titles] == ["Indicator as worded in the methodology", "its source and year"]
    split = column_split(header + rows, [])
    assert split is not None and edge < split.x < edge + 10


def test_labels_and_values_each_in_a_style_of_their_own_outweigh_aligned_centred_values():
    """Shrink-to-fit: bold labels, values centred in a narrow column ("15" and "59" of one width start
    together, "no data" wider starts 2.4 pt after its label's first line). Where the styles part,
    every label word is bold and every value word plain; at the strip after "no", they are not."""
    bold = lambda ws: [w.model_copy(update={"font": "DejaVuSans-Bold"}) for w in ws]  # noqa: E731
    label = bold(words("Judgments excluding evidence obtained", LABEL_X, 160))
    edge = label[-1].x1
    ws = bold(lines(["Judgments and decisions of"], LABEL_X, 100)) + words("15", edge + 12.0, 100) + \
        bold(lines(["Judgments of Ukraine's courts"], LABEL_X, 130)) + words("59", edge + 12.0, 130) + \
        label + words("no data", edge + 2.4, 160) + bold(words("under torture", LABEL_X, 160 + LINE))
    split = column_split(ws, [])
    assert split is not None and edge < split.x < edge + 2.4 and "styles_apart" in dict(split.signals)


def test_value_words_past_a_known_label_and_a_gutter_speak_against_a_split():
    # a table sized to its text, labels and values centred: the document's split (274) falls in the word
    # space after "No", the value's first word; the table's own gutter (258.8-262) is narrower than a word space
    ws = words("Independent external review mechanism", 70, 100) + words("No independent mechanism; visits", 262, 100) + \
        words("Video surveillance", 110, 115) + words("Partially. Cameras cover corridors", 280, 115) + \
        words("Access to, and safekeeping of video evidence", 52, 130) + words("Unsatisfactory", 300, 130)
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    got = find_split(ws, Finder(S.resolve(10.0), labels), [], [Neighbour(Split(274.0, "alignment"), "document")])
    assert 258.8 < got.x < 262


def test_a_known_label_s_piece_and_a_capitalised_word_more_speak_against_a_split():
    """Shrink-to-fit, labels and values centred: "40" and "26" of one width, and "Not available" 2 pt after
    a wrapped label's first line. Between "Not" and "available" the left text is a known label's start
    and one capitalised word more: a value's first word on the labels' side."""
    def centred(text, middle, top):
        ws = words(text, 0, top)
        shift = middle - (ws[0].x0 + ws[-1].x1) / 2
        return [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in ws]
    first = words("Judgments excluding evidence obtained under", LABEL_X, 160)
    value = words("Not available", first[-1].x1 + 2.0, 160)
    middle = (value[0].x0 + value[-1].x1) / 2
    ws = centred("Judgments and decisions of", 160, 100) + centred("40", middle, 100) + \
        centred("Judgments of Tajikistan's courts", 160, 130) + centred("26", middle, 130) + first + value + \
        centred("torture", 160, 160 + LINE)
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    got = find_split(ws, Finder(S.resolve(10.0), labels), [])
    assert got is not None and first[-1].x1 < got.x < value[0].x0


def test_a_split_right_of_a_lines_own_gutter_loses():
    # values centred across the cell, rows of two labels the codebook does not know: two value lines happen
    # to start where a strip inside the values ends ("checks", "rarely", after word gaps of 5.2 pt, as wide as
    # a gutter), which reads as aligned value starts; but left of that strip a line holds its real gutter,
    # 56 pt wide among word spaces of 2.8
    ws = words("Promptness of investigations", 72, 100) + words("Low. Preliminary", 271, 100) + \
        words("checks take up to", 353.8, 100) + words("case is opened", 364, 111) + \
        words("Involvement of victims in", 72, 124) + words("Low. Victims", 290.0, 129) + \
        words("rarely get the file", 353.8, 129) + words("investigations", 72, 135)
    starts = sorted({w.x0 for w in ws if w.text in ("checks", "rarely")})
    assert len(starts) == 1  # the coincidence the test is about
    got = column_split(ws, [], neighbours=[Neighbour(Split(266.0, "alignment"), "document")])
    assert got.x < 271 and dict(got.signals).get("gutter_left") is None


def test_a_colour_change_is_a_style_signal_too():
    ws = close_columns(1.5)
    right = label_edge()
    coloured = [w.model_copy(update={"color": "0.1 0.3 0.54"}) if w.x1 <= right else w for w in ws]
    assert dict(column_split(coloured, []).signals).get("style") == 1.0


def test_known_labels_tell_the_column_gap_from_a_word_space_clear_down_a_tiny_table():
    # every label begins "Judgments": the word space after it is clear and aligned on both edges
    long = "Judgments excluding evidence obtained under torture"
    value_x = max(w.x1 for w in words(long, LABEL_X, 0)) + 3  # the columns 3 pt apart
    ws = lines(["Judgments of international bodies"], LABEL_X, 100) + words("16", value_x, 100) + \
        lines([long], LABEL_X, 120) + words("No data", value_x, 120) + \
        lines(["Judgments of Kazakhstan's courts"], LABEL_X, 140) + words("3", value_x, 140)
    assert column_split(ws, []).x < LABEL_X + 5 * len("Judgments") + 3  # without the codebook, the word space wins
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    got = column_split(ws, [], labels=labels)
    assert got.x > LABEL_X + 5 * len("Judgments") + 3 and dict(got.signals).get("labels")


def test_known_label_endings_and_starts():
    known = known_labels(["Optional Protocol to the UN Convention against Torture",
                          "Optional Protocol to the UN Convention against Torture and Other Cruel Treatment",
                          "Judgments of {country} courts", "Budget"])
    line = words("Optional Protocol to the UN Convention against Torture and Other", LABEL_X, 100)
    ends, cuts, _ = known.marks(line)
    assert 8 not in ends and 8 in cuts  # a longer label goes on past "... against Torture"
    assert cuts == {1, 2, 3, 4, 5, 6, 7, 8, 9} and not ends  # every split of this line cuts a label
    assert known.marks(words("Budget 12", LABEL_X, 100)) == ({1}, set(), {1})
    assert known.marks(words("Judgments of Armenia's courts 4", LABEL_X, 100))[0] == {4}  # any name in the placeholder
    assert 5 in known.marks(words("the UN Convention against Torture No", LABEL_X, 100))[0]  # a wrapped label's last line
    # a wrapped label's middle line: a split that leaves its next word on the right cuts it; past its last word it does not
    middle = known.marks(words("UN Convention against Torture and Other Yes, 2006", LABEL_X, 100))
    assert middle[1] == {1, 2, 3, 4, 5} and 6 not in middle[1]


def test_a_wrapped_label_s_middle_line_is_not_cut_at_a_word_gap_beside_a_short_value():
    # a one-row table at a page's foot: the label's second line runs past its first, and past the gap before
    # its last word ("or") both lines are clear; a split there cuts the label's text, the document's does not
    opcat = ("Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or Degrading "
             "Treatment or Punishment (2002)")
    ws = words("Optional Protocol to the UN Convention", LABEL_X, 100) + words("Yes, ratified in 2006", VALUE_X, 100) + \
        words("against Torture and Other Cruel, Inhuman", LABEL_X, 111.5)
    ws += words("or", max(w.x1 for w in ws if w.top > 110) + 5, 111.5)
    document = [Neighbour(Split(VALUE_X - 1, "alignment"), "document")]  # the split of the document's other tables
    labels = known_labels([opcat])
    assert column_split(ws, [], neighbours=document, labels=labels).x == VALUE_X - 1


def test_a_word_space_wide_strip_qualifies_where_the_text_left_of_it_is_pieces_of_known_labels():
    # centred cells 2 pt apart, no edge aligned, no rule, no style, and only two lines end a known label: but
    # all the lines' text left of the strip but one ("law") is a piece of a known label (its start, middle or
    # end) that the strip does not cut
    labels = known_labels(["Explicit prohibition of torture in criminal law",
                           "Criminalization of acts falling within the definition of torture",
                           "Criminalization of torture as prescribed by international treaties"])
    def width(t):
        return max(w.x1 for w in words(t, 0, 0))

    left_edge = 57.0 + width("Criminalization of torture as prescribed by")  # the longest label line's end

    def row(label_lines, value_lines, top):
        out = []
        for i, t in enumerate(label_lines):  # centred in the label column
            out += words(t, 57.0 + (left_edge - 57.0 - width(t)) / 2, top + i * LINE)
        for i, (t, dx) in enumerate(value_lines):
            out += words(t, left_edge + dx, top + i * LINE)
        return out
    ws = row(["Explicit prohibition of torture in criminal", "law"],
             [("Yes. Article 320 of the Criminal Code explicitly", 9), ("prohibits torture in all its forms", 31)], 100) + \
        row(["Criminalization of acts falling within the", "definition of torture"],
            [("Infliction of pain through torture - Art. 372 of the", 2), ("Criminal Code", 67)], 130) + \
        row(["Criminalization of torture as prescribed by", "international treaties"],
            [("Yes, but the definition omits acts committed", 14), ("with the consent of an official", 38)], 160)
    # without the codebook, only the lines' own gutters (an em wide, on two lines of three) speak for it
    alone = column_split(ws, [])
    assert alone is not None and left_edge < alone.x < left_edge + 2 and "labels" not in dict(alone.signals)
    assert dict(alone.signals)["own_gutters"] > 0
    split = column_split(ws, [], labels=labels)
    assert split is not None and left_edge <= split.x <= left_edge + 2


def test_the_document_split_stays_where_it_is_inside_a_table_strip():
    document = Split(VALUE_X - 1, "alignment")
    ws = lines(["Budget"], LABEL_X, 100) + words("No data", VALUE_X, 100)
    got = table_split(ws, document, [])
    assert got.x == VALUE_X - 1 and dict(got.signals)["neighbours"] > 0


def test_a_one_line_table_of_uneven_word_gaps_keeps_the_document_split():
    # a fragmented export: word gaps of 4.3 to 7 pt (0.43-0.7 em), every one a clear strip of the one line;
    # the widest (7 pt, past a word space) is no gutter beside gaps nearly as wide
    gaps = [6.8, 6.8, 4.3, 5.7, 4.7, 7.0, 6.3, 5.1]
    ws, x = [], LABEL_X
    for t, gap in zip("Independent external review The NPM operates countrywide under the".split(), gaps + [0]):
        ws.append(Word(text=t, page=1, x0=x, top=100, x1=x + 5.0 * len(t), bottom=110, size=10))
        x += 5.0 * len(t) + gap
    value_x = ws[3].x0
    got = table_split(ws, Split(value_x - 1, "alignment"), [])
    assert got.x == value_x - 1 and got.source == "neighbour"
    # a gutter clearly wider than the line's word gaps is still the table's own
    ws = words("Istanbul Protocol", LABEL_X, 100) + words("No", VALUE_X, 100)
    assert table_split(ws, Split(LABEL_X + 60, "alignment"), []).x > LABEL_X + 100


def test_a_bold_heading_over_a_one_line_table_leaves_it_a_table_of_one_line():
    """A bold sub-heading makes no strips: under it, the one plain line's word gaps (6 pt, wider than
    the 3 pt between its label and value) are still no gutters, and the document's split holds."""
    ws, x = [], LABEL_X
    for t in "Optional Protocol to the UN Convention".split():
        ws.append(Word(text=t, page=1, x0=x, top=112, x1=x + 5.0 * len(t), bottom=122, size=10))
        x += 5.0 * len(t) + 6.0
    value_x = ws[-1].x1 + 3.0
    ws += [Word(text=t, page=1, x0=value_x + 30 * i, top=112, x1=value_x + 30 * i + 24.0, bottom=122, size=10)
           for i, t in enumerate(["Yes,", "ratified", "in", "2008"])]
    heading = bold(words("Relevant conventions", ws[-5].x1 - 100, 100))
    got = table_split(heading + ws, Split(value_x - 1, "alignment"), [])
    assert got.x == value_x - 1 and got.source == "neighbour"


# --- rows set with no spacing at all ----------------------------------------------------------------

def test_rows_with_no_spacing_part_where_label_and_value_start_on_one_baseline():
    # top-aligned, 11.5 pt pitch, no gap between rows at all
    ws = lines(["Judgments and decisions of international", "bodies on torture", "Judgments of national courts",
                "Number of investigators", "Investigator workload"], LABEL_X, 100) + \
        lines(["16", "", "No data", "No data", "About 7 cases a year"], VALUE_X, 100)
    ws = [w for w in ws if w.text]
    assert rows_of([Chunk("S", 1, ws, [], False)], VALUE_X - 1) == [
        ("Judgments and decisions of international / bodies on torture", "16"),
        ("Judgments of national courts", "No data"), ("Number of investigators", "No data"),
        ("Investigator workload", "About 7 cases a year")]


def test_a_whole_known_value_in_lower_case_opens_a_row_where_rows_touch():
    # top-aligned, no spacing: "Partially." and its second paragraph, then "Number of investigators" beside
    # "no data" (the codebook's no-data form, in lower case) on the next line step
    ws = lines(["There is a body authorized", "", "", "Number of investigators"], LABEL_X, 100) + \
        lines(["Partially.", "A specialised unit handles", "torture cases only", "no data"], VALUE_X, 100)
    ws = [w for w in ws if w.text]
    chunk = Chunk("S", 1, ws, [], False)
    chunk.split = Split(VALUE_X - 1, "alignment")
    known = known_labels(["Number of investigators"], values=["No data"])
    rows = read_tables([chunk], S.resolve(10.0), known=known).rows
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in rows] == [
        ("There is a body authorized", "Partially. / A specialised unit handles / torture cases only"),
        ("Number of investigators", "no data")]
    # without the codebook's values no row starts at "no data": the paragraph above went with it, below its label
    rows = read_tables([chunk], S.resolve(10.0)).rows
    assert rows[1].value.lines[0] == "A specialised unit handles"


def test_a_value_that_opens_with_a_verdict_starts_a_row_where_rows_touch():
    # top-aligned, no spacing, labels none of the codebook's, every line about full: neither column shows a
    # paragraph end above "Notifying" / "No." (the next word would not have fitted), but "No." opens an
    # assessment, as a wrapped line of the value above does not
    ws = lines(["Documenting the actual time of the", "detention in writing at the moment it happens",
                "Notifying a lawyer of the detention"], LABEL_X, 100) + \
        lines(["Yes. The time of detention is written", "into the record of the detention itself",
               "No. The lawyer is told only after", "the record is drawn up"], VALUE_X, 100)
    chunk = Chunk("S", 1, ws, [], False)
    chunk.split = Split(VALUE_X - 1, "alignment")
    verdicts = known_labels(["Number of investigators"], verdicts=["Yes", "No"])
    rows = read_tables([chunk], S.resolve(10.0), known=verdicts).rows
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in rows] == [
        ("Documenting the actual time of the / detention in writing at the moment it happens",
         "Yes. The time of detention is written / into the record of the detention itself"),
        ("Notifying a lawyer of the detention", "No. The lawyer is told only after / the record is drawn up")]
    assert len(read_tables([chunk], S.resolve(10.0), known=known_labels(["Number of investigators"])).rows) == 1


def test_a_verdict_leads_a_line_in_any_grammatical_form_with_a_stop_after_it():
    known = known_labels([], verdicts=["Yes", "Да", "Высокий"], verdict_stems=["высок"])
    assert known.leads("No. Such investigations") is False  # not among these verdicts
    assert known.leads("Yes, in article 146") and known.leads("Да. Время") and known.leads("Высокая: до 9 дел")
    assert not known.leads("Yes")  # no stop after it: a value's only word, or a wrapped line's first
    assert not known.leads("Высокогорные, районы")  # more than an ending past the stem
    assert not known.leads("Art. 146")


def test_a_label_block_that_opens_in_lower_case_says_nothing_of_where_values_sit():
    # atop a continued table, the rest of a label the page break split, then a row of its own whose value sits
    # on its first line: no value at the bottom of a cell of two lines
    from pipeline.convert.extract.lines import cell_alignment, group_lines
    label = group_lines(lines(["or Punishment (2002)", "Istanbul Protocol"], LABEL_X, 100), 4.5)
    value = group_lines(words("Yes. Not implemented", VALUE_X, 100 + LINE), 4.5)
    assert cell_alignment([label], [value], 4.5) == {}
    # ... as a block that opens with a capital does
    label = group_lines(lines(["Optional Protocol (2002)", "Istanbul Protocol"], LABEL_X, 100), 4.5)
    assert cell_alignment([label], [value], 4.5) == {"bottom": 1}
    # a value's rest in lower case, beside a shorter label: nothing said of where labels sit
    value = group_lines(lines(["in the national law", "Yes. Not implemented"], VALUE_X, 100), 4.5)
    label = group_lines(words("Istanbul Protocol", LABEL_X, 100 + LINE), 4.5)
    assert cell_alignment([label], [value], 4.5) == {}


def test_a_label_level_with_a_taller_value_that_may_hold_another_row_s_paragraph_says_top_only_maybe():
    """A one-line label on its value block's first baseline says labels sit atop their cells, unless the
    block may hold another row: a paragraph opens just under the label (rows with no padding run the next
    row's first paragraph in), or the value block above stands beside no label (it may be this row's first
    paragraph, the label centred on the whole value and level with this block by chance)."""
    from pipeline.convert.extract.lines import cell_alignment, group_lines
    label = group_lines(words("Investigator workload", LABEL_X, 100), 4.5)
    wrapped = group_lines(lines(["About 7 cases per", "investigator per year"], VALUE_X, 100), 4.5)
    assert cell_alignment([label], [wrapped], 4.5) == {"label top": 1}
    two_rows = group_lines(lines(["About 7 cases per year", "Regional divisions in 3 of 16"], VALUE_X, 100), 4.5)
    assert cell_alignment([label], [two_rows], 4.5) == {"label top, maybe": 1}
    lead = group_lines(words("Partially.", VALUE_X, 100 - 2 * LINE), 4.5)
    assert cell_alignment([label], [lead, wrapped], 4.5) == {"label top, maybe": 1}


def test_no_row_starts_where_values_are_centred_or_at_the_bottom():
    from pipeline.convert.extract.lines import cell_alignment, group_lines
    label = group_lines(lines(["Optional Protocol to the UN", "Convention against Torture and", "Other Cruel Treatment"],
                              LABEL_X, 100), 4.5)
    bottom = group_lines(words("No.", VALUE_X, 123), 4.5)
    centre = group_lines(words("No.", VALUE_X, 111.5), 4.5)
    top = group_lines(words("No.", VALUE_X, 100), 4.5)
    assert cell_alignment([label], [bottom], 4.5) == {"bottom": 1}
    assert cell_alignment([label], [centre], 4.5) == {"center": 1}
    assert cell_alignment([label], [top], 4.5) == {"top": 1}
    rows = rows_of([Chunk("S", 1, [w for ln in label for w in ln.words] + words("No.", VALUE_X, 123), [], False)],
                   VALUE_X - 1)
    assert rows == [("Optional Protocol to the UN / Convention against Torture and / Other Cruel Treatment", "No.")]


def test_with_values_set_lower_only_the_label_column_starts_a_row():
    from pipeline.convert.extract.lines import group_lines, row_starts
    # labels atop their cells, rows touching: a value centred beside a taller label follows a blank in its
    # column by its alignment alone; the next label, after a blank in the label column, starts a row
    labels = group_lines(lines(["Explicit prohibition of torture", "in criminal law", "", "Criminalization of acts"],
                               LABEL_X, 100), 4.5)
    values = group_lines(words("Yes.", VALUE_X, 100 + LINE / 2) + lines(["", "", "", "Abuse of power", "Code"],
                                                                        VALUE_X, 100), 4.5)
    labels_block, values_block = [labels], [values]
    _, cut = row_starts(labels_block, values_block, 4.5, LINE, values_lead=False)
    assert [[ln.text for ln in b] for b in cut] == [["Yes."], ["Abuse of power", "Code"]]
    # a label line after one of its own wrapped lines starts nothing, though the value beside it follows a blank
    wrapped = group_lines(lines(["Optional Protocol to the UN", "Convention against Torture and", "Other Cruel"],
                                LABEL_X, 100), 4.5)
    alone = group_lines(words("No.", VALUE_X, 100 + 2 * LINE), 4.5)
    assert row_starts([wrapped], [alone], 4.5, LINE, label_width=VALUE_X - LABEL_X, values_lead=False)[1] == [alone]
    labels_cut, _ = row_starts([wrapped], [alone], 4.5, LINE, label_width=VALUE_X - LABEL_X)  # values leading
    assert [[ln.text for ln in b] for b in labels_cut] == [
        ["Optional Protocol to the UN", "Convention against Torture and"], ["Other Cruel"]]


def test_a_bold_header_row_across_the_document_split_is_no_section_title():
    from pipeline.convert.extract.tables import spanning_titles
    header = bold(words("Indicator as worded in the methodology", LABEL_X, 100) + words("Value, assessment", 330, 100))
    title = bold(words("Ratification of relevant international treaties", LABEL_X, 130))
    row = words("Istanbul Protocol", LABEL_X, 150) + words("No", 330, 150)
    tol = S.resolve(10.0)
    split = 200.0  # the document's: this table's label column is wider than the others'
    chunks, titles = spanning_titles([Chunk("S", 1, header + title + row, [], False)], split, tol)
    assert [t.text for t in titles] == ["Ratification of relevant international treaties"]
    assert chunks[0].section == "S" and any(w.text == "Indicator" for w in chunks[0].words)


def test_a_bold_label_s_later_line_across_the_document_split_that_goes_on_with_a_known_label_is_no_title():
    """A browser sizes each table's columns to its text: the treaties table's label column is wider than the
    document's split, and the third line of the Optional Protocol's label, bold and alone on its line, runs
    across it. It goes on with that known label from the line above: no title. A title after it is one."""
    from pipeline.convert.extract.tables import spanning_titles
    known = known_labels(["Optional Protocol to the UN Convention against Torture and Other Cruel, Inhuman or "
                          "Degrading Treatment or Punishment (2002)", "Istanbul Protocol"])
    label = bold(lines(["Optional Protocol to the UN Convention", "against Torture and Other Cruel, Inhuman",
                        "or Degrading Treatment or Punishment (2002)"], LABEL_X, 100)) + words("No", 330, 100)
    row = bold(words("Istanbul Protocol", LABEL_X, 100 + 3 * LINE + 6)) + words("Yes", 330, 100 + 3 * LINE + 6)
    title = bold(words("Procedural guarantees in the law of the land", LABEL_X, 100 + 4 * LINE + 12))
    tol = S.resolve(10.0)
    split = 200.0
    assert any(w.x0 < split - 1 and w.x1 > split + 1 for w in label[-7:-1])
    chunks, titles = spanning_titles([Chunk("Treaties", 1, label + row + title, [], False)], split, tol, known)
    assert [t.text for t in titles] == ["Procedural guarantees in the law of the land"]
    assert any(w.text == "Punishment" for w in chunks[0].words) and chunks[0].section == "Treaties"
    # without the codebook, nothing tells the label's lines over the split from titles
    _, titles = spanning_titles([Chunk("Treaties", 1, label + row + title, [], False)], split, tol)
    assert [t.text for t in titles] == ["against Torture and Other Cruel, Inhuman", "or Degrading Treatment or Punishment "
                                        "(2002)", "Procedural guarantees in the law of the land"]


def test_a_header_row_across_the_split_atop_each_table_is_no_section_title():
    """Shrink-to-fit tables, each under its heading, each with the bold header row, its cells wrapped
    apart: the header's first line runs across the document split, but it opens both tables."""
    from pipeline.convert.extract.tables import spanning_titles
    first = bold(words("Indicator as worded in the methodology of", LABEL_X, 100)) + \
        words("Budget", LABEL_X, 130) + words("No data", 270, 130)
    second = bold(words("Indicator as worded in the methodology", LABEL_X, 300)) + \
        words("Istanbul Protocol", LABEL_X, 330) + words("No", 270, 330)
    tol = S.resolve(10.0)
    split = 200.0
    assert all(any(w.x0 < split - 1 and w.x1 > split + 1 for w in ws[:7]) for ws in (first, second))
    chunks, titles = spanning_titles([Chunk("Budget", 1, first, [], False), Chunk("Treaties", 1, second, [], False)],
                                     split, tol)
    assert titles == [] and [c.section for c in chunks] == ["Budget", "Treaties"]
    alone, titles = spanning_titles([Chunk("Budget", 1, first, [], False)], split, tol)
    assert [t.text for t in titles] == ["Indicator as worded in the methodology of"]  # once, it may be a title


def test_a_header_row_s_value_cell_line_across_the_split_is_no_section_title():
    """Shrink-to-fit tables, each with the bold header row of three label lines and two value lines set
    at the middle of the row: the narrower table's value header line crosses the document split. It
    is no table's first line, but it is among the leading bold lines of both tables."""
    from pipeline.convert.extract.tables import spanning_titles

    def table(top, value_x):
        header = bold(lines(["Indicator as worded in the", "methodology of the index", "source and year"], LABEL_X, top)
                      + lines(["Value, assessment or comment", "the monitoring group"], value_x, top + LINE / 2))
        return header + words("Budget", LABEL_X, top + 3 * LINE + 4) + words("No data", value_x, top + 3 * LINE + 4)

    split = 200.0
    wide, narrow = table(100, 230.0), table(300, 190.0)
    assert not any(w.x0 < split < w.x1 for w in wide) and any(w.x0 < split - 1 < split + 1 < w.x1 for w in narrow)
    tol = S.resolve(10.0)
    chunks, titles = spanning_titles([Chunk("Budget", 1, wide, [], False), Chunk("Treaties", 1, narrow, [], False)],
                                     split, tol)
    assert titles == [] and [c.section for c in chunks] == ["Budget", "Treaties"]


def test_a_bold_label_s_first_line_across_the_document_split_is_no_title_above_its_value_set_lower():
    """A table whose label column is wider than the document's, values at the bottom of their cells:
    a long label's first line crosses the document split and has nothing beside it."""
    from pipeline.convert.extract.tables import spanning_titles
    head = bold(words("Optional Protocol to the UN Convention against Torture and Cruel,", LABEL_X, 100))
    rest = bold(words("Inhuman or Degrading Treatment", LABEL_X, 100 + LINE)) + words("Yes, in 2006", 420, 100 + LINE)
    title = bold(words("Procedural guarantees of the detainees in custody", LABEL_X, 140))
    after = bold(words("Lawyer notification", LABEL_X, 140 + LINE)) + words("Yes", 255, 140 + LINE)
    tol = S.resolve(10.0)
    split = 245.0  # the document's
    assert head[-1].x1 > split + tol.rule_reach and head[-1].x1 + tol.min_gutter < 420
    chunks, titles = spanning_titles([Chunk("S", 1, head + rest + title + after, [], False)], split, tol)
    assert [t.text for t in titles] == ["Procedural guarantees of the detainees in custody"]  # its next row's value starts left of its end
    assert chunks[0].section == "S" and {w.text for w in head} <= {w.text for w in chunks[0].words}
    # the value centred on a line of its own between the label's two lines
    centred = head + words("5", 420, 100 + 0.5 * LINE) + bold(words("Inhuman", LABEL_X, 100 + LINE))
    chunks, titles = spanning_titles([Chunk("S", 1, centred + title + after, [], False)], split, tol)
    assert [t.text for t in titles] == ["Procedural guarantees of the detainees in custody"]


def test_a_bold_known_label_s_first_line_across_the_split_is_no_title_with_its_value_close_beside():
    """A shrink-to-fit table, its label column as wide as its longest label line, values set low: that
    line crosses the document split, and the value beside the label's next line starts under half an
    em right of it (no gutter to tell). With the next line, it reads as a known label: no title; a
    bold line across the table that reads as none stays one."""
    from pipeline.convert.extract.columns import known_labels
    from pipeline.convert.extract.tables import spanning_titles
    head = bold(words("Judgments excluding evidence obtained under", LABEL_X, 100))
    rest = bold(words("torture", LABEL_X, 100 + LINE)) + words("0", 265.0, 100 + LINE)
    title = bold(words("Criminalization of torture and ill-treatment", LABEL_X, 140))
    after = bold(words("Budget", LABEL_X, 140 + LINE)) + words("No data", 265.0, 140 + LINE)
    tol = S.resolve(10.0)
    split = 250.0  # the document's
    assert head[-1].x1 > split + tol.rule_reach and head[-1].x1 < 265.0 < head[-1].x1 + tol.min_gutter
    assert title[-1].x1 > 265.0
    known = known_labels(["Judgments excluding evidence obtained under torture", "Budget"])
    chunks, titles = spanning_titles([Chunk("S", 1, head + rest + title + after, [], False)], split, tol, known)
    assert [t.text for t in titles] == ["Criminalization of torture and ill-treatment"]
    assert chunks[0].section == "S" and {w.text for w in head} <= {w.text for w in chunks[0].words}
    # with no codebook to tell, the label's line is taken for a title
    _, titles = spanning_titles([Chunk("S", 1, head + rest + title + after, [], False)], split, tol)
    assert [t.text for t in titles][0] == "Judgments excluding evidence obtained under"


def test_a_centred_bold_label_s_middle_line_across_the_document_split_is_no_title():
    """Bold labels centred in a table sized to its text (wider than the document's label column): a long
    label's middle line crosses the document split; the line below shares its centre, and the value
    beside that line starts right of where the middle line ends."""
    from pipeline.convert.extract.tables import spanning_titles

    def centred(text, centre, top):
        width = sum(5.0 * len(t) for t in text.split()) + 2.8 * (len(text.split()) - 1)
        return bold(words(text, centre - width / 2, top))
    label = ["Optional Protocol to the UN Convention", "against Torture and Other Cruel, Inhuman or",
             "Degrading Treatment or Punishment (2002)"]
    ws = [w for i, t in enumerate(label) for w in centred(t, 150.0, 100 + i * LINE)]
    middle = [w for w in ws if w.top == 100 + LINE]
    ws += words("Yes", middle[-1].x1 + 6, 100 + 2 * LINE)
    tol = S.resolve(10.0)
    split = 245.0  # the document's
    assert middle[0].x0 < split - tol.rule_reach and middle[-1].x1 > split + tol.rule_reach
    chunks, titles = spanning_titles([Chunk("S", 1, ws, [], False)], split, tol)
    assert titles == [] and [c.section for c in chunks] == ["S"]


def test_a_row_s_rest_overleaf_read_with_no_value_column_is_doubtful():
    page1 = lines(["Istanbul Protocol"], LABEL_X, 700) + lines(["Yes. Not implemented in national"], VALUE_X, 700)
    page2 = words("legislation", VALUE_X + 40, 60, page=2)
    chunks = [Chunk("S", 1, page1, [], False), Chunk("S", 2, page2, [], True)]
    tol = S.resolve(10.0)
    chunks[0].split = Split(VALUE_X - 1, "alignment")
    rows = read_tables(chunks, tol).rows
    assert [r.label.lines for r in rows] == [["Istanbul Protocol", "legislation"]]
    assert "no value column" in rows[0].doubtful


def test_a_paragraph_opening_beside_the_label_casts_no_vote_for_centre_or_bottom():
    """Rows that touch (no padding) while a cell's paragraphs stand apart: a value block may hold the
    end of the row above. A label beside its middle (or last) line, where a paragraph opens, reads as
    centred as well as as the top of the next row: no vote. Beside a line that goes on in lower case,
    it is centred."""
    from pipeline.convert.extract.lines import cell_alignment, group_lines
    label = group_lines(lines(["Access to video recordings"], LABEL_X, 100 + LINE), 4.5)
    run_on = group_lines(lines(["Not required by law", "Unsatisfactory. Recordings", "are deleted"], VALUE_X, 100), 4.5)
    centred = group_lines(lines(["Unsatisfactory. Recordings", "are deleted after", "30 days"], VALUE_X, 100), 4.5)
    assert cell_alignment([label], [run_on], 4.5) == {}
    assert cell_alignment([label], [centred], 4.5) == {"label center": 1}  # the label centred beside a taller value


def test_a_line_ends_its_paragraph_when_the_next_word_would_have_fitted():
    from pipeline.convert.extract.lines import ends_paragraph, group_lines
    short, nxt = group_lines(words("Budget", LABEL_X, 100) + words("Number of cases", LABEL_X, 111.5), 4.5)
    assert ends_paragraph(short, nxt, 200)
    full, wrapped = group_lines(words("Judgments and decisions of international", LABEL_X, 100) +
                                words("bodies", LABEL_X, 111.5), 4.5)
    assert not ends_paragraph(full, wrapped, 5 * len("Judgments and decisions of international") + 10)


def test_a_header_cell_of_several_lines_is_set_aside_whole():
    head = bold(lines(["Indicator as worded in the", "methodology"], LABEL_X, 80) +
                lines(["Value as published"], VALUE_X, 80))
    ws = head + lines(["Budget"], LABEL_X, 110) + words("No data", VALUE_X, 110)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [("Budget", "No data")]
    assert [ln.text for ln in read.headers] == ["Indicator as worded in the", "Value as published", "methodology"]


def test_a_bold_header_over_bold_labels_with_no_padding_ends_at_its_rule():
    """Bold labels, no padding, the header's cells at the bottom of theirs: the label header's lines run
    on at the line step into the first bold label; the rule drawn under the header row ends its cells."""
    head = bold(lines(["Indicator as worded in", "the methodology of", "the index, with its"], LABEL_X, 80) +
                lines(["Value, assessment or", "comment as published"], VALUE_X, 80 + LINE))
    rule = 80 + 3 * LINE - 0.5
    ws = head + bold(lines(["Institutional independence", "of the investigating body"], LABEL_X, 80 + 3 * LINE)) + \
        words("Low.", VALUE_X, 80 + 4 * LINE)
    read = read_tables([Chunk("S", 1, ws, [rule], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Institutional independence / of the investigating body", "Low.")]
    assert len(read.headers) == 5


def test_a_bold_header_at_the_bottom_of_its_cells_over_bold_labels_with_no_padding_no_rule():
    """As above with no rule: the value header cell's two bold lines end on the label header's third
    line, and plain values follow; the label column's bold lines run on into the first label."""
    head = bold(lines(["Indicator as worded in", "the methodology of", "the index, with its"], LABEL_X, 80) +
                lines(["Value, assessment or", "comment as published"], VALUE_X, 80 + LINE))
    ws = head + bold(lines(["Institutional independence", "of the investigating body"], LABEL_X, 80 + 3 * LINE)) + \
        words("Low.", VALUE_X, 80 + 4 * LINE)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Institutional independence / of the investigating body", "Low.")]
    assert len(read.headers) == 5


def test_a_centred_header_of_several_lines_repeated_overleaf_is_set_aside():
    """LibreOffice centres the header cells: the label header's four lines and the value header's one
    share a middle, not a first baseline. Set aside atop each page, the value continued below it on
    the next page joins its row overleaf instead of the header."""
    def head(top, page):
        return bold(lines(["Indicator (as worded", "in the methodology", "of the index)"], LABEL_X, top, page)
                    + words("Value (as published)", VALUE_X, top + LINE, page))
    read = read_over_a_page_break(head, (80, 130, 40, 90, 110))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Investigating body's jurisdiction", "Not only torture cases, / but / also corruption."), ("Budget", "No data")]
    assert [t.header_rows for t in read.layouts] == [1, 1] and len(read.headers) == 8


def test_a_label_header_line_beside_the_value_header_s_lines_is_the_header_s():
    """The label header's first line looks as if it ended its paragraph (its next word would have
    fitted: kerned words, a narrow space), but its next line sits beside the value header's further
    lines, and the first row starts below the taller header cell: the line is the header's."""
    head = bold(lines(["Indicator as worded", "and year"], LABEL_X, 80) +
                lines(["Value, assessment or", "comment as published", "with notes"], VALUE_X, 80))
    ws = head + bold(lines(["Budget of law enforcement bodies"], LABEL_X, 80 + 3 * LINE)) + \
        words("No data", VALUE_X, 80 + 3 * LINE)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Budget of law enforcement bodies", "No data")]
    assert len(read.headers) == 5


def test_a_bold_label_beside_its_value_under_a_header_whose_cells_share_a_middle_is_the_first_row_s():
    """Bold labels, no padding, the header cells at the bottom of theirs: the label header's three lines
    and the first bold label make four lines whose middle is the value header's two lines' middle. The
    label line sits beside a plain value, no header cell's line: it is the first row's."""
    head = bold(lines(["Indicator as worded in the", "methodology of the index,", "with its source and year"],
                      LABEL_X, 80) + lines(["Value, assessment or comment", "monitoring group, with notes"],
                                           VALUE_X, 80 + LINE))
    ws = head + bold(lines(["Video surveillance"], LABEL_X, 80 + 3 * LINE)) + \
        lines(["No.", "Not required by law"], VALUE_X, 80 + 3 * LINE)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Video surveillance", "No. / Not required by law")]
    assert len(read.headers) == 5


def test_a_bold_header_cell_line_opening_in_lower_case_is_the_header_s():
    """The label header cell's second line looks as if it ended its paragraph: the next word would fit in
    the label column as wide as its widest label. But the line after opens in lower case, and labels open
    with a capital: it is the header cell's third line, not the first row's label."""
    value_x = LABEL_X + 260  # past the widest label, "Number of criminal cases ..." (247 pt)
    head = bold(lines(["Indicator as worded in the", "methodology of the index, with", "its source and year"],
                      LABEL_X, 80) + lines(["Value, assessment or comment", "group, with notes"], value_x, 80))
    top = 80 + 3 * LINE + 4
    ws = head + words("Budget", LABEL_X, top) + words("No data", value_x, top) + \
        words("Number of criminal cases initiated against officials", LABEL_X, top + LINE + 4) + \
        words("697", value_x, top + LINE + 4)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(value_x - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Budget", "No data"), ("Number of criminal cases initiated against officials", "697")]
    assert len(read.headers) == 5


def test_a_bold_label_line_over_one_opening_in_lower_case_is_the_first_row_s_not_the_header_s():
    """A bold "Indicator | Value" header, bold labels with no padding, values centred: the first label's
    first word is too wide to have fitted after "Indicator" in a label column as narrow as its widest
    label, so its first line reads as the header cell's second. The line after it opens in lower case,
    and labels open with a capital: that first line opens the first row's label."""
    head = bold(words("Indicator", LABEL_X, 80) + words("Value", VALUE_X, 80))
    ws = head + bold(lines(["Documentation of", "the actual time", "of a detention"], LABEL_X, 80 + LINE)) + \
        words("Partially.", VALUE_X, 80 + 2 * LINE) + bold(words("Budget", LABEL_X, 80 + 4 * LINE)) + \
        words("No data", VALUE_X, 80 + 4 * LINE)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Documentation of / the actual time / of a detention", "Partially."), ("Budget", "No data")]
    assert [ln.text for ln in read.headers] == ["Indicator", "Value"]


def test_a_centred_bold_header_over_bold_labels_with_no_padding_ends_where_its_middle_meets_the_value_s():
    """Header cells centred, bold labels set with no padding, values centred: the label column's bold
    lines run on at one step from the header cell into the labels, so their middle is no header's; the
    header cell is the first three of them, whose middle is the value header's."""
    head = bold(lines(["Indicator as worded in the", "methodology of the index,", "its source and year"],
                      LABEL_X, 80) + lines(["Value, assessment or comment", "monitoring group, with notes"],
                                           VALUE_X, 80 + LINE / 2))
    ws = head + bold(lines(["Documenting the actual", "detention start time", "Lawyer notification at the",
                            "actual detention start time"], LABEL_X, 80 + 3 * LINE)) + \
        words("Yes. In practice", VALUE_X, 80 + 3.5 * LINE) + words("Yes. Not always", VALUE_X, 80 + 5.5 * LINE)
    known = known_labels(["Documenting the actual detention start time",
                          "Lawyer notification at the actual detention start time"])
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0), known=known)
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Documenting the actual / detention start time", "Yes. In practice"),
        ("Lawyer notification at the / actual detention start time", "Yes. Not always")]
    assert len(read.headers) == 5


def test_a_bold_header_cell_stops_where_the_line_step_widens_to_a_bold_label():
    """Header cells of two lines each, bold, on one first baseline; a padding below, a bold label of two
    lines, its value set at the bottom beside the label's last line. The label header's last line
    looks full (the labels are narrower), but the label's first line follows it at a wider step than
    the header's own: it is the first row's."""
    head = bold(lines(["Indicator as worded in the methodology of", "the index, with its source and the year"],
                      LABEL_X, 80) + lines(["Value as published", "with notes"], VALUE_X, 80))
    top = 80 + LINE + LINE + 3.5
    ws = head + bold(lines(["Access to video", "evidence"], LABEL_X, top)) + words("No data", VALUE_X, top + LINE)
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Access to video / evidence", "No data")]
    assert len(read.headers) == 4


def test_a_bold_header_cell_stops_at_a_line_that_opens_a_known_label():
    """Rows with no padding: the bold label of the first row follows the bold header cells at their own
    line step, and the header's last line looks full. The label line opens a known label: it is the
    first row's."""
    head = bold(lines(["Indicator as worded in the methodology of", "the index, with its source and the year"],
                      LABEL_X, 80) + lines(["Value as published", "with notes"], VALUE_X, 80))
    label = ["Judgments and decisions of", "international bodies"]
    ws = head + bold(lines(label, LABEL_X, 80 + 2 * LINE)) + words("36", VALUE_X, 80 + 2.5 * LINE)
    known = known_labels(["Judgments and decisions of international bodies"])
    read = read_tables([Chunk("S", 1, ws, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0), known=known)
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Judgments and decisions of / international bodies", "36")]
    assert len(read.headers) == 4


def test_every_bold_line_above_the_rule_under_a_header_row_is_the_header_s():
    """A ruled grid: the header row's label cell has three lines, its value cell two; the label cell's
    third line looks as if a paragraph had ended before it (its first word would have fitted), but it
    lies above the rule that closes the header row: it is the header's, not a row of its own."""
    head = bold(lines(["Indicator as worded in the", "methodology of the index,", "with its source and year"],
                      LABEL_X, 80) + lines(["Value, assessment or comment as", "published by the group"], VALUE_X, 80))
    ws = head + lines(["Number of investigators in the whole country"], LABEL_X, 80 + 3 * LINE + 4) + \
        words("966", VALUE_X, 80 + 3 * LINE + 4)
    rule = 80 + 3 * LINE + 1
    read = read_tables([Chunk("S", 1, ws, [rule], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Number of investigators in the whole country", "966")]
    assert len(read.headers) == 5


def test_a_bold_header_cell_stops_at_the_rule_under_it():
    """Bold labels, values centred: the header cell's last line is full (the next word would not have
    fitted), and nothing plain comes before the bold label below it; the row's rule parts them, so
    the label is the first row's, not the header's."""
    head = bold(lines(["Indicator as worded in the methodology of", "the index, with its source and the year"],
                      LABEL_X, 80) + words("Value as published", VALUE_X, 80))
    ws = head + bold(lines(["Complaints of torture", "and ill-treatment"], LABEL_X, 80 + 2 * LINE + 3)) + \
        words("No data", VALUE_X, 80 + 2.5 * LINE + 3)  # centred on the label's two lines
    rule = 80 + 2 * LINE + 1.5
    read = read_tables([Chunk("S", 1, ws, [rule], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in read.rows] == [
        ("Complaints of torture / and ill-treatment", "No data")]
    assert [ln.text for ln in read.headers] == ["Indicator as worded in the methodology of", "Value as published",
                                                "the index, with its source and the year"]


def test_settings_resolve_once_into_points():
    tol = S.resolve(9.0)
    assert tol.same_line == S.same_line * 9.0 and tol.column_snap == S.column_snap * 9.0
    assert tol.min_gutter == S.min_gutter * 9.0 and tol.grid_low == S.grid_low * 9.0
    assert tol.columns == frozenset(S.vertical_strategy) and tol.rows == frozenset(S.horizontal_strategy)


def test_headings_are_set_larger_than_the_largest_common_size():
    from pipeline.convert.extract.lines import body_size, text_size
    values = styled(lines(["No data at all for this year", "About seven cases a year"], VALUE_X, 100), size=9)
    labels = styled(lines(["Number of investigators", "Investigator workload"], LABEL_X, 100), size=10)
    title = styled(words("Government body", LABEL_X, 60), size=12)
    assert body_size(values + labels + title) == 9 and text_size(values + labels + title) == 10


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402


@hsettings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(1, 6), st.integers(1, 4)), min_size=3, max_size=8),
       gap=st.floats(1.2, 40.0), bold_labels=st.booleans())
def test_the_split_lies_between_left_aligned_columns(rows, gap, bold_labels):
    """Any table of left-aligned labels and values, the columns `gap` pt apart: the split lies
    between the labels' right edge and the values' left edge."""
    ws, top = [], 100.0
    label_words = ["Number", "of", "criminal", "cases", "initiated", "yearly"]
    value_words = ["No", "data", "this", "year"]
    label_right = LABEL_X + 5 * len(" ".join(label_words)) + 1
    for n_label, n_value in rows:
        label = styled(words(" ".join(label_words[:n_label]), LABEL_X, top), font="Arial-Bold" if bold_labels else "")
        ws += label + words(" ".join(value_words[:n_value]), label_right + gap, top)
        top += 20
    split = column_split(ws, [])
    assert split is not None
    assert max(w.x1 for w in ws if w.x0 < label_right) <= split.x <= label_right + gap


def test_the_group_spaces_of_a_long_figure_wrapped_down_its_cell_are_not_the_split():
    # twelve lines of "999 999 999": the spaces between groups line up into narrow strips from top to
    # bottom, with text on both sides of each line; the split stays at the label | value gap
    ws = lines(["Judgments of international bodies", "documenting torture"], LABEL_X, 100) + \
        lines(["999 999 999 999"] * 12, VALUE_X, 100)
    assert abs(column_split(ws, [], S).x - (VALUE_X - SNAP)) < 0.01


def test_a_short_table_of_one_line_with_both_sides_is_parted_by_style():
    # bold right-aligned labels 3 pt before values (a definition list): one line has both sides;
    # a value line alone below repeats the first value word's width, so a word space lines up too
    label = bold(words("Documenting the actual", 100, 100)) + bold(words("detention start time", 110, 111.5))
    edge = max(w.x1 for w in label[:3])
    values = words("Yes. In practice, this is done", edge + 3, 100) + words("Yes. Does not always work", edge + 3, 123)
    split = column_split(label + values, [])
    assert split is not None and edge < split.x <= edge + 3 and dict(split.signals).get("style") == 1.0


def test_a_coloured_bold_label_below_a_bold_header_is_the_first_row():
    head = bold(words("Indicator (as worded)", LABEL_X, 80) + words("Value, as published", VALUE_X, 80))
    label = [w.model_copy(update={"color": "0.1 0.3 0.54"}) for w in bold(words("Documenting the actual", LABEL_X, 91.5))]
    # its value went overleaf: no plain line below the header ends it
    read = read_tables([Chunk("S", 1, head + label, [], False, Split(VALUE_X - 1, "alignment"))], S.resolve(10.0))
    assert [" ".join(r.label.lines) for r in read.rows] == ["Documenting the actual"] and len(read.headers) == 2


def test_a_split_never_cuts_a_header_row_s_cell():
    """A tiny auto-sized table: its two values open with the same word, so their second words align as
    well as their first; the split that would cut the header's "Value" in two loses."""
    def bold(text, x, top):
        return [w.model_copy(update={"font": "Arial-Bold"}) for w in words(text, x, top)]
    longest = words("Involvement of victims in investigation", LABEL_X, 120)
    value_x = longest[-1].x1 + 3.0  # the longest label nearly touches its value
    ws = (bold("Indicator", LABEL_X, 100) + bold("Value", value_x, 100)
          + words("Promptness of investigations", LABEL_X, 110) + words("Low. Preliminary checks take days", value_x, 110)
          + longest + words("Low. Victims rarely get access", value_x, 120))
    got = column_split(ws, [])
    assert value_x - SNAP <= got.x <= value_x
    assert "header_cells" not in dict(got.signals)


def test_a_value_s_paragraphs_beside_no_label_stay_with_the_row_they_follow():
    """A value of three paragraphs beside a one-line label; the next row's label is centred beside its
    taller value (labels do not all sit atop their cells, so a block beside no label goes to the nearer
    row). The third paragraph is nearer the second, already the row's, than the next row."""
    ws = words("Criminalization of acts", LABEL_X, 100)
    for top, text in [(100, "Coercion of testimony -"), (112, "Art. 178 of the Code"), (142, "Exceeding powers -"),
                      (154, "Art. 185 of the Code"), (184, "Infliction of pain -"), (196, "Art. 192 of the Code")]:
        ws += words(text, VALUE_X, top)
    ws += words("Criminalization of torture", LABEL_X, 252)
    ws += words("Yes. The definition", VALUE_X, 240) + words("reproduces Article 1", VALUE_X, 252) + \
        words("of the Convention", VALUE_X, 264)
    rows = table_rows([Chunk("Criminalization", 1, ws, [], False)], 200.0)
    assert [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in rows] == [
        ("Criminalization of acts", "Coercion of testimony - Art. 178 of the Code Exceeding powers - Art. 185 of the Code "
                                    "Infliction of pain - Art. 192 of the Code"),
        ("Criminalization of torture", "Yes. The definition reproduces Article 1 of the Convention")]


def placed(texts: list[str], x0: float, top: float, gap: float = 2.8) -> list[Word]:
    """One line's words from x0, `gap` apart (5 pt a character, as `words`)."""
    out = []
    for t in texts:
        out.append(Word(text=t, page=1, x0=x0, top=top, x1=x0 + 5.0 * len(t), bottom=top + 10, size=10))
        x0 += 5.0 * len(t) + gap
    return out


def centred(text: str, centre: float, top: float, gap: float = 2.8) -> list[Word]:
    parts = text.split()
    width = 5.0 * len("".join(parts)) + gap * (len(parts) - 1)
    return placed(parts, centre - width / 2, top, gap)


def test_values_centred_in_their_cells_align_on_their_centre():
    # a value's line wider than the rest starts a word left of where the next line starts: the strip
    # after that first word parts two lines, but only the split at the label's end leaves every value
    # line centred where the others are
    label = "There is a body authorized to investigate torture"
    first = centred("The Investigative Committee investigates", 400, 100 + LINE)
    second_start = first[1].x0
    width = 193.4 - 2 * (second_start - first[0].x0)  # centred on 400 too, starting where the 2nd word does
    letters = 5.0 * len("allcomplaintsoftorturebylaw")
    ws = right_aligned([label], first[0].x0 - 4.0, 100) + centred("Yes.", 400, 100) + first + \
        placed("all complaints of torture by law".split(), second_start, 100 + 2 * LINE, (width - letters) / 5) + \
        centred("enforcement officers", 400, 100 + 3 * LINE)
    split = column_split(ws, [], S, labels=known_labels([label]))
    assert first[0].x0 - 4.0 < split.x <= first[0].x0
    assert dict(split.signals).get("alignment") == 0.5


def test_a_table_s_first_row_says_which_column_sits_lower():
    """Rows set with no spacing run together and no row is a block of its own to vote with: the first row
    of a table still shows its cells' alignment, where one column opens below the other."""
    from pipeline.convert.extract.lines import first_row_alignment, group_lines

    def first(label_texts, label_top, value_texts, value_top):
        labels = group_lines(lines(label_texts, LABEL_X, label_top), 4.5)
        values = group_lines(lines(value_texts, VALUE_X, value_top), 4.5)
        return first_row_alignment(labels, values, 4.5, LINE, VALUE_X - LABEL_X,
                                   lambda ls: " ".join(ln.text for ln in ls).lower() == "relevant conventions")

    wrapped = ["Explicit prohibition of torture", "in criminal law", "Criminalization of acts"]
    assert first(wrapped, 100, ["Yes, in Article 193", "Abuse of power"], 100 + LINE) == "bottom"
    assert first(wrapped, 100, ["Yes, in Article 193", "Abuse of power"], 100 + LINE / 2) == "center"
    assert first(wrapped, 100, ["Yes, in Article 193"], 100) == "top"
    # a value of two paragraphs opening above its label: the labels sit lower
    assert first(["Geographic coverage", "Budget"], 100 + LINE, ["Partially.", "A unit in each region", "No data"],
                 100) == "label bottom"
    # a sub-heading with no value over the first row, or a label that ended its paragraph: nothing said
    assert first(["Relevant conventions", "Optional Protocol to the UN"], 100, ["No."], 100 + LINE) is None
    assert first(["Budget", "Number of investigators"], 100, ["No data"], 100 + LINE) is None


def test_cells_at_the_bottom_with_no_spacing_read_by_the_tables_first_rows():
    """Label and value cells both at the bottom (CSS `vertical-align: bottom`, no padding): no row is a block
    of its own, so none votes. The first rows do: a label's line above its value's first (values sit lower),
    a value's above its label's (labels do). A label after a blank in its column then starts no row, and the
    value lines above it, however close to the row before, are its own."""
    first = lines(["Explicit prohibition of torture", "in criminal law"], LABEL_X, 100) + \
        words("Yes, in Article 193", VALUE_X, 100 + LINE) + \
        lines(["Abuse of power - Art. 250 of the", "Criminal Code. Exceeding powers - Art.", "257 of the Criminal Code"],
              VALUE_X, 100 + 2 * LINE) + words("Investigator workload", LABEL_X, 100 + 4 * LINE)
    second = lines(["Partially.", "A unit in each region"], VALUE_X, 300) + words("Geographic coverage", LABEL_X, 300 + LINE)
    rows = rows_of([Chunk("S", 1, first, [], False), Chunk("T", 1, second, [], False)], VALUE_X - 1)
    assert rows == [("Explicit prohibition of torture / in criminal law", "Yes, in Article 193"),
                    ("Investigator workload", "Abuse of power - Art. 250 of the / Criminal Code. Exceeding powers - Art. / "
                                              "257 of the Criminal Code"),
                    ("Geographic coverage", "Partially. / A unit in each region")]


def test_a_value_s_tail_under_a_repeated_header_s_border_goes_on_with_the_row_the_break_split():
    """A browser repeats the header row atop each page, a rule under it, and rules no row: that border
    parts no rows, so the value text under it, with no label, is the tail of the row the page break split
    (not in one ruled cell with the next row)."""
    def head(top, page):
        return words("Indicator", LABEL_X, top, page) + words("Value", VALUE_X, top, page)
    page1 = head(680, 1) + lines(["Investigating body's jurisdiction"], LABEL_X, 700) + \
        lines(["Not only torture cases,", "but"], VALUE_X, 700)
    page2 = head(50, 2) + lines(["also corruption."], VALUE_X, 70, page=2) + lines(["Budget"], LABEL_X, 85, page=2) + \
        words("No data", VALUE_X, 85, page=2)
    chunks = [Chunk("S", 1, page1, [692.0], False), Chunk("S", 2, page2, [62.0], True)]
    assert rows_of(chunks, VALUE_X - 1) == [
        ("Investigating body's jurisdiction", "Not only torture cases, / but / also corruption."),
        ("Budget", "No data")]


def test_both_cells_centred_a_value_s_paragraphs_farther_apart_than_its_rows_go_to_the_label_at_their_middle():
    """CSS `vertical-align: middle` on both cells: one-line labels centred beside values of three lines (each
    row says labels sit at the middle of their cells). The third row's value is two paragraphs 12 pt apart,
    its rows 10 pt: the first paragraph, beside no label, is nearer the row above. The label sits at the
    middle of both paragraphs, so both are its value."""
    def row(label, value_lines, top, paras=()):
        """A label centred on its value's lines; `paras`: the line indexes after which a 2 pt paragraph gap
        opens (12 pt in all between the paragraphs)."""
        tops, y = [], top
        for i in range(len(value_lines)):
            tops.append(y)
            y += 12.0 + 10.0 if i in paras else LINE
        bottom = tops[-1] + 10
        ws = [w for t, text in zip(tops, value_lines) for w in words(text, VALUE_X, t)]
        return ws + words(label, LABEL_X, (top + bottom) / 2 - 5), bottom

    a, end = row("Number of investigators", ["About 970 investigators", "in the regions and", "the capital"], 100)
    b, end = row("Investigator workload", ["About 7 cases per", "investigator per", "year"], end + 10)
    c, end = row("Geographic coverage", ["Partially funded", "Regional divisions in", "three of sixteen", "regions"],
                 end + 10, paras={0})
    d, _ = row("Budget", ["No data"], end + 10)
    rows = rows_of([Chunk("S", 1, a + b + c + d, [], False)], VALUE_X - 1)
    assert rows == [("Number of investigators", "About 970 investigators / in the regions and / the capital"),
                    ("Investigator workload", "About 7 cases per / investigator per / year"),
                    ("Geographic coverage", "Partially funded / Regional divisions in / three of sixteen / regions"),
                    ("Budget", "No data")]


def test_both_cells_at_the_bottom_a_taller_value_s_paragraph_a_row_gap_below_the_row_above_is_the_next_row_s():
    """Both cells at the bottom, 8 pt between rows: values shorter than their labels vote "bottom", and no row
    shows a label beside a taller value but one, whose first paragraph lies apart, 2 pt over the rest of its
    value and a row's gap under the row above. Nothing says labels sit atop their cells; the paragraph is
    the lower row's."""
    first = lines(["Explicit prohibition of torture", "in criminal law"], LABEL_X, 100) + \
        words("Yes, in Article 193", VALUE_X, 100 + LINE)
    top = 100 + LINE + 10 + 8
    second = words("Abuse of power - Art. 250", VALUE_X, top) + \
        lines(["Exceeding powers - Art. 257", "Cruel treatment - Art. 264", "Infliction of pain - Art. 271"],
              VALUE_X, top + 12) + \
        lines(["Criminalization of acts falling", "within the definition of torture"], LABEL_X, top + 12 + LINE)
    top += 12 + 2 * LINE + 10 + 8
    third = lines(["Criminalization of torture as", "prescribed by international", "treaties"], LABEL_X, top) + \
        words("Yes, the definition holds", VALUE_X, top + 2 * LINE)
    rows = rows_of([Chunk("S", 1, first + second + third, [], False)], VALUE_X - 1)
    assert rows == [("Explicit prohibition of torture / in criminal law", "Yes, in Article 193"),
                    ("Criminalization of acts falling / within the definition of torture",
                     "Abuse of power - Art. 250 / Exceeding powers - Art. 257 / Cruel treatment - Art. 264 / "
                     "Infliction of pain - Art. 271"),
                    ("Criminalization of torture as / prescribed by international / treaties",
                     "Yes, the definition holds")]


def test_known_labels_alone_left_of_a_clear_strip_part_the_columns_where_no_line_holds_both():
    """A table sized to its text, both cells centred: each one-line label sits between its value's two lines,
    so no line holds a label and a value, no value edge is aligned, and the strip between the columns is
    narrower than a gutter. The labels, whole known ones, all stand left of it: that is the split."""
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    names = words("Independent external review mechanism", 58, 106) + words("Video surveillance", 148, 130) + \
        words("Access to and safekeeping of video evidence", 28, 154)
    edge = max(w.x1 for w in names)  # the widest label's end; the widest value starts 3 pt right of it
    ws = names + words("The National Preventive Mechanism within", edge + 3, 100) + \
        words("makes unannounced visits", edge + 33, 112) + words("No.", edge + 73, 124) + \
        words("Surveillance is not required", edge + 21, 136) + words("Unsatisfactory. Recordings", edge + 15, 148) + \
        words("deleted after 30 days", edge + 36, 160)
    got = find_split(ws, Finder(S.resolve(10.0), labels), [])
    assert got is not None and edge < got.x < edge + 3
    assert find_split(ws, Finder(S.resolve(10.0), None), []) is None  # without the codebook, nothing says so


def test_a_verdict_and_a_stop_left_of_a_split_speaks_against_it():
    """A one-row table whose centred value fills its column ("Low. Preliminary checks ..."), its label on a
    baseline of its own: the tables beside it part further right, in the gap after "Low.". A value's first
    word on the labels' side speaks against that split; the table's own clear strip wins."""
    labels = known_labels(["Promptness of investigations"], verdicts=["Low", "High"])
    ws = words("Low. Preliminary checks take up to", 264, 100) + words("Promptness of investigations", 74, 106) + \
        words("opened", 382, 112)
    got = find_split(ws, Finder(S.resolve(10.0), labels), [], [Neighbour(Split(287.0, "alignment"), "document")])
    assert got is not None and max(w.x1 for w in ws if w.x0 < 200) < got.x < 264


def test_both_cells_centred_no_padding_a_block_holding_two_rows_paragraphs_is_parted_at_the_labels_middles():
    """Both cells centred and no padding: a one-line value's row runs straight into the next row's value, so
    one value block holds "Yes, in Article 193 ..." and the next value's first paragraph beside the first
    label. The next label sits at the middle of that paragraph and the two below: they are its value."""
    def centred_row(label, value_lines, top):
        ws = lines(value_lines, VALUE_X, top)
        return ws + words(label, LABEL_X, (top + top + (len(value_lines) - 1) * LINE + 10) / 2 - 5)

    voters = centred_row("Number of investigators", ["About 970 investigators", "in the regions and", "the capital"],
                         100) + centred_row("Budget", ["Funded by the", "regional budgets", "in full"], 140)
    first = lines(["Yes, in Article 193 of the Code"], VALUE_X, 300) + words("Explicit prohibition of torture", LABEL_X, 300)
    second = words("Abuse of power - Art. 250", VALUE_X, 300 + LINE) + \
        lines(["Exceeding powers - Art. 257", "of the Criminal Code"], VALUE_X, 300 + LINE + 22)
    middle = (300 + LINE + 300 + LINE + 22 + LINE + 10) / 2
    second += words("Criminalization of acts", LABEL_X, middle - 5)
    rows = rows_of([Chunk("S", 1, voters, [], False), Chunk("T", 1, first + second, [], False)], VALUE_X - 1)
    assert rows[2:] == [("Explicit prohibition of torture", "Yes, in Article 193 of the Code"),
                        ("Criminalization of acts", "Abuse of power - Art. 250 / Exceeding powers - Art. 257 / "
                                                    "of the Criminal Code")]


def test_a_verdict_at_the_foot_of_a_page_below_the_last_label_opens_the_value_of_the_row_overleaf():
    """Both cells at the bottom, the table going on overleaf: below the last row's label, at the foot of the
    page, "High." with no label beside it; atop the next page, the rest of that value beside its label.
    No value goes on with a verdict: it opens the row the page break split."""
    page1 = lines(["Investigating body's", "jurisdiction"], LABEL_X, 700) + \
        lines(["All crimes committed by", "officials"], VALUE_X, 700) + words("High.", VALUE_X, 700 + 2 * LINE + 8)
    page2 = words("Established in all units", VALUE_X, 60, page=2) + words("Geographic coverage", LABEL_X, 60, page=2) + \
        words("Budget", LABEL_X, 60 + LINE + 8, page=2) + words("No data", VALUE_X, 60 + LINE + 8, page=2)
    known = known_labels(["Investigating body's jurisdiction", "Geographic coverage", "Budget"],
                         verdicts=["High", "Low"])
    chunks = [Chunk("S", 1, page1, [], False), Chunk("S", 2, page2, [], True)]
    for chunk in chunks:
        chunk.split = Split(VALUE_X - 1, "alignment")
    rows = read_tables(chunks, S.resolve(10.0), known=known).rows
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in rows] == [
        ("Investigating body's / jurisdiction", "All crimes committed by / officials"),
        ("Geographic coverage", "High. / Established in all units"),
        ("Budget", "No data")]
    assert [f.page for f in rows[1].value.fragments] == [1, 2]
    assert "foot of the page before" in rows[1].doubtful and not rows[0].doubtful  # a reader checks it


def test_both_cells_centred_no_padding_labels_run_together_part_as_known_labels_at_their_values_middles():
    """Both cells centred, no padding: a verdict paragraph ("Partially.") 4 pt over the rest of its value, and
    the next two rows' one-line values right under it, so the rest and those values are one block, and every
    label beside it one band. Read as the codebook's labels, each is level with the middle of its own value:
    the first takes the verdict above it too."""
    voters = lines(["About 970 investigators", "in the regions and", "the capital"], VALUE_X, 100) + \
        words("Number of complaints", LABEL_X, 100 + LINE)
    value = words("Partially.", VALUE_X, 300) + \
        lines(["A unit in each region", "handles such cases", "only", "966", "About 7 cases"], VALUE_X, 314)
    first_middle = (300 + 314 + 2 * LINE + 10) / 2
    labels = lines(["There is a body authorized to", "investigate torture"], LABEL_X, first_middle - LINE / 2 - 5) + \
        lines(["Number of investigators", "Investigator workload"], LABEL_X, 314 + 3 * LINE)
    known = known_labels(["There is a body authorized to investigate torture", "Number of investigators",
                          "Investigator workload", "Number of complaints"])
    chunks = [Chunk("S", 1, voters, [], False), Chunk("T", 1, value + labels, [], False)]
    for chunk in chunks:
        chunk.split = Split(VALUE_X - 1, "alignment")
    rows = read_tables(chunks, S.resolve(10.0), known=known).rows
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in rows][1:] == [
        ("There is a body authorized to / investigate torture",
         "Partially. / A unit in each region / handles such cases / only"),
        ("Number of investigators", "966"),
        ("Investigator workload", "About 7 cases")]


def test_label_lines_of_one_band_that_read_as_known_labels_one_after_another_are_one_label_each():
    from pipeline.convert.extract.chunks import Band
    from pipeline.convert.extract.lines import group_lines
    from pipeline.convert.extract.orphans import _label_units
    label = sorted(group_lines(lines(["There is a body authorized to", "investigate torture", "Number of investigators",
                                      "Investigator workload"], LABEL_X, 100), 4.5), key=lambda l: l.top)
    band = Band()
    band.add(label[:2], False)
    band.add(label[2:], False)
    known = known_labels(["There is a body authorized to investigate torture", "Number of investigators",
                          "Investigator workload"])
    assert [[ln.text for ln in unit] for unit, _ in _label_units([band], known)] == [
        ["There is a body authorized to", "investigate torture"], ["Number of investigators"], ["Investigator workload"]]
    # without the codebook, or where the lines read as no known labels, the band's labels are one
    assert len(_label_units([band], None)) == 1
    assert len(_label_units([band], known_labels(["Budget"]))) == 1


def test_a_wording_the_codebook_does_not_know_between_known_labels_of_one_band_is_a_label_of_its_own():
    """Rows set with no padding run their labels together: two known labels with a wording the codebook
    does not know between them, whose first line would not have ended its paragraph (no cut shows): each
    known label is a unit, and so are the lines between, which open with a capital."""
    from pipeline.convert.extract.chunks import Band
    from pipeline.convert.extract.lines import group_lines
    from pipeline.convert.extract.orphans import _label_units
    label = sorted(group_lines(lines(["Number of criminal cases initiated", "Number of complaints of torture and",
                                      "other ill-treatment", "Number of investigators"], LABEL_X, 100), 4.5),
                   key=lambda l: l.top)
    band = Band()
    band.add(label, False)
    known = known_labels(["Number of criminal cases initiated", "Number of investigators",
                          "Number of complaints of torture"])
    assert [[ln.text for ln in unit] for unit, _ in _label_units([band], known, 100.0)] == [
        ["Number of criminal cases initiated"], ["Number of complaints of torture and", "other ill-treatment"],
        ["Number of investigators"]]
    # lines between that open in lower case are a known label's wrapped words, or no label: nothing parts
    label[1].words[0] = label[1].words[0].model_copy(update={"text": "number"})
    assert len(_label_units([band], known, 100.0)) == 1
    # nor does a known label's wording that opens in lower case: it goes on with a longer wording ("Documenting
    # the" / "number of investigators" is no "Documenting the" and a "Number of investigators")
    longer = sorted(group_lines(lines(["Documenting the", "number of investigators"], LABEL_X, 100), 4.5),
                    key=lambda l: l.top)
    band = Band()
    band.add(longer, False)
    assert len(_label_units([band], known, 100.0)) == 1


def test_a_whole_known_label_on_a_line_of_its_own_right_of_a_strip_speaks_against_it():
    """A table sized to its text, labels flush right 4 pt from values flush left, both cells centred: a short
    table whose one line in two is its bold header row. The wide clear strip left of the labels has a whole known label on its right: a label on the values' side."""
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    head = [w.model_copy(update={"font": "Arial-Bold"}) for w in words("Indicator", 73, 60) + words("Value", 340.5, 60)]
    label = words("Independent external review mechanism", 0, 86)
    shift = 336.5 - label[-1].x1
    label = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in label]
    ws = head + label + words("The National Preventive Mechanism within", 340.5, 80) + \
        words("makes unannounced visits", 340.5, 92)
    got = find_split(ws, Finder(S.resolve(10.0), labels), [])
    assert got is not None and 336.5 < got.x < 340.5


def test_atop_a_continued_table_cells_at_the_bottom_the_first_value_starts_at_the_last_verdict_above_its_label():
    from pipeline.convert.extract.lines import group_lines
    from pipeline.convert.extract.orphans import _first_value_top, value_leads
    value = sorted(group_lines(lines(["officers concerned, and police.", "High.", "The body has its own budget",
                                      "and reports to parliament"], VALUE_X, 100), 4.5), key=lambda l: l.top)
    pieces = [([ln], None) for ln in value]
    lead = value_leads(known_labels([], verdicts=["High"]))
    leads = [lead(ln) for ln in value]
    label = (100 + 3 * LINE, 100 + 3 * LINE + 10)  # the label's lines, level with the value's last
    assert _first_value_top(pieces, leads, label, 100, "bottom") == 100 + LINE  # "High."
    assert _first_value_top(pieces[:1] + pieces[2:], leads[:1] + leads[2:], label, 100, "bottom") == 100  # no verdict
    # a middle bounds it: anywhere, the parting leaves out what the label's middle does not take
    assert _first_value_top(pieces, leads, label, 100, "center") == float("-inf")


def test_a_value_line_that_reads_as_a_known_label_in_lower_case_does_not_speak_against_a_split():
    """Atop a continued table, the rest of the row the page break split, all value text: "medical examination"
    reads as the codebook's "Medical examination", but in lower case, as no label opens; the split of the
    table on the page before still holds."""
    labels = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
    first = words("Incorporated into the rules of", 370, 60, page=2)
    second = words("medical examination", 0, 72, page=2)  # centred: it ends where the first line's "of" does
    shift = first[-1].x1 - second[-1].x1
    ws = first + words("forensic", first[-1].x1 + 2.5, 60, page=2) + \
        [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in second]
    got = find_split(ws, Finder(S.resolve(10.0), labels), [], [Neighbour(Split(362.6, "alignment"), "continued")])
    assert got is not None and abs(got.x - 362.6) < 0.01


def _lines_at(texts_tops: list[tuple[str, float]], x: float = VALUE_X):
    from pipeline.convert.extract.lines import group_lines
    return sorted(group_lines([w for t, top in texts_tops for w in words(t, x, top)], 4.5), key=lambda l: l.top)


def test_a_value_block_is_cut_before_a_line_that_is_a_whole_value_the_codebook_knows():
    """Rows run together with no padding: "n/a" opens a value of its own though it opens in lower case."""
    from pipeline.convert.extract.orphans import _pieces
    block = _lines_at([("255", 100), ("n/a", 100 + LINE), ("no data here", 100 + 2 * LINE)])
    known = known_labels([], values=["n/a", "no data"])
    assert [[ln.text for ln in p] for p in _pieces(block, known)] == [["255"], ["n/a", "no data here"]]
    assert [[ln.text for ln in p] for p in _pieces(block)] == [["255", "n/a", "no data here"]]  # no codebook


def test_atop_a_continued_table_the_parting_leaves_out_the_rest_of_the_row_above_the_first_label():
    """Both cells centred: above the first label's value, the rest of the row the page break split. Only
    atop a continued table may pieces go to no label."""
    from pipeline.convert.extract.orphans import _parting
    rest, first, second = _lines_at([("agencies", 90)]), _lines_at([("Medium.", 115), ("Regional units", 126.5)]), \
        _lines_at([("No data", 150)])
    pieces = [(rest, None), (first, 0), (second, 1)]
    middle = (115 + 126.5 + 10) / 2
    spans = [(middle - 5, middle + 5), (150, 160)]  # each label level with its value's middle
    assert _parting(spans, pieces, "center", 2.25, False, [False] * 3, continued=True) == [(1, 2), (2, 3)]
    assert _parting(spans, pieces, "center", 2.25, False, [False] * 3) is None


def test_the_parting_at_the_labels_tops_tells_labels_set_at_the_foot_of_their_cells():
    """No padding, both cells at the bottom: a value no taller than its label reads as well atop its cell
    (it lies beside the label), but a taller value beside a one-line label at its foot does not."""
    from pipeline.convert.extract.orphans import _parting
    one = [(_lines_at([("Yes, in Article 193", 100 + LINE)]), 0)]
    three = [(_lines_at([(t, 100 + k * LINE)]), None if k < 4 else 1)
             for k, t in [(2, "Abuse of power"), (3, "Exceeding powers"), (4, "of the Criminal Code")]]
    spans = [(100, 100 + LINE + 10), (100 + 4 * LINE, 100 + 4 * LINE + 10)]
    assert _parting(spans, one + three, "top", 2.25, False, [False] * 4) is None
    assert _parting(spans, one + three, "bottom", 2.25, False, [False] * 4) == [(0, 1), (1, 4)]
    assert _parting(spans[:1], one, "top", 2.25, False, [False]) == [(0, 1)]


def test_atop_a_continued_table_a_label_that_is_the_rest_of_a_split_row_need_not_be_level():
    """Cells at the bottom: "investigating body" (a label's rest, in lower case) level with the first of
    its value's two remaining lines; the next row's value opens with a verdict."""
    from pipeline.convert.extract.orphans import _parting
    pieces = [(_lines_at([("provided by other", 60)]), 0), (_lines_at([("agencies", 60 + LINE)]), None),
              (_lines_at([("Medium.", 60 + 2 * LINE)]), None), (_lines_at([("Regional units", 60 + 3 * LINE)]), 1)]
    spans = [(60, 70), (60 + 3 * LINE, 70 + 3 * LINE)]
    leads = [False, False, True, False]
    assert _parting(spans, pieces, "bottom", 2.25, False, leads, continued=True, rest=True) == [(0, 2), (2, 4)]
    assert _parting(spans, pieces, "bottom", 2.25, False, leads, continued=True) is None
    # where that row's value began on the page before, a verdict does not go on in it: "Yes." opens the next
    # row's value ("Istanbul Protocol", level with its value's foot), not the rest's
    pieces = [(_lines_at([("Yes.", 80)]), None), (_lines_at([("Not implemented in law", 80 + LINE)]), 1)]
    spans = [(40, 62), (80 + LINE, 90 + LINE)]
    assert _parting(spans, pieces, "bottom", 2.25, False, [True, False], continued=True, rest=True) == [(0, 1), (1, 2)]
    assert _parting(spans, pieces, "bottom", 2.25, False, [True, False], continued=True, rest=True,
                    rest_open=False) == [(0, 0), (0, 2)]


def test_no_padding_one_line_labels_at_the_foot_tell_their_cells_by_the_verdicts_a_reading_at_the_tops_leaves_last():
    """No padding, both cells at the bottom, every label one line: "Low." and "High." (each the first
    paragraph of the next row's value, set above its label) fit as well the ends of the values above, every
    label level with its value's first line. No value ends with a verdict and a stop alone: the rows read at
    the labels' feet."""
    from pipeline.convert.extract.tables import read_tables
    para = 2.0  # the values' paragraph spacing, the rows' none
    ws = words("Investigating body's jurisdiction", LABEL_X, 100) + words("All crimes of officers", VALUE_X, 100) \
        + words("Low.", VALUE_X, 100 + LINE) + words("Institutional independence", LABEL_X, 100 + 2 * LINE + para) \
        + words("The body reports to the Prosecutor", VALUE_X, 100 + 2 * LINE + para) \
        + words("High.", VALUE_X, 100 + 3 * LINE + para) + words("Geographic coverage", LABEL_X, 100 + 4 * LINE + 2 * para) \
        + words("Established in all units", VALUE_X, 100 + 4 * LINE + 2 * para) \
        + words("Budget", LABEL_X, 100 + 5 * LINE + 2 * para) + words("6,570 KGS", VALUE_X, 100 + 5 * LINE + 2 * para)
    known = known_labels(["Investigating body's jurisdiction", "Institutional independence", "Geographic coverage",
                          "Budget"], verdicts=["low", "high", "yes", "no"])
    chunk = Chunk("S", 1, ws, [], False)
    chunk.split = Split(VALUE_X - 1, "alignment")
    rows = read_tables([chunk], S.resolve(10.0), known=known).rows
    assert [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in rows] == [
        ("Investigating body's jurisdiction", "All crimes of officers"),
        ("Institutional independence", "Low. / The body reports to the Prosecutor"),
        ("Geographic coverage", "High. / Established in all units"),
        ("Budget", "6,570 KGS")]


def test_a_label_level_with_a_taller_values_first_line_may_be_centred_when_the_paragraph_above_is_beside_no_label():
    """No padding: "No." (the next row's first paragraph) ran into the block of the row above, whose first
    line is beside its label; the next label, centred on "No." and its rest, is level with the rest's first
    line. Its vote says only that labels may sit atop their cells."""
    from pipeline.convert.extract.lines import cell_alignment
    labels = [_lines_at([("Family notification", 100)], LABEL_X), _lines_at([("Medical examination", 100 + 2 * LINE)],
                                                                            LABEL_X)]
    values = [_lines_at([("Yes, within 6 hours", 100), ("No.", 100 + LINE)]),
              _lines_at([("An examination is", 100 + 2 * LINE), ("carried out", 100 + 3 * LINE)])]
    assert cell_alignment(labels, values, 2.0) == {"label top, maybe": 2}


def test_rows_with_no_spacing_and_no_votes_read_at_the_labels_feet_where_a_table_cannot_part_at_their_tops():
    """Both cells at the bottom, no padding: each column one block, so no row votes. The second table reads
    as well atop the cells (each label's top level with a value line's top) as at their feet; the first
    does not: its one-line label at the foot of a three-line value is level with none of its value's tops.
    A document's tables are set alike: both read at the labels' feet."""
    first = lines(["Explicit prohibition of torture in", "criminal law"], LABEL_X, 100) + \
        words("Yes, in Article 193 of the Code", VALUE_X, 100 + LINE) + \
        lines(["Abuse of power - Art. 250", "Exceeding powers - Art. 257", "of the Criminal Code"],
              VALUE_X, 100 + 2 * LINE) + words("Criminalization of acts", LABEL_X, 100 + 4 * LINE)
    second = lines(["Explicit prohibition of torture in", "criminal law"], LABEL_X, 300) + \
        lines(["Yes. Article 320 of the Code", "explicitly prohibits torture", "Infliction of pain - Art. 372",
               "Negligence - Art. 386"], VALUE_X, 300) + words("Criminalization of acts", LABEL_X, 300 + 3 * LINE)
    assert rows_of([Chunk("S", 1, first, [], False), Chunk("T", 1, second, [], False)], VALUE_X - 1) == [
        ("Explicit prohibition of torture in / criminal law", "Yes, in Article 193 of the Code"),
        ("Criminalization of acts", "Abuse of power - Art. 250 / Exceeding powers - Art. 257 / of the Criminal Code"),
        ("Explicit prohibition of torture in / criminal law",
         "Yes. Article 320 of the Code / explicitly prohibits torture"),
        ("Criminalization of acts", "Infliction of pain - Art. 372 / Negligence - Art. 386")]


def test_atop_a_continued_table_after_a_lone_verdict_overleaf_the_first_piece_above_the_label_is_that_rows_rest():
    """The row the page break split ends on the page before with "Low." alone: a verdict and a stop opens a
    value, never ends one, so the first piece atop this page, above the first label, is that row's rest."""
    from pipeline.convert.extract.chunks import Band
    from pipeline.convert.extract.orphans import _ends_open, _first_value_top, value_leads
    lead = value_leads(known_labels([], verdicts=["Low"]))
    before = Band()
    before.add(_lines_at([("Low.", 700)]), True)
    assert _ends_open(before, lead)
    before.add(_lines_at([("Offices in 3 regions", 700 + LINE)]), True)
    assert not _ends_open(before, lead) and not _ends_open(None, lead)
    pieces = [(_lines_at([("Offices in 3 regions", 60)]), None), (_lines_at([("16 279 507", 60 + LINE)]), 0)]
    label = (60 + LINE, 70 + LINE)
    for how in ("bottom", "center"):
        assert _first_value_top(pieces, [False, False], label, 60, how, open_above=True) == 60 + LINE
    assert _first_value_top(pieces, [False, False], label, 60, "bottom") == 60  # else: the band's top


def test_label_lines_the_codebook_does_not_read_part_at_their_paragraphs():
    """Labels run together, one a wording the codebook does not know: a line that opens with a capital after
    one that ended its paragraph (its first word would have fitted there) opens a label; a wrapped line
    does not."""
    from pipeline.convert.extract.orphans import _label_paragraphs
    label = _lines_at([("Budget", 100), ("Number of cases", 100 + LINE), ("Number of complaints of torture and",
                                                                        100 + 2 * LINE), ("Other Treatment", 100 + 3 * LINE)],
                      LABEL_X)
    widest = label[2].x1 - label[2].x0
    assert [[ln.text for ln in p] for p in _label_paragraphs(label, widest)] == [
        ["Budget"], ["Number of cases"], ["Number of complaints of torture and", "Other Treatment"]]
    # in a column too narrow for "Number" after "Budget": one label
    assert len(_label_paragraphs(label, 40.0)) == 1
    # a line that would seem to end its paragraph but goes on with a known label's words ("... to the UN" |
    # "Convention"; the table's label column narrower than the document's widest label line) is no cut
    opcat = _lines_at([("Optional Protocol to the UN", 100), ("Convention against Torture", 100 + LINE)], LABEL_X)
    known = known_labels(["Optional Protocol to the UN Convention against Torture"])
    assert len(_label_paragraphs(opcat, 300.0)) == 2 and len(_label_paragraphs(opcat, 300.0, known)) == 1


def _shrink_table_values_on_lines_of_their_own(centred_values: bool):
    """A shrink-to-fit table, labels centred on 150 (the widest line ends at 217.8), its three values on
    lines of their own between their labels' lines, 4.2 pt right of it: centred on the widest value's
    centre, or flush left; "Not available" set with a word gap wider than that strip."""
    ws = centred("Judgments and decisions of", 150, 100) + centred("international bodies", 150, 112) + \
        centred("Judgments of the", 150, 136) + centred("country's courts", 150, 148) + \
        centred("Judgments excluding evidence", 150, 172) + centred("obtained under torture", 150, 184)
    middle = 222 + (5.0 * 12 + 6.0) / 2
    for text, top in [("40", 106), ("26", 142), ("Not available", 178)]:
        ws += centred(text, middle, top, 6.0) if centred_values else placed(text.split(), 222, top, 6.0)
    return ws


KNOWN_JUDGMENTS = known_labels(["Judgments and decisions of international bodies", "Judgments of the country's courts",
                                "Judgments excluding evidence obtained under torture"], values=["Not available"])


def test_a_split_inside_a_whole_value_the_codebook_knows_is_no_split():
    """The strip between "Not" and "available" is wider than the one between labels and values, and parts
    the one line that has text on both sides; but it cuts a value the codebook knows ("not available"),
    which lies in one cell: the split is the labels' edge, where the values start."""
    got = find_split(_shrink_table_values_on_lines_of_their_own(False), Finder(S.resolve(10.0), KNOWN_JUDGMENTS), [])
    assert got is not None and 217.8 < got.x < 222


def test_values_centred_on_lines_of_their_own_align_a_strip_that_parts_no_line():
    """Values centred in their cells, each on a line of its own between its label's lines: the strip
    between the columns parts no line, but the lines right of it share one centre, which aligns it."""
    got = find_split(_shrink_table_values_on_lines_of_their_own(True), Finder(S.resolve(10.0), KNOWN_JUDGMENTS), [])
    assert got is not None and 217.8 < got.x < 222


def test_a_split_past_a_known_label_and_its_value_s_verdict_is_no_split():
    """A table of one row, its label flush right 1.5 pt from its value's two lines, whose word gaps line up
    by chance further right (a strip that parts both lines, with words ending and starting alike on
    each side): that split leaves the value's verdict and first words beside the known label, on the
    labels' side. The split is the label's edge."""
    known = known_labels(["Thoroughness of investigations"], verdicts=["Partial"])
    label = placed(["Thoroughness", "of", "investigations"], 60, 100)
    shift = 220.0 - label[-1].x1
    ws = [w.model_copy(update={"x0": w.x0 + shift, "x1": w.x1 + shift}) for w in label] + \
        placed(["Partial.", "Forensic", "exams", "come"], 221.5, 100) + placed(["sometimes", "delayed", "again", "and", "short"], 221.5, 112)
    first, second = ws[3:7], ws[7:]
    gap_first = (first[2].x1, first[3].x0)
    assert any(abs(a.x1 - gap_first[0]) < 0.5 and abs(b.x0 - gap_first[1]) < 0.5 for a, b in zip(second, second[1:]))
    got = find_split(ws, Finder(S.resolve(10.0), known), [])
    assert got is not None and 220.0 < got.x < 221.5
