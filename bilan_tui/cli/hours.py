"""``bilan hours``: the hours ledger on the command line.

``bilan hours [--json]`` prints the ledger and its totals (a workbook that does
not exist yet shows an empty ledger and is not created); ``bilan hours add``
records one entry, creating the workbook if needed: it is the person's own.
Every value is checked before the workbook is opened, so a refused entry
writes nothing (exit status 2, one line on stderr).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from bilan_tui.cli.context import CommandContext, UsageError, valid_text
from bilan_tui.domain.dates import short_date
from bilan_tui.domain.ledger import (
    KINDS,
    LedgerInputError,
    LedgerSummary,
    summarise,
    to_json,
    validate_entry,
)
from bilan_tui.domain.model import PHASE_IDS, Pack
from bilan_tui.domain.records import LedgerEntry
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, language
from bilan_tui.services.ledger_text import (
    budget_line,
    day_text,
    duration_text,
    hours_text,
    input_error_text,
    kind_label,
    phase_label,
    source_label,
    warning_text,
)

NAMES = ("hours",)


class _SignedValueParser(argparse.ArgumentParser):
    """Reads ``--duration -1h`` as a value, so our own check refuses it clearly.

    argparse takes any word starting with ``-`` that is not a plain number for
    an option, and would answer "expected one argument" instead of "a duration
    cannot be negative".
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = re.compile(r"^-[0-9.,:]")


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan hours [--json]`` and ``bilan hours add``."""
    parser = commands.add_parser(
        "hours",
        help=_("the hours ledger"),
        description=_(
            "Show the hours ledger: accompaniment against the 24-hour maximum, "
            "personal work, hours per phase and warnings."
        ),
    )
    add_common(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    actions = parser.add_subparsers(
        dest="hours_command", metavar=_("ACTION"), parser_class=_SignedValueParser
    )
    add = actions.add_parser(
        "add",
        help=_("log hours"),
        description=_("Log time spent on the bilan, with the consultant or on your own."),
    )
    add_common(add)
    add.add_argument(
        "--date",
        required=True,
        metavar=_("DATE"),
        help=_("the day, today or earlier: 20/11/2026 or 2026-11-20"),
    )
    add.add_argument(
        "--duration",
        required=True,
        metavar=_("DURATION"),
        help=_("how long: 1h30, 1h, 90m, 1.5h or 1:30"),
    )
    add.add_argument(
        "--phase", required=True, metavar="|".join(PHASE_IDS), help=_("the phase of the bilan")
    )
    add.add_argument(
        "--kind",
        required=True,
        metavar="|".join(KINDS),
        help=_("accompagnement: with the consultant (counts toward 24 h); personnel: on your own"),
    )
    add.add_argument("--note", default="", metavar=_("TEXT"), help=_("a note for yourself"))


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan hours`` or ``bilan hours add``."""
    if getattr(args, "hours_command", None) == "add":
        return run_add(args, context)
    return run_list(context, as_json=bool(getattr(args, "json", False)))


def checked_entry(args: argparse.Namespace, today: datetime.date) -> LedgerEntry:
    """The entry the arguments describe.

    Raises:
        UsageError: the first value that cannot be recorded, as one readable line.
    """
    try:
        return validate_entry(
            day=args.date,
            duration=args.duration,
            phase=args.phase.strip().casefold(),
            kind=args.kind.strip().casefold(),
            note=clean_text(valid_text(args.note, "--note")),
            today=today,
        )
    except LedgerInputError as error:
        raise UsageError(input_error_text(error)) from None


def run_add(args: argparse.Namespace, context: CommandContext) -> int:
    """Check the entry, then store it and print the new totals."""
    from bilan_tui.paths import ensure_private_dir, workbooks_dir

    context.settle_language()
    context.expect_workbook()  # a bad name, or a blank beside the real one, is refused first
    entry = checked_entry(args, datetime.date.today())
    ensure_private_dir(context.data_dir)
    ensure_private_dir(workbooks_dir(context.data_dir))
    session = context.open_session(create=True)
    try:
        session.add_ledger_entry(entry)
        # Committed: from here on, nothing may report a failure, or the person
        # would log the same hours again.
        print(logged_text(entry))
        try:
            summary = session.ledger_summary()
        except Exception as error:  # noqa: BLE001 - the entry is saved whatever happens here
            print(
                _("The entry is saved, but the totals cannot be shown: {reason}").format(
                    reason=context.describe_error(error)
                ),
                file=sys.stderr,
            )
        else:
            print(render_totals(summary))
    finally:
        with contextlib.suppress(Exception):  # saved already; closing cannot undo it
            session.close()
    return 0


def logged_text(entry: LedgerEntry) -> str:
    """The line confirming a saved entry."""
    logged = (
        _("Logged {duration} of accompaniment on {date} ({phase}).")
        if entry.kind == "accompagnement"
        else _("Logged {duration} of personal work on {date} ({phase}).")
    )
    return logged.format(
        duration=duration_text(entry.minutes),
        date=day_text(entry.date.isoformat()),
        phase=phase_label(entry.phase),
    )


def run_list(context: CommandContext, *, as_json: bool) -> int:
    """Print the ledger; a workbook that does not exist yet is an empty ledger."""
    context.settle_language()
    path = context.expect_workbook()
    entries: list[LedgerEntry] = []
    if path.exists():
        entries, summary = context.read_workbook(
            lambda session: (session.ledger(), session.ledger_summary())
        )
    else:
        summary = summarise([], {})
    if as_json:
        report = to_json(summary) | {"entries": [entry_json(entry) for entry in entries]}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(render_ledger(entries, summary, context.pack()))
    return 0


def entry_json(entry: LedgerEntry) -> dict[str, Any]:
    """One entry for ``--json``: minutes exactly, hours rounded like the totals."""
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "minutes": entry.minutes,
        "hours": round(entry.minutes / 60, 2),
        "phase": entry.phase,
        "kind": entry.kind,
        "source": entry.source,
        "exercise_id": entry.exercise_id,
        "note": entry.note,
    }


def entry_note(entry: LedgerEntry, pack: Pack | None) -> str:
    """The note, or for an automatic entry without one, the exercise it was counted in."""
    note = entry.note
    if not note and entry.exercise_id and pack is not None:
        exercise = pack.exercise(entry.exercise_id)
        note = exercise.title if exercise else entry.exercise_id
    return " ".join(clean_text(note).split())


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as aligned columns; the last column is not padded."""
    widths = [max(len(row[col]) for row in rows) for col in range(len(rows[0]) - 1)]
    return [
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]
        ).rstrip()
        for row in rows
    ]


def render_ledger(entries: Sequence[LedgerEntry], summary: LedgerSummary, pack: Pack) -> str:
    """The ledger as a table a person reads, then the totals and warnings."""
    lines: list[str] = []
    if entries:
        header = [_("Date"), _("Duration"), _("Phase"), _("Kind"), _("Source"), _("Note")]
        rows = [
            [
                short_date(entry.date, language()),
                duration_text(entry.minutes),
                phase_label(entry.phase),
                kind_label(entry.kind),
                source_label(entry.source),
                entry_note(entry, pack),
            ]
            for entry in entries
        ]
        lines.extend(_table([header, *rows]))
    else:
        lines.append(_("No hours logged yet."))
    lines.append("")
    lines.append(render_totals(summary))
    return "\n".join(lines)


def render_totals(summary: LedgerSummary) -> str:
    """Totals, hours per phase against the plan, the date span and the warnings."""
    lines = [
        budget_line(summary),
        _("Personal work {total}").format(total=duration_text(summary.personnel_minutes)),
    ]
    for phase in summary.by_phase.values():
        used = duration_text(phase.accompagnement_minutes)
        if phase.planned_hours is not None:
            used = _("{used} of {planned} planned").format(
                used=used, planned=hours_text(phase.planned_hours)
            )
        own = duration_text(phase.personnel_minutes)
        lines.append(
            "  "
            + _("{phase}: accompaniment {used}, personal work {own}").format(
                phase=phase_label(phase.phase), used=used, own=own
            )
        )
    if summary.first_date and summary.last_date:
        lines.append(
            _("From {first} to {last}").format(
                first=day_text(summary.first_date.isoformat()),
                last=day_text(summary.last_date.isoformat()),
            )
        )
    for warning in summary.warnings:
        lines.append("! " + warning_text(warning))
    return "\n".join(lines)
