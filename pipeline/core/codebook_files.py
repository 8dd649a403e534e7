"""Where a run's codebook comes from: the built-in files, and a team's codebook folder on top of them.

Kept apart from the codebook's schema (core/codebook.py) so that the parent process of a run can
name and hash its codebook without importing it: an unchanged rerun never loads the codebook.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import DATA

if TYPE_CHECKING:
    from .codebook import Codebook

BUILT_IN = DATA / "codebook.yaml"
COUNTRIES = DATA / "countries.yaml"
VARIANTS = "variants.yaml"  # a codebook folder's label variants (written by `pipeline codebook apply`)
CODEBOOK_ENV = "PIPELINE_CODEBOOK"  # the codebook folder when --codebook is not given
# Where `codebook apply` wrote before there were codebook folders: a file left there (an upgrade replaces
# the package, and it is no file of the project) is still read, with a notice to move it (legacy_notice).
LEGACY_VARIANTS = DATA / VARIANTS


class CodebookError(ValueError):
    """A codebook, country data, label variants or codebook patch file that cannot be used (a usage error,
    exit 2): one line naming the file, the line where there is one, and the problem."""


@lru_cache(maxsize=1)
def built_in_sha256() -> str:
    """The built-in codebook and country data, as files (what the cache key and the manifest record)."""
    h = hashlib.sha256()
    for p in (BUILT_IN, COUNTRIES, LEGACY_VARIANTS):
        if p is not LEGACY_VARIANTS or p.is_file():
            h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def legacy_notice() -> str | None:
    """What to say when the package holds label variants of its own (LEGACY_VARIANTS)."""
    if not LEGACY_VARIANTS.is_file():
        return None
    return (f"{LEGACY_VARIANTS}: label variants inside the installed package are read for now, but an upgrade "
            f"replaces the package: move the file into your codebook folder (DIR/{VARIANTS}) and run with "
            f"--codebook DIR (or {CODEBOOK_ENV}=DIR)")


@dataclass(frozen=True)
class CodebookFiles:
    """What a run's codebook is made of: the built-in codebook, and on top of it the label variants of a
    team's codebook folder (`--codebook DIR`, default $PIPELINE_CODEBOOK), read once, so that the workers,
    the cache key and the manifest all see the same text."""

    folder: Path | None = None
    variants: str | None = None  # DIR/variants.yaml as read; None when there is none

    @classmethod
    def at(cls, folder: Path | str | None) -> "CodebookFiles":
        """The codebook of a folder (None: the built-in one alone). CodebookError when it is not a folder."""
        if folder is None or str(folder) == "":
            return cls()
        folder = Path(folder).absolute()
        if not folder.is_dir():
            raise CodebookError(f"codebook folder {folder} " + ("is not a folder" if folder.exists() else
                                                                 "does not exist"))
        path = folder / VARIANTS
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            return cls(folder)
        except OSError as e:
            raise CodebookError(f"{path}: cannot read: {e.strerror or e}") from None
        except UnicodeDecodeError as e:
            raise CodebookError(f"{path}: not UTF-8 text (byte 0x{e.object[e.start]:02x} at offset {e.start})") from None
        return cls(folder, text)

    @property
    def variants_path(self) -> Path | None:
        return self.folder / VARIANTS if self.folder else None

    @cached_property
    def sha256(self) -> str:
        """The built-in files and the folder's variants: what decides the codebook a file is read with."""
        if self.variants is None:
            return built_in_sha256()
        return hashlib.sha256(f"{built_in_sha256()}\0{self.variants}".encode()).hexdigest()

    def load(self) -> Codebook:
        """The codebook these files make; CodebookError naming the file, the line and the problem."""
        from .codebook import default_codebook, with_variants
        from .yamlfile import parse_yaml

        if self.variants is None:
            return default_codebook()
        return with_variants(default_codebook(), parse_yaml(self.variants, self.variants_path))

    def describe(self) -> dict:
        """For the manifest and the log: the folder and its variants' sha256 (None: the built-in codebook alone)."""
        return {"folder": str(self.folder) if self.folder else None,
                "variants_sha256": hashlib.sha256(self.variants.encode()).hexdigest() if self.variants else None}


def codebook_folder(given: Path | None) -> Path | None:
    """--codebook DIR, else $PIPELINE_CODEBOOK, else None (the built-in codebook alone)."""
    return given if given is not None else (Path(os.environ[CODEBOOK_ENV]) if os.environ.get(CODEBOOK_ENV) else None)
