"""The OfflineCoach: all coaching with classifiers, retrieval, a tagger and phrasing data, on this machine."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from assistant.coach.asks import AskShrinker, ShrunkAsk
from assistant.coach.checks import ask_problem
from assistant.coach.drift import ConversationDrift, DriftDetector, DriftVerdict, clean_text
from assistant.coach.offers import Offer, OfferSuggester
from assistant.coach.phrasing import Phrasing, load_phrasing
from assistant.coach.positions import PositionWriter
from assistant.coach.protocol import Said
from assistant.coach.reframes import Reframer, topic_of
from assistant.coach.strategies import Recommendation, StrategyRecommender
from assistant.config import Settings
from assistant.knowledge import cards_by_slug, examples_path
from assistant.retrieval.embedding import MiniLMEmbedder, shared_embedder
from assistant.retrieval.index import CardIndex, Progress

log = logging.getLogger(__name__)


class OfflineCoach:
    """The embedded default: no LLM, no network; everything runs on this machine."""

    name = "offline"

    def __init__(
        self,
        settings: Settings,
        embedder: MiniLMEmbedder | None = None,
        index: CardIndex | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.settings = settings
        self.embedder = embedder or shared_embedder(settings.embedding_model_path, settings.tokenizer_dir)
        self.index = index or CardIndex.open(settings, self.embedder, progress=progress)
        self.cards = cards_by_slug(settings.knowledge_dir)
        self.phrasing: Phrasing = load_phrasing(settings.knowledge_dir / "phrasing.yaml")
        self.drift = DriftDetector.from_knowledge(
            self.embedder, examples_path(settings.knowledge_dir), settings.cache_dir
        )
        self.reframer = Reframer(self.phrasing, self.level_of, self.levels_of)
        self.asks = AskShrinker(self.embedder, self.phrasing)
        self.strategies = StrategyRecommender(self.index, self.cards)
        self.offers = OfferSuggester(self.strategies, self.cards)
        self.positions = PositionWriter(self.asks, self.phrasing, self.level_of)

    def level_of(self, text: str) -> str:
        """The drift level of a piece of text the coach wrote (used to check its own words)."""
        return self.drift.check_message(text).level

    def levels_of(self, texts: Sequence[str]) -> list[str]:
        """The drift levels of several pieces of the coach's own text, in one batch."""
        return [v.level for v in self.drift.check_many(list(texts))]

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        verdict = self.drift.check_message(text, context)
        if verdict.level != "ultimatum":
            return replace(verdict, reframe=None, reframes=[])
        reframes, levers = self.reframer.reframes_and_levers(clean_text(text), verdict.kinds)
        evidence, reason = _lever_evidence(verdict.evidence, verdict.reason, levers)
        return replace(
            verdict, reframe=reframes[0] if reframes else None, reframes=reframes, evidence=evidence, reason=reason
        )

    def check_conversation(self, messages: Sequence[dict[str, str]]) -> ConversationDrift:
        return self.drift.check_conversation(messages)

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        result = self.asks.shrink(demands)
        problem = ask_problem(result.ask, result.chosen, result.parked, self.phrasing)
        if problem is None:
            return result
        log.info("Offline ask not shown: %s", problem)
        topic = topic_of(result.chosen) or "this"
        return replace(result, ask=f"Could we start with {topic}?")

    def recommend(self, situation: str, k: int = 5) -> list[Recommendation]:
        return self.strategies.recommend(situation, k=k)

    def suggest_offers(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        record: str = "",
        stage: str = "prepare",
        facilitated: bool = False,
    ) -> list[Offer]:
        return self.offers.suggest(situation, party_goal, their_ask, stage=stage, facilitated=facilitated)

    def stream_suggestion(self, question: str, record: str, stage: str) -> Iterator[str]:
        recs = self.recommend(question, k=2)
        for rec in recs:
            yield f"{rec.title}: {rec.why}\n\n"
        for offer in self.suggest_offers(question, stage=stage):
            yield f"- {offer.text} ({offer.title})\n"

    def restate(self, name: str, position: str, offer: str | None = None) -> Said:
        """Offline: the ask and the offer, calm and in the third person, threats and blame taken out."""
        return Said(self.positions.restate(clean_text(name, "name"), clean_text(position, "position"), offer))

    def mutual_goal(self, goals: Sequence[str]) -> Said:
        """Offline: what the stated goals share, said as one goal; the method's fallback when they share nothing."""
        stated = [clean_text(g, "goal") for g in goals if isinstance(g, str) and g.strip()]
        return Said(self.positions.mutual_goal(stated))

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> Said | None:
        return None  # role-play needs a language model; the page says so


def _lever_evidence(evidence: list[str], reason: str, levers: Sequence[str]) -> tuple[list[str], str]:
    """The words that made a message an ultimatum, kept to those inside what the reframer set aside
    as the lever (the penalty, the walkout), so 'why' names the threat rather than the need's words
    ('reporting it stolen', not 'back'). Unchanged when no lever was found or none of the words is in it."""
    lever_text = " ".join(levers).lower()
    if not lever_text or not evidence:
        return evidence, reason
    lever_words = set(re.findall(r"[\w']+", lever_text))

    def in_lever(e: str) -> bool:  # the phrase, or one of its longer words, is part of the lever
        words = [w for w in re.findall(r"[\w']+", e.rstrip("…").lower()) if len(w) > 3]
        return e.rstrip("…").lower() in lever_text or any(w in lever_words for w in words)

    inside = [e for e in evidence if in_lever(e)]
    if not inside or inside == evidence:
        return evidence, reason
    quoted = ", ".join(f"\u201c{e}\u201d" for e in inside[:3])
    return inside, re.sub(r" \(the words: [^)]*\)", f" (the words: {quoted})", reason, count=1)
