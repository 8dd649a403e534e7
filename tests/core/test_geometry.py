"""pipeline/core/geometry.py: box unions, gutters, and the boxes' JSON form in the models."""
import json

import pytest

from pipeline.core.geometry import BBox, Gutter, HRule, VRule, gutters
from pipeline.core.models import Cell, FieldValue, Fragment


def test_union_holds_every_box():
    assert BBox.union([BBox(10, 700, 200, 710), BBox(5, 750, 150, 760), BBox(12, 690, 90, 700)]) == \
        BBox(5, 690, 200, 760)
    assert BBox.union(iter([BBox(1, 2, 3, 4)])) == BBox(1, 2, 3, 4)  # one pass over an iterator is enough


def test_union_of_no_boxes_is_an_error():
    with pytest.raises(ValueError):
        BBox.union([])


def test_box_measures_and_rounding():
    box = BBox(10.123, 20.456, 40.789, 25.0)
    assert box.rounded(1) == BBox(10.1, 20.5, 40.8, 25.0)
    assert abs(box.width - 30.666) < 1e-9 and abs(box.height - 4.544) < 1e-9


def test_centre_inside_a_box_edges_included():
    cell = BBox(0, 0, 100, 20)
    assert cell.holds_centre_of(BBox(90, 5, 110, 15))  # crosses the edge, centre inside
    assert cell.holds_centre_of(BBox(95, 15, 105, 25))  # centre exactly on the corner
    assert not cell.holds_centre_of(BBox(95, 5, 115, 15))


def test_rule_lengths():
    assert HRule(100, 50, 300).length == 250
    assert VRule(296, 90, 200).length == 110


def test_gutters_are_bounded_on_both_sides():
    assert gutters([(0, 5), (100, 105)], 5) == [Gutter(5, 100)]
    assert gutters([(0, 5)], 1) == []  # nothing right of the only span
    assert gutters([], 1) == []


def test_gutters_left_to_right_and_no_narrower_than_asked():
    spans = [(200, 260), (0, 50), (40, 90), (95, 150), (170, 180)]
    # 90..95 is too narrow; the span 40..90 overlaps 0..50, so nothing lies between them
    assert gutters(spans, 10) == [Gutter(150, 170), Gutter(180, 200)]
    assert gutters(spans, 20) == [Gutter(150, 170), Gutter(180, 200)]  # exactly as wide as asked
    assert gutters(spans, 20.5) == []
    assert [g.width for g in gutters(spans, 5)] == [5, 20, 20]


def test_a_long_span_closes_the_gutters_it_crosses():
    assert gutters([(0, 10), (20, 30), (5, 40), (50, 60)], 5) == [Gutter(40, 50)]


def test_boxes_serialize_as_four_element_arrays():
    frag = Fragment(text="966", page=1, bbox=(300, 100, 315.5, 110))
    value = FieldValue(field="x", status="ok", page=1, bbox=Cell(fragments=[frag]).bbox_on(1), fragments=[frag])
    doc = json.loads(value.model_dump_json())
    assert doc["bbox"] == [300.0, 100.0, 315.5, 110.0] and doc["fragments"][0]["bbox"] == doc["bbox"]
    assert value.model_dump(mode="json")["bbox"] == doc["bbox"]
    again = FieldValue.model_validate_json(value.model_dump_json())
    assert again == value and isinstance(again.bbox, BBox) and again.bbox.x1 == 315.5


def test_cell_box_on_a_page_is_the_union_of_its_fragments_there():
    cell = Cell(fragments=[Fragment(text="a", page=1, bbox=(10, 700, 200, 710)),
                           Fragment(text="b", page=1, bbox=(12, 712, 150, 722)),
                           Fragment(text="c", page=2, bbox=(0, 0, 500, 10))])
    assert cell.bbox_on(1) == BBox(10, 700, 200, 722)
    assert cell.bbox_on(3) is None


def test_rules_drawn_twice_or_cut_per_cell_are_one():
    from pipeline.core.geometry import merge_hrules, merge_vrules
    twice = [HRule(100.0, 50, 545), HRule(100.3, 50, 545)]  # a stroke and a filled rectangle, a hair apart
    cut = [HRule(200.0, 50, 300), HRule(200.0, 300, 545)]  # a segment per cell
    apart = [HRule(300.0, 50, 545), HRule(303.0, 50, 545)]  # a double rule: two rules
    assert merge_hrules(twice + cut + apart, 1.5) == [HRule(100.0, 50, 545), HRule(200.0, 50, 545),
                                                      HRule(300.0, 50, 545), HRule(303.0, 50, 545)]
    assert merge_hrules([HRule(50.0, 10, 100), HRule(50.0, 400, 500)], 1.5) == \
        [HRule(50.0, 10, 100), HRule(50.0, 400, 500)]  # two tables side by side
    assert merge_vrules([VRule(300.0, 100, 150), VRule(300.2, 150, 220)], 1.5) == [VRule(300.0, 100, 220)]
