"""The importer and reader over the real ROME v60 (the shared copy), when it is here.

The official zip is never in the repository; these tests skip, saying why, on a
machine without ``../shared/data/rome/RefRomeCsv-v460.zip``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.referentiel.importer import import_referentiel
from bilan_tui.referentiel.model import ImportReport, SkillKind
from bilan_tui.referentiel.reader import Referentiel

from .rome_helpers import official_zip

OFFICIAL = official_zip()
pytestmark = pytest.mark.skipif(
    OFFICIAL is None,
    reason="the official ROME zip is absent (../shared/data/rome/RefRomeCsv-v460.zip); "
    "set BILAN_ROME_ZIP to run these tests",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ImportReport, Path]]:
    assert OFFICIAL is not None
    data = tmp_path_factory.mktemp("official")
    report = import_referentiel(OFFICIAL, data)
    yield report, Path(report.version.path)


@pytest.fixture
def referentiel(installed: tuple[ImportReport, Path]) -> Iterator[Referentiel]:
    opened = Referentiel(installed[1])
    yield opened
    opened.close()


def test_version_60_with_every_fiche_and_job_title(installed: tuple[ImportReport, Path]) -> None:
    report, _path = installed
    assert report.version.number == 60
    assert report.version.published == "2025-09-18"
    assert report.counts["fiches"] == 1584
    assert report.counts["appellations"] == 13120
    assert report.counts["holland_codes"] == 1584
    assert report.counts["centres_interet"] == 30
    skipped = dict(report.skipped)
    assert skipped["unix_arborescence_competences_v460_utf8.csv"] == (
        "absent: optional, imported without it"
    )
    # Not Windows-1252 as its reputation says: "Œnologue" is byte 0xBC, ISO-8859-15.
    assert skipped["unix_arborescence_secteur_naf_v460_utf8.csv"] == (
        "read as ISO-8859-15 (Latin-9): it is not UTF-8"
    )


def test_no_mojibake_and_no_doubled_apostrophes(installed: tuple[ImportReport, Path]) -> None:
    db = sqlite3.connect(installed[1])
    try:
        for table, column in [("sector", "label"), ("texte", "text"), ("fiche", "title")]:
            (bad,) = db.execute(
                f"SELECT COUNT(*) FROM {table} WHERE {column} LIKE '%Ã%' "
                f"OR {column} LIKE '%¼%' OR {column} LIKE '%½%' "
                f"OR {column} LIKE '%''''%' OR instr({column}, char(65533)) > 0"
            ).fetchone()
            assert bad == 0, table
    finally:
        db.close()


@pytest.mark.parametrize(
    "text", ["educateur specialise", "éducateur spécialisé", "Éducateur-spécialisé"]
)
def test_the_three_spellings_find_k1207_first(referentiel: Referentiel, text: str) -> None:
    assert referentiel.search(text)[0].fiche.code == "K1207"


def test_aide_soignante_finds_j1501(referentiel: Referentiel) -> None:
    assert referentiel.search("aide soignante")[0].fiche.code == "J1501"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("agent de sécurité", "K2503"),  # its appellation, before longer fiche titles
        ("prof ecoles", "K2106"),
        ("infirmier entreprise", "J1512"),
        ("secretaire medicale", "M1609"),
    ],
)
def test_everyday_searches(referentiel: Referentiel, text: str, code: str) -> None:
    assert referentiel.search(text)[0].fiche.code == code


def test_the_nurses_of_the_demo_are_j1512_and_j1511_in_v60(referentiel: Referentiel) -> None:
    assert referentiel.titles(["J1512", "J1511", "J1505"]) == {
        "J1512": "Infirmier / Infirmière de santé au travail",
        "J1511": "Infirmier / Infirmière scolaire",
        "J1505": "Infirmier / Infirmière de prévention",
    }
    assert referentiel.search("infirmier sante travail")[0].fiche.code == "J1512"
    fiche = referentiel.fiche("J1512")
    assert fiche is not None
    assert (fiche.ref.riasec_major, fiche.ref.riasec_minor) == ("I", "S")
    assert fiche.regulated is True
    core = [i for i in fiche.skills if i.core and i.kind is SkillKind.SAVOIR_FAIRE]
    assert len(core) >= 5
    assert fiche.definition and fiche.access and fiche.appellations and fiche.close


def test_typing_letter_by_letter_keeps_answering(referentiel: Referentiel) -> None:
    typed = "educateur specialise"
    for end in range(1, len(typed) + 1):
        assert referentiel.search(typed[:end]), typed[:end]


def test_an_s_i_profile_gets_s_i_fiches_first_with_reasons(referentiel: Referentiel) -> None:
    suggestions = referentiel.match({"S": 85, "I": 70, "E": 55, "A": 40, "C": 30, "R": 20})
    assert len(suggestions) == 20
    assert all((s.fiche.riasec_major, s.fiche.riasec_minor) == ("S", "I") for s in suggestions[:10])
    assert all(s.reason.endswith(".") for s in suggestions)
    assert not any(s.near_tie for s in suggestions)
    assert referentiel.centres()[0][0] == "1" and len(referentiel.centres()) == 30
