"""The one drift policy: every rule that turns drift figures into a decision lives here.

- how a message's score maps to a level (open / firm / ultimatum), and the band of scores each
  level keeps, so the timeline, the CLI and the LLM coach read a score the same way;
- when the classifier alone, or a pattern alone, makes a message an ultimatum;
- how an LLM's verdict is blended with the offline one;
- the session trend: when a conversation counts as drifting, given the learned breakdown risk
  and the levels so far;
- when one party counts as hardening, and when the session is at an impasse.

The offline detector (coach/drift.py), the LLM coach (coach/llm_coach.py), the CLI and the
facilitator's suggestions and impasse notice (mediation.py) all call these functions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEVELS = ("open", "firm", "ultimatum")
SEVERITY = {"open": 0.0, "firm": 0.5, "ultimatum": 1.0}

# score -> level: below OPEN_BELOW open, from ULTIMATUM_FROM ultimatum, firm between
OPEN_BELOW = 0.3
ULTIMATUM_FROM = 0.7

# the classifier's ultimatum probability from which a message is called an ultimatum, and below which
# it never is (unless a pattern decides): chosen by 5-fold cross-validation on the training examples
# (evals/drift_cv.py); on the dev set every value from 0.4 to 0.65 scores within 0.005 of the others
ULTIMATUM_PROBABILITY = 0.5
# a pattern of at least this weight makes a message an ultimatum on its own
PATTERN_DECIDES = 0.85

# a conversation is drifting when the learned breakdown risk reaches this, or the levels harden
DRIFTING_RISK = 0.5


def level_for(score: float) -> str:
    """The level a drift score stands for."""
    if score >= ULTIMATUM_FROM:
        return "ultimatum"
    return "open" if score < OPEN_BELOW else "firm"


def score_for(level: str, raw: float) -> float:
    """A score kept inside its level's band, so that level_for(score_for(level, x)) == level."""
    if level == "ultimatum":
        return round(min(1.0, max(ULTIMATUM_FROM, raw)), 3)
    if level == "firm":
        return round(min(ULTIMATUM_FROM - 0.01, max(OPEN_BELOW, raw)), 3)
    return round(min(OPEN_BELOW - 0.01, max(0.0, raw)), 3)


def severity(probabilities: dict[str, float]) -> float:
    """Expected severity of a message from the classifier's probabilities."""
    return sum(SEVERITY[k] * v for k, v in probabilities.items() if k in SEVERITY)


def blend_llm(offline_score: float, llm_level: str) -> tuple[str, float]:
    """An LLM's level blended with the offline score: half each, then the same cut-offs."""
    score = round(0.5 * offline_score + 0.5 * SEVERITY.get(llm_level, 0.5), 3)
    return level_for(score), score


def conversation_risk(forecast: float, level_risk: float, levels: Sequence[str]) -> float:
    """The breakdown risk: the learned forecast, raised to the level trend's risk when two of the
    last three messages are ultimatums (real corpora rarely show a run of our levels, so the
    forecast alone cannot have learned what one means; a single hard message is left to it)."""
    if hard_tail(levels) >= 2:
        return max(forecast, level_risk)
    return forecast


def hard_tail(levels: Sequence[str]) -> int:
    """How many of the last three messages are ultimatums."""
    return sum(1 for lvl in levels[-3:] if lvl == "ultimatum")


def is_drifting(risk: float, levels: Sequence[str]) -> bool:
    """Drifting is a trend, never one message: the learned risk is high (the forecast is trained
    on balanced classes, so 0.5 means "more likely than not"), or two of the last three messages
    are ultimatums. Earlier versions also cleared any conversation whose last message was open
    and raised any party's last ultimatum after a firm one: on real conversations (Reddit and
    dispute corpora, CaSiNo) both rules cost accuracy, so the forecast decides those cases.
    One party hardening (for the facilitator) is ``hardening``."""
    return hard_tail(levels) >= 2 or risk >= DRIFTING_RISK


def trend_reason(drifting: bool, levels: Sequence[str], drivers: Sequence[str]) -> str:
    """One sentence on the session trend, naming what drove the risk when it is high."""
    why = f" (most telling: {', '.join(_DRIVER_WORDS.get(d, d) for d in drivers)})" if drivers else ""
    if drifting:
        return f"The conversation is heading toward a breakdown{why}; a pause or a face-saving move may help."
    if any(lvl == "ultimatum" for lvl in levels[-3:]):
        return "There was a hard message, but the conversation is not trending that way."
    return "The conversation is staying open or firm."


_DRIVER_WORDS = {
    "pressure_mean": "pressure throughout",
    "pressure_max": "a peak of pressure",
    "pressure_slope": "rising pressure",
    "escalation": "one side escalating",
    "mirrored": "the other side mirroring it",
    "speaker_gap": "one side far harder than the other",
    "length": "a long exchange",
}
for _prefix, _what in (("mean_", ""), ("trend_", "rising "), ("max_", "a peak of "), ("last2_", "lately ")):
    for _name, _word in (
        ("hostile", "hostile words"),
        ("direct", "blunt directness"),
        ("you", "second-person pressure"),
        ("you_start", "sentences aimed at 'you'"),
        ("p_ultimatum", "ultimatum-like messages"),
        ("p_firm", "firm positions"),
        ("negation", "contradiction"),
        ("exclaim", "exclamations"),
        ("question", "questions"),
        ("p_open", "open messages"),
        ("hedge", "hedging"),
        ("polite", "politeness"),
        ("greet", "greetings"),
        ("we", "'we'"),
        ("length", "long messages"),
    ):
        _DRIVER_WORDS[f"{_prefix}{_name}"] = f"{_what}{_word}"
# the politeness strategies' summaries (coach/politeness.py): pol_{mean,open2,last2,trend}_{strategy}
for _summary, _what in (("mean", ""), ("open2", "an opening with "), ("last2", "lately "), ("trend", "more and more ")):
    for _name, _word in (
        ("deference", "deference"),
        ("greeting", "greetings"),
        ("direct_question", "pointed questions"),
        ("direct_start", "sentences that start 'so' or 'but'"),
        ("first_person_start", "sentences that start with 'I'"),
        ("second_person_start", "sentences that start with 'you'"),
        ("gratitude", "thanks"),
        ("apology", "apologies"),
        ("please", "'please'"),
        ("by_the_way", "asides"),
        ("counterfactual_modal", "'could you' or 'would you'"),
        ("indicative_modal", "'can you' or 'will you'"),
        ("first_plural", "'we'"),
        ("first_person", "'I'"),
        ("second_person", "'you'"),
        ("hedge", "hedging"),
        ("factuality", "'actually' and 'the point is'"),
        ("negative", "negative words"),
        ("positive", "positive words"),
        ("question", "questions"),
    ):
        _DRIVER_WORDS[f"pol_{_summary}_{_name}"] = f"{_what}{_word}"


def hardening(levels: Sequence[str]) -> bool:
    """One party is hardening: their last message is an ultimatum and the one before was not open."""
    return len(levels) >= 2 and levels[-1] == "ultimatum" and levels[-2] != "open"


def at_impasse(levels: Sequence[str]) -> bool:
    """One party's last two messages are both ultimatums."""
    return len(levels) >= 2 and all(lvl == "ultimatum" for lvl in levels[-2:])


def recent_severity(scores: Sequence[float]) -> float:
    """Recency-weighted mean of message scores (the newest counts most), for a session chart."""
    if not scores:
        return 0.0
    n = len(scores)
    weights = np.array([0.6 ** (n - 1 - i) for i in range(n)])
    return float(np.dot(weights, scores) / weights.sum())
