"""Strategies: rank the method's strategies for a situation, each with why it fits and its card."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from assistant.coach.drift import clean_text
from assistant.coach.protocol import OFFLINE, Origin
from assistant.knowledge import Card
from assistant.retrieval.index import CardIndex, Passage

# Situational cues that embeddings blur: each names strategies it makes more likely.
_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...], float], ...] = tuple(
    (re.compile(p, re.I), slugs, w)
    for p, slugs, w in (
        (
            r"\bwalk(?:ed|s|ing)? out\b|\bstormed out\b|\bleft the (?:room|table|meeting|call)\b|\bhung up\b|\bgot up and left\b",
            ("assess-walkout", "face-saving-return", "apologize"),
            0.12,
        ),
        (
            r"\b(?:said|says|declared|announced|told (?:me|us))\b[^.]{0,40}\b(?:over|done|finished|dead|no point)\b|\bcalled (?:it|the talks) off\b",
            ("face-saving-return", "leave-door-open"),
            0.1,
        ),
        (
            r"\bmy fault\b|\bi (?:shouted|yelled|snapped|lost my temper|said something|overreacted|was rude|was out of line)\b|\bi made it worse\b",
            ("apologize",),
            0.14,
        ),
        (
            r"\blist of (?:complaints|demands|grievances|things)\b|\b(?:twenty|ten|dozen|\d{2}) (?:things|demands|complaints|points|items)\b|\blong list\b",
            ("crystallize-ask",),
            0.12,
        ),
        (r"\bdeal[- ]?breakers?\b|\bnon[- ]?negotiables?\b", ("one-non-negotiable",), 0.14),
        (
            r"\bdominat\w*|\btalks over\b|\bcan't get a word in\b|\binterrupt\w*|\bdoes all the talking\b|\bnever gets? (?:a )?(?:turn|chance) to speak\b",
            ("equal-time",),
            0.12,
        ),
        (
            r"\b(?:don't|do not|doesn't) trust\b|\b(?:their|his|her|your) numbers\b|\bdisput\w+ (?:the )?(?:facts|figures|numbers)\b|\bappraisal\b|\bvaluation\b",
            ("neutral-third-party",),
            0.1,
        ),
        (
            r"\bexhausted\b|\bburn(?:ed|t) out\b|\bgoing in circles\b|\bentrenched\b|\btired of (?:arguing|fighting)\b|\bneed(?:s)? (?:a )?break\b",
            ("let-time-pass",),
            0.08,
        ),
        (
            r"\bno alternative\b|\bno other option\b|\bthinks? (?:i|we) (?:have|'ve got) nowhere\b|\bthey know (?:i|we) need\b|\bno leverage\b",
            ("strengthen-batna",),
            0.12,
        ),
        (
            r"\bbait and switch\b|\bchanged the terms\b|\bnever (?:really )?wanted (?:a deal|an agreement|to agree)\b|\bunethical\b|\bwin-lose\b|\bonly (?:good|works) for them\b",
            ("walk-away-check",),
            0.14,
        ),
        (
            r"\b(?:we|finally) (?:agreed|reached an agreement|have a deal|signed)\b|\bnext (?:year|review)\b|\bmake (?:it|this) a habit\b",
            ("recommit-process",),
            0.1,
        ),
        (
            r"\balmost (?:done|there|everything)\b|\bat the (?:very )?(?:end|last minute)\b|\bout of nowhere\b|\bsuddenly\b|\bone last\b",
            ("flush-out-interests",),
            0.1,
        ),
        (
            r"\bonly (?:thing|issue) (?:left|on the table)\b|\ball (?:comes down|hinges) (?:to|on)\b|\bsingle issue\b|\bjust (?:the )?(?:money|price|one issue)\b",
            ("keep-issues-open",),
            0.1,
        ),
        (
            r"\bcan't stand each other\b|\bpersonal\b|\bcan no longer work\b|\bbad blood\b|\bhate each other\b",
            ("change-negotiators",),
            0.1,
        ),
        (
            r"\bnobody wants to (?:blink|go|move) first\b|\blose face\b|\blook weak\b|\bfirst to (?:offer|propose|compromise)\b",
            ("team-without-authority", "gracious-move"),
            0.1,
        ),
        (
            r"\bbefore (?:the|our|a|i) (?:talk|conversation|meeting)\b|\bpreparing\b|\bnervous about\b|\bdreading\b|\bahead of\b",
            ("prepare-assumptions",),
            0.1,
        ),
        (
            r"\bdifferent (?:goals|things)\b|\bwant(?:s)? different\b|\bwhat (?:we're|we are) (?:even )?(?:trying|fighting)\b|\bno common ground\b",
            ("state-goals",),
            0.1,
        ),
        (
            r"\bsame (?:argument|points|thing)\b|\bnobody (?:listens|is listening)\b|\brepeat\w*\b|\bround and round\b|\btalking past\b",
            ("ask-and-offer",),
            0.1,
        ),
        (
            r"\bstale\b|\bflat\b|\bstuck on the same\b|\bnothing new\b|\bneeds? something new\b",
            ("introduce-new-element",),
            0.1,
        ),
        (
            r"\bcold\b|\bsilent treatment\b|\bgoodwill\b|\bthaw\b|\bsmall gesture\b|\bolive branch\b",
            ("gracious-move",),
            0.1,
        ),
        (
            r"\bno contact\b|\bblocked\b|\bwon't (?:answer|reply|take my calls)\b|\bdead\b|\bgone quiet\b",
            ("leave-door-open",),
            0.08,
        ),
    )
)


@dataclass(frozen=True)
class Recommendation:
    """One strategy that fits a situation."""

    slug: str
    title: str
    score: float
    why: str
    card: str  # path to the card, relative to the knowledge folder
    impasse: bool
    origin: Origin = OFFLINE


class StrategyRecommender:
    """Ranks strategies by retrieval over the cards, a classifier trained on the cards' situation
    signals (their `when` and `signals` lines), and a few situational cues."""

    classifier_weight = 4.0

    def __init__(self, index: CardIndex, cards: dict[str, Card]) -> None:
        self.index = index
        self.cards = {slug: c for slug, c in cards.items() if c.kind == "strategy"}
        self._when_vectors = {slug: index.embedder.embed(list(c.when) or [c.title]) for slug, c in self.cards.items()}
        texts = [t for c in self.cards.values() for t in (*c.when, *c.signals)]
        labels = [c.slug for c in self.cards.values() for _ in (*c.when, *c.signals)]
        self._classes: list[str] = []
        if len(set(labels)) >= 2:
            self._meaning = LogisticRegression(C=8.0, max_iter=3000).fit(index.embedder.embed(texts), labels)
            self._words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
            self._wording = LogisticRegression(C=8.0, max_iter=3000).fit(self._words.fit_transform(texts), labels)
            self._classes = [str(c) for c in self._meaning.classes_]

    def _classify(self, text: str, vector: np.ndarray) -> dict[str, float]:
        """Probability per slug that the situation is one the card's signals describe."""
        if not self._classes:
            return {}
        probs = (
            0.6 * self._meaning.predict_proba(vector.reshape(1, -1))[0]
            + 0.4 * self._wording.predict_proba(self._words.transform([text]))[0]
        )
        return {slug: float(p) for slug, p in zip(self._classes, probs, strict=True)}

    def recommend(self, situation: str, k: int = 5, impasse_only: bool = False) -> list[Recommendation]:
        """Ranked strategies for a situation, best first."""
        text = clean_text(situation, "situation")
        passages = self.index.search(text, k=40, where={"kind": "strategy"})
        scores = self._aggregate(passages)
        vector = self.index.embedder.embed_one(text)
        for slug, p in self._classify(text, vector).items():
            scores[slug] = scores.get(slug, 0.0) + self.classifier_weight * p
        for pattern, slugs, weight in _CUES:
            if pattern.search(text):
                for rank, slug in enumerate(slugs):
                    scores[slug] = scores.get(slug, 0.0) + weight * (1.0 - 0.3 * rank)
        ranked = sorted(
            (s for s in scores if s in self.cards and (self.cards[s].impasse or not impasse_only)),
            key=lambda s: -scores[s],
        )
        out = []
        for slug in ranked[:k]:
            card = self.cards[slug]
            out.append(
                Recommendation(
                    slug=slug,
                    title=card.title,
                    score=round(min(1.0, scores[slug]), 3),
                    why=self._why(slug, vector),
                    card=f"cards/{card.path.name}",
                    impasse=card.impasse,
                )
            )
        return out

    @staticmethod
    def _aggregate(passages: list[Passage]) -> dict[str, float]:
        """Per slug: its best passage, plus a little for a second and third."""
        per: dict[str, list[float]] = defaultdict(list)
        for p in passages:
            per[p.slug].append(p.score)
        out = {}
        for slug, vals in per.items():
            vals.sort(reverse=True)
            out[slug] = vals[0] + 0.15 * sum(vals[1:3])
        return out

    def _why(self, slug: str, vector: np.ndarray) -> str:
        card = self.cards[slug]
        if not card.when:
            return f"{card.title} fits what you describe."
        sims = self._when_vectors[slug] @ vector
        best = card.when[int(np.argmax(sims))].rstrip(".")
        return f"It fits when {best[0].lower() + best[1:]}."
