"""Typed models passed between the stages: extract -> map -> normalize -> validate -> write."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, TypeAdapter, computed_field

from .geometry import BBox

Status = Literal["ok", "no_data", "missing", "invalid", "unmapped"]
FieldType = Literal["int", "float", "money", "assessment", "text"]
RowKind = Literal["title", "facts", "table", "subheading", "section"]


class Word(BaseModel):
    """One word as pdfplumber positioned it on a page."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str = ""
    color: str = ""  # the fill colour its characters are drawn in, as pdfplumber gives it
    mcid: int | None = None  # the marked-content sequence its characters were drawn in (a tagged PDF)

    @property
    def bbox(self) -> BBox:
        return BBox(self.x0, self.top, self.x1, self.bottom)


class Fragment(BaseModel):
    """A line of text inside one cell, as extracted (the raw material of a value)."""

    text: str
    page: int
    bbox: BBox


class Cell(BaseModel):
    """The text of one table cell (or one facts-box item), possibly over several pages."""

    fragments: list[Fragment] = Field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return [f.text for f in self.fragments]

    @property
    def page(self) -> int | None:
        return self.fragments[0].page if self.fragments else None

    def bbox_on(self, page: int) -> BBox | None:
        boxes = [f.bbox for f in self.fragments if f.page == page]
        return BBox.union(boxes) if boxes else None


class Row(BaseModel):
    """A label | value row of a table, of the facts box or of the title block."""

    kind: RowKind
    section: str = ""
    label: Cell
    value: Cell
    key: str | None = None  # for title rows: which title item this is (country, index_score, year)
    after_page_break: bool = False  # the first row on a page of a table continued from the page before
    rejoined: bool = False  # the map stage rejoined the two parts of a row split by a page break
    doubtful: str = ""  # why the extract stage doubts its reading of the row (two rows run together)


class TableTags(BaseModel):
    """What the PDF's own tags (its structure tree) said of one table, beside the layout's reading."""

    tagged: Literal["yes", "partial", "no"] = "no"  # the share of its words inside the cells of a tagged table
    agreement: Literal["agree", "disagree"] | None = None  # None: nothing to compare (untagged)
    rows: list[str] = Field(default_factory=list)  # the rows they disagree on: label as the tags read it, page
    kept: Literal["tags", "layout"] | None = None  # whose reading the rows come from, where they disagree
    reason: str | None = None  # why that reading was kept


class TableLayout(BaseModel):
    """How one table (a section's part on one page) was read, for a reviewer: where the value
    column was found and from what, and what separated its rows."""

    section: str = ""
    page: int
    split: float | None = None  # x where the value column begins (None: no value column found)
    # the signal that weighed most in the split's score: a drawn rule, aligned text edges, a change of
    # style, known labels, a clear strip alone (gap), another table's split (neighbour); or, with no
    # value column, each value set below its label: indented (indent), in another weight (weight), or
    # told by the wording of known labels alone (wording)
    column_from: Literal["rule", "alignment", "style", "labels", "gap", "neighbour", "indent", "weight", "wording",
                         "none"]
    column_signals: dict[str, float] = Field(default_factory=dict)  # each signal's part of the split's score
    column_scope: Literal["document", "table"] = "document"  # the split of every table, or this table's own
    # what separated most of its rows: rules, the line grid, spacing, or a label and a value starting
    # on one baseline (rows set with no spacing at all), or a label over each value (stacked)
    rows_from: Literal["rules", "line_grid", "spacing", "row_starts", "labels", "centres", "stacked", "single_row"]
    row_breaks: dict[str, int] = Field(default_factory=dict)  # breaks between blocks of lines, by what made them
    line_pitch: float | None = None  # the document's baseline step inside a cell, when found
    rows: int = 0
    header_rows: int = 0  # repeated column headers set aside (counted as page furniture)
    tags: TableTags = Field(default_factory=TableTags)  # the structure tree's reading of it, and whether it agreed


class ExtractedDoc(BaseModel):
    """Everything the extract stage found in one PDF."""

    pages: int
    template: str | None = None
    body_size: float = 0.0
    title_lines: list[str] = Field(default_factory=list)
    rows: list[Row] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    furniture: list[str] = Field(default_factory=list)  # running headers, footers, page numbers
    words_total: int = 0
    region_words: dict[str, int] = Field(default_factory=dict)  # words placed per part of the page
    unplaced: list[Word] = Field(default_factory=list)  # words that landed in no row, title or heading
    warnings: list["Issue"] = Field(default_factory=list)
    tables: list[TableLayout] = Field(default_factory=list)


class Match(BaseModel):
    """How a printed label was matched to a codebook field."""

    field: str
    variant: str
    score: float
    method: Literal["exact", "variant", "fuzzy", "structural"]


class Issue(BaseModel):
    """A warning or error, recorded as data."""

    code: str
    message: str
    field: str | None = None
    page: int | None = None


class MappedRow(BaseModel):
    """A row as the map stage read it: its joined texts, where it lies, and the field its label
    matched (none: the row is kept as unmapped)."""

    kind: RowKind
    section: str = ""
    label: str = ""
    text: str = ""
    page: int | None = None
    bbox: BBox | None = None
    fragments: list[Fragment] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)  # how the cell's lines were joined
    field: str = ""
    match: Match | None = None
    warnings: list[Issue] = Field(default_factory=list)
    indicator_of: str | None = None  # a row only this methodology prints, which no field takes


class Mapping(BaseModel):
    """What the map stage returns: the rows to write, the sub-headings it set apart, and the words
    of the table rows by what became of them (for the coverage account)."""

    rows: list[MappedRow] = Field(default_factory=list)
    subheadings: list[str] = Field(default_factory=list)
    words: dict[str, int] = Field(default_factory=dict)
    sections: dict[str, str | None] = Field(default_factory=dict)  # printed section title -> codebook section


class Correction(BaseModel):
    """A reviewer's correction applied to a value (pipeline/run/corrections.py): what the extraction read,
    and who changed it and why. The value itself then holds the corrected reading."""

    extracted_value: int | float | str | None = None
    extracted_unit: str | None = None
    extracted_answer: str | None = None
    extracted_status: Status
    extracted_error: str | None = None
    extracted_rules: list[str] = Field(default_factory=list)
    note: str = ""
    reviewer: str = ""
    line: int  # its line in the corrections file
    # "confirm": the reviewer confirmed the extracted value as right (it is kept; the warnings it carried
    # move to confirmed_warnings, so that it is no longer doubtful); "correct": a new value replaced it
    action: Literal["correct", "confirm"] = "correct"
    confirmed_warnings: list[Issue] = Field(default_factory=list)


class FieldValue(BaseModel):
    """One output row of values.csv: a field of a report (or an unmapped row)."""

    field: str = ""  # empty for unmapped rows
    section: str = ""
    label: str = ""
    value: int | float | str | None = None
    unit: str | None = None
    answer: str | None = None
    text: str = ""
    status: Status
    page: int | None = None
    bbox: BBox | None = None
    fragments: list[Fragment] = Field(default_factory=list)
    rules: list[str] = Field(default_factory=list)
    match: Match | None = None
    warnings: list[Issue] = Field(default_factory=list)
    error: str | None = None  # why the value is invalid
    correction: Correction | None = None  # set when a reviewer's correction replaced the extracted value


class Coverage(BaseModel):
    """Where every word on the pages landed: the output side of the account is counted from
    the rows written, so a word lost between extraction and output shows up here."""

    words_total: int
    words_placed: int
    by_part: dict[str, int] = Field(default_factory=dict)
    unplaced: list[str] = Field(default_factory=list)

    @computed_field
    @property
    def ratio(self) -> float:
        return 1.0 if self.words_total == 0 else self.words_placed / self.words_total


class SetAside(BaseModel):
    """Pages of a file that belong to no profile (running prose, pages before the first title block):
    none of their lines became a row."""

    pages: list[int]  # 1-based pages of the file
    reason: str


class Report(BaseModel):
    """One converted profile: what write and evaluate consume."""

    source: str
    country: str | None = None
    iso3: str | None = None
    year: int | None = None
    template: str | None = None
    language: str | None = None
    pages: int = 0
    page_numbers: list[int] = Field(default_factory=list)  # the file's pages (1-based) this report was read from
    values: list[FieldValue] = Field(default_factory=list)
    subheadings: list[str] = Field(default_factory=list)
    furniture: list[str] = Field(default_factory=list)
    coverage: Coverage | None = None
    warnings: list[Issue] = Field(default_factory=list)
    tables: list[TableLayout] = Field(default_factory=list)  # how each table's rows and columns were found
    set_aside: list[SetAside] = Field(default_factory=list)  # the file's pages around this profile that are not it

    def field(self, field_id: str) -> FieldValue | None:
        for v in self.values:
            if v.field == field_id:
                return v
        return None


class Failure(BaseModel):
    """A file that could not be converted."""

    source: str
    category: Literal[
        "not_pdf", "empty", "encrypted", "damaged", "no_text_layer", "not_a_profile",
        "timeout", "too_large", "internal_error",
        "not_a_file", "outside_input",  # entries named *.pdf that are not read (pipeline/run/discover.py)
    ]
    message: str
    # The outcome depends on the machine, not on the file (a timeout, a crashed worker, running out of
    # memory): it is not cached as a result, so the next run tries the file again (a timeout is kept
    # under its time limit only: pipeline/run/cache.py).
    retryable: bool = False


class ReportEntry(BaseModel):
    """A converted file, as a worker sends it back and as the result cache keeps it: its first profile's
    report, and those of the profiles after it when the file holds several (a compendium)."""

    kind: Literal["report"] = "report"
    result: Report
    more: list[Report] = Field(default_factory=list)

    @property
    def reports(self) -> list[Report]:
        return [self.result, *self.more]

    @property
    def outcome(self) -> str:
        return "converted"


class FailureEntry(BaseModel):
    """A file that could not be converted, as a worker (or the pool) sends it back and the cache keeps it."""

    kind: Literal["failure"] = "failure"
    result: Failure
    detail: str | None = None  # a traceback, or how the worker died: for the log, never the terminal

    @property
    def outcome(self) -> str:
        return self.result.category


Entry = Annotated[ReportEntry | FailureEntry, Field(discriminator="kind")]
ENTRY = TypeAdapter(Entry)  # ENTRY.validate_json(text): the entry a worker sent or the cache kept


ExtractedDoc.model_rebuild()
