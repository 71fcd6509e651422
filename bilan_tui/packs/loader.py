"""Loading a pack folder into a ``Pack``, or saying everything that is wrong with it."""

from __future__ import annotations

import functools
from pathlib import Path

from bilan_tui.domain.model import Exercise, Pack, Phase
from bilan_tui.i18n import _

from .crossref import check_conditions, check_sources
from .exercise import Placement, read_exercise
from .manifest import Manifest, read_manifest
from .names import MANIFEST, is_valid_id
from .problems import PackError, PackProblem
from .shipped import SHIPPED_LANGUAGES, shipped_pack_root
from .source import FileReport, read_exercise_file


def load_pack(root: Path) -> Pack:
    """Read the pack in folder ``root``.

    Raises:
        PackError: listing every problem found in every file of the pack.
    """
    pack, problems = _analyse(Path(root))
    if pack is None:
        raise PackError(problems)
    return pack


def check_pack(root: Path) -> list[PackProblem]:
    """Every problem of the pack in ``root``, in file then line order; empty if sound."""
    return _analyse(Path(root))[1]


@functools.lru_cache(maxsize=len(SHIPPED_LANGUAGES))
def load_shipped_pack(language: str) -> Pack:
    """The shipped pack in ``language``, read once per process (packs are immutable).

    Raises:
        UnknownLanguageError: if no pack ships in that language.
        PackError: if the shipped pack is broken (a bug the tests catch).
    """
    return load_pack(shipped_pack_root(language))


def _analyse(root: Path) -> tuple[Pack | None, list[PackProblem]]:
    """Read and check everything; the pack is returned only when there is no problem."""
    problems: list[PackProblem] = []
    if not root.is_dir():
        reason = _("not a folder") if root.exists() else _("no such folder")
        message = _("cannot read the pack: {reason}").format(reason=reason)
        return None, [PackProblem(str(root), 1, message)]
    manifest_report = FileReport(str(root / MANIFEST), problems)
    manifest = read_manifest(root, manifest_report)
    files = {
        path.stem: path
        for path in root.glob("*.md")
        if not path.name.startswith(".") and path.is_file()
    }
    # Without a readable pack.toml, still check each exercise file on its own.
    plan = _plan(manifest) if manifest else [(-1, "", stem) for stem in sorted(files)]
    order = [manifest_report.path]
    located: list[tuple[Exercise, FileReport]] = []
    by_id: dict[str, Exercise] = {}
    for phase_index, phase_id, stem in plan:
        if not is_valid_id(stem):
            continue  # reported in pack.toml; never build a path from it
        path = root / f"{stem}.md"
        if phase_index >= 0 and not path.exists():
            manifest_report.at_value(
                ("phases", phase_index, "exercises"),
                stem,
                _("exercise {id} has no file {file}").format(
                    id=repr(stem), file=repr(stem + ".md")
                ),
            )
            continue
        report = FileReport(str(path), problems)
        order.append(report.path)
        document = read_exercise_file(path, report)
        if document is None:
            continue
        place = Placement(stem, phase_id, manifest.id if manifest else "", str(path))
        exercise = read_exercise(document, report, place)
        if exercise is not None:
            located.append((exercise, report))
            by_id[stem] = exercise
    listed = {stem for _, _, stem in plan}
    if manifest is not None:
        for stem in sorted(set(files) - listed):
            stray = FileReport(str(files[stem]), problems)
            order.append(stray.path)
            stray.at_line(1, _("file not listed in pack.toml"))
    check_sources(located, by_id, listed)
    check_conditions(located, by_id, listed)
    rank = {path: position for position, path in enumerate(order)}
    problems.sort(key=lambda problem: (rank.get(problem.path, len(rank)), problem.line))
    if problems or manifest is None:
        return None, problems
    return _build(root, manifest, by_id), problems


def _plan(manifest: Manifest) -> list[tuple[int, str, str]]:
    """(phase index in pack.toml, phase id, exercise id), each exercise once."""
    seen: set[str] = set()
    plan = []
    for index, phase in enumerate(manifest.phases):
        for stem in phase.exercises:
            if stem not in seen:
                seen.add(stem)
                plan.append((index, phase.id, stem))
    return plan


def _build(root: Path, manifest: Manifest, by_id: dict[str, Exercise]) -> Pack:
    phases = tuple(
        Phase(id=plan.id, exercises=tuple(by_id[stem] for stem in plan.exercises))
        for plan in manifest.phases
    )
    return Pack(
        id=manifest.id,
        version=manifest.version,
        language=manifest.language,
        title=manifest.title,
        author=manifest.author,
        licence=manifest.licence,
        description=manifest.description,
        phases=phases,
        root=str(root),
    )
