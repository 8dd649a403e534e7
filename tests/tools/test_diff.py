"""`pipeline diff OLD NEW`: per report and field, what changed between two output folders."""
import shutil

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.tools.diff import DIFF_COLUMNS, compare, relative_change

from tests.support import FIXTURES

NAMES = ["kazakhstan_en_2019.docx.pdf", "armenia_en_2019.docx.pdf", "moldova_en_2020.docx.pdf"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same input converted twice, into two output folders."""
    raw = tmp_path_factory.mktemp("raw")
    for name in NAMES:
        shutil.copy(FIXTURES / name, raw / name)
    old, new = tmp_path_factory.mktemp("old"), tmp_path_factory.mktemp("new")
    assert main(["run", str(raw), "--out", str(old)]) == 0
    assert main(["run", str(raw), "--out", str(new)]) == 0
    return old, new


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def edited(src, tmp_path, edit):
    dst = tmp_path / "edited"
    shutil.copytree(src, dst)
    df = read(dst / "values.csv")
    df = edit(df)
    df.to_csv(dst / "values.csv", index=False)
    return dst


def test_same_input_no_change(runs, tmp_path, capsys):
    old, new = runs
    before = sorted(p.name for p in new.iterdir())
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "no changes" in out and "in both 3" in out and "diff written" not in out
    assert sorted(p.name for p in new.iterdir()) == before  # no --csv: neither folder is written to
    assert main(["diff", str(old), str(new), "--csv", str(tmp_path / "d.csv")]) == 0
    diff = read(tmp_path / "d.csv")
    assert list(diff.columns) == DIFF_COLUMNS and diff.empty


def test_one_value_changed(runs, tmp_path, capsys):
    old, _ = runs

    def edit(df):
        i = df.index[(df["iso3"] == "KAZ") & (df["field"] == "prison_population")]
        assert len(i) == 1 and df.loc[i[0], "value"] == "23635"
        df.loc[i[0], "value"] = "50000"
        return df

    new = edited(old, tmp_path, edit)
    csv = tmp_path / "changes.csv"
    assert main(["diff", str(old), str(new), "--csv", str(csv)]) == 1
    diff = read(csv)
    assert len(diff) == 1
    row = diff.iloc[0]
    assert (row["source"], row["field"], row["change"], row["changed"]) == (
        "kazakhstan_en_2019.docx.pdf", "prison_population", "changed", "value")
    assert (row["old_value"], row["new_value"], row["old_status"], row["new_status"]) == ("23635", "50000", "ok", "ok")
    assert row["flags"] == "large_jump" and row["review"] == "yes"
    assert float(row["relative_change"]) == pytest.approx((50000 - 23635) / 23635, abs=1e-4)
    out = capsys.readouterr().out
    assert "prison_population: value 23635 -> 50000" in out and "large_jump" in out
    assert not (new / "diff.csv").exists()  # --csv given: nothing written into NEW


def test_one_status_changed(runs, tmp_path):
    old, _ = runs

    def edit(df):
        i = df.index[(df["iso3"] == "ARM") & (df["field"] == "detained")][0]
        df.loc[i, "status"] = "invalid"
        return df

    new = edited(old, tmp_path, edit)
    result = compare(old, new)
    assert [(r["iso3"], r["field"], r["changed"], r["old_status"], r["new_status"], r["flags"]) for r in result.rows] \
        == [("ARM", "detained", "status", "ok", "invalid", "status_changed")]


def test_small_change_is_listed_not_flagged(runs, tmp_path):
    old, _ = runs

    def edit(df):
        i = df.index[(df["iso3"] == "KAZ") & (df["field"] == "index_score")][0]
        df.loc[i, "value"] = "-3.5"
        return df

    new = edited(old, tmp_path, edit)
    [row] = compare(old, new).rows
    assert row["field"] == "index_score" and row["review"] == "no" and row["flags"] == ""
    [row] = compare(old, new, threshold=0.1).rows
    assert row["flags"] == "large_jump"


def test_removed_field_and_report(runs, tmp_path):
    old, _ = runs

    def edit(df):
        return df[~((df["iso3"] == "KAZ") & (df["field"] == "opcat_ratified")) & (df["iso3"] != "ARM")]

    new = edited(old, tmp_path, edit)
    result = compare(old, new)
    flags = {(r["iso3"], r["field"]): r["flags"] for r in result.rows}
    assert flags[("KAZ", "opcat_ratified")] == "field_removed"
    assert {f for (iso3, _), f in flags.items() if iso3 == "ARM"} == {"report_removed"}
    assert len(flags) == 1 + int((read(old / "values.csv")["iso3"] == "ARM").sum())


def test_key_by_country_matches_moved_files(runs, tmp_path):
    old, _ = runs

    def edit(df):
        df["source"] = "2019/" + df["source"]
        return df

    new = edited(old, tmp_path, edit)
    assert compare(old, new, by="country").rows == []
    assert {r["change"] for r in compare(old, new).rows} == {"added", "removed"}


def test_unmapped_rows_compared_by_label(runs, tmp_path):
    old, _ = runs

    def edit(df):
        i = df.index[(df["iso3"] == "MDA") & (df["status"] == "unmapped")][0]
        df.loc[i, "value"] = "changed"
        return df

    new = edited(old, tmp_path, edit)
    [row] = compare(old, new).rows
    assert row["field"] == "" and row["label"] and row["changed"] == "value"


def test_relative_change():
    assert relative_change("100", "151") == pytest.approx(0.51)
    assert relative_change("-3.04", "3.04") == pytest.approx(2.0)
    assert relative_change("0", "5") == float("inf")
    assert relative_change("Yes", "No") is None
    assert relative_change("5", "5") is None


def test_missing_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["diff", str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    assert "values.csv" in capsys.readouterr().err
