"""What one viewer may see of a session, as text for a prompt: bounded, fair, private."""

from __future__ import annotations

from assistant.process.model import SessionState
from assistant.process.rules import visible_entries

WINDOW = 12
SUMMARY_CHARS = 700
ITEM_CHARS = 400


def _clip(text: str, limit: int = ITEM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fair_order(state: SessionState, salt: int = 0) -> list[int]:
    """Party ids in a rotating order, so no party is always first in a prompt or summary."""
    ids = [p.id for p in state.parties]
    if not ids:
        return ids
    shift = (state.id + state.round_no + salt) % len(ids)
    return ids[shift:] + ids[:shift]


def record_for(state: SessionState, viewer_party_id: int | None, window: int = WINDOW) -> str:
    """The shared record as the viewer may see it: a running summary plus the last ``window`` messages.

    Never includes another party's private notes or sealed entries; its size does not grow
    with the length of the session.
    """
    names = {p.id: p.name for p in state.parties}
    lines = [f"Session: {_clip(state.title, 120)}", f"Stage: {state.stage}, round {state.round_no}"]
    if state.mutual_goal:
        lines.append(f"Mutual goal: {_clip(state.mutual_goal, 200)}")
    for pid in fair_order(state):
        if pid in state.goals:
            lines.append(f"Goal of {names[pid]}: {_clip(state.goals[pid], 200)}")
    entries = visible_entries(state, viewer_party_id)
    latest_round = max((e.round_no for e in entries), default=0)
    for e in sorted(entries, key=lambda e: fair_order(state).index(e.party_id)):
        if e.round_no == latest_round:
            sealed = " (sealed, only its author sees it)" if e.round_no not in state.revealed_rounds else ""
            lines.append(
                f"Round {e.round_no}, {names[e.party_id]}{sealed}: asks {_clip(e.ask, 200)}; offers {_clip(e.offer, 200)}"
            )
    messages = [m for m in state.messages]
    older, recent = messages[:-window], messages[-window:]
    if older:
        counts: dict[str, int] = {}
        hard: dict[str, int] = {}
        for m in older:
            who = names.get(m.party_id, "Facilitator") if m.party_id is not None else "Facilitator"
            counts[who] = counts.get(who, 0) + 1
            if m.level == "ultimatum":
                hard[who] = hard.get(who, 0) + 1
        summary = "Earlier: " + "; ".join(
            f"{who} sent {n} message(s){f', {hard[who]} read as ultimatums' if who in hard else ''}"
            for who, n in counts.items()
        )
        lines.append(_clip(summary, SUMMARY_CHARS))
    for m in recent:
        who = names.get(m.party_id, "Facilitator") if m.party_id is not None else "Facilitator"
        lines.append(f"{who}: {_clip(m.text, 300)}")
    return "\n".join(lines)
