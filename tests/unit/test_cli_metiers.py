"""``bilan metiers``: import, info, search, show and match, in English and French."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.cli.metiers import ProgressBar
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.domain.keys import ITEM_KEYS
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.session import WorkbookSession

from .rome_helpers import fixture_folder, zip_folder

ACTIONS = [["info"], ["search", "educ"], ["show", "K9207"], ["match"]]


def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "RefRomeCsv.zip")
    assert main(["metiers", "import", str(source)]) == 0
    capsys.readouterr()
    return source


def answer_interests(data_dir: Path, ratings: dict[str, int], *, workbook: str = "default") -> None:
    """Rate every item of ``interets`` by its dimension's letter (1–5)."""
    pack = load_shipped_pack("en")
    exercise = pack.exercise("interets")
    assert exercise is not None
    letters = {dim.id: dim.letter for dim in exercise.dimensions}
    path = data_dir / "workbooks" / f"{workbook}.sqlite"
    session = WorkbookSession.open(path, pack, language="en", create=True)
    session.save_answers(
        [
            Answer(
                AnswerKey("bilan", "interets", ITEM_KEYS.key(item.id)),
                ratings[letters[item.dimension]],
            )
            for item in exercise.items
        ]
    )
    session.close()


@pytest.mark.parametrize("action", ACTIONS)
def test_without_a_referential_every_action_says_how_to_get_it(
    action: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["metiers", *action]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("The occupation referential is not installed.")
    assert "RefRomeCsv.zip on data.gouv.fr and francetravail.io" in captured.err
    assert captured.err.rstrip().endswith("run once: bilan metiers import PATH")


def test_the_missing_referential_message_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "metiers", "search", "educ"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Le référentiel des métiers n'est pas installé.")
    assert "sous Licence Ouverte" in err
    assert err.rstrip().endswith("lancez une fois : bilan metiers import CHEMIN")


def test_import_shows_progress_then_counts_time_and_skipped_files(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = zip_folder(fixture_folder(tmp_path), tmp_path / "RefRomeCsv.zip")
    assert main(["metiers", "import", str(source)]) == 0
    captured = capsys.readouterr()
    # Not a terminal: one line per step on stderr.
    assert captured.err.splitlines() == [
        "[1/8] unix_referentiel_code_rome_v499_utf8.csv",
        "[2/8] unix_referentiel_appellation_v499_utf8.csv",
        "[3/8] unix_referentiel_competence_v499_utf8.csv",
        "[4/8] unix_liens_rome_referentiels_v499_utf8.csv",
        "[5/8] unix_texte_v499_utf8.csv",
        "[6/8] unix_rubrique_mobilite_v499_utf8.csv",
        "[7/8] unix_centre_interet_v499_utf8.csv",
        "[8/8] search index",
    ]
    out = captured.out.splitlines()
    assert out[0].startswith("ROME 4.0 version 99 imported in ")
    assert out[0].endswith(" s.")
    assert "       12  fiches" in out
    assert "       20  job titles (appellations)" in out
    assert out[-5:-1] == [
        "Optional files:",
        "  - unix_arborescence_competences_v499_utf8.csv: absent: optional, imported without it",
        "  - unix_arborescence_secteur_naf_v499_utf8.csv: read as Windows-1252: it is not UTF-8",
        f"Installed in {data_dir / 'referentiels' / 'rome-v99.sqlite'}",
    ]
    assert f"Installed in {data_dir / 'referentiels' / 'rome-v99.sqlite'}" in out
    assert out[-1] == "Source: France Travail, ROME 4.0, version 99 (March 2026)"


def test_the_bar_is_redrawn_in_place_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    bar = ProgressBar(screen)
    bar("unix_texte_v499_utf8.csv", 4, 8)
    bar("", 8, 8)
    bar.finish()
    text = screen.getvalue()
    assert text.startswith("\r[############............]  50% unix_texte_v499_utf8.csv")
    assert "\r[########################] 100%" in text
    assert text.endswith("\n") and text.count("\n") == 1


def test_bad_input_is_one_line_exit_2_and_the_installed_referential_is_untouched(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    database = data_dir / "referentiels" / "rome-v99.sqlite"
    before = database.read_bytes()
    bogus = tmp_path / "bogus.zip"
    bogus.write_bytes(b"PK but not really")
    assert main(["metiers", "import", str(bogus)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"bilan: {bogus} is not a zip file.\n"

    broken = fixture_folder(tmp_path, name="broken")
    (broken / "unix_texte_v499_utf8.csv").unlink()
    assert main(["--lang", "fr", "metiers", "import", str(broken)]) == 2
    assert capsys.readouterr().err == (
        "bilan: Il manque un fichier indispensable : unix_texte_v499_utf8.csv.\n"
    )
    assert database.read_bytes() == before
    assert [p.name for p in database.parent.iterdir()] == ["rome-v99.sqlite"]


def test_info_says_which_version_and_credits_the_source(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    import_dir = fixture_folder(tmp_path, version=459, name="old")
    assert main(["metiers", "import", str(import_dir)]) == 0
    capsys.readouterr()
    assert main(["metiers", "info"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        "ROME 4.0, version 99",
        "Published: 2026-03-02",
        "Title: ROME 4.0 version 99 - jeu d'essai",
        f"File: {data_dir / 'referentiels' / 'rome-v99.sqlite'}",
    ]
    assert "       12  fiches" in out
    assert "Also installed (not used): 59" in out
    assert out[-1] == "Source: France Travail, ROME 4.0, version 99 (March 2026)"
    assert main(["--lang", "fr", "metiers", "info"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "Publiée le : 2026-03-02" in out
    assert out[-1] == "Source : France Travail, ROME 4.0, version 99 (mars 2026)"


def test_search_prints_fiches_best_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "search", "Éducateur-spécialisé"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "K9207  S   Educateur spécialisé / Educatrice spécialisée"
    assert out[1] == (
        "K9203  SI  Educateur technique spécialisé / Educatrice technique spécialisée"
    )
    assert main(["metiers", "search", "infirmier", "entreprise"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "J9512  IS  Infirmier / Infirmière de santé au travail"
        "  (as “Infirmier / Infirmière en entreprise”)"
    )
    assert main(["--lang", "fr", "metiers", "search", "astronaute"]) == 0
    assert capsys.readouterr().out == "Aucune fiche ne correspond à « astronaute ».\n"


def test_search_filters_and_listing_without_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "search", "--letters", "r"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "D9102  R   Boulanger / Boulangère"
    assert main(["metiers", "search", "infirmier", "--centre", "2", "--json"]) == 0
    assert [h["code"] for h in json.loads(capsys.readouterr().out)["results"]] == ["J9512"]
    assert main(["metiers", "search"]) == 2
    assert capsys.readouterr().err == (
        "bilan: give words to look for, or a filter: --letters (among RIASEC) or --centre\n"
    )
    assert main(["metiers", "search", "x", "--letters", "SX"]) == 2
    capsys.readouterr()
    assert main(["metiers", "search", "x", "--centre", "42"]) == 2
    assert capsys.readouterr().err == "bilan: unknown centre d'intérêt: 42\n"


def test_search_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "search", "aide", "soignante", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["version"] == 99
    assert payload["query"] == "aide soignante"
    assert payload["results"] == [
        {
            "code": "J9501",
            "title": "Aide-soignant / Aide-soignante",
            "riasec": {"major": "S", "minor": "I"},
            "matched": "Aide-soignant / Aide-soignante",
            "is_appellation": False,
        }
    ]


def test_show_prints_every_part_of_the_fiche(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "show", "k9207"]) == 0
    text = capsys.readouterr().out
    for expected in [
        "K9207  Educateur spécialisé / Educatrice spécialisée\nHolland code: S (social)\n",
        "Definition\n  L'éducateur spécialisé accompagne",
        "Access to the job\n  Cet emploi est accessible",
        "Job titles\n  - Educateur spécialisé / Educatrice spécialisée\n",
        "Core savoir-faire\n  - Détecter des situations à risques (maltraitance, urgence "
        "sociale...)  [Technique expert]\n  - Maintenir, favoriser le lien social de la "
        "personne  [Technique expert]\n",
        "Other savoir-faire\n  - Concevoir un projet éducatif  [Technique]\n"
        "  - Concevoir et gérer un projet  [Transverse]  (emerging)\n",
        "Savoir-être\n  - Etre à l'écoute, faire preuve d'empathie\n",
        "Core savoirs (knowledge)\n  - Techniques pédagogiques  [Techniques professionnelles]",
        "Other savoirs (knowledge)\n  - Connaissance des droits des personnes",
        "Work contexts\n  - Conditions d'exercice: Au contact de personnes accueillies\n",
        "Close fiches (mobility)\n  K9201  Assistant social / Assistante sociale\n"
        "  K9203  Educateur technique",
        "Centres d'intérêt\n  - Je veux être utile aux autres\n",
        "Managerial job (cadre): no\nRegulated occupation: no\nTransitions: none flagged\n",
    ]:
        assert expected in text
    assert text.endswith("\nSource: France Travail, ROME 4.0, version 99 (March 2026)\n")


def test_show_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(tmp_path, capsys)
    assert main(["--lang", "fr", "metiers", "show", "M9805"]) == 0
    text = capsys.readouterr().out
    assert "Code de Holland : I-C (investigateur, conventionnel)\n" in text
    assert "Savoir-faire cœur de métier" not in text  # no core item in this fiche
    assert "Autres savoir-faire\n  - Développer une application  [Technique expert]\n" in text
    assert (
        "Emploi cadre : oui\nMétier réglementé : non\nTransitions : Transition numérique\n" in text
    )
    assert text.endswith("Source : France Travail, ROME 4.0, version 99 (mars 2026)\n")


def test_show_json_and_unknown_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "show", "J9512", "--json"]) == 0
    fiche = json.loads(capsys.readouterr().out)
    assert fiche["title"] == "Infirmier / Infirmière de santé au travail"
    assert fiche["riasec"] == {"major": "I", "minor": "S"}
    assert [s["code"] for s in fiche["skills"] if s["core"]] == ["700017", "700018"]
    assert [ref["code"] for ref in fiche["close"]] == ["J9505", "J9511"]
    assert fiche["regulated"] is True
    assert fiche["attribution"] == "Source: France Travail, ROME 4.0, version 99 (March 2026)"
    assert main(["metiers", "show", "Z9999"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "bilan: no fiche Z9999 in ROME version 99 (try: bilan metiers search WORDS)\n"
    )


def test_match_says_what_to_do_before_interests_are_answered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "match"]) == 0
    assert capsys.readouterr().out == (
        "Your interests are not scored yet. Answer the exercise “My interests” (interets) "
        "in your workbook, then run bilan metiers match again.\n"
    )
    assert main(["metiers", "match", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["interests"], payload["suggestions"]) == (None, [])


def test_match_ranks_her_code_first_with_reasons(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    answer_interests(data_dir, {"S": 5, "I": 4, "E": 3, "A": 2, "C": 1, "R": 1})
    assert main(["metiers", "match", "--limit", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Your Holland code: SIE"
    assert out[3:] == [
        "  J9501  SI  15/15  Aide-soignant / Aide-soignante",
        "      Your first two types, social and investigative, are those of this fiche.",
        "",
        "  K9203  SI  15/15  Educateur technique spécialisé / Educatrice technique spécialisée",
        "      Your first two types, social and investigative, are those of this fiche.",
        "",
        "  J9505  SI  15/15  Infirmier / Infirmière de prévention",
        "      Your first two types, social and investigative, are those of this fiche.",
        "",
        "  K9207  S   11/15  Educateur spécialisé / Educatrice spécialisée",
        "      Your main type, social, is the only type given for this fiche.",
        "",
        "  K9201  SC  11/15  Assistant social / Assistante sociale",
        "      Your main type, social, leads this fiche; its second type, conventional, sits "
        "one step away from your second, investigative, on Holland's hexagon.",
        "",
        "Source: France Travail, ROME 4.0, version 99 (March 2026)",
    ]


def test_match_shows_near_ties_in_french_and_json(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    answer_interests(data_dir, {"S": 5, "I": 5, "E": 3, "A": 2, "C": 1, "R": 1})
    assert main(["--lang", "fr", "metiers", "match", "--limit", "12"]) == 0
    text = capsys.readouterr().out
    # Equal S and I: the main reading is I-S (hexagon order), S-I fiches are near-ties.
    assert text.startswith("Votre code de Holland : (I=S)E\n")
    assert (
        "≈ J9501  SI  15/15  Aide-soignant / Aide-soignante\n"
        "      Cette fiche réunit vos deux premiers types, investigateur et social, avec social "
        "en tête. Vos scores investigateur et social sont presque égaux : c'est en lisant "
        "votre code dans l'autre ordre que cette fiche arrive aussi près.\n"
    ) in text
    assert (
        "  J9512  IS  15/15  Infirmier / Infirmière de santé au travail\n"
        "      Vos deux premiers types, investigateur et social, sont ceux de cette fiche.\n"
    ) in text
    assert "≈ quasi-égalité : classée ainsi selon une autre lecture de votre code." in text
    assert main(["metiers", "match", "--json", "--centre", "2"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["interests"]["scores"]["S"] == payload["interests"]["scores"]["I"] == 100.0
    # Centre 2 (J9501, K9207, J9512) first among the fiches at 15.
    assert [(s["code"], s["score"], s["near_tie"]) for s in payload["suggestions"][:3]] == [
        ("J9501", 15.0, True),
        ("J9512", 15.0, False),
        ("K9203", 15.0, True),
    ]
    assert payload["max_score"] == 15


def test_match_refuses_an_unknown_centre(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(tmp_path, capsys)
    assert main(["metiers", "match", "--centre", "99"]) == 2
    assert capsys.readouterr().err == "bilan: unknown centre d'intérêt: 99 (known: 1, 2, 3)\n"
