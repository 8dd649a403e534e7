"""Classify why a file could not be converted: a category and a message a person understands."""
from __future__ import annotations

from pathlib import Path

from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.psexceptions import PSException

from ..core.limits import OUT_OF_MEMORY, too_large_message
from ..core.models import Failure
from .extract import NoTextLayer, TooLarge


class NotAProfile(ValueError):
    """A readable PDF that is not a country profile."""


def precheck(path: Path, max_bytes: int) -> Failure | None:
    """Cheap checks before any parsing: empty, too large, not a PDF at all."""
    source = str(path)
    size = path.stat().st_size
    if size == 0:
        return Failure(source=source, category="empty", message="the file is empty (0 bytes)")
    if size > max_bytes:
        return Failure(source=source, category="too_large", message=too_large_message(size, max_bytes))
    with open(path, "rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        return Failure(source=source, category="not_pdf",
                       message="not a PDF: the file does not start with a %PDF- header")
    return None


def _raised_in_pdf_library(exc: BaseException) -> bool:
    """pdfminer's own fuzz harness treats its errors on bad input as expected: a bad file, not our bug."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return bool(last) and any(lib in last for lib in ("pdfminer", "pdfplumber", "pypdfium2"))


def _cause(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors (PdfminerException(PDFPasswordIncorrect())): look inside."""
    for _ in range(5):
        inner = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException) else None
        if inner is None or inner is exc:
            break
        exc = inner
    return exc


def ran_out_of_memory(exc: BaseException) -> bool:
    """A MemoryError anywhere in the chain: a library that catches one and raises its own error (a
    parser's "damaged file", say) still ran out of memory, which is the limit's doing, not the file's."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(_cause(exc), MemoryError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def classify(source: str, exc: BaseException) -> Failure:
    """Map an exception raised while converting one file to a failure category."""
    outer, exc = exc, _cause(exc)
    text = str(exc) or exc.__class__.__name__
    if ran_out_of_memory(outer):
        return Failure(source=source, category="too_large",
                       message=f"{OUT_OF_MEMORY} (over the per-file memory limit; see --max-memory)")
    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in text.lower() \
            or "encrypt" in text.lower():
        return Failure(source=source, category="encrypted",
                       message="the PDF is encrypted (password-protected); ask for an unprotected copy")
    if isinstance(exc, NoTextLayer):
        return Failure(source=source, category="no_text_layer",
                       message="no text layer: the pages are images (a scan); OCR is needed before conversion")
    if isinstance(exc, NotAProfile):
        return Failure(source=source, category="not_a_profile", message=text)
    if isinstance(exc, TooLarge):
        return Failure(source=source, category="too_large", message=text)
    if isinstance(exc, (PDFSyntaxError, PSException)) or _raised_in_pdf_library(outer):
        return Failure(source=source, category="damaged",
                       message=f"the PDF is damaged or malformed and cannot be read "
                               f"({exc.__class__.__name__}: {text[:200]})")
    return Failure(source=source, category="internal_error",
                   message=f"internal error while converting ({exc.__class__.__name__}: {text[:200]}); "
                           "please report it with the file")
