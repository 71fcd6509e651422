"""How the skills grid draws one line: ratings first, then the zone, then the skill.

The ratings come first so that a long skill is cut at its end (the full text
is shown under the list) and the columns stay aligned at any width. Column
widths follow the translated headings, so French words fit too.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from bilan_tui.domain.model import Exercise
from bilan_tui.domain.scoring import GridItem, GridItemKind, Rating
from bilan_tui.domain.scoring.grid import RATING_MAX, zone
from bilan_tui.i18n import _
from bilan_tui.ui.text import plain

MASTERY = 0
DESIRE = 1

ZONE_STYLES = {
    "asset": "bold $success",
    "to_develop": "$warning",
    "to_let_go": "$error",
    "neutral": "$text-muted",
}


def zone_of(rating: Rating) -> str | None:
    """The quadrant of a fully rated item (same rule as ``scoring.grid.quadrants``)."""
    if rating.mastery is None or rating.desire is None:
        return None
    found = zone(rating.mastery, rating.desire)
    return "asset" if found == "assets" else found


def zone_label(zone: str) -> str:
    """A quadrant's name in the person's language."""
    names = {
        "asset": _("asset"),
        "to_develop": _("to develop"),
        "to_let_go": _("to let go"),
        "neutral": _("neutral"),
    }
    return names[zone]


def pips(value: int | None) -> str:
    """``●●○`` for 2 out of 3; ``···`` when not rated yet (0 is an answer: ``○○○``)."""
    if value is None:
        return "·" * RATING_MAX
    return "●" * value + "○" * (RATING_MAX - value)


def centred(text: str, width: int) -> Content:
    """``text`` centred in ``width`` cells (``Content.center`` pads too much on the right)."""
    left = max(width - len(text), 0) // 2
    return Content(" " * left + text + " " * max(width - len(text) - left, 0))


@dataclass(frozen=True, slots=True)
class Columns:
    """Column widths, from the translated headings."""

    mastery: int
    desire: int
    zone: int
    cited: int

    @classmethod
    def measure(cls) -> Columns:
        """Widths that fit the headings and every zone name."""
        zones = max(len(zone_label(zone)) for zone in ZONE_STYLES)
        return cls(
            mastery=max(len(_("Mastery")), RATING_MAX),
            desire=max(len(_("Desire")), RATING_MAX),
            zone=max(len(_("Zone")), zones),
            cited=max(len(_("Stories")), 2),
        )

    def header(self, axis: int) -> Content:
        """The line above the list; the axis that digits set is highlighted."""
        mastery = centred(_("Mastery"), self.mastery)
        desire = centred(_("Desire"), self.desire)
        if axis == MASTERY:
            mastery = mastery.stylize("bold $accent underline")
        else:
            desire = desire.stylize("bold $accent underline")
        return Content.assemble(
            "  ",
            mastery,
            " ",
            desire,
            " ",
            Content(_("Zone")).pad_right(self.zone - len(_("Zone"))),
            " ",
            Content(_("Stories")).pad_left(self.cited - len(_("Stories"))),
            "  ",
            Content(_("Skill")),
        ).stylize("$text-muted")

    def row(self, item: GridItem, rating: Rating, axis: int | None) -> Content:
        """One item's line; ``axis`` marks the cell that digits set (cursor row only)."""
        mastery = centred(pips(rating.mastery), self.mastery)
        desire = centred(pips(rating.desire), self.desire)
        if axis == MASTERY:
            mastery = mastery.stylize("reverse")
        elif axis == DESIRE:
            desire = desire.stylize("reverse")
        zone = zone_of(rating)
        zone_text = Content(zone_label(zone) if zone else "")
        zone_text = zone_text.pad_right(self.zone - len(zone_text.plain))
        if zone:
            zone_text = zone_text.stylize(ZONE_STYLES[zone])
        count = str(len(item.evidence)) if item.evidence else ""
        cited = Content(" " * (self.cited - len(count)) + count).stylize("$text-muted")
        return Content.assemble(
            "  ", mastery, " ", desire, " ", zone_text, " ", cited, "  ", plain(item.text)
        )


def heading(title: str) -> Content:
    """A group's heading inside the list."""
    return plain(title).stylize("bold $text-primary")


Row = GridItem | str
"""A line of the list: an item, or a heading (its title)."""


def grouped_rows(exercise: Exercise, items: list[GridItem], source_title: str) -> list[Row]:
    """Items under their group headings: pack groups, then other items, own items, tags."""
    rows: list[Row] = []
    pack = [item for item in items if item.kind is GridItemKind.PACK]
    known = {group.id for group in exercise.groups}
    for group in exercise.groups:
        members = [item for item in pack if item.group == group.id]
        if members:
            rows.append(group.title)
            rows.extend(members)
    loose = [item for item in pack if item.group not in known]
    if loose:
        if rows:
            rows.append(_("Other skills"))
        rows.extend(loose)
    own = [item for item in items if item.kind is GridItemKind.CUSTOM]
    if own:
        rows.append(_("My own items"))
        rows.extend(own)
    tags = [item for item in items if item.kind is GridItemKind.TAG]
    if tags:
        rows.append(_("From “{title}”").format(title=source_title) if source_title else _("Tags"))
        rows.extend(tags)
    return rows
