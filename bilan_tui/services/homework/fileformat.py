"""The homework file: one plain-text TOML file a consultant sends, a beneficiary imports.

It travels by e-mail or on a USB stick, so it says everything in itself::

    format = "bilan-homework"
    version = 1
    id = "2f1c..."                 # stable: a uuid chosen when it was written
    created = 2025-01-06T09:30:00Z
    due = 2025-01-20
    message = "Avant notre rendez-vous de jeudi..."

    [[exercises]]
    pack = "bilan"
    id = "valeurs"

    [pack.files]                   # only when exercises come from the consultant's pack
    "pack.toml" = \"\"\"...\"\"\"
    "reseau.md" = \"\"\"...\"\"\"

    [synthesis]                    # a reply: the consultant's part of the synthesis
    text = \"\"\"...\"\"\"
    name = "Sophie Marchal"
    organisation = "Cap Parcours Conseil"
    handed_over = 2025-03-07

A reply carrying the consultant's part needs no exercise and no due date.

Reading is strict about what it needs and ignores keys it does not know, so
that a later version 1 writer may add some. Every refusal is one sentence a
beneficiary can forward to their consultant.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _
from bilan_tui.packs.names import is_valid_id

from . import toml_text

FORMAT = "bilan-homework"
VERSION = 1
MAX_FILE_BYTES = 3 << 20
"""A homework file with an embedded pack is a few hundred kilobytes at most.

The pack it carries may hold 2 MiB (``packs.limits.MAX_TOTAL_BYTES``), and
its text grows a little once escaped. Reading TOML costs about a second per
MiB of short keys, so this bound is also a bound on the time a hostile file
can take before it is refused.
"""

MAX_LINES = 45_000
"""Lines of a homework file: its pack's (``packs.limits.MAX_PACK_LINES``) and a few more.

Reading TOML costs about ten microseconds per line of short keys: this, more
than the size in bytes, bounds the time a hostile file takes to be read.
"""

MAX_EXERCISES = 300
"""Exercises one homework file may assign: more than any pack holds (the shipped one, 22)."""

MAX_MESSAGE = 4000
"""Characters of the consultant's message kept (a note, not a letter)."""

MAX_SYNTHESIS = 20000
"""Characters of the consultant's part of the synthesis: a few pages, refused beyond."""

MAX_NAME = 200
"""Characters of the consultant's name or organisation: one line."""

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


class HomeworkError(ValueError):
    """A homework file or request that cannot be used; the message says why."""


@dataclass(frozen=True, slots=True)
class AssignedExercise:
    """One exercise to do: the pack it comes from and its id there."""

    pack: str
    id: str


@dataclass(frozen=True, slots=True)
class ConsultantSynthesis:
    """The consultant's part of the synthesis, carried by a reply file.

    Attributes:
        text: What they wrote, cleaned of terminal control characters.
        name: Their name ("" when not given).
        organisation: Their organisation ("" when not given).
        handed_over: The day the synthesis is handed over, if given.
    """

    text: str
    name: str = ""
    organisation: str = ""
    handed_over: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class HomeworkFile:
    """The content of a homework file.

    Attributes:
        id: Stable identifier chosen by the writer (a uuid).
        created: When it was written (UTC).
        due: The day it is due.
        message: The consultant's note, cleaned of terminal control characters.
        exercises: What to do, in the consultant's order.
        pack_files: The consultant's pack, ``{file name: text}``; empty when
            every exercise comes from a pack the beneficiary already has.
        synthesis: The consultant's part of the synthesis, in a reply file.
    """

    id: str
    created: datetime.datetime
    due: datetime.date
    message: str
    exercises: tuple[AssignedExercise, ...]
    pack_files: dict[str, str] = field(default_factory=dict)
    synthesis: ConsultantSynthesis | None = None


def parse_homework(data: bytes) -> HomeworkFile:
    """Read a homework file's bytes.

    Raises:
        HomeworkError: not TOML, not a homework file, a newer format, or a
            missing or mistyped value.
    """
    if len(data) > MAX_FILE_BYTES:
        raise HomeworkError(_("this file is too large to be a homework file"))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise HomeworkError(_("this is not a homework file (it is not text)")) from None
    if text.count("\n") >= MAX_LINES:
        raise HomeworkError(_("this file has too many lines to be a homework file"))
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        from bilan_tui.toml_words import toml_message

        raise HomeworkError(
            _("this is not a homework file: {problem}").format(problem=toml_message(error))
        ) from None
    except RecursionError:
        raise HomeworkError(_("this is not a homework file (nested too deeply)")) from None
    if document.get("format") != FORMAT:
        raise HomeworkError(
            _("this is not a homework file (no line format = {format})").format(
                format=f'"{FORMAT}"'
            )
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise HomeworkError(_("the homework file has no format version"))
    if version > VERSION:
        raise HomeworkError(
            _("this homework file uses format version {version}; update bilan to read it").format(
                version=version
            )
        )
    if version < VERSION:
        raise HomeworkError(_("unknown homework format version {version}").format(version=version))
    synthesis = _synthesis(document.get("synthesis"))
    created = _created(document.get("created"))
    reply_only = synthesis is not None and "exercises" not in document
    due = document.get("due")
    if reply_only and due is None:
        due = synthesis.handed_over if synthesis and synthesis.handed_over else created.date()
    return HomeworkFile(
        id=_identifier(document.get("id")),
        created=created,
        due=_due(due),
        message=_message(document.get("message", "")),
        exercises=() if reply_only else _exercises(document.get("exercises")),
        pack_files=_pack_files(document.get("pack")),
        synthesis=synthesis,
    )


def render_homework(homework: HomeworkFile) -> str:
    """The file's text, readable by a person and by :func:`parse_homework`.

    The opening comment is in the language of the command that wrote it: the
    consultant and the beneficiary both read it.
    """
    comment = _(
        "A homework file for a bilan de compétences.\nImport it with: bilan homework import <file>"
    )
    lines = [
        *(f"# {line}".rstrip() for line in comment.splitlines()),
        f"format = {toml_text.string(FORMAT)}",
        f"version = {VERSION}",
        f"id = {toml_text.string(homework.id)}",
        f"created = {toml_text.moment(homework.created)}",
        f"due = {toml_text.date(homework.due)}",
        f"message = {toml_text.string(homework.message)}",
    ]
    for exercise in homework.exercises:
        lines += [
            "",
            "[[exercises]]",
            f"pack = {toml_text.string(exercise.pack)}",
            f"id = {toml_text.string(exercise.id)}",
        ]
    if homework.pack_files:
        lines += ["", "[pack.files]"]
        for name, text in homework.pack_files.items():
            lines.append(f"{toml_text.key(name)} = {toml_text.string(text)}")
    if homework.synthesis is not None:
        part = homework.synthesis
        lines += ["", "[synthesis]", f"text = {toml_text.string(part.text)}"]
        if part.name:
            lines.append(f"name = {toml_text.string(part.name)}")
        if part.organisation:
            lines.append(f"organisation = {toml_text.string(part.organisation)}")
        if part.handed_over is not None:
            lines.append(f"handed_over = {toml_text.date(part.handed_over)}")
    return "\n".join(lines) + "\n"


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise HomeworkError(_("the homework file has no valid id"))
    return value


def _created(value: Any) -> datetime.datetime:
    if not isinstance(value, datetime.datetime):
        raise HomeworkError(_("the homework file has no creation time (created = ...)"))
    if value.tzinfo is None:
        return value.replace(tzinfo=datetime.UTC)
    return value.astimezone(datetime.UTC)


def _due(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise HomeworkError(_("the homework file has no due date (due = YYYY-MM-DD)"))
    return value


def _message(value: Any) -> str:
    if not isinstance(value, str):
        raise HomeworkError(_("the message of the homework file is not text"))
    return clean_text(value).strip()[:MAX_MESSAGE]


def _exercises(value: Any) -> tuple[AssignedExercise, ...]:
    if not isinstance(value, list) or not value:
        raise HomeworkError(_("the homework file lists no exercise ([[exercises]])"))
    if len(value) > MAX_EXERCISES:
        raise HomeworkError(
            _("the homework file lists {count} exercises; at most {most} are allowed").format(
                count=len(value), most=MAX_EXERCISES
            )
        )
    found: dict[AssignedExercise, None] = {}  # in order, each once
    for index, item in enumerate(value, start=1):
        pack = item.get("pack") if isinstance(item, dict) else None
        exercise = item.get("id") if isinstance(item, dict) else None
        if not (isinstance(pack, str) and is_valid_id(pack)):
            raise HomeworkError(
                _("exercise {number} of the homework file has no valid pack id").format(
                    number=index
                )
            )
        if not (isinstance(exercise, str) and is_valid_id(exercise)):
            raise HomeworkError(
                _("exercise {number} of the homework file has no valid id").format(number=index)
            )
        found.setdefault(AssignedExercise(pack, exercise))
    return tuple(found)


def _pack_files(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    files = value.get("files") if isinstance(value, dict) else None
    if not isinstance(files, dict) or not files:
        raise HomeworkError(_("the pack in the homework file has no files ([pack.files])"))
    if not all(isinstance(text, str) for text in files.values()):
        raise HomeworkError(_("a file of the pack in the homework file is not text"))
    return {str(name): text for name, text in files.items()}


def _synthesis(value: Any) -> ConsultantSynthesis | None:
    """The consultant's part of a reply file, checked like any text from someone else."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise HomeworkError(_("the consultant's part in the file is not a table ([synthesis])"))
    text = value.get("text")
    if not isinstance(text, str):
        raise HomeworkError(_("the consultant's part in the file has no text (text = ...)"))
    text = clean_text(text).strip()
    if not text:
        raise HomeworkError(_("the consultant's part in the file is empty"))
    if len(text) > MAX_SYNTHESIS:
        raise HomeworkError(
            _(
                "the consultant's part in the file is too long ({count} characters, at most {most})"
            ).format(count=len(text), most=MAX_SYNTHESIS)
        )
    handed_over = value.get("handed_over")
    if handed_over is not None and (
        isinstance(handed_over, datetime.datetime) or not isinstance(handed_over, datetime.date)
    ):
        raise HomeworkError(
            _("the date the synthesis is handed over is not a date (handed_over = YYYY-MM-DD)")
        )
    return ConsultantSynthesis(
        text=text,
        name=_one_line(value.get("name"), _("the consultant's name")),
        organisation=_one_line(value.get("organisation"), _("the consultant's organisation")),
        handed_over=handed_over,
    )


def _one_line(value: Any, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise HomeworkError(_("{what} in the file is not text").format(what=what))
    text = clean_text(value).strip()
    if "\n" in text or len(text) > MAX_NAME:
        raise HomeworkError(
            _("{what} in the file must fit on one line ({most} characters at most)").format(
                what=what, most=MAX_NAME
            )
        )
    return text
