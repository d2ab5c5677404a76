"""Who may do what in a shared session of people at odds (METHOD.md, section 1b). Pure: no I/O.

Each check takes the state and the caller's ``Access`` and either returns what to do or raises
``ProcessError`` saying why not and what to do instead.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from assistant.process.model import STAGE_TITLES, Access, SessionState
from assistant.process.rules import ProcessError, check_advance, check_mutual_goal

MAX_NOTES = 20_000
MAX_NOTE = 500  # the word left for the others on a walkout
MAX_TITLE = 200
MAX_NAME = 80
MAX_PLAN_FIELD = 20_000


def too_long(what: str, length: int, limit: int) -> ProcessError:
    """The one wording for input over a limit: the limit is named and nothing is cut."""
    return ProcessError(
        f"Your {what} is {length:,} characters; the limit is {limit:,}. Shorten it and try again (nothing was saved)."
    )


def check_new_session(title: str, names: list[str]) -> tuple[str, list[str]]:
    """A title and two or more distinct names, each within its limit."""
    title = (title or "").replace("\x00", "").strip()
    cleaned = [n.replace("\x00", "").strip() for n in names if n and n.strip()]
    if not title:
        raise ProcessError("Give the session a title.")
    if len(title) > MAX_TITLE:
        raise ProcessError(f"Keep the title under {MAX_TITLE} characters.")
    if len(cleaned) < 2:
        raise ProcessError("A shared session needs at least two parties.")
    if len({n.lower() for n in cleaned}) != len(cleaned):
        raise ProcessError("Each party needs a different name.")
    if any(len(n) > MAX_NAME for n in cleaned):
        raise ProcessError(f"Keep each name under {MAX_NAME} characters.")
    return title, cleaned


def party_of(state: SessionState, access: Access, doing: str) -> int:
    """The caller's party id; the facilitator is refused what only a party may do."""
    if access.party_id is None:
        raise ProcessError(f"Only a party can {doing}; the facilitator steers but does not take a side.")
    if access.session_id != state.id or all(p.id != access.party_id for p in state.parties):
        raise ProcessError("That link does not belong to this session. Open the link you were sent.")
    return access.party_id


def active_party_of(state: SessionState, access: Access, doing: str) -> int:
    pid = party_of(state, access, doing)
    party = state.party(pid)
    if not party.active:
        raise ProcessError(f"{party.name} has left the session; come back to it first to {doing}.")
    return pid


def check_notes(notes: str) -> str:
    text = (notes or "").replace("\x00", "")
    if len(text) > MAX_NOTES:
        raise too_long("notes", len(text), MAX_NOTES)
    return text


def check_walkout_note(note: str) -> str:
    text = (note or "").replace("\x00", "").strip()
    if len(text) > MAX_NOTE:
        raise too_long("word for the others", len(text), MAX_NOTE)
    return text


# ---- moving on -------------------------------------------------------------------------


def move_key(state: SessionState, to_stage: str) -> str:
    """What a 'ready' is for: this stage, this round, to that stage. Stale votes never count."""
    return f"{state.stage}#{state.round_no}>{to_stage}"


@dataclass(frozen=True)
class MoveDecision:
    """The outcome of a request to move on: move now, or wait for the named parties."""

    move: bool
    waiting: tuple[str, ...] = ()


def decide_move(state: SessionState, access: Access, to_stage: str, expected_stage: str) -> MoveDecision:
    """The facilitator moves the session on; without one, every active party must say ready."""
    if state.stage != expected_stage:
        raise ProcessError("Someone else already moved the session on. Reload to see where it is.")
    check_advance(state, to_stage)
    if access.is_facilitator:
        return MoveDecision(True)
    pid = active_party_of(state, access, "move the session on")
    if state.has_facilitator:
        raise ProcessError("In a facilitated session the facilitator moves the session on: tell them you are ready.")
    key = move_key(state, to_stage)
    ready = {p for p, k in state.ready.items() if k == key} | {pid}
    waiting = tuple(p.name for p in state.active_parties if p.id not in ready)
    return MoveDecision(not waiting, waiting)


def ready_for(state: SessionState, to_stage: str) -> set[int]:
    key = move_key(state, to_stage)
    return {p for p, k in state.ready.items() if k == key}


def move_words(state: SessionState, to_stage: str) -> str:
    """What a move is, in words: 'move on to Agree', or 'open another ask & offer round'."""
    if to_stage == "ask_offer" and state.stage == "discuss":
        return "open another ask & offer round"
    return f"move on to {STAGE_TITLES[to_stage]}"


def readiness(state: SessionState) -> dict[int, str]:
    """Each active party's one 'ready' that counts now: the stage it is for (a later choice replaced
    any earlier one; votes from another stage or round never count)."""
    active = {p.id for p in state.active_parties}
    prefix = f"{state.stage}#{state.round_no}>"
    return {
        pid: key.removeprefix(prefix) for pid, key in state.ready.items() if pid in active and key.startswith(prefix)
    }


# ---- the mutual goal -------------------------------------------------------------------


def decide_goal_proposal(state: SessionState, access: Access, goal: str) -> tuple[str, bool]:
    """A party proposes a mutual goal (recorded at once if they are the only active party);
    the facilitator records it directly. Returns the text and whether it is recorded now."""
    text = check_mutual_goal(state, goal)
    if access.is_facilitator:
        return text, True
    pid = active_party_of(state, access, "propose a mutual goal")
    others = [p for p in state.active_parties if p.id != pid]
    return text, not others


def decide_goal_acceptance(state: SessionState, access: Access, seen: str) -> bool:
    """A party accepts the proposal they saw; returns True when every active party has accepted."""
    if state.stage != "goals":
        raise ProcessError(f"The mutual goal is settled: the session is at the {STAGE_TITLES[state.stage]} stage.")
    pid = active_party_of(state, access, "accept the mutual goal")
    if not state.mutual_goal_proposal:
        raise ProcessError("There is no proposed mutual goal to accept. Propose one.")
    if state.mutual_goal_proposal != seen:
        raise ProcessError("The proposed mutual goal changed since you read it. Read the new one and accept again.")
    accepted = set(state.goal_accepted) | {pid}
    return all(p.id in accepted for p in state.active_parties)


# ---- the agreement ---------------------------------------------------------------------


def agreement_version(state: SessionState) -> str:
    """A short fingerprint of the exact terms and revisit date: what a confirmation is of."""
    h = hashlib.sha256()
    for t in sorted(state.terms, key=lambda t: t.id):
        h.update(f"{t.id}\x1f{t.party_id}\x1f{t.text}\x1f{t.by_when}\x1e".encode())
    h.update(f"revisit\x1f{state.revisit_on.isoformat() if state.revisit_on else ''}".encode())
    return h.hexdigest()[:12]


def check_confirm_version(state: SessionState, seen_version: str) -> None:
    if seen_version != agreement_version(state):
        raise ProcessError(
            "The agreement changed since you read it (a term or the revisit date). "
            "Read the current version, then confirm again."
        )


def check_confirm_shown(state: SessionState, revisit_shown: date | None) -> None:
    """A confirmation is of the revisit date on the person's screen: a date picked but not set is refused."""
    if revisit_shown == state.revisit_on:
        return
    stored = f"{state.revisit_on:%d %B %Y}" if state.revisit_on else "none yet"
    if revisit_shown is None:
        raise ProcessError(
            f"Your revisit date field is empty; the agreement's date is {stored}. "
            "Pick a date and press 'Set the revisit date', then confirm."
        )
    raise ProcessError(
        f"Your revisit date field says {revisit_shown:%d %B %Y}, but the agreement's date is {stored}. "
        "Press 'Set the revisit date' to propose yours (everyone confirms again), "
        "or put the field back, then confirm."
    )


def closes(state: SessionState) -> bool:
    """The session closes when every active party has confirmed the current version."""
    version = agreement_version(state)
    active = state.active_parties
    return bool(active) and all(state.confirmations.get(p.id) == version for p in active)


# ---- deleting the shared record --------------------------------------------------------


@dataclass(frozen=True)
class DeleteDecision:
    delete: bool
    waiting: tuple[str, ...] = ()


def decide_delete(state: SessionState, access: Access) -> DeleteDecision:
    """Every party's consent deletes the record; the facilitator may delete it alone unless an
    agreement was confirmed (that stays until every party agrees)."""
    if access.is_facilitator and state.stage != "closed":
        return DeleteDecision(True)
    if access.is_facilitator:
        waiting = tuple(p.name for p in state.parties if p.id not in state.delete_consents)
        if waiting:
            raise ProcessError(
                "A confirmed agreement stays until every party agrees to delete it. Waiting for: " + ", ".join(waiting)
            )
        return DeleteDecision(True)
    pid = party_of(state, access, "agree to delete the record")
    consents = set(state.delete_consents) | {pid}
    waiting = tuple(p.name for p in state.parties if p.id not in consents)
    return DeleteDecision(not waiting, waiting)
