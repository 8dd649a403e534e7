"""Index on Torture country-profile PDFs -> validated CSV and JSON with provenance."""

from pathlib import Path

__version__ = "0.1.0"
DATA = Path(__file__).parent / "data"  # the codebook and the country data
