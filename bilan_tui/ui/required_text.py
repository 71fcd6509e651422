"""The line that says why an exercise cannot be marked as done yet."""

from __future__ import annotations

from bilan_tui.domain.model import Exercise
from bilan_tui.domain.required import MissingAnswer
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, ngettext


def not_done_yet(exercise: Exercise, missing: tuple[MissingAnswer, ...]) -> str:
    """Name the first missing answer, and how many more there are (starred fields)."""
    first = missing[0]
    if not first.label:
        entry = clean_text(exercise.entry_label) or _("an entry")
        return _("Not done yet: add {entry} first.").format(entry=entry)
    label = clean_text(first.label).rstrip(" ?:.")
    if first.entry_number:
        label = _("entry {number}: {label}").format(number=first.entry_number, label=label)
    more = len(missing) - 1
    if not more:
        return _("Not done yet: answer “{label}” first (marked with *).").format(label=label)
    return ngettext(
        "Not done yet: answer “{label}” first, and {count} more answer marked with *.",
        "Not done yet: answer “{label}” first, and {count} more answers marked with *.",
        more,
    ).format(label=label, count=more)
