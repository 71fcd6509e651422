"""The one failure the referential reports to a person."""

from __future__ import annotations


class ReferentielError(Exception):
    """Bad input to the import, or an unreadable referential.

    The message is one translated line naming the problem (the file, the column),
    ready to print: the command line shows it as is and exits with status 2.
    """

    @property
    def message(self) -> str:
        """The line to show."""
        return str(self.args[0]) if self.args else ""
