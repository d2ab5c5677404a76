"""The rules of the ask-and-offer process, enforced here and nowhere else."""

from __future__ import annotations

import re

from assistant.errors import ParleyError
from assistant.process.model import STAGE_TITLES, STAGES, Entry, SessionState

MAX_FIELD = 2_000
NON_NEGOTIABLE_CAUTION = (
    "Name a non-negotiable only if you truly need one: it tends to harden the stand-off. One at most, never a list."
)
_LIST_SHAPE = re.compile(r"(?:^|\n)\s*(?:\d+[.)]|[-*•])\s+\S.*(?:\n\s*(?:\d+[.)]|[-*•])\s+\S)", re.M)


class ProcessError(ParleyError):
    """A step that the process does not allow right now; the text says what to do instead."""


def _text(value: str | None, what: str, required: bool = True) -> str | None:
    cleaned = (value or "").replace("\x00", "").strip()
    if not cleaned:
        if required:
            raise ProcessError(f"Your {what} is empty: write one sentence.")
        return None
    if len(cleaned) > MAX_FIELD:
        raise ProcessError(f"Your {what} is {len(cleaned):,} characters; keep it under {MAX_FIELD:,}.")
    return cleaned


def _single(value: str, what: str, hint: str) -> None:
    if _LIST_SHAPE.search(value) or value.count("\n") >= 2:
        raise ProcessError(f"Give exactly one {what}, not a list. {hint}")


def _stage(state: SessionState, stage: str, doing: str) -> None:
    if state.stage != stage:
        raise ProcessError(
            f"You can't {doing} now: the session is at the {STAGE_TITLES[state.stage]} stage. "
            "Reload the page to see where it is."
        )


def _active(state: SessionState, party_id: int) -> None:
    party = state.party(party_id)
    if not party.active:
        raise ProcessError(f"{party.name} has left the session; rejoin first to take part.")


def check_goal(state: SessionState, party_id: int, goal: str) -> str:
    """A party states its goal (goals stage only)."""
    _stage(state, "goals", "state a goal")
    _active(state, party_id)
    text = _text(goal, "goal")
    assert text is not None
    return text


def check_mutual_goal(state: SessionState, goal: str) -> str:
    _stage(state, "goals", "name the mutual goal")
    text = _text(goal, "mutual goal")
    assert text is not None
    return text


def check_entry(
    state: SessionState,
    party_id: int,
    round_no: int,
    ask: str,
    offer: str,
    non_negotiable: str | None = None,
) -> tuple[str, str, str | None]:
    """One ask and one offer per party per round; at most one non-negotiable per party, ever."""
    _stage(state, "ask_offer", "submit an ask and an offer")
    _active(state, party_id)
    if round_no != state.round_no:
        raise ProcessError(
            f"Round {round_no} is closed; this is round {state.round_no}. Reload the page and submit again."
        )
    if party_id in state.submitted(round_no):
        raise ProcessError("You have already submitted your ask and offer for this round.")
    ask_t = _text(ask, "ask")
    offer_t = _text(offer, "offer")
    assert ask_t is not None and offer_t is not None
    _single(ask_t, "ask", "Use 'Shrink my demands' to boil a list down to one request.")
    _single(offer_t, "offer", "Pick the one thing you will do.")
    nn = _text(non_negotiable, "non-negotiable", required=False)
    if nn is not None:
        if state.non_negotiable_of(party_id):
            raise ProcessError("You have already named your one non-negotiable; a second is not allowed.")
        _single(nn, "non-negotiable", "A list of deal-breakers hardens the stand-off: choose one.")
        if len(re.findall(r"[,;]|\band\b", nn)) >= 3:
            raise ProcessError("That reads like several non-negotiables. Choose the one that matters most.")
    return ask_t, offer_t, nn


def should_reveal(state: SessionState, round_no: int) -> bool:
    """Reveal a round when every active party has submitted (and it is not revealed yet)."""
    if round_no in state.revealed_rounds:
        return False
    active = {p.id for p in state.active_parties}
    return bool(active) and active <= state.submitted(round_no)


def visible_entries(state: SessionState, viewer_party_id: int | None) -> list[Entry]:
    """Entries a viewer may see: revealed rounds, plus their own sealed entry. Facilitator: revealed only."""
    return [
        e
        for e in state.entries
        if e.round_no in state.revealed_rounds or (viewer_party_id is not None and e.party_id == viewer_party_id)
    ]


def check_message(state: SessionState, party_id: int | None, text: str) -> str:
    """Discussion messages: any stage but closed, from an active party or the facilitator."""
    if state.stage == "closed":
        raise ProcessError("The agreement is confirmed and the session is read-only.")
    if party_id is not None:
        _active(state, party_id)
    cleaned = _text(text, "message")
    assert cleaned is not None
    return cleaned


def check_agreement_open(state: SessionState, doing: str) -> None:
    """The terms and revisit date change only at the agree stage; a confirmed agreement is read-only."""
    if state.stage == "closed":
        raise ProcessError("The agreement is confirmed and read-only.")
    _stage(state, "agree", doing)


def check_term(state: SessionState, party_id: int, text: str, by_when: str) -> tuple[str, str]:
    check_agreement_open(state, "add a term")
    _active(state, party_id)
    t = _text(text, "term")
    w = _text(by_when, "'by when'")
    assert t is not None and w is not None
    return t, w


def check_confirm(state: SessionState, party_id: int) -> None:
    _stage(state, "agree", "confirm the agreement")
    _active(state, party_id)
    if not state.terms:
        raise ProcessError("There are no terms yet: add what each side commits to first.")
    if state.revisit_on is None:
        raise ProcessError(
            "No revisit date is set yet: pick one in 'Revisit this agreement on' and press "
            "'Set the revisit date', then confirm."
        )
    if party_id in state.confirmed:
        raise ProcessError("You have already confirmed.")


def next_stage(state: SessionState) -> str:
    i = STAGES.index(state.stage)
    return STAGES[min(i + 1, len(STAGES) - 1)]


def check_advance(state: SessionState, to_stage: str) -> None:
    """Whether the session can move to ``to_stage`` now; raises with what is missing."""
    if to_stage not in STAGES:
        raise ProcessError(f"Unknown stage {to_stage!r}.")
    if state.stage == "closed":
        raise ProcessError("The agreement is confirmed; the session is read-only.")
    if to_stage == "ask_offer" and state.stage == "discuss":
        return  # another round
    if to_stage != next_stage(state):
        raise ProcessError(f"From {STAGE_TITLES[state.stage]} the next stage is {STAGE_TITLES[next_stage(state)]}.")
    if state.stage == "goals":
        missing = [p.name for p in state.active_parties if p.id not in state.goals]
        if missing:
            raise ProcessError(f"Waiting for a goal from {', '.join(missing)}.")
        if not state.mutual_goal:
            raise ProcessError("Name the mutual goal first (it can simply be 'make progress from where we are stuck').")
    if state.stage == "ask_offer" and state.round_no not in state.revealed_rounds:
        raise ProcessError("The round is still sealed: every party must submit an ask and an offer first.")
    if to_stage == "closed":
        missing = [p.name for p in state.active_parties if p.id not in state.confirmed]
        if missing:
            raise ProcessError(f"Waiting for {', '.join(missing)} to confirm.")


def equal_time(state: SessionState) -> dict[int, int]:
    """Words said per party (goals, entries and messages)."""
    words = {p.id: 0 for p in state.parties}
    for pid, goal in state.goals.items():
        words[pid] = words.get(pid, 0) + len(goal.split())
    for e in state.entries:
        if e.round_no in state.revealed_rounds:
            words[e.party_id] = words.get(e.party_id, 0) + len((e.ask + " " + e.offer).split())
    for m in state.messages:
        if m.party_id is not None and m.kind == "message":
            words[m.party_id] = words.get(m.party_id, 0) + len(m.text.split())
    return words
