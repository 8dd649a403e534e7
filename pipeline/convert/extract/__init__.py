"""Extract stage: a PDF -> positioned rows (title block, facts box, section tables)."""
from .document import NoTextLayer, extract_pages, extract_pdf
from .pages import TooLarge

__all__ = ["extract_pdf", "extract_pages", "NoTextLayer", "TooLarge"]
