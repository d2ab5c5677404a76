"""Drift toward ultimatums: a classifier over the offline embeddings, combined with patterns.

Two classifiers learn the labelled examples in ``knowledge/drift_examples.jsonl`` and their
probabilities are averaged: a logistic regression on the MiniLM embedding plus pattern cues (the
meaning), and one on word n-grams (the wording). The patterns catch the structural shapes of an
ultimatum both can miss, and name the kinds found.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.coach import drift_policy as policy
from assistant.coach.drift_patterns import (
    Hit,
    cue_features,
    denies_ultimatum,
    find_hits,
    hints_after_denial,
    leaves_door_open,
    offers_something,
    rules_out_action,
    said_all_right,
    taken_back,
)
from assistant.coach.forecast import (
    BreakdownForecast,
    forecast_features,
    forecast_path,
    load_forecast,
)
from assistant.coach.language import spoken_punctuation
from assistant.coach.protocol import OFFLINE, Origin
from assistant.errors import InputError
from assistant.knowledge import LEVELS, Example, load_examples
from assistant.retrieval.embedding import MODEL_ID, MiniLMEmbedder, Vectors

log = logging.getLogger(__name__)
FEATURE_VERSION = "5"
SEVERITY = policy.SEVERITY
MAX_CHARS = 20_000
HARD_NEGATIVES = "drift_hard_negatives.jsonl"
# 600 messages in other voices (letters, notices, texting, dialects, rambling) by two further authors
VOICES = "drift_voices.jsonl"
EXTRA_TRAINING = (HARD_NEGATIVES, VOICES)

_KIND_REASON = {
    "threat": "it ties what you want to a consequence for them",
    "final-offer": "it presents your position as take-it-or-leave-it",
    "walkout": "it announces that you are leaving the conversation",
    "deadline-penalty": "it sets a deadline with a penalty attached",
    "non-negotiable-list": "it lists several deal-breakers at once",
    "veiled-threat": "it hints at a consequence without saying it",
    "cut-off": "it closes the door on further talk",
}
_KIND_STRATEGY = {
    "threat": "strengthen-batna",
    "final-offer": "keep-issues-open",
    "walkout": "let-time-pass",
    "deadline-penalty": "strengthen-batna",
    "non-negotiable-list": "one-non-negotiable",
    "veiled-threat": "neutral-third-party",
    "cut-off": "leave-door-open",
}


@dataclass(frozen=True)
class DriftVerdict:
    """The drift check of one message."""

    level: str
    score: float
    kinds: list[str]
    reason: str
    reframe: str | None
    strategy: str | None = None
    probabilities: dict[str, float] = field(default_factory=dict)
    reframes: list[str] = field(default_factory=list)
    origin: Origin = OFFLINE
    # the words or spans that made it an ultimatum (empty for open and firm)
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ConversationDrift:
    """The drift check of a conversation: per-message levels, a breakdown risk, and whether it drifts."""

    risk: float
    drifting: bool
    levels: list[str]
    scores: list[float]
    by_speaker: dict[str, list[str]]
    reason: str
    # what pushed the risk up most (feature names of the forecast), for the reason and the CLI
    drivers: list[str] = field(default_factory=list)


def _examples_key(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256(f"{MODEL_ID}|{FEATURE_VERSION}".encode())
    for ex in examples:
        digest.update(f"{ex.level}\t{ex.text}\n".encode())
    return digest.hexdigest()[:16]


def clean_text(text: object, what: str = "message") -> str:
    """Validate free text from a person: a clear error for empty, non-text or huge input."""
    if not isinstance(text, str):
        raise InputError(f"The {what} must be text, not {type(text).__name__}.")
    cleaned = text.replace("\x00", "").strip()
    if not cleaned:
        raise InputError(f"The {what} is empty: write a few words first.")
    if len(cleaned) > MAX_CHARS:
        raise InputError(
            f"The {what} is {len(cleaned):,} characters; keep it under {MAX_CHARS:,} (split it into several messages)."
        )
    return cleaned


class DriftDetector:
    """Scores messages open / firm / ultimatum and proposes reframes."""

    ultimatum_threshold = policy.ULTIMATUM_PROBABILITY

    def __init__(
        self,
        embedder: MiniLMEmbedder,
        examples: Sequence[Example],
        cache_dir: Path | None = None,
        forecast: BreakdownForecast | None = None,
    ) -> None:
        if len({e.level for e in examples}) < len(LEVELS):
            raise InputError("The drift examples must cover open, firm and ultimatum.")
        self.embedder = embedder
        self.examples = list(examples)
        self.forecast = forecast
        vectors = self._example_vectors(cache_dir)
        self._vectors = vectors
        texts = [e.text for e in self.examples]
        features = np.hstack([vectors, self._cues(texts)])
        labels = np.array([e.level for e in self.examples])
        # two views of a message, averaged: its meaning (embedding plus pattern cues) and its words
        self._model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
        self._model.fit(features, labels)
        self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
        self._word_model = LogisticRegression(C=8.0, max_iter=3000, class_weight="balanced")
        self._word_model.fit(self._words.fit_transform(texts), labels)
        self._analyze = self._words.build_analyzer()
        self._classes = [str(c) for c in self._model.classes_]
        if [str(c) for c in self._word_model.classes_] != self._classes:
            raise InputError("The drift classifiers disagree on their labels; check the examples file.")

    @classmethod
    def from_knowledge(
        cls,
        embedder: MiniLMEmbedder,
        knowledge_examples: Path,
        cache_dir: Path | None = None,
        with_forecast: bool = True,
    ) -> DriftDetector:
        """The detector trained on the labelled examples (and the hard negatives and voices beside them),
        with the breakdown forecast shipped in the same folder (without it when ``with_forecast`` is off:
        the forecast's own trainer builds the classifier this way, before any forecast exists)."""
        examples = load_examples(knowledge_examples)
        for name in EXTRA_TRAINING:
            extra = knowledge_examples.parent / name
            if extra.is_file():
                examples += load_examples(extra)
        forecast = load_forecast(forecast_path(knowledge_examples.parent)) if with_forecast else None
        return cls(embedder, examples, cache_dir, forecast)

    @property
    def model_key(self) -> str:
        """Changes whenever the examples, the embedding model or the features change."""
        return _examples_key(self.examples)

    def _example_vectors(self, cache_dir: Path | None) -> Vectors:
        texts = [e.text for e in self.examples]
        if cache_dir is None:
            return self.embedder.embed(texts)
        path = cache_dir / f"drift-examples-{_examples_key(self.examples)}.npy"
        if path.is_file():
            try:
                cached = np.load(path)
                if cached.shape == (len(texts), self.embedder_dimensions):
                    loaded: Vectors = cached.astype(np.float32)
                    return loaded
            except (OSError, ValueError) as exc:
                log.warning("Ignoring unreadable embedding cache %s: %s", path, exc)
        vectors = self.embedder.embed(texts)
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, vectors)
            tmp.replace(path)
        except OSError as exc:
            log.warning("Could not cache example embeddings in %s: %s", cache_dir, exc)
        return vectors

    @property
    def embedder_dimensions(self) -> int:
        return 384

    @staticmethod
    def _cues(texts: Sequence[str]) -> Vectors:
        return np.array([cue_features(t) for t in texts], dtype=np.float32) * 2.0

    def _word_proba(self, texts: Sequence[str]) -> np.ndarray:
        """The word model's probabilities, computed sparsely by hand: sklearn's transform and
        predict_proba spend ~1 ms per call on input checks. Same maths (sublinear tf, idf, L2 norm,
        multinomial softmax); tests/test_drift.py checks it against sklearn."""
        vocabulary = self._words.vocabulary_
        idf = self._words.idf_
        coef = self._word_model.coef_
        logits = np.tile(self._word_model.intercept_, (len(texts), 1))
        for row, text in enumerate(texts):
            counts: Counter[int] = Counter(vocabulary[g] for g in self._analyze(text) if g in vocabulary)
            if not counts:
                continue
            cols = np.fromiter(counts.keys(), dtype=np.int64)
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * idf[cols]
            weights /= np.linalg.norm(weights)
            logits[row] += coef[:, cols] @ weights
        return _softmax(logits)

    def word_probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """The word model's probabilities alone: no embedding, so cheap enough for every message of a
        long conversation; the breakdown forecast reads these."""
        return [{c: float(p) for c, p in zip(self._classes, row, strict=True)} for row in self._word_proba(texts)]

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Class probabilities for each text: the two classifiers' average (multinomial softmax)."""
        vectors = self.embedder.embed(list(texts))
        features = np.hstack([vectors, self._cues(texts)])
        meaning = _softmax(features @ self._model.coef_.T + self._model.intercept_)
        probs = (meaning + self._word_proba(texts)) / 2
        return [{c: float(p) for c, p in zip(self._classes, row, strict=True)} for row in probs]

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        """Level, score, kinds, reason and reframe for one message (or draft)."""
        return self.check_many([text], context)[0]

    def check_many(self, texts: Sequence[str], context: Sequence[str] | None = None) -> list[DriftVerdict]:
        """Check several messages in one batch (the embedding runs once for all)."""
        # a dictated message is read with the marks it names in words ("...for the car full stop if it's not gone")
        cleaned = [spoken_punctuation(clean_text(t)) for t in texts]
        probs = self.probabilities(cleaned)
        hard_before = sum(
            1
            for p in (self.probabilities(list(context)[-4:]) if context else [])
            if max(p, key=lambda k: p[k]) == "ultimatum"
        )
        return [self._verdict(t, p, hard_before) for t, p in zip(cleaned, probs, strict=True)]

    def _verdict(self, text: str, probs: dict[str, float], hard_before: int) -> DriftVerdict:
        hits = find_hits(text)
        strongest = max((h.weight for h in hits), default=0.0)
        level = max(probs, key=lambda k: probs[k])
        denied = (
            (denies_ultimatum(text) and not _has_consequence(hits) and not hints_after_denial(text, hits))
            or (rules_out_action(text) and not hits)
            or taken_back(text, hits)
            or said_all_right(text, hits)
        )
        if level == "ultimatum" and probs["ultimatum"] < self.ultimatum_threshold:
            # the most likely level, but not likely enough: a flag must mean the classifier is sure
            # (a pattern can still decide below)
            level = "firm" if probs["firm"] >= probs["open"] else "open"
        # an offer (even a conditional trade) with no threatening shape is not an ultimatum on the
        # classifier's word alone: its words ("refund", "review", "final") are not a consequence
        # so is a 'final' or a limit said with the door left open ("my mind's made up, but I'm happy to talk it through")
        offer = (offers_something(text) or leaves_door_open(text)) and not _has_consequence(hits)
        if (strongest >= policy.PATTERN_DECIDES and not denied) or (
            probs["ultimatum"] >= self.ultimatum_threshold and not denied and not offer
        ):
            level = "ultimatum"
        elif (denied or offer) and level == "ultimatum":
            level = "firm" if probs["firm"] >= probs["open"] else "open"
        if level == "ultimatum" and not hits and len(text.split()) <= 4:
            # a few words with no threatening shape ("see you tomorrow") are not an ultimatum;
            # the short ones that are ("I'm out.", "We're done.") have a pattern
            level = "firm" if probs["firm"] >= probs["open"] else "open"
        score = policy.severity(probs)
        if level == "ultimatum":
            score = max(score, 0.5 + 0.5 * max(probs["ultimatum"], strongest))
        score = policy.score_for(level, score)
        kinds = sorted({h.kind for h in hits}) if level == "ultimatum" else []
        if level == "ultimatum" and not kinds:
            kinds = self._neighbour_kinds(text)
        evidence = self._evidence(text, hits) if level == "ultimatum" else []
        reason = _reason(level, kinds, evidence, hard_before)
        reframe = None  # the coach builds reframes from the parts of the message (coach/reframes.py)
        strategy = _KIND_STRATEGY.get(kinds[0]) if kinds else None
        return DriftVerdict(
            level,
            float(score),
            kinds,
            reason,
            reframe,
            strategy,
            {k: round(v, 3) for k, v in probs.items()},
            evidence=evidence,
        )

    def _evidence(self, text: str, hits: Sequence[Hit]) -> list[str]:
        """The spans that made a message an ultimatum: the pattern matches first, then the words the
        word model weighs most toward ultimatum in this message."""
        found: list[str] = []
        for h in sorted(hits, key=lambda h: -h.weight):
            phrase = _shorten(h.phrase)
            if phrase.lower() not in (f.lower() for f in found):  # two shapes can match the same words
                found.append(phrase)
        vocabulary = self._words.vocabulary_
        coef = self._word_model.coef_
        u = self._classes.index("ultimatum")
        others = [i for i in range(len(self._classes)) if i != u]
        pull: dict[str, float] = {}
        for gram in set(self._analyze(text)):
            col = vocabulary.get(gram)
            if col is not None:
                pull[gram] = float(coef[u, col] - coef[others, col].mean()) * float(self._words.idf_[col])
        words = [
            g
            for g, w in sorted(pull.items(), key=lambda kv: -kv[1])
            if w > 1.0 and any(len(t) > 2 and t not in _STOP for t in g.split())
        ]
        for gram in words:
            if len(found) >= 4:
                break
            # as the person wrote it, whole words: "re out" is "you're out"; a gram that is not
            # a run of the message's words ("or stop" from "or I stop") is not shown
            said = re.search(r"[\w'’]*" + r"\W+".join(map(re.escape, gram.split())) + r"[\w'’]*", text, re.I)
            if said is None:
                continue
            grams_words = set(gram.split())
            if not any(gram in f.lower() or grams_words <= set(re.findall(r"[\w']+", f.lower())) for f in found):
                # keep the bigram over its own words
                found = [f for f in found if f.lower() not in gram]
                found.append(said.group(0))
        return found

    def _neighbour_kinds(self, text: str) -> list[str]:
        """Kinds of the nearest labelled ultimatums, when no pattern named one."""
        vector = self.embedder.embed_one(text)
        sims = self._vectors @ vector
        votes: Counter[str] = Counter()
        for i in np.argsort(-sims)[:15]:
            ex = self.examples[int(i)]
            if ex.level == "ultimatum":
                votes.update(ex.kinds)
        return [votes.most_common(1)[0][0]] if votes else ["threat"]

    def check_conversation(self, messages: Sequence[dict[str, str]]) -> ConversationDrift:
        """Per-message levels, a breakdown risk in 0..1, and whether the trend is toward ultimatums."""
        if not messages:
            raise InputError("The conversation has no messages.")
        texts, speakers = [], []
        for i, m in enumerate(messages):
            if not isinstance(m, dict):
                raise InputError(f"Message {i + 1} must be an object with speaker and text.")
            texts.append(clean_text(m.get("text"), f"text of message {i + 1}"))
            speakers.append(str(m.get("speaker") or "?"))
        verdicts = self.check_many(texts)
        levels = [v.level for v in verdicts]
        by_speaker: dict[str, list[str]] = {}
        for s, lvl in zip(speakers, levels, strict=True):
            by_speaker.setdefault(s, []).append(lvl)
        if self.forecast is None:
            risk, drivers = _rule_risk([v.score for v in verdicts], levels), []
        else:
            features = forecast_features(texts, self.word_probabilities(texts), speakers)
            risk = policy.conversation_risk(
                self.forecast.risk(features), _rule_risk([v.score for v in verdicts], levels), levels
            )
            drivers = self.forecast.drivers(features)
        drifting = policy.is_drifting(risk, levels)
        reason = policy.trend_reason(drifting, levels, drivers if risk >= policy.DRIFTING_RISK else [])
        return ConversationDrift(
            round(risk, 3), drifting, levels, [v.score for v in verdicts], by_speaker, reason, drivers
        )


_STOP = frozenset(
    [
        "the",
        "and",
        "you",
        "your",
        "for",
        "this",
        "that",
        "with",
        "have",
        "will",
        "are",
        "not",
        "but",
        "can",
        "our",
        "all",
        "was",
        "its",
        "it's",
        "i'm",
        "i'll",
        "we'll",
        "you're",
        "just",
        "what",
        "when",
        "then",
        "than",
        "them",
        "they",
        "she",
        "him",
        "her",
        "his",
        "has",
        "had",
        "who",
        "how",
        "why",
    ]
)


def _softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax: what a multinomial LogisticRegression's predict_proba computes."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)  # type: ignore[no-any-return]


def _has_consequence(hits: Sequence[Hit]) -> bool:
    return any(h.kind in {"threat", "deadline-penalty", "walkout", "cut-off"} for h in hits)


def _rule_risk(scores: list[float], levels: list[str]) -> float:
    """Without trained forecast weights: recent severity, its rise, and hard messages at the end."""
    half = max(1, len(scores) // 2)
    slope = float(np.mean(scores[half:] or scores)) - float(np.mean(scores[:half]))
    return min(
        1.0, max(0.0, 0.65 * policy.recent_severity(scores) + 0.35 * max(0.0, slope) + 0.1 * policy.hard_tail(levels))
    )


def _reason(level: str, kinds: list[str], evidence: Sequence[str], hard_before: int) -> str:
    if level == "open":
        return "Open: it invites a reply and closes no doors."
    if level == "firm":
        return "Firm: a clear position or limit, with no threat attached. That is fine to send."
    why = _KIND_REASON.get(kinds[0], "it reads as take-it-or-leave-it") if kinds else "it reads as a threat"
    quoted = f" (the words: {', '.join(repr_quote(e) for e in evidence[:3])})" if evidence else ""
    extra = " It follows other hard messages, so the talk may be tipping into a stand-off." if hard_before else ""
    return f"Reads as an ultimatum: {why}{quoted}, which tends to make the other side dig in.{extra}"


def repr_quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def _shorten(text: str, limit: int = 60) -> str:
    """At most ``limit`` characters, cut at a word boundary ("I will tell…", never "I will t…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
