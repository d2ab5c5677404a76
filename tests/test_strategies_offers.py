import pytest

from assistant.coach import OfflineCoach
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
    assert ask_action("Could you take 15% off the next invoice?") == "take 15% off the next invoice"
    assert ask_action("We want you in the office four days a week.") == "be in the office four days a week"
    assert ask_action("Could I move to a four-day week?") == "let you move to a four-day week"
    # the goal reads as a topic after "about" or "on"
    assert goal_phrase("I want to keep the flat") == "keeping the flat"
    assert goal_phrase("Not be stuck with the dishes") == "not being stuck with the dishes"
    assert goal_phrase("A schedule that works for the kids") == "a schedule that works for the kids"


def test_offers_speak_from_the_right_side_of_a_walkout(coach: OfflineCoach) -> None:
    left_behind = coach.suggest_offers("My husband walked out in the middle of our argument.", "talk about money", None)
    assert left_behind and not any("for walking out" in o.text for o in left_behind)
    i_left = coach.suggest_offers("I walked out of the meeting and said it was over; I regret it.", "the budget", None)
    assert "apologize" in {o.slug for o in i_left}


def test_an_ordinary_ask_gets_no_impasse_moves(coach: OfflineCoach) -> None:
    offers = coach.suggest_offers(
        "A long-standing client asked for a discount.", "keep our margin", "Could you take 15% off the next invoice?"
    )
    breakdown_only = {"face-saving-return", "leave-door-open", "let-time-pass", "assess-walkout", "change-negotiators"}
    assert offers and not any(o.slug in breakdown_only for o in offers)
    assert not any(o.slug in {"walk-away-check", "strengthen-batna"} for o in offers)  # nothing here calls for them


@pytest.mark.parametrize(
    ("their_ask", "action"),
    [
        # their offer with a condition on the speaker: the condition is what they ask
        ("Glad to move the shed if you cover the new base.", "cover the new base"),
        ("Could we park the van on your drive on Sundays?", "let you park the van on my drive on Sundays"),
        (
            "Could your kids keep the ball games to the back garden?",
            "have my kids keep the ball games to the back garden",
        ),
        ("We'd want receipts for anything over fifty pounds.", "let you have receipts for anything over fifty pounds"),
        ("I'll need to work from home on Fridays.", "let you work from home on Fridays"),
        ("what i want is for u to ask me before u book anything", "ask you before I book anything"),
        ("It would help if you emptied the dishwasher before work.", "empty the dishwasher before work"),
        (
            "Let's get a second quote from someone neither of us knows.",
            "get a second quote from someone neither of us knows",
        ),
        ("Dogs stay on leads in the shared garden.", "agree that dogs stay on leads in the shared garden"),
    ],
)
def test_the_other_sides_words_become_something_the_speaker_can_offer(their_ask: str, action: str) -> None:

    assert ask_action(their_ask) == action


@pytest.mark.parametrize(
    ("goal", "topic"),
    [
        ("A fair split of the garden costs", "the garden costs"),  # the thing shared, not "a fair split"
        ("Get the deposit we paid back in full", "getting the deposit"),  # not the speaker's clause pasted
        ("Quiet nights during exam season", "quiet nights during exam season"),
        ("Everyone can use the laundry on Sundays", "everyone using the laundry on Sundays"),
    ],
)
def test_a_goal_becomes_a_short_topic_of_its_own_words(goal: str, topic: str) -> None:
    from assistant.coach.offers import goal_topic

    assert goal_topic(goal) == topic


@pytest.mark.parametrize(
    ("their_ask", "action"),
    [
        # a guess at what the other side will say is their ask, without the guessing
        ("he'll probably say you need to bleed the radiators more", "bleed the radiators more"),
        ("I think they'll want the caravan every August", "let you have the caravan every August"),
        # a link or markup in their text is no part of a sentence the coach says
        (
            "Could you walk the dog on Sundays? see [my rota](http://example.com) <b>thanks</b>",
            "walk the dog on Sundays",
        ),
    ],
)
def test_the_other_sides_ask_is_taken_up_without_reporting_or_markup(their_ask: str, action: str) -> None:
    assert ask_action(their_ask) == action


@pytest.mark.parametrize(
    ("their_ask", "action"),
    [
        ("Have a chat https://example.com", "have a chat"),  # "chat" is not cut at "at"
        ("she asks for the deposit back", "let you have the deposit back"),
    ],
)
def test_links_end_an_ask_at_a_word_and_reported_asks_in_the_third_person(their_ask: str, action: str) -> None:
    assert ask_action(their_ask) == action
