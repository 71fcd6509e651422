"""The synthesis's first page: the project, the best-backed strengths, the next steps.

A reader who stops after one page (an employer, a funder, the person herself
a year later) should still know what the bilan concluded: her project as she
would say it in two sentences, the four or five strengths the most evidence
backs, the next three dated steps, and whether her opening questions found
an answer. Each line comes from a part of the bilan
and appears only when the copy holds that part.
"""

from __future__ import annotations

from collections.abc import Mapping

from bilan_tui.domain.answers import Entry
from bilan_tui.domain.scoring import RatedItem
from bilan_tui.domain.scoring.grid import item_head

from .doc import labelled
from .synthese_context import Synthesis
from .synthese_voices import glance_questions
from .wording import upper_first

STRENGTHS_SHOWN = 5
"""At most this many strengths on the first page: the best backed ones."""

STEPS_SHOWN = 3
"""The next steps not done yet, soonest first."""

DONE = "fait"
"""The action plan's status for a step already taken."""


def _project(syn: Synthesis) -> str | None:
    reader = syn.reader("projet")
    said = reader.text("en_deux_phrases")
    if said:
        return said
    job = reader.text("metier_cible")
    return syn.words("aiming_for", job=job) if job else None


def _evidence(syn: Synthesis, rated: RatedItem) -> tuple[int, int]:
    skills = syn.profile.skills
    feedback = len(skills.feedback.get(rated.item.key, ())) if skills else 0
    return len(rated.item.evidence), feedback


def _strengths(syn: Synthesis) -> list[str]:
    """The best-backed strengths by their short head, with how much backs them."""
    skills = syn.profile.skills
    if skills is None:
        return []
    backed = [rated for rated in skills.result.assets if sum(_evidence(syn, rated))]
    backed.sort(key=lambda rated: -sum(_evidence(syn, rated)))
    words = syn.words
    shown = []
    for rated in backed[:STRENGTHS_SHOWN]:
        stories, feedback = _evidence(syn, rated)
        counts = [
            words("stories_n", count=stories) if stories else "",
            words("feedback_n", count=feedback) if feedback else "",
        ]
        name = upper_first(item_head(rated.item.text) or rated.item.text)
        shown.append(f"{name} ({', '.join(part for part in counts if part)})")
    return shown


def _next_steps(syn: Synthesis) -> list[str]:
    """The next steps not taken yet, dated ones first, soonest first."""
    reader = syn.reader("plan-action")

    def when(values: Mapping[str, object]) -> str:
        value = values.get("echeance")
        return value if isinstance(value, str) and value else "9999"

    pending: list[Entry] = [
        entry
        for entry in syn.source.entries("plan-action")
        if entry.values.get("statut") != DONE and reader.entry_text(entry.values, "action")
    ]
    lines = []
    for entry in sorted(pending, key=lambda entry: when(entry.values))[:STEPS_SHOWN]:
        action = reader.entry_text(entry.values, "action") or ""
        date = reader.entry_text(entry.values, "echeance")
        lines.append(labelled(date, action, syn.doc.colon) if date else action)
    return lines


def at_a_glance(syn: Synthesis) -> bool:
    """Write the first page's summary; ``False`` when the copy holds nothing for it."""
    words = syn.words
    project = _project(syn) if syn.includes("project") else None
    strengths = _strengths(syn) if syn.includes("competencies") else []
    steps = _next_steps(syn) if syn.includes("steps") else []
    questions = glance_questions(syn) if syn.includes("request") else []
    if not (project or strengths or steps or questions):
        return False
    syn.doc.heading(2, words("at_a_glance"))
    if project:
        syn.doc.labelled(words("glance_project"), project)
    if strengths:
        syn.doc.labelled(words("glance_strengths"), words.join(strengths) + ".")
    if steps:
        syn.doc.para(words("glance_steps"))
        syn.doc.bullets(steps)
    if questions:
        syn.doc.para(words("glance_revisited"))
        syn.doc.bullets(questions)
    return True
