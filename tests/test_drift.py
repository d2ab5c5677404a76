import pytest

from assistant.coach import OfflineCoach
from assistant.errors import InputError


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Sign the contract by Friday or we take our business elsewhere.", "ultimatum"),
        ("This is my final offer. Take it or leave it.", "ultimatum"),
        ("I'd hate for this to come up in your performance review.", "ultimatum"),
        ("We're done talking. Don't call me again.", "ultimatum"),
        ("I can't go below 40k for the car.", "firm"),
        ("I need to know by Thursday because the venue wants numbers.", "firm"),
        ("What matters most to you about the holidays?", "open"),
        ("No ultimatums from me, I just want us to figure this out.", "open"),
        ("I'm sorry I raised my voice earlier.", "open"),
    ],
)
def test_levels_on_clear_cases(coach: OfflineCoach, text: str, level: str) -> None:
    assert coach.check_message(text).level == level


def test_ultimatum_verdict_explains_and_reframes_keeping_the_need(coach: OfflineCoach) -> None:
    v = coach.check_message("Pay your half of the rent by Friday or I'm changing the locks.")
    assert v.level == "ultimatum" and v.score >= 0.5
    assert set(v.kinds) & {"threat", "deadline-penalty"}
    assert v.reason and "ultimatum" in v.reason.lower()
    assert v.reframe and "rent" in v.reframe and "locks" not in v.reframe


def test_open_and_firm_have_no_reframe_and_lower_scores(coach: OfflineCoach) -> None:
    o = coach.check_message("Could we try alternating weekends for a month?")
    f = coach.check_message("I won't sign anything until my accountant has read it.")
    u = coach.check_message("Sign it today or the deal is off and I'll tell everyone why.")
    assert o.reframe is None and f.reframe is None
    assert o.score < f.score < u.score


def test_conversation_drift_is_a_trend_not_one_message(coach: OfflineCoach) -> None:
    hardening = [
        {"speaker": "A", "text": "Can we talk about the schedule for December?"},
        {"speaker": "B", "text": "Sure, what are you thinking?"},
        {"speaker": "A", "text": "I need the kids on the 24th this year, that's firm."},
        {"speaker": "B", "text": "That's not going to work for me."},
        {"speaker": "A", "text": "Then give me the 24th or I'm taking this to court."},
        {"speaker": "B", "text": "Fine, we're done talking. Talk to my lawyer."},
    ]
    recovering = [
        {"speaker": "A", "text": "If you cancel again, I'm done with this arrangement."},
        {"speaker": "B", "text": "I hear you, and I'm sorry about last week."},
        {"speaker": "A", "text": "Thanks. I'm sorry I snapped. What would make Fridays easier for you?"},
        {"speaker": "B", "text": "Maybe pickup at six instead of five?"},
    ]
    h = coach.check_conversation(hardening)
    r = coach.check_conversation(recovering)
    assert h.drifting and not r.drifting
    assert h.risk > r.risk
    assert len(h.levels) == len(hardening) and h.levels[-1] == "ultimatum"


@pytest.mark.parametrize("bad", ["", "   \n\t", None, 42, "x" * 20_001])
def test_bad_text_gets_a_clear_error(coach: OfflineCoach, bad: object) -> None:
    with pytest.raises(InputError):
        coach.check_message(bad)  # type: ignore[arg-type]


def test_fast_probabilities_match_sklearn(coach: OfflineCoach) -> None:
    """The hand-rolled TF-IDF and softmax give what sklearn's own predict_proba gives."""
    import numpy as np

    d = coach.drift
    texts = ["Sign by Friday or we walk.", "What matters most to you?", "I can't go below 40k, sorry."]
    features = np.hstack([d.embedder.embed(texts), d._cues(texts)])
    expected = (d._model.predict_proba(features) + d._word_model.predict_proba(d._words.transform(texts))) / 2
    got = np.array([[p[c] for c in d._classes] for p in d.probabilities(texts)])
    assert np.allclose(got, expected, atol=1e-6)
