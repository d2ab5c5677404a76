"""Widgets shared by the pages: the drift gate, the shared record, cards, charts."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

import altair as alt
import pandas as pd
import streamlit as st

from assistant.coach import Origin
from assistant.coach.drift import DriftVerdict
from assistant.coach.offers import Offer
from assistant.errors import ParleyError
from assistant.knowledge import Card
from assistant.process import SessionState, equal_time, visible_entries
from assistant.process.model import STAGE_TITLES, STAGES, Access
from assistant.textsafe import shown
from assistant.ui import resources


def show_error(exc: ParleyError) -> None:
    """An error as text: its message may carry people's names or words, never to be read as Markdown."""
    st.error(shown(str(exc)))


def stage_bar(state: SessionState) -> None:
    steps = [s for s in STAGES if s != "closed"]
    current = steps.index(state.stage) if state.stage in steps else len(steps)
    labels = []
    for i, s in enumerate(steps):
        mark = "●" if i == current else ("✓" if i < current else "○")
        labels.append(f"{mark} {STAGE_TITLES[s]}")
    st.caption("  →  ".join(labels) + (f"   ·   round {state.round_no}" if state.stage == "ask_offer" else ""))
    if state.mutual_goal:
        st.info(f"**Mutual goal:** {shown(state.mutual_goal)}", icon=":material/flag:")


def client_key(name: str) -> str:
    """A stable key for one draft, so a double click or retry is stored once."""
    k = f"_ck_{name}"
    if k not in st.session_state:
        st.session_state[k] = uuid.uuid4().hex
    return str(st.session_state[k])


def reset_client_key(name: str) -> None:
    st.session_state.pop(f"_ck_{name}", None)


def drift_gate(
    name: str,
    check: Callable[[str], DriftVerdict],
    send: Callable[[str, str], None],
    label: str = "Message",
    button: str = "Send",
) -> None:
    """A text box whose text is checked for drift before it is sent.

    Ultimatum: the person sees why and a reframe, and chooses; nothing is sent silently changed.
    Firm: sent, with a quiet note. Open: sent. After a send the box is empty and says "Sent"; one
    draft is stored once however often Send is pressed: ``send(text, key)`` gets the same key for
    the same draft, and the service stores a key once.
    """
    pending_key = f"_pending_{name}"
    pending = st.session_state.get(pending_key)
    if pending:
        text, verdict = pending
        st.warning(f"**This may land as an ultimatum.** {shown(verdict.reason)}", icon=":material/warning:")
        st.markdown("**You wrote:**")
        st.text(text)
        phrasings = reframes_of(verdict)
        picked = pick_phrasing(f"{name}_phrasing", phrasings, "A reframe that keeps your need")
        origin_note(verdict.origin)
        # stacked and full width: three columns cut the labels off in the sidebar and on a phone
        choice = None
        if picked and st.button("Send the reframe", key=f"{name}_reframe", type="primary", use_container_width=True):
            choice = picked
        if st.button("Send mine", key=f"{name}_mine", use_container_width=True):
            choice = text
        if st.button("Edit", key=f"{name}_edit", use_container_width=True):
            st.session_state.pop(pending_key, None)
            # the box was not drawn while the choice showed: give the words back as the box is drawn
            st.session_state[f"_restore_{name}"] = {box(name, "draft"): text}
            st.rerun()
        if choice is not None:
            try:
                _send_once(name, choice, send)
            except ParleyError as exc:
                show_error(exc)
                return
            st.session_state.pop(pending_key, None)
            empty_boxes(name)
            st.session_state[f"_note_{name}"] = ""
            st.rerun()
        return
    restore_boxes(name)  # Edit after a flag: the words go back into the box
    with st.form(f"{name}_form"):
        text = st.text_area(label, key=box(name, "draft"), height=90)
        submitted = st.form_submit_button(button)
    if submitted:
        if not text.strip():
            return  # an empty box (a second press after a send) sends nothing
        try:
            verdict = check(text)
            if verdict.level != "ultimatum":
                _send_once(name, text, send)
        except ParleyError as exc:  # refused: the words stay in the box as typed
            show_error(exc)
            return
        if verdict.level == "ultimatum":
            st.session_state[pending_key] = (text, verdict)
            st.session_state.pop(f"{name}_phrasing", None)  # a pick made among another text's phrasings
            st.rerun()
        empty_boxes(name)
        st.session_state[f"_note_{name}"] = verdict.reason if verdict.level == "firm" else ""
        st.rerun()
    note = st.session_state.pop(f"_note_{name}", None)
    if note is not None:
        st.caption("Sent." + (f" {shown(note)}" if note else ""))


def box(form: str, field: str) -> str:
    """The widget key of one box of a form that empties itself after an accepted submit.

    The key is new after each accepted submit (``empty_boxes``), so the box is drawn afresh and
    empty. A refused submit keeps the key, so the browser keeps the words as typed and the next
    submit sends what the box shows. (A form with ``clear_on_submit`` cannot do that: words written
    back into an emptied box were shown but not sent, so a second press sent an empty box.)
    """
    return f"{form}_{field}_{st.session_state.get(f'_gen_{form}', 0)}"


def empty_boxes(form: str) -> None:
    """After an accepted submit: the form's boxes are drawn empty on the next run."""
    st.session_state[f"_gen_{form}"] = st.session_state.get(f"_gen_{form}", 0) + 1


def restore_boxes(form: str) -> None:
    """Before a form is drawn: words given back to boxes that were not on screen (Edit after a flag)."""
    for key, value in (st.session_state.pop(f"_restore_{form}", None) or {}).items():
        st.session_state[key] = value


def reframes_of(verdict: DriftVerdict) -> list[str]:
    """Every phrasing the coach offers for a flagged text (one or several), without repeats."""
    out: list[str] = []
    for text in verdict.reframes or ([verdict.reframe] if verdict.reframe else []):
        if text and text not in out:
            out.append(text)
    return out


def pick_phrasing(key: str, phrasings: list[str], heading: str) -> str | None:
    """Show the coach's phrasings as plain text; with several, the person picks one. The one picked."""
    if not phrasings:
        return None
    if len(phrasings) == 1:
        st.markdown(f"**{heading}:**")
        st.text(phrasings[0])
        return phrasings[0]
    # radio labels are Markdown: the coach's words (built from the person's own) are shown as text
    choice = st.radio(
        f"{heading} (pick one phrasing):",
        range(len(phrasings)),
        format_func=lambda i: shown(phrasings[i]),
        key=key,
    )
    return phrasings[choice if isinstance(choice, int) else 0]


def _send_once(name: str, text: str, send: Callable[[str, str], None]) -> None:
    """Send under the draft's key: the same text pressed again (a double click, a retry) reuses it."""
    last = st.session_state.get(f"_last_{name}")
    key = last[1] if last and last[0] == text else client_key(name)
    send(text, key)
    st.session_state[f"_last_{name}"] = (text, key)
    reset_client_key(name)


def tone_check(name: str, check: Callable[[str], DriftVerdict]) -> tuple[str, DriftVerdict, str | None] | None:
    """Check a line without sending it anywhere. While the line is still in the box: the line, its
    verdict, and the reframe the person picked (one of the coach's phrasings, if it was flagged)."""
    text = st.text_input("A line you plan to say", key=f"{name}_line")
    result_key = f"_{name}_checked"
    if st.button("Check the tone", key=f"{name}_btn") and text.strip():
        try:
            st.session_state[result_key] = (text.strip(), check(text))
            st.session_state.pop(f"{name}_phrasing", None)  # a pick made among another line's phrasings
        except ParleyError as exc:
            show_error(exc)
            return None
    last: tuple[str, DriftVerdict] | None = st.session_state.get(result_key)
    if last is None or last[0] != text.strip():  # the verdict was for a line no longer in the box
        return None
    v = last[1]
    picked = None
    if v.level == "ultimatum":
        st.warning(f"Ultimatum. {shown(v.reason)}")
        picked = pick_phrasing(f"{name}_phrasing", reframes_of(v), "Try instead")
        origin_note(v.origin)
    elif v.level == "firm":
        st.caption(f"Firm. {shown(v.reason)}")
    else:
        st.success("Open: it invites a reply.")
    return last[0], v, picked


OFFLINE_DISMISSED = "_offline_notice_dismissed"


def _dismiss_offline_notice() -> None:
    st.session_state[OFFLINE_DISMISSED] = True


def offline_notice(llm_configured: bool) -> None:
    """Once, where coaching happens, inline (never over the page): the offline coach is answering.

    Dismissed, it stays gone for the rest of this browser session.
    """
    if llm_configured or st.session_state.get(OFFLINE_DISMISSED):
        return
    with st.container(border=True):
        st.caption(
            ":material/info: The built-in offline coach is answering: your words stay on this machine. "
            "Its suggestions are made from templates; to let an LLM coach go further, see the README."
        )
        st.button("Got it", key="offline_notice_ok", on_click=_dismiss_offline_notice)


def origin_note(origin: Origin | None) -> None:
    """A small note when an answer comes from the offline coach although an LLM is configured, and why."""
    if origin is not None and origin.note:
        st.caption(shown(origin.note))


def plain_stream(chunks: Iterable[str]) -> str:
    """Show a streamed coach reply as plain text as it arrives: no link, image or heading can form."""
    box = st.empty()
    text = ""
    for chunk in chunks:
        text += chunk
        box.text(text)
    return text


def mutual_goal_suggestion(access: Access, state: SessionState, key: str, full_width: bool = False) -> str | None:
    """A button that asks the coach for a mutual goal from the stated goals; the draft it last gave."""
    draft_key = f"{key}_draft"
    if len(state.goals) >= 2 and st.button("Suggest a mutual goal", key=key, use_container_width=full_width):
        svc = resources.service()
        try:
            said = svc.suggest_mutual_goal(access)
            st.session_state[draft_key] = said.text
            origin_note(said.origin)
        except ParleyError as exc:
            show_error(exc)
    draft: str | None = st.session_state.get(draft_key)
    return draft


def offers_list(offers: list[Offer], cards: dict[str, Card]) -> None:
    for o in offers:
        with st.container(border=True):
            st.text(o.text)
            card = cards.get(o.slug)
            with st.expander(f"Strategy: {card.title if card else o.title}"):
                if card:
                    st.markdown(card.body)


def shared_record(state: SessionState, viewer_party_id: int | None) -> None:
    """Goals, revealed entries (plus the viewer's own sealed one) and the discussion."""
    names = {p.id: p.name for p in state.parties}
    if state.goals:
        st.markdown("**Goals**")
        for pid, goal in state.goals.items():
            st.text(f"{names[pid]}: {goal}")
    entries = visible_entries(state, viewer_party_id)
    for rnd in sorted({e.round_no for e in entries}):
        sealed = rnd not in state.revealed_rounds
        st.markdown(f"**Round {rnd}**" + (" (sealed: only you can see yours)" if sealed else ""))
        for e in (x for x in entries if x.round_no == rnd):
            with st.container(border=True):
                st.markdown(f"**{shown(names[e.party_id])}**")
                st.text(
                    f"Ask: {e.ask}\nOffer: {e.offer}"
                    + (f"\nNon-negotiable: {e.non_negotiable}" if e.non_negotiable else "")
                )
    msgs = [m for m in state.messages]
    if msgs:
        st.markdown("**Discussion**")
        for m in msgs[-60:]:
            who = names.get(m.party_id, "Facilitator") if m.party_id is not None else "Facilitator"
            if m.kind != "message":
                st.text(m.text)  # a walkout or a return, with the word they left
                continue
            with st.chat_message(
                "user" if m.party_id == viewer_party_id else "assistant",
                avatar=":material/person:" if m.party_id == viewer_party_id else ":material/forum:",
            ):
                st.caption(
                    shown(who) + ("  ·  :material/warning: read as an ultimatum" if m.level == "ultimatum" else "")
                )
                st.text(m.text)


def equal_time_chart(state: SessionState) -> None:
    words = equal_time(state)
    if not any(words.values()):
        st.caption("Nobody has said anything yet: the bars appear with the first goal.")
        return
    df = pd.DataFrame({"party": [state.party(pid).name for pid in words], "words": list(words.values())})
    chart = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("words:Q", title="words said", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("party:N", title=None),
            color="party:N",
            tooltip=["party", "words"],
        )
    )
    st.altair_chart(chart, use_container_width=True)


def drift_timeline(state: SessionState) -> None:
    names = {p.id: p.name for p in state.parties}
    rows = [
        {"n": i + 1, "party": names.get(m.party_id, "Facilitator"), "drift": m.score, "level": m.level}
        for i, m in enumerate(state.messages)
        if m.kind == "message" and m.party_id is not None
    ]
    if not rows:
        st.caption("No messages yet.")
        return
    df = pd.DataFrame(rows)
    base = alt.Chart(df).encode(
        x=alt.X("n:Q", title="message", axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("drift:Q", title="drift (0 open · 0.5 firm · 1 ultimatum)", scale=alt.Scale(domain=[0, 1])),
        color="party:N",
    )
    st.altair_chart(
        base.mark_line() + base.mark_point(size=60).encode(tooltip=["party", "level"]), use_container_width=True
    )
