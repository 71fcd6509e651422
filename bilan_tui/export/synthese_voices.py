"""Who wrote what: her opening questions answered, and the consultant's own part.

A synthesis is written by the provider and handed to the person (R6313-4):
the answers she typed are only its material. Until the person who accompanies
the bilan has written their part, the document says it is a draft
("Éléments pour la synthèse"). Her opening questions, her measure of success
and her expectations come back at the end, each beside what the bilan
answered, so that nobody has to take on trust that the bilan did its job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import emphasis, labelled
from .source import ExportSource
from .synthese_context import Synthesis
from .values import Reader
from .wording import Wording

CONSULTANT_ID = "synthese-consultant"
"""The exercise holding the consultant's part of the synthesis."""

QUESTIONS_ID = "bilan-questions"
"""The exercise where she answers her opening questions at the end."""

REVISITED: tuple[tuple[str, str, str], ...] = (
    ("questions", "questions_reponse", "questions_statut"),
    ("reussite", "reussite_reponse", "reussite_statut"),
    ("attentes", "attentes_reponse", "attentes_statut"),
)
"""(field of ``demande``, her answer at the end, its status) for each thing she asked."""

STATUSES = ("repondu", "en-partie", "non")
"""The statuses of ``bilan-questions``: answered, partly, not yet."""


@dataclass(frozen=True, slots=True)
class ConsultantPart:
    """The part of the synthesis the person who accompanies the bilan wrote.

    Attributes:
        text: What they wrote.
        name: Their name, if given (else the one of ``modalites``).
        organisation: Their organisation, likewise.
        handed_over: The day the document is handed to her, written out.
    """

    text: str
    name: str | None
    organisation: str | None
    handed_over: str | None

    def author(self, words: Wording) -> str:
        """ "Sophie Marchal (Cap Parcours Conseil)", or who they are when unnamed."""
        if self.name and self.organisation:
            return f"{self.name} ({self.organisation})"
        return self.name or self.organisation or words("consultant_unnamed")


def consultant_part(source: ExportSource, include_private: bool = False) -> ConsultantPart | None:
    """The consultant's part as the copy holds it; ``None`` while it is not written."""
    words = Wording(source.language)
    reader = Reader(
        source.pack.exercise(CONSULTANT_ID),
        source.exercise_answers(CONSULTANT_ID),
        words,
        include_private,
    )
    text = reader.text("texte")
    if not text or not text.strip():
        return None
    run = Reader(
        source.pack.exercise("modalites"),
        source.exercise_answers("modalites"),
        words,
        include_private,
    )
    return ConsultantPart(
        text=text.strip(),
        name=reader.text("nom") or run.text("consultant"),
        organisation=reader.text("organisme") or run.text("organisme"),
        handed_over=reader.text("remis_le"),
    )


def title_key(source: ExportSource, include_private: bool = False) -> str:
    """The synthesis's title: a draft until the consultant's part is written."""
    if consultant_part(source, include_private) is None:
        return "synthesis_draft_title"
    return "synthesis_title"


def handed_over_line(syn: Synthesis) -> None:
    """Under the title: the day the document was handed over, and by whom (once written)."""
    words = syn.words
    part = consultant_part(syn.source, syn.options.include_private)
    if part is not None and part.handed_over:
        line = words("handed_over", date=part.handed_over, author=part.author(words))
        syn.doc.raw(emphasis(line))


def authorship(syn: Synthesis) -> None:
    """Who wrote what; while the consultant's part is missing, that this is a draft."""
    words = syn.words
    part = consultant_part(syn.source, syn.options.include_private)
    name = syn.source.name or words("unnamed_person")
    if part is None:
        syn.doc.para(words("draft_explained", name=name))
        return
    syn.doc.para(
        words(
            "who_wrote_what",
            name=name,
            author=part.author(words),
            part=words("section_consultant"),
        )
    )


def _status(reader: Reader, field_id: str) -> str | None:
    value = reader.raw(field_id)
    return value if isinstance(value, str) and value in STATUSES else None


def revisited(syn: Synthesis) -> list[tuple[str, str | None, str | None, str | None]]:
    """(what, her words at the start, her answer at the end, status) for each thing she asked."""
    start = syn.reader("demande")
    end = syn.reader(QUESTIONS_ID)
    found = []
    for asked_id, answer_id, status_id in REVISITED:
        asked = start.text(asked_id)
        answer = end.text(answer_id)
        status = _status(end, status_id)
        if asked or answer or status:
            found.append((asked_id, asked, answer, status))
    return found


def questions_answered(syn: Synthesis) -> None:
    """Each thing she asked at the start, her words quoted, beside what the bilan answered."""
    words = syn.words
    found = revisited(syn)
    if not found:
        syn.not_explored(QUESTIONS_ID)
        return
    for asked_id, asked, answer, status in found:
        syn.doc.heading(3, words(f"revisit_{asked_id}"))
        if asked:
            syn.doc.labelled(words("revisit_start"), words.quote(asked))
        if answer:
            syn.doc.labelled(words("revisit_end"), words.quote(answer))
        syn.doc.labelled(
            words("revisit_status"), words(f"status_{status}") if status else words("not_revisited")
        )


def glance_questions(syn: Synthesis) -> list[str]:
    """One line per thing she asked, with its status, for the first page."""
    words = syn.words
    return [
        labelled(words(f"glance_{asked_id}"), words(f"status_{status}"), syn.doc.colon)
        for asked_id, _asked, _answer, status in revisited(syn)
        if status
    ]


def consultant_section(syn: Synthesis) -> None:
    """The consultant's part, signed; a line saying it is still to write while it is not."""
    words = syn.words
    part = consultant_part(syn.source, syn.options.include_private)
    if part is None:
        syn.doc.note(words("consultant_missing"))
        return
    signed = words("written_by", author=part.author(words))
    if part.handed_over:
        signed += " " + words("handed_over_on", date=part.handed_over)
    syn.doc.note(signed)
    for paragraph in re.split(r"\n\s*\n", part.text):
        syn.doc.para(paragraph.strip())
