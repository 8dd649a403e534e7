"""Every knob of the extract stage in one typed, validated object (echoed into the log)."""
from __future__ import annotations

from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

# The signals the column finder may weigh (`vertical_strategy`) and what may part a table's rows
# (`horizontal_strategy`), as pdfplumber names its table strategies: leave one out to turn it off.
ColumnSignal = Literal["rules", "strips", "alignment", "style", "labels", "neighbours"]
RowSignal = Literal["rules", "spacing", "line_grid", "row_starts", "labels", "centres"]
COLUMN_SIGNALS: tuple[ColumnSignal, ...] = ("rules", "strips", "alignment", "style", "labels", "neighbours")
ROW_SIGNALS: tuple[RowSignal, ...] = ("rules", "spacing", "line_grid", "row_starts", "labels", "centres")


class ExtractSettings(BaseModel):
    # pdfplumber word grouping: characters closer than this share of their font size form one
    # word. Relative, because fragmented PDFs draw each word alone with no space character and
    # their word gaps (about a space wide) would merge under pdfplumber's fixed 3 pt default.
    x_tolerance_ratio: float = Field(0.1, gt=0)
    y_tolerance: float = Field(3.0, gt=0)
    # Tolerances below are fractions of the body font size, so they scale with the document.
    same_line: float = Field(0.45, gt=0, description="tops closer than this are one visual line")
    block_gap: float = Field(0.6, gt=0, description="a vertical gap wider than this ends a block of lines")
    heading_size_ratio: float = Field(1.08, gt=1, description="a line this much larger than body text is a heading")
    column_snap: float = Field(0.15, ge=0, description="a value word may start this far left of the value column")
    align_slack: float = Field(0.05, ge=0, description="line edges closer than this are aligned")
    min_gutter: float = Field(0.5, gt=0, description=(
        "a strip this wide that no word crosses may part label from value "
        "(narrower: a word space, unless text aligns on it)"))
    grid_break: float = Field(0.12, gt=0, description="a baseline step this much over the line grid starts a new block")
    rule_merge: float = Field(0.15, ge=0, description="rules closer than this are one (drawn twice, or cut per cell)")
    kern_ratio: float = Field(0.6, gt=0, lt=1, description=(
        "without space characters, a gap under this share of the median word gap is a kern inside a word"))
    kern_max: float = Field(0.2, ge=0, description="a kern inside a word is narrower than this share of the font size")
    min_rule_width: float = Field(0.25, gt=0, description="share of the text width a horizontal rule must span")
    max_pages: int = Field(60, gt=0, description="a longer document is not a country profile")
    # lists, not tuples: the settings are compared with their JSON echo in the cache's manifest
    vertical_strategy: list[ColumnSignal] = Field(list(COLUMN_SIGNALS), description=(
        "what the column finder weighs: drawn rules, clear strips, value starts (or label ends) aligned "
        "down the table, a change of weight, size or colour between label and value, known labels "
        "ending on the line, the splits of the tables beside it"))
    horizontal_strategy: list[RowSignal] = Field(list(ROW_SIGNALS), description=(
        "what parts a column's lines into cells: drawn rules (and the edges of filled rows), wide "
        "gaps, steps off the line grid, a label and a value starting on one baseline, known labels one "
        "after another in a band of rows set with no spacing, the shared middles of centred cells set "
        "with no spacing"))
    # below, in points of the body font size too, for what is not a table's own tolerance
    rule_reach: float = Field(0.1, ge=0, description="a rule this close to the gap between two lines parts them")
    crossing: float = Field(0.05, ge=0, description="a word must reach this far past a split to cross it")
    edge_slack: float = Field(0.05, ge=0, description=(
        "a word this close past a band's edge is inside it; lines this close in size are one heading's"))
    box_height: float = Field(0.8, ge=0, description="a drawn box lower than this is no facts cell")
    box_width: float = Field(3.0, ge=0, description="a drawn box narrower than this is no facts cell")
    facts_gutter: float = Field(1.5, gt=0, description="a clear strip this wide parts the facts box's columns")
    cell_gap: float = Field(1.5, gt=0, description=(
        "a gap this wide inside a bold line parts two cells: a header row, not a title across the table"))
    heading_gap: float = Field(0.5, gt=0, description="lines of one heading (or one wrapped title) are this close")
    grid_low: float = Field(0.8, gt=0, description="baseline steps over this (and under grid_high) are line-grid steps")
    grid_high: float = Field(2.5, gt=0, description="baseline steps under this (and over grid_low) are line-grid steps")

    def resolve(self, body: float) -> "Tolerances":
        """Every tolerance in points for a document set in `body` pt: worked out once per document."""
        return Tolerances(
            body=body, same_line=self.same_line * body, block_gap=self.block_gap * body,
            column_snap=self.column_snap * body, align_slack=self.align_slack * body,
            min_gutter=self.min_gutter * body, grid_break=self.grid_break * body, rule_merge=self.rule_merge * body,
            rule_reach=self.rule_reach * body, crossing=self.crossing * body, edge=self.edge_slack * body,
            box_height=self.box_height * body, box_width=self.box_width * body, facts_gutter=self.facts_gutter * body,
            cell_gap=self.cell_gap * body,
            heading_gap=self.heading_gap * body, grid_low=self.grid_low * body,
            grid_high=self.grid_high * body, heading_size=self.heading_size_ratio * body,
            columns=frozenset(self.vertical_strategy), rows=frozenset(self.horizontal_strategy))


class Tolerances(NamedTuple):
    """The extract stage's tolerances in points, for one document (ExtractSettings.resolve)."""

    body: float
    same_line: float
    block_gap: float
    column_snap: float
    align_slack: float
    min_gutter: float
    grid_break: float
    rule_merge: float
    rule_reach: float
    crossing: float
    edge: float
    box_height: float
    box_width: float
    facts_gutter: float
    cell_gap: float
    heading_gap: float
    grid_low: float
    grid_high: float
    heading_size: float
    columns: frozenset
    rows: frozenset


DEFAULT_SETTINGS = ExtractSettings()
