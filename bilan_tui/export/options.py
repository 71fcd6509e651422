"""What an export is asked to produce: scope, format, recipient, privacy, date.

The same choices come from the command line and from the export screen, so
they are checked here once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .contents import DEFAULTS, EVALUATION, EVERYTHING

SCOPES: tuple[str, ...] = (
    "synthese",
    "detail",
    "homework",
    "suivi",
    "evaluation",
)
"""The synthesis, the detailed results, one homework assignment, the follow-up report, the
end-of-bilan evaluation."""

FORMATS: tuple[str, ...] = ("md", "html", "json", "pdf", "docx")
"""``pdf`` needs the ``[pdf]`` extra (typst); ``docx`` is always there (python-docx)."""

RECIPIENTS: tuple[str, ...] = ("self", "consultant", "cep", "employer", "funder", "other")
"""Who the file is for; anyone but ``self`` needs the person's recorded consent."""

EXTENSIONS = {"md": ".md", "html": ".html", "json": ".json", "pdf": ".pdf", "docx": ".docx"}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """One export request.

    Attributes:
        scope: One of ``SCOPES``.
        format: One of ``FORMATS``.
        recipient: One of ``RECIPIENTS``.
        include_private: Keep the fields marked private (health, family...).
        generated_on: The date printed on the document (tests fix it).
        homework_id: The assignment to export (``homework`` scope); ``None``
            takes the most recently imported one.
        content: The parts of the bilan to include (``export.contents``);
            ``None`` takes the recipient's default.
    """

    scope: str = "synthese"
    format: str = "md"
    recipient: str = "self"
    include_private: bool = False
    generated_on: datetime.date | None = None
    homework_id: int | None = None
    content: frozenset[str] | None = None

    def __post_init__(self) -> None:
        for value, allowed, what in (
            (self.scope, SCOPES, "scope"),
            (self.format, FORMATS, "format"),
            (self.recipient, RECIPIENTS, "recipient"),
        ):
            if value not in allowed:
                raise ValueError(f"unknown {what}: {value!r} (use one of {', '.join(allowed)})")
        if self.content is not None and not self.content <= EVERYTHING:
            unknown = ", ".join(sorted(self.content - EVERYTHING))
            raise ValueError(f"unknown part: {unknown}")

    @property
    def parts(self) -> frozenset[str]:
        """The parts the document holds: the chosen ones, else the recipient's default.

        A homework export holds the exercises the consultant asked for, whole;
        the evaluation export holds the evaluation alone, and no other scope
        ever holds it.
        """
        if self.scope == "homework":
            return EVERYTHING | {EVALUATION.id}
        if self.scope == "evaluation":
            return frozenset({EVALUATION.id})
        return self.content if self.content is not None else DEFAULTS[self.recipient]

    @property
    def partial(self) -> bool:
        """Whether some parts of the bilan are left out of the document.

        The evaluation is a document of its own, not a cut-down synthesis.
        """
        return self.scope in ("synthese", "detail") and self.parts != EVERYTHING

    @property
    def for_someone_else(self) -> bool:
        """Whether the person must agree before the file is written."""
        return self.recipient != "self"

    @property
    def date(self) -> datetime.date:
        """The document's date: the one given, else today."""
        return self.generated_on or datetime.date.today()

    @property
    def extension(self) -> str:
        """The file extension of the format, with its dot."""
        return EXTENSIONS[self.format]
