"""Labels reworded at random from the codebook's thesaurus (tests/support/reword.py): the pipeline reads the
record as before, or flags what it misses; it never writes a wrong value without a warning."""
import pytest

from tests.support import reword


def test_rewording_changes_the_labels():
    import random
    rng = random.Random(3)
    groups = reword.synonyms()
    before = "Lawyer notification at the actual detention start time"
    after = reword.reword(before, rng, groups, p=1.0)
    assert after != before and "lawyer" not in after.casefold()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reworded_labels_are_read_or_flagged(tmp_path, seed):
    silent, flagged, fields = reword.check(seed, tmp_path)
    assert fields == 32
    assert silent == [], "\n".join(silent)
    assert len(flagged) <= 2, "\n".join(flagged)


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(10, 40))
def test_reworded_labels_sweep(tmp_path, seed):
    silent, _, _ = reword.check(seed, tmp_path)
    assert silent == [], "\n".join(silent)
