"""Extract stage, in the worker: a PDF -> positioned rows (title block, facts box, section tables).

pages.py is the one door to pdfplumber (words, rules, boxes of each page), with tags.py, which walks a tagged
PDF's structure tree on the document pages.py opened; lines.py groups words into lines and blocks; document.py
finds the parts of the page in turn, each from the words the ones before left: page furniture (furniture.py),
the title block (title.py), the section headings (sections.py), the facts box (facts.py) and the section
tables (columns.py finds a table's value column, tables.py its rows, reconcile.py holds them to the tags).
"""
from .document import NoTextLayer, extract_pages, extract_pdf
from .pages import TooLarge

__all__ = ["extract_pdf", "extract_pages", "NoTextLayer", "TooLarge"]
