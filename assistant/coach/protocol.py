"""The Coach protocol, and where each answer came from."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from assistant.coach.asks import ShrunkAsk
    from assistant.coach.drift import ConversationDrift, DriftVerdict
    from assistant.coach.offers import Offer
    from assistant.coach.strategies import Recommendation
    from assistant.knowledge import Card


@dataclass(frozen=True)
class Origin:
    """Which coach produced an answer, and why the offline coach answered when an LLM was configured."""

    coach: Literal["offline", "llm"] = "offline"
    note: str | None = None

    @property
    def fell_back(self) -> bool:
        return self.coach == "offline" and self.note is not None


OFFLINE = Origin()
LLM = Origin("llm")


@dataclass(frozen=True)
class Said:
    """A piece of text the coach wrote (a restatement, a mutual goal, a rehearsal line), with its origin."""

    text: str
    origin: Origin = OFFLINE

    def __str__(self) -> str:
        return self.text


class Coach(Protocol):
    """What the assistant can do for a person; OfflineCoach and LLMCoach both implement it.

    Every answer carries its ``origin``: which coach wrote it and, when the LLM's answer was
    rejected or failed, why the offline coach's answer is shown instead.
    """

    name: str
    cards: dict[str, Card]

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        """Drift level, score, kinds, reason and reframes for one message."""
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
        facilitated: bool = False,
    ) -> list[Offer]:
        """Two or three face-saving offers, each tied to a strategy card."""
        ...

    def stream_suggestion(self, question: str, record: str, stage: str) -> Iterator[str]:
        """A longer suggestion for the next move, as text chunks (a fallback says so in its first chunk)."""
        ...

    def restate(self, name: str, position: str, offer: str | None = None) -> Said:
        """A fair, calm restatement of a party's ask and offer, for that party to approve before sharing."""
        ...

    def mutual_goal(self, goals: Sequence[str]) -> Said:
        """One mutual goal the parties could all accept, from their stated goals."""
        ...

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> Said | None:
        """The other side's next line in a rehearsal; None when this coach cannot role-play, an empty line
        whose origin says why when an LLM coach could not answer."""
        ...
