"""``bilan export``: the synthesis, the detailed results or homework, as a file.

Files are written 0600 and never over an existing one: a default name that
is taken gets a number, a name the person chose that exists is refused. An
export for anyone but the person shows who receives it and what it holds,
asks for agreement (a script gives it with ``--agree-to-share``), a second time
when her modalités do not name that recipient, and records the consent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilan_tui.cli.context import CommandContext, UsageError, valid_text
from bilan_tui.i18n import _

if TYPE_CHECKING:
    from bilan_tui.export.options import ExportOptions
    from bilan_tui.export.source import ExportSource
    from bilan_tui.services.session import WorkbookSession

NAMES = ("export",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan export``."""
    from bilan_tui.export.options import FORMATS, RECIPIENTS, SCOPES

    parser = commands.add_parser(
        "export",
        help=_("write your synthesis or detailed results to a file"),
        description=_(
            "Write your synthesis document, your detailed results or a homework "
            "assignment to a file (readable by you only). An export for someone else "
            "asks for your agreement and records it."
        ),
    )
    add_common(parser)
    parser.add_argument(
        "--scope",
        choices=SCOPES,
        default="synthese",
        help=_(
            "what to export: the synthesis, the detailed results, homework, or your "
            "evaluation of the bilan (on its own, for the organisation)"
        ),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help=_("file format (default: md); pdf needs the extra: pip install 'bilan-tui[pdf]'"),
    )
    parser.add_argument(
        "--output",
        metavar="PATH",
        help=_(
            "file or folder to write to (default: a new file in the folder of the last "
            "export, else the current folder)"
        ),
    )
    parser.add_argument(
        "--for",
        dest="recipient",
        choices=RECIPIENTS,
        default="self",
        help=_("who the file is for (default: self)"),
    )
    parser.add_argument(
        "--include-private",
        action="store_true",
        help=_("include the answers you marked private (health, family…)"),
    )
    parser.add_argument(
        "--content",
        metavar="PARTS",
        help=_(
            "the parts of the bilan to include, separated by commas, or all "
            "(default: chosen for the recipient, and shown before you agree)"
        ),
    )
    parser.add_argument(
        "--homework",
        type=int,
        metavar="ID",
        help=_("with --scope homework: which assignment (default: the latest imported)"),
    )
    parser.add_argument(
        "--agree-to-share",
        action="store_true",
        help=_(
            "for scripts: you agree to give this copy to the recipient of --for "
            "(in a terminal, you are asked instead)"
        ),
    )
    parser.add_argument(
        "--despite-modalites",
        action="store_true",
        help=_(
            "with --agree-to-share: you agree even though your answer in the bilan's "
            "modalités does not name this recipient"
        ),
    )


def _target(output: str | None) -> Path:
    """Where to write; an existing file or a missing folder is a usage error.

    Without ``--output``: the current folder, until the workbook says where
    its last export went (see :func:`run`).
    """
    if output is None:
        return Path.cwd()
    # The path is recorded with the consent and as the next export's folder.
    target = Path(valid_text(output, "--output")).expanduser()
    if target.exists() and not target.is_dir():
        raise UsageError(
            _("{path} already exists: choose another name (nothing was written)").format(
                path=target
            )
        )
    if not target.exists() and not target.parent.is_dir():
        raise UsageError(_("the folder {path} does not exist").format(path=target.parent))
    return target


def _content(text: str | None) -> frozenset[str] | None:
    """``--content`` read, or ``None`` for the recipient's default; unknown parts are refused."""
    from bilan_tui.export.contents import PART_IDS, parse_parts

    if text is None:
        return None
    try:
        return parse_parts(text)
    except ValueError as error:
        raise UsageError(
            _("unknown part of the bilan: {names} (choose among: {parts}, or all)").format(
                names=str(error) or "—", parts=", ".join(PART_IDS)
            )
        ) from None


def _agreed(lines: list[str], conflict: list[str], args: argparse.Namespace) -> bool:
    """Show what is about to be shared and ask; a second time if her modalités disagree.

    A script agrees with ``--agree-to-share``, and with ``--despite-modalites``
    as well when the recipient is not one her modalités name: no general
    ``--yes`` stands for her agreement to give her results to someone else.
    """
    for line in lines:
        print(line)
    if args.agree_to_share and (args.despite_modalites or not conflict):
        for line in conflict:
            print(line)
        return True
    if not sys.stdin.isatty():
        if args.agree_to_share:
            for line in conflict:
                print(line)
            raise UsageError(
                _(
                    "this recipient is not among those your modalités name: run the export "
                    "in a terminal, or add --despite-modalites"
                )
            )
        raise UsageError(
            _(
                "an export for someone else needs your agreement: run it in a terminal, "
                "or add --agree-to-share"
            )
        )
    if not _ask(_("Do you agree? [y/N] ")):
        return False
    if not conflict:
        return True
    print()
    for line in conflict:
        print(line)
    return _ask(_("Do you still agree to share this copy? [y/N] "))


def _ask(question: str) -> bool:
    """One yes-or-no question on the terminal; end of input is a no."""
    from bilan_tui.export.consent import answer_is_yes

    try:
        reply = input(question)
    except EOFError:
        return False
    return answer_is_yes(reply)


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run ``bilan export``."""
    from bilan_tui.export.api import NoHomework, file_name, render, write
    from bilan_tui.export.consent import consent_for, describe
    from bilan_tui.export.contents import PART_IDS
    from bilan_tui.export.files import ExportExists
    from bilan_tui.export.options import ExportOptions
    from bilan_tui.export.partage import conflict_lines
    from bilan_tui.export.typst_render import PdfUnavailable
    from bilan_tui.services.person import remember_export_folder

    context.settle_language()
    if args.homework is not None and args.scope != "homework":
        raise UsageError(_("--homework goes with --scope homework"))
    if args.content is not None and args.scope == "evaluation":
        raise UsageError(
            _("--content does not go with --scope evaluation: it holds the evaluation alone")
        )
    content = _content(args.content)
    target = _target(args.output)
    if not context.workbook_path().exists():
        raise UsageError(
            _("there is no workbook named {name} yet: nothing to export").format(
                name=context.workbook
            )
        )
    options = ExportOptions(
        scope=args.scope,
        format=args.format,
        recipient=args.recipient,
        include_private=args.include_private,
        homework_id=args.homework,
        content=content,
    )
    session, source, folder = _read_workbook(context, options)
    try:
        if args.output is None:
            target = folder or target
        try:
            rendered = render(source, options)
        except NoHomework:
            if args.homework is None:
                raise UsageError(_("there is no homework to export")) from None
            raise UsageError(
                _("there is no homework with the number {id}").format(id=args.homework)
            ) from None
        except PdfUnavailable as missing:
            raise UsageError(str(missing)) from None
        shown = (target / file_name(source, options) if target.is_dir() else target).resolve()
        lines = describe(options, shown)
        if options.for_someone_else and options.scope in ("synthese", "detail"):
            lines.append(
                _(
                    "To change what it holds, add --content with the parts you want: {parts}."
                ).format(parts=", ".join(PART_IDS))
            )
        conflict = conflict_lines(source, options.recipient)
        if options.for_someone_else and not _agreed(lines, conflict, args):
            print(_("Nothing was written."), file=sys.stderr)
            return 1

        def consent(path: Path) -> None:
            session.record_consent(consent_for(options, path.resolve()))

        try:
            # The consent is recorded before the copy holds a byte (#21.11).
            before = consent if options.for_someone_else else None
            written = write(rendered, source, target, before).resolve()
        except ExportExists:
            raise UsageError(
                _("{path} already exists: choose another name (nothing was written)").format(
                    path=target
                )
            ) from None
        remember_export_folder(session, written)
    finally:
        session.close()
    print(_("Written: {path}").format(path=written))
    return 0


def _read_workbook(
    context: CommandContext, options: ExportOptions
) -> tuple[WorkbookSession, ExportSource, Path | None]:
    """The open session, what the export reads from it, and the last export's folder.

    An export for the person herself reads the workbook without SQLAlchemy
    (``CommandContext.quick_session``; half a second less, DESIGN §12); it
    then writes one setting, the folder, as the full open would. An export
    for someone else records her consent: it opens the workbook in full, as
    does any case the quick read leaves to it (encrypted, another schema
    version, damaged), and any failure of the quick read, which the full
    open meets again and reports as always.
    """
    from bilan_tui.services.export_source import collect
    from bilan_tui.services.leads import with_referential_labels
    from bilan_tui.services.person import export_folder

    session = None if options.for_someone_else else context.quick_session()
    if session is not None:
        try:
            source = with_referential_labels(collect(session), context.data_dir)
            return session, source, export_folder(session)
        except Exception:  # noqa: BLE001 - the full open below reports it
            session.close()
        except BaseException:
            session.close()
            raise
    session = context.open_session(create=False)
    try:
        source = with_referential_labels(collect(session), context.data_dir)
        return session, source, export_folder(session)
    except BaseException:
        session.close()
        raise
