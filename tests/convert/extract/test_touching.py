"""Words that run from one cell into the next with no space (a cell filled to its column's edge, no
padding), cut apart at the next column's edge (pipeline/convert/extract/pages.py: cut_touching)."""
from hypothesis import given
from hypothesis import strategies as st

from pipeline.convert.extract.pages import _seam, cut_touching

SIZE = 10.0
CHAR = 5.0  # every character 5 pt wide


def word(text: str, x0: float, top: float) -> dict:
    chars = [{"text": c, "x0": x0 + CHAR * i, "x1": x0 + CHAR * (i + 1), "size": SIZE} for i, c in enumerate(text)]
    return {"text": text, "x0": x0, "x1": x0 + CHAR * len(text), "top": top, "bottom": top + SIZE, "chars": chars}


def texts(words):
    return [(w["text"], w["x0"], w["x1"]) for w in words]


def page() -> list[dict]:
    """Two lines whose second words start at x=100: the value column's edge."""
    return [word("Label", 50, 0), word("Value", 100, 0), word("Budget", 50, 12), word("267", 100, 12)]


def test_a_word_is_cut_at_the_next_column_s_edge():
    out = cut_touching(page() + [word("investigationsLow.", 100 - CHAR * 14, 24)], 0.05)
    assert texts(out[4:]) == [("investigations", 30.0, 100.0), ("Low.", 100.0, 120.0)]
    assert [c["text"] for c in out[5]["chars"]] == list("Low.")


def test_a_bracket_before_a_figure_is_cut_too():
    raw = page() + [word("(2002)2006", 100 - CHAR * 6, 24)]
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["(2002)", "2006"]


def test_no_cut_off_a_column_edge_or_inside_a_number():
    raw = page() + [word("McDonald", 100 - CHAR * 4, 36)]  # the seam c|D is 10 pt left of the edge
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["McDonald"]
    raw = page() + [word("3,340,099,013", 100 - CHAR * 6, 36)]  # a stop before a figure: one number
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["3,340,099,013"]


def test_one_other_word_starting_there_is_no_column():
    raw = [word("Label", 50, 0), word("Value", 100, 0), word("investigationsLow.", 30, 24)]
    assert [w["text"] for w in cut_touching(raw, 0.05)] == ["Label", "Value", "investigationsLow."]


def test_rows_with_padding_keep_the_column_edge_within_reach():
    """Rows set with padding, each a line and a half apart or more: the two values above the last row of a
    short table start five lines of its size up and less; its label touching its value is cut all the same."""
    raw = [word("Label", 50, 0), word("Value", 100, 0), word("Budget", 50, 18.6), word("267", 100, 18.6),
           word("investigationsLow.", 100 - CHAR * 14, 18.6 + 37.2)]
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["investigations", "Low."]


def test_words_starting_there_far_above_are_no_column_of_its_table():
    """A running footer's file name ("tmphc46ujb9") under a table whose values start at its "9"."""
    raw = page() + [word("file:///tmp/tmphc46ujb9/profile.html", 100 - CHAR * 21, 700)]
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["file:///tmp/tmphc46ujb9/profile.html"]


@given(st.text(min_size=1, max_size=12).filter(lambda t: not any(c.isspace() for c in t)))
def test_a_cut_keeps_every_character_and_falls_on_a_seam(text):
    """Whatever the word, its pieces hold its characters in order, and each cut is at a seam."""
    raw = page() + [word(text, 100 - CHAR * (len(text) // 2), 24)]
    pieces = cut_touching(raw, 0.05)[4:]
    assert "".join(p["text"] for p in pieces) == text
    for before, after in zip(pieces, pieces[1:]):
        assert _seam(before["text"][-1], after["text"][0]) and after["x0"] == 100.0


def test_no_cut_before_a_superscript_figure():
    """A footnote mark is no word of the next column ("²" is a digit to str.isdigit, not a decimal one)."""
    raw = page() + [word("torture²", 100 - CHAR * 7, 24)]
    assert [w["text"] for w in cut_touching(raw, 0.05)[4:]] == ["torture²"]


def test_a_word_is_cut_where_a_drawn_rule_runs_between_its_characters():
    from pipeline.convert.extract.pages import cut_at_rules
    from pipeline.core.geometry import VRule

    # a label set flush right against the column's border, its value flush left against the other side
    merged = word("courts1", 65.0, 24)
    out = cut_at_rules([merged, word("Budget", 50, 36)], [VRule(95.0, 0.0, 60.0)])
    assert texts(out) == [("courts", 65.0, 95.0), ("1", 95.0, 100.0), ("Budget", 50.0, 80.0)]
    # a rule that ends above the word, or one across a character's middle, parts nothing
    assert texts(cut_at_rules([merged], [VRule(95.0, 0.0, 20.0)])) == [("courts1", 65.0, 100.0)]
    assert texts(cut_at_rules([merged], [VRule(97.5, 0.0, 60.0)])) == [("courts1", 65.0, 100.0)]


def test_a_rule_between_two_small_letters_parts_nothing():
    from pipeline.convert.extract.pages import cut_at_rules
    from pipeline.core.geometry import VRule

    # a title across a merged cell, drawn over a border: "tor" | "ture" is no end of a word
    assert texts(cut_at_rules([word("torture", 80.0, 24)], [VRule(95.0, 20.0, 40.0)])) == [("torture", 80.0, 115.0)]


def _tagged(text: str, cut: int, first=(0, 1, 0), second=(0, 1, 1)):
    """A word whose first `cut` characters were drawn in one tagged cell, the rest in another."""
    from pipeline.convert.extract.tags import TagCell

    w = word(text, 50, 24)
    mcids = {id(c): (1 if i < cut else 2) for i, c in enumerate(w["chars"])}
    cells = {1: TagCell(*first, False), 2: TagCell(*second, False)}
    return w, mcids, cells


def test_a_word_is_cut_where_its_characters_pass_into_another_tagged_cell():
    """A label set flush right against its value, no padding: two small letters meet, no seam, but the
    producer drew them in two cells."""
    from pipeline.convert.extract.pages import cut_at_cells

    w, mcids, cells = _tagged("torturecorruption", 7)
    assert [p["text"] for p in cut_at_cells([w], mcids, cells)] == ["torture", "corruption"]
    # two sequences of one cell (a span inside it), or a cell and text outside any, part nothing
    w, mcids, cells = _tagged("torturecorruption", 7, second=(0, 1, 0))
    assert [p["text"] for p in cut_at_cells([w], mcids, cells)] == ["torturecorruption"]
    w, mcids, cells = _tagged("torturecorruption", 7)
    assert [p["text"] for p in cut_at_cells([w], mcids, {1: cells[1]})] == ["torturecorruption"]


@given(st.text(min_size=2, max_size=12).filter(lambda t: not any(c.isspace() for c in t)), st.integers(1, 11))
def test_a_cut_at_a_cell_keeps_every_character(text, cut):
    from pipeline.convert.extract.pages import cut_at_cells

    cut = min(cut, len(text) - 1)
    w, mcids, cells = _tagged(text, cut)
    pieces = cut_at_cells([w], mcids, cells)
    assert [p["text"] for p in pieces] == [text[:cut], text[cut:]]
    assert pieces[1]["x0"] == pieces[0]["x1"] == 50 + CHAR * cut
