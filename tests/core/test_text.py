"""Text shared by every stage (pipeline/core/text.py): a cell's lines joined, the comparison key."""
from hypothesis import given, strategies as st

from pipeline.core.text import join_cell_lines


# --- join_cell_lines -----------------------------------------------------------------------

def test_lines_joined_with_single_spaces():
    assert join_cell_lines(["Not only torture cases. The proportion of torture", "cases is  less than", "50%"]) == (
        "Not only torture cases. The proportion of torture cases is less than 50%", ["lines_joined"])


def test_word_wrapped_after_inner_hyphen_is_rejoined():
    text, rules = join_cell_lines(["Heavy: 7 cases at a time, including non-", "torture cases"])
    assert text == "Heavy: 7 cases at a time, including non-torture cases"
    assert "hyphenated_word_rejoined" in rules


def test_free_standing_dash_keeps_its_spaces():
    assert join_cell_lines(["Abuse of power or official capacity -", "Art. 362"])[0] == \
        "Abuse of power or official capacity - Art. 362"


def test_no_break_spaces_collapse():
    assert join_cell_lines(["18.28\u00a0million"])[0] == "18.28 million"


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=6))
def test_joined_text_has_no_runs_of_whitespace(lines):
    text, _ = join_cell_lines(lines)
    assert text == " ".join(text.split())


# --- fold ------------------------------------------------------------------------------------

def test_fold_drops_a_possessive_at_the_end_as_inside():
    """A wrapped label's first line may end on the possessive ("Investigating body's" / "jurisdiction"):
    folded, it must be the start of the whole label folded."""
    from pipeline.core.text import fold
    assert fold("Investigating body's") == "investigating body"
    assert fold("Investigating body's jurisdiction").startswith(fold("Investigating body's") + " ")
    assert fold("the courts'") == "the courts" and fold("Armenia's courts") == "armenia courts"


@given(st.lists(st.sampled_from(["body's", "courts'", "Armenia's", "of", "the", "Investigating", "rights"]),
                min_size=2, max_size=6), st.integers(min_value=1, max_value=5))
def test_fold_of_a_line_is_the_start_of_the_fold_of_its_label(words, k):
    from pipeline.core.text import fold
    k = min(k, len(words) - 1)
    head, whole = " ".join(words[:k]), " ".join(words)
    assert (fold(whole) + " ").startswith(fold(head) + " ")


@given(st.lists(st.text(st.characters(blacklist_categories=("Zs", "Zl", "Zp", "Cc", "Cs")), min_size=1, max_size=8),
                min_size=1, max_size=6))
def test_fold_works_word_by_word(words):
    """The column finder folds a line's words once each and joins them (columns.KnownLabels.marks):
    that must be the fold of the line's text, whatever the words hold (quotes, dashes, possessives,
    characters NFKC turns into spaces)."""
    from pipeline.core.text import fold
    assert fold(" ".join(words)) == " ".join(part for part in map(fold, words) if part)
