"""Home: the three ways in."""

from __future__ import annotations

import streamlit as st


def _go(url_path: str) -> None:
    st.switch_page(st.session_state["_pages"][url_path])


def render() -> None:
    st.title("Parley")
    st.markdown(
        "A calm way out of a stuck conversation: **one ask and one offer each**, "
        "sealed until everyone has spoken, then a written agreement."
    )
    c1, c2, c3 = st.columns(3)
    with c1.container(border=True):
        st.subheader(":material/edit_note: Prepare alone")
        st.write(
            "Get ready for a tough talk: boil your demands down to one ask, find an offer, "
            "check your tone, and leave with a one-page plan."
        )
        if st.button("Start preparing", key="go_prepare", use_container_width=True):
            _go("prepare")
    with c2.container(border=True):
        st.subheader(":material/group: Shared session")
        st.write("Invite the other side. Each person joins from their own device with a private link.")
        if st.button("Create a session", key="go_session", use_container_width=True):
            _go("session")
    with c3.container(border=True):
        st.subheader(":material/record_voice_over: Facilitate")
        st.write(
            "Running a session for others? Create it with a facilitator link to get a live panel: "
            "who has spoken, drift over time, and suggested next moves."
        )
        if st.button("Create a facilitated session", key="go_fac", use_container_width=True):
            st.session_state["with_facilitator"] = True
            _go("session")
    st.caption(
        "With the built-in offline coach your words never leave this machine. "
        "Parley never takes sides and never decides who is right."
    )
