"""Mediation: what a page asks for, in one call each (coach + process + store together)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from assistant.coach.coach import Coach
from assistant.coach.drift import DriftVerdict
from assistant.coach.offers import Offer
from assistant.coach.strategies import Recommendation
from assistant.process import SessionState, equal_time
from assistant.process.views import record_for
from assistant.store import Repository
from assistant.store.repository import Access

log = logging.getLogger(__name__)
IMPASSE_SLUGS = (
    "face-saving-return",
    "leave-door-open",
    "apologize",
    "gracious-move",
    "let-time-pass",
    "neutral-third-party",
    "change-negotiators",
    "assess-walkout",
)


@dataclass(frozen=True)
class Suggestion:
    """A live suggestion for the facilitator or a party, with the strategy behind it."""

    text: str
    slug: str | None


class Mediation:
    """The use cases of a shared session, for pages and scripts."""

    def __init__(self, repo: Repository, coach: Coach) -> None:
        self.repo = repo
        self.coach = coach

    def check_draft(self, state: SessionState, party_id: int | None, text: str) -> DriftVerdict:
        """Drift check of a draft, with the speaker's own recent messages as context."""
        context = [m.text for m in state.messages if m.party_id == party_id and m.kind == "message"][-4:]
        return self.coach.check_message(text, context)

    def send(self, access: Access, text: str, verdict: DriftVerdict, client_key: str) -> int:
        """Store a message (exactly as the person chose to send it) with its drift level."""
        return self.repo.add_message(access.session_id, access.party_id, text, verdict.level, verdict.score, client_key)

    def impasse(self, state: SessionState) -> str | None:
        """Why the session looks stuck, if it does: someone left, or ultimatums repeat."""
        gone = [p.name for p in state.parties if not p.active]
        if gone:
            return f"{', '.join(gone)} left the session."
        for p in state.parties:
            own = [m for m in state.messages if m.party_id == p.id and m.kind == "message"]
            if len(own) >= 2 and all(m.level == "ultimatum" for m in own[-2:]):
                return f"{p.name}'s last two messages read as ultimatums."
        return None

    def moves(self, state: SessionState, party_id: int | None, situation: str | None = None) -> list[Offer]:
        """Offers or impasse moves for a party, each citing its strategy card."""
        their_asks = [e.ask for e in state.entries if e.party_id != party_id and e.round_no in state.revealed_rounds]
        stuck = self.impasse(state)
        base = situation or (stuck or f"We are working on: {state.mutual_goal or state.title}.")
        if stuck:
            base = f"{base} The talks are at an impasse: {stuck}"
        goal = state.goals.get(party_id) if party_id is not None else state.mutual_goal
        return self.coach.suggest_offers(
            base,
            goal or state.mutual_goal,
            their_asks[-1] if their_asks and not stuck else None,
            record=record_for(state, party_id),
            stage=state.stage,
        )

    def suggestions(self, state: SessionState, now: datetime | None = None) -> list[Suggestion]:
        """Live suggestions for the facilitator: hardening, silence, imbalance, stage progress."""
        now = now or datetime.now(UTC)
        out: list[Suggestion] = []
        names = {p.id: p.name for p in state.parties}
        for p in state.parties:
            own = [m for m in state.messages if m.party_id == p.id and m.kind == "message"]
            if len(own) >= 2 and own[-1].level == "ultimatum" and own[-2].level != "open":
                out.append(
                    Suggestion(
                        f"{p.name}'s last messages hardened toward an ultimatum: consider a pause "
                        "or offering a face-saving way back.",
                        "face-saving-return",
                    )
                )
            if not p.active:
                out.append(
                    Suggestion(f"{p.name} left. Judge how final it is, and leave the door open.", "assess-walkout")
                )
        spoken = equal_time(state)
        if state.messages and spoken:
            top = max(spoken.values())
            for pid, words in spoken.items():
                if top >= 40 and words < top / 3:
                    out.append(
                        Suggestion(
                            f"{names[pid]} has said much less than the others: invite them to speak.", "equal-time"
                        )
                    )
        recent = [m for m in state.messages if m.kind == "message"]
        if recent and state.stage == "discuss":  # silence matters while they talk, not once they agree
            last_by = {m.party_id: m.created_at for m in recent}
            for p in state.active_parties:
                at = last_by.get(p.id)
                if at is None or now - at > timedelta(minutes=5):
                    out.append(Suggestion(f"{p.name} has not spoken for a while.", "equal-time"))
        if state.stage == "goals" and len(state.goals) == len(state.active_parties) and not state.mutual_goal:
            out.append(
                Suggestion(
                    "Every side has a goal: help them name a mutual one (it can be 'make progress from where we are').",
                    "state-goals",
                )
            )
        if state.stage == "ask_offer":
            waiting = [p.name for p in state.active_parties if p.id not in state.submitted(state.round_no)]
            if waiting:
                out.append(Suggestion(f"Waiting for {', '.join(waiting)} to submit.", "ask-and-offer"))
        if state.stage == "agree" and not state.revisit_on:
            out.append(Suggestion("Set a date to revisit the agreement.", "recommit-process"))
        return out

    def strategies_for(self, suggestions: Sequence[Suggestion]) -> list[Recommendation]:
        """The cards behind the suggestions, for the side panel."""
        seen: list[Recommendation] = []
        for s in suggestions:
            if s.slug and all(r.slug != s.slug for r in seen):
                recs = self.coach.recommend(s.text, k=8)
                match = next((r for r in recs if r.slug == s.slug), None)
                if match:
                    seen.append(match)
        return seen
