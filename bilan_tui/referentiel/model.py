"""What the ROME referential gives the rest of the program: plain frozen records.

The referential (DESIGN §13) is public data imported by the person from France Travail's
official files. These records are the contract between the importer/reader
(`bilan_tui.referentiel`) and its faces (the command line, the explorer screen, the exports):
they hold only stdlib types so that neither side needs the other's internals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class SkillKind(StrEnum):
    """The three families of items a fiche lists, as the official files classify them."""

    SAVOIR_FAIRE = "savoir_faire"
    SAVOIR_ETRE = "savoir_etre"
    SAVOIR = "savoir"


@dataclass(frozen=True, slots=True)
class ReferentielVersion:
    """One imported version of the referential.

    Attributes:
        number: The version number read from the files (60 for `v460`).
        published: Publication date as printed in `version.txt` (ISO `YYYY-MM-DD`), or "".
        title: The title line of `version.txt` ("ROME 4.0 version 60 - 25M09"), or "".
        path: Where the built database lives.
    """

    number: int
    published: str
    title: str
    path: str


@dataclass(frozen=True, slots=True)
class FicheRef:
    """A fiche named by its code and title, e.g. a mobility target or a search result."""

    code: str
    title: str
    riasec_major: str
    riasec_minor: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a fiche, and the label that matched (a job title or the fiche's)."""

    fiche: FicheRef
    matched: str
    is_appellation: bool


@dataclass(frozen=True, slots=True)
class SkillItem:
    """One item of a fiche: its stable official code (`code_ogr`), label, family and weight.

    Attributes:
        code: The official item code (`code_ogr`), stored by the workbook for skills-gap marks.
        label: The official label.
        kind: Savoir-faire, savoir-être or savoir.
        core: True when the fiche flags it `coeur_metier` (a core item of the job).
        group: The heading the item sits under in the fiche ("Technique", a category), or "".
        emerging: True when the fiche flags it as emerging (``Émergente``) in the job.
    """

    code: str
    label: str
    kind: SkillKind
    core: bool
    group: str
    emerging: bool = False


@dataclass(frozen=True, slots=True)
class Fiche:
    """Everything the explorer and `metiers show` display for one fiche.

    Attributes:
        ref: Code, title and official Holland code.
        definition: The definition's sentences, in order.
        access: The "accès à l'emploi" sentences, in order.
        appellations: Every job title of the fiche (long labels), by title.
        skills: Savoir-faire, savoir-être and savoirs; core items first, then the
            official order.
        contexts: (type, context) pairs, e.g. ("Horaires et durée du travail",
            "Travail le samedi"), grouped by type.
        close: Mobility targets in their official order. ROME 4.0's CSV has one
            mobility list without a type, so every target is here.
        next: Evolution targets, only when a version's file types its mobility
            links (ROME 3 did); empty for v60.
        cadre: The "emploi cadre" flag.
        regulated: The "emploi réglementé" flag.
        transitions: Flags in words: the ecological label when it is not neutral
            ("Emploi Vert"), "Digital transition", "Demographic transition".
        centres_interet: Labels of the official centres d'intérêt listing the
            fiche, those where it is a main fiche first.
        sectors: Sectors of activity (from the optional sector files), by label.
    """

    ref: FicheRef
    definition: tuple[str, ...]
    access: tuple[str, ...]
    appellations: tuple[str, ...]
    skills: tuple[SkillItem, ...]
    contexts: tuple[tuple[str, str], ...]
    close: tuple[FicheRef, ...]
    next: tuple[FicheRef, ...]
    cadre: bool
    regulated: bool
    transitions: tuple[str, ...]
    centres_interet: tuple[str, ...]
    sectors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A fiche proposed by Holland matching, with the reason in the person's language.

    Attributes:
        fiche: The fiche.
        score: The congruence index (higher is closer), documented in `matching.py`.
        reason: One sentence saying why, already translated.
        near_tie: True when her code's order is uncertain enough that this fiche ranks
            differently under the alternative order (shown as such, never hidden).
    """

    fiche: FicheRef
    score: float
    reason: str
    near_tie: bool


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import built, for the command line and the interface.

    Attributes:
        version: The version now installed.
        counts: Rows stored per table ("fiches", "appellations", "savoir_faire"...).
        skipped: (file, reason) for each optional file absent, unused or decoded
            with a fallback, already translated.
        seconds: Wall time of the import.
    """

    version: ReferentielVersion
    counts: Mapping[str, int] = field(default_factory=dict)
    skipped: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
