"""YAML files a person edits by hand (the codebook, the country data, label variants, a codebook patch).

Read so that a mistake is reported as one line naming the file, the line and the problem:
- a key given twice in one mapping is refused (PyYAML keeps the last one silently);
- the parsed nodes are kept, so that an error a model finds at `fields[1].tpye` can name its line.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .codebook_files import CodebookError

# libyaml's parser when PyYAML was built with it: same documents, several times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"


class Located(ValueError):
    """A validator's error about one item below the model it checks: `loc` leads to it (("fields", 3, "id")),
    so that the message can name the item's line."""

    def __init__(self, message: str, loc: tuple):
        super().__init__(message)
        self.loc = tuple(loc)


def _duplicate_key(root: yaml.Node | None) -> tuple[yaml.ScalarNode, yaml.ScalarNode] | None:
    """A key given twice in one mapping of the document (compared as written), as (first, second), if any:
    PyYAML would keep the last one and say nothing."""
    todo = [root] if root is not None else []
    seen_nodes: set[int] = set()  # an alias repeats a node: visit it once
    while todo:
        node = todo.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: dict[tuple[str, str], yaml.ScalarNode] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != _MERGE:
                    first = keys.setdefault((key.tag, key.value), key)
                    if first is not key:
                        return first, key
                todo.append(value)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return None


@dataclass
class YamlDoc:
    """A YAML file's data and its nodes (to find the line of any item)."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line(self, loc: tuple) -> int:
        """The line (from 1) of the item at `loc`, or of the nearest item above it that exists."""
        node, line = self.root, 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                hit = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                           None)
                if hit is None:
                    break
                line, node = hit[0].start_mark.line + 1, hit[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return line

    def error(self, loc: tuple, message: str) -> CodebookError:
        return CodebookError(f"{self.path}, line {self.line(loc)}: {message}")

    def validate(self, model: type[BaseModel]):
        """The data as `model`, or a CodebookError naming the line and the problem (the first one, by line)."""
        try:
            return model.model_validate(self.data)
        except ValidationError as e:
            raise self._explain(e) from None

    def _explain(self, e: ValidationError) -> CodebookError:
        problems = _problems(e)
        problems.sort(key=lambda p: self.line(p[0]))
        loc, message = problems[0]
        more = f" (and {len(problems) - 1} more problem{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        return self.error(loc, f"{where(loc, self.data)}{message}{more}")


def read_yaml(path: Path) -> YamlDoc:
    """Parse a YAML file; CodebookError (one line: file, line, problem) when it cannot be read or parsed."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as e:
        raise CodebookError(f"{path}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError as e:
        line = path.read_bytes()[: e.start].count(b"\n") + 1
        raise CodebookError(f"{path}, line {line}: not UTF-8 text (byte 0x{e.object[e.start]:02x})") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> YamlDoc:
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        twice = _duplicate_key(root)
        if twice is not None:
            first, second = twice
            raise CodebookError(f"{path}, line {second.start_mark.line + 1}: {second.value!r} is given twice in one "
                                f"mapping (first on line {first.start_mark.line + 1}): the second would replace the first")
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        what = e.problem or e.context or "not YAML"
        if e.context and e.problem and e.context_mark is not None:
            what += f" ({e.context} on line {e.context_mark.line + 1})"
        raise CodebookError(f"{path}, line {mark.line + 1 if mark else 1}: {what}") from None
    except yaml.YAMLError as e:
        raise CodebookError(f"{path}: not YAML: {' '.join(str(e).split())}") from None
    finally:
        loader.dispose()
    return YamlDoc(Path(path), data, root)


# --- pydantic's errors, said for a person -----------------------------------------------------

def _problems(e: ValidationError) -> list[tuple[tuple, str]]:
    """(loc, message) for each error; an unknown key next to a missing one reads as a misspelling."""
    errors = e.errors()
    missing = {err["loc"][:-1]: [] for err in errors if err["type"] == "missing"}
    for err in errors:
        if err["type"] == "missing":
            missing[err["loc"][:-1]].append(str(err["loc"][-1]))
    # an unknown key beside a missing one it resembles is one misspelling ("tpye" for "type"): said once
    spelled = {}
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            close = difflib.get_close_matches(str(loc[-1]), missing.get(loc[:-1], []), n=1, cutoff=0.6)
            if close:
                spelled[loc] = close[0]
    meant = {(loc[:-1], key) for loc, key in spelled.items()}
    out = []
    for err in errors:
        loc, kind = tuple(err["loc"]), err["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            out.append((loc, f"unknown key {key!r}" + (f": did you mean {spelled[loc]!r}?" if loc in spelled else "")))
        elif kind == "missing":
            if (loc[:-1], str(loc[-1])) not in meant:
                out.append((loc, f"{str(loc[-1])!r} is required"))
        else:
            error = (err.get("ctx") or {}).get("error")
            if isinstance(error, Located):
                loc = loc + error.loc
            message = err["msg"].removeprefix("Value error, ")
            if kind in ("model_type", "dict_type") and not loc:
                message = "empty: no keys" if err.get("input") is None else \
                    f"not a mapping of keys to values (got {type(err['input']).__name__})"
            if "input" in err and kind not in ("value_error", "assertion_error", "model_type", "dict_type",
                                                "list_type"):
                message += f" (got {_short(err['input'])})"
            out.append((loc, message))
    return out


def _short(value: Any, n: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= n else text[: n - 1] + "…"


def where(loc: tuple, data: Any) -> str:
    """`fields[1] (year) > tpye: ` for loc ("fields", 1, "tpye"): list items named by their `id` when they have one."""
    parts, node = [], data
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            node = node[part]
            name = node.get("id") if isinstance(node, dict) else None
            parts[-1:] = [f"{parts[-1] if parts else ''}[{part}]" + (f" ({name})" if name else "")]
        else:
            node = node.get(part) if isinstance(node, dict) else None
            parts.append(str(part))
    return (" > ".join(parts) + ": ") if parts else ""
