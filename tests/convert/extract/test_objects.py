"""The fast object builder gives the very dicts pdfplumber's own `process_object` gives."""
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import PDFObjRef

from pipeline.convert.extract import objects

TESTS = Path(__file__).resolve().parents[2]
PDFS = sorted([*TESTS.glob("fixtures*/*.pdf"), *TESTS.glob("corpus/*.pdf")])


def _objects(path: Path, fast: bool, pages: int = 2) -> list[str]:
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:pages]:
            if fast:
                objects.install(page)
            try:
                # repr: streams and references compare by identity, and two opens hold two of each
                out.append(repr(page.objects))
            except Exception as e:  # a broken file must break the same way
                out.append(f"{type(e).__name__}")
            page.close()
    return out


def test_installed_pdfplumber_is_the_mirrored_one():
    # the pinned range (pyproject) holds code the fast builder copies; a new pdfplumber that changes
    # it makes this fail, and the pipeline then runs pdfplumber's own method (slower, still right)
    assert objects.mirrors_installed()


@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_same_objects_as_pdfplumber(path):
    try:
        plain = _objects(path, fast=False)
    except Exception as e:
        with pytest.raises(type(e)):
            _objects(path, fast=True)
        return
    assert _objects(path, fast=True) == plain


def test_install_sets_this_page_only(tmp_path):
    path = PDFS[0]
    with pdfplumber.open(path) as pdf:
        first, second = pdf.pages[0], pdf.pages[1] if len(pdf.pages) > 1 else None
        objects.install(first)
        assert first.process_object.__func__ is objects.fast_process_object
        assert pdfplumber.page.Page.process_object is not objects.fast_process_object
        if second is not None:
            assert second.process_object.__func__ is not objects.fast_process_object


class _Ref(PDFObjRef):
    """A reference that resolves to a fixed value, without a document."""

    def __init__(self, value):
        self.value = value

    def resolve(self, default=None):
        return self.value


@pytest.mark.parametrize("value", [1, 2.5, "F1", True, None, (1.0, 0, 0, 1.0, 72, 700), ()])
def test_plain_values_pass_as_they_are(value):
    assert objects._resolved(value) is value


@pytest.mark.parametrize("value,expected", [
    (_Ref(3), 3),
    ((0.1, _Ref(0.2)), (0.1, 0.2)),
    ([_Ref("a"), 1], ["a", 1]),
    ({"k": _Ref(2)}, {"k": 2}),
])
def test_references_are_resolved_as_pdfplumber_resolves_them(value, expected):
    assert objects._resolved(value) == expected
