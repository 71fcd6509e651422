"""Read commands and exports without SQLAlchemy: the same output, or the full open.

``bilan status``, ``hours``, ``homework list`` and ``export`` (for herself)
read the workbook through ``store.quick_workbook`` (DESIGN §12: a read within
twice ``bilan --version``). Each test runs a command both ways
(``CommandContext.quick_reads`` off gives the full open) and compares what
a person or a script gets; the cases the quick read leaves to the full open
(encrypted, another schema version, damaged) must take it.
"""

from __future__ import annotations

import datetime
import io
import shutil
import sqlite3
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.context import CommandContext
from bilan_tui.crypto import keyring
from bilan_tui.packs import load_shipped_pack
from bilan_tui.store.errors import WorkbookBeingWritten
from bilan_tui.store.lock import hold_for_replacing
from bilan_tui.store.migrations import SCHEMA_VERSION
from bilan_tui.store.quick_workbook import QUERIES, QuickWorkbook, open_quick_workbook
from bilan_tui.store.repository import Workbook, open_workbook
from bilan_tui.store.tables import TABLE_NAMES, table

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"
READS = (
    ("status",),
    ("status", "--json"),
    ("hours",),
    ("hours", "--json"),
    ("homework", "list"),
    ("homework", "list", "--json"),
)
SCOPES = ("synthese", "detail", "homework", "suivi", "evaluation")
FORMATS = ("md", "html", "json", "docx", "pdf")


@pytest.fixture(autouse=True)
def _fresh_keyring() -> Iterator[None]:
    keyring.forget()
    yield
    keyring.forget()


def _demo(data_dir: Path, tmp_path: Path, language: str) -> Path:
    """The demo, with one homework assignment (so that every scope has something)."""
    assert main(["--lang", language, "demo", "--no-open"]) == 0
    due = (datetime.date.today() + datetime.timedelta(days=10)).isoformat()
    homework = tmp_path / "homework.bilan"
    assert (
        main(
            [
                *("--lang", language, "--workbook", "demo", "homework", "new"),
                *("--exercises", "valeurs,pistes", "--due", due, "--output", str(homework)),
            ]
        )
        == 0
    )
    assert main(["--workbook", "demo", "homework", "import", str(homework)]) == 0
    return data_dir / "workbooks" / "demo.sqlite"


@pytest.fixture(params=["en", "fr"])
def demo(
    request: pytest.FixtureRequest, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> Path:
    path = _demo(data_dir, tmp_path, request.param)
    capsys.readouterr()
    return path


class Opens:
    """Which way each command opened the workbook."""

    def __init__(self) -> None:
        self.full = 0
        self.quick = 0


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> Opens:
    counted = Opens()
    full_open = CommandContext.open_session
    quick_open = CommandContext.quick_session

    def full(self: CommandContext, **kwargs: Any) -> Any:
        counted.full += 1
        return full_open(self, **kwargs)

    def quick(self: CommandContext) -> Any:
        session = quick_open(self)
        counted.quick += session is not None
        return session

    monkeypatch.setattr(CommandContext, "open_session", full)
    monkeypatch.setattr(CommandContext, "quick_session", quick)
    return counted


def both_ways(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: Callable[[], int]
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """(status, stdout, stderr) of ``command`` through the quick read, then the full open."""
    results = []
    for quick in (True, False):
        monkeypatch.setattr(CommandContext, "quick_reads", quick)
        keyring.forget()  # every command is a new process
        code = command()
        out, err = capsys.readouterr()
        results.append((code, out, err))
    return results[0], results[1]


# The reader and the ORM tables -------------------------------------------------------


def test_every_column_the_quick_reader_reads_is_a_column_of_the_orm_tables(demo: Path) -> None:
    """``SELECT *`` rows carry exactly the columns ``tables.py`` declares, table by table."""
    quick = open_quick_workbook(demo)
    assert quick is not None
    try:
        read_tables = set()
        for name, query in QUERIES.items():
            table_name = query.split(" FROM ")[1].split()[0]
            read_tables.add(table_name)
            if not query.startswith("SELECT *"):
                continue
            cursor = quick.connection.execute(query.split(" WHERE ")[0].split(" ORDER ")[0])
            columns = [column[0] for column in cursor.description]
            assert columns == list(table(table_name).c.keys()), name
        for table_name in TABLE_NAMES:
            cursor = quick.connection.execute(f"SELECT * FROM {table_name}")
            assert [c[0] for c in cursor.description] == list(table(table_name).c.keys())
        assert read_tables <= set(TABLE_NAMES)
    finally:
        quick.close()


def _reads(workbook: Workbook | QuickWorkbook) -> dict[str, Any]:
    ledger = workbook.ledger()
    return {
        "info": workbook.info(),
        "display_name": workbook.get_setting("display_name"),
        "missing": workbook.get_setting("no such key", "default"),
        "answers": workbook.all_answers(),
        "bilan": workbook.answers("bilan"),
        "modalites": workbook.exercise_answers("bilan", "modalites").values,
        "statuses": workbook.statuses("bilan", ["demande", "nothing"]),
        "ledger": ledger,
        "some": workbook.ledger_entries([entry.id for entry in ledger[::3] if entry.id]),
        "totals": workbook.ledger_totals(),
        "homework": workbook.homework(),
        "consents": workbook.consents(),
        "notes": workbook.session_notes(),
    }


def test_the_quick_reader_answers_what_the_store_answers(demo: Path) -> None:
    with open_workbook(demo, create=False) as full:
        expected = _reads(full)
    quick = open_quick_workbook(demo)
    assert quick is not None
    try:
        assert _reads(quick) == expected
    finally:
        quick.close()
    assert expected["answers"] and expected["ledger"] and expected["homework"]


def test_the_fixture_of_the_current_schema_reads_alike(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    shutil.copyfile(FIXTURES / f"v{SCHEMA_VERSION}.sqlite", path)
    quick = open_quick_workbook(path)
    assert quick is not None
    try:
        found = _reads(quick)
    finally:
        quick.close()
    with open_workbook(path, create=False) as full:
        assert found == _reads(full)


def test_an_older_schema_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copyfile(FIXTURES / "v1.sqlite", path)
    before = path.read_bytes()
    assert open_quick_workbook(path) is None
    assert path.read_bytes() == before  # not upgraded behind the full open's back


def test_a_read_keeps_a_restore_waiting(demo: Path) -> None:
    quick = open_quick_workbook(demo)
    assert quick is not None
    try:
        with pytest.raises(WorkbookBeingWritten):
            hold_for_replacing(demo, wait=0)
    finally:
        quick.close()
    hold_for_replacing(demo, wait=0).release()  # closed: the restore may go on


# The commands ---------------------------------------------------------------------


@pytest.mark.parametrize("words", READS, ids=" ".join)
def test_read_commands_print_the_same_both_ways(
    demo: Path,
    words: tuple[str, ...],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opens: Opens,
) -> None:
    quick, full = both_ways(monkeypatch, capsys, lambda: main(["--workbook", "demo", *words]))
    assert quick == full
    assert quick[0] == 0 and quick[1].strip()
    assert (opens.quick, opens.full) == (1, 1)


def test_read_commands_import_no_sqlalchemy(demo: Path, data_dir: Path) -> None:
    """What the whole change is for: a read command never pays for the storage layer."""
    probe = (
        "import sys; from bilan_tui.cli import main\n"
        "for words in (['status'], ['hours'], ['homework', 'list']):\n"
        "    assert main(['--workbook', 'demo', *words]) == 0\n"
        "assert 'sqlalchemy' not in sys.modules, 'the storage layer was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_an_old_schema_workbook_answers_through_the_full_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "old.sqlite"
    path.parent.mkdir(parents=True)
    shutil.copyfile(FIXTURES / "v1.sqlite", path)
    counted = Opens()
    full_open = CommandContext.open_session

    def full(self: CommandContext, **kwargs: Any) -> Any:
        counted.full += 1
        return full_open(self, **kwargs)

    monkeypatch.setattr(CommandContext, "open_session", full)
    assert main(["--workbook", "old", "status", "--json"]) == 0
    upgraded = capsys.readouterr().out
    assert counted.full == 1  # upgraded by the full open, after a backup
    # Now current: the quick read answers, and says the same.
    quick, slow = both_ways(
        monkeypatch, capsys, lambda: main(["--workbook", "old", "status", "--json"])
    )
    assert quick == slow and quick[1] == upgraded


def test_a_damaged_workbook_says_the_same_line_both_ways(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / "workbooks" / "default.sqlite"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all" * 10)
    before = path.read_bytes()
    for words in (["status"], ["hours"], ["homework", "list"], ["export"]):
        quick, full = both_ways(monkeypatch, capsys, lambda w=words: main(w))  # type: ignore[misc]
        assert quick == full
        assert quick[0] == 1 and quick[2].startswith("bilan: ") and "Traceback" not in quick[2]
    assert path.read_bytes() == before


def test_damage_deep_in_the_demo_offers_the_backup_both_ways(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_workbook(demo, create=False) as opened:
        opened.rolling_backup(force=True)
    connection = sqlite3.connect(demo)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(demo.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 12), 97):
        data[offset] ^= 0xFF
    demo.write_bytes(bytes(data))
    quick, full = both_ways(monkeypatch, capsys, lambda: main(["--workbook", "demo", "status"]))
    assert quick == full
    assert quick[0] == 1 and "Traceback" not in quick[2]
    assert "backup" in quick[2].lower() or "sauvegarde" in quick[2].lower()


def test_an_encrypted_workbook_is_read_through_the_full_open(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opens: Opens,
) -> None:
    secret = tmp_path / "pass"
    secret.write_text("my secret phrase\n")
    assert main(["--lang", "en", "demo", "--no-open"]) == 0
    assert main(["--workbook", "demo", "encrypt", "--passphrase-file", str(secret)]) == 0
    capsys.readouterr()
    opens.full = opens.quick = 0
    words = ["--workbook", "demo", "--passphrase-file", str(secret), "status", "--json"]
    quick, full = both_ways(monkeypatch, capsys, lambda: main(words))
    assert quick == full and quick[0] == 0 and '"phases"' in quick[1]
    assert opens.quick == 0 and opens.full == 2
    # Without the passphrase: the same one line, no traceback.
    quick, full = both_ways(monkeypatch, capsys, lambda: main(["--workbook", "demo", "hours"]))
    assert quick == full and quick[0] == 2 and quick[2].count("\n") == 1


def test_a_stored_value_that_does_not_parse_falls_back_to_the_full_message(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], opens: Opens
) -> None:
    connection = sqlite3.connect(demo)
    connection.execute("UPDATE ledger_entry SET date = 'not a date' WHERE id = 1")
    connection.commit()
    connection.close()
    quick, full = both_ways(monkeypatch, capsys, lambda: main(["--workbook", "demo", "hours"]))
    assert quick == full and quick[0] == 1 and "Traceback" not in quick[2]
    assert opens.quick == 1 and opens.full == 2  # the quick read gave way to the full open


# Exports --------------------------------------------------------------------------


def _formats() -> list[str]:
    try:
        import typst  # noqa: F401
    except ImportError:
        return [fmt for fmt in FORMATS if fmt != "pdf"]
    return list(FORMATS)


def _content(path: Path) -> object:
    """The file's bytes; a docx's members (its zip stamps each member with the clock's second)."""
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_export_writes_the_same_bytes_both_ways(
    language: str,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opens: Opens,
) -> None:
    _demo(data_dir, tmp_path, language)
    capsys.readouterr()
    opens.full = opens.quick = 0
    count = 0
    for scope in SCOPES:
        for fmt in _formats():
            written = {}
            for quick in (True, False):
                monkeypatch.setattr(CommandContext, "quick_reads", quick)
                target = tmp_path / ("quick" if quick else "full") / f"{scope}.{fmt}"
                target.parent.mkdir(exist_ok=True)
                words = ["--workbook", "demo", "export", "--scope", scope, "--format", fmt]
                assert main([*words, "--output", str(target)]) == 0, capsys.readouterr().err
                assert stat.S_IMODE(target.stat().st_mode) == 0o600
                written[quick] = _content(target)
                count += 1
            assert written[True] == written[False], f"{scope}/{fmt}"
    capsys.readouterr()
    assert opens.quick == count // 2 and opens.full == count // 2


def test_an_export_remembers_its_folder_and_backs_up_as_the_full_open_does(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opens: Opens
) -> None:
    from bilan_tui.store.backup import rolling_backups

    folder = tmp_path / "exports"
    folder.mkdir()
    before = len(rolling_backups(demo))
    assert main(["--workbook", "demo", "export", "--output", str(folder / "a.md")]) == 0
    assert opens.quick == 1 and opens.full == 0
    with open_workbook(demo, create=False) as opened:
        assert opened.get_setting("export_folder") == str(folder.resolve())
    assert len(rolling_backups(demo)) == before + 1  # changed: backed up on closing
    # The next export without --output goes there; the folder is known: nothing written.
    assert main(["--workbook", "demo", "export"]) == 0
    assert len(list(folder.glob("*.md"))) == 2
    assert len(rolling_backups(demo)) == before + 1


def test_an_export_for_someone_else_records_consent_through_the_full_open(
    demo: Path, tmp_path: Path, opens: Opens
) -> None:
    target = tmp_path / "for-cep.md"
    words = ["--workbook", "demo", "export", "--for", "cep", "--output", str(target)]
    assert main([*words, "--agree-to-share", "--despite-modalites"]) == 0
    assert opens.full == 1 and opens.quick == 0
    with open_workbook(demo, create=False) as opened:
        assert [c.recipient for c in opened.consents()][-1:] == ["cep"]


def test_the_quick_reader_keeps_the_shipped_packs_sound() -> None:
    """The shipped pack loads without re-checking its guidance; its check still passes."""
    from bilan_tui.packs import check_pack
    from bilan_tui.packs.shipped import shipped_pack_root

    for language in ("en", "fr"):
        assert check_pack(shipped_pack_root(language)) == []
        assert load_shipped_pack(language).exercises


def test_the_shipped_packs_read_ahead_are_current_and_equal_to_their_files() -> None:
    """Run ``python tools/shipped_pack.py`` after changing ``content/`` if this fails."""
    from bilan_tui.packs.loader import load_pack
    from bilan_tui.packs.shipped import shipped_pack_root
    from bilan_tui.packs.shipped_cache import cached_shipped_pack

    for language in ("en", "fr"):
        root = shipped_pack_root(language)
        cached = cached_shipped_pack(language, root)
        assert cached is not None, "run python tools/shipped_pack.py"
        assert cached == load_pack(root)


def test_an_edited_pack_is_read_from_its_files_not_from_the_copy(tmp_path: Path) -> None:
    from bilan_tui.packs.loader import load_pack
    from bilan_tui.packs.shipped import shipped_pack_root
    from bilan_tui.packs.shipped_cache import cached_shipped_pack

    root = tmp_path / "fr"
    shutil.copytree(shipped_pack_root("fr"), root)
    assert cached_shipped_pack("fr", root) == load_pack(root)  # placed in the copy's folder
    first = sorted(root.glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    assert cached_shipped_pack("fr", root) is None


def test_homework_carrying_the_consultants_pack_reads_the_same_both_ways(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    opens: Opens,
) -> None:
    """The library then holds her consultant's pack: the quick read must see it too."""
    pack = Path(__file__).parent.parent.parent / "examples" / "reseau-pro"
    assert main(["--lang", "en", "demo", "--no-open"]) == 0
    homework = tmp_path / "reseau.bilan"
    due = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    words = ["--workbook", "demo", "homework", "new", "--exercises", "contacts,valeurs"]
    assert main([*words, "--due", due, "--pack", str(pack), "--output", str(homework)]) == 0
    assert main(["--workbook", "demo", "homework", "import", str(homework)]) == 0
    capsys.readouterr()
    opens.full = opens.quick = 0
    for read in READS:
        quick, full = both_ways(
            monkeypatch, capsys, lambda r=read: main(["--workbook", "demo", *r])
        )  # type: ignore[misc]
        assert quick == full and quick[0] == 0, read
    assert opens.quick == len(READS) and opens.full == len(READS)
    quick, full = both_ways(
        monkeypatch, capsys, lambda: main(["--workbook", "demo", "homework", "list"])
    )
    assert "Mon réseau professionnel" in quick[1]  # the carried pack's exercise, by title


def test_a_read_during_a_restore_waits_then_says_so_once_both_ways(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], opens: Opens
) -> None:
    from bilan_tui.store import lock

    monkeypatch.setattr(lock, "WAIT_SECONDS", 0.2)
    before = demo.read_bytes()
    with hold_for_replacing(demo, wait=0):  # a restore swapping the file
        quick, full = both_ways(monkeypatch, capsys, lambda: main(["--workbook", "demo", "status"]))
    assert quick == full and quick[0] == 1 and "Traceback" not in quick[2]
    assert quick[2].startswith("bilan: ") and quick[2].count("\n") == 1
    assert opens.full == 1  # the quick read reported it: no second wait in the full open
    assert demo.read_bytes() == before
