"""``bilan pack check|install|list``, archives, upgrades that keep answers, the example pack."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.model import Kind
from bilan_tui.domain.parts import FieldType
from bilan_tui.packs import load_library, load_pack, load_shipped_pack
from bilan_tui.packs.archive import MAX_FILE_BYTES
from bilan_tui.services.session import WorkbookSession

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "reseau-pro"
MINI = ROOT / "tests" / "fixtures" / "packs" / "mini"
BROKEN = ROOT / "tests" / "fixtures" / "packs" / "broken-many"


def copy_pack(source: Path, dest: Path, version: str | None = None) -> Path:
    """A copy of a pack, optionally with another version in its pack.toml."""
    shutil.copytree(source, dest)
    if version is not None:
        manifest = dest / "pack.toml"
        text = manifest.read_text("utf-8")
        old = next(line for line in text.splitlines() if line.startswith("version ="))
        manifest.write_text(text.replace(old, f'version = "{version}"'), "utf-8")
    return dest


def zip_folder(folder: Path, archive: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted(folder.iterdir()):
            zipped.write(path, prefix + path.name)
    return archive


# check ------------------------------------------------------------------------


def test_the_example_pack_is_sound_and_uses_every_kind_and_field_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pack", "check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "reseau-pro 1.0.0 (fr)" in out[0] and "no problem found" in out[0]
    pack = load_pack(EXAMPLE)
    assert {exercise.kind for exercise in pack.exercises} == set(Kind)
    field_types = {field.type for exercise in pack.exercises for field in exercise.fields}
    assert field_types == set(FieldType)
    assert any(field.private for exercise in pack.exercises for field in exercise.fields)


def test_check_reports_every_problem_as_path_line_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pack", "check", str(BROKEN)]) == 2
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) >= 5
    for line in lines:
        path, line_number, message = line.split(":", 2)
        assert path.startswith(str(BROKEN))
        assert int(line_number) >= 1
        assert message.strip()
    assert f"{len(lines)} problems" in captured.err


def test_check_of_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "check", str(tmp_path / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().out


def test_check_a_zip_names_the_archive_in_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = zip_folder(BROKEN, tmp_path / "broken.zip", prefix="broken/")
    assert main(["pack", "check", str(archive)]) == 2
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines and all(line.startswith(f"{archive}/") for line in lines)


# install ----------------------------------------------------------------------


def test_install_copies_the_pack_privately_and_list_shows_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    assert "Installed pack reseau-pro 1.0.0" in capsys.readouterr().out
    folder = data_dir / "packs" / "reseau-pro"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "packs").stat().st_mode) == 0o700
    names = sorted(path.name for path in folder.iterdir())
    assert names == sorted(path.name for path in EXAMPLE.iterdir())
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in folder.iterdir())
    assert main(["pack", "list"]) == 0
    out = capsys.readouterr().out
    assert "reseau-pro 1.0.0 (fr)" in out and "Mon réseau professionnel" in out
    assert "bilan 1.0.0" in out


def test_installing_the_same_pack_again_changes_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    before = {p.name: p.stat().st_mtime_ns for p in (data_dir / "packs" / "reseau-pro").iterdir()}
    assert main(["pack", "install", str(EXAMPLE)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    after = {p.name: p.stat().st_mtime_ns for p in (data_dir / "packs" / "reseau-pro").iterdir()}
    assert after == before


def test_a_broken_pack_is_not_installed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "install", str(BROKEN)]) == 2
    assert ":" in capsys.readouterr().out
    assert not (data_dir / "packs").exists()


def test_a_pack_may_not_take_the_built_in_id(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = copy_pack(MINI, tmp_path / "fake")
    manifest = pack / "pack.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('id = "mini"', 'id = "bilan"'), "utf-8")
    assert main(["pack", "install", str(pack)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "built-in" in err
    assert not (data_dir / "packs" / "bilan").exists()


def test_an_older_version_does_not_replace_a_newer_one(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(copy_pack(MINI, tmp_path / "v2", "0.10.0"))]) == 0
    assert main(["pack", "install", str(copy_pack(MINI, tmp_path / "v1", "0.9.0"))]) == 2
    assert "older" in capsys.readouterr().err
    assert load_pack(data_dir / "packs" / "mini").version == "0.10.0"


def test_upgrading_a_pack_keeps_every_answer(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(copy_pack(MINI, tmp_path / "v1", "0.1.0"))]) == 0
    home = load_shipped_pack("en")
    workbook = data_dir / "workbooks" / "default.sqlite"
    library = load_library(home, data_dir)
    about = library.find("mini", "about")
    assert about is not None and about.ref == "mini:about"
    session = WorkbookSession.open(workbook, library, language="en", create=True)
    try:
        session.save_answers([Answer(AnswerKey("mini", "about", "name", ""), "Camille")])
        session.set_done(about, True)
    finally:
        session.close()

    upgraded = copy_pack(MINI, tmp_path / "v2", "0.2.0")
    about_file = upgraded / "about.md"
    text = about_file.read_text("utf-8").replace('title = "About me"', 'title = "Me, briefly"')
    about_file.write_text(text, "utf-8")
    assert main(["pack", "install", str(upgraded)]) == 0
    assert "Upgraded pack mini 0.2.0 (en) (was 0.1.0)" in capsys.readouterr().out

    library = load_library(home, data_dir)
    about = library.find("mini", "about")
    assert about is not None and about.title == "Me, briefly"
    session = WorkbookSession.open(workbook, library, language="en", create=False)
    try:
        assert session.exercise_answers(about).get("name") == "Camille"
        assert session.statuses()["mini:about"].value == "done"
    finally:
        session.close()


# archives ---------------------------------------------------------------------


def test_install_from_a_zip_with_a_top_folder(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = zip_folder(EXAMPLE, tmp_path / "reseau.zip", prefix="reseau-pro/")
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr("reseau-pro/README.txt", "not part of the pack")
    assert main(["pack", "install", str(archive)]) == 0
    folder = data_dir / "packs" / "reseau-pro"
    assert (folder / "contacts.md").is_file()
    assert not (folder / "README.txt").exists()


def _zip_with(tmp_path: Path, name: str, data: bytes = b"x", *, link: bool = False) -> Path:
    archive = zip_folder(MINI, tmp_path / "evil.zip")
    with zipfile.ZipFile(archive, "a") as zipped:
        info = zipfile.ZipInfo(name)
        if link:
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zipped.writestr(info, data)
    return archive


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("/etc/evil.md", "absolute"),
        ("../evil.md", "'..'"),
        ("sub/../../evil.md", "'..'"),
    ],
)
def test_unsafe_archive_entries_are_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], entry: str, reason: str
) -> None:
    archive = _zip_with(tmp_path, entry)
    assert main(["pack", "install", str(archive)]) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1
    assert not (data_dir / "packs").exists()
    assert not (tmp_path / "evil.md").exists()


def test_a_symbolic_link_in_an_archive_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = _zip_with(tmp_path, "stories.md.link", b"/etc/passwd", link=True)
    assert main(["pack", "install", str(archive)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert not (data_dir / "packs").exists()


def test_an_oversized_archive_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = zip_folder(MINI, tmp_path / "big.zip")
    with zipfile.ZipFile(archive, "a", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("huge.md", b"a" * (MAX_FILE_BYTES + 1))
    assert archive.stat().st_size < MAX_FILE_BYTES  # small on disk, large once inflated
    assert main(["pack", "install", str(archive)]) == 2
    assert "too large" in capsys.readouterr().err
    assert not (data_dir / "packs").exists()


def test_a_file_that_is_not_a_zip_is_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "pack.zip"
    fake.write_text("hello", "utf-8")
    assert main(["pack", "check", str(fake)]) == 2
    assert "zip" in capsys.readouterr().err


# list -------------------------------------------------------------------------


def test_list_without_installed_packs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "pack", "list"]) == 0
    out = capsys.readouterr().out
    assert "bilan 1.0.0 (en)" in out and "No pack installed" in out


def test_list_says_why_an_installed_pack_cannot_be_read(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pack", "install", str(MINI)]) == 0
    (data_dir / "packs" / "mini" / "about.md").write_text("no front matter", "utf-8")
    capsys.readouterr()
    assert main(["pack", "list"]) == 0
    out = capsys.readouterr().out
    assert "mini  cannot be read" in out and "about.md:1" in out
    assert load_library(load_shipped_pack("en"), data_dir).installed == ()
