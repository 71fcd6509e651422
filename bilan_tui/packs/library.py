"""The library: the shipped pack with the consultants' installed packs merged in.

The interface and the commands work with one ``Pack``. To show installed packs
beside the shipped one without changing that, the library is a ``Pack`` whose
phases hold the shipped exercises followed by each installed pack's exercises
of the same phase. An installed exercise keeps its own ``pack_id`` (answers
stay keyed by the right pack) and is listed as ``"<pack id>:<exercise id>"``
(``Exercise.ref``): two packs may well both have an exercise called
``valeurs``. Its ``source`` is rewritten the same way, so that
``library.exercise(exercise.source.exercise)`` finds the right records.

Two kinds of installed packs (issue 20):

- installed with ``bilan pack install``: in ``<data dir>/packs/<pack id>/``,
  every exercise shown in every workbook of the data folder (a consultant's
  own pack, or one a person chose to add);
- carried by a homework file: in the importing workbook's own folder
  (``paths.homework_packs_dir``), shown in that workbook only, and only the
  exercises its homework assigns (:func:`workbook_library`).

Both were checked when installed; one that no longer loads (edited by hand,
newer format) is left out of the library rather than stopping the
application (``bilan pack list`` says why).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bilan_tui.domain.model import PHASE_IDS, REF_SEPARATOR, Exercise, Pack, Phase, qualified_ref
from bilan_tui.domain.parts import Source
from bilan_tui.i18n import _
from bilan_tui.paths import homework_packs_dir, packs_dir

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
    """Every pack installed with ``bilan pack install``, by id (a few ms each)."""
    return packs_in(packs_dir(data_dir))


def packs_in(root: Path) -> list[InstalledPack]:
    """Every pack in the folder ``root``, one sub-folder each, by id."""
    if not root.is_dir():
        return []  # no pack installed: nothing to import or parse
    from .install import recover_interrupted
    from .loader import load_pack

    recover_interrupted(root)  # an upgrade killed midway: its pack back in place
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
            message = _("the folder holds pack {id}").format(id=repr(pack.id))
            problem = PackProblem(str(folder), 1, message)
            found.append(InstalledPack(folder, None, (problem,)))
            continue
        found.append(InstalledPack(folder, pack))
    return found


def merge_library(
    home: Pack, installed: Sequence[Pack], shown: Callable[[Exercise], bool] | None = None
) -> Pack:
    """``home`` with the exercises of ``installed`` added after its own, phase by phase.

    A pack with ``home``'s id is skipped: the shipped pack is never replaced.
    ``shown`` picks the installed exercises listed (all by default); the
    others stay in their pack (``Pack.installed``), out of every list.
    """
    extra = [pack for pack in installed if pack.id != home.id]
    if not extra:
        return home
    by_phase: dict[str, list[Exercise]] = {phase.id: list(phase.exercises) for phase in home.phases}
    for pack in extra:
        for phase in pack.phases:
            listed = by_phase.setdefault(phase.id, [])
            foreign = (_as_foreign(exercise, pack.id) for exercise in phase.exercises)
            listed.extend(item for item in foreign if shown is None or shown(item))
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


def workbook_library(library: Pack, workbook: Path, assigned: Iterable[str]) -> Pack:
    """The library one workbook sees: ``library`` with its homework's packs.

    Args:
        library: The shipped pack with the packs of ``bilan pack install``.
        workbook: The workbook's file; its homework packs are beside it.
        assigned: The refs its homework assigns (``"<pack>:<id>"``).

    A pack carried by homework shows only the assigned exercises. When the
    same pack is also installed with ``bilan pack install``, that install
    means "show it all": the newer version of the two is used, whole.
    """
    own = homework_packs_dir(workbook)
    carried = [item.pack for item in packs_in(own) if item.pack]
    if not carried:
        return library
    # A library already scoped to this workbook may be passed again: its
    # homework packs are not "installed with bilan pack install".
    explicit = {pack.id: pack for pack in library.installed if Path(pack.root).parent != own}
    packs = dict(explicit)
    for pack in carried:
        mine = explicit.get(pack.id)
        if mine is None or version_key(pack.version) > version_key(mine.version):
            packs[pack.id] = pack
    wanted = set(assigned)

    def shown(exercise: Exercise) -> bool:
        return exercise.pack_id in explicit or exercise.ref in wanted

    ordered = [packs[pack_id] for pack_id in sorted(packs)]
    return merge_library(home_pack(library), ordered, shown)


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key for versions such as ``1.10.0`` (numbers compare as numbers)."""
    parts = re.split(r"[.\-+_]", version.strip().lower())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


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
