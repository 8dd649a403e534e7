"""The facts box on hand-placed words: inline `label - value` cells and label | value cell pairs."""
from pipeline.core.codebook import default_codebook
from pipeline.convert.extract.facts import facts_cells, parse_facts
from pipeline.core.geometry import BBox
from pipeline.core.models import Word
from pipeline.core.settings import DEFAULT_SETTINGS as S

LABELS = [l for f in default_codebook().fields if f.where == "facts" for l in f.variants]


def words(text, x, top):
    out = []
    for t in text.split():
        out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 5.0 * len(t), bottom=top + 10, size=10))
        x += 5.0 * len(t) + 2.8
    return out


def rows(ws, boxes=()):
    parsed = parse_facts(facts_cells(ws, [BBox(*b) for b in boxes], S.resolve(10.0)), LABELS)
    return [(" / ".join(r.label.lines), " / ".join(r.value.lines)) for r in parsed]


def test_inline_items_in_two_columns_without_boxes():
    ws = words("Population - 18.28", 60, 150) + words("million", 60, 161.5) + \
        words("Law enforcement budget 417 611 910 KZT", 340, 150) + \
        words("Prison population (convicted) - 23", 60, 190) + words("635", 60, 201.5) + \
        words("Detained - no published", 340, 190) + words("data", 340, 201.5)
    assert rows(ws) == [("Population", "18.28 / million"), ("Law enforcement budget", "417 611 910 KZT"),
                        ("Prison population (convicted)", "23 / 635"), ("Detained", "no published / data")]


def test_cells_given_by_boxes():
    ws = words("Population - 18.28 million", 60, 150) + words("Detained - 9 666", 340, 150)
    assert rows(ws, [(55, 145, 330, 170), (335, 145, 560, 170)]) == [
        ("Population", "18.28 million"), ("Detained", "9 666")]


def test_label_and_value_in_cells_of_their_own():
    ws = words("Population", 60, 150) + words("18.28 million", 200, 150) + \
        words("Detained", 340, 150) + words("No data", 450, 150)
    boxes = [(55, 145, 190, 170), (195, 145, 330, 170), (335, 145, 440, 170), (445, 145, 560, 170)]
    assert rows(ws, boxes) == [("Population", "18.28 million"), ("Detained", "No data")]
