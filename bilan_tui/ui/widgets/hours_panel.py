"""The dashboard's hours panel: accompaniment against 24 h, each phase against its plan.

Drawn from the ledger summary each time the dashboard is filled in. The bars
take whatever width the panel has, so the panel reads the same at 80 columns
and at 120; warnings (over 24 h, more than 8 h in one day...) come last.
"""

from __future__ import annotations

from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from bilan_tui.domain.dates import short_date
from bilan_tui.domain.ledger import LedgerSummary
from bilan_tui.i18n import _, language
from bilan_tui.services.ledger_text import duration_text, hours_text, phase_label, warning_text
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.hours_bars import bar

_MIN_BAR = 4
"""Narrower than this, bars say nothing: show the figures alone."""


class HoursPanel(Widget):
    """Hours used, per phase against plan, personal work, dates and warnings."""

    DEFAULT_CSS: ClassVar[str] = """
    HoursPanel {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.summary: LedgerSummary | None = None

    def on_mount(self) -> None:
        self.border_title = _("Hours")

    def show(self, summary: LedgerSummary | None) -> None:
        """Draw ``summary`` (``None`` while the workbook is still opening)."""
        self.summary = summary
        self.refresh(layout=True)

    def render(self) -> Content:
        summary = self.summary
        if summary is None:
            return plain("…")
        return Content("\n").join(self.lines(summary, self.size.width))

    def lines(self, summary: LedgerSummary, width: int) -> list[Content]:
        """The panel's lines for a given width (also what tests read)."""
        over_budget = summary.accompagnement_minutes > round(summary.budget_hours * 60)
        rows: list[tuple[str, str, float, float, str]] = [
            (
                _("Accompaniment"),
                f"{duration_text(summary.accompagnement_minutes)} / "
                f"{hours_text(summary.budget_hours)}",
                summary.accompagnement_minutes,
                summary.budget_hours * 60,
                "$error" if over_budget else "$accent",
            )
        ]
        for phase in summary.by_phase.values():
            used = duration_text(phase.accompagnement_minutes)
            plan = phase.planned_hours
            if plan is None:
                rows.append((phase_label(phase.phase), used, 0, 0, ""))
                continue
            over = phase.accompagnement_minutes > round(plan * 60)
            rows.append(
                (
                    phase_label(phase.phase),
                    f"{used} / {hours_text(plan)}",
                    phase.accompagnement_minutes,
                    plan * 60,
                    "$warning" if over else "$primary",
                )
            )
        label_width = max(len(row[0]) for row in rows)
        value_width = max(len(row[1]) for row in rows)
        bar_width = width - label_width - value_width - 2
        lines = [self._row(row, label_width, bar_width) for row in rows]
        lines.append(
            Content.assemble(
                (_("Personal work").ljust(label_width), "bold"),
                " ",
                duration_text(summary.personnel_minutes),
            )
        )
        if summary.first_date and summary.last_date:
            span = _("From {first} to {last}").format(
                first=short_date(summary.first_date, language()),
                last=short_date(summary.last_date, language()),
            )
            lines.append(Content.styled(span, "$text-muted"))
        else:
            lines.append(Content.styled(_("No hours yet: press h to log them."), "$text-muted"))
        for warning in summary.warnings:
            lines.append(Content.styled("⚠ " + warning_text(warning), "$text-warning"))
        return lines

    @staticmethod
    def _row(row: tuple[str, str, float, float, str], label_width: int, width: int) -> Content:
        label, value, amount, total, style = row
        parts: list[Content | str | tuple[str, str]] = [(label.ljust(label_width), "bold"), " "]
        if width >= _MIN_BAR:
            track = "$text-muted 40%" if total else ""
            parts.extend([bar(amount, total, width, style or "$primary", track), " "])
        parts.append(value)
        return Content.assemble(*parts)
