"""The referential's texts in the person's language.

What to say when no referential is installed, how to credit the source (the
Licence Ouverte asks for it on everything shown from the data), and the names
of Holland's types in sentences.
"""

from __future__ import annotations

from bilan_tui.domain.dates import MONTHS
from bilan_tui.i18n import _, language

from .model import ReferentielVersion

IMPORT_COMMAND = "bilan metiers import CHEMIN"


def import_command() -> str:
    """The one command that installs the referential, with its argument named."""
    return _("bilan metiers import PATH")


def missing_referential() -> str:
    """What the referential is, where to get it, and the command that installs it."""
    return _(
        "The occupation referential is not installed. It is the ROME 4.0, France "
        "Travail's official description of occupations (fiches, job titles, skills, "
        "Holland codes). France Travail publishes it as RefRomeCsv.zip on data.gouv.fr "
        "and francetravail.io, under the Licence Ouverte. Download that file, then run "
        "once: {command}"
    ).format(command=import_command())


def published_month(version: ReferentielVersion) -> str:
    """ "septembre 2025" (in the person's language) from the ISO publication date, or ""."""
    parts = version.published.split("-")
    if len(parts) != 3 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return ""
    return f"{MONTHS[language()][int(parts[1]) - 1]} {parts[0]}"


def attribution(version: ReferentielVersion) -> str:
    """The credit line: "Source : France Travail, ROME 4.0, version 60 (septembre 2025)"."""
    month = published_month(version)
    if month:
        return _("Source: France Travail, ROME 4.0, version {number} ({month})").format(
            number=version.number, month=month
        )
    return _("Source: France Travail, ROME 4.0, version {number}").format(number=version.number)


def type_name(letter: str) -> str:
    """Holland's type of ``letter``, as a word in a sentence ("social", "investigative")."""
    names = {
        "R": _("realistic"),
        "I": _("investigative"),
        "A": _("artistic"),
        "S": _("social"),
        "E": _("enterprising"),
        "C": _("conventional"),
    }
    return names.get(letter, letter)


def count_label(key: str) -> str:
    """The name of a count in an import report or ``metiers info``."""
    labels = {
        "fiches": _("fiches"),
        "holland_codes": _("Holland codes"),
        "appellations": _("job titles (appellations)"),
        "search_labels": _("searchable titles"),
        "savoir_faire": _("savoir-faire"),
        "savoir_etre": _("savoir-être"),
        "savoir": _("savoirs (knowledge)"),
        "skill_links": _("fiche–skill links"),
        "context_links": _("fiche–work context links"),
        "work_contexts": _("work contexts"),
        "texts": _("definition and access sentences"),
        "mobility_links": _("mobility links"),
        "centres_interet": _("centres d'intérêt"),
        "sectors": _("fiche–sector links"),
    }
    return labels.get(key, key)
