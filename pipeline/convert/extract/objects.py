"""pdfplumber's page objects (chars, lines, rects, ...) built the same, only faster.

pdfplumber turns every pdfminer layout object into a dict through `Page.process_object`, which
calls `resolve_all` on each of its attributes, recursively, to follow references into the file.
Nearly all of those values are plain numbers, strings or tuples of them, which `resolve_all`
gives back as they are: for a page of text that generic walk is about a fifth of the time
`extract_words` takes. `fast_process_object` is pdfplumber's own method with that walk skipped
for plain values (anything else still goes through `resolve_all`), so the dicts are equal.

It is used only with the pdfplumber code it was copied from: `install` checks the source of
`Page.process_object` against the digest of that code (the same in pdfplumber 0.11.9 and
0.11.10), and with any other version leaves pdfplumber's method in place. The tests compare the
objects of both methods on every fixture.
"""
from __future__ import annotations

import hashlib
import inspect
import re
import textwrap
from functools import cache
from typing import Any

from pdfminer.layout import LTChar, LTCurve, LTTextContainer
from pdfplumber import page as plumber_page
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

# sha256 of the dedented source of pdfplumber's Page.process_object that fast_process_object mirrors
MIRRORED = "ffee9de105f298b7"

_PLAIN = frozenset({int, float, str, bool, type(None)})
_KINDS: dict[type, str] = {}


def _resolved(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple and all(type(v) in _PLAIN for v in value):
        return value
    return resolve_all(value)


def fast_process_object(self: plumber_page.Page, obj) -> dict[str, Any]:
    """pdfplumber's `Page.process_object`, step for step, with `_resolved` for `resolve_all` and the
    object's kind computed once per class."""
    cls = obj.__class__
    kind = _KINDS.get(cls)
    if kind is None:
        kind = _KINDS[cls] = re.sub(plumber_page.lt_pat, "", cls.__name__).lower()
    attrs = plumber_page.ALL_ATTRS
    attr = {k: _resolved(v) for k, v in obj.__dict__.items() if k in attrs}
    attr["object_type"] = kind
    attr["page_number"] = self.page_number
    for cs in ("ncs", "scs"):
        if hasattr(obj, cs):
            attr[cs] = resolve_and_decode(getattr(obj, cs).name)
    if isinstance(obj, (LTChar, LTTextContainer)):
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = plumber_page.normalize_unicode(norm, text) if norm is not None else text
    if isinstance(obj, LTChar):
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = plumber_page.fix_fontname_bytes(attr["fontname"])
    elif isinstance(obj, LTCurve):
        attr["pts"] = list(map(self.point2coord, attr["pts"]))
        attr["path"] = [(cmd, *map(self.point2coord, pts)) for cmd, *pts in obj.original_path]
        attr["dash"] = obj.dashing_style
    mb_x0, mb_top = self.mediabox[:2]
    if "y0" in attr:
        attr["top"] = (self.height - attr["y1"]) + mb_top
        attr["bottom"] = (self.height - attr["y0"]) + mb_top
        attr["doctop"] = self.initial_doctop + attr["top"]
    if "x0" in attr and mb_x0 != 0:
        attr["x0"] = attr["x0"] + mb_x0
        attr["x1"] = attr["x1"] + mb_x0
    return attr


@cache
def mirrors_installed() -> bool:
    """Whether the installed pdfplumber's `Page.process_object` is the code `fast_process_object` copies."""
    try:
        source = textwrap.dedent(inspect.getsource(plumber_page.Page.process_object))
    except (OSError, TypeError):
        return False
    return hashlib.sha256(source.encode()).hexdigest()[:16] == MIRRORED


def install(page: plumber_page.Page) -> plumber_page.Page:
    """Have this one page build its objects with `fast_process_object` (pdfplumber's class is left
    alone), where the installed pdfplumber is the one it mirrors."""
    if mirrors_installed():
        page.process_object = fast_process_object.__get__(page)
    return page
