"""Argparse's own words, in the person's language.

``argparse`` looks its strings up with ``gettext.gettext`` in the default text domain,
which this program never installs, so "usage:", "options:" and every parsing error stayed
English in the French interface. Its module-level ``_`` and ``ngettext`` are the only
hooks it offers; :func:`install` points them at our catalogs. The strings are listed
here with the marker :func:`N_` so that ``tools/i18n.py`` extracts them (they must be the
exact text of the standard library's ``argparse``; a test checks each one still is).
"""

from __future__ import annotations

import argparse

from bilan_tui.i18n import _, ngettext


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it now."""
    return message


ARGPARSE_MESSAGES: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""Every message of ``argparse`` a person can meet on this program's command line."""


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural message for extraction without translating it now."""
    return singular, plural


ARGPARSE_PLURALS: tuple[tuple[str, str], ...] = (
    Nn_("expected %s argument", "expected %s arguments"),
)
"""The plural message of ``argparse`` a person can meet."""


def install() -> None:
    """Make ``argparse`` speak through this program's catalogs (idempotent)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
