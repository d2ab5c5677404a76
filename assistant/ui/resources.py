"""Process-wide resources for the pages: settings, the store, the coach (each built once), and the
session service pages talk to."""

from __future__ import annotations

import streamlit as st

from assistant.coach import Coach, make_coach
from assistant.config import Settings
from assistant.session import SessionService
from assistant.store import Repository


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner=False)
def _repo() -> Repository:
    return Repository.from_url(settings().database_url)


def coach() -> Coach:
    """The coach; the first call in a process shows progress while the card index is built."""
    s = settings()
    if not st.session_state.get("_coach_ready"):
        box = st.empty()
        with box.container():
            bar = st.progress(0.0, text="Loading the coach…")

            def progress(msg: str, frac: float) -> None:
                bar.progress(min(1.0, frac), text=msg)

            c = make_coach(s, "auto", progress=progress)
        box.empty()
        st.session_state["_coach_ready"] = True
        return c
    return make_coach(s, "auto")


def service() -> SessionService:
    """The one service pages call; the coach is loaded (with progress) the first time it is needed."""
    return SessionService(_repo(), load_coach=coach)
