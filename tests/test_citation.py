"""The repository says under which licence the software is and how to cite it, in the files tools read."""
import tomllib

import yaml

from pipeline.core import __version__

from tests.support import ROOT


def test_the_licence_is_mit_everywhere_it_is_said():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["license"] == "MIT"


def test_the_citation_file_has_what_the_format_requires_and_the_current_version():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert {"message", "title", "authors"} <= set(citation) and citation["authors"][0]["name"]
    assert str(citation["version"]) == __version__
