"""The LLM coach: retrieval-grounded prompts to an OpenAI-compatible model, falling back to the offline coach.

Every call retrieves cards first and puts them in the prompt; every suggestion must cite slugs that
were retrieved. Any failure (timeout, refused connection, rate limit, server error, refusal,
unparseable or invalid output) gives the offline coach's answer instead, and a notice naming the cause.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field

from assistant.coach import drift_policy
from assistant.coach.asks import ShrunkAsk, parse_demands
from assistant.coach.checks import ask_problem, distinctive_words, ungrounded
from assistant.coach.drift import ConversationDrift, DriftVerdict, clean_text
from assistant.coach.offers import Offer
from assistant.coach.offline import OfflineCoach
from assistant.coach.protocol import LLM, Origin, Said
from assistant.coach.strategies import Recommendation
from assistant.errors import RejectedReply
from assistant.knowledge import KINDS, Card
from assistant.llm.chat import ask_json, describe_failure, stream_text
from assistant.llm.prompts import render, user_data

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Shrink(BaseModel):
    ask: str = Field(min_length=3, max_length=400)
    interest: str = Field(min_length=2, max_length=200)
    parked: list[str] = []
    slugs: list[str] = []


class _Offer(BaseModel):
    text: str = Field(min_length=5, max_length=600)
    slug: str


class _Offers(BaseModel):
    offers: list[_Offer] = Field(min_length=1, max_length=5)


class _Restatement(BaseModel):
    restatement: str = Field(min_length=5, max_length=800)


class _MutualGoal(BaseModel):
    mutual_goal: str = Field(min_length=3, max_length=300)
    slugs: list[str] = Field(default_factory=list)


class _RehearsalLine(BaseModel):
    reply: str = Field(min_length=1, max_length=800)


class _Strategy(BaseModel):
    slug: str
    why: str = Field(min_length=3, max_length=400)


class _Strategies(BaseModel):
    strategies: list[_Strategy] = Field(min_length=1, max_length=8)


class _Drift(BaseModel):
    level: Literal["open", "firm", "ultimatum"]
    kinds: list[str] = []
    reason: str = Field(min_length=3, max_length=400)
    reframe: str | None = None
    slugs: list[str] = []


def require_grounded(cited: Iterable[str], given: Iterable[str]) -> None:
    """Refuse a reply that cites a strategy the prompt did not give it."""
    if ungrounded(cited, given):
        raise RejectedReply("it cited a strategy card it was not given")


def _with_origin(value: T, origin: Origin) -> T:
    """The same answer, marked with where it came from (a dataclass, a Said, or a list of them)."""
    if isinstance(value, list):
        return [_with_origin(v, origin) for v in value]  # type: ignore[return-value]
    if value is None:
        return value
    return replace(value, origin=origin)  # type: ignore[type-var]


def cards_context(cards: Sequence[Card]) -> str:
    """The retrieved cards, compact, for a prompt."""
    parts = []
    for c in cards:
        todo = c.sections().get("What to do", "")
        todo = " ".join(todo.split())[:360]
        parts.append(f"- {c.slug}: {c.title}. When: {'; '.join(c.when[:3])}. Move: {todo}")
    return "\n".join(parts)


class LLMCoach:
    """Implements the Coach protocol with a chat model; the offline coach answers whenever it fails."""

    name = "llm"

    def __init__(self, chat_model: Any, fallback: OfflineCoach) -> None:
        self.model = chat_model
        self.fallback = fallback
        self.cards = fallback.cards
        self.prompts = fallback.settings.prompts_dir

    # ---- plumbing -----------------------------------------------------------------------

    def _guard(self, what: str, llm: Callable[[], T], offline: Callable[[], T]) -> T:
        """The LLM's answer marked as such, or the offline coach's, marked with why the LLM's was not used."""
        try:
            return _with_origin(llm(), LLM)
        except Exception as exc:
            cause = describe_failure(exc)
            # the cause only: an exception's text can quote the request, and with it a person's words
            log.warning("LLM %s not used (%s: %s); using the offline coach", what, type(exc).__name__, cause)
            # which check refused the reply: our own words, shown only to the person who asked
            detail = f"{cause}: {exc}" if isinstance(exc, RejectedReply) else cause
            note = f"The LLM coach's {what} was not used ({detail}); this comes from the offline coach."
            return _with_origin(offline(), Origin("offline", note))

    def _system(self) -> str:
        return render(self.prompts, "system")

    def _named_cards(self, *slugs: str) -> list[Card]:
        """The cards a task always carries (shrink: crystallize-ask...), skipping any not on disk."""
        return [self.cards[s] for s in slugs if s in self.cards]

    def _retrieve(self, text: str, k: int = 6, impasse_only: bool = False) -> list[Card]:
        recs = self.fallback.strategies.recommend(text, k=k, impasse_only=impasse_only)
        return [self.cards[r.slug] for r in recs if r.slug in self.cards]

    # ---- the Coach protocol ---------------------------------------------------------------

    def check_message(self, text: str, context: Sequence[str] | None = None) -> DriftVerdict:
        offline = self.fallback.check_message(text, context)  # validates the text too

        def llm() -> DriftVerdict:
            cards = self._retrieve(f"{text} {offline.reason}", k=4)
            prompt = render(
                self.prompts,
                "drift",
                cards=cards_context(cards),
                text=user_data(text),
                offline=f"{offline.level} (score {offline.score:.2f})",
            )
            out = ask_json(self.model, self._system(), prompt, _Drift)
            require_grounded(out.slugs, (c.slug for c in cards))
            level, score = drift_policy.blend_llm(offline.score, out.level)
            kinds = sorted(set(offline.kinds) | {k for k in out.kinds if k in KINDS}) if level == "ultimatum" else []
            if level != "ultimatum":
                return DriftVerdict(level, score, [], out.reason, None, offline.strategy, offline.probabilities)
            reframes = list(offline.reframes) or self.fallback.check_message(text).reframes
            if out.reframe:
                problem = self.fallback.reframer.problem(out.reframe.strip(), text)
                if problem is not None:
                    raise RejectedReply(f"its reframe was not safe to show: {problem}")
                reframes = [out.reframe.strip(), *reframes][:3]
            return DriftVerdict(
                level,
                score,
                kinds,
                out.reason,
                reframes[0] if reframes else None,
                offline.strategy,
                offline.probabilities,
                reframes,
                evidence=offline.evidence,
            )

        return self._guard("drift check", llm, lambda: offline)

    def check_conversation(self, messages: Sequence[dict[str, str]]) -> ConversationDrift:
        return self.fallback.check_conversation(messages)

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        found, _ = parse_demands(demands, self.fallback.phrasing.priority_pattern, self.fallback.phrasing.blame_pattern)
        items = [d.text for d in found]  # validates; the same errors as offline

        def llm() -> ShrunkAsk:
            cards = self._named_cards("crystallize-ask", "ask-and-offer")
            prompt = render(
                self.prompts,
                "shrink",
                cards=cards_context(cards),
                demands=user_data("\n".join(f"- {d.text}{' (above all)' if d.priority else ''}" for d in found)),
            )
            out = ask_json(self.model, self._system(), prompt, _Shrink)
            require_grounded(out.slugs, (c.slug for c in cards))
            ask = out.ask.strip()
            words = distinctive_words(ask)
            chosen = max(items, key=lambda d: len(distinctive_words(d) & words))
            problem = ask_problem(ask, chosen, [d for d in items if d != chosen], self.fallback.phrasing)
            if problem is not None:
                raise RejectedReply(f"its ask was not one ask: {problem}")
            offline = self.fallback.shrink(demands)
            return ShrunkAsk(
                ask,
                out.interest.strip(),
                [p for p in out.parked if p.strip()],
                chosen,
                offline.honoured_priority,
            )

        # the offline coach gets the demands as written: parsing drops the cue that marks a priority
        return self._guard("shrink", llm, lambda: self.fallback.shrink(demands))

    def recommend(self, situation: str, k: int = 5) -> list[Recommendation]:
        text = clean_text(situation, "situation")
        offline = self.fallback.recommend(text, k=8)

        def llm() -> list[Recommendation]:
            by_slug = {r.slug: r for r in offline}
            cards = [self.cards[s] for s in by_slug]
            prompt = render(self.prompts, "strategies", cards=cards_context(cards), situation=user_data(text))
            out = ask_json(self.model, self._system(), prompt, _Strategies)
            ranked = []
            require_grounded((s.slug for s in out.strategies), by_slug)
            for i, s in enumerate(out.strategies):
                base = by_slug[s.slug]
                ranked.append(
                    Recommendation(s.slug, base.title, round(1.0 - i * 0.1, 3), s.why, base.card, base.impasse)
                )
            return ranked[:k]

        return self._guard("strategies", llm, lambda: offline[:k])

    def suggest_offers(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        record: str = "",
        stage: str = "prepare",
        facilitated: bool = False,
    ) -> list[Offer]:
        text = clean_text(situation, "situation")

        def offline() -> list[Offer]:
            return self.fallback.suggest_offers(text, party_goal, their_ask, stage=stage, facilitated=facilitated)

        def llm() -> list[Offer]:
            from assistant.coach.offers import IMPASSE_CUES

            cards = self._retrieve(f"{text} {their_ask or ''}", k=6, impasse_only=bool(IMPASSE_CUES.search(text)))
            allowed = {c.slug: c for c in cards}
            prompt = render(
                self.prompts,
                "offers",
                stage=stage,
                record=user_data(record or "(none)"),
                cards=cards_context(cards),
                situation=user_data(text),
                goal=user_data(party_goal or "(not given)"),
                their_ask=user_data(their_ask or "(not given)"),
            )
            out = ask_json(self.model, self._system(), prompt, _Offers)
            require_grounded((o.slug for o in out.offers), allowed)
            offers = [
                Offer(o.text.strip(), o.slug, allowed[o.slug].title, f"cards/{allowed[o.slug].path.name}")
                for o in out.offers
            ]
            for o in offers:
                if self.fallback.level_of(o.text) == "ultimatum":
                    raise RejectedReply("an offer it wrote reads as an ultimatum")
            if len(offers) < 2:
                raise RejectedReply("it gave fewer than two offers")
            return offers[:3]

        return self._guard("offers", llm, offline)

    def restate(self, name: str, position: str, offer: str | None = None) -> Said:
        text = clean_text(position, "position")
        who = clean_text(name, "name")
        whole = f"{text}\nOffer: {offer}" if offer else text

        def llm() -> Said:
            prompt = render(self.prompts, "restate", party_name=user_data(who), position=user_data(whole))
            said = ask_json(self.model, self._system(), prompt, _Restatement).restatement.strip()
            if self.fallback.level_of(said) == "ultimatum" or self.fallback.phrasing.lever_pattern.search(said):
                raise RejectedReply("its restatement still carried a threat")
            if self.fallback.phrasing.blame_pattern.search(said):
                raise RejectedReply("its restatement still carried blame")
            return Said(said)

        return self._guard("restatement", llm, lambda: self.fallback.restate(who, text, offer))

    def mutual_goal(self, goals: Sequence[str]) -> Said:
        stated = [clean_text(g, "goal") for g in goals if isinstance(g, str) and g.strip()]

        def llm() -> Said:
            cards = self._named_cards("state-goals")
            prompt = render(
                self.prompts,
                "mutual_goal",
                cards=cards_context(cards),
                goals=user_data("\n".join(f"- {g}" for g in stated)),
            )
            out = ask_json(self.model, self._system(), prompt, _MutualGoal)
            require_grounded(out.slugs, (c.slug for c in cards))
            if self.fallback.level_of(out.mutual_goal) == "ultimatum":
                raise RejectedReply("its mutual goal read as an ultimatum")
            return Said(out.mutual_goal.strip())

        return self._guard("mutual goal", llm, lambda: self.fallback.mutual_goal(stated))

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> Said | None:
        view = clean_text(their_view, "description of the other side")
        recent = list(transcript)[-12:]  # a bounded window: the cost of a turn does not grow
        lines = "\n".join(f"{'Me' if who == 'me' else 'Them'}: {line}" for who, line in recent)

        def llm() -> Said | None:
            prompt = render(
                self.prompts, "rehearse", their_view=user_data(view), transcript=user_data(lines or "(none)")
            )
            return Said(ask_json(self.model, self._system(), prompt, _RehearsalLine).reply.strip())

        # no offline line to give, but an empty one still carries why the LLM's was not used
        return self._guard("rehearsal", llm, lambda: Said(""))

    def stream_suggestion(self, question: str, record: str, stage: str) -> Iterator[str]:
        """A longer suggestion, streamed; falls back to the offline offers if the stream fails."""
        text = clean_text(question, "question")
        cards = self._retrieve(text, k=4)
        prompt = render(
            self.prompts,
            "suggestion",
            stage=stage,
            record=user_data(record or "(none)"),
            cards=cards_context(cards),
            question=user_data(text),
        )
        try:
            yield from stream_text(self.model, self._system(), prompt)
        except Exception as exc:
            cause = describe_failure(exc)
            log.warning("LLM suggestion not used (%s: %s); using the offline coach", type(exc).__name__, cause)
            yield f"\n\n(The LLM coach could not answer: {cause}. These suggestions come from the offline coach.)\n"
            for o in self.fallback.suggest_offers(text, stage=stage):
                yield f"\n- {o.text} ({o.title})"
