"""The Coach protocol and the OfflineCoach: all coaching with classifiers, retrieval and templates."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator, Sequence
from typing import Protocol

from assistant.coach.asks import AskShrinker, ShrunkAsk
from assistant.coach.drift import ConversationDrift, DriftDetector, DriftVerdict, clean_text, need_from
from assistant.coach.offers import Offer, OfferSuggester
from assistant.coach.strategies import Recommendation, StrategyRecommender
from assistant.config import Settings
from assistant.knowledge import Card, cards_by_slug, examples_path
from assistant.retrieval.embedding import MiniLMEmbedder, shared_embedder
from assistant.retrieval.index import CardIndex, Progress

log = logging.getLogger(__name__)


class Coach(Protocol):
    """What the assistant can do for a person; OfflineCoach and LLMCoach both implement it."""

    name: str
    cards: dict[str, Card]

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        """Drift level, score, kinds, reason and reframe for one message."""
        ...

    def check_conversation(self, messages: Sequence[dict[str, str]]) -> ConversationDrift:
        """Per-message levels, breakdown risk, and whether the conversation drifts."""
        ...

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        """One clear ask from many demands."""
        ...

    def recommend(self, situation: str, k: int = 5) -> list[Recommendation]:
        """Ranked strategies for a situation."""
        ...

    def suggest_offers(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        record: str = "",
        stage: str = "prepare",
    ) -> list[Offer]:
        """Two or three face-saving offers, each tied to a strategy card."""
        ...

    def stream_suggestion(self, question: str, record: str, stage: str) -> Iterator[str]:
        """A longer suggestion for the next move, as text chunks."""
        ...

    def restate(self, name: str, position: str) -> str:
        """A fair, calm restatement of a party's position, for that party to approve before sharing."""
        ...

    def mutual_goal(self, goals: Sequence[str]) -> str:
        """One mutual goal the parties could all accept, from their stated goals."""
        ...

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> str | None:
        """The other side's next line in a rehearsal; None when this coach cannot role-play."""
        ...

    def last_notice(self) -> str | None:
        """Why the last call in this thread fell back to the offline coach, if it did."""
        ...


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
        self.drift = DriftDetector.from_knowledge(
            self.embedder, examples_path(settings.knowledge_dir), settings.cache_dir
        )
        self.asks = AskShrinker(self.embedder)
        self.strategies = StrategyRecommender(self.index, self.cards)
        self.offers = OfferSuggester(self.strategies, self.cards)

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        return self.drift.check_message(text, context)

    def check_conversation(self, messages: Sequence[dict[str, str]]) -> ConversationDrift:
        return self.drift.check_conversation(messages)

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        return self.asks.shrink(demands)

    def recommend(self, situation: str, k: int = 5) -> list[Recommendation]:
        return self.strategies.recommend(situation, k=k)

    def suggest_offers(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        record: str = "",
        stage: str = "prepare",
    ) -> list[Offer]:
        return self.offers.suggest(situation, party_goal, their_ask)

    def stream_suggestion(self, question: str, record: str, stage: str) -> Iterator[str]:
        recs = self.recommend(question, k=2)
        for rec in recs:
            yield f"**{rec.title}** ({rec.slug}): {rec.why}\n\n"
        for offer in self.suggest_offers(question):
            yield f"- {offer.text} [{offer.slug}]\n"

    def restate(self, name: str, position: str) -> str:
        """Offline: the position's one ask, with threats and blame taken out, in the third person."""
        text = clean_text(position, "position")
        who = clean_text(name, "name")
        verdict = self.drift.check_message(text)
        core = need_from(text) if verdict.level == "ultimatum" else text
        ask = self.asks.shrink(core or text).ask.rstrip("?")
        return third_person(who, ask)

    def mutual_goal(self, goals: Sequence[str]) -> str:
        """Offline: the method's fallback, which every side can accept when goals are far apart."""
        stated = [clean_text(g, "goal") for g in goals if isinstance(g, str) and g.strip()]
        if len(stated) < 2:
            return "Make progress from where we are stuck."
        return "Reach an arrangement we can all accept, that takes each of our goals seriously."

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> str | None:
        return None  # role-play needs a language model; the page says so

    def last_notice(self) -> str | None:
        return None


def third_person(who: str, ask: str) -> str:
    """'Could you tell me before she comes?' said by Sam -> 'Sam is asking the others to tell Sam before she comes.'"""

    def swap(text: str) -> str:
        text = re.sub(r"\b(?:me|I)\b", who, text)
        text = re.sub(r"\bmy\b", f"{who}'s", text, flags=re.I)
        text = re.sub(r"\bI'm\b", f"{who} is", text)
        return text

    m = re.match(r"^could (?:we|I) have (.+)$", ask, re.I)
    if m:
        return f"{who} is asking for {swap(m.group(1))}."
    m = re.match(r"^could you (.+)$", ask, re.I)
    if m:
        return f"{who} is asking the others to {swap(m.group(1))}."
    m = re.match(r"^could (?:we|I) (.+)$", ask, re.I)
    if m:
        return f"{who} is proposing that everyone {swap(m.group(1))}."
    return f"{who}'s main ask: {swap(ask)}."


_shared: dict[str, OfflineCoach] = {}
_lock = threading.Lock()


def shared_offline_coach(settings: Settings, progress: Progress | None = None) -> OfflineCoach:
    """One OfflineCoach per process and knowledge folder (loading takes a couple of seconds)."""
    key = f"{settings.knowledge_dir}|{settings.chroma_dir}|{settings.chroma_host}"
    with _lock:
        coach = _shared.get(key)
        if coach is None:
            coach = OfflineCoach(settings, progress=progress)
            _shared[key] = coach
        return coach


def make_coach(settings: Settings, choice: str = "auto", progress: Progress | None = None) -> Coach:
    """The coach to use: "offline", "llm" (an error if none is configured), or "auto" (llm when configured)."""
    from assistant.errors import ConfigError

    if choice not in {"auto", "offline", "llm"}:
        raise ConfigError(f"Unknown coach {choice!r}: use offline, llm or auto.")
    offline = shared_offline_coach(settings, progress=progress)
    if choice == "offline" or (choice == "auto" and not settings.llm_configured):
        return offline
    from assistant.coach.llm_coach import LLMCoach
    from assistant.llm.chat import make_chat_model

    return LLMCoach(make_chat_model(settings), offline)
