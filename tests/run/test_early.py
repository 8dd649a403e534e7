"""The workers' forkserver starts at the top of `pipeline run` only when the run must convert something."""
import subprocess
import sys

from pipeline.outdir.names import CACHE_DIR
from pipeline.run import early


def test_the_cache_folder_is_the_one_the_outputs_name():
    assert early.CACHE_DIR == CACHE_DIR


def test_a_first_run_or_force_converts_and_a_filled_cache_may_not(tmp_path):
    assert early.will_convert(tmp_path / "new", force=False)  # no OUTDIR yet
    (tmp_path / CACHE_DIR / "partial").mkdir(parents=True)  # what a killed run leaves: no result
    assert early.will_convert(tmp_path, force=False)
    (tmp_path / CACHE_DIR / "0123.json").write_text("{}")
    assert not early.will_convert(tmp_path, force=False)  # the plan decides
    assert early.will_convert(tmp_path, force=True)


def test_starting_early_imports_none_of_the_models():
    """The point of starting early: the parent has not imported pydantic and the models yet."""
    code = ("import sys\nfrom pipeline.run import early\n"
            "print(sorted(m for m in ('pydantic', 'pipeline.core.models', 'pdfplumber') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
