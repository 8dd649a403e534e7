"""Pages set in two text columns, told apart from a table's label | value columns (page_columns.py)."""
from pipeline.convert.extract.columns import known_labels
from pipeline.convert.extract.lines import group_lines
from pipeline.convert.extract.page_columns import two_text_columns
from pipeline.core.codebook import default_codebook
from pipeline.core.models import Word

KNOWN = known_labels([v for f in default_codebook().fields if f.where == "table" for v in f.variants])
LINE = 12.0


def _words(text: str, x: float, top: float) -> list[Word]:
    out = []
    for t in text.split():
        out.append(Word(text=t, page=1, x0=x, top=top, x1=x + 4.5 * len(t), bottom=top + 9, size=9))
        x += 4.5 * len(t) + 2.5
    return out


def _table(rows: list[tuple[str, str]], label_x: float, value_x: float, top: float) -> list[Word]:
    return [w for i, (label, value) in enumerate(rows)
            for w in _words(label, label_x, top + i * LINE) + _words(value, value_x, top + i * LINE)]


LEFT = [("Number of investigators", "372"), ("Investigator workload", "9 cases"), ("Budget", "No data"),
        ("Geographic coverage", "Low.")]
RIGHT = [("Family notification", "Yes"), ("Medical examination", "No."), ("Video surveillance", "Partially."),
         ("Istanbul Protocol", "No"), ("Relevant conventions", "")]


def test_a_page_in_two_text_columns_has_known_labels_on_both_sides_of_its_strip():
    words = _table(LEFT, 40, 160, 100) + _table(RIGHT, 310, 430, 100)
    assert two_text_columns(group_lines(words, 4.0), KNOWN)


def test_a_table_s_label_and_value_columns_are_no_text_columns():
    """Values, not labels, right of the strip; a heading across it changes nothing."""
    words = _table(LEFT + RIGHT, 40, 300, 100)
    assert not two_text_columns(group_lines(words, 4.0), KNOWN)
    assert not two_text_columns(group_lines(words + _words("Preventive mechanisms", 40, 80), 4.0), KNOWN)
    # and without the codebook, nothing tells
    assert not two_text_columns(group_lines(_table(LEFT, 40, 160, 100) + _table(RIGHT, 310, 430, 100), 4.0), None)


def test_lines_that_run_across_the_strip_hide_the_text_columns():
    """A strip that most lines cross is none: a table whose long values run across the middle."""
    words = _table(LEFT, 40, 160, 100) + _table(RIGHT, 310, 430, 100)
    across = [w for i in range(6) for w in _words("a value long enough to run right across the middle of the page "
                                                  "and on", 40 + 7 * i, 160 + i * LINE)]  # (wrapped prose: its
    # word gaps lie at other places line by line)
    assert not two_text_columns(group_lines(words + across, 4.0), KNOWN)
