"""Index on Torture country-profile PDFs -> validated CSV and JSON with provenance.

`pipeline.read_values(OUTDIR)`, `read_profiles(OUTDIR)` and `read_panel(OUTDIR)` load a run's CSV files
as typed pandas frames. They import pandas when called, not here: the parent process of a batch imports
this package and must stay light.
"""

from .core import DATA, __version__  # noqa: F401 (the codebook and the country data: pipeline/core/data/)


def read_values(outdir):
    """OUTDIR/values.csv as a typed pandas DataFrame (see pipeline/outdir/read.py)."""
    from .outdir.read import read_values as read
    return read(outdir)


def read_profiles(outdir):
    """OUTDIR/profiles.csv as a typed pandas DataFrame: nullable Int64 counts, Float64 numbers."""
    from .outdir.read import read_profiles as read
    return read(outdir)


def read_panel(outdir):
    """OUTDIR/panel.csv as a typed pandas DataFrame, one row per country and year."""
    from .outdir.read import read_panel as read
    return read(outdir)
