"""Pieces every document shares: the title block and the confidentiality notice."""

from __future__ import annotations

from bilan_tui.domain.model import Exercise, ExerciseStatus

from .contents import ordered
from .doc import Doc, emphasis
from .options import ExportOptions
from .source import ExportSource
from .wording import Wording, upper_first

RECIPIENT_KEYS = {
    "consultant": "recipient_consultant",
    "cep": "recipient_cep",
    "employer": "recipient_employer",
    "funder": "recipient_funder",
    "other": "recipient_other",
}


def whose(source: ExportSource, words: Wording) -> str:
    """Her name, or "the person taking this bilan" when she gave none (never a file name)."""
    return source.name or words("unnamed_person")


def title_block(doc: Doc, title: str, source: ExportSource, options: ExportOptions) -> None:
    """``# Title``, whose bilan it is, the date it was written, and what a partial copy holds."""
    words = Wording(source.language)
    doc.heading(1, title)
    doc.raw(
        emphasis(words("bilan_of", name=whose(source, words)))
        + "\\\n"
        + emphasis(words("written_on", date=words.date(options.date)))
    )
    if options.partial:
        parts = [words(f"part_{part_id}") for part_id in ordered(options.parts)]
        name = whose(source, words)
        doc.para(words("partial_copy", name=name, parts=words("and_then").join(parts)))


def recipient_name(recipient: str, words: Wording) -> str:
    """Who receives the document, as the notice names them ("your consultant")."""
    return words(RECIPIENT_KEYS.get(recipient, "recipient_other"))


def confidentiality(doc: Doc, source: ExportSource, options: ExportOptions, level: int) -> None:
    """The notice that closes every document: who it belongs to, who may read it."""
    words = Wording(source.language)
    doc.heading(level, words("confidentiality"))
    doc.para(words("confidentiality_law"))
    if options.for_someone_else:
        shared = words(
            "shared_with",
            name=whose(source, words),
            recipient=recipient_name(options.recipient, words),
            date=words.date(options.date),
        )
        doc.para(upper_first(shared))
    else:
        doc.para(words("for_self_only", name=whose(source, words)))
    doc.para(words("private_included" if options.include_private else "private_left_out"))


def status_phrase(source: ExportSource, exercise: Exercise, words: Wording) -> str:
    """The state line: done, in progress, or not yet explored."""
    status = source.status(exercise.ref)
    if not source.explored(exercise) and status is not ExerciseStatus.DONE:
        return words("status_todo")
    return words("status_done" if status is ExerciseStatus.DONE else "status_started")


def phase_title(phase_id: str, words: Wording) -> str:
    """A legal phase's name in the document's language."""
    key = f"phase_{phase_id}"
    try:
        return words(key)
    except KeyError:
        return phase_id
