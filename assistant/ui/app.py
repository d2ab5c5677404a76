"""Parley's web app: `parley app` (or `streamlit run assistant/ui/app.py`)."""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

from assistant.errors import ParleyError
from assistant.ui import cards_page, facilitator, home, new_session, party, prepare, resources
from assistant.ui.components import show_error

log = logging.getLogger(__name__)
ICON = Path(__file__).resolve().parent / "static" / "icon.png"  # served by this app: no request leaves the machine

st.set_page_config(page_title="Parley", page_icon=str(ICON), layout="wide")


def main() -> None:
    token = st.query_params.get("t")
    if token:
        try:
            access = resources.service().resolve(token)
        except ParleyError as exc:
            st.title("Parley")
            show_error(exc)
            st.page_link(st.Page(home.render, title="Home"), label="Go to the home page")
            return
        if access.role == "facilitator":
            facilitator.render(access)
        else:
            party.render(access)
        return
    pages = [
        st.Page(home.render, title="Home", icon=":material/home:", default=True, url_path="home"),
        st.Page(prepare.render, title="Prepare alone", icon=":material/edit_note:", url_path="prepare"),
        st.Page(new_session.render, title="Shared session", icon=":material/group:", url_path="session"),
        st.Page(cards_page.render, title="Strategy cards", icon=":material/menu_book:", url_path="cards"),
    ]
    st.session_state["_pages"] = {p.url_path: p for p in pages}
    st.navigation(pages).run()


try:
    main()
except ParleyError as exc:  # e.g. a damaged database file: say what to do; the traceback goes to the log
    log.error("%s", exc, exc_info=True)
    show_error(exc)
