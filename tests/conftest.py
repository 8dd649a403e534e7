import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def truth_files():
    return sorted(FIXTURES.glob("*.truth.json"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
