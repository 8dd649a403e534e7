"""Why a run converts files again instead of reusing their cached results, said in the summary and run.json.

Told from the previous run's manifest: `--force`; what every result depends on that changed (the pipeline
version or its converting code, the codebook, the settings); else, file by file, what the file is (new,
changed, tried again after a crash or a timeout, or with no cache entry: the cache was cleared or an entry
could not be read).
"""
from __future__ import annotations

from collections import Counter

# A failure that depends on the machine is not cached (run/cache.py): the next run tries the file again.
RETRIED = ("internal_error", "too_large", "timeout")
FILE_REASONS = {"new": "new", "changed": "changed", "retried": "tried again", "not_cached": "not in the cache"}


def _settings_change(old: dict, new: dict) -> str:
    keys = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    return ", ".join(f"{k} {old.get(k)!r} -> {new.get(k)!r}" for k in keys)


def changes(old: dict, fp: dict) -> list[tuple[str, str]]:
    """(key, what changed) for each thing every result depends on that differs from the previous run's."""
    out = []
    if old.get("pipeline_version") != fp["pipeline_version"]:
        out.append(("pipeline_version", f"the pipeline version ({old.get('pipeline_version')} -> "
                                         f"{fp['pipeline_version']})"))
    elif old.get("code_sha256") != fp["code_sha256"]:
        out.append(("code", "the pipeline's converting code"))
    if old.get("codebook_sha256") != fp["codebook_sha256"]:
        folder = (old.get("codebook") or {}).get("folder"), fp.get("codebook", {}).get("folder")
        where = f" (folder {folder[0] or 'none'} -> {folder[1] or 'none'})" if folder[0] != folder[1] else ""
        out.append(("codebook", f"the codebook{where}"))
    old_settings = {**(old.get("settings") or {}), "max_bytes": old.get("max_bytes")}
    new_settings = {**fp["settings"], "max_bytes": fp["max_bytes"]}
    if old_settings != new_settings:
        out.append(("settings", f"the settings ({_settings_change(old_settings, new_settings)})"))
    return out


def file_reason(previous: dict | None, sha256: str | None) -> str:
    """Why one file was not found in the cache, when nothing every result depends on changed."""
    if previous is None:
        return "new"
    if previous.get("sha256") != sha256:
        return "changed"
    if previous.get("result") in RETRIED:
        return "retried"
    return "not_cached"


def why_converted(old: dict | None, fp: dict, force: bool, converted: list[tuple[str, str | None]]) -> dict:
    """run.json's `why_converted` for the files converted now ((source, sha256) each): `because` (force,
    first_run, pipeline_version, code, codebook, settings or files), `files` counted by what each file is
    (new, changed, retried, not_cached) and `summary`, the sentence the terminal shows. Empty when nothing
    was converted."""
    if not converted:
        return {}
    previous = {f.get("source"): f for f in (old or {}).get("files", []) if isinstance(f, dict)}
    files = Counter(file_reason(previous.get(source), sha) for source, sha in converted) if old else Counter()
    if force or old and changes(old, fp):  # every file for that reason; new and changed files still counted
        files = Counter({k: n for k, n in files.items() if k in ("new", "changed")})
    if force:
        because, said = ["force"], ["--force"]
    elif old is None:
        because, said = ["first_run"], ["no earlier run in this output folder"]
    else:
        found = changes(old, fp)
        because, said = [k for k, _ in found], [f"{what} changed" for _, what in found]
    if not because:
        because = ["files"]
        said = [", ".join(f"{n} {FILE_REASONS[k]}" for k, n in sorted(files.items()))]
    return {"because": because, "files": dict(sorted(files.items())), "summary": "; ".join(said)}
