"""When a backup was taken, in words, and what it holds, in English and in French."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest

from bilan_tui.i18n import set_language
from bilan_tui.services.backup_text import contents_in_words, date_in_words, when_in_words
from bilan_tui.store.contents import Contents

NOW = datetime.datetime(2026, 12, 4, 23, 10)


@pytest.fixture
def french() -> Iterator[None]:
    set_language("fr")
    try:
        yield
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (datetime.datetime(2026, 12, 4, 16, 40), "today at 16:40"),
        (datetime.datetime(2026, 12, 3, 9, 5), "yesterday at 9:05"),
        (datetime.datetime(2026, 12, 1, 9, 5), "Tuesday 1 December 2026 at 9:05"),
    ],
)
def test_when_in_english(moment: datetime.datetime, words: str) -> None:
    assert when_in_words(moment, NOW) == words


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (datetime.datetime(2026, 12, 4, 16, 40), "aujourd'hui à 16 h 40"),
        (datetime.datetime(2026, 12, 3, 9, 5), "hier à 9 h 05"),
        (datetime.datetime(2026, 12, 1, 9, 5), "mardi 1er décembre 2026 à 9 h 05"),
        (datetime.datetime(2026, 11, 20, 21, 0), "vendredi 20 novembre 2026 à 21 h 00"),
    ],
)
def test_when_in_french(french: None, moment: datetime.datetime, words: str) -> None:
    assert when_in_words(moment, NOW) == words


def test_a_date_in_words() -> None:
    assert date_in_words(datetime.date(2027, 2, 14)) == "Sunday 14 February 2027"


@pytest.mark.parametrize(
    ("contents", "english", "french_words"),
    [
        (
            Contents(0, 0, 0, 0),
            "EMPTY: no answers, no hours",
            "VIDE : aucune réponse, aucune heure",
        ),
        (Contents(1, 1, 0, 0), "1 answer in 1 exercise", "1 réponse dans 1 exercice"),
        (
            Contents(23, 4, 6, 1),
            "23 answers in 4 exercises, 6 lines of hours, 1 homework assignment",
            "23 réponses dans 4 exercices, 6 lignes d'heures, 1 devoir",
        ),
        (Contents(0, 0, 2, 0), "no answers, 2 lines of hours", "aucune réponse, 2 lignes d'heures"),
    ],
)
def test_what_a_backup_holds(contents: Contents, english: str, french_words: str) -> None:
    assert contents_in_words(contents) == english
    set_language("fr")
    try:
        assert contents_in_words(contents) == french_words
    finally:
        set_language("en")


def test_backups_of_the_same_minute_are_told_apart_by_their_seconds(french: None) -> None:
    from pathlib import Path

    from bilan_tui.services.backup_text import backups_in_words
    from bilan_tui.store.backup import Backup

    holds = Contents(3, 1, 0, 0)
    taken = [
        datetime.datetime(2026, 12, 4, 16, 40, 7),
        datetime.datetime(2026, 12, 4, 16, 40, 52),
        datetime.datetime(2026, 12, 3, 9, 5, 0),
    ]
    backups = [Backup(Path(f"b{n}.sqlite"), moment, holds) for n, moment in enumerate(taken)]
    assert backups_in_words(backups, NOW) == [
        "aujourd'hui à 16 h 40 min 07 s : 3 réponses dans 1 exercice",
        "aujourd'hui à 16 h 40 min 52 s : 3 réponses dans 1 exercice",
        "hier à 9 h 05 : 3 réponses dans 1 exercice",
    ]
