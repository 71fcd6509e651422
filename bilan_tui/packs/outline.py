"""A quick look at a pack: phases and exercise titles, for the dashboard's first frame.

Parsing every exercise's TOML costs tens of milliseconds (``tomllib`` is pure
Python); the first frame only needs the titles. The outline parses
``pack.toml`` and, in each exercise file, only the top-level keys written
before the first table header. It checks nothing and never fails on a bad
exercise file (its title falls back to its id): ``load_pack`` does the real
work on the next tick and reports the problems.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.model import Exercise, Kind, Pack, Phase
from bilan_tui.domain.text import clean_text

from .names import MANIFEST, is_valid_id
from .problems import PackError, PackProblem
from .shipped import SHIPPED_LANGUAGES, shipped_pack_root

_TABLE_HEADER = re.compile(r"^\s*\[", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ExerciseOutline:
    """What a list of exercises shows: the id, title, kind and estimated time."""

    id: str
    title: str
    kind: str
    phase: str
    minutes: int = 0
    summary: str = ""


@dataclass(frozen=True, slots=True)
class PhaseOutline:
    """A phase and the outlines of its exercises, in order."""

    id: str
    exercises: tuple[ExerciseOutline, ...]


@dataclass(frozen=True, slots=True)
class PackOutline:
    """The pack's identity and its phases, without the exercises' contents."""

    id: str
    language: str
    title: str
    phases: tuple[PhaseOutline, ...]
    root: str


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key)
    return clean_text(value).strip() if isinstance(value, str) else ""


def read_outline(root: Path) -> PackOutline:
    """The outline of the pack in ``root``.

    Raises:
        PackError: only when ``pack.toml`` itself cannot be read or parsed.
    """
    root = Path(root)
    manifest_path = root / MANIFEST
    try:
        manifest = tomllib.loads(manifest_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        raise PackError(
            [PackProblem(str(manifest_path), 1, f"cannot read: {clean_text(str(error))}")]
        ) from error
    phases = []
    raw_phases = manifest.get("phases")
    for raw_phase in raw_phases if isinstance(raw_phases, list) else []:
        if not isinstance(raw_phase, dict):
            continue
        phase_id = _text(raw_phase, "id")
        ids = raw_phase.get("exercises")
        exercises = tuple(
            _exercise(root, ident, phase_id)
            for ident in (ids if isinstance(ids, list) else [])
            if isinstance(ident, str) and is_valid_id(ident)
        )
        phases.append(PhaseOutline(phase_id, exercises))
    return PackOutline(
        id=_text(manifest, "id"),
        language=_text(manifest, "language"),
        title=_text(manifest, "title"),
        phases=tuple(phases),
        root=str(root),
    )


def _exercise(root: Path, ident: str, phase: str) -> ExerciseOutline:
    """Parse the top-level keys of one exercise file; fall back to its id."""
    data: dict[str, object] = {}
    try:
        text = (root / f"{ident}.md").read_text(encoding="utf-8-sig")
        head = text.lstrip().removeprefix("+++").split("\n+++", 1)[0]
        header = _TABLE_HEADER.search(head)
        data = tomllib.loads(head[: header.start()] if header else head)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        pass
    minutes = data.get("minutes")
    return ExerciseOutline(
        id=ident,
        title=_text(data, "title") or ident,
        kind=_text(data, "kind"),
        phase=phase,
        minutes=minutes if isinstance(minutes, int) and not isinstance(minutes, bool) else 0,
        summary=_text(data, "summary"),
    )


@functools.lru_cache(maxsize=len(SHIPPED_LANGUAGES))
def load_shipped_outline(language: str) -> PackOutline:
    """The outline of the shipped pack in ``language``, read once per process."""
    return read_outline(shipped_pack_root(language))


def outline_pack(outline: PackOutline) -> Pack:
    """A stand-in ``Pack`` with the outline's phases and titles, for the first frame.

    Its exercises have no fields, guidance or items: the dashboard shows it
    while the full pack loads, and is given the full pack as soon as the
    workbook is open. An unknown kind stands as a form (the loader reports it).
    """
    kinds = {kind.value: kind for kind in Kind}
    phases = tuple(
        Phase(
            phase.id,
            tuple(
                Exercise(
                    id=exercise.id,
                    title=exercise.title,
                    kind=kinds.get(exercise.kind, Kind.FORM),
                    phase=phase.id,
                    summary=exercise.summary,
                    minutes=exercise.minutes,
                    pack_id=outline.id,
                )
                for exercise in phase.exercises
            ),
        )
        for phase in outline.phases
        if phase.exercises
    )
    return Pack(
        id=outline.id,
        version="",
        language=outline.language,
        title=outline.title,
        phases=phases,
        root=outline.root,
    )
