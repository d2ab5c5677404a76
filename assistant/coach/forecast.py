"""A breakdown forecast for a conversation, learned from real public conversations.

What is known to forecast a breakdown (personal attacks, an impasse, a walk-away) is read from
each message with cheap, transparent features: hostility and directness, second-person pressure,
politeness, hedging and questions, and the drift classifier's own view of the message. The
conversation is then summarised by level, trend (late minus early), peak, who escalates and
whether the other side mirrors it. A logistic regression over those summaries gives the risk.

The weights are trained by ``evals/train_forecast.py`` on one public corpus and checked on others
never seen in training (knowledge/SOURCES.md); they ship as ``knowledge/forecast_model.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.coach.politeness import conversation_politeness, politeness_names
from assistant.errors import KnowledgeError

_WORD = re.compile(r"[a-z']+")
_YOU = re.compile(r"\b(?:you|your|you're|youre|yours|yourself|u|ur)\b")
_YOU_START = re.compile(r"^\W*(?:you|your)\b")
_HEDGE = re.compile(
    r"\b(?:i think|i believe|i guess|i feel|maybe|perhaps|might|probably|possibly|seems?|sort of|kind of|"
    r"i suppose|i'm not sure|not sure|it appears|somewhat|could be|i wonder)\b"
)
_POLITE = re.compile(
    r"\b(?:please|thanks|thank you|thank|appreciate|appreciated|grateful|sorry|apologi[sz]e|apologies|"
    r"would you mind|if you don't mind|kindly|i understand|i see your point|fair point|good point|"
    r"you're right|that's fair|happy to|glad)\b"
)
_GREET = re.compile(r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b")
_HOSTILE = re.compile(
    r"\b(?:stupid|idiot\w*|ridiculous|absurd|nonsense|liar|lying|lies|pathetic|ignorant|moron\w*|troll\w*|crap|"
    r"hell|damn|bullshit|bs|fuck\w*|shit\w*|dumb|insane|clueless|rude|childish|garbage|fraud\w*|scam\w*|"
    r"disgusting|shameful|disgrace\w*|incompetent|joke|laughable|delusional|hypocrit\w*|arrogant|"
    r"shut up|get lost|grow up|who cares|how dare|are you kidding|give me a break|bully|harass\w*|"
    r"vandal\w*|threat\w*|attack\w*|accus\w*|blame|fault|unacceptable|outrageous|terrible|awful|worst|hate)\b"
)
_DIRECT = re.compile(
    r"\b(?:clearly|obviously|actually|in fact|simply|of course|plainly|frankly|honestly|seriously|"
    r"never|always|nobody|no one|everyone|nothing|everything|absolutely|definitely|must|demand|refuse)\b"
)
_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|cannot)\b|n't\b")
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|let's|both|together)\b")

# per-message features, in order
MESSAGE_FEATURES = (
    "p_open",
    "p_firm",
    "p_ultimatum",
    "you",
    "you_start",
    "question",
    "hedge",
    "polite",
    "greet",
    "hostile",
    "direct",
    "negation",
    "we",
    "exclaim",
    "length",
)


def message_features(text: str, probs: dict[str, float]) -> list[float]:
    """The per-message cues, each a rate or a 0..1 value so long and short messages compare."""
    low = text.lower()
    words = max(1, len(_WORD.findall(low)))
    return [
        probs.get("open", 0.0),
        probs.get("firm", 0.0),
        probs.get("ultimatum", 0.0),
        min(1.0, 10 * len(_YOU.findall(low)) / words),
        1.0 if _YOU_START.search(low) else 0.0,
        1.0 if "?" in text else 0.0,
        min(1.0, float(len(_HEDGE.findall(low)))),
        min(1.0, float(len(_POLITE.findall(low)))),
        1.0 if _GREET.search(low) else 0.0,
        min(1.0, float(len(_HOSTILE.findall(low)))),
        min(1.0, 10 * len(_DIRECT.findall(low)) / words),
        min(1.0, 10 * len(_NEGATION.findall(low)) / words),
        min(1.0, 10 * len(_FIRST_PLURAL.findall(low)) / words),
        1.0 if "!" in text else 0.0,
        min(1.0, math.log1p(words) / 6),
    ]


def _index(name: str) -> int:
    return MESSAGE_FEATURES.index(name)


_PRESSURE = [_index(n) for n in ("hostile", "direct", "you", "p_ultimatum")]
_SOFT = [_index(n) for n in ("polite", "hedge", "question")]


def conversation_features(rows: Sequence[Sequence[float]], speakers: Sequence[str]) -> list[float]:
    """Summaries of the per-message cues over a conversation: level, trend, peak, the last two
    messages, who escalates and whether the other side mirrors."""
    m = np.asarray(rows, dtype=np.float64)
    n = len(m)
    half = max(1, n // 2)
    early, late = m[:half].mean(axis=0), m[half:].mean(axis=0) if n > 1 else m.mean(axis=0)
    tail = m[-2:].mean(axis=0)
    pressure = m[:, _PRESSURE].mean(axis=1) - 0.5 * m[:, _SOFT].mean(axis=1)
    escalation = 0.0
    for s in set(speakers):
        own = [p for p, sp in zip(pressure, speakers, strict=True) if sp == s]
        if len(own) >= 2:
            escalation = max(escalation, own[-1] - min(own[:-1]))
    # mirroring: a reply from the other side about as pressing as the message it answers
    pairs = [
        (pressure[i], pressure[i + 1]) for i in range(n - 1) if speakers[i] != speakers[i + 1] and pressure[i] > 0.15
    ]
    mirrored = float(np.mean([b for _, b in pairs])) if pairs else 0.0
    by_speaker = [
        float(np.mean([p for p, sp in zip(pressure, speakers, strict=True) if sp == s])) for s in set(speakers)
    ]
    gap = max(by_speaker) - min(by_speaker) if len(by_speaker) > 1 else 0.0
    slope = float(np.polyfit(np.arange(n), pressure, 1)[0]) if n >= 3 else 0.0
    return [
        *m.mean(axis=0),
        *(late - early),
        *m.max(axis=0),
        *tail,
        float(pressure.mean()),
        float(pressure.max()),
        slope * 5,
        escalation,
        mirrored,
        gap,
        min(1.0, math.log1p(n) / 3),
    ]


def forecast_features(
    texts: Sequence[str], probabilities: Sequence[dict[str, float]], speakers: Sequence[str]
) -> list[float]:
    """Everything the forecast reads of a conversation: the summarised per-message cues, then the
    politeness strategies' summaries (assistant/coach/politeness.py)."""
    rows = [message_features(t, p) for t, p in zip(texts, probabilities, strict=True)]
    return conversation_features(rows, speakers) + conversation_politeness(texts)


def feature_names() -> list[str]:
    per = list(MESSAGE_FEATURES)
    return (
        [f"mean_{f}" for f in per]
        + [f"trend_{f}" for f in per]
        + [f"max_{f}" for f in per]
        + [f"last2_{f}" for f in per]
        + ["pressure_mean", "pressure_max", "pressure_slope", "escalation", "mirrored", "speaker_gap", "length"]
        + politeness_names()
    )


@dataclass(frozen=True)
class BreakdownForecast:
    """A trained logistic regression over conversation features (standardised)."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    trained_on: str

    def _standard(self, features: Sequence[float]) -> np.ndarray:
        # clipped: a conversation far outside the training range must not swamp every other feature
        standard: np.ndarray = np.clip((np.asarray(features, dtype=np.float64) - self.mean) / self.scale, -4.0, 4.0)
        return standard

    def risk(self, features: Sequence[float]) -> float:
        x = self._standard(features)
        z = float(x @ self.coef + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def drivers(self, features: Sequence[float], k: int = 3) -> list[str]:
        """The features that pushed this risk up the most (for the reason text)."""
        x = self._standard(features)
        contrib = x * self.coef
        order = np.argsort(-contrib)
        return [self.names[int(i)] for i in order[:k] if contrib[int(i)] > 0.05]

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "coef": self.coef.round(6).tolist(),
            "intercept": round(self.intercept, 6),
            "trained_on": self.trained_on,
        }


@lru_cache(maxsize=4)
def load_forecast(path: Path) -> BreakdownForecast:
    """The shipped forecast weights; a clear error when missing or not matching these features."""
    if not path.is_file():
        raise KnowledgeError(
            f"No breakdown forecast weights at {path}; train them with `python -m evals.train_forecast`."
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        names = tuple(str(n) for n in raw["names"])
        model = BreakdownForecast(
            names,
            np.asarray(raw["mean"], dtype=np.float64),
            np.asarray(raw["scale"], dtype=np.float64),
            np.asarray(raw["coef"], dtype=np.float64),
            float(raw["intercept"]),
            str(raw.get("trained_on", "")),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise KnowledgeError(f"{path.name} is not a valid forecast file ({exc}); retrain it.") from exc
    if list(names) != feature_names():
        raise KnowledgeError(
            f"{path.name} was trained on other features; retrain with `python -m evals.train_forecast`."
        )
    return model


def forecast_path(knowledge_dir: Path) -> Path:
    return knowledge_dir / "forecast_model.json"
