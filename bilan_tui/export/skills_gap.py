"""What she still lacks for each lead's occupation, and how she means to acquire it.

Her marks (``domain/skills_gap.py``) hold item codes and her words only. The
item labels come from the referential, looked up by the caller and passed in
through ``ExportSource.referential_labels`` (this package never imports the
referential); without them, the code stands in. The section cites its source:
France Travail, ROME 4.0, with the version the marks were made with.

The detailed results list every mark; the synthesis's project section keeps
what is to acquire.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bilan_tui.domain.answers import Entry, JSONValue
from bilan_tui.domain.skills_gap import GapMark, GapState, marks_of, referential_version

from .doc import Doc, labelled, strong
from .source import ExportSource

LEADS_ID = "pistes"
TITLE_FIELD = "metier"
CODE_FIELD = "code_rome"

_PHRASES = {
    "fr": {
        "heading": "Ce qui me manque pour ce métier, et comment je compte l'acquérir",
        "acquire": "À acquérir",
        "have": "Acquis, avec ce qui le prouve",
        "not_for_me": "Ne me concerne pas",
        "no_words": "comment, à préciser",
        "item_code": "compétence n° {code} (libellé dans le référentiel ROME)",
        "source": "Source : France Travail, ROME 4.0, version {version}.",
        "source_unknown": "Source : France Travail, ROME 4.0.",
        "nothing": "Aucune compétence à acquérir n'a été notée pour ce métier.",
    },
    "en": {
        "heading": "What I lack for this occupation, and how I mean to acquire it",
        "acquire": "To acquire",
        "have": "Already there, with what proves it",
        "not_for_me": "Not for me",
        "no_words": "how, still to work out",
        "item_code": "skill no. {code} (label in the ROME referential)",
        "source": "Source: France Travail, ROME 4.0, version {version}.",
        "source_unknown": "Source: France Travail, ROME 4.0.",
        "nothing": "No skill to acquire was noted for this occupation.",
    },
}


def _words(language: str) -> Mapping[str, str]:
    return _PHRASES["fr" if language.casefold().startswith("fr") else "en"]


def _label(code: str, labels: Mapping[str, str], words: Mapping[str, str]) -> str:
    return labels.get(code) or words["item_code"].format(code=code)


def _lead_name(entry: Entry) -> str:
    name = entry.values.get(TITLE_FIELD)
    code = entry.values.get(CODE_FIELD)
    text = name.strip() if isinstance(name, str) else ""
    code_text = code.strip() if isinstance(code, str) else ""
    if text and code_text:
        return f"{text} ({code_text})"
    return text or code_text


def _items(
    marks: list[GapMark], labels: Mapping[str, str], words: Mapping[str, str], colon: str
) -> list[str]:
    lines = []
    for mark in marks:
        note = mark.note.strip() or (words["no_words"] if mark.state is GapState.ACQUIRE else "")
        label = _label(mark.code, labels, words)
        lines.append(labelled(label, note, colon) if note else strong(label))
    return lines


def gap_leads(source: ExportSource) -> list[tuple[Entry, dict[str, GapMark]]]:
    """The leads that carry marks, in her order, with their marks."""
    found = []
    for entry in source.entries(LEADS_ID):
        marks = marks_of(entry.values)
        if marks:
            found.append((entry, marks))
    return found


def _ordered(marks: dict[str, GapMark], labels: Mapping[str, str]) -> list[GapMark]:
    """The fiche's order when the labels are known (the caller gives them so), else codes."""
    order = {code: index for index, code in enumerate(labels)}
    return sorted(marks.values(), key=lambda mark: (order.get(mark.code, len(order)), mark.code))


def skills_gap_section(doc: Doc, source: ExportSource, level: int, *, complete: bool) -> None:
    """The section, if any lead carries marks; nothing otherwise.

    Args:
        doc: The document being written.
        source: The workbook's snapshot, with the referential's labels if found.
        level: The heading's level.
        complete: Every mark (the detailed results), or only what is to acquire
            (the synthesis).
    """
    leads = gap_leads(source)
    if not leads:
        return
    words = _words(source.language)
    labels = source.referential_labels
    doc.heading(level, words["heading"])
    versions = set()
    for entry, marks in leads:
        version = referential_version(entry.values)
        versions.add(version)
        ordered = _ordered(marks, labels)
        groups = [(GapState.ACQUIRE, "acquire")]
        if complete:
            groups += [(GapState.HAVE, "have"), (GapState.NOT_FOR_ME, "not_for_me")]
        doc.raw(strong(_lead_name(entry)))
        shown = False
        for state, key in groups:
            chosen = [mark for mark in ordered if mark.state is state]
            if chosen:
                shown = True
                doc.raw(strong(words[key]) + doc.colon.rstrip())
                doc.bullets(_items(chosen, labels, words, doc.colon))
        if not shown:
            doc.para(words["nothing"])
    known = sorted(version for version in versions if version is not None)
    if known:
        doc.para(" ".join(words["source"].format(version=version) for version in known))
    else:
        doc.para(words["source_unknown"])


def gap_json(values: Mapping[str, JSONValue], labels: Mapping[str, str]) -> dict[str, Any]:
    """A lead's marks for the JSON export (``{}`` without marks): nothing is left behind.

    Each mark keeps its official code, her answer and her words; the label is
    added when the referential gave it (``referential_labels``).
    """
    marks = marks_of(values)
    if not marks:
        return {}
    return {
        "skills_gap": {
            "referential": "France Travail, ROME 4.0",
            "version": referential_version(values),
            "marks": [
                {"code": mark.code, "state": mark.state.value, "note": mark.note}
                | ({"label": labels[mark.code]} if mark.code in labels else {})
                for mark in _ordered(marks, labels)
            ],
        }
    }
