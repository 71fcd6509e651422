"""The shipped pack read ahead of time, so that a command does not parse 27 files each run.

Reading the shipped pack (TOML front matter, fields, cross-references) costs
a command such as ``bilan status`` about as much as ``bilan --version`` takes
whole (DESIGN §12: a read command within twice that). The shipped pack only
changes with a release, so ``python tools/shipped_pack.py`` writes it, read,
into ``shipped_<language>.pickle`` beside this module, with a digest of the
files it was read from. :func:`cached_shipped_pack` uses it only while that
digest still matches ``content/`` (hashing the files takes about a
millisecond): an edited pack is read from its files, never from a stale
copy. A test fails while the files written here are out of date.

The pickles are program files, written by our own tool and installed with
the package, like its modules; nothing else is ever unpickled.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import pickle
from pathlib import Path

from bilan_tui.domain.model import Pack

from .shipped import SHIPPED_LANGUAGES, shipped_pack_root

HERE = Path(__file__).resolve().parent


def cache_path(language: str) -> Path:
    """The file holding the shipped pack in ``language``, read ahead."""
    return HERE / f"shipped_{language}.pickle"


def content_digest(root: Path) -> str:
    """A digest of every file of the pack folder ``root`` (names and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = path.relative_to(root).as_posix().encode("utf-8")
        digest.update(len(name).to_bytes(4, "big") + name)
        data = path.read_bytes()
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _moved(pack: Pack, old: str, new: str) -> Pack:
    """``pack`` with its folder, and each exercise's file, under ``new`` instead of ``old``."""

    def moved(path: str) -> str:
        return new + path[len(old) :] if path.startswith(old) else path

    phases = tuple(
        dataclasses.replace(
            phase,
            exercises=tuple(
                dataclasses.replace(exercise, path=moved(exercise.path))
                for exercise in phase.exercises
            ),
        )
        for phase in pack.phases
    )
    return dataclasses.replace(pack, root=moved(pack.root), phases=phases)


def cache_bytes(pack: Pack, root: Path) -> bytes:
    """What :func:`cached_shipped_pack` reads: the digest and the pack, its paths made relative.

    A wheel installs the pack elsewhere than the checkout that wrote this.
    """
    return pickle.dumps((content_digest(root), _moved(pack, str(root), "")), protocol=5)


def cached_shipped_pack(language: str, root: Path) -> Pack | None:
    """The shipped pack read ahead, placed in ``root``; ``None`` if absent or out of date."""
    try:
        data = cache_path(language).read_bytes()
        digest, pack = pickle.loads(data)  # our own file, installed with the code
    except Exception:  # noqa: BLE001 - no usable copy: the pack is read from its files
        return None
    if not isinstance(pack, Pack) or digest != content_digest(root):
        return None
    return _moved(pack, "", str(root))


@functools.lru_cache(maxsize=len(SHIPPED_LANGUAGES))
def load_shipped_pack(language: str) -> Pack:
    """The shipped pack in ``language``, read once per process (packs are immutable).

    From the copy read ahead while it is current, else from its files, without
    parsing the guidance's Markdown again: ``check_pack`` checks it in the tests.
    Lives here rather than in ``loader``, so that a command imports neither
    the loader nor ``tomllib`` (DESIGN §12).

    Raises:
        UnknownLanguageError: if no pack ships in that language.
        PackError: if the shipped pack is broken (a bug the tests catch).
    """
    root = shipped_pack_root(language)
    cached = cached_shipped_pack(language, root)
    if cached is not None:
        return cached
    from .loader import _analyse
    from .problems import PackError

    pack, problems = _analyse(root, guidance_checked=True)
    if pack is None:
        raise PackError(problems)
    return pack
