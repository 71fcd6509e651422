"""``bilan homework new|import|list``: homework that travels as one plain file.

``new`` is the consultant's side: it writes the file (and nothing else; no
workbook is needed). ``import`` is the beneficiary's: everything is checked
before anything is written, and a workbook that does not exist yet is created
only once the file is known to be good. Importing the same file twice changes
nothing.
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.domain.dates import long_date, short_date
from bilan_tui.domain.text import clean_text
from bilan_tui.i18n import _, language, ngettext
from bilan_tui.services.labels import status_label

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.services.homework.view import AssignmentView

NAMES = ("homework",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan homework new``, ``bilan homework import`` and ``bilan homework list``."""
    parser = commands.add_parser(
        "homework",
        help=_("write, import and list homework"),
        description=_("Homework handed out by a consultant, as one plain file."),
    )
    add_common(parser)
    actions = parser.add_subparsers(dest="homework_command", metavar=_("ACTION"), required=True)
    new = actions.add_parser(
        "new",
        help=_("write a homework file (for consultants)"),
        description=_(
            "Write a homework file: exercises, due date, message, and your own pack "
            "when the exercises come from it."
        ),
    )
    add_common(new)
    new.add_argument(
        "--exercises",
        required=True,
        metavar="ID,ID",
        help=_("exercise ids, separated by commas (pack:id when an id is in several packs)"),
    )
    new.add_argument(
        "--due", required=True, metavar=_("DATE"), help=_("the due date: 14/03/2026 or 2026-03-14")
    )
    new.add_argument("--message", default="", metavar=_("TEXT"), help=_("a note to the person"))
    new.add_argument(
        "--pack", metavar="PATH", help=_("your own pack (folder or .zip), carried in the file")
    )
    new.add_argument("--output", required=True, metavar="FILE", help=_("the file to write"))
    reply = actions.add_parser(
        "reply",
        help=_("write a reply file carrying your part of the synthesis (for consultants)"),
        description=_(
            "Write a reply file that carries the part of the synthesis you wrote, with your "
            "name, your organisation and the day it is handed over. The person imports it "
            "like homework; her synthesis is then no longer a draft."
        ),
    )
    add_common(reply)
    reply.add_argument(
        "--synthesis",
        required=True,
        metavar="FILE",
        help=_("a text file holding your part of the synthesis"),
    )
    reply.add_argument("--name", default="", metavar=_("TEXT"), help=_("your name"))
    reply.add_argument("--organisation", default="", metavar=_("TEXT"), help=_("your organisation"))
    reply.add_argument(
        "--handed-over",
        metavar=_("DATE"),
        help=_("the day the synthesis is handed over: 14/03/2026 or 2026-03-14"),
    )
    reply.add_argument("--message", default="", metavar=_("TEXT"), help=_("a note to the person"))
    reply.add_argument("--output", required=True, metavar="FILE", help=_("the file to write"))
    imported = actions.add_parser(
        "import",
        help=_("import a homework file"),
        description=_("Import a homework file from your consultant into your workbook."),
    )
    add_common(imported)
    imported.add_argument("file", metavar="FILE", help=_("the homework file"))
    listing = actions.add_parser(
        "list",
        help=_("the homework imported"),
        description=_("List the homework imported: due dates, exercises and their states."),
    )
    add_common(listing)
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan homework ACTION``."""
    action = args.homework_command
    if action == "new":
        return run_new(args, context, datetime.date.today())
    if action == "import":
        return run_import(Path(args.file), context, datetime.date.today())
    if action == "reply":
        return run_reply(args, context)
    return run_list(context, as_json=bool(args.json), today=datetime.date.today())


def run_new(args: argparse.Namespace, context: CommandContext, today: datetime.date) -> int:
    """Write a homework file; every value is checked first."""
    from bilan_tui.packs import PackArchiveError, PackError, load_pack
    from bilan_tui.packs.install import opened_pack, reserved_ids
    from bilan_tui.services.homework.create import (
        build_homework,
        parse_due,
        parse_exercise_list,
        resolve_exercises,
        write_new_file,
    )
    from bilan_tui.services.homework.fileformat import HomeworkError, render_homework

    context.settle_language()
    output = Path(args.output)
    try:
        names = parse_exercise_list(args.exercises)
        due = parse_due(args.due, today)
        if output.exists():
            raise HomeworkError(
                _("{path} already exists; choose another file name").format(path=output)
            )
        if not output.parent.is_dir():
            raise HomeworkError(_("no such folder: {folder}").format(folder=output.parent))
        library = context.pack()
        if not args.pack:
            exercises = resolve_exercises(names, library, None)
            homework = build_homework(exercises, due, args.message, library, None)
        else:
            with opened_pack(Path(args.pack)) as root:
                own = load_pack(root)
                if own.id in reserved_ids():
                    raise HomeworkError(
                        _("your pack uses the id of the built-in pack ({id})").format(id=own.id)
                    )
                exercises = resolve_exercises(names, library, own)
                homework = build_homework(exercises, due, args.message, library, own)
        write_new_file(output, render_homework(homework))
    except HomeworkError as error:
        raise UsageError(clean_text(str(error))) from None
    except PackError as error:
        raise UsageError(_pack_refusal(Path(args.pack), error.problems, error.more)) from None
    except PackArchiveError as error:
        raise UsageError(
            _("cannot use {path}: {reason}").format(path=args.pack, reason=error)
        ) from None
    count = len(homework.exercises)
    print(
        ngettext(
            "Homework written to {path}: {count} exercise, due {due}.",
            "Homework written to {path}: {count} exercises, due {due}.",
            count,
        ).format(path=output, count=count, due=long_date(due, language()))
    )
    if homework.pack_files:
        print(_("Your pack travels inside the file."))
    return 0


def run_reply(args: argparse.Namespace, context: CommandContext) -> int:
    """Write a reply file carrying the consultant's part; every value is checked first."""
    from bilan_tui.domain.dates import DateInputError, read_date
    from bilan_tui.services.homework.create import build_reply, read_reply_text, write_new_file
    from bilan_tui.services.homework.fileformat import HomeworkError, render_homework
    from bilan_tui.services.ledger_text import date_error_text

    context.settle_language()
    output = Path(args.output)
    try:
        handed_over = None
        if args.handed_over:
            try:
                handed_over = read_date(args.handed_over)
            except DateInputError as error:
                raise HomeworkError(date_error_text(error.code, args.handed_over.strip())) from None
        if not output.parent.is_dir():
            raise HomeworkError(_("no such folder: {folder}").format(folder=output.parent))
        reply = build_reply(
            read_reply_text(Path(args.synthesis)),
            name=args.name,
            organisation=args.organisation,
            handed_over=handed_over,
            message=args.message,
        )
        write_new_file(output, render_homework(reply))
    except HomeworkError as error:
        raise UsageError(clean_text(str(error))) from None
    print(_("Reply written to {path}: your part of the synthesis.").format(path=output))
    return 0


def run_import(path: Path, context: CommandContext, today: datetime.date) -> int:
    """Import a homework file; refused files write nothing, not even a new workbook."""
    from bilan_tui.paths import ensure_private_dir, workbooks_dir
    from bilan_tui.services.homework.fileformat import HomeworkError
    from bilan_tui.services.homework.importer import NoHomework, import_homework
    from bilan_tui.services.homework.view import already_done_of

    context.settle_language()
    workbook = context.expect_workbook()
    try:
        if not workbook.exists():
            library = context.pack()
            import_homework(
                path,
                NoHomework(),
                context.data_dir,
                library,
                today,
                workbook=workbook,
                dry_run=True,
            )
        ensure_private_dir(context.data_dir)
        ensure_private_dir(workbooks_dir(context.data_dir))
        session = context.open_session(create=True)
        try:
            outcome = session.import_homework(path)
            already_done = already_done_of(session, outcome)
        finally:
            session.close()
    except HomeworkError as error:
        raise UsageError(clean_text(str(error))) from None
    stored = outcome.homework
    if not outcome.added:
        when = stored.imported_at.date().isoformat() if stored.imported_at else "?"
        print(_("This homework was already imported on {date}; nothing changed.").format(date=when))
        if already_done:
            print(already_done)
        return 0
    from bilan_tui.services.homework.view import synthesis_received

    received = synthesis_received(outcome)
    if received and not stored.exercises:
        print(received)
        if stored.message:
            print(_("Message from your consultant:"))
            print(_indent(stored.message))
        return 0
    count = len(stored.exercises)
    due = long_date(stored.due, language()) if stored.due else "?"
    print(
        ngettext(
            "Homework imported: {count} exercise, due {due}.",
            "Homework imported: {count} exercises, due {due}.",
            count,
        ).format(count=count, due=due)
    )
    if outcome.pack is not None:
        pack = outcome.pack.pack
        print(
            _("Pack {id} {version} is installed for this workbook: {title}.").format(
                id=pack.id, version=clean_text(pack.version), title=clean_text(pack.title)
            )
        )
    if received:
        print(received)
    if already_done:
        print(already_done)
    if stored.message:
        print(_("Message from your consultant:"))
        print(_indent(stored.message))
    return 0


def run_list(context: CommandContext, *, as_json: bool, today: datetime.date) -> int:
    """Print every imported assignment; no workbook yet means no homework."""
    from bilan_tui.services.homework.view import views_json

    context.settle_language()
    views: list[AssignmentView] = []
    library = None
    if context.expect_workbook().exists():
        # The library comes with this workbook's homework packs.
        views, library = context.read_workbook(
            lambda session: (session.homework_views(), session.pack)
        )
    if as_json:
        print(json.dumps(views_json(views, today), ensure_ascii=False, indent=2))
        return 0
    print(render_homework_list(views, library or context.pack(), today))
    return 0


def render_homework_list(
    views: Sequence[AssignmentView], library: Pack, today: datetime.date
) -> str:
    """The assignments as lines a person reads."""
    if not views:
        return _(
            "No homework yet. Import a file from your consultant with: bilan homework import FILE"
        )
    lines: list[str] = []
    for view in views:
        homework = view.homework
        due = short_date(homework.due, language()) if homework.due else "?"
        done = sum(1 for item in view.exercises if item.status.value == "done")
        state = (
            _("overdue")
            if view.overdue(today)
            else _("{done}/{total} done").format(done=done, total=len(view.exercises))
        )
        lines.append(_("#{id}  due {due}  {state}").format(id=homework.id, due=due, state=state))
        for item in view.exercises:
            title = clean_text(item.title)
            if item.pack_title:
                title += "  · " + clean_text(item.pack_title)
            if item.exercise is None:
                title += "  " + _("(no longer installed)")
            lines.append(f"  {status_label(item.status)}  {title}")
        if homework.message:
            lines.append(_indent(homework.message))
        lines.append("")
    return "\n".join(lines).rstrip()


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in clean_text(text).splitlines())


def _pack_refusal(path: Path, problems: Sequence[object], more: int = 0) -> str:
    first = str(problems[0]) if problems else "?"
    count = len(problems) - 1 + more
    if count > 0:
        message = _("the pack {path} is not valid: {problem} (and {count} more)")
    else:
        message = _("the pack {path} is not valid: {problem}")
    return message.format(path=path, problem=first, count=count)
