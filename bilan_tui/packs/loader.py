"""Loading a pack folder into a ``Pack``, or saying everything that is wrong with it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bilan_tui.domain.model import Exercise, Pack, Phase
from bilan_tui.i18n import _
from bilan_tui.plain_files import size_in_words

from .crossref import check_conditions, check_sources
from .exercise import Placement, read_exercise
from .limits import (
    MAX_FILE_BYTES,
    MAX_FILES,
    MAX_PACK_GUIDANCE_CHARS,
    MAX_PACK_LINES,
    MAX_TOTAL_BYTES,
)
from .manifest import Manifest, read_manifest
from .names import MANIFEST, is_valid_id
from .problems import PackError, PackProblem, ProblemLog
from .shipped_cache import load_shipped_pack as load_shipped_pack
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


def _analyse(
    root: Path, *, guidance_checked: bool = False
) -> tuple[Pack | None, list[PackProblem]]:
    """Read and check everything; the pack is returned only when there is no problem.

    Args:
        root: The pack's folder.
        guidance_checked: The guidance's size was checked already: the
            shipped pack's is, by the tests (``check_pack``), and parsing the
            Markdown of every guidance would double what a command such as
            ``bilan status`` takes (DESIGN §12).
    """
    problems = ProblemLog()
    if not root.is_dir():
        reason = _("not a folder") if root.exists() else _("no such folder")
        message = _("cannot read the pack: {reason}").format(reason=reason)
        return None, [PackProblem(str(root), 1, message)]
    try:
        files = _pack_files(root)
    except _TooLarge as refusal:
        return None, [PackProblem(str(root), 1, str(refusal))]
    manifest_report = FileReport(str(root / MANIFEST), problems)
    manifest = read_manifest(root, manifest_report)
    # Without a readable pack.toml, still check each exercise file on its own.
    plan = _plan(manifest) if manifest else [(-1, "", stem) for stem in sorted(files)]
    order = [manifest_report.path]
    located: list[tuple[Exercise, FileReport]] = []
    by_id: dict[str, Exercise] = {}
    lines = 0
    for phase_index, phase_id, stem in plan:
        if lines > MAX_PACK_LINES:
            message = _("the pack files total more than {most} lines").format(most=MAX_PACK_LINES)
            problems.append(PackProblem(manifest_report.path, 1, message))  # shown even if full
            break
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
        lines += document.body_line + document.body.count("\n")
        place = Placement(stem, phase_id, manifest.id if manifest else "", str(path))
        exercise = read_exercise(document, report, place, check=not guidance_checked)
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
    guidance = sum(len(exercise.guidance) for exercise, _report in located)
    if guidance > MAX_PACK_GUIDANCE_CHARS:
        manifest_report.at_line(
            1,
            _("the guidance of the exercises totals {count} characters; at most {most}").format(
                count=guidance, most=MAX_PACK_GUIDANCE_CHARS
            ),
        )
    rank = {path: position for position, path in enumerate(order)}
    problems.sort(key=lambda problem: (rank.get(problem.path, len(rank)), problem.line))
    if problems or manifest is None:
        return None, problems
    return _build(root, manifest, by_id), problems


class _TooLarge(Exception):
    """The folder is larger than any pack; ``str()`` says how."""


def _pack_files(root: Path) -> dict[str, Path]:
    """The exercise files of the folder by stem, once its size is known to be a pack's.

    Sizes come from ``stat`` (links followed), so nothing is opened: what is
    not a regular file is reported when it is read. The bounds are the
    archive's: a folder may not hold what a .zip may not.

    Raises:
        _TooLarge: more files or more bytes than a pack may have.
    """
    files: dict[str, Path] = {}
    count = total = 0
    with os.scandir(root) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not (name == MANIFEST or name.endswith(".md")):
                continue
            count += 1
            if count > MAX_FILES:
                raise _TooLarge(
                    _("the pack folder holds more than {most} pack files").format(most=MAX_FILES)
                )
            try:
                info = entry.stat()
            except OSError:
                continue  # a broken link: reported when read
            if stat.S_ISREG(info.st_mode):
                total += min(info.st_size, MAX_FILE_BYTES + 1)  # one huge file is its own problem
                if name != MANIFEST:
                    files[name[:-3]] = root / name
    if total > MAX_TOTAL_BYTES:
        raise _TooLarge(
            _("the pack files total {size}; a pack may hold at most {most}").format(
                size=size_in_words(total), most=size_in_words(MAX_TOTAL_BYTES)
            )
        )
    return files


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
