"""Card sort: piles, unsorted cards and the ranked top of the first pile."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain.answers import RANK, ExerciseAnswers, JSONValue
from bilan_tui.domain.keys import DEFINITION_KEYS, PILE_KEYS
from bilan_tui.domain.model import Exercise, Kind
from bilan_tui.domain.parts import Card, Pile
from bilan_tui.domain.scoring.cardsort import sort_cards

PILES = (
    Pile("essentiel", "Essentiel"),
    Pile("important", "Important"),
    Pile("secondaire", "Secondaire"),
)
CARD_IDS = (
    "autonomie",
    "securite",
    "remuneration",
    "utilite",
    "creativite",
    "variete",
    "defi",
    "sens",
)


def valeurs(top: int = 5) -> Exercise:
    return Exercise(
        "valeurs",
        "Mes valeurs",
        Kind.CARDSORT,
        "investigation",
        top=top,
        piles=PILES,
        cards=tuple(Card(card_id, card_id.capitalize()) for card_id in CARD_IDS),
    )


def answers_for(piles: dict[str, str], rank: JSONValue = None) -> ExerciseAnswers:
    answers = ExerciseAnswers("bilan", "valeurs")
    for card_id, pile_id in piles.items():
        answers.set(PILE_KEYS.key(card_id), pile_id)
    if rank is not None:
        answers.set(RANK, rank)
    return answers


def ids(cards: tuple[Card, ...]) -> list[str]:
    return [card.id for card in cards]


def test_cards_per_pile_in_pack_order_and_unsorted() -> None:
    # Set in a different order than the pack; "defi" points at a pile that left the pack.
    answers = answers_for(
        {
            "sens": "essentiel",
            "autonomie": "essentiel",
            "utilite": "important",
            "securite": "secondaire",
            "defi": "ancienne-pile",
        }
    )
    result = sort_cards(valeurs(), answers)
    assert [p.pile.id for p in result.piles] == ["essentiel", "important", "secondaire"]
    assert ids(result.piles[0].cards) == ["autonomie", "sens"]
    assert ids(result.piles[1].cards) == ["utilite"]
    assert ids(result.piles[2].cards) == ["securite"]
    assert ids(result.unsorted) == ["remuneration", "creativite", "variete", "defi"]
    assert result.first_pile is result.piles[0]


def test_ranking_is_filtered_completed_and_truncated() -> None:
    piles = {
        card: "essentiel"
        for card in ("autonomie", "securite", "utilite", "variete", "defi", "sens")
    }
    piles["creativite"] = "important"
    # Stored ranking: creativite left the first pile, "inconnu" is not a card, sens is
    # repeated and 3 is not an id -> kept: sens, utilite. Completed in pack order by
    # autonomie, securite, variete, (defi) -> truncated to 5.
    rank: list[JSONValue] = ["sens", "creativite", "inconnu", "utilite", "sens", 3]
    answers = answers_for(piles, rank)
    answers.set(DEFINITION_KEYS.key("sens"), "  que mon travail serve à quelque chose ")
    result = sort_cards(valeurs(top=5), answers)
    assert [(r.rank, r.card.id) for r in result.top] == [
        (1, "sens"),
        (2, "utilite"),
        (3, "autonomie"),
        (4, "securite"),
        (5, "variete"),
    ]
    assert [r.ranked_by_person for r in result.top] == [True, True, False, False, False]
    assert result.top[0].definition == "que mon travail serve à quelque chose"
    assert result.top[1].definition == ""
    assert result.first_pile_count == 6
    assert (result.missing, result.extra) == (0, 1)


def test_too_few_cards_in_the_first_pile() -> None:
    answers = answers_for({"autonomie": "essentiel", "sens": "essentiel", "defi": "important"})
    result = sort_cards(valeurs(top=5), answers)
    assert ids(tuple(r.card for r in result.top)) == ["autonomie", "sens"]
    assert (result.missing, result.extra) == (3, 0)


def test_nothing_sorted_yet() -> None:
    result = sort_cards(valeurs(), ExerciseAnswers("bilan", "valeurs"))
    assert result.top == ()
    assert ids(result.unsorted) == list(CARD_IDS)
    assert result.missing == 5


def test_without_top_every_first_pile_card_is_ranked() -> None:
    piles = {card: "essentiel" for card in CARD_IDS}
    result = sort_cards(valeurs(top=0), answers_for(piles, ["defi"]))
    assert ids(tuple(r.card for r in result.top)) == ["defi", *(c for c in CARD_IDS if c != "defi")]
    assert (result.missing, result.extra) == (0, 0)


@given(
    placement=st.lists(
        st.sampled_from([None, "essentiel", "important", "secondaire", "ailleurs"]),
        min_size=len(CARD_IDS),
        max_size=len(CARD_IDS),
    ),
    rank=st.lists(st.sampled_from([*CARD_IDS, "inconnu"]), max_size=12),
    top=st.integers(0, 10),
)
def test_top_is_a_duplicate_free_subset_of_the_first_pile(
    placement: list[str | None], rank: list[str], top: int
) -> None:
    piles = {card: pile for card, pile in zip(CARD_IDS, placement, strict=True) if pile}
    result = sort_cards(valeurs(top=top), answers_for(piles, list[JSONValue](rank)))
    top_ids = [r.card.id for r in result.top]
    first = set(ids(result.piles[0].cards))
    assert set(top_ids) <= first
    assert len(top_ids) == len(set(top_ids))
    expected_len = len(first) if top == 0 else min(top, len(first))
    assert len(top_ids) == expected_len
    assert [r.rank for r in result.top] == list(range(1, len(top_ids) + 1))
    every_card = [c for p in result.piles for c in ids(p.cards)] + ids(result.unsorted)
    assert sorted(every_card) == sorted(CARD_IDS)
