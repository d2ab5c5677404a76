"""The one door pages (and scripts) use: every action on a shared session, checked against the
caller's ``Access`` with the rules in ``assistant.process``, then written through the store.

Pages never call the repository or the coach themselves. Rules live in ``process`` (pure); the
store only persists; the coach is asked here, so its answers pass the same checks for everyone.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from types import EllipsisType
from typing import Any

from assistant.coach import Coach, drift_policy
from assistant.coach.asks import ShrunkAsk
from assistant.coach.drift import DriftVerdict
from assistant.coach.offers import Offer
from assistant.coach.protocol import Said
from assistant.coach.strategies import Recommendation
from assistant.errors import ParleyError
from assistant.knowledge import Card
from assistant.process import SessionState, equal_time, rules
from assistant.process import permissions as perm
from assistant.process.model import Access, Party
from assistant.process.views import record_for
from assistant.store import Repository, SessionLinks
from assistant.store.repository import Tx, UnknownLink, consent_subject

__all__ = ["Outcome", "SessionService", "Suggestion", "UnknownLink", "UnknownPlan"]
log = logging.getLogger(__name__)
PLAN_KEY_BYTES = 24  # 192 bits, made by the server
MIN_PLAN_KEY = 32  # characters of a key the server made (token_urlsafe(24))


class UnknownPlan(ParleyError):
    """A worksheet key this server never made, or one that was deleted."""


@dataclass(frozen=True)
class Suggestion:
    """A live suggestion for the facilitator or a party, with the strategy behind it."""

    text: str
    slug: str | None


@dataclass(frozen=True)
class Outcome:
    """What an action that may need the others did: done now, or waiting for the named parties."""

    done: bool
    waiting: tuple[str, ...] = ()


def redacted(state: SessionState, viewer: Access) -> SessionState:
    """The state as one viewer may hold it: another party's sealed entry keeps only that it exists,
    and a party sees the drift label of their own messages only (the facilitator sees every label),
    so no party is singled out to the others."""
    entries = tuple(
        e
        if e.round_no in state.revealed_rounds or (viewer.party_id is not None and e.party_id == viewer.party_id)
        else replace(e, ask="", offer="", non_negotiable=None)
        for e in state.entries
    )
    messages = state.messages
    if not viewer.is_facilitator:
        messages = tuple(m if m.party_id == viewer.party_id else replace(m, level="", score=0.0) for m in messages)
    return replace(state, entries=entries, messages=messages)


class SessionService:
    """The use cases of Parley: shared sessions (checked per caller), prepare-alone plans, coaching."""

    def __init__(self, repo: Repository, coach: Coach | None = None, load_coach: Callable[[], Coach] | None = None):
        self.repo = repo
        self._coach = coach
        self._load_coach = load_coach

    @property
    def coach(self) -> Coach:
        if self._coach is None:
            if self._load_coach is None:
                raise ParleyError("No coach was given to the session service.")
            self._coach = self._load_coach()
        return self._coach

    # ---- links and reading -------------------------------------------------------------

    def create_session(self, title: str, names: Sequence[str], facilitator: bool = False) -> SessionLinks:
        """A new session and one private link token per person."""
        clean_title, clean_names = perm.check_new_session(title, list(names))
        return self.repo.create_session(clean_title, clean_names, facilitator=facilitator)

    def resolve(self, token: str | None) -> Access:
        return self.repo.resolve(token)

    def state(self, access: Access) -> SessionState:
        """The session as this caller may see it (others' sealed entries emptied)."""
        return redacted(self.repo.load(access.session_id), access)

    def join(self, access: Access) -> None:
        """Mark the caller's first visit (the facilitator's panel shows who has joined)."""
        if access.party_id is None:
            return
        pid = access.party_id

        def fn(tx: Tx) -> None:
            if tx.state.party(pid).joined_at is None:
                tx.set_party(pid, joined_at=datetime.now(UTC))

        self.repo.atomic(access.session_id, fn)

    # ---- private material --------------------------------------------------------------

    def notes(self, access: Access) -> str:
        """The caller's own private notes (nobody else's)."""
        if access.party_id is None:
            return ""
        return self.repo.private_notes(access.party_id)

    def save_notes(self, access: Access, notes: str) -> None:
        text = perm.check_notes(notes)

        def fn(tx: Tx) -> None:
            tx.set_party(perm.party_of(tx.state, access, "keep private notes"), private_notes=text)

        self.repo.atomic(access.session_id, fn)

    def erase_my_notes(self, access: Access) -> None:
        """A party erases their own private material, any time, alone."""

        def fn(tx: Tx) -> None:
            tx.set_party(perm.party_of(tx.state, access, "erase private notes"), private_notes=None)

        self.repo.atomic(access.session_id, fn)

    # ---- goals ---------------------------------------------------------------------------

    def set_goal(self, access: Access, goal: str) -> None:
        def fn(tx: Tx) -> None:
            pid = perm.active_party_of(tx.state, access, "state a goal")
            tx.put_goal(pid, rules.check_goal(tx.state, pid, goal))

        self.repo.atomic(access.session_id, fn)

    def propose_mutual_goal(self, access: Access, goal: str) -> Outcome:
        """A party proposes (the others accept); the facilitator records it directly."""

        def fn(tx: Tx) -> Outcome:
            text, record_now = perm.decide_goal_proposal(tx.state, access, goal)
            tx.drop_consents("goal")
            if record_now:
                tx.set_session(mutual_goal=text, mutual_goal_proposal=None, mutual_goal_proposed_by=None)
                return Outcome(True)
            assert access.party_id is not None
            tx.set_session(mutual_goal_proposal=text, mutual_goal_proposed_by=access.party_id)
            tx.put_consent(access.party_id, "goal", consent_subject(text))
            waiting = tuple(p.name for p in tx.state.active_parties if p.id != access.party_id)
            return Outcome(False, waiting)

        return self.repo.atomic(access.session_id, fn)

    def accept_mutual_goal(self, access: Access, seen: str) -> Outcome:
        """A party accepts the proposal exactly as they read it; the last acceptance records it."""

        def fn(tx: Tx) -> Outcome:
            everyone = perm.decide_goal_acceptance(tx.state, access, seen)
            assert access.party_id is not None
            if everyone:
                tx.set_session(mutual_goal=seen, mutual_goal_proposal=None, mutual_goal_proposed_by=None)
                tx.drop_consents("goal")
                return Outcome(True)
            tx.put_consent(access.party_id, "goal", consent_subject(seen))
            accepted = set(tx.state.goal_accepted) | {access.party_id}
            return Outcome(False, tuple(p.name for p in tx.state.active_parties if p.id not in accepted))

        return self.repo.atomic(access.session_id, fn)

    # ---- moving on -----------------------------------------------------------------------

    def move_on(self, access: Access, to_stage: str, expected_stage: str) -> Outcome:
        """Move to the next stage (or open another round): the facilitator does; without one, the
        caller says ready and the session moves when every active party has."""

        def fn(tx: Tx) -> Outcome:
            decision = perm.decide_move(tx.state, access, to_stage, expected_stage)
            if not decision.move:
                assert access.party_id is not None
                tx.put_consent(access.party_id, "ready", perm.move_key(tx.state, to_stage))
                return Outcome(False, decision.waiting)
            values: dict[str, Any] = {"stage": to_stage}
            if to_stage == "ask_offer" and tx.state.stage == "discuss":
                values["round_no"] = tx.state.round_no + 1
            tx.set_session(**values)
            tx.drop_consents("ready")
            return Outcome(True)

        return self.repo.atomic(access.session_id, fn)

    # ---- ask and offer -------------------------------------------------------------------

    def submit_entry(
        self, access: Access, round_no: int, ask: str, offer: str, non_negotiable: str | None = None
    ) -> bool:
        """Seal the caller's ask and offer; returns True if this revealed the round."""

        def fn(tx: Tx) -> bool:
            pid = perm.active_party_of(tx.state, access, "submit an ask and an offer")
            a, o, nn = rules.check_entry(tx.state, pid, round_no, ask, offer, non_negotiable)
            tx.put_entry(pid, round_no, a, o, nn)
            return self._settle(tx)

        return self.repo.atomic(access.session_id, fn)

    def _settle(self, tx: Tx) -> bool:
        """Reveal the current round if every active party has now sealed; True if it did."""
        state = tx.reload()
        if state.stage == "ask_offer" and rules.should_reveal(state, state.round_no):
            tx.put_reveal(state.round_no)
            return True
        return False

    # ---- discussion ----------------------------------------------------------------------

    def check_draft(self, access: Access, text: str) -> DriftVerdict:
        """Drift check of a draft, with the caller's own recent messages as context."""
        state = self.repo.load(access.session_id)
        context = [m.text for m in state.messages if m.party_id == access.party_id and m.kind == "message"][-4:]
        return self.coach.check_message(text, context)

    def send(self, access: Access, text: str, client_key: str) -> int:
        """Store a message exactly as sent, with the drift level of that text (checked here, so a
        reframe is stored with the reframe's level). A repeated client key is stored once."""
        body = rules.check_message(self.repo.load(access.session_id), access.party_id, text)
        verdict = self.check_draft(access, body)

        def fn(tx: Tx) -> int:
            if access.party_id is not None:
                perm.active_party_of(tx.state, access, "send a message")
            clean = rules.check_message(tx.state, access.party_id, text)
            if client_key:
                existing = tx.find_message(client_key)
                if existing is not None:
                    return existing
            return tx.put_message(access.party_id, clean, verdict.level, verdict.score, client_key=client_key or None)

        return self.repo.atomic(access.session_id, fn)

    def restate(self, access: Access, position: str) -> Said:
        """The coach's fair restatement of the caller's position; only they see it until they share it."""
        state = self.repo.load(access.session_id)
        pid = perm.party_of(state, access, "restate a position")
        return self.coach.restate(state.party(pid).name, position)

    def share_restatement(self, access: Access, draft: str, client_key: str) -> int:
        return self.send(access, f"Restatement: {draft}", client_key)

    # ---- leaving and coming back ---------------------------------------------------------

    def leave(self, access: Access, note: str = "", erase_notes: bool = False) -> None:
        """A walkout: the party leaves (the others see it); a round they held up is revealed."""
        word = perm.check_walkout_note(note)

        def fn(tx: Tx) -> None:
            pid = perm.party_of(tx.state, access, "leave")
            party = tx.state.party(pid)
            if erase_notes:
                tx.set_party(pid, private_notes=None)
            if not party.active:
                return
            tx.set_party(pid, left_at=datetime.now(UTC))
            tx.drop_consents("ready", pid)
            text = f"{party.name} left the session." + (f" {word}" if word else "")
            tx.put_message(pid, text, "ultimatum", 1.0, kind="walkout")
            self._settle(tx)

        self.repo.atomic(access.session_id, fn)

    def rejoin(self, access: Access) -> None:
        def fn(tx: Tx) -> None:
            pid = perm.party_of(tx.state, access, "come back")
            party = tx.state.party(pid)
            if party.active:
                return
            tx.set_party(pid, left_at=None)
            tx.put_message(pid, f"{party.name} came back to the session.", "open", 0.0, kind="return")

        self.repo.atomic(access.session_id, fn)

    # ---- the agreement -------------------------------------------------------------------

    def add_term(self, access: Access, text: str, by_when: str) -> None:
        """A party adds what they commit to; every confirmation is reset."""

        def fn(tx: Tx) -> None:
            pid = perm.active_party_of(tx.state, access, "add a term")
            body, when = rules.check_term(tx.state, pid, text, by_when)
            tx.put_term(pid, body, when)
            tx.drop_confirmations()

        self.repo.atomic(access.session_id, fn)

    def remove_term(self, access: Access, term_id: int) -> None:
        """A party removes one of their own terms; every confirmation is reset."""

        def fn(tx: Tx) -> None:
            pid = perm.active_party_of(tx.state, access, "change the terms")
            rules.check_agreement_open(tx.state, "change the terms")
            if not tx.drop_term(pid, term_id):
                raise rules.ProcessError("You can remove only your own terms. Reload to see the current ones.")
            tx.drop_confirmations()

        self.repo.atomic(access.session_id, fn)

    def set_revisit(self, access: Access, when: date) -> None:
        """Any party (or the facilitator) sets the revisit date; every confirmation is reset."""

        def fn(tx: Tx) -> None:
            if access.party_id is not None:
                perm.active_party_of(tx.state, access, "set the revisit date")
            rules.check_agreement_open(tx.state, "set the revisit date")
            if tx.state.revisit_on == when:
                return
            tx.set_session(revisit_on=when)
            tx.drop_confirmations()

        self.repo.atomic(access.session_id, fn)

    def confirm(self, access: Access, seen_version: str, revisit_shown: date | EllipsisType | None = ...) -> bool:
        """Confirm the exact version the caller saw; returns True when this closed the session.

        A page with a revisit date field passes what the field shows (``None`` when empty): a
        confirmation while it differs from the agreement's date is refused, never silently of the other.
        """

        def fn(tx: Tx) -> bool:
            pid = perm.active_party_of(tx.state, access, "confirm the agreement")
            rules.check_confirm(tx.state, pid)
            if not isinstance(revisit_shown, EllipsisType):
                perm.check_confirm_shown(tx.state, revisit_shown)
            perm.check_confirm_version(tx.state, seen_version)
            tx.put_confirmation(pid, seen_version)
            if perm.closes(tx.reload()):
                tx.set_session(stage="closed")
                return True
            return False

        return self.repo.atomic(access.session_id, fn)

    # ---- deleting ------------------------------------------------------------------------

    def delete_session(self, access: Access) -> Outcome:
        """Delete the shared record: done when every party has agreed (or by the facilitator,
        unless an agreement was confirmed); until then the caller's consent is recorded."""

        def fn(tx: Tx) -> Outcome:
            decision = perm.decide_delete(tx.state, access)
            if decision.delete:
                tx.delete_session()
                return Outcome(True)
            assert access.party_id is not None
            tx.put_consent(access.party_id, "delete", "delete")
            return Outcome(False, decision.waiting)

        outcome = self.repo.atomic(access.session_id, fn)
        if outcome.done:
            log.info("session %s deleted", access.session_id)
        return outcome

    def keep_session(self, access: Access) -> None:
        """Take back one's consent to delete."""

        def fn(tx: Tx) -> None:
            tx.drop_consents("delete", perm.party_of(tx.state, access, "take back a delete"))

        self.repo.atomic(access.session_id, fn)

    # ---- the coach, for a session --------------------------------------------------------

    def hardening(self, state: SessionState) -> list[Party]:
        """Parties whose last messages hardened toward an ultimatum (one place, swappable for a policy)."""
        out = []
        for p in state.parties:
            own = [m.level for m in state.messages if m.party_id == p.id and m.kind == "message"]
            if drift_policy.hardening(own):
                out.append(p)
        return out

    def impasse(self, access: Access) -> str | None:
        """Why the session looks stuck, for the caller's screen: said of the conversation, never naming
        or blaming one party (the facilitator's suggestions carry who); nothing once it is agreed."""
        return self._impasse(self.repo.load(access.session_id))

    def _impasse(self, state: SessionState) -> str | None:
        """Why the session looks stuck, if it does: someone left, or ultimatums repeat (one place)."""
        if state.stage == "closed":
            return None
        if any(not p.active for p in state.parties):
            return "a party has left the session."
        for p in state.parties:
            own = [m.level for m in state.messages if m.party_id == p.id and m.kind == "message"]
            if drift_policy.at_impasse(own):
                return "the last few messages read as ultimatums."
        return None

    def moves(self, access: Access, situation: str | None = None) -> list[Offer]:
        """Offers or impasse moves for the caller, each citing its strategy card."""
        state = self.repo.load(access.session_id)
        party_id = access.party_id
        their_asks = [e.ask for e in state.entries if e.party_id != party_id and e.round_no in state.revealed_rounds]
        stuck = self._impasse(state)
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
            facilitated=state.has_facilitator,
        )

    def suggest_mutual_goal(self, access: Access) -> Said:
        state = self.repo.load(access.session_id)
        if len(state.goals) < 2:
            raise rules.ProcessError("A mutual goal can be suggested once at least two sides have stated a goal.")
        return self.coach.mutual_goal(list(state.goals.values()))

    def stream_suggestion(self, access: Access, question: str) -> Iterator[str]:
        """The coach's answer to the caller's question, from what the caller may see."""
        state = self.repo.load(access.session_id)
        return self.coach.stream_suggestion(question, record_for(state, access.party_id), state.stage)

    def suggestions(self, access: Access, now: datetime | None = None) -> list[Suggestion]:
        """Live suggestions for the facilitator: hardening, silence, imbalance, stage progress."""
        if not access.is_facilitator:
            raise rules.ProcessError("Suggestions for the facilitator are shown on the facilitator's link.")
        state = self.repo.load(access.session_id)
        now = now or datetime.now(UTC)
        out: list[Suggestion] = []
        names = {p.id: p.name for p in state.parties}
        hard = {p.id for p in self.hardening(state)}
        for p in state.parties:
            if p.id in hard:
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

    # ---- the coach, on its own (prepare alone, tone checks) -------------------------------

    def warm_up(self) -> None:
        """Load the coach now (pages call this so its progress shows before anything else)."""
        _ = self.coach

    @property
    def cards(self) -> dict[str, Card]:
        return self.coach.cards

    @property
    def coach_name(self) -> str:
        return str(getattr(self.coach, "name", "offline"))

    def check_line(self, text: str) -> DriftVerdict:
        return self.coach.check_message(text)

    def shrink(self, demands: str) -> ShrunkAsk:
        return self.coach.shrink(demands)

    def suggest_offers(self, situation: str, goal: str | None, their_ask: str | None) -> list[Offer]:
        return self.coach.suggest_offers(situation, goal, their_ask)

    def rehearse(self, their_view: str, transcript: Sequence[tuple[str, str]]) -> Said | None:
        return self.coach.rehearse(their_view, transcript)

    # ---- prepare-alone plans (the key is the capability) ---------------------------------

    def new_plan(self) -> str:
        """A fresh worksheet under a key made here (192 bits)."""
        key = secrets.token_urlsafe(PLAN_KEY_BYTES)
        self.repo.create_plan(key)
        return key

    def _known(self, key: str | None) -> str:
        if not key or not isinstance(key, str) or len(key) < MIN_PLAN_KEY or len(key) > 100:
            raise UnknownPlan(_UNKNOWN_PLAN)
        return key

    def load_plan(self, key: str | None) -> dict[str, Any]:
        plan = self.repo.load_plan(self._known(key))
        if plan is None:
            raise UnknownPlan(_UNKNOWN_PLAN)
        return plan

    def save_plan(self, key: str, plan: dict[str, Any]) -> None:
        for name, value in plan.items():
            for part in value if isinstance(value, list) else [value]:
                size = len(part) if isinstance(part, str) else len(str(part))
                if size > perm.MAX_PLAN_FIELD:
                    raise perm.too_long(f"'{name.replace('_', ' ')}'", size, perm.MAX_PLAN_FIELD)
        if not self.repo.save_plan(self._known(key), plan):
            raise UnknownPlan(_UNKNOWN_PLAN)

    def delete_plan(self, key: str) -> None:
        if not self.repo.delete_plan(self._known(key)):
            raise UnknownPlan(_UNKNOWN_PLAN)


_UNKNOWN_PLAN = (
    "This worksheet link is not known here: it was deleted, mistyped, or made somewhere else. "
    "Start a new worksheet (links to a worksheet are made by Parley, never by hand)."
)


def check_store(database_url: str) -> None:
    """Open the store once and close it: a damaged database is named (StoreCorrupt) before anyone is served."""
    Repository.from_url(database_url).engine.dispose()
