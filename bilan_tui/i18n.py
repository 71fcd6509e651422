"""Translations: gettext catalogs for French and English, managed with Babel.

Every string a person reads goes through :func:`_`. Source strings are English;
``locale/fr`` holds the French catalog and French is the default language.
The language is chosen once at start-up (``--lang``, the saved setting,
``$LANG``, else French) and can be changed from the interface.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Mapping
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
DOMAIN = "bilan"
LOCALE_DIR = Path(__file__).parent / "locale"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def resolve_language(
    requested: str | None = None,
    saved: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Pick the interface language.

    Args:
        requested: ``--lang`` from the command line, if given.
        saved: the workbook's saved setting, if any.
        environ: the environment to read ``LC_ALL``/``LC_MESSAGES``/``LANG`` from.

    Returns:
        ``fr`` or ``en``: the first of the above that names one, else French.
    """
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "").lower()
        if value.startswith("fr"):
            return "fr"
        if value.startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Make ``language`` the one :func:`_` translates into."""
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _language = language
    _current = _catalog(language)


@functools.lru_cache(maxsize=len(LANGUAGES))
def _catalog(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language``, read once per process."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)


def language() -> str:
    """The language currently in use."""
    return _language


def _(message: str) -> str:
    """Translate ``message`` into the current language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return _current.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it now.

    For text written when a class is built (key bindings): it is translated
    where it is shown (``ui/binding_text.py``), so the language may be chosen
    after ``bilan_tui.ui`` is imported, and changed without rebuilding classes.
    """
    return message
