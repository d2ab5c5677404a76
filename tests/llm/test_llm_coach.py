"""The LLM coach with a scripted chat model: grounding, validation, fallback."""

from __future__ import annotations

import json

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.errors import PromptError
from assistant.llm.prompts import render
from tests.llm.fakes import ScriptedChatModel


def coach_with(offline: OfflineCoach, *replies: object) -> tuple[LLMCoach, ScriptedChatModel]:
    model = ScriptedChatModel(replies=list(replies), prompts=[])
    return LLMCoach(model, offline), model


def test_offers_cite_only_retrieved_cards(coach: OfflineCoach) -> None:
    situation = "She walked out of the meeting and says the talks are over."
    retrieved = [c.slug for c in coach.strategies.recommend(situation, k=6, impasse_only=True)]
    reply = {
        "offers": [
            {"text": "I'd like to hear what would make it worth talking again.", "slug": retrieved[0]},
            {"text": "I'm sorry for how heated it got.", "slug": retrieved[1]},
        ]
    }
    llm, model = coach_with(coach, json.dumps(reply))
    offers = llm.suggest_offers(situation)
    assert [o.slug for o in offers] == retrieved[:2]
    assert llm.last_notice() is None
    prompt = model.prompts[0]
    assert all(slug in prompt for slug in retrieved) and "<user_data>" in prompt


def test_unretrieved_slug_is_rejected_and_offline_answers(coach: OfflineCoach) -> None:
    reply = {
        "offers": [
            {"text": "Threaten them with court.", "slug": "invented-strategy"},
            {"text": "Something else.", "slug": "also-invented"},
        ]
    }
    llm, _ = coach_with(coach, json.dumps(reply))
    offers = llm.suggest_offers("We argue about chores every evening.")
    assert offers == coach.suggest_offers("We argue about chores every evening.")
    notice = llm.last_notice()
    assert notice and "offline" in notice


@pytest.mark.parametrize(
    ("reply", "cause"),
    [
        ("Sure! Here are some ideas...", "could not be used"),
        ("", "could not be used"),
        (ConnectionError("Connection refused"), "could not be reached"),
        (TimeoutError("timed out"), "too long"),
    ],
)
def test_every_failure_falls_back_with_a_named_cause(coach: OfflineCoach, reply: object, cause: str) -> None:
    llm, _ = coach_with(coach, reply)
    result = llm.shrink(["stop being late", "above all call me when plans change"])
    assert result == coach.shrink(["stop being late", "above all call me when plans change"])
    notice = llm.last_notice()
    assert notice and cause in notice


def test_drift_combines_offline_score_with_the_model(coach: OfflineCoach) -> None:
    text = "Sign the lease today or I'm keeping the deposit."
    slug = coach.strategies.recommend(text + " " + coach.check_message(text).reason, k=4)[0].slug
    reply = {
        "level": "ultimatum",
        "kinds": ["deadline-penalty"],
        "reason": "A penalty is attached.",
        "reframe": "I need the lease signed soon; can we agree a date?",
        "slugs": [slug],
    }
    llm, _ = coach_with(coach, json.dumps(reply))
    v = llm.check_message(text)
    offline = coach.check_message(text)
    assert v.level == "ultimatum" and v.score == pytest.approx(0.5 * offline.score + 0.5, abs=1e-3)
    assert v.reframe == "I need the lease signed soon; can we agree a date?"
    llm2, _ = coach_with(coach, json.dumps({**reply, "level": "open", "reframe": None}))
    softened = llm2.check_message(text)
    assert softened.score < v.score


def test_streaming_yields_chunks(coach: OfflineCoach) -> None:
    llm, _ = coach_with(coach, "Try a small gracious move first. [gracious-move]")
    chunks = list(llm.stream_suggestion("How do I restart talks?", "", "discuss"))
    assert len(chunks) > 3 and "".join(chunks).endswith("[gracious-move]")


def test_prompts_render_strictly(coach: OfflineCoach) -> None:
    with pytest.raises(PromptError, match="cards"):
        render(coach.settings.prompts_dir, "shrink", demands="x")
    with pytest.raises(PromptError, match="missing"):
        render(coach.settings.prompts_dir, "no-such-prompt")


def test_restate_mutual_goal_and_rehearse_through_the_model(coach: OfflineCoach) -> None:
    llm, model = coach_with(
        coach,
        json.dumps({"restatement": "Sam needs notice before visits, so the weekend can be planned."}),
        json.dumps({"mutual_goal": "A visit plan we can both look forward to.", "slugs": ["state-goals"]}),
        json.dumps({"reply": "I just want my mother to feel welcome."}),
    )
    assert llm.restate("Sam", "Tell me before she comes, or I'm leaving.").startswith("Sam needs notice")
    assert llm.mutual_goal(["a short visit", "everyone welcome"]) == "A visit plan we can both look forward to."
    line = llm.rehearse("My partner thinks I resent his mother.", [("me", "Can we talk about Sunday?")])
    assert line == "I just want my mother to feel welcome."
    restate_prompt, _, rehearse_prompt = model.prompts
    assert "<user_data>" in restate_prompt and "Tell me before she comes" in restate_prompt
    assert "Me: Can we talk about Sunday?" in rehearse_prompt and llm.last_notice() is None


def test_restate_and_rehearse_fall_back_with_a_notice(coach: OfflineCoach) -> None:
    llm, _ = coach_with(coach, "not json", TimeoutError("slow"), json.dumps({"mutual_goal": "x", "slugs": ["nope"]}))
    text = llm.restate("Sam", "Tell me before she comes, or I'm leaving.")
    assert text == coach.restate("Sam", "Tell me before she comes, or I'm leaving.") and llm.last_notice()
    assert llm.rehearse("They think I'm stubborn.", [("me", "Hi")]) is None
    assert "took too long" in (llm.last_notice() or "")
    assert llm.mutual_goal(["a", "b"]) == coach.mutual_goal(["a", "b"])  # an ungrounded slug is refused


def test_offline_restatement_is_calm_and_third_person(coach: OfflineCoach) -> None:
    text = coach.restate(
        "Sam", "You always invite your mother without asking. Tell me before she comes, or I'm leaving."
    )
    assert text.startswith("Sam is asking") and "leaving" not in text and " me " not in f" {text} "
    assert coach.rehearse("anything", []) is None  # the offline coach does not pretend to role-play
    assert "accept" in coach.mutual_goal(["short visit", "everyone friendly"])


def test_eval_counts_answers_that_fell_back(coach: OfflineCoach) -> None:
    from assistant.evaluation.runner import FallbackCounter

    reply = json.dumps({"ask": "Could you call me when plans change?", "interest": "trust", "parked": [], "slugs": []})
    llm, _ = coach_with(coach, reply, "garbage")
    counted = FallbackCounter(llm)
    counted.shrink("You're late. Call me when plans change.")
    counted.shrink("You're late. Call me when plans change.")
    summary = counted.summary()
    assert summary["calls"] == 2 and summary["answered_by_llm"] == 1 and summary["fell_back_to_offline"] == 1
