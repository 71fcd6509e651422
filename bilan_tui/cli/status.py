"""``bilan status``: progress per phase and exercise."""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bilan_tui.cli.context import CommandContext
from bilan_tui.domain.model import Pack
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _
from bilan_tui.services.labels import phase_title, status_label

if TYPE_CHECKING:
    from bilan_tui.domain.follow_up import FollowUpReminder
    from bilan_tui.services.status_report import StatusReport

NAMES = ("status",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan status [--json]``."""
    parser = commands.add_parser(
        "status",
        help=_("progress per phase and exercise"),
        description=_("Show your progress per phase and exercise, your hours and homework."),
    )
    add_common(parser)
    parser.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan status``."""
    return run_status(context, as_json=args.json)


def run_status(context: CommandContext, *, as_json: bool) -> int:
    """Print progress; a workbook that does not exist yet is shown as all to do."""
    context.settle_language()
    path = context.expect_workbook()
    if path.exists():
        # The library comes with this workbook's homework packs.
        report, library = context.read_workbook(
            lambda session: (session.status_report(), session.pack)
        )
    else:
        from bilan_tui.services.status_report import empty_status_report

        library = context.pack()
        report = empty_status_report(library)
    if as_json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(render_status(report, library))
    return 0


def render_status(report: StatusReport, pack: Pack) -> str:
    """The status as lines a person reads in a terminal."""
    lines: list[str] = []
    for phase in report.phases:
        lines.append(f"{phase_title(phase.id)}  {phase.done}/{phase.total}")
        for item in phase.exercises:
            exercise = pack.exercise(item.id)
            title = clean_text(exercise.title) if exercise else item.id
            lines.append(f"  {status_label(item.status)}  {title}")
        lines.append("")
    next_exercise = pack.exercise(report.next) if report.next is not None else None
    if next_exercise is not None:
        lines.append(_("Next step: {title}").format(title=clean_text(next_exercise.title)))
    follow_up = _follow_up_line(report.follow_up, pack)
    if follow_up:
        lines.append(follow_up)
    return "\n".join(lines).rstrip()


def _follow_up_line(found: FollowUpReminder | None, pack: Pack) -> str:
    """The follow-up reminder of the report, as the dashboard says it."""
    from bilan_tui.domain.follow_up import INTERVIEW_EXERCISE
    from bilan_tui.services.follow_up_text import follow_up_text

    if found is None:
        return ""
    interview = pack.exercise(INTERVIEW_EXERCISE)
    title = clean_text(interview.title) if interview else ""
    return follow_up_text(dataclasses.replace(found, title=title))
