"""Synthesis parts 4 to 7: the project, its conditions, the steps, the observations.

The project is shown with what verified it: the leads compared, and the
informational interviews that confirmed or questioned it. Constraints the
person marked private (family, health, income during the transition) stay
out unless they chose to include them.
"""

from __future__ import annotations

from collections.abc import Mapping

from .detail_kinds import ranking_table, sensitivity_line
from .doc import labelled, plain, strong
from .results import matrix, matrix_sensitivity
from .skills_gap import skills_gap_section
from .synthese_context import Synthesis
from .wording import lower_first


def _project_statement(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("project_statement"))
    if not syn.require("projet"):
        return
    reader = syn.reader("projet")
    syn.facts(
        [
            (words("target_job"), reader.text("metier_cible")),
            (words("rome_code"), reader.text("code_rome")),
            (words("setting_of_job"), reader.text("cadre")),
        ]
    )
    syn.doc.para(reader.text("enonce") or "")
    syn.answers(
        "projet",
        [
            ("fit_interests", "coherence_interets"),
            ("fit_values", "coherence_valeurs"),
            ("strengths_used", "atouts"),
            ("realism", "realisme"),
            ("training_needed", "projet_formation"),
        ],
    )


def _leads(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("alternatives"))
    if not (syn.explored("comparaison") or syn.explored("pistes") or syn.explored("projet")):
        syn.not_explored("comparaison")
        return
    # The main project and the plan B each appear once: as the conclusions word
    # them ("Mon projet"), the comparison's wording only when those are empty.
    project = syn.reader("projet")
    if not project.text("metier_cible"):
        syn.answers("comparaison", [("main_project", "projet_principal")])
    if project.text("alternatives"):
        syn.answers("projet", [("fallback", "alternatives")])
    else:
        syn.answers("comparaison", [("alternative", "alternatives")])
    exercise = syn.exercise("comparaison")
    if exercise is not None and syn.explored("comparaison"):
        result = matrix(syn.source, exercise)
        if result.ranking:
            syn.doc.para(words("matrix_ranking"))
            ranking_table(syn.doc, result, words)
            sensitivity_line(syn.doc, result, matrix_sensitivity(syn.source, exercise), words)
    reader = syn.reader("pistes")
    items = []
    for entry in syn.source.entries("pistes"):
        name = reader.entry_text(entry.values, "metier")
        status = reader.entry_text(entry.values, "statut")
        if name:
            items.append(strong(name) + (" — " + plain(lower_first(status)) if status else ""))
    if items:
        syn.doc.para(words("leads_explored"))
        syn.doc.bullets(items)
    comment = syn.reader("comparaison").text("commentaire")
    syn.doc.labelled(words("ranking_comment"), comment)


def _interviews(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("interviews"))
    if not syn.require("enquetes"):
        return
    reader = syn.reader("enquetes")
    rows: list[list[str]] = []
    lessons: list[str] = []
    for entry in syn.source.entries("enquetes"):
        values = entry.values
        job = reader.entry_text(values, "metier") or words("unnamed")
        when = reader.entry_text(values, "date") or "—"
        who = reader.entry_text(values, "personne")
        where = reader.entry_text(values, "structure")
        mode = reader.entry_text(values, "mode")
        verdict = reader.entry_text(values, "verdict")
        met = " — ".join(part for part in (who, where) if part) or "—"
        rows.append(
            [
                when,
                job,
                met,
                lower_first(mode) if mode else "—",
                lower_first(verdict) if verdict else "—",
            ]
        )
        learned = reader.entry_text(values, "appris")
        if learned:
            lessons.append(
                labelled(f"{job} ({when})" if when != "—" else job, learned, syn.doc.colon)
            )
    # One row per interview: who, how, and what it did to the lead; what was
    # confirmed or questioned, interview by interview, is in the detailed results.
    syn.doc.table(
        [
            words("interview_date"),
            words("occupation"),
            words("interviewee"),
            words("interview_mode"),
            words("verdict"),
        ],
        rows,
    )
    if lessons:
        syn.doc.para(words("lessons"))
        syn.doc.bullets(lessons)


def project(syn: Synthesis) -> None:
    """The project in the person's words, the alternatives, the interviews."""
    if syn.includes("project"):
        _project_statement(syn)
        _leads(syn)
        skills_gap_section(syn.doc, syn.source, 3, complete=False)
    if syn.includes("interviews"):
        _interviews(syn)


def _euros(syn: Synthesis, exercise_id: str, field_id: str, key: str) -> str | None:
    value = syn.reader(exercise_id).raw(field_id)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return syn.words(key, amount=syn.words.number(value))


def _training(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("training"))
    if not syn.require("conditions"):
        return
    reader = syn.reader("conditions")
    syn.answers("conditions", [("levers", "leviers"), ("obstacles", "obstacles")])
    cpf = _euros(syn, "conditions", "solde_cpf", "euros")
    vae = reader.raw("vae_pertinente")
    vae_text = None
    if vae is True:
        target = reader.text("vae_certification")
        vae_text = words("vae_yes_for", target=target) if target else words("vae_yes")
    elif vae is False:
        vae_text = words("vae_no")
    syn.facts(
        [
            (words("training_name"), reader.text("formation_intitule")),
            (words("rncp_code"), reader.text("formation_rncp")),
            (words("training_provider"), reader.text("formation_organisme")),
            (words("training_length"), reader.text("formation_duree")),
            (words("training_cost"), _euros(syn, "conditions", "formation_cout", "euros")),
            (words("training_funding"), reader.text("formation_financement")),
            (words("cpf_balance"), cpf),
            (words("vae"), vae_text),
        ]
    )
    syn.answers(
        "conditions",
        [("transition_income", "revenus_transition"), ("support_after", "soutiens")],
    )


def _constraints(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("constraints"))
    if not syn.require("contraintes"):
        return
    reader = syn.reader("contraintes")
    mobility = reader.text("mobilite")
    months = reader.raw("marge_financiere_mois")
    margin = None
    if isinstance(months, (int, float)) and not isinstance(months, bool):
        margin = words("months", count=months)
    syn.facts(
        [
            (words("mobility"), lower_first(mobility) if mobility else None),
            (words("moving_house"), lower_first(reader.text("demenagement") or "") or None),
            (
                words("income_floor"),
                _euros(syn, "contraintes", "revenu_minimum", "euros_per_month"),
            ),
            (words("financial_margin"), margin),
        ]
    )
    syn.answers(
        "contraintes",
        [
            ("time_available", "temps_disponible"),
            ("family_constraints", "contraintes_familiales"),
            ("functional_limits", "limites_fonctionnelles"),
            ("network", "reseau"),
            ("supporters", "soutiens"),
        ],
    )


def conditions(syn: Synthesis) -> None:
    """Levers and obstacles, training and funding, VAE, constraints that are not private."""
    if syn.includes("training"):
        _training(syn)
    if syn.includes("constraints"):
        _constraints(syn)


def _plan(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("action_plan"))
    if not syn.require("plan-action"):
        return
    reader = syn.reader("plan-action")
    entries = syn.source.entries("plan-action")

    def when(entry_values: Mapping[str, object]) -> str:
        value = entry_values.get("echeance")
        return value if isinstance(value, str) and value else "9999"

    rows = []
    for entry in sorted(entries, key=lambda entry: when(entry.values)):
        values = entry.values
        action = reader.entry_text(values, "action")
        if not action:
            continue
        rows.append(
            [
                reader.entry_text(values, "echeance") or "—",
                action,
                reader.entry_text(values, "indicateur") or "—",
                reader.entry_text(values, "aide") or "—",
                reader.entry_text(values, "statut") or "—",
            ]
        )
    syn.doc.table(
        [words("deadline"), words("step"), words("indicator"), words("helper"), words("state")],
        rows,
    )


def _follow_up(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("follow_up"))
    if not syn.require("suivi"):
        return
    reader = syn.reader("suivi")
    date = reader.text("date_suivi")
    if date:
        syn.doc.para(words("follow_up_on", date=date))
    syn.answers(
        "suivi",
        [
            ("review_points", "points_revue"),
            ("progress_signs", "indicateurs"),
            ("contact", "contact"),
            ("note_to_self", "mot_a_soi"),
        ],
    )


def steps(syn: Synthesis) -> None:
    """The dated action plan, then the follow-up interview."""
    _plan(syn)
    _follow_up(syn)


THEMES = (
    ("theme_interests", "accord_interets", "observation_interets"),
    ("theme_values", "accord_valeurs", "observation_valeurs"),
    ("theme_skills", "accord_competences", "observation_competences"),
    ("theme_aptitudes", "accord_aptitudes", "observation_aptitudes"),
    ("theme_motivations", "accord_motivations", "observation_motivations"),
    ("theme_project", "accord_projet", "observation_projet"),
)


def observations(syn: Synthesis) -> None:
    """The person's own reading of their results, theme by theme."""
    words = syn.words
    if not syn.require("appropriation"):
        return
    reader = syn.reader("appropriation")
    syn.doc.para(reader.text("observations") or "")
    colon = words.colon()
    items = []
    for key, agree_id, note_id in THEMES:
        agree = reader.text(agree_id)
        note = reader.text(note_id)
        parts = [lower_first(agree)] if agree else []
        if note:
            parts.append(words.quote(note))
        if parts:
            items.append(labelled(words(key), " — ".join(parts), colon))
    if items:
        syn.doc.para(words("themes_intro"))
        syn.doc.bullets(items)
    syn.answers("appropriation", [("surprises", "surprises")])
