"""Synthesis parts 2 and 3: competencies and aptitudes; interests, values, motivations.

Every claimed strength cites what supports it: the achievement stories that
name it and the feedback from others that names it. A strength nobody and
nothing supports yet is kept, but flagged: a consultant would ask for an
example before signing it.
"""

from __future__ import annotations

from bilan_tui.domain.answers import Entry
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.ordinal import ordinal
from bilan_tui.domain.parts import Field, FieldType
from bilan_tui.domain.profile import LikertPart
from bilan_tui.domain.scoring import RatedItem
from bilan_tui.domain.scoring.grid import RATING_MAX
from bilan_tui.domain.scoring.likert import split_top

from .detail_kinds import likert_reading
from .doc import labelled, plain, strong
from .synthese_context import Synthesis
from .values import display
from .wording import Wording, lower_first, upper_first


def _giver(syn: Synthesis, entry: Entry) -> str:
    """Who gave a piece of feedback: the name as written, else how they know the person."""
    reader = syn.reader("entourage")
    name = reader.entry_text(entry.values, "personne")
    relation = reader.entry_text(entry.values, "lien")
    return name or (lower_first(relation) if relation else syn.words("someone"))


def _support(syn: Synthesis, rated: RatedItem, feedback: dict[str, Entry]) -> str | None:
    """What backs an asset: the stories and the feedback naming it, or ``None``."""
    words = syn.words
    skills = syn.profile.skills
    stories = [words.quote(proof.title) for proof in rated.item.evidence if proof.title]
    givers = []
    if skills is not None:
        for proof in skills.feedback.get(rated.item.key, ()):
            entry = feedback.get(proof.entry_id)
            givers.append(words.of(_giver(syn, entry) if entry else proof.who))
    parts = []
    if stories:
        parts.append(words("stories_cited", count=len(stories), titles=words.join(stories)))
    if givers:
        parts.append(words("feedback_cited", count=len(givers), who=words.join(givers)))
    return words("supported_by", what=words("and_then").join(parts)) if parts else None


def _wanted_most(rated: RatedItem) -> bool:
    return rated.desire == RATING_MAX


def _mastered_best(rated: RatedItem) -> bool:
    return rated.mastery == RATING_MAX


def _assets(syn: Synthesis) -> None:
    words = syn.words
    skills = syn.profile.skills
    syn.doc.heading(3, words("assets"))
    if skills is None or skills.empty:
        syn.not_explored(skills.exercise.id if skills else "competences")
        return
    feedback = {entry.id: entry for entry in syn.source.entries("entourage")}
    backed: list[str] = []
    unbacked = 0
    for rated in skills.result.assets:
        support = _support(syn, rated, feedback)
        if support is None:
            unbacked += 1
            continue
        name = upper_first(rated.item.text)
        rating = words("mastery_wish", m=rated.mastery, w=rated.desire)
        backed.append(strong(name) + " — " + plain(rating) + "\\\n" + plain(support))
    if not backed and not unbacked:
        syn.doc.para(words("no_assets"))
    else:
        syn.doc.para(words("assets_count", count=len(backed) + unbacked, supported=len(backed)))
        syn.doc.bullets(backed)
    if unbacked:
        # One line, not a list: unsupported strengths would outweigh the
        # evidenced ones, and the detailed results list them all.
        syn.doc.para(words("no_support", count=unbacked))
    for key, items, clearest in (
        ("to_develop", skills.result.to_develop, _wanted_most),
        ("to_let_go", skills.result.to_let_go, _mastered_best),
    ):
        if not items:
            continue
        # The clearest signals only (wanted most; mastered best yet unwanted):
        # the detailed results list every rated skill.
        shown = [rated for rated in items if clearest(rated)] or list(items)
        syn.doc.heading(3, words(f"quadrant_{key}"))
        syn.doc.bullets([plain(upper_first(rated.item.text)) for rated in shown])
        if len(shown) < len(items):
            syn.doc.para(words("more_in_detail", count=len(items) - len(shown)))


def _feedback(syn: Synthesis) -> None:
    words = syn.words
    syn.doc.heading(3, words("feedback"))
    if not syn.require("entourage"):
        return
    reader = syn.reader("entourage")
    colon = words.colon()
    items = []
    for entry in syn.source.entries("entourage"):
        strengths = reader.entry_text(entry.values, "forces")
        said = reader.entry_text(entry.values, "forces_detail")
        text = strengths or ""
        if said:
            text = f"{text} — {words.quote(said)}" if text else words.quote(said)
        if text:
            items.append(labelled(_giver(syn, entry), text, colon))
    syn.doc.bullets(items)


def _dimension_lines(syn: Synthesis, part: LikertPart, count: int) -> list[str]:
    """Title, score and description of the strongest dimensions, a tie at the cut included.

    The rule of ``split_top``, as on the profile screen: every dimension tied for
    the last place is listed, and the sentence after the list says so.
    """
    split = split_top(part.result.ranked, count)
    lines = []
    for dim in (*split.clear, *split.tied):
        # No score: these are her own ratings, and "94/100" reads like a test result.
        line = strong(dim.dimension.title)
        if dim.dimension.description:
            line += " — " + plain(dim.dimension.description)
        lines.append(line)
    return lines


def _likert_part(syn: Synthesis, part: LikertPart | None, key: str, fallback_id: str) -> bool:
    """Heading, then the strongest dimensions; a code first for a lettered profile."""
    syn.doc.heading(3, syn.words(key))
    if part is None or part.empty:
        syn.not_explored(part.exercise.id if part else fallback_id)
        return False
    result = part.result
    lettered = all(len(dim.label) == 1 for dim in result.ranked)
    if lettered:
        likert_reading(syn.doc, result, syn.words)
    count = part.exercise.top or 3
    syn.doc.para(syn.words("self_assessed"))
    syn.doc.bullets(_dimension_lines(syn, part, count))
    split = split_top(result.ranked, count)
    if split.tied and not lettered:
        names = ", ".join(dim.dimension.title for dim in split.tied)
        place = ordinal(split.place, syn.words.language)
        syn.doc.para(syn.words("tied_for_place", place=place, names=names))
    if not lettered and result.flat and result.differentiation is not None:
        syn.doc.para(syn.words("flat_profile", spread=round(result.differentiation)))
    return True


def competencies(syn: Synthesis) -> None:
    """Assets with their evidence, what to develop, feedback, aptitudes."""
    if syn.includes("competencies"):
        _assets(syn)
    if syn.includes("feedback"):
        _feedback(syn)
    if syn.includes("competencies"):
        _likert_part(syn, syn.profile.aptitudes, "aptitudes", "aptitudes")


def _interests(syn: Synthesis) -> None:
    _likert_part(syn, syn.profile.interests, "interests", "interets")


def _values(syn: Synthesis) -> None:
    words = syn.words
    part = syn.profile.values
    syn.doc.heading(3, words("values"))
    if part is None or part.empty:
        syn.not_explored(part.exercise.id if part else "valeurs")
        return
    items = []
    for ranked in part.result.top:
        line = strong(ranked.card.title)
        if ranked.definition:
            line += " — " + plain(words.quote(ranked.definition))
        elif ranked.card.description:
            line += " — " + plain(ranked.card.description)
        items.append(line)
    syn.doc.numbered(items)
    if any(not ranked.definition for ranked in part.result.top):
        syn.doc.note(words("values_undefined"))


def _motivations(syn: Synthesis) -> None:
    part = syn.profile.motivations
    explored = _likert_part(syn, part, "motivations", "motivations")
    if explored or syn.explored("motivations"):
        syn.answers(
            "motivations",
            [("energises", "energie"), ("drains", "fatigue"), ("deal_breakers", "redhibitoire")],
        )


SETTING_FIELDS = (
    ("setting_structure", "type_structure"),
    ("setting_sectors", "secteurs_attirants"),
    ("setting_avoid", "secteurs_a_eviter"),
    ("setting_team", "equipe"),
    ("setting_place", "interieur_exterieur"),
    ("setting_pace", "rythme"),
    ("setting_remote", "teletravail"),
    ("setting_hours", "horaires"),
    ("setting_travel", "deplacements"),
    ("setting_commute", "trajet_max"),
    ("setting_salary_floor", "salaire_plancher"),
    ("setting_salary_target", "salaire_cible"),
    ("setting_responsibility", "niveau_responsabilite"),
)


def scale_words(field: Field, value: int, words: Wording) -> str | None:
    """Where an answer sits between a scale's two labelled ends, as words.

    ``4`` from "En solitaire" (1) to "En équipe" (5) reads "plutôt en équipe
    (4 sur 5)", not a raw "4 sur 5" with both ends quoted.
    """
    low, high = field.min if field.min is not None else 1, field.max
    if not (field.min_label and field.max_label) or high is None or high <= low:
        return None
    low_words, high_words = lower_first(field.min_label), lower_first(field.max_label)
    middle = (low + high) / 2
    if value == middle:
        return words("scale_middle", low=low_words, high=high_words)
    side = high_words if value > middle else low_words
    key = "scale_end" if value in (low, high) else "scale_leaning"
    return words(key, side=side, value=value, max=high)


def setting_value(syn: Synthesis, exercise: Exercise, field_id: str) -> str | None:
    """A setting answer worded for the synthesis (scale ends, minutes, euros)."""
    reader = syn.reader(exercise.id)
    field = reader.field(field_id)
    value = reader.raw(field_id)
    if field is None or value is None:
        return None
    words = syn.words
    if field.type is FieldType.RATING and isinstance(value, int) and not isinstance(value, bool):
        placed = scale_words(field, value, words)
        if placed:
            return placed
    if field_id == "trajet_max" and isinstance(value, (int, float)):
        return words("minutes", count=value)
    if field_id.startswith("salaire") and isinstance(value, (int, float)):
        return words("euros_per_year", amount=words.number(value))
    text = display(field, value, words)
    return lower_first(text) if text and field.type is FieldType.CHOICE else text


def _setting(syn: Synthesis) -> None:
    syn.doc.heading(3, syn.words("setting"))
    exercise = syn.exercise("environnement")
    if exercise is None or not syn.require("environnement"):
        return
    syn.facts(
        [
            (syn.words(key), setting_value(syn, exercise, field_id))
            for key, field_id in SETTING_FIELDS
        ]
    )
    syn.answers("environnement", [("ideal_day", "journee_ideale")])


def interests_values(syn: Synthesis) -> None:
    """The interest code, the top values with definitions, motivations, ideal setting."""
    _interests(syn)
    _values(syn)
    _motivations(syn)
    _setting(syn)
