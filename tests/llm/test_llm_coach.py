"""The LLM coach with a scripted chat model: grounding, validation, fallback."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, TypeVar

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.coach.protocol import LLM, OFFLINE, Origin
from assistant.errors import PromptError
from assistant.llm.prompts import render
from tests.llm.fakes import ScriptedChatModel

T = TypeVar("T")
NOT_GIVEN = "cited a strategy card it was not given"


def unmarked(answer: T) -> T:
    """The answer with its origin reset, to compare a fallback with what the offline coach says."""
    if isinstance(answer, list):
        return [unmarked(a) for a in answer]  # type: ignore[return-value]
    return replace(answer, origin=OFFLINE)  # type: ignore[type-var]


def fell_back(origin: Origin, *causes: str) -> bool:
    """The offline coach answered, and the note names every cause given."""
    return origin.coach == "offline" and origin.note is not None and all(c in origin.note for c in causes)


def origins(answer: Any) -> set[Origin]:
    return {a.origin for a in answer} if isinstance(answer, list) else {answer.origin}


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
    assert origins(offers) == {LLM}
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
    assert unmarked(offers) == coach.suggest_offers("We argue about chores every evening.")
    assert all(fell_back(o.origin, NOT_GIVEN, "offline") for o in offers)


def test_one_unretrieved_slug_rejects_the_whole_answer(coach: OfflineCoach) -> None:
    situation = "We argue about chores every evening."
    retrieved = [c.slug for c in coach.strategies.recommend(situation, k=6)]
    reply = {
        "offers": [
            {"text": "I'd like us to split the chores in a way that feels fair to both.", "slug": retrieved[0]},
            {"text": "I could take the dishes on weekdays.", "slug": retrieved[1]},
            {"text": "Something else entirely.", "slug": "invented-strategy"},
        ]
    }
    llm, _ = coach_with(coach, json.dumps(reply))
    offers = llm.suggest_offers(situation)
    assert unmarked(offers) == coach.suggest_offers(situation)
    assert all(fell_back(o.origin, NOT_GIVEN) for o in offers)


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
    assert unmarked(result) == coach.shrink(["stop being late", "above all call me when plans change"])
    assert fell_back(result.origin, cause)


def test_an_ask_that_carries_several_demands_is_rejected(coach: OfflineCoach) -> None:
    demands = ["stop being late", "above all call me when plans change"]
    reply = {"ask": "Could you stop being late and call me when plans change?", "interest": "trust", "slugs": []}
    llm, _ = coach_with(coach, json.dumps(reply))
    result = llm.shrink(demands)
    assert unmarked(result) == coach.shrink(demands)
    assert fell_back(result.origin, "not one ask", "stop being late")
    one = {"ask": "Could you call me when plans change?", "interest": "trust", "slugs": []}
    llm, _ = coach_with(coach, json.dumps(one))
    result = llm.shrink(demands)
    assert result.ask == one["ask"] and result.chosen == "call me when plans change" and result.origin == LLM


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
    assert v.reframe == "I need the lease signed soon; can we agree a date?" == v.reframes[0]
    assert v.origin == LLM
    llm2, _ = coach_with(coach, json.dumps({**reply, "level": "open", "reframe": None}))
    softened = llm2.check_message(text)
    assert softened.score < v.score and softened.origin == LLM


def test_a_reframe_that_keeps_the_threat_is_rejected(coach: OfflineCoach) -> None:
    text = "Sign the lease today or I'm keeping the deposit."
    slug = coach.strategies.recommend(text + " " + coach.check_message(text).reason, k=4)[0].slug
    reply = {
        "level": "ultimatum",
        "kinds": ["deadline-penalty"],
        "reason": "A penalty is attached.",
        "reframe": "Please sign the lease today, or I'm keeping the deposit.",
        "slugs": [slug],
    }
    llm, _ = coach_with(coach, json.dumps(reply))
    v = llm.check_message(text)
    assert unmarked(v) == coach.check_message(text) and "keeping the deposit" not in " ".join(v.reframes)
    assert fell_back(v.origin, "reframe was not safe to show")


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
    restated = llm.restate("Sam", "Tell me before she comes, or I'm leaving.", "I'll cook on Sunday.")
    assert restated.text.startswith("Sam needs notice") and restated.origin == LLM
    goal = llm.mutual_goal(["a short visit", "everyone welcome"])
    assert goal.text == "A visit plan we can both look forward to." and goal.origin == LLM
    line = llm.rehearse("My partner thinks I resent his mother.", [("me", "Can we talk about Sunday?")])
    assert line is not None and line.text == "I just want my mother to feel welcome." and line.origin == LLM
    restate_prompt, _, rehearse_prompt = model.prompts
    assert "<user_data>" in restate_prompt and "Tell me before she comes" in restate_prompt
    assert "I'll cook on Sunday." in restate_prompt
    assert "Me: Can we talk about Sunday?" in rehearse_prompt


def test_restate_and_rehearse_fall_back_with_a_notice(coach: OfflineCoach) -> None:
    llm, _ = coach_with(
        coach,
        "not json",
        TimeoutError("slow"),
        json.dumps({"mutual_goal": "A plan we can both live with.", "slugs": ["nope"]}),
    )
    said = llm.restate("Sam", "Tell me before she comes, or I'm leaving.")
    assert said.text == coach.restate("Sam", "Tell me before she comes, or I'm leaving.").text
    assert fell_back(said.origin, "could not be used")
    line = llm.rehearse("They think I'm stubborn.", [("me", "Hi")])
    assert line is not None and line.text == "" and fell_back(line.origin, "took too long")
    goal = llm.mutual_goal(["a", "b"])  # an ungrounded slug is refused
    assert goal.text == coach.mutual_goal(["a", "b"]).text and fell_back(goal.origin, NOT_GIVEN)


@pytest.mark.parametrize(
    ("restatement", "cause"),
    [
        ("Sam needs notice before visits, or Sam is leaving.", "a threat"),
        ("Sam wants notice before visits from a selfish partner.", "blame"),
    ],
)
def test_a_restatement_with_a_threat_or_blame_is_rejected(coach: OfflineCoach, restatement: str, cause: str) -> None:
    llm, _ = coach_with(coach, json.dumps({"restatement": restatement}))
    said = llm.restate("Sam", "Tell me before she comes, or I'm leaving.")
    assert said.text == coach.restate("Sam", "Tell me before she comes, or I'm leaving.").text
    assert fell_back(said.origin, f"still carried {cause}")


def test_offline_restatement_is_calm_and_third_person(coach: OfflineCoach) -> None:
    said = coach.restate(
        "Sam",
        "You always invite your mother without asking. Tell me before she comes, or I'm leaving.",
        "I'll cook for her on Sunday.",
    )
    text = said.text
    assert text.startswith("Sam is asking the others to") and "In return, Sam offers to" in text
    assert "leaving" not in text and " me " not in f" {text} " and "cook" in text and said.origin == OFFLINE
    assert coach.rehearse("anything", []) is None  # the offline coach does not pretend to role-play
    assert coach.mutual_goal(["learn to surf", "pay off the card"]).text == "Make progress from where we are stuck."
    shared = coach.mutual_goal(["a dry bedroom before winter", "the damp in the bedroom fixed"]).text
    assert shared.startswith("Agree a way forward on") and "bedroom" in shared
    assert shared.endswith("that works for all of us.")


def test_eval_counts_answers_that_fell_back(coach: OfflineCoach) -> None:
    from assistant.evaluation.runner import FallbackCounter

    reply = json.dumps({"ask": "Could you call me when plans change?", "interest": "trust", "parked": [], "slugs": []})
    llm, _ = coach_with(coach, reply, "garbage")
    counted = FallbackCounter(llm)
    counted.shrink("You're late. Call me when plans change.")
    counted.shrink("You're late. Call me when plans change.")
    summary = counted.summary()
    assert summary["calls"] == 2 and summary["answered_by_llm"] == 1 and summary["fell_back_to_offline"] == 1
