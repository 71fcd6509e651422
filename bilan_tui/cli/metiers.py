"""``bilan metiers``: the occupation referential (ROME 4.0) on the command line.

``import PATH`` builds the referential from the person's copy of France
Travail's ``RefRomeCsv.zip`` (DESIGN §13); ``info``, ``search``, ``show`` and
``match`` read it. Without a referential every action explains what it is and
how to install it, and exits with status 2. Bad input to ``import`` is one line
on stderr, exit status 2, and the referential already installed is untouched.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from bilan_tui.cli.context import CommandContext, UsageError
from bilan_tui.i18n import _

if TYPE_CHECKING:
    from bilan_tui.referentiel.model import ImportReport
    from bilan_tui.referentiel.reader import Referentiel

NAMES = ("metiers",)


def register(commands: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Declare ``bilan metiers import|info|search|show|match``."""
    parser = commands.add_parser(
        "metiers",
        help=_("explore occupations (the ROME referential)"),
        description=_(
            "Search France Travail's occupation referential (ROME 4.0), read a fiche, "
            "and see the fiches closest to your interests. Import it once first."
        ),
    )
    add_common(parser)
    actions = parser.add_subparsers(dest="metiers_command", metavar=_("ACTION"))
    action = actions.add_parser(
        "import",
        help=_("install the referential from RefRomeCsv.zip"),
        description=_(
            "Build the referential from France Travail's RefRomeCsv.zip (or a folder "
            "of its CSV files). Importing again or a newer version is harmless."
        ),
    )
    add_common(action)
    action.add_argument("path", metavar=_("PATH"), help=_("the zip file or folder"))
    action = actions.add_parser("info", help=_("which version is installed"))
    add_common(action)
    action = actions.add_parser(
        "search",
        help=_("search fiches and job titles"),
        description=_("Search fiches and job titles; accents, case and hyphens do not matter."),
    )
    add_common(action)
    action.add_argument("text", metavar=_("TEXT"), nargs="*", help=_("words to look for"))
    action.add_argument(
        "--letters",
        default="",
        metavar="RIASEC",
        help=_("only fiches whose Holland code has one of these letters, e.g. SI"),
    )
    action.add_argument(
        "--centre", metavar=_("CODE"), help=_("only the fiches of this centre d'intérêt")
    )
    action.add_argument("--limit", type=int, default=20, help=_("how many results (default 20)"))
    action.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    action = actions.add_parser("show", help=_("read one fiche"))
    add_common(action)
    action.add_argument("code", metavar=_("CODE"), help=_("the fiche's code, e.g. K1207"))
    action.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    action = actions.add_parser(
        "match",
        help=_("fiches closest to your interests"),
        description=_(
            "The fiches whose Holland code is closest to the scores of your interests "
            "exercise, each with the reason. A lead to explore, never a verdict."
        ),
    )
    add_common(action)
    action.add_argument(
        "--centre",
        action="append",
        default=[],
        metavar=_("CODE"),
        help=_("a centre d'intérêt you chose (repeatable): its fiches come first among equals"),
    )
    action.add_argument("--limit", type=int, default=20, help=_("how many results (default 20)"))
    action.add_argument("--json", action="store_true", help=_("print JSON for scripts"))


def run(args: argparse.Namespace, context: CommandContext) -> int:
    """Run one ``bilan metiers`` action."""
    context.settle_language()
    command = getattr(args, "metiers_command", None)
    if command is None:
        raise UsageError(_("choose an action: import, info, search, show or match"))
    if command == "import":
        return run_import(args.path, context, err=sys.stderr)
    from bilan_tui.referentiel.reader import open_latest

    referentiel = open_latest(context.data_dir)
    if referentiel is None:
        from bilan_tui.referentiel.messages import missing_referential

        print(missing_referential(), file=sys.stderr)
        return 2
    try:
        return _read_action(command, args, context, referentiel)
    finally:
        referentiel.close()


def _read_action(
    command: str, args: argparse.Namespace, context: CommandContext, referentiel: Referentiel
) -> int:
    if command == "info":
        return run_info(context, referentiel)
    if command == "search":
        return run_search(
            referentiel,
            " ".join(args.text),
            args.limit,
            letters=args.letters,
            centre=args.centre,
            as_json=args.json,
        )
    if command == "show":
        from bilan_tui.cli.metiers_show import run_show

        return run_show(referentiel, args.code, as_json=args.json)
    from bilan_tui.cli.metiers_match import run_match

    return run_match(context, referentiel, args.centre, args.limit, as_json=args.json)


class ProgressBar:
    """The import's progress on stderr: a bar redrawn in place on a terminal, else lines."""

    WIDTH = 24

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.live = out.isatty()
        self.drawn = False

    def __call__(self, label: str, done: int, total: int) -> None:
        share = done / total if total else 1.0
        if self.live:
            filled = round(share * self.WIDTH)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.out.write(f"\r[{bar}] {share:4.0%} {label[:48]:<48}")
            self.drawn = True
        elif label:
            self.out.write(f"[{done + 1}/{total}] {label}\n")
        self.out.flush()

    def finish(self) -> None:
        """End the redrawn line so the next output starts on its own."""
        if self.drawn:
            self.out.write("\n")
            self.out.flush()


def run_import(path: str, context: CommandContext, *, err: TextIO) -> int:
    """Import the referential and print what was built."""
    from pathlib import Path

    from bilan_tui.referentiel.errors import ReferentielError
    from bilan_tui.referentiel.importer import import_referentiel

    bar = ProgressBar(err)
    try:
        report = import_referentiel(Path(path).expanduser(), context.data_dir, bar)
    except ReferentielError as error:
        bar.finish()
        raise UsageError(error.message) from None
    except BaseException:
        bar.finish()
        raise
    bar.finish()
    print(render_import(report))
    return 0


def render_import(report: ImportReport) -> str:
    """What an import built: version, counts, files skipped, time."""
    from bilan_tui.referentiel.messages import attribution, count_label

    version = report.version
    lines = [
        _("ROME 4.0 version {number} imported in {seconds:.1f} s.").format(
            number=version.number, seconds=report.seconds
        )
    ]
    lines.extend(
        f"  {count:>7,}  {count_label(key)}".replace(",", "\u202f")
        for key, count in report.counts.items()
    )
    if report.skipped:
        lines.append(_("Optional files:"))
    for file, reason in report.skipped:
        lines.append("  - " + _("{file}: {reason}").format(file=file, reason=reason))
    lines.append(_("Installed in {path}").format(path=version.path))
    lines.append(attribution(version))
    return "\n".join(lines)


def run_info(context: CommandContext, referentiel: Referentiel) -> int:
    """Print the version in use, its counts, the other versions and the attribution."""
    from bilan_tui.referentiel.messages import attribution, count_label
    from bilan_tui.referentiel.reader import installed_versions

    version = referentiel.version
    lines = [
        _("ROME 4.0, version {number}").format(number=version.number),
        _("Published: {date}").format(date=version.published or _("unknown")),
    ]
    if version.title:
        lines.append(_("Title: {title}").format(title=version.title))
    lines.append(_("File: {path}").format(path=version.path))
    for key, count in referentiel.counts().items():
        lines.append(f"  {count:>7,}  {count_label(key)}".replace(",", "\u202f"))
    others = [v for v in installed_versions(context.data_dir) if v.path != version.path]
    if others:
        lines.append(
            _("Also installed (not used): {versions}").format(
                versions=", ".join(str(v.number) for v in others)
            )
        )
    lines.append(attribution(version))
    print("\n".join(lines))
    return 0


def hit_json(hit: Any) -> dict[str, Any]:
    """One search result for ``--json``."""
    return {
        "code": hit.fiche.code,
        "title": hit.fiche.title,
        "riasec": {"major": hit.fiche.riasec_major, "minor": hit.fiche.riasec_minor},
        "matched": hit.matched,
        "is_appellation": hit.is_appellation,
    }


def run_search(
    referentiel: Referentiel,
    text: str,
    limit: int,
    *,
    letters: str = "",
    centre: str | None = None,
    as_json: bool,
) -> int:
    """Print the fiches matching ``text`` and the filters, best first (by title without text)."""
    from bilan_tui.referentiel.messages import attribution

    if limit < 1:
        raise UsageError(_("--limit must be at least 1"))
    if letters.strip("RIASECriasec") or (not text.strip() and not letters and centre is None):
        raise UsageError(
            _("give words to look for, or a filter: --letters (among RIASEC) or --centre")
        )
    if centre is not None and centre not in {code for code, _label in referentiel.centres()}:
        raise UsageError(_("unknown centre d'intérêt: {code}").format(code=centre))
    hits = referentiel.search(text, letters=letters, centre=centre, limit=limit)
    if as_json:
        payload = {
            "version": referentiel.version.number,
            "attribution": attribution(referentiel.version),
            "query": text,
            "results": [hit_json(hit) for hit in hits],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print(_("No fiche matches “{text}”.").format(text=text))
        return 0
    for hit in hits:
        code = hit.fiche.riasec_major + hit.fiche.riasec_minor
        line = f"{hit.fiche.code}  {code:<2}  {hit.fiche.title}"
        if hit.is_appellation and hit.matched != hit.fiche.title:
            line += "  " + _("(as “{label}”)").format(label=hit.matched)
        print(line)
    print(attribution(referentiel.version))
    return 0
