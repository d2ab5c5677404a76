"""Create a shared session and hand out one private link per person."""

from __future__ import annotations

import streamlit as st

from assistant.errors import ParleyError
from assistant.network import invite_base
from assistant.textsafe import shown
from assistant.ui import resources
from assistant.ui.components import show_error


def _base_url() -> str:
    return invite_base(resources.settings().public_url, st.context.url)


def render() -> None:
    st.title("Start a shared session")
    st.write(
        "Each person gets a private link. What they prepare stays theirs; "
        "asks and offers stay sealed until everyone has submitted."
    )
    created = st.session_state.get("_created_links")
    if created:
        st.success("Session created. Send each person their own link, and only theirs.")
        for name, link in created["parties"].items():
            st.markdown(f"**{shown(name)}**")
            st.code(link, language=None)
        if created.get("facilitator"):
            st.markdown("**Facilitator**")
            st.code(created["facilitator"], language=None)
        st.caption(
            "Anyone with a link can act as that person: share links privately. Links cannot be recovered, so keep them."
        )
        if st.button("Create another session"):
            st.session_state.pop("_created_links", None)
            st.rerun()
        return
    with st.form("create"):
        title = st.text_input("What is the session about?", placeholder="Office days after the summer")
        a = st.text_input("First party's name", placeholder="Founders")
        b = st.text_input("Second party's name", placeholder="Staff")
        c = st.text_input("Third party's name (optional)")
        fac = st.checkbox("Add a facilitator link", value=bool(st.session_state.get("with_facilitator")))
        ok = st.form_submit_button("Create session", type="primary")
    if ok:
        try:
            links = resources.service().create_session(title, [a, b, c], facilitator=fac)
        except ParleyError as exc:
            show_error(exc)
            return
        base = _base_url()
        st.session_state["_created_links"] = {
            "parties": {n: f"{base}/?t={tok}" for n, tok in links.party_tokens.items()},
            "facilitator": f"{base}/?t={links.facilitator_token}" if links.facilitator_token else None,
        }
        st.rerun()
