"""Importing the ROME files: zip or folder, any version, atomic, and every bad input refused."""

from __future__ import annotations

import os
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest

from bilan_tui.referentiel import build, sources
from bilan_tui.referentiel.errors import ReferentielError
from bilan_tui.referentiel.importer import import_referentiel, parse_version_txt
from bilan_tui.referentiel.reader import Referentiel, installed_versions, open_latest
from bilan_tui.referentiel.tables import decode

from .rome_helpers import csv_name, fixture_folder, zip_folder


def opened(data_dir: Path) -> Referentiel:
    referentiel = open_latest(data_dir)
    assert referentiel is not None
    return referentiel


def test_import_from_the_zip_builds_a_private_read_only_referential(
    tmp_path: Path, data_dir: Path
) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "RefRomeCsv.zip")
    calls: list[tuple[str, int, int]] = []
    report = import_referentiel(source, data_dir, lambda *call: calls.append(call))

    assert report.version.number == 99
    assert report.version.published == "2026-03-02"
    assert report.version.title == "ROME 4.0 version 99 - jeu d'essai"
    path = data_dir / "referentiels" / "rome-v99.sqlite"
    assert report.version.path == str(path)
    assert report.counts["fiches"] == 12
    assert report.counts["appellations"] == 20
    assert report.counts["savoir_faire"] == 11
    assert report.counts["savoir_etre"] == 2
    assert report.counts["savoir"] == 6
    assert report.counts["centres_interet"] == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert [name for name in os.listdir(path.parent)] == ["rome-v99.sqlite"]
    # The progress names each file, counts up, and ends full.
    assert calls[0] == (csv_name("referentiel_code_rome"), 0, 8)
    assert [done for _label, done, _total in calls] == list(range(9))
    assert calls[-1] == ("", 8, 8)


def test_import_from_a_folder_names_the_optional_files_it_skipped_or_adapted(
    tmp_path: Path, data_dir: Path
) -> None:
    report = import_referentiel(fixture_folder(tmp_path), data_dir)
    assert report.skipped == (
        (csv_name("arborescence_competences"), "absent: optional, imported without it"),
        (csv_name("arborescence_secteur_naf"), "read as Windows-1252: it is not UTF-8"),
    )
    with opened(data_dir) as referentiel:
        fiche = referentiel.fiche("K9207")
    assert fiche is not None
    # Windows-1252 decoded right: "médiation", not mojibake.
    assert fiche.sectors == (
        "Branche d'essai : écoute et médiation",
        "Secteur d'essai : aider au quotidien",
    )


def test_a_zip_whose_files_sit_in_a_folder_is_read_too(tmp_path: Path, data_dir: Path) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "nested.zip", prefix="RefRomeCsv/")
    assert import_referentiel(source, data_dir).counts["fiches"] == 12


def test_the_version_comes_from_the_file_names_and_versions_sit_side_by_side(
    tmp_path: Path, data_dir: Path
) -> None:
    import_referentiel(fixture_folder(tmp_path, version=461, name="v61"), data_dir)
    import_referentiel(fixture_folder(tmp_path, version=460, name="v60"), data_dir)
    assert [v.number for v in installed_versions(data_dir)] == [61, 60]
    with opened(data_dir) as referentiel:
        assert referentiel.version.number == 61
        assert referentiel.version.title == "ROME 4.0 version 61 - jeu d'essai"


def test_without_version_txt_the_file_names_are_enough(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path, version=462)
    (folder / "version.txt").unlink()
    report = import_referentiel(folder, data_dir)
    assert (report.version.number, report.version.published) == (62, "")


def test_importing_again_replaces_the_same_version_harmlessly(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = fixture_folder(tmp_path)
    import_referentiel(folder, data_dir)
    reader = open_latest(data_dir)
    assert reader is not None
    import_referentiel(folder, data_dir)
    # A reader opened before the new import still reads its (renamed-over) file.
    assert [hit.fiche.code for hit in reader.search("aide soignante")] == ["J9501"]
    reader.close()
    assert [v.number for v in installed_versions(data_dir)] == [99]
    with opened(data_dir) as referentiel:
        assert referentiel.counts()["fiches"] == 12


def test_version_txt_is_read_for_number_date_and_title() -> None:
    raw = (
        "Numero de version : 60\n\nDate de publication : 18/09/2025\n\n"
        "Titre/commentaire :  ROME 4.0 version 99 - jeu d'essai é\n"
    ).encode()
    assert parse_version_txt(raw) == {
        "number": "60",
        "published": "2025-09-18",
        "title": "ROME 4.0 version 99 - jeu d'essai é",
    }
    assert parse_version_txt(None) == {}


# --- Bad input: one clear line naming the problem, nothing changed -------------------


def _refused(source: Path, data_dir: Path) -> str:
    with pytest.raises(ReferentielError) as caught:
        import_referentiel(source, data_dir)
    message = caught.value.message
    assert "\n" not in message
    return message


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, data_dir: Path) -> None:
    bogus = tmp_path / "RefRomeCsv.zip"
    bogus.write_text("not a zip", encoding="utf-8")
    assert _refused(bogus, data_dir) == f"{bogus} is not a zip file."
    assert _refused(tmp_path / "nowhere", data_dir) == f"{tmp_path / 'nowhere'} does not exist."
    assert not (data_dir / "referentiels").exists()


def test_a_folder_without_rome_files_is_refused(tmp_path: Path, data_dir: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _refused(empty, data_dir).startswith("No ROME file found")


def test_a_missing_required_file_is_named(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("referentiel_appellation")).unlink()
    assert _refused(folder, data_dir) == (
        "A required file is missing: unix_referentiel_appellation_v499_utf8.csv."
    )


def test_a_missing_required_column_names_file_and_column(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    path = folder / csv_name("referentiel_code_rome_riasec")
    path.write_text(
        path.read_text(encoding="utf-8").replace('"riasec_mineur"', '"riasec_second"'),
        encoding="utf-8",
    )
    assert _refused(folder, data_dir) == (
        "unix_referentiel_code_rome_riasec_v499_utf8.csv has no column riasec_mineur."
    )


def test_a_required_file_that_is_not_utf8_is_refused_not_guessed(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = fixture_folder(tmp_path)
    path = folder / csv_name("referentiel_code_rome")
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    message = _refused(folder, data_dir)
    assert message.startswith("unix_referentiel_code_rome_v499_utf8.csv is not UTF-8 text")


def test_an_optional_file_that_cannot_be_read_is_skipped_with_its_reason(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("arborescence_secteur_activite")).write_text(
        '"code_sect_activite","libelle"\n"48","Social"\n', encoding="utf-8"
    )
    report = import_referentiel(folder, data_dir)
    assert (
        csv_name("arborescence_secteur_activite"),
        "skipped: unix_arborescence_secteur_activite_v499_utf8.csv has no column code_rome.",
    ) in report.skipped


def test_the_competence_tree_gives_headings_when_present(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("arborescence_competences")).write_text(
        '"code_domaine_competence","domaine_competence","code_enjeu","enjeu",'
        '"code_objectif","objectif","code_macro_competence","code_ogr_macro_competence",'
        '"libelle_macro_competence","code_ogr_competence","libelle_competence"\n'
        '"1","Accompagner","11","Accompagner les personnes","111","Suivre","","700067",'
        '"Réaliser un diagnostic","700006","Détecter des situations à risques"\n',
        encoding="utf-8",
    )
    report = import_referentiel(folder, data_dir)
    assert all("arborescence_competences" not in file for file, _reason in report.skipped)
    with opened(data_dir) as referentiel:
        fiche = referentiel.fiche("K9207")
    assert fiche is not None
    groups = {item.code: item.group for item in fiche.skills}
    assert groups["700006"] == "Accompagner les personnes"
    assert groups["700007"] == "Technique expert"  # not in the tree: its category


def test_files_of_two_versions_are_refused(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("grand_domaine")).rename(folder / csv_name("grand_domaine", 461))
    assert _refused(folder, data_dir) == (
        "The files belong to several versions (v461, v499): give one version at a time."
    )


def test_version_txt_contradicting_the_file_names_is_refused(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = fixture_folder(tmp_path)
    (folder / "version.txt").write_text("Numero de version : 59\n", encoding="utf-8")
    assert _refused(folder, data_dir) == (
        "version.txt says version 59 but the files are version 99."
    )


@pytest.mark.parametrize("member", ["../evil.csv", "/etc/unix_x_v499_utf8.csv", "a/../../b"])
def test_zip_members_outside_the_folder_are_refused(
    tmp_path: Path, data_dir: Path, member: str
) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "evil.zip")
    with zipfile.ZipFile(source, "a") as archive:
        archive.writestr(member, "x")
    assert _refused(source, data_dir) == (
        f"The zip holds a file outside its folder ({member}): refused."
    )


def test_oversized_content_is_refused(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "big.zip")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 1000)
    assert _refused(source, data_dir).endswith("MB: this is not an official ROME file.")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 10_000_000)
    monkeypatch.setattr(sources, "MAX_TOTAL_BYTES", 5000)
    assert _refused(source, data_dir).startswith("The files add up to more than 0 MB")


def test_a_zip_bomb_stops_at_the_cap_whatever_its_headers_say(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("grand_domaine")).write_bytes(b"0" * 200_000)
    source = zip_folder(folder, tmp_path / "bomb.zip")
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100_000)
    assert "unix_grand_domaine_v499_utf8.csv is larger than" in _refused(source, data_dir)


def test_links_and_special_files_in_a_folder_are_refused(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    target = folder / csv_name("texte")
    moved = tmp_path / "elsewhere.csv"
    target.rename(moved)
    target.symlink_to(moved)
    assert _refused(folder, data_dir) == (
        "unix_texte_v499_utf8.csv is not a regular file (a link or a device): refused."
    )
    target.unlink()
    os.mkfifo(target)
    assert _refused(folder, data_dir).startswith("unix_texte_v499_utf8.csv is not a regular")


# --- Atomicity ---------------------------------------------------------------------


def test_a_failure_mid_import_leaves_the_previous_version_usable(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_referentiel(fixture_folder(tmp_path, name="first"), data_dir)
    before = (data_dir / "referentiels" / "rome-v99.sqlite").read_bytes()

    def crash(self: build.Builder, table: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(build.Builder, "texts", crash)
    with pytest.raises(OSError):
        import_referentiel(fixture_folder(tmp_path, name="second"), data_dir)
    assert os.listdir(data_dir / "referentiels") == ["rome-v99.sqlite"]
    assert (data_dir / "referentiels" / "rome-v99.sqlite").read_bytes() == before
    with opened(data_dir) as referentiel:
        assert referentiel.search("educateur specialise")[0].fiche.code == "K9207"


def test_an_interrupted_import_leaves_no_half_built_file(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(self: build.Builder, table: object, kinds: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build.Builder, "mobility", interrupt)
    with pytest.raises(KeyboardInterrupt):
        import_referentiel(fixture_folder(tmp_path), data_dir)
    assert os.listdir(data_dir / "referentiels") == []
    assert open_latest(data_dir) is None


def test_a_damaged_database_file_is_ignored_by_the_reader(tmp_path: Path, data_dir: Path) -> None:
    import_referentiel(fixture_folder(tmp_path), data_dir)
    (data_dir / "referentiels" / "rome-v120.sqlite").write_bytes(b"garbage" * 100)
    (data_dir / "referentiels" / ".rome-v121-x.tmp").write_bytes(b"half")
    assert [v.number for v in installed_versions(data_dir)] == [99]
    referentiel = open_latest(data_dir)
    assert referentiel is not None
    assert referentiel.version.number == 99
    # Read-only: nothing writes into an installed referential through the reader.
    with pytest.raises(sqlite3.OperationalError):
        referentiel._db.execute("DELETE FROM fiche")
    referentiel.close()


def test_an_empty_or_malformed_required_file_is_named(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("centre_interet")).write_text("", encoding="utf-8")
    assert _refused(folder, data_dir) == "unix_centre_interet_v499_utf8.csv is empty."
    (folder / csv_name("centre_interet")).write_text(
        '"code_centre_interet","libelle_centre_interet"\n"1","' + "a" * 200_000 + '"\n',
        encoding="utf-8",
    )
    assert _refused(folder, data_dir) == (
        "unix_centre_interet_v499_utf8.csv is not a valid CSV file (line 2)."
    )


def test_a_zip_holding_a_file_twice_is_refused(tmp_path: Path, data_dir: Path) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "twice.zip")
    with zipfile.ZipFile(source, "a") as archive:
        archive.writestr("copy/" + csv_name("texte"), "x")
    assert _refused(source, data_dir) == "The zip holds unix_texte_v499_utf8.csv twice."


def test_leftovers_of_a_killed_import_are_cleaned_once_stale(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = data_dir / "referentiels"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".rome-v99-old.tmp", folder / ".rome-v99-new.tmp"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"another import running")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    import_referentiel(fixture_folder(tmp_path), data_dir)
    assert sorted(p.name for p in folder.iterdir()) == [".rome-v99-new.tmp", "rome-v99.sqlite"]


def test_single_byte_fallbacks_read_each_encoding_right() -> None:
    windows = '"code_rome","libelle_secteur_naf"\n"K9207","Aide à l’enfance"\n'.encode("cp1252")
    assert decode(windows, "f", required=False) == (
        '"code_rome","libelle_secteur_naf"\n"K9207","Aide à l’enfance"\n',
        "read as Windows-1252: it is not UTF-8",
    )
    latin9 = '"code_rome","libelle_secteur_naf"\n"A1423","Œnologie, cœur"\n'.encode("iso8859_15")
    assert decode(latin9, "f", required=False) == (
        '"code_rome","libelle_secteur_naf"\n"A1423","Œnologie, cœur"\n',
        "read as ISO-8859-15 (Latin-9): it is not UTF-8",
    )
    with pytest.raises(ReferentielError):
        decode(latin9, "f", required=True)
    with pytest.raises(ReferentielError) as caught:
        decode(b"\x81\x8d", "g.csv", required=False)  # undefined even in Windows-1252
    assert caught.value.message == "g.csv is neither UTF-8 nor Windows-1252 text."


def test_a_referential_built_with_another_layout_reads_as_absent(
    tmp_path: Path, data_dir: Path
) -> None:
    report = import_referentiel(fixture_folder(tmp_path), data_dir)
    db = sqlite3.connect(report.version.path)
    with db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    db.close()
    assert installed_versions(data_dir) == []
    assert open_latest(data_dir) is None
    import_referentiel(fixture_folder(tmp_path, name="again"), data_dir)
    assert [v.number for v in installed_versions(data_dir)] == [99]


def test_typed_mobility_links_split_close_and_next_fiches(tmp_path: Path, data_dir: Path) -> None:
    folder = fixture_folder(tmp_path)
    (folder / csv_name("rubrique_mobilite")).write_text(
        '"code_rome","code_rome_cible","numero_ordre","code_type_mobilite"\n'
        '"K9207","K9203","1","1"\n"K9207","K9201","1","2"\n',
        encoding="utf-8",
    )
    import_referentiel(folder, data_dir)
    with opened(data_dir) as referentiel:
        fiche = referentiel.fiche("K9207")
    assert fiche is not None
    assert ([r.code for r in fiche.close], [r.code for r in fiche.next]) == (["K9203"], ["K9201"])
