"""What every process shares: the typed models handed between stages (models.py), the codebook and
country data, validated when loaded (codebook.py, data/), the extract settings (settings.py), boxes and
rules (geometry.py) and text folding (text.py).

Imported by the parent of a batch, by its workers and by the tools alike, so it imports nothing from the
rest of the package (tests/test_house.py holds that), and nothing heavy: no pdfplumber, no pandas.
"""
from pathlib import Path

__version__ = "0.1.0"  # the pipeline's: in every cache key, in the log and the data package (also pipeline.__version__)
DATA = Path(__file__).parent / "data"  # the codebook and the country data
