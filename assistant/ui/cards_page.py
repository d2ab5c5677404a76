"""The strategy cards, for reading."""

from __future__ import annotations

import streamlit as st

from assistant.knowledge import load_cards
from assistant.ui import resources


def render() -> None:
    st.title("Strategy cards")
    cards = load_cards(resources.settings().knowledge_dir)
    wanted = st.query_params.get("card")
    for card in cards:
        with st.expander(card.title, expanded=card.slug == wanted):
            st.caption("When it helps: " + "; ".join(card.when))
            st.markdown(card.body)
            if card.cautions:
                st.caption("Cautions: " + "; ".join(card.cautions))
