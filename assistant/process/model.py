"""The state of a shared session, as plain data loaded from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

STAGES = ("goals", "ask_offer", "discuss", "agree", "closed")
STAGE_TITLES = {
    "goals": "Goals",
    "ask_offer": "Ask & offer",
    "discuss": "Discuss",
    "agree": "Agree",
    "closed": "Agreement confirmed",
}


@dataclass(frozen=True)
class Party:
    id: int
    name: str
    position: int
    joined_at: datetime | None = None
    left_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.left_at is None


@dataclass(frozen=True)
class Entry:
    """One party's sealed submission for one round: one ask, one offer, maybe one non-negotiable."""

    party_id: int
    round_no: int
    ask: str
    offer: str
    non_negotiable: str | None
    submitted_at: datetime


@dataclass(frozen=True)
class Message:
    id: int
    party_id: int | None  # None: the facilitator
    text: str
    level: str
    score: float
    created_at: datetime
    kind: str = "message"  # message | walkout | return


@dataclass(frozen=True)
class Term:
    id: int
    party_id: int
    text: str
    by_when: str


@dataclass(frozen=True)
class Access:
    """Who a link belongs to: one party of one session, or its facilitator."""

    session_id: int
    party_id: int | None  # None: the facilitator
    role: str  # "party" | "facilitator"

    @property
    def is_facilitator(self) -> bool:
        return self.role == "facilitator"


@dataclass(frozen=True)
class SessionState:
    """Everything about one session that the rules need."""

    id: int
    title: str
    stage: str
    round_no: int
    mutual_goal: str | None
    parties: tuple[Party, ...]
    goals: dict[int, str] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()
    revealed_rounds: frozenset[int] = frozenset()
    messages: tuple[Message, ...] = ()
    terms: tuple[Term, ...] = ()
    confirmed: frozenset[int] = frozenset()
    revisit_on: date | None = None
    has_facilitator: bool = False
    version: int = 0
    mutual_goal_proposal: str | None = None  # proposed by one party, waiting for the others
    proposal_by: int | None = None
    goal_accepted: frozenset[int] = frozenset()  # parties who accepted the proposal
    ready: dict[int, str] = field(default_factory=dict)  # party -> the move they are ready for
    delete_consents: frozenset[int] = frozenset()  # parties who agreed to delete the record
    confirmations: dict[int, str] = field(default_factory=dict)  # party -> agreement version confirmed

    def party(self, party_id: int) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)

    @property
    def active_parties(self) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.active)

    def submitted(self, round_no: int) -> set[int]:
        return {e.party_id for e in self.entries if e.round_no == round_no}

    def non_negotiable_of(self, party_id: int) -> str | None:
        for e in self.entries:
            if e.party_id == party_id and e.non_negotiable:
                return e.non_negotiable
        return None
