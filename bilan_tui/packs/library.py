"""The library: the shipped pack with the consultants' installed packs merged in.

The interface and the commands work with one ``Pack``. To show installed packs
beside the shipped one without changing that, the library is a ``Pack`` whose
phases hold the shipped exercises followed by each installed pack's exercises
of the same phase. An installed exercise keeps its own ``pack_id`` (answers
stay keyed by the right pack) and is listed as ``"<pack id>:<exercise id>"``
(``Exercise.ref``): two packs may well both have an exercise called
``valeurs``. Its ``source`` is rewritten the same way, so that
``library.exercise(exercise.source.exercise)`` finds the right records.

Installed packs live in ``<data dir>/packs/<pack id>/``; they were checked when
installed, and one that no longer loads (edited by hand, newer format) is left
out of the library rather than stopping the application (``bilan pack list``
says why).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.model import PHASE_IDS, REF_SEPARATOR, Exercise, Pack, Phase, qualified_ref
from bilan_tui.domain.parts import Source
from bilan_tui.paths import packs_dir

from .names import is_valid_id
from .problems import PackError, PackProblem

SEPARATOR = REF_SEPARATOR
"""Between the pack id and the exercise id of a ref; never part of an id."""


def split_ref(ref: str, default_pack: str) -> tuple[str, str]:
    """``(pack id, exercise id)`` of a ref; a bare id belongs to ``default_pack``."""
    pack_id, separator, exercise_id = ref.partition(SEPARATOR)
    return (pack_id, exercise_id) if separator else (default_pack, ref)


@dataclass(frozen=True, slots=True)
class InstalledPack:
    """One folder of the packs directory, loaded or not.

    Attributes:
        folder: Where it is installed.
        pack: The pack, if it loads.
        problems: Why it does not load (empty when ``pack`` is set).
    """

    folder: Path
    pack: Pack | None
    problems: tuple[PackProblem, ...] = ()

    @property
    def id(self) -> str:
        """The pack id (the folder's name)."""
        return self.folder.name


def installed_packs(data_dir: Path) -> list[InstalledPack]:
    """Every installed pack, by id; reads each one (a few milliseconds each)."""
    from .loader import load_pack

    root = packs_dir(data_dir)
    if not root.is_dir():
        return []
    found: list[InstalledPack] = []
    for folder in sorted(root.iterdir()):
        if not is_valid_id(folder.name) or not folder.is_dir() or folder.is_symlink():
            continue  # staging folders start with '.'; nothing else is ours
        try:
            pack = load_pack(folder)
        except PackError as error:
            found.append(InstalledPack(folder, None, tuple(error.problems)))
            continue
        if pack.id != folder.name:
            problem = PackProblem(str(folder), 1, f"the folder holds pack {pack.id!r}")
            found.append(InstalledPack(folder, None, (problem,)))
            continue
        found.append(InstalledPack(folder, pack))
    return found


def merge_library(home: Pack, installed: Sequence[Pack]) -> Pack:
    """``home`` with the exercises of ``installed`` added after its own, phase by phase.

    A pack with ``home``'s id is skipped: the shipped pack is never replaced.
    """
    extra = [pack for pack in installed if pack.id != home.id]
    if not extra:
        return home
    by_phase: dict[str, list[Exercise]] = {phase.id: list(phase.exercises) for phase in home.phases}
    for pack in extra:
        for phase in pack.phases:
            listed = by_phase.setdefault(phase.id, [])
            listed.extend(_as_foreign(exercise, pack.id) for exercise in phase.exercises)
    order = [*PHASE_IDS, *(phase_id for phase_id in by_phase if phase_id not in PHASE_IDS)]
    phases = tuple(
        Phase(id=phase_id, exercises=tuple(by_phase[phase_id]))
        for phase_id in order
        if by_phase.get(phase_id)
    )
    return dataclasses.replace(home, phases=phases, installed=tuple(extra))


def home_pack(library: Pack) -> Pack:
    """The library without its installed packs (to merge them again after a change)."""
    if not library.installed:
        return library
    phases = tuple(
        Phase(id=phase.id, exercises=own)
        for phase in library.phases
        if (own := tuple(exercise for exercise in phase.exercises if not exercise.listed_as))
    )
    return dataclasses.replace(library, phases=phases, installed=())


def load_library(home: Pack, data_dir: Path) -> Pack:
    """``home`` (the shipped pack) with every installed pack that loads."""
    packs = [item.pack for item in installed_packs(data_dir) if item.pack is not None]
    return merge_library(home_pack(home), packs)


def _as_foreign(exercise: Exercise, pack_id: str) -> Exercise:
    source = exercise.source
    if source is not None and source.exercise:
        source = Source(qualified_ref(pack_id, source.exercise), source.field)
    return dataclasses.replace(
        exercise,
        pack_id=pack_id,
        listed_as=qualified_ref(pack_id, exercise.id),
        source=source,
    )
