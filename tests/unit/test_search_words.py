"""Finding a title from the words a person types (palette, métier search)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.search_words import fold, match_words
from bilan_tui.packs import load_shipped_pack


def titles() -> dict[str, str]:
    return {exercise.title: exercise.id for exercise in load_shipped_pack("fr").exercises}


def best(query: str) -> str:
    """The id of the French exercise the palette would put first."""
    scored = [(match_words(query, title).score, ex_id) for title, ex_id in titles().items()]
    score, ex_id = max(scored)
    assert score > 0, f"{query!r} found nothing"
    return ex_id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("interets", "interets"),
        ("intérêts", "interets"),
        ("INTERET", "interets"),
        ("competence", "competences"),
        ("compétences", "competences"),
        ("lignes de vie", "ligne-de-vie"),
        ("vie ligne", "ligne-de-vie"),
        ("ligne-de-vie", "ligne-de-vie"),
        ("valeur", "valeurs"),
        ("enquete", "enquetes"),
        ("plan d'action", "plan-action"),
    ],
)
def test_french_titles_found_as_people_type_them(query: str, expected: str) -> None:
    assert best(query) == expected


def test_every_word_must_be_found() -> None:
    assert match_words("ligne banane", "Ma ligne de vie").score == 0
    assert match_words("xyz", "Mes valeurs").score == 0
    assert match_words("", "Mes valeurs").score == 0


def test_the_description_is_searched_but_worth_less() -> None:
    in_description = match_words("synthese", "Exporter", "Écrire votre synthèse")
    in_title = match_words("synthese", "Ma synthèse", "")
    assert 0 < in_description.score < in_title.score
    assert in_description.spans == ()


def test_whole_words_and_title_order_rank_higher() -> None:
    whole = match_words("vie", "Ma ligne de vie").score
    prefix = match_words("vi", "Ma ligne de vie").score
    assert whole > prefix > 0
    in_order = match_words("ligne vie", "Ma ligne de vie").score
    reversed_ = match_words("vie ligne", "Ma ligne de vie").score
    assert in_order > reversed_ > 0


def test_spans_point_at_the_words_in_the_original_title() -> None:
    title = "Mes centres d'intérêt"
    found = match_words("interet centre", title)
    assert sorted(title[start:end] for start, end in found.spans) == ["centre", "intérêt"]


def test_folding() -> None:
    assert fold("Éducateur-spécialisé") == "educateur specialise"
    assert fold("L’ŒUVRE") == "l œuvre"


@given(st.text(max_size=30), st.text(max_size=40), st.text(max_size=40))
def test_never_fails_and_spans_stay_inside_the_title(query: str, title: str, help_: str) -> None:
    found = match_words(query, title, help_)
    assert 0 <= found.score <= 1
    for start, end in found.spans:
        assert 0 <= start < end <= len(title)
