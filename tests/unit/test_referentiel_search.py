"""Searching the referential and reading fiches, on the hand-written fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan_tui.referentiel.importer import import_referentiel
from bilan_tui.referentiel.model import SkillKind
from bilan_tui.referentiel.reader import Referentiel, open_latest
from bilan_tui.referentiel.text import fold_for_index, match_expression, query_words

from .rome_helpers import fixture_folder


@pytest.fixture
def referentiel(tmp_path: Path, data_dir: Path) -> Iterator[Referentiel]:
    import_referentiel(fixture_folder(tmp_path), data_dir)
    opened = open_latest(data_dir)
    assert opened is not None
    yield opened
    opened.close()


def codes(referentiel: Referentiel, text: str, **filters: object) -> list[str]:
    return [hit.fiche.code for hit in referentiel.search(text, **filters)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "educateur specialise",
        "éducateur spécialisé",
        "Éducateur-spécialisé",
        "EDUCATEUR SPECIALISE",
        "l'éducateur spécialisé",
        "educateur spe",
    ],
)
def test_case_accents_hyphens_elisions_and_prefixes_do_not_matter(
    referentiel: Referentiel, text: str
) -> None:
    assert codes(referentiel, text)[0] == "K9207"


def test_aide_soignante_finds_the_hyphenated_title(referentiel: Referentiel) -> None:
    hits = referentiel.search("aide soignante")
    assert [(h.fiche.code, h.matched, h.is_appellation) for h in hits] == [
        ("J9501", "Aide-soignant / Aide-soignante", False)
    ]


def test_one_hit_per_fiche_with_the_label_that_matched(referentiel: Referentiel) -> None:
    hits = referentiel.search("infirmier entreprise")
    assert [(h.fiche.code, h.matched, h.is_appellation) for h in hits] == [
        ("J9512", "Infirmier / Infirmière en entreprise", True)
    ]
    found = codes(referentiel, "infirm")
    assert sorted(found) == ["J9505", "J9511", "J9512"]
    assert len(found) == len(set(found))


def test_a_short_title_matches_too(referentiel: Referentiel) -> None:
    # "Aide-soignant(e) de nuit" is only the short label.
    assert codes(referentiel, "soignant(e) nuit") == ["J9501"]


def test_typing_letter_by_letter_always_answers(referentiel: Referentiel) -> None:
    typed = "educateur specialise"
    for end in range(1, len(typed) + 1):
        found = codes(referentiel, typed[:end])
        assert found, typed[:end]
    # One letter: the labels that start with it, alphabetically, each fiche once.
    hits = referentiel.search("e")
    assert [(h.fiche.code, h.matched) for h in hits] == [
        ("E9105", "Editeur / Editrice"),
        ("K9203", "Educateur / Educatrice technique"),
        ("K9207", "Educateur spécialisé / Educatrice spécialisée"),
        ("G9204", "Educateur sportif / Educatrice sportive"),
    ]
    assert codes(referentiel, "e", letters="I") == ["K9203"]
    assert codes(referentiel, "e", limit=2) == ["E9105", "K9203"]
    assert codes(referentiel, "educateur s")[0] == "K9207"


def test_every_word_may_be_shortened(referentiel: Referentiel) -> None:
    assert codes(referentiel, "inf entrep") == ["J9512"]
    assert codes(referentiel, "dev info") == ["M9805"]


def test_every_word_must_match(referentiel: Referentiel) -> None:
    assert codes(referentiel, "educateur boulanger") == []
    assert codes(referentiel, "zzz") == []


def test_query_syntax_is_never_read_as_fts(referentiel: Referentiel) -> None:
    for text in ['"', "AND", "educ*", "NEAR(a b)", "col:x", "-", "(", "''"]:
        referentiel.search(text)  # no exception
    assert codes(referentiel, "educ*") == codes(referentiel, "educ")


def test_an_empty_text_lists_fiches_by_title_with_filters(referentiel: Referentiel) -> None:
    assert codes(referentiel, "")[:3] == ["J9501", "K9201", "D9102"]
    assert codes(referentiel, "", letters="R") == ["D9102"]
    assert codes(referentiel, "", letters="c") == ["K9201", "M9203", "M9805"]
    assert codes(referentiel, "", centre="2") == ["J9501", "K9207", "J9512"]
    assert codes(referentiel, "", cadre=True) == ["M9805", "E9105"]
    assert codes(referentiel, "", regulated=False) == ["D9102", "M9203", "M9805", "E9105", "K9207"]
    assert codes(referentiel, "", letters="S", regulated=True, limit=2) == ["J9501", "K9201"]


def test_filters_apply_to_text_searches(referentiel: Referentiel) -> None:
    assert codes(referentiel, "educateur", letters="E") == ["G9204"]
    assert codes(referentiel, "infirmier", letters="S", centre="2") == ["J9512"]
    assert codes(referentiel, "infirmier", letters="A") == []


def test_a_fiche_has_every_part(referentiel: Referentiel) -> None:
    fiche = referentiel.fiche("k9207 ")
    assert fiche is not None
    assert (fiche.ref.code, fiche.ref.riasec_major, fiche.ref.riasec_minor) == ("K9207", "S", "")
    assert fiche.definition == (
        "L'éducateur spécialisé accompagne des personnes en difficulté dans leur vie "
        "quotidienne (phrase inventée).",
        "Conçoit des activités éducatives avec l'équipe.",
    )
    assert fiche.access == (
        "Cet emploi est accessible avec un diplôme d'Etat du travail social (phrase inventée).",
    )
    assert fiche.appellations == (
        "Educateur spécialisé / Educatrice spécialisée",
        "Educateur spécialisé / Educatrice spécialisée en milieu ouvert",
    )
    by_kind = {
        kind: [(i.code, i.core) for i in fiche.skills if i.kind is kind] for kind in SkillKind
    }
    # Core items first, each family in its official order; an unknown item is dropped.
    assert by_kind[SkillKind.SAVOIR_FAIRE] == [
        ("700006", True),
        ("700007", True),
        ("700008", False),
        ("700009", False),
    ]
    assert by_kind[SkillKind.SAVOIR_ETRE] == [("700010", False), ("700022", False)]
    assert by_kind[SkillKind.SAVOIR] == [("700011", True), ("700012", False)]
    emerging = [item.code for item in fiche.skills if item.emerging]
    assert emerging == ["700009"]
    assert fiche.contexts == (
        ("Conditions d'exercice", "Au contact de personnes accueillies"),
        ("Horaires et rythme", "Travail certains dimanches"),
    )
    # Official order, the link to a fiche absent from the files dropped.
    assert [ref.code for ref in fiche.close] == ["K9201", "K9203"]
    assert fiche.next == ()
    assert fiche.centres_interet == (
        "Je veux être utile aux autres",
        "J'aime écrire et transmettre",
    )
    assert (fiche.cadre, fiche.regulated, fiche.transitions) == (False, False, ())


def test_flags_and_transitions(referentiel: Referentiel) -> None:
    developer = referentiel.fiche("M9805")
    accountant = referentiel.fiche("M9203")
    carer = referentiel.fiche("J9501")
    assert developer is not None and accountant is not None and carer is not None
    assert (developer.cadre, developer.regulated) == (True, False)
    assert developer.transitions == ("Digital transition",)
    assert accountant.transitions == ("Emploi Vert",)
    assert carer.regulated is True
    assert carer.transitions == ("Demographic transition",)
    assert referentiel.fiche("Z9999") is None


def test_labels_for_stored_codes(referentiel: Referentiel) -> None:
    assert referentiel.titles(["J9512", "j9511", "Z9999"]) == {
        "J9512": "Infirmier / Infirmière de santé au travail",
        "J9511": "Infirmier / Infirmière scolaire",
    }
    assert referentiel.item_labels(["700017", "700018", "nope"]) == {
        "700017": "Conduire des entretiens de santé au travail",
        "700018": "Droit du travail",
    }
    assert referentiel.centres() == [
        ("1", "J'aime fabriquer de mes mains"),
        ("2", "Je veux être utile aux autres"),
        ("3", "J'aime écrire et transmettre"),
    ]


def test_folding_is_the_same_for_labels_and_queries() -> None:
    assert fold_for_index("Aide-soignant / Aide-soignante") == "Aide soignant Aide soignante"
    assert fold_for_index("L'éducateur — d’équipe") == "L éducateur d équipe"
    assert query_words("l'éducateur spé") == ["éducateur", "spé"]
    assert match_expression('Éducateur-"spé') == '"Éducateur"* "spé"*'
    assert match_expression("  ") == ""
