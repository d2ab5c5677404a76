"""The facilitator's live panel: status, equal time, drift over time, suggestions, controls."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assistant.coach.drift import DriftVerdict
from assistant.errors import ParleyError
from assistant.process import SessionState
from assistant.process.model import Access
from assistant.session import UnknownLink
from assistant.textsafe import shown
from assistant.ui import resources
from assistant.ui.components import (
    drift_gate,
    drift_timeline,
    equal_time_chart,
    mutual_goal_suggestion,
    offline_notice,
    shared_record,
    show_error,
    stage_bar,
)
from assistant.ui.party import _delete_control, _marker, advance_controls, exports, marker_key


def _status(state: SessionState) -> pd.DataFrame:
    rows = []
    for p in state.parties:
        if not p.active:
            status = "left"
        elif p.joined_at is None:
            status = "not joined yet"
        elif state.stage == "goals":
            status = "goal stated" if p.id in state.goals else "drafting"
        elif state.stage == "ask_offer":
            status = "submitted" if p.id in state.submitted(state.round_no) else "drafting"
        elif state.stage in ("agree", "closed"):
            status = "confirmed" if p.id in state.confirmed else "reviewing"
        else:
            status = "joined"
        rows.append({"party": p.name, "status": status})
    return pd.DataFrame(rows)


@st.fragment(run_every=2)
def panel(access: Access) -> None:
    med = resources.service()
    session_id = access.session_id
    try:
        state = med.state(access)
    except UnknownLink:
        st.rerun(scope="app")  # the session was deleted: redraw the page as the notice alone
    except ParleyError as exc:
        show_error(exc)
        return
    key = marker_key(session_id, None)
    if st.session_state.get(key) != _marker(state):  # the sidebar controls were drawn from older state
        st.session_state[key] = _marker(state)
        st.rerun(scope="app")
    if state.stage == "ask_offer" and state.round_no in state.revealed_rounds:
        st.success(
            f"**Revealed.** Round {state.round_no}'s asks and offers are now open to all. "
            "Move on to the discussion when they have read them.",
            icon=":material/visibility:",
        )
    c1, c2 = st.columns(2)
    with c1:
        st.markdown("**Where each party is**")
        st.dataframe(_status(state), hide_index=True, use_container_width=True)
        st.markdown("**Equal time**")
        equal_time_chart(state)
    with c2:
        st.markdown("**Drift over time**")
        drift_timeline(state)
    st.markdown("**Suggested next moves**")
    offline_notice(resources.settings().llm_configured)
    suggestions = med.suggestions(access)
    if not suggestions:
        st.caption("Nothing to flag right now.")
    cards = med.cards
    for s in suggestions:
        with st.container(border=True):
            st.text(s.text)
            if s.slug and s.slug in cards:
                with st.expander(f"Strategy card: {cards[s.slug].title}"):
                    st.markdown(cards[s.slug].body)
    st.markdown("**Shared record**")
    shared_record(state, None)


def render(access: Access) -> None:
    med = resources.service()
    try:
        state = med.state(access)
    except ParleyError as exc:
        show_error(exc)
        return
    st.session_state[marker_key(state.id, None)] = _marker(state)  # what this drawing of the page shows
    st.title(f"Facilitating: {shown(state.title)}")
    st.caption("You see sealed entries only when the parties do.")
    stage_bar(state)
    with st.sidebar:
        st.subheader("Controls")
        advance_controls(state, access)
        if state.stage == "goals":
            draft = mutual_goal_suggestion(access, state, "fac_suggest", full_width=True)
            if state.mutual_goal_proposal:
                st.caption("A party proposed:")
                st.text(state.mutual_goal_proposal)
            with st.form("fac_mutual"):
                mutual = st.text_input("Mutual goal", value=draft or state.mutual_goal or "")
                if st.form_submit_button("Set the mutual goal"):
                    try:
                        med.propose_mutual_goal(access, mutual)
                        st.rerun()
                    except ParleyError as exc:
                        show_error(exc)
        st.divider()
        st.markdown("**Say something to everyone**")

        def check(text: str) -> DriftVerdict:
            return med.check_draft(access, text)

        def send(text: str, key: str) -> None:
            med.send(access, text, key)

        if state.stage != "closed":
            drift_gate("fac_msg", check, send, label="Message", button="Post")
        if state.stage in ("agree", "closed"):
            exports(state)
        st.caption(f"Parties: {', '.join(shown(p.name) for p in state.parties)}")
        _delete_control(state, access)
    panel(access)
