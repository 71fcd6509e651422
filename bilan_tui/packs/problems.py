"""What is wrong with a pack, said the way compilers say it: ``path:line: message``.

Pack authors are consultants with a text editor, so every problem names the
file and the line to open. The loader collects them all before giving up: fixing
one mistake per run would be tedious.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilan_tui.domain.text import clean_text


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One mistake in a pack file.

    Attributes:
        path: The file, as the pack folder given to the loader joined with
            the file name (what the author can open).
        line: 1-based line in that file.
        message: What is wrong, in English, quoting offending values with
            ``repr`` so that no control character reaches the terminal.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        # A file name is the one thing not quoted: clean it for the terminal.
        return f"{clean_text(self.path)}:{self.line}: {self.message}"


class PackError(Exception):
    """A pack cannot be loaded; ``problems`` lists every reason found."""

    def __init__(self, problems: Sequence[PackProblem]) -> None:
        self.problems: list[PackProblem] = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)
