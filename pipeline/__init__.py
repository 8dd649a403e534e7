"""Index on Torture country-profile PDFs -> validated CSV and JSON with provenance."""

__version__ = "0.1.0"
