"""The body of one exercise in the detailed results, per kind.

Every answer appears, with the scores derived from it: forms and records as
question and answer, likert scales as scores then item by item, card sorts as
the ranked top then the piles, grids by quadrant, matrices as a table.
"""

from __future__ import annotations

from bilan_tui.domain.answers import Entry
from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring import LikertResult, MatrixResult, RatedItem, WeightFlip
from bilan_tui.domain.scoring.likert import near_ties, rating

from . import results
from .doc import Doc, labelled, plain, strong
from .source import ExportSource
from .values import Reader
from .wording import Wording, lower_first, upper_first


def _answer(label: str, value: str) -> str:
    """The question in bold, the answer on the next line (keeping its breaks)."""
    return strong(label) + "\\\n" + plain(value)


def fields(doc: Doc, reader: Reader, entry: Entry | None = None) -> int:
    """Every answered field as question and answer.

    Private fields are neither shown nor counted as unanswered: the source
    has already left them out and counted them (``ExportSource.withheld``).

    Returns:
        How many questions have no answer, for the closing note.
    """
    exercise = reader.exercise
    if exercise is None:
        return 0
    unanswered = 0
    for field in exercise.fields:
        if reader.field(field.id) is None:
            continue
        text = reader.entry_text(entry.values, field.id) if entry else reader.text(field.id)
        if text is None:
            unanswered += 1
        else:
            doc.raw(_answer(field.label, text))
    return unanswered


def entry_heading(reader: Reader, entry: Entry, number: int) -> str:
    """A numbered title: the entry's first shown summary field, else its first text."""
    exercise = reader.exercise
    ids = list(exercise.summary_fields) if exercise else []
    ids += [field.id for field in exercise.fields] if exercise else []
    for field_id in ids:
        text = reader.entry_text(entry.values, field_id)
        if text and "\n" not in text:
            return f"{number}. {text}"
    return f"{number}."


def records(doc: Doc, reader: Reader, level: int) -> None:
    """Each entry under its own heading, fields as question and answer."""
    for number, entry in enumerate(reader.answers.entries(), start=1):
        doc.heading(level, entry_heading(reader, entry, number))
        fields(doc, reader, entry)


def letters_only(result: LikertResult) -> bool:
    """Whether every dimension is a letter (a RIASEC-like code), not a named dimension."""
    return all(len(dim.label) == 1 for dim in result.ranked)


def likert_reading(doc: Doc, result: LikertResult, words: Wording) -> None:
    """The code, its ties, its consistency and how differentiated it is."""
    if result.code:
        letters = letters_only(result)
        doc.raw(labelled(words("code" if letters else "strongest"), result.display_code, doc.colon))
    if result.tied:
        groups = [" = ".join(group) for group in result.tied]
        doc.para(words("ties", groups=words.join(groups)))
    if result.code and letters_only(result):
        pairs = near_ties(result.ranked, len(result.code))
        if pairs:
            shown = [
                words(
                    "near_pair",
                    a=lower_first(upper.dimension.title),
                    b=lower_first(lower.dimension.title),
                    sa=round(upper.score or 0),
                    sb=round(lower.score or 0),
                )
                for upper, lower in pairs
            ]
            doc.para(words("near_ties", pairs=words.join(shown)))
    if result.consistency is not None:
        doc.para(words(f"consistency_{result.consistency.value}"))
    if result.flat and result.differentiation is not None:
        doc.para(words("flat_profile", spread=round(result.differentiation)))


def likert(doc: Doc, source: ExportSource, exercise: Exercise, words: Wording, level: int) -> None:
    """Scores per dimension, the code, then every item's answer."""
    result = results.likert(source, exercise)
    likert_reading(doc, result, words)
    ranked = list(result.ranked) + [dim for dim in result.dimensions if dim.score is None]
    doc.table(
        [words("dimension"), words("score"), words("items_answered")],
        [
            [
                dim.dimension.title,
                words.score(dim.score) if dim.score is not None else "—",
                f"{dim.answered}/{dim.total}",
            ]
            for dim in ranked
        ],
    )
    scale = exercise.scale
    titles = {dim.id: dim.title for dim in exercise.dimensions}
    rows = []
    for item in exercise.items:
        value = rating(exercise, source.exercise_answers(exercise.ref), item.id)
        if value is not None:
            answer = scale.label_for(item, value) if scale else str(value)
            text, dimension = item.text, titles.get(item.dimension, item.dimension)
            if item.forced_choice:
                text = words("forced_pair", first=item.text, second=item.versus_text)
                versus = titles.get(item.versus, item.versus)
                dimension = words("forced_pair", first=dimension, second=versus)
            rows.append([text, dimension, answer])
    if rows:
        doc.heading(level, words("item_answers"))
        doc.table([words("statement"), words("dimension"), words("answer")], rows)


def cardsort(doc: Doc, source: ExportSource, exercise: Exercise, words: Wording) -> None:
    """The ranked top with the person's definitions, then every pile."""
    result = results.cardsort(source, exercise)
    items = []
    for ranked in result.top:
        line = strong(ranked.card.title)
        if ranked.definition:
            line += " — " + plain(words.quote(ranked.definition))
        elif ranked.card.description:
            line += " — " + plain(ranked.card.description)
        items.append(line)
    doc.numbered(items)
    if result.missing:
        doc.note(words("cards_missing", count=result.missing))
    for pile in result.piles:
        if pile.cards:
            names = ", ".join(card.title for card in pile.cards)
            doc.raw(labelled(pile.pile.title, names, doc.colon))
    if result.unsorted:
        names = ", ".join(card.title for card in result.unsorted)
        doc.raw(labelled(words("unsorted"), names, doc.colon))


def rated_line(item: RatedItem, words: Wording) -> str:
    """'Listening — mastery 3/3, desire 2/3 (stories: A; B)'."""
    rating = words("mastery_wish", m=item.mastery, w=item.desire)
    line = plain(upper_first(item.item.text)) + " — " + plain(rating)
    titles = [proof.title for proof in item.item.evidence if proof.title]
    if titles:
        line += " " + plain(words("stories_in_brackets", titles=words("list_sep").join(titles)))
    return line


def grid(doc: Doc, source: ExportSource, exercise: Exercise, words: Wording, level: int) -> None:
    """Items by quadrant, with the stories that cite them."""
    scores = results.grid(source, exercise)
    result = scores.result
    for key, items in (
        ("assets", result.assets),
        ("to_develop", result.to_develop),
        ("to_let_go", result.to_let_go),
        ("neutral", result.neutral),
    ):
        if items:
            doc.heading(level, words(f"quadrant_{key}"))
            doc.bullets([rated_line(item, words) for item in items])
    if result.unrated:
        doc.note(words("unrated_items", count=len(result.unrated)))


def matrix(doc: Doc, source: ExportSource, exercise: Exercise, words: Wording) -> None:
    """Criteria by weight against options, then the ranking."""
    result = results.matrix(source, exercise)
    if not result.options:
        doc.note(words("no_options"))
        return
    headers = [words("criterion_weight")] + [
        option.label or words("unnamed") for option in result.options
    ]
    rows = []
    for index, weight in enumerate(result.weights):
        mark = words("limit_mark") if weight.criterion.eliminatory else f"×{weight.weight}"
        row = [f"{weight.criterion.title} ({mark})"]
        row += [
            str(option.scores[index]) if option.scores[index] is not None else "—"
            for option in result.options
        ]
        rows.append(row)
    rows.append(
        [words("total")] + [f"{option.total}/{option.max_total}" for option in result.options]
    )
    doc.table(headers, rows)
    ranking_table(doc, result, words)
    sensitivity_line(doc, result, results.matrix_sensitivity(source, exercise), words)


def sensitivity_line(
    doc: Doc, result: MatrixResult, flips: tuple[WeightFlip, ...] | None, words: Wording
) -> None:
    """Whether one point of weight would change the lead in first place, in one sentence."""
    if flips is None:
        return
    if not flips:
        doc.para(words("ranking_holds"))
        return
    names = {option.entry_id: option.label or words("unnamed") for option in result.options}
    flip = flips[0]
    key = "ranking_flips_more" if flip.delta > 0 else "ranking_flips_less"
    text = words(key, criterion=flip.criterion.title, lead=names.get(flip.leader, ""))
    if len(flips) > 1:
        text += " " + words("ranking_fragile", count=len(flips))
    doc.para(text)


def ranking_table(doc: Doc, result: MatrixResult, words: Wording) -> None:
    """Rank, option, total and share of the maximum, best first."""
    rows = []
    for option in result.ranking:
        label = option.label or words("unnamed")
        if not option.complete:
            label += " " + words("incomplete")
        if option.eliminated:
            label += " " + words("breaks_limit")
        rows.append(
            [
                "✗" if option.eliminated else str(option.rank),
                label,
                f"{option.total}/{option.max_total}",
                words("percent", value=round(option.percent)),
            ]
        )
    doc.table([words("rank"), words("lead"), words("total"), words("share")], rows)
