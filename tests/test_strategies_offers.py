from assistant.coach.coach import OfflineCoach
from assistant.coach.offers import ask_action, goal_phrase


def test_walkout_situation_recommends_walkout_moves(coach: OfflineCoach) -> None:
    recs = coach.recommend("My business partner got up and walked out of our meeting yesterday.")
    slugs = [r.slug for r in recs]
    assert "assess-walkout" in slugs[:3]
    assert all(r.why and r.card.startswith("cards/") for r in recs)
    assert [r.score for r in recs] == sorted((r.score for r in recs), reverse=True)


def test_offers_are_concrete_and_cite_real_cards(coach: OfflineCoach) -> None:
    offers = coach.suggest_offers(
        "We keep fighting about visiting my parents every Sunday.",
        "a weekend rhythm we both enjoy",
        "I need you to stop making me go every single week",
    )
    assert 2 <= len(offers) <= 3
    assert len({o.slug for o in offers}) == len(offers)
    for o in offers:
        assert o.slug in coach.cards and "{" not in o.text
    assert "stop making you go" in offers[0].text


def test_impasse_switches_to_impasse_moves(coach: OfflineCoach) -> None:
    offers = coach.suggest_offers("She declared the talks over and walked out.", None, None)
    assert offers and all(coach.cards[o.slug].impasse for o in offers)


def test_ask_and_goal_rephrasing() -> None:
    assert ask_action("I need you to call me when you are late") == "call you when I am late"
    assert ask_action("more money") is None
    assert goal_phrase("I want to keep the flat") == "a way to keep the flat"
