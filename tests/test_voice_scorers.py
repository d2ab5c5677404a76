"""The voices scorers fail an answer for the reason a user would, and pass a good one.

Every test uses a tiny hand-built coach that returns fixed answers, so what is tested is the scorer,
never the real coach."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, cast

from assistant.coach import Coach
from assistant.coach.asks import ShrunkAsk
from assistant.coach.drift import DriftVerdict
from assistant.coach.offers import Offer
from assistant.coach.protocol import Said
from assistant.evaluation import voices
from assistant.evaluation.runner import eval_voices, voices_markdown
from assistant.evaluation.scorers import MALFORMED


@dataclass
class ManyReframes:
    """A verdict from a coach that offers several reframes."""

    level: str
    reframes: list[str] = field(default_factory=list)


class FakeCoach:
    """Answers from tables; a text not in ``levels`` reads as open unless it says 'or else'."""

    name = "fake"
    cards: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        verdicts: dict[str, Any] | None = None,
        levels: dict[str, str] | None = None,
        shrunk: ShrunkAsk | None = None,
        restated: str = "",
        goals: dict[str, str] | None = None,
        offers: list[str] | None = None,
    ) -> None:
        self.verdicts = verdicts or {}
        self.levels = levels or {}
        self.shrunk = shrunk
        self.restated = restated
        self.goals = goals or {}
        self.offers = offers or []
        self.offer_calls: list[dict[str, Any]] = []

    def check_message(self, text: str, context: Sequence[str] | None = None) -> Any:
        if text in self.verdicts:
            return self.verdicts[text]
        level = self.levels.get(text, "ultimatum" if "or else" in text.lower() else "open")
        return DriftVerdict(level=level, score=0.5, kinds=[], reason="", reframe=None)

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        assert self.shrunk is not None
        return self.shrunk

    def restate(self, name: str, position: str, offer: str | None = None) -> Said:
        return Said(self.restated.format(name=name, position=position, offer=offer or ""))

    def mutual_goal(self, goals: Sequence[str]) -> Said:
        return Said(self.goals.get(goals[0], "Reach an arrangement we can all live with."))


class FacilitatedCoach(FakeCoach):
    def suggest_offers(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        record: str = "",
        stage: str = "prepare",
        facilitated: bool = False,
    ) -> list[Offer]:
        self.offer_calls.append({"record": record, "stage": stage, "facilitated": facilitated})
        return [Offer(text=t, slug="s", title="t", card="c") for t in self.offers]


def as_coach(fake: FakeCoach) -> Coach:
    return cast(Coach, fake)


LANDLORD = {
    "id": "u1",
    "label": "ultimatum",
    "kind": "threat",
    "text": "Fix the noise after eleven or I will evict you, full stop, I mean it this time mate.",
    "need_keywords": [["noise", "quiet"]],
    "consequence_keywords": ["evict", "full stop"],
}
GOOD_REFRAME = "I need quiet after eleven so I can sleep. What would make that possible for you?"


def reframe_result(*reframes: str, level: str = "ultimatum", levels: dict[str, str] | None = None) -> dict[str, Any]:
    coach = FakeCoach(verdicts={LANDLORD["text"]: ManyReframes(level, list(reframes))}, levels=levels)
    return voices.score_reframe_safety(as_coach(coach), [LANDLORD])


# ---------------------------------------------------------------- reframes


def test_a_reframe_that_keeps_the_need_and_drops_the_threat_passes() -> None:
    result = reframe_result(GOOD_REFRAME)
    assert result["rate"] == 1.0 and result["n"] == 1 and not result["failures"]


def test_a_reframe_that_still_says_evict_fails() -> None:
    result = reframe_result("I need quiet after eleven, or I will have to evict you.")
    assert result["rate"] == 0.0
    assert result["reasons"]["keeps_consequence"] == 1
    assert "evict" in result["failures"][0]["why"][0]


def test_one_bad_reframe_among_good_ones_fails_the_message() -> None:
    result = reframe_result(GOOD_REFRAME, "Quiet after eleven please, full stop.")
    assert result["rate"] == 0.0 and "keeps_consequence" in result["reasons"]


def test_a_doubled_prefix_fails() -> None:
    result = reframe_result("What matters to me is this: what matters to me is this: quiet after eleven.")
    assert result["reasons"].get("doubled_prefix") == 1


def test_a_lowercase_i_fails_sentence_case() -> None:
    result = reframe_result("Could we keep it quiet after eleven? i need to sleep.")
    assert result["reasons"].get("not_sentence_case") == 1
    assert voices.case_problem("what I need is quiet") is not None
    assert voices.case_problem("I'm asking for quiet; I'll help.") is None


def test_a_reframe_that_wraps_the_original_fails() -> None:
    result = reframe_result(f"What matters to me is this: {LANDLORD['text'].lower()} Can we talk about the noise?")
    assert "pastes_original" in result["reasons"]
    # most of it pasted with the lever cut off the end still wraps it
    cut = "Fix the noise after eleven or I will evict you, full stop. Can we talk?"
    assert "pastes_original" in reframe_result(cut)["reasons"]


def test_a_reframe_may_keep_the_needs_own_words() -> None:
    row = {
        **LANDLORD,
        "text": "Per my last three emails, I need a response on the noise by Friday, 5 p.m. Absent a response, I will escalate this and evict you from the flat.",
    }
    kept = "Per my last three emails, I need a response on the noise by Friday, 5 p.m. What would make that possible?"
    assert voices.reframe_problems(kept, row, lambda _t: "open") == []


def test_a_reframe_that_drops_the_need_fails() -> None:
    result = reframe_result("Could we talk about how things are going between us?")
    assert result["reasons"] == {"drops_need": 1}


def test_a_need_in_texting_spelling_is_kept_when_spelled_out_and_lost_when_dropped() -> None:
    groups = [["ur ex"]]
    assert voices.missing_groups("Could you tell your ex to stop liking your pics?", groups) == []
    assert voices.missing_groups("Could you tell them to stop liking your pics?", groups) == [["ur ex"]]
    # spelling out is read for whole words only: "tour exit" keeps no "ur ex"
    assert voices.missing_groups("The tour exit is shut.", groups) == [["ur ex"]]


def test_a_reframe_the_coach_itself_reads_as_an_ultimatum_fails() -> None:
    result = reframe_result(GOOD_REFRAME, levels={GOOD_REFRAME: "ultimatum"})
    assert result["reasons"] == {"reads_as_ultimatum": 1}


def test_an_unflagged_ultimatum_or_one_with_no_reframe_fails() -> None:
    assert reframe_result(GOOD_REFRAME, level="firm")["reasons"] == {"not_flagged": 1}
    assert reframe_result()["reasons"] == {"no_reframe": 1}


def test_a_verdict_with_a_single_reframe_is_read_too() -> None:
    one = DriftVerdict(level="ultimatum", score=0.9, kinds=[], reason="", reframe="Keep the noise down, or else.")
    coach = FakeCoach(verdicts={LANDLORD["text"]: one})
    result = voices.score_reframe_safety(as_coach(coach), [LANDLORD])
    assert result["failures"][0]["output"] == ["Keep the noise down, or else."]
    assert "reads_as_ultimatum" in result["reasons"]


def test_a_generous_offer_flagged_and_reframed_is_a_false_alarm() -> None:
    offer = {"id": "g1", "label": "open", "kind": "generous-offer-dated", "text": "I'll pay for the survey by Friday."}
    limit = {"id": "f1", "label": "firm", "kind": "firm-limit", "text": "I can't go above 400."}
    coach = FakeCoach(
        verdicts={
            offer["text"]: ManyReframes("ultimatum", ["What matters to me is this: i'll pay"]),
            LANDLORD["text"]: ManyReframes("ultimatum", [GOOD_REFRAME]),
        },
        levels={limit["text"]: "firm"},
    )
    result = voices.score_false_alarms(as_coach(coach), [offer, limit, LANDLORD])
    assert result["n"] == 2
    assert result["called_ultimatum_rate"] == 0.5 and result["reframed_rate"] == 0.5
    assert result["by_kind"]["generous-offer-dated"]["false_alarm_rate"] == 1.0
    assert result["by_kind"]["firm-limit"]["false_alarm_rate"] == 0.0
    assert result["ultimatum_precision"] == 0.5 and result["ultimatum_recall"] == 1.0
    assert [f["id"] for f in result["failures"]] == ["g1"]


# ---------------------------------------------------------------- shrink

ROW = {
    "id": "s1",
    "input": "Do the dishes, stop being late, and pay half the rent on time. Honestly the rent keeps me up at night.",
    "demands": [
        {"text": "dishes", "keywords": ["dish"]},
        {"text": "punctuality", "keywords": ["late"]},
        {"text": "rent", "keywords": ["rent"]},
    ],
    "priority": 2,
    "blame_keywords": ["lazy"],
}


def shrink_result(ask: str, parked: list[str], row: dict[str, Any] = ROW) -> dict[str, Any]:
    shrunk = ShrunkAsk(ask=ask, interest="", parked=parked, chosen="", honoured_priority=True)
    return voices.score_shrink_focus(as_coach(FakeCoach(shrunk=shrunk)), [row])


def test_a_focused_ask_with_the_rest_parked_passes() -> None:
    result = shrink_result(
        "Could you pay your half of the rent on time each month?", ["do the dishes", "stop being late"]
    )
    assert result["focus_rate"] == 1.0 and result["pass_rate"] == 1.0


def test_an_ask_that_pastes_the_whole_list_fails_focus() -> None:
    result = shrink_result("Could you do the dishes, stop being late and pay half the rent on time?", [])
    assert result["focus_rate"] == 0.0 and result["pass_rate"] == 0.0
    assert result["reasons"]["carries_other_demands"] == 1
    assert "dishes; punctuality" in result["failures"][0]["why"][0]


def test_an_ask_that_loses_the_stated_priority_fails_focus() -> None:
    result = shrink_result("Could you do the dishes every night?", ["stop being late", "pay the rent"])
    assert result["focus_rate"] == 0.0 and "misses_priority" in result["reasons"]


def test_a_focused_ask_with_blame_or_two_sentences_or_too_long_focuses_but_does_not_pass() -> None:
    parked = ["do the dishes", "stop being late"]
    blamed = shrink_result("Could you stop being so lazy about the rent?", parked)
    assert blamed["focus_rate"] == 1.0 and blamed["pass_rate"] == 0.0 and "keeps_blame" in blamed["reasons"]
    two = shrink_result("The rent matters most. Could you pay your half on time?", parked)
    assert "not_one_sentence" in two["reasons"]
    statement = shrink_result("You will pay the rent on time", parked)
    assert "not_a_request" in statement["reasons"]
    long = shrink_result("Could you " + "really " * 30 + "pay the rent?", parked)
    assert "too_long" in long["reasons"]


def test_parked_demands_must_each_appear_once_and_cleanly() -> None:
    ask = "Could you pay your half of the rent on time?"
    assert "parked_missing" in shrink_result(ask, ["do the dishes"])["reasons"]
    assert "parked_repeated" in shrink_result(ask, ["do the dishes", "dishes!", "stop being late"])["reasons"]
    lumped = shrink_result(ask, ["do the dishes and stop being late"])
    assert "parked_not_clean" in lumped["reasons"] and lumped["focus_rate"] == 1.0


def test_without_a_stated_priority_the_ask_must_hold_exactly_one_demand() -> None:
    row = {**ROW, "priority": None}
    assert shrink_result("Could you stop being late?", ["do the dishes", "pay the rent"], row)["pass_rate"] == 1.0
    assert "names_no_demand" in shrink_result("Could we talk?", [], row)["reasons"]


# ---------------------------------------------------------------- restatement

RS = {
    "id": "r1",
    "name": "Dana",
    "ask": "pay ur half of the vet bill by friday or im keeping the dog",
    "offer": "ill do the weekday walks",
    "ask_keywords": [["vet"], ["half", "share"]],
    "offer_keywords": [["walk"]],
    "threat_keywords": ["keeping the dog"],
    "blame_keywords": ["useless"],
}


def restate_result(text: str) -> dict[str, Any]:
    return voices.score_restatement(as_coach(FakeCoach(restated=text)), [RS])


def test_a_calm_third_person_restatement_of_ask_and_offer_passes() -> None:
    assert (
        restate_result("{name} would like the vet bill shared by Friday, and offers to do the weekday walks.")["rate"]
        == 1.0
    )


def test_the_raw_ask_with_a_name_in_front_fails() -> None:
    result = restate_result("{name}'s main ask: {position}")
    assert result["rate"] == 0.0
    assert {"raw_ask", "keeps_threat", "first_person"} <= set(result["reasons"])


def test_a_restatement_that_drops_the_offer_or_keeps_blame_fails() -> None:
    assert "drops_offer" in restate_result("{name} wants the vet bill split in half.")["reasons"]
    blamed = restate_result("{name} wants the vet bill split in half from a useless partner, and offers walks.")
    assert blamed["reasons"] == {"keeps_blame": 1}


# ---------------------------------------------------------------- mutual goal


def test_a_generic_mutual_goal_fails_when_the_goals_share_something() -> None:
    shared = [
        {
            "id": f"m{i}",
            "goals": [f"dry bedroom {i}", "damp sorted"],
            "shared_keywords": [["damp", "dry"]],
            "shares_nothing": False,
        }
        for i in range(3)
    ]
    result = voices.score_mutual_goal(as_coach(FakeCoach()), shared)
    # the same sentence for three different pairs is the fallback, even without the method's wording
    assert result["rate"] == 0.0 and result["reasons"]["generic"] == 3 and result["reasons"]["misses_shared"] == 3
    named = FakeCoach(goals={"dry bedroom 0": "A dry, healthy bedroom before winter at a cost both can manage."})
    assert voices.score_mutual_goal(as_coach(named), shared[:1])["rate"] == 1.0
    stuck = FakeCoach(goals={"dry bedroom 0": "Make progress from where we are stuck."})
    assert "generic" in voices.score_mutual_goal(as_coach(stuck), shared[:1])["reasons"]


def test_when_goals_share_nothing_any_calm_goal_passes_but_not_an_ultimatum() -> None:
    row = {"id": "m", "goals": ["learn to surf", "pay off the card"], "shared_keywords": [], "shares_nothing": True}
    assert voices.score_mutual_goal(as_coach(FakeCoach()), [row])["rate"] == 1.0
    harsh = FakeCoach(goals={"learn to surf": "Agree now or else we stop talking."})
    assert voices.score_mutual_goal(as_coach(harsh), [row])["reasons"] == {"not_calm": 1}


# ---------------------------------------------------------------- offers

OFFER_ROW = {
    "id": "o1",
    "situation": "My brother and I disagree about a care home for Mum.",
    "party_goal": "Mum stays safe at home as long as possible and I stop burning out",
    "their_ask": "Look at two care homes with me this month.",
    "facilitated": True,
    "stage": "ask_offer",
    "topic_keywords": [["mum", "care"]],
    "their_ask_keywords": [["care home", "visit"]],
}


def offers_result(*texts: str, row: dict[str, Any] = OFFER_ROW) -> tuple[dict[str, Any], FacilitatedCoach]:
    coach = FacilitatedCoach(offers=list(texts))
    return voices.score_offers(as_coach(coach), [row]), coach


def test_offers_that_answer_their_ask_on_the_topic_pass_and_the_session_is_described() -> None:
    result, coach = offers_result(
        "I'll visit two care homes with you this month if we also price more help for Mum at home."
    )
    assert result["rate"] == 1.0
    call = coach.offer_calls[0]
    assert call["facilitated"] is True and call["stage"] == "ask_offer" and "Facilitator:" in call["record"]


def test_an_offer_that_pastes_the_goal_fails() -> None:
    result, _ = offers_result(
        "Even if we disagree about mum stays safe at home as long as possible and I stop burning out, I'll visit a care home."
    )
    assert result["reasons"] == {"pastes_goal": 1}


def test_a_mediator_in_a_facilitated_session_or_the_process_restated_fails() -> None:
    result, _ = offers_result("Visit a care home, and bring in a mediator for Mum's sake.")
    assert result["reasons"] == {"mediator_in_facilitated": 1}
    alone, _ = offers_result(
        "Visit a care home, and bring in a mediator for Mum's sake.", row={**OFFER_ROW, "facilitated": False}
    )
    assert alone["rate"] == 1.0
    process, _ = offers_result("Let's each give one ask and one offer about the care home for Mum.")
    assert process["reasons"] == {"restates_process": 1}


def test_offers_that_ignore_their_ask_or_the_topic_fail() -> None:
    result, _ = offers_result("Offer to cook dinner on Sundays.")
    assert set(result["reasons"]) == {"off_topic", "ignores_their_ask"}
    nothing, _ = offers_result()
    assert nothing["reasons"] == {"no_offers": 1}


# ---------------------------------------------------------------- runner


def test_eval_voices_reports_a_missing_holdout_as_not_present(tmp_path: Path) -> None:
    row = {**RS}
    (tmp_path / "restate_dev.jsonl").write_text(json.dumps(row) + "\n")
    coach = FakeCoach(restated="{name} would like the vet bill shared, and offers the weekday walks.")
    report = eval_voices(as_coach(coach), tmp_path)
    assert report["dev"]["restatement"]["rate"] == 1.0
    assert report["dev"]["reframe_safety"] == "not present"
    assert report["holdout"]["restatement"] == "not present"
    md = voices_markdown("fake", "now", report)
    assert "holdout restatement: not present" in md


def test_an_ask_that_wraps_the_priority_sentence_is_not_well_formed() -> None:
    parked = ["do the dishes", "stop being late"]
    wrapped = shrink_result("Could we agree on the rent is my priority?", parked)
    assert wrapped["focus_rate"] == 1.0 and wrapped["pass_rate"] == 0.0 and "ill_formed" in wrapped["reasons"]
    assert "ill_formed" in shrink_result("Could we agree on the rent keeps me up at night?", parked)["reasons"]


def test_a_restatement_may_reuse_a_few_words_of_the_ask_but_not_paste_it() -> None:
    ask = "I need the kids back by 6 on Sundays because they have school on Monday mornings"
    assert voices.is_raw_copy("Tom would like the kids back by 6 on Sundays, for school.", ask) is None
    assert voices.is_raw_copy("Tom: the kids back by 6 on Sundays because they have school on Monday.", ask)
    assert voices.is_raw_copy("Ravi asks: stop nagging me", "Stop nagging me!") is None  # under four words
    assert voices.is_raw_copy("Ravi asks: please stop nagging me", "Please stop nagging me") == "please stop nagging me"


def test_clutter_is_the_share_of_parked_items_that_name_no_listed_demand() -> None:
    ask = "Could you pay your half of the rent on time?"
    clean = shrink_result(ask, ["do the dishes", "stop being late"])
    cluttered = shrink_result(ask, ["do the dishes", "stop being late", "With love, Mum", "He's a little toad"])
    assert clean["parked_clutter_rate"] == 0.0
    assert cluttered["parked_clutter_rate"] == 0.5


def test_a_gerund_made_twice_is_ill_formed_but_a_word_ending_in_inging_is_not() -> None:
    assert MALFORMED.search("Could you stop keepinging the gate open?")
    for word in ("bringing", "ringing", "swinging", "singing", "stringing", "clinging"):
        assert MALFORMED.search(f"Could you stop {word} it?") is None, word
