"""Every knob of the extract stage in one typed, validated object (echoed into the log)."""
from __future__ import annotations

from pydantic import BaseModel, Field


class ExtractSettings(BaseModel):
    # pdfplumber word grouping: characters closer than this share of their font size form one
    # word. Relative, because fragmented PDFs draw each word alone with no space character and
    # their word gaps (about a space wide) would merge under pdfplumber's fixed 3 pt default.
    x_tolerance_ratio: float = Field(0.15, gt=0)
    y_tolerance: float = Field(3.0, gt=0)
    # Tolerances below are fractions of the body font size, so they scale with the document.
    same_line: float = Field(0.45, gt=0, description="tops closer than this are one visual line")
    block_gap: float = Field(0.6, gt=0, description="a vertical gap wider than this ends a block of lines")
    heading_size_ratio: float = Field(1.08, gt=1, description="a line this much larger than body text is a heading")
    column_snap: float = Field(1.5, ge=0, description="points a value word may start left of the value column")
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


DEFAULT_SETTINGS = ExtractSettings()
