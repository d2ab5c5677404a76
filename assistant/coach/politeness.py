"""Politeness strategies of a message, after the strategies that politeness research found in
requests (gratitude, deference, greetings, apologies, "please", indirectness, direct questions and
starts, modal softeners, first and second person, hedges, factuality, sentiment words).

Each strategy is a yes/no cue of one message; a conversation is summarised by how often each cue is
used overall, in its opening two messages, in its last two, and how that changes from the first
half to the second. What is known from the study of conversations gone awry: openings with
gratitude, greetings and hedges tend to stay civil; direct questions, sentences that start with
"you" and factuality cues ("actually", "the point is") go with later attacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_I = re.IGNORECASE
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")

# cues tested on the start of any sentence in the message
_AT_START = {
    "deference": re.compile(r"^(?:great|good|nice|interesting|cool|excellent|awesome)\b", _I),
    "greeting": re.compile(r"^(?:hi|hello|hey|dear)\b", _I),
    "direct_question": re.compile(r"^(?:what|why|who|how|where|when)\b.*\?", _I),
    "direct_start": re.compile(r"^(?:so|then|and|but|or)\b", _I),
    "first_person_start": re.compile(r"^(?:i|my|mine|myself)\b", _I),
    "second_person_start": re.compile(r"^(?:you|your|yours|yourself)\b", _I),
}
# cues tested anywhere in the message
_ANYWHERE = {
    "gratitude": re.compile(r"\b(?:thank|thanks|appreciat)", _I),
    "apology": re.compile(r"\b(?:sorry|apologi[sz]e|apologies|excuse me|forgive me|my bad|my mistake)\b", _I),
    "please": re.compile(r"\bplease\b", _I),
    "by_the_way": re.compile(r"\b(?:by the way|btw)\b", _I),
    "counterfactual_modal": re.compile(r"\b(?:could|would) you\b", _I),
    "indicative_modal": re.compile(r"\b(?:can|will) you\b", _I),
    "first_plural": re.compile(r"\b(?:we|our|us|ours)\b", _I),
    "first_person": re.compile(r"\b(?:i|my|me|mine|myself)\b", _I),
    "second_person": re.compile(r"\b(?:you|your|yours|yourself)\b", _I),
    "hedge": re.compile(
        r"\b(?:think|believe|maybe|perhaps|suggest|seems?|probably|possibly|guess|suppose|might|apparently|likely)\b",
        _I,
    ),
    "factuality": re.compile(r"\b(?:in fact|actually|really|the truth|the point is|clearly|obviously)\b", _I),
    "negative": re.compile(
        r"\b(?:wrong|bad|stupid|ridiculous|nonsense|lie|lies|liar|idiot|vandal|troll|useless|pathetic|absurd|"
        r"ignorant|rude|false|fail|problem|disrupt)\w*",
        _I,
    ),
    "positive": re.compile(
        r"\b(?:good|great|agree|right|fair|helpful|nice|welcome|best|fine|happy|glad|excellent|interesting|correct)\b",
        _I,
    ),
    "question": re.compile(r"\?"),
}
STRATEGIES = (*_AT_START, *_ANYWHERE)
SUMMARIES = ("mean", "open2", "last2", "trend")


def strategies(text: str) -> list[float]:
    """1.0 for each strategy the message uses, in the order of ``STRATEGIES``."""
    sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()] or [text]
    starts = [float(any(rx.search(s) for s in sentences)) for rx in _AT_START.values()]
    return starts + [float(bool(rx.search(text))) for rx in _ANYWHERE.values()]


def conversation_politeness(texts: Sequence[str]) -> list[float]:
    """Each strategy's rate over the conversation, in its opening, at its end, and its trend."""
    m = np.asarray([strategies(t) for t in texts], dtype=np.float64)
    half = max(1, len(m) // 2)
    trend = m[half:].mean(axis=0) - m[:half].mean(axis=0) if len(m) > 1 else np.zeros(m.shape[1])
    return [*m.mean(axis=0), *m[:2].mean(axis=0), *m[-2:].mean(axis=0), *trend]


def politeness_names() -> list[str]:
    return [f"pol_{summary}_{name}" for summary in SUMMARIES for name in STRATEGIES]
