"""Reading pack files: bytes to text, front matter to TOML data, with lines kept.

Everything that can go wrong while reading (missing file, a folder where a file
should be, bad UTF-8, broken TOML, missing ``+++``) becomes a problem in the
file's ``FileReport``, never an exception: the loader goes on and reports the
rest of the pack.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilan_tui.i18n import _
from bilan_tui.plain_files import FileTooLarge, NotAPlainFile, read_plain
from bilan_tui.system_words import os_reason
from bilan_tui.toml_words import toml_problem

from .limits import MAX_FILE_BYTES, MAX_FILE_LINES
from .locate import Locator, Where
from .problems import PackProblem, ProblemLog

DELIMITER = "+++"


class FileReport:
    """The problems of one file, placed on lines through its ``Locator``.

    Args:
        path: The file as shown to the author.
        problems: The pack-wide log the problems go to. Once it is full, a
            problem is only counted: its line is not looked for, which would
            read the file again for each of thousands of mistakes.
    """

    def __init__(self, path: str, problems: ProblemLog) -> None:
        self.path = path
        self.problems = problems
        self.locator: Locator | None = None

    def at_line(self, line: int, message: str) -> None:
        """Report a problem on a known line."""
        self.problems.add(PackProblem(self.path, max(line, 1), message))

    @property
    def full(self) -> bool:
        """Whether further problems are only counted (callers may skip costly wording)."""
        return self.problems.full

    def at(self, where: Where, message: str) -> None:
        """Report a problem about the key, table or entry at ``where``."""
        if self.problems.full:
            self.problems.more += 1
            return
        self.at_line(self.locator.line(where) if self.locator else 1, message)

    def at_value(self, where: Where, value: str, message: str, occurrence: int = 0) -> None:
        """Report a problem about one string inside the list at ``where``."""
        if self.problems.full:
            self.problems.more += 1
            return
        line = self.locator.value_line(where, value, occurrence) if self.locator else 1
        self.at_line(line, message)


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed TOML document and, for exercise files, the Markdown after it."""

    data: dict[str, Any]
    body: str = ""
    body_line: int = 1


def read_text(path: Path, report: FileReport) -> str | None:
    """The file's text, or ``None`` after reporting why it cannot be read."""
    try:
        if path.is_dir():
            report.at_line(1, _("cannot read: this is a folder, not a file"))
            return None
        raw = read_plain(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        report.at_line(1, _("cannot read: file not found"))
        return None
    except (NotAPlainFile, FileTooLarge) as error:
        report.at_line(1, _("cannot read: {reason}").format(reason=error))
        return None
    except OSError as error:
        report.at_line(1, _("cannot read: {reason}").format(reason=os_reason(error)))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report.at_line(
            line,
            _("not valid UTF-8 (byte {byte}); save it as UTF-8").format(
                byte=f"0x{raw[error.start]:02x}"
            ),
        )
        return None
    lines = text.count("\n") + 1
    if lines > MAX_FILE_LINES:
        report.at_line(
            1,
            _("the file has {count} lines; at most {most} are allowed").format(
                count=lines, most=MAX_FILE_LINES
            ),
        )
        return None
    return text.removeprefix("\ufeff")


def parse_toml(text: str, first_line: int, report: FileReport) -> dict[str, Any] | None:
    """Parse ``text`` whose first line is line ``first_line`` of the file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem = toml_problem(error)
        if problem.line is not None:
            line = first_line + problem.line - 1
            reason = _("{reason} (column {column})").format(
                reason=problem.reason, column=problem.column
            )
        else:  # at end of document: the last line that holds something
            lines = text.split("\n")
            last = max((i for i, content in enumerate(lines) if content.strip()), default=0)
            line = first_line + last
            reason = problem.reason
        report.at_line(line, _("invalid TOML: {reason}").format(reason=reason))
        return None
    except RecursionError:
        report.at_line(first_line, _("invalid TOML: nested too deeply"))
        return None
    report.locator = Locator(text, first_line, data)
    return data


def read_toml_file(path: Path, report: FileReport) -> Document | None:
    """Read a whole TOML file (``pack.toml``)."""
    text = read_text(path, report)
    if text is None:
        return None
    data = parse_toml(text, 1, report)
    return None if data is None else Document(data)


def _is_delimiter(line: str) -> bool:
    return line.rstrip() == DELIMITER


def read_exercise_file(path: Path, report: FileReport) -> Document | None:
    """Read an exercise file: TOML front matter between ``+++`` lines, then Markdown.

    The opening ``+++`` must be the first line (blank lines before it are
    tolerated); the first ``+++`` line after it closes the front matter.
    """
    text = read_text(path, report)
    if text is None:
        return None
    lines = text.split("\n")
    opening = next((i for i, line in enumerate(lines) if line.strip()), None)
    if opening is None or not _is_delimiter(lines[opening]):
        later = next((i for i, line in enumerate(lines) if _is_delimiter(line)), None)
        if later is None:
            report.at_line(1, _("missing front matter: the file must start with a '+++' line"))
        else:
            report.at_line(
                later + 1, _("misplaced '+++': the front matter must start on the first line")
            )
        return None
    closing = next(
        (i for i in range(opening + 1, len(lines)) if _is_delimiter(lines[i])),
        None,
    )
    if closing is None:
        report.at_line(opening + 1, _("missing closing '+++' line after the front matter"))
        return None
    front = "\n".join(line.removesuffix("\r") for line in lines[opening + 1 : closing])
    data = parse_toml(front, opening + 2, report)
    if data is None:
        return None
    body = "\n".join(lines[closing + 1 :])
    return Document(data, body, closing + 2)
