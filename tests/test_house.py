"""The layout of the package, held: its folders say which process runs what, and each imports only what its
place allows.

    core/      shared by every process: imports only itself
    convert/   the worker: core/ and itself
    outdir/    the output folder: core/ and itself
    run/       the parent of a batch: core/, outdir/, errors.py and itself
    tools/     the commands that read an output folder: core/, outdir/, run/, errors.py and itself
and outside convert/, the converting code only through its one door, pipeline/convert/door.py: each folder
imports only what stands above it here (cli.py dispatches to all). The parent process of a batch is also
checked at run time: it never loads the converting code.
"""
import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import FIXTURES, ROOT, TESTS

PACKAGE = ROOT / "pipeline"
DOOR = "pipeline.convert.door"
MAY_IMPORT = {
    "core": {"core"},
    "convert": {"core", "convert"},
    "outdir": {"core", "outdir"},
    "run": {"core", "outdir", "run", "errors", "door"},
    "tools": {"core", "outdir", "run", "tools", "errors", "door"},
    "errors": set(),  # errors.py: the errors a command reports in one line, raised by run/ and tools/
    "top": {"core", "outdir", "run", "tools", "errors", "door", "top"},  # the command line dispatches to all
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "__pycache__" not in p.parts}


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules a module imports, at its top or inside a function."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parent + ([node.module] if node.module else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in known}
    return {m for m in out if m in known}


def place(module: str) -> str:
    """core, convert, outdir, run, tools; door (convert/door.py), errors (errors.py) or top (the rest of
    pipeline/: __init__, __main__, cli)."""
    if module == DOOR:
        return "door"
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or parts[1:] and parts[1] in MAY_IMPORT else "top"


def test_the_package_has_at_most_six_modules_of_its_own():
    assert len(list(PACKAGE.glob("*.py"))) <= 6


def test_every_folder_opens_with_a_docstring_saying_which_process_runs_it():
    for init in sorted(PACKAGE.rglob("__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert re.search(r"process|worker", doc), f"{init.relative_to(ROOT)}: no docstring saying where it runs"
    folders = {p.parent for p in PACKAGE.rglob("*.py")}
    assert all((f / "__init__.py").is_file() for f in folders)


def test_each_folder_imports_only_what_its_place_allows():
    known = modules()
    wrong = []
    for name, path in known.items():
        mine = place(name) if name != DOOR else "convert"
        for target in sorted(imported(name, path, known)):
            theirs = place(target)
            if theirs == "convert" and mine != "convert":
                wrong.append(f"{name} imports {target}: outside convert/, only {DOOR}")
            elif theirs not in MAY_IMPORT[mine] and theirs != mine:
                wrong.append(f"{name} ({mine}/) imports {target} ({theirs})")
    assert wrong == []


def test_the_door_lends_what_is_taken_from_it():
    """Whatever the rest of the package imports from the door, the door says it lends (its __all__)."""
    import pipeline.convert.door as door

    taken = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("convert.door"):
                taken |= {a.name for a in node.names}
    assert taken and taken <= set(door.__all__)


def test_the_parent_process_never_imports_the_converting_code(tmp_path):
    code = ("import sys; from pipeline.run.batch import run_batch; "
            f"result = run_batch({str(FIXTURES / 'kazakhstan_en_2019.docx.pdf')!r}, {str(tmp_path)!r}, workers=1); "
            "assert len(result.reports) == 1 and result.reports[0].country == 'Kazakhstan'; "
            "print(sorted(m for m in sys.modules if m.startswith(('pipeline.convert', 'pdfplumber', 'pdfminer'))))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stdout + proc.stderr


OUTPUT_NAME = re.compile(r"(values|profiles|panel|failures|diff)\.csv|log\.jsonl|(manifest|run|datapackage)\.json"
                         r"|codebook-patch\.yaml|\.lock|json/|cache/")


def test_the_output_folder_names_are_spelled_in_one_module():
    """No string in the code (docstrings and prose aside) names an output file or folder but in
    pipeline/outdir/names.py: a path is always built from its names."""
    spelled = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "outdir" / "names.py":
            continue
        tree = ast.parse(path.read_bytes())
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
                and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and OUTPUT_NAME.fullmatch(node.value.strip("/") + ("/" if node.value.endswith("/") else "")):
                spelled.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert spelled == []


@pytest.mark.parametrize("folder", sorted({p.parent for p in TESTS.rglob("test_*.py")}), ids=lambda p: p.name)
def test_the_tests_mirror_the_package(folder):
    """tests/<folder>/ holds the tests of pipeline/<folder>/."""
    assert (PACKAGE / folder.relative_to(TESTS)).is_dir()
