"""Pack and TOML problems are told in the person's language, in ``path:line: message`` shape."""

from __future__ import annotations

import inspect
import re
import tomllib
import tomllib._parser
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.i18n import set_language
from bilan_tui.packs import check_pack
from bilan_tui.services.homework.fileformat import HomeworkError, parse_homework
from bilan_tui.toml_words import toml_message, toml_problem

FIXTURES = Path(__file__).parent.parent / "fixtures" / "packs"


def reported(root: Path) -> list[str]:
    return [
        f"{Path(problem.path).relative_to(root).as_posix()}:{problem.line}: {problem.message}"
        for problem in check_pack(root)
    ]


def test_pack_problems_read_in_french() -> None:
    set_language("fr")
    many = reported(FIXTURES / "broken-many")
    assert "pack.toml:4: la langue 'de' n'est pas prise en charge (attendu : fr ou en)" in many
    assert "typo.md:6: champ 'name' : clé obligatoire manquante : 'label'" in many
    assert "typo.md:9: champ 'name' : clé inconnue 'lable' (vouliez-vous dire 'label' ?)" in many
    assert "typo.md:10: champ 'name' : 'required' doit être true ou false, pas un texte" in many
    assert "likes.md:18: élément 'a1' : dimension inconnue 'artistic'" in many
    assert (
        "syntax.md:5: TOML invalide : quelque chose suit la valeur sur la même ligne (colonne 14)"
        in many
    )
    assert "stray.md:1: fichier absent de la liste de pack.toml" in many
    kinds = reported(FIXTURES / "broken-kinds")
    assert "stories.md:5: « summary_fields » nomme un champ inconnu : 'when'" in kinds
    assert "likes.md:2: clé obligatoire manquante : 'scale'" in kinds
    assert "fields.md:6: la clé 'scale' ne s'applique pas à un exercice form" in kinds
    assert "sort.md:5: « top » (3) dépasse le nombre de cartes (2)" in kinds
    assert "sort.md:12: identifiant en double 'autonomy' (carte)" in kinds
    manifest = reported(FIXTURES / "broken-manifest")
    assert "pack.toml:15: la phase 'investigation' est répétée" in manifest
    when = reported(FIXTURES / "broken-when")
    assert (
        "first.md:22: champ 'early' : « when » nomme le champ 'later',"
        " qui n'est pas un champ précédent de 'first'" in when
    )


ENGLISH_TELLS = re.compile(r"\b(the|must|missing|unknown|not|is|of|key|field)\b")


@pytest.mark.parametrize(
    "name", ["broken-many", "broken-kinds", "broken-manifest", "broken-frontmatter", "broken-when"]
)
def test_no_english_left_in_french_pack_problems(name: str) -> None:
    set_language("fr")
    for line in reported(FIXTURES / name):
        message = re.sub(r"'[^']*'", "", line.split(": ", 1)[1])  # quoted values are the author's
        assert not ENGLISH_TELLS.search(message), line


def test_pack_check_counts_its_problems_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    root = FIXTURES / "broken-many"
    assert main(["--lang", "fr", "pack", "check", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"bilan: 10 problèmes dans {root}\n"
    assert f"{root}/typo.md:6: champ 'name' : clé obligatoire manquante : 'label'" in captured.out


def test_pack_check_counts_its_problems_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    root = FIXTURES / "broken-many"
    assert main(["--lang", "en", "pack", "check", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"bilan: 10 problems in {root}\n"
    assert f"{root}/typo.md:6: field 'name': missing required key 'label'" in captured.out


def _decode_error(text: str) -> tomllib.TOMLDecodeError:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    return raised.value


@pytest.mark.parametrize(
    ("text", "line", "column", "french"),
    [
        ('a = "x"\nb = \n', 2, 5, "une valeur est attendue"),
        ('a = "x" "y"\n', 1, 9, "quelque chose suit la valeur sur la même ligne"),
        ('a = "x\n', 1, 7, "un texte n'est pas fermé avant la fin de la ligne"),
        ("[table\n", 1, 7, "il manque « ] » à la fin du nom de tableau"),
        ("a = 1\na = 2\n", 2, 6, "une valeur est donnée deux fois"),
        ("a = [1, 2\nb = 1\n", 2, 1, "une liste n'est pas fermée (il manque « ] »)"),
        ("a 1\n", 1, 3, "« = » est attendu après la clé"),
    ],
)
def test_toml_errors_read_in_french_with_their_place(
    text: str, line: int, column: int, french: str
) -> None:
    set_language("fr")
    error = _decode_error(text)
    problem = toml_problem(error)
    assert (problem.line, problem.column, problem.reason) == (line, column, french)
    assert toml_message(error) == f"ligne {line}, colonne {column} : TOML invalide ({french})"


def test_at_the_end_of_the_document_the_place_says_so() -> None:
    set_language("fr")
    error = _decode_error('a = """x\n')
    assert toml_message(error) == (
        "à la fin du fichier : TOML invalide (un texte n'est pas fermé (il manque un guillemet))"
    )


def test_an_unmapped_toml_message_keeps_its_place() -> None:
    set_language("fr")
    error = tomllib.TOMLDecodeError("Something new (at line 3, column 2)")
    assert toml_message(error) == "ligne 3, colonne 2 : TOML invalide (la syntaxe n'est pas valide)"


def test_every_message_of_this_pythons_tomllib_is_mapped() -> None:
    """A Python upgrade that rewords tomllib must fail here, not silently fall back."""
    source = inspect.getsource(tomllib._parser)
    messages = re.findall(r'suffixed_err\(\s*src,\s*\w+,\s*f?"((?:[^"\\]|\\.)*)"', source)
    assert len(messages) > 15
    set_language("en")
    for message in messages:
        sample = re.sub(r"\{[^}]*\}", "'x'", message).replace("\\\\", "\\")
        reason = toml_problem(tomllib.TOMLDecodeError(f"{sample} (at line 1, column 1)")).reason
        assert reason != "the syntax is not valid", message


def test_a_broken_homework_file_says_where_in_french() -> None:
    set_language("fr")
    with pytest.raises(HomeworkError) as raised:
        parse_homework(b'format = "bilan-homework"\nversion = \n')
    assert str(raised.value) == (
        "ce n'est pas un fichier de devoir :"
        " ligne 2, colonne 11 : TOML invalide (une valeur est attendue)"
    )


def test_an_unsafe_archive_is_refused_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    archive = tmp_path / "pack.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("../pack.toml", 'id = "x"\n')
    assert main(["--lang", "fr", "pack", "check", str(archive)]) == 2
    err = capsys.readouterr().err
    assert "entrée dangereuse '../pack.toml' : elle remonte avec « .. »" in err, err
