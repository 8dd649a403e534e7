"""A row that a page break split the other way round (value_before_label): its value at the foot of the
page under the row before, its label atop the next page with nothing beside it."""
from pipeline.convert.lexicon import default_lexicon
from pipeline.convert.map.map import cell_pitch, value_before_label
from pipeline.core.geometry import BBox
from pipeline.core.models import Cell, Fragment, Row

SECTION = "Government body investigating allegations of torture and ill-treatment"


def frag(text: str, page: int, x: float, top: float) -> Fragment:
    return Fragment(text=text, page=page, bbox=BBox(x, top, x + 6 * len(text), top + 10))


def cell(*frags: Fragment) -> Cell:
    return Cell(fragments=list(frags))


def rows(row_gap: float) -> list[Row]:
    """Rows whose cells wrap at a 12 pt line step, `row_gap` more between rows; at the page's foot,
    "Budget | No data" and, a row gap below, "622" beside no label: its label is atop the next page."""
    step = 12.0
    out, top = [], 600.0
    for label, value in [("Investigator workload", ["9 criminal cases per", "investigator on average"]),
                         ("Geographic coverage", ["Medium. Regional divisions", "in 3 of 16 regions"])]:
        out.append(Row(kind="table", section=SECTION, label=cell(frag(label, 1, 60, top)),
                       value=cell(*(frag(t, 1, 200, top + i * step) for i, t in enumerate(value)))))
        top += 2 * step + row_gap
    out.append(Row(kind="table", section=SECTION, label=cell(frag("Budget", 1, 60, top)),
                   value=cell(frag("No data", 1, 200, top), frag("622", 1, 200, top + step + row_gap))))
    out.append(Row(kind="subheading", section=SECTION, after_page_break=True,
                   label=cell(frag("Number of criminal cases", 2, 60, 60), frag("initiated", 2, 60, 72)), value=cell()))
    return out


def test_the_cells_line_step_is_their_lines_median_step():
    assert cell_pitch(rows(2.0)) == 12.0
    assert cell_pitch(rows(2.0)[2:]) is None  # too few cells wrap to tell


def test_a_value_a_row_gap_below_the_last_row_at_the_foot_joins_the_label_overleaf():
    got = value_before_label(rows(2.0), default_lexicon())
    assert [(" ".join(r.label.lines), " ".join(r.value.lines)) for r in got[-2:]] == [
        ("Budget", "No data"), ("Number of criminal cases initiated", "622")]
    assert got[-1].rejoined and got[-1].kind == "table"


def test_a_value_s_second_line_at_the_cells_own_step_stays_with_its_row():
    got = value_before_label(rows(0.0), default_lexicon())  # no row gap: "622" is the value's second line
    assert " ".join(got[-2].value.lines) == "No data 622" and got[-1].kind == "subheading"
