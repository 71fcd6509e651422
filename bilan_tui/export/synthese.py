"""The *document de synthèse*: what the person walks away with.

It follows the order a consultant writes it in (R6313-4 and long-standing
practice): the circumstances of the bilan, competencies and aptitudes,
interests, values and motivations, the project and its alternatives, the
conditions and means, the main steps and the follow-up, her opening questions
answered, the part written by the person who accompanies the bilan, the
beneficiary's observations last, and a confidentiality notice. Until the
consultant's part is written, the document is titled as a draft. Each part reads the shipped
pack's exercises by id; a part whose exercise was not worked on says so in
one line instead of leaving an empty heading.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilan_tui.domain.model import PHASE_IDS

from .common import confidentiality, phase_title, title_block
from .doc import Doc
from .options import ExportOptions
from .source import ExportSource
from .synthese_context import Synthesis
from .synthese_profile import competencies, interests_values
from .synthese_project import conditions, observations, project, steps
from .synthese_summary import at_a_glance
from .synthese_voices import (
    authorship,
    consultant_section,
    handed_over_line,
    questions_answered,
    title_key,
)
from .wording import Wording, lower_first


@dataclass(frozen=True, slots=True)
class Section:
    """One numbered part of the synthesis, as Markdown (the JSON export lists them)."""

    id: str
    title: str
    markdown: str


def _request(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("request"))
    if not syn.require("demande"):
        return
    reader = syn.reader("demande")
    syn.doc.labelled(words("trigger"), reader.text("declencheur"))
    initiative = reader.text("initiative")
    syn.doc.labelled(words("initiative"), lower_first(initiative) if initiative else None)
    syn.answers(
        "demande",
        [
            ("initiative_feeling", "initiative_ressenti"),
            ("expectations", "attentes"),
            ("questions", "questions"),
            ("success", "reussite"),
            ("first_ideas", "hypotheses"),
            ("deadlines", "echeances"),
        ],
    )


def _years(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return round(value)


def _career(syn: Synthesis) -> str | None:
    """ "19 ans, dont 17 dans le métier actuel": the career in one line."""
    reader = syn.reader("situation")
    total = _years(reader.raw("experience_annees"))
    in_job = _years(reader.raw("experience_metier"))
    if total is None:
        return syn.words("years_in_job", count=in_job) if in_job is not None else None
    if not in_job or in_job >= total:
        return syn.words("years", count=total)
    return syn.words("years", count=total) + syn.words("of_which_in_job", count=in_job)


def _situation(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("situation"))
    if not syn.require("situation"):
        return
    reader = syn.reader("situation")
    experience = _career(syn)
    degree = reader.text("diplome")
    status = reader.text("statut")
    syn.facts(
        [
            (words("job"), reader.text("poste")),
            (words("sector"), reader.text("secteur")),
            (words("status"), lower_first(status) if status else None),
            (words("experience"), experience),
            (words("degree"), degree),
            (words("certificates"), reader.text("diplome_intitule")),
        ]
    )
    syn.answers("situation", [("weighs", "ce_qui_pese"), ("support_points", "points_appui")])


def _period(syn: Synthesis) -> str | None:
    reader = syn.reader("modalites")
    words = syn.words
    summary = syn.source.ledger_summary()
    start = reader.text("date_debut") or (
        words.date(summary.first_date) if summary.first_date else None
    )
    end = reader.text("date_fin") or (words.date(summary.last_date) if summary.last_date else None)
    if start and end:
        return words("from_to", start=start, end=end)
    if start:
        return words("since", start=start)
    return None


def _arrangements(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("arrangements"))
    reader = syn.reader("modalites")
    consultant = reader.text("consultant")
    organisation = reader.text("organisme")
    who = " — ".join(part for part in (consultant, organisation) if part) or None
    format_ = reader.text("format")
    funding = reader.text("financement")
    working_time = reader.text("temps_travail")
    syn.facts(
        [
            (words("consultant"), who),
            (words("period"), _period(syn)),
            (words("format"), lower_first(format_) if format_ else None),
            (words("pace"), reader.text("rythme")),
            (words("funding"), lower_first(funding) if funding else None),
            (words("working_time"), lower_first(working_time) if working_time else None),
        ]
    )
    _hours(syn)


def _hours(syn: Synthesis) -> None:
    """The hours in one sentence; the table by phase is in the appendix."""
    words = syn.words
    summary = syn.source.ledger_summary()
    if not summary.accompagnement_minutes and not summary.personnel_minutes:
        syn.doc.note(words("no_hours"))
        return
    syn.doc.para(
        words(
            "hours_total",
            used=words.duration(summary.accompagnement_minutes),
            budget=words.hours(summary.budget_hours),
            own=words.duration(summary.personnel_minutes),
        )
    )
    if summary.accompagnement_minutes > round(summary.budget_hours * 60):
        syn.doc.note(words("over_budget"))


def _hours_by_phase(syn: Synthesis) -> bool:
    """The hours table by phase, for the appendix; ``False`` when no hour is logged."""
    words = syn.words
    summary = syn.source.ledger_summary()
    if not summary.accompagnement_minutes and not summary.personnel_minutes:
        return False
    rows = []
    for phase_id in PHASE_IDS:
        phase = summary.by_phase.get(phase_id)
        if phase is None:
            continue
        planned = words.hours(phase.planned_hours) if phase.planned_hours is not None else "—"
        rows.append(
            [
                phase_title(phase_id, words),
                words.duration(phase.accompagnement_minutes),
                planned,
                words.duration(phase.personnel_minutes),
            ]
        )
    syn.doc.table(
        [words("phase"), words("accompaniment"), words("planned"), words("personal_work")], rows
    )
    return True


def _circumstances(syn: Synthesis) -> None:
    if syn.includes("request"):
        _request(syn)
    if syn.includes("situation"):
        _situation(syn)
    if syn.includes("arrangements"):
        _arrangements(syn)


PARTS = (
    ("circumstances", "section_circumstances", _circumstances),
    ("competencies", "section_competencies", competencies),
    ("interests", "section_interests", interests_values),
    ("project", "section_project", project),
    ("conditions", "section_conditions", conditions),
    ("steps", "section_steps", steps),
    ("questions", "section_questions", questions_answered),
    ("consultant", "section_consultant", consultant_section),
    ("observations", "section_observations", observations),
)

SECTION_PARTS: dict[str, frozenset[str]] = {
    "circumstances": frozenset({"request", "situation", "arrangements"}),
    "competencies": frozenset({"competencies", "feedback"}),
    "interests": frozenset({"interests"}),
    "project": frozenset({"project", "interviews"}),
    "conditions": frozenset({"training", "constraints"}),
    "steps": frozenset({"steps"}),
    "questions": frozenset({"request"}),
    "consultant": frozenset({"consultant"}),
    "observations": frozenset({"observations"}),
}
"""The parts of the bilan (``export.contents``) each section is written from."""


def synthesis_sections(source: ExportSource, options: ExportOptions) -> list[Section]:
    """Every numbered part of the synthesis the copy holds, then the confidentiality notice."""
    syn = Synthesis.start(source, options)
    sections = []
    if at_a_glance(syn):
        sections.append(Section("summary", syn.words("at_a_glance"), syn.doc.text()))
    chosen = [part for part in PARTS if SECTION_PARTS[part[0]] & options.parts]
    for number, (section_id, key, write) in enumerate(chosen, start=1):
        syn.doc = Doc(syn.words.colon())
        title = f"{number}. {syn.words(key)}"
        syn.doc.heading(2, title)
        write(syn)
        sections.append(Section(section_id, title, syn.doc.text()))
    if "arrangements" in options.parts:
        # Figures a reader seldom needs: after the conclusions, not before them.
        syn.doc = Doc(syn.words.colon())
        title = syn.words("appendix_hours")
        syn.doc.heading(2, title)
        if _hours_by_phase(syn):
            sections.append(Section("appendix_hours", title, syn.doc.text()))
    syn.doc = Doc(syn.words.colon())
    confidentiality(syn.doc, source, options, 2)
    sections.append(Section("confidentiality", syn.words("confidentiality"), syn.doc.text()))
    return sections


def synthesis_markdown(source: ExportSource, options: ExportOptions) -> str:
    """The synthesis as one Markdown document."""
    words = Wording(source.language)
    syn = Synthesis.start(source, options)
    title_block(syn.doc, words(title_key(source, options.include_private)), source, options)
    handed_over_line(syn)
    syn.doc.para(words("synthesis_intro"))
    authorship(syn)
    parts = [syn.doc.text()] + [section.markdown for section in synthesis_sections(source, options)]
    return "\n".join(parts)
