"""The parts of the profile screen, one builder per part, each a few plain widgets.

Every builder returns the widgets of its part, or a single "what to do" line
when the part is still empty. Pack and user text always goes through
``plain``: a story titled ``[b]`` stays a title.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from bilan_tui.domain.scoring import DimensionScore, GridResult, RatedItem
from bilan_tui.i18n import _, ngettext
from bilan_tui.services.profile import (
    LikertPart,
    SkillsPart,
    ValuesPart,
    interests_sentences,
    top_sentence,
    top_titles,
)
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.profile_bars import BarChart, BarRow

TOP = 3
"""How many aptitudes and motivations stand out."""


def heading(title: str, extra: Content | None = None) -> Static:
    """A part's title, with an optional figure beside it (the code)."""
    text = plain(title).stylize("bold $text-primary")
    if extra is not None:
        text = Content.assemble(text, "  ", extra)
    return Static(text, classes="profile-heading")


def note(text: str) -> Static:
    """A muted sentence under a part."""
    return Static(plain(text), classes="profile-note")


def hint(text: str) -> Static:
    """What to do to fill an empty part."""
    return Static(plain(text), classes="profile-hint")


def _bar(dim: DimensionScore, strong: bool, with_letter: bool) -> BarRow:
    label = dim.dimension.title
    if with_letter and dim.dimension.letter:
        label = f"{dim.dimension.letter}  {label}"
    if dim.score is None:
        return BarRow(label, None, "–")
    return BarRow(label, dim.score / 100, f"{dim.score:.0f}", strong)


def _ranked_with_rest(part: LikertPart) -> list[DimensionScore]:
    """Scored dimensions best first, then the ones without a score yet."""
    rest = [dim for dim in part.result.dimensions if dim.score is None]
    return [*part.result.ranked, *rest]


def interests(part: LikertPart, empty_hint: str) -> list[Widget]:
    """Bars per type, best first, the code beside the title, and how to read it."""
    title = part.exercise.title
    if part.empty:
        return [heading(title), hint(empty_hint)]
    code = part.result.display_code
    strong = {dim.label for dim in part.result.ranked[: max(part.exercise.top, 0)]}
    rows = [_bar(dim, dim.label in strong, True) for dim in _ranked_with_rest(part)]
    extra = Content.assemble(_("code") + " ", Content(code).stylize("bold $accent"))
    return [
        heading(title, extra),
        BarChart(rows, classes="profile-bars"),
        note(" ".join(interests_sentences(part.result))),
    ]


def ranked_bars(part: LikertPart, empty_hint: str, only_top: bool) -> list[Widget]:
    """Aptitudes (every bar, the top three stressed) or motivations (the top three)."""
    title = part.exercise.title
    if part.empty:
        return [heading(title), hint(empty_hint)]
    top = top_titles(part.result, TOP)
    dims = [dim for dim in _ranked_with_rest(part) if not only_top or dim.dimension.title in top]
    rows = [_bar(dim, dim.dimension.title in top, False) for dim in dims]
    widgets: list[Widget] = [heading(title), BarChart(rows, classes="profile-bars")]
    if not only_top:
        widgets.append(note(top_sentence(part.result, TOP)))
    result = part.result
    if result.answered < result.total:
        widgets.append(
            note(
                _("Based on {answered} of {total} answers so far.").format(
                    answered=result.answered, total=result.total
                )
            )
        )
    return widgets


def values(part: ValuesPart, empty_hint: str) -> list[Widget]:
    """The ranked top values, each with the person's definition or the card's."""
    title = part.exercise.title
    if part.empty:
        return [heading(title), hint(empty_hint)]
    lines = []
    for ranked in part.result.top:
        line = Content.assemble(
            Content(f"{ranked.rank}. ").stylize("bold $accent"),
            plain(ranked.card.title).stylize("bold"),
        )
        if ranked.definition:
            line = Content.assemble(
                line, " — ", plain(_("“{text}”").format(text=ranked.definition))
            )
        elif ranked.card.description:
            line = Content.assemble(
                line, " — ", plain(ranked.card.description).stylize("$text-muted")
            )
        lines.append(line)
    widgets: list[Widget] = [
        heading(title),
        Static(Content("\n").join(lines), classes="profile-list"),
    ]
    if part.result.missing:
        widgets.append(
            note(
                ngettext(
                    "Move {count} more card to “{pile}” to complete your top {top}.",
                    "Move {count} more cards to “{pile}” to complete your top {top}.",
                    part.result.missing,
                ).format(
                    count=part.result.missing,
                    pile=part.exercise.piles[0].title if part.exercise.piles else "",
                    top=part.result.wanted,
                )
            )
        )
    return widgets


def _asset_lines(part: SkillsPart, rated: RatedItem) -> list[Content]:
    item = rated.item
    lines = [Content.assemble(Content("● ").stylize("$success"), plain(item.text).stylize("bold"))]
    if item.evidence:
        label = ngettext("{count} story", "{count} stories", len(item.evidence)).format(
            count=len(item.evidence)
        )
        titles = " · ".join(proof.title or "…" for proof in item.evidence)
        lines.append(
            plain("    " + _("{label}: {items}").format(label=label, items=titles)).stylize(
                "$text-muted"
            )
        )
    feedback = part.feedback.get(item.key, ())
    if feedback:
        who = " · ".join(
            f"{proof.who or '…'} ({_('“{text}”').format(text=proof.word)})" for proof in feedback
        )
        lines.append(plain("    " + _("Seen by: {who}").format(who=who)).stylize("$text-muted"))
    return lines


def _zone_lines(label: str, items: tuple[RatedItem, ...], style: str) -> list[Content]:
    """A zone's name, then one line per skill."""
    lines = [Content(label).stylize(style)]
    lines.extend(
        Content.assemble(Content("○ ").stylize(style), plain(rated.item.text)) for rated in items
    )
    return lines


def skills(part: SkillsPart, empty_hint: str) -> list[Widget]:
    """The assets with their evidence, then the other zones in a line each."""
    title = part.exercise.title
    if part.empty:
        return [heading(title), hint(empty_hint)]
    result: GridResult = part.result
    lines: list[Content] = []
    if result.assets:
        lines.append(Content(_("Assets")).stylize("bold $success"))
        for rated in result.assets:
            lines.extend(_asset_lines(part, rated))
    else:
        lines.append(plain(_("No asset yet: an asset is a skill rated 2 or more on both axes.")))
    if result.to_develop:
        lines.extend(_zone_lines(_("To develop"), result.to_develop, "bold $warning"))
    if result.to_let_go:
        lines.extend(_zone_lines(_("To let go"), result.to_let_go, "bold $error"))
    if result.neutral:
        count = len(result.neutral)
        lines.append(
            plain(
                ngettext("{count} neutral skill", "{count} neutral skills", count).format(
                    count=count
                )
            )
        )
    widgets: list[Widget] = [
        heading(title),
        Static(Content("\n").join(lines), classes="profile-list"),
    ]
    if result.unrated:
        count = len(result.unrated)
        widgets.append(
            note(
                ngettext(
                    "{count} skill not rated yet in “{title}”.",
                    "{count} skills not rated yet in “{title}”.",
                    count,
                ).format(count=count, title=title)
            )
        )
    if part.feedback_exercise is not None and not part.feedback:
        widgets.append(
            note(
                _(
                    "Strengths named in “{title}” appear next to your assets when they use "
                    "the same words."
                ).format(title=part.feedback_exercise.title)
            )
        )
    return widgets
