"""The facts box on hand-placed words: inline `label - value` cells and label | value cell pairs."""
from hypothesis import given
from hypothesis import strategies as st

from pipeline.convert.extract.facts import facts_cells, parse_facts, split_items
from pipeline.convert.extract.lines import group_lines
from pipeline.core.codebook import default_codebook
from pipeline.core.geometry import BBox
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS as S
from pipeline.core.text import fold

LABELS = [l for f in default_codebook().fields if f.where == "facts" for l in f.variants]


def words(text, x, top):
    out = []
    for t in text.split():
        out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10))
        x += 5.0 * len(t) + 2.8
    return out


def rows(ws, boxes=()):
    parsed = parse_facts(facts_cells(ws, [BBox(*b) for b in boxes], S.resolve(10.0), LABELS), LABELS)
    return [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in parsed]


def test_inline_items_in_two_columns_without_boxes():
    ws = words("Population - 18.28", 60, 150) + words("million", 60, 161.5) + \
        words("Law enforcement budget 417 611 910 KZT", 340, 150) + \
        words("Prison population (convicted) - 23", 60, 190) + words("635", 60, 201.5) + \
        words("Detained - no published", 340, 190) + words("data", 340, 201.5)
    assert rows(ws) == [("Population", "18.28 / million"), ("Law enforcement budget", "417 611 910 KZT"),
                        ("Prison population (convicted)", "23 / 635"), ("Detained", "no published / data")]


def test_a_narrow_column_gap_on_which_items_start_parts_the_columns():
    """LibreOffice's print of the facts table (no boxes): one left item nearly fills its column, so the
    strip before the right column is under `facts_gutter`, but two right items start on its edge."""
    ws = words("Population - 18.28 million", 60, 100) + words("Law enforcement budget - 417 611 910 KZT", 310, 100) + \
        words("Prison population (convicted) - 23 635", 60, 127) + words("Detained - no published data", 310, 127) + \
        words("In pre-trial detention (under investigation) - 5 288", 60, 154)
    assert 310 - S.facts_gutter * 10 < ws[-1].x1 < 310 - S.min_gutter * 10  # closer to the right column than a wide gutter
    assert rows(ws) == [("Population", "18.28 million"), ("Law enforcement budget", "417 611 910 KZT"),
                        ("Prison population (convicted)", "23 635"), ("Detained", "no published data"),
                        ("In pre-trial detention (under investigation)", "5 288")]


def test_columns_parted_by_no_more_than_a_word_space_where_items_open_on_its_edge():
    """LibreOffice's print with larger type: the left cell's text runs to within a word space of the
    right column (under `min_gutter`), and no line on the left is set beside a right item's first word;
    items (`Label - value`) open on the strip's right edge on two lines, so it parts the columns."""
    ws = words("Population - 2.96 million", 60, 100) + words("Law enforcement budget - 56 370 392", 275, 95) + \
        words("833 drams", 275, 106.5) + words("Prison population (convicted) - 2 235", 60, 140) + \
        words("Detained - 58 668", 275, 140) + words("In pre-trial detention (under investigation)", 60, 170) + \
        words("- 1 004", 60, 181.5)
    edge = max(w.x1 for w in ws if w.x0 < 275)
    assert 2.8 < 275 - edge < S.min_gutter * 10  # a word space (2.8) and a little more
    assert rows(ws) == [("Law enforcement budget", "56 370 392 / 833 drams"), ("Population", "2.96 million"),
                        ("Prison population (convicted)", "2 235"), ("Detained", "58 668"),
                        ("In pre-trial detention (under investigation)", "1 004")]


def test_a_word_space_strip_with_no_items_on_its_edge_parts_nothing():
    """Word gaps of two lines that happen to line up part no columns: what starts there opens no item."""
    ws = words("Population - 9.41 million people", 60, 100) + words("Prison total - 25 979 inmates", 60, 111.5)
    assert rows(ws)[0][0] == "Population"
    assert [label for label, _ in rows(ws)] == ["Population", "Prison total"]


def test_words_aligned_down_a_wrapped_item_part_no_columns():
    """In an item wrapped over three lines (uneven word gaps), the second words of two lines start
    together past a strip wider than `min_gutter`; no item opens there, so the item stays whole."""
    ws = words("Population - 18.28", 60, 150) + words("million", 60, 161.5) + words("Law", 350, 150) + \
        words("enforcement budget - 417", 371, 150) + words("611", 350, 161.5) + words("910", 371, 161.5) + \
        words("KZT", 350, 173)
    assert 371 - (350 + 15) > S.min_gutter * 10
    assert rows(ws) == [("Population", "18.28 / million"), ("Law enforcement budget", "417 / 611 910 / KZT")]


def test_cells_given_by_boxes():
    ws = words("Population - 18.28 million", 60, 150) + words("Detained - 9 666", 340, 150)
    assert rows(ws, [(55, 145, 330, 170), (335, 145, 560, 170)]) == [
        ("Population", "18.28 million"), ("Detained", "9 666")]


def test_label_and_value_in_cells_of_their_own():
    ws = words("Population", 60, 150) + words("18.28 million", 200, 150) + \
        words("Detained", 340, 150) + words("No data", 450, 150)
    boxes = [(55, 145, 190, 170), (195, 145, 330, 170), (335, 145, 440, 170), (445, 145, 560, 170)]
    assert rows(ws, boxes) == [("Population", "18.28 million"), ("Detained", "No data")]


# --- items one per line, no space between them (one cell holds them all) ---------------------

def lines_at(texts, x=60, top=150, lead=11.5):
    """One word list per text line, `lead` points apart: a facts column with no gap between items."""
    return [w for i, t in enumerate(texts) for w in words(t, x, top + i * lead)]


def test_items_one_per_line_in_one_box_are_apart():
    ws = lines_at(["Population - 18.28", "million", "Prison population (convicted) - 23", "635",
                   "In pre-trial detention (under", "investigation) - 5 288"]) + \
        lines_at(["Law enforcement budget 417 611 910 KZT", "Detained - no published", "data"], x=340)
    expected = [("Population", "18.28 / million"), ("Law enforcement budget", "417 611 910 KZT"),
                ("Detained", "no published / data"), ("Prison population (convicted)", "23 / 635"),
                ("In pre-trial detention (under / investigation)", "5 288")]
    assert rows(ws, [(55, 145, 330, 230), (335, 145, 560, 230)]) == expected  # a shaded box per column
    assert rows(ws) == expected  # no box at all


def test_reworded_labels_open_items_by_their_form():
    ws = lines_at(["Convicted inmates - 23", "635", "People taken into custody - No data",
                   "Detainees awaiting trial - 5 288"])
    assert rows(ws) == [("Convicted inmates", "23 / 635"), ("People taken into custody", "No data"),
                        ("Detainees awaiting trial", "5 288")]


def test_a_wrapped_value_with_a_dash_stays_in_its_item():
    # lower case: the rest of a value, not a label; a label whose item has no value yet goes on
    ws = lines_at(["Detained - about 9 000, see", "note - ministry figures", "State spending on law enforcement",
                   "bodies - 417 611 910", "KZT", "Sentenced prisoners - 23", "635"])
    assert rows(ws) == [("Detained", "about 9 000, see / note - ministry figures"),
                        ("State spending on law enforcement / bodies", "417 611 910 / KZT"),
                        ("Sentenced prisoners", "23 / 635")]


def test_a_label_wrapped_just_before_its_dash_opens_an_item():
    # a reworded label that fills its line: the dash and the value wrap to the next line
    ws = lines_at(["Population - 146.75", "million", "Sentenced prisoners serving their terms", "- 456", "928",
                   "Detainees awaiting trial - 94 386"])
    assert rows(ws) == [("Population", "146.75 / million"), ("Sentenced prisoners serving their terms", "456 / 928"),
                        ("Detainees awaiting trial", "94 386")]


KNOWN = {fold(l) for l in LABELS}
ITEMS = [("Population", "18.28 million"), ("Prison population (convicted)", "23 635"),
         ("In pre-trial detention (under investigation)", "5 288"), ("Law enforcement budget", "417 611 910 KZT"),
         ("Detained", "no published data"), ("Sentenced prisoners", "12 000"), ("Persons on remand", "n/a")]


@given(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=6, unique=True), st.data())
def test_split_items_finds_every_item_however_it_wraps(items, data):
    texts = []
    for label, value in items:  # each item wrapped just before its dash or at any word after the dash and a
        # value word, no gap between items
        item = f"{label} - {value}".split()
        first_dash = item.index("-")
        places = [first_dash, *range(first_dash + 2, len(item))]
        cuts = sorted(data.draw(st.sets(st.sampled_from(places), max_size=2))) if places else []
        texts += [" ".join(item[a:b]) for a, b in zip([0] + cuts, cuts + [len(item)])]
    lines = group_lines(lines_at(texts), 4.5)
    got = split_items(lines, KNOWN)
    assert [" ".join(ln.text for ln in item) for item in got] == [f"{l} - {v}" for l, v in items]
