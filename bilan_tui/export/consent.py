"""What the person is asked before an export leaves their hands.

The law makes the beneficiary the only recipient of their results (L6313-4):
a file made for someone else says, before it is written, who will receive it
and what it holds, and the person's agreement is recorded. These sentences
are interface text (the command line and the export screen show them), so
they go through the interface's catalog.
"""

from __future__ import annotations

from pathlib import Path

from bilan_tui.domain.records import Consent
from bilan_tui.i18n import _

from .contents import PART_IDS, ordered, part_label
from .options import ExportOptions


def recipient_label(recipient: str) -> str:
    """Who receives the file, addressed to the person ("your consultant")."""
    labels = {
        "self": _("yourself only"),
        "consultant": _("your consultant"),
        "cep": _("your career development adviser (CEP)"),
        "employer": _("your employer"),
        "funder": _("the funder of your bilan"),
        "other": _("someone else you choose"),
    }
    return labels.get(recipient, recipient)


def scope_label(scope: str) -> str:
    """What the file holds, in a few words."""
    labels = {
        "synthese": _("your synthesis document"),
        "detail": _("your detailed results: every answer and every score"),
        "homework": _("the exercises of your homework, with your answers"),
        "suivi": _("your follow-up report, with your action plan and your situation six months on"),
        "evaluation": _("your evaluation of the bilan, on its own"),
    }
    return labels.get(scope, scope)


def scope_short(scope: str) -> str:
    """The scope in one or two words, for the list of what was shared."""
    labels = {
        "synthese": _("synthesis"),
        "detail": _("detailed results"),
        "homework": _("homework"),
        "suivi": _("follow-up report"),
        "evaluation": _("evaluation of the bilan"),
    }
    return labels.get(scope, scope)


def format_label(format_: str) -> str:
    """The file format, named for a person."""
    labels = {
        "md": _("Markdown"),
        "html": _("HTML"),
        "json": _("JSON"),
        "pdf": _("PDF"),
        "docx": _("Word"),
    }
    return labels.get(format_, format_)


def content_lines(options: ExportOptions) -> list[str]:
    """The parts of the bilan the file holds, then those it leaves out, one per line.

    Empty for a homework export, which holds the exercises the consultant asked
    for, and for the evaluation, which holds the evaluation alone.
    """
    if options.scope in ("homework", "evaluation"):
        return []
    held = ordered(options.parts)
    lines = [_("Parts of the bilan included:")] + [f"  + {part_label(part_id)}" for part_id in held]
    left = [part_id for part_id in PART_IDS if part_id not in options.parts]
    if left:
        lines.append(_("Parts left out:"))
        lines += [f"  − {part_label(part_id)}" for part_id in left]
    return lines


def describe(options: ExportOptions, path: Path | None = None) -> list[str]:
    """The lines shown before asking for agreement: recipient, content, privacy, place, parts.

    The list of parts comes last but one: it is the longest, and the
    confirmation on screen scrolls it while the first lines stay in view.
    """
    lines = [
        _("This export is for: {recipient}.").format(recipient=recipient_label(options.recipient)),
        _("It contains: {content} ({format}).").format(
            content=scope_label(options.scope), format=format_label(options.format)
        ),
        _("Your private answers (health, family…) are included.")
        if options.include_private
        else _("Your private answers (health, family…) are left out."),
    ]
    if path is not None:
        lines.append(_("It will be written to: {path}").format(path=path))
    lines += content_lines(options)
    if options.for_someone_else:
        lines.append(
            _(
                "Your results belong to you: they go to someone else only with your "
                "agreement, and your agreement is recorded in your workbook."
            )
        )
    return lines


def consent_for(options: ExportOptions, path: Path) -> Consent:
    """The consent entry recording this export (dated by the store)."""
    return Consent(
        recipient=options.recipient,
        scope=options.scope,
        format=options.format,
        include_private=options.include_private,
        path=str(path),
    )


def answer_is_yes(text: str) -> bool:
    """Whether a typed answer means yes (English or French)."""
    return text.strip().casefold() in {"y", "yes", "o", "oui", _("y").casefold()}
