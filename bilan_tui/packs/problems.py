"""What is wrong with a pack, said the way compilers say it: ``path:line: message``.

Pack authors are consultants with a text editor, so every problem names the
file and the line to open. The loader collects them all before giving up: fixing
one mistake per run would be tedious.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilan_tui.domain.numbers import format_number
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import language, ngettext

MAX_PROBLEMS = 100
"""Problems reported in full; the rest are only counted.

A hostile file can hold tens of thousands of mistakes (71,000 unknown keys),
and finding the line of each one reads the file again: stopping at a bound
keeps checking linear, and nobody fixes the 101st problem before the first.
"""


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


class ProblemLog(list[PackProblem]):
    """The problems found so far: the first ``limit`` kept, the others counted in ``more``.

    Args:
        limit: How many problems are kept in full.
    """

    def __init__(self, limit: int = MAX_PROBLEMS) -> None:
        super().__init__()
        self.limit = limit
        self.more = 0

    @property
    def full(self) -> bool:
        """Whether further problems are only counted (no need to find their line)."""
        return len(self) >= self.limit

    def add(self, problem: PackProblem) -> None:
        """Keep ``problem``, or count it once the log is full."""
        if self.full:
            self.more += 1
        else:
            self.append(problem)


def more_problems(count: int) -> str:
    """The line that ends a list of problems cut short: "… and 70,950 more problems"."""
    return ngettext("… and {count} more problem", "… and {count} more problems", count).format(
        count=format_number(count, language())
    )


class PackError(Exception):
    """A pack cannot be loaded; ``problems`` lists the reasons found.

    Attributes:
        problems: The first problems (at most ``MAX_PROBLEMS``), in file and line order.
        more: How many more were found and not listed.
    """

    def __init__(self, problems: Sequence[PackProblem], more: int = 0) -> None:
        self.problems: list[PackProblem] = list(problems)
        self.more = more if more else getattr(problems, "more", 0)
        super().__init__("\n".join(self.lines()))

    @property
    def count(self) -> int:
        """Every problem found, listed or not."""
        return len(self.problems) + self.more

    def lines(self) -> list[str]:
        """One ``path:line: message`` line per problem, then the count of the others."""
        lines = [str(problem) for problem in self.problems]
        if self.more:
            lines.append(more_problems(self.more))
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())
