"""Round trips through the workbook repository: what is saved is what comes back."""

from __future__ import annotations

import datetime
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.domain.answers import POSITION, Answer, AnswerKey, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.domain.model import ExerciseStatus
from bilan_tui.domain.records import Consent, Homework, LedgerEntry
from bilan_tui.store import WorkbookNotFound
from bilan_tui.store.repository import DISPLAY_NAME, Workbook, open_workbook

UTC = datetime.UTC


@pytest.fixture
def workbook(tmp_path: Path) -> Iterator[Workbook]:
    with open_workbook(tmp_path / "camille.sqlite", language="en") as opened:
        yield opened


def key(exercise: str, field: str, entry: str = "", pack: str = "bilan") -> AnswerKey:
    return AnswerKey(pack, exercise, field, entry)


def test_new_workbook_describes_itself(workbook: Workbook) -> None:
    info = workbook.info()
    assert info.name == "camille"
    assert info.language == "en"
    assert info.pack_ids == ()
    assert abs(datetime.datetime.now(UTC) - info.created_at) < datetime.timedelta(minutes=1)


def test_answers_of_every_json_shape_round_trip(workbook: Workbook) -> None:
    values: dict[str, JSONValue] = {
        "text": "Aide-soignante « de nuit » — 10 ans ✓",
        "longtext": "ligne 1\nligne 2\t[b]pas du balisage[/b] \x00fin",
        "number": 3.5,
        "year": 2008,
        "checkbox": False,
        "multichoice": ["a", "b"],
        "nested": {"x": [1, None, "z"]},
        "cleared": None,
    }
    workbook.save_answers(Answer(key("demande", f), v) for f, v in values.items())
    loaded = {a.key.field_id: a.value for a in workbook.answers("bilan")}
    assert loaded == values


def test_upsert_keeps_one_row_per_key_and_the_time_of_the_last_change(
    workbook: Workbook,
) -> None:
    early = datetime.datetime(2026, 1, 1, 9, tzinfo=UTC)
    later = datetime.datetime(2026, 1, 2, 9, tzinfo=UTC)
    workbook.save_answers([Answer(key("demande", "pourquoi"), "v1", early)])
    workbook.save_answers([Answer(key("demande", "pourquoi"), "v2", later)])
    workbook.save_answers([Answer(key("demande", "pourquoi"), "v2")])  # unchanged value
    (answer,) = workbook.answers("bilan")
    assert answer.value == "v2"
    assert answer.updated_at == later


def test_exercise_answers_are_scoped_to_pack_and_exercise(workbook: Workbook) -> None:
    workbook.save_answers(
        [
            Answer(key("demande", "pourquoi"), "mine"),
            Answer(key("situation", "pourquoi"), "other exercise"),
            Answer(key("demande", "pourquoi", pack="autre"), "other pack"),
        ]
    )
    answers = workbook.exercise_answers("bilan", "demande")
    assert isinstance(answers, ExerciseAnswers)
    assert answers.values == {("pourquoi", ""): "mine"}
    assert len(workbook.all_answers()) == 3
    assert [a.value for a in workbook.answers("autre")] == ["other pack"]


def test_record_entries_keep_their_order_and_can_be_deleted(workbook: Workbook) -> None:
    edited = ExerciseAnswers("bilan", "parcours")
    for position, entry_id in enumerate(["c", "a", "b"]):
        edited.set(POSITION, position, entry_id)
        edited.set("poste", f"poste {entry_id}", entry_id)
    edited.set("commentaire", "hors entrée")
    workbook.save_answers(edited)

    loaded = workbook.exercise_answers("bilan", "parcours")
    assert [e.id for e in loaded.entries()] == ["c", "a", "b"]
    assert loaded.entries()[0].values == {"poste": "poste c"}

    assert workbook.delete_entry("bilan", "parcours", "a") == 2
    again = workbook.exercise_answers("bilan", "parcours")
    assert [e.id for e in again.entries()] == ["c", "b"]
    assert again.get("commentaire") == "hors entrée"
    with pytest.raises(ValueError):
        workbook.delete_entry("bilan", "parcours", "")


def test_delete_answers_removes_only_the_given_keys(workbook: Workbook) -> None:
    workbook.save_answers(Answer(key("interets", ITEM_KEYS.key(i)), i) for i in range(300))
    removed = workbook.delete_answers([key("interets", ITEM_KEYS.key(i)) for i in range(0, 300, 2)])
    assert removed == 150
    left = sorted(int(a.key.field_id.split(":")[1]) for a in workbook.answers("bilan"))
    assert left == list(range(1, 300, 2))
    assert workbook.delete_answers([]) == 0


def test_statuses_come_from_non_empty_answers_and_done_marks(workbook: Workbook) -> None:
    workbook.save_answers(
        [
            Answer(key("demande", "pourquoi"), "une raison"),
            Answer(key("situation", "poste"), "   "),
            Answer(key("situation", "liste"), []),
            Answer(key("parcours", POSITION, "e1"), 0),
            Answer(key("valeurs", "rank"), ["autonomie"]),
        ]
    )
    workbook.set_done("bilan", "valeurs")
    workbook.set_done("bilan", "projet")
    statuses = workbook.statuses("bilan", ["demande", "situation", "parcours", "suivi"])
    assert statuses == {
        "demande": ExerciseStatus.STARTED,
        "situation": ExerciseStatus.TODO,
        "parcours": ExerciseStatus.TODO,
        "suivi": ExerciseStatus.TODO,
        "valeurs": ExerciseStatus.DONE,
        "projet": ExerciseStatus.DONE,
    }
    workbook.set_done("bilan", "valeurs", done=False)
    assert workbook.statuses("bilan")["valeurs"] is ExerciseStatus.STARTED
    assert workbook.statuses("autre") == {}


def test_packs_used_are_listed_in_first_use_order(workbook: Workbook) -> None:
    workbook.save_answers([Answer(key("demande", "x", pack="bilan"), "1")])
    workbook.save_answers([Answer(key("demande", "x", pack="maison"), "1")])
    workbook.save_answers([Answer(key("demande", "y", pack="bilan"), "1")])
    assert workbook.info().pack_ids == ("bilan", "maison")


def test_a_failed_transaction_writes_nothing(workbook: Workbook) -> None:
    with pytest.raises(RuntimeError), workbook.transaction():
        workbook.save_answers([Answer(key("demande", "pourquoi"), "lost")])
        workbook.set_setting(DISPLAY_NAME, "lost too")
        raise RuntimeError("boom")
    assert workbook.answers("bilan") == []
    assert workbook.get_setting(DISPLAY_NAME) is None


def test_ledger_add_update_delete_list(workbook: Workbook) -> None:
    first = workbook.add_ledger_entry(
        LedgerEntry(datetime.date(2026, 2, 3), 90, "preliminaire", "accompagnement", "RDV 1")
    )
    second = workbook.add_ledger_entry(
        LedgerEntry(
            datetime.date(2026, 1, 30),
            25,
            "investigation",
            "personnel",
            source="auto",
            exercise_id="valeurs",
        )
    )
    assert first.id is not None and second.id is not None and first.id != second.id
    assert workbook.ledger() == [second, first]

    moved = LedgerEntry(
        datetime.date(2026, 2, 4), 60, "preliminaire", "accompagnement", "", id=first.id
    )
    assert workbook.update_ledger_entry(moved)
    assert workbook.ledger() == [second, moved]
    assert workbook.delete_ledger_entry(second.id)
    assert not workbook.delete_ledger_entry(second.id)
    assert workbook.ledger() == [moved]


@pytest.mark.parametrize(
    "entry",
    [
        LedgerEntry(datetime.date(2026, 1, 1), 30, "preliminaire", "loisir"),
        LedgerEntry(datetime.date(2026, 1, 1), 30, "preliminaire", "personnel", source="guess"),
        LedgerEntry(datetime.date(2026, 1, 1), -5, "preliminaire", "personnel"),
    ],
)
def test_invalid_ledger_entries_are_refused(workbook: Workbook, entry: LedgerEntry) -> None:
    with pytest.raises(ValueError):
        workbook.add_ledger_entry(entry)
    assert workbook.ledger() == []


def test_updating_a_ledger_entry_needs_an_id(workbook: Workbook) -> None:
    with pytest.raises(ValueError):
        workbook.update_ledger_entry(
            LedgerEntry(datetime.date(2026, 1, 1), 30, "preliminaire", "personnel")
        )


def test_homework_is_imported_once_per_file(workbook: Workbook) -> None:
    homework = Homework("bilan", ("valeurs", "interets"), "sha256:aa", datetime.date(2026, 3, 1))
    stored, added = workbook.add_homework(homework)
    assert added
    assert stored.exercises == ("valeurs", "interets")
    assert stored.due == datetime.date(2026, 3, 1)
    assert stored.id is not None and stored.imported_at is not None

    again, added_again = workbook.add_homework(homework)
    assert not added_again
    assert again == stored

    workbook.add_homework(Homework("bilan", ("projet",), "sha256:bb", message="Merci"))
    workbook.add_homework(Homework("bilan", ("suivi",), "sha256:cc", datetime.date(2026, 2, 1)))
    assert [h.file_hash for h in workbook.homework()] == ["sha256:cc", "sha256:aa", "sha256:bb"]
    assert workbook.homework()[2].message == "Merci"


def test_consents_are_recorded_with_a_date(workbook: Workbook) -> None:
    when = datetime.datetime(2026, 3, 2, 14, 0, tzinfo=UTC)
    first = workbook.add_consent(Consent("consultant", "synthese", "md", False, "/x/s.md", when))
    second = workbook.add_consent(Consent("employer", "detail", "html", True, "/x/d.html"))
    assert first.date == when
    assert second.date is not None and second.date > when
    assert workbook.consents() == [first, second]


def test_settings_and_language(workbook: Workbook) -> None:
    assert workbook.get_setting(DISPLAY_NAME, "Anonyme") == "Anonyme"
    workbook.set_setting(DISPLAY_NAME, "Camille M.")
    workbook.set_setting(DISPLAY_NAME, "Camille Martin")
    assert workbook.get_setting(DISPLAY_NAME) == "Camille Martin"
    workbook.set_setting(DISPLAY_NAME, None)
    assert workbook.get_setting(DISPLAY_NAME) is None
    workbook.set_language("fr")
    assert workbook.info().language == "fr"


def test_everything_survives_closing_and_reopening(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_workbook(path) as workbook:
        workbook.save_answers([Answer(key("demande", "pourquoi"), "persisté")])
        workbook.set_done("bilan", "demande")
    with open_workbook(path, create=False) as workbook:
        assert [a.value for a in workbook.answers("bilan")] == ["persisté"]
        assert workbook.statuses("bilan") == {"demande": ExerciseStatus.DONE}


def test_read_only_commands_do_not_create_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "w.sqlite"
    with pytest.raises(WorkbookNotFound) as caught:
        open_workbook(path, create=False)
    assert str(path) in str(caught.value)
    assert not path.parent.exists()


def test_writes_begin_immediate(workbook: Workbook) -> None:
    """Inside a transaction the write lock is held before any statement runs."""
    other = sqlite3.connect(str(workbook.path), isolation_level=None, timeout=0)
    try:
        with workbook.transaction(), pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_a_closed_workbook_refuses_use(tmp_path: Path) -> None:
    workbook = open_workbook(tmp_path / "w.sqlite")
    workbook.close()
    workbook.close()
    with pytest.raises(RuntimeError):
        workbook.answers("bilan")
