"""Prepare alone: a worksheet for one person before a tough conversation, ending in a one-page plan."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assistant.coach.drift import DriftVerdict
from assistant.errors import ParleyError
from assistant.export import markdown_to_pdf, plan_markdown
from assistant.process import NON_NEGOTIABLE_CAUTION
from assistant.session import SessionService
from assistant.textsafe import shown
from assistant.ui import resources
from assistant.ui.components import offers_list, offline_notice, show_error, tone_check


def _plan() -> tuple[str, dict[str, Any]] | None:
    """The plan is saved under a private key the server made, kept in the address, so a reload or
    restart loses nothing; a key the server never made (or a deleted one) is refused."""
    svc = resources.service()
    token = st.query_params.get("plan")
    if not token:
        token = svc.new_plan()
        st.query_params["plan"] = token
    key = f"_plan_{token}"
    if st.session_state.get("_pl_token") != token:  # another worksheet: its boxes are filled from its own plan
        for k in [k for k in st.session_state if str(k).startswith(("pl_", "_pl_", "prep_", "_prep_"))]:
            del st.session_state[k]
        st.session_state["_pl_token"] = token
    if key not in st.session_state:
        try:
            st.session_state[key] = svc.load_plan(token)
        except ParleyError as exc:
            st.title("Prepare alone")
            show_error(exc)
            if st.button("Start a new worksheet", type="primary"):
                st.query_params.clear()
                st.rerun()
            return None
    return token, st.session_state[key]


def _save(token: str, plan: dict[str, Any]) -> None:
    try:
        resources.service().save_plan(token, plan)
    except ParleyError as exc:
        show_error(exc)


def _delete(token: str) -> None:
    """Delete the worksheet for good: the link stops working."""
    with st.popover("Delete this worksheet"):
        st.caption("Removes everything on this worksheet from this machine. The link stops working.")
        if st.button("Delete the worksheet", key="plan_del", type="primary"):
            try:
                resources.service().delete_plan(token)
            except ParleyError as exc:
                show_error(exc)
                return
            st.session_state.pop(f"_plan_{token}", None)
            st.query_params.clear()
            st.session_state["_plan_deleted"] = True
            st.rerun()


def _field(plan: dict[str, Any], token: str, key: str, label: str, help: str = "", height: int = 90) -> None:
    if f"pl_{key}" not in st.session_state:  # the saved plan fills the box; after that the box is the truth
        st.session_state[f"pl_{key}"] = str(plan.get(key, ""))
    value = st.text_area(label, help=help or None, height=height, key=f"pl_{key}")
    if value != plan.get(key, ""):
        plan[key] = value
        _save(token, plan)


def _add_line(plan: dict[str, Any], token: str, line: str, replacing: str | None = None) -> None:
    """Add a line to "Lines I plan to say", or put it in place of one (the box below shows it at once)."""
    lines = [x for x in str(plan.get("lines", "")).splitlines() if x.strip()]
    stripped = [x.strip() for x in lines]
    if replacing is not None and replacing in stripped:
        lines[stripped.index(replacing)] = line
    else:
        lines.append(line)
    plan["lines"] = "\n".join(lines)
    st.session_state["pl_lines"] = plan["lines"]
    _save(token, plan)
    st.rerun()


def _rehearse(plan: dict[str, Any], token: str, svc: SessionService) -> None:
    """Practise the conversation against the other side, played by the LLM coach."""
    st.subheader("7 · Rehearse")
    if svc.coach_name != "llm":
        st.info(
            "Rehearsing needs an LLM to play the other side; the offline coach cannot role-play honestly. "
            "Point Parley at one (see the README: OPENAI_API_KEY or OPENAI_BASE_URL) and this turns on.",
            icon=":material/theater_comedy:",
        )
        return
    their_view = str(plan.get("their_view") or "").strip()
    if not their_view:
        st.caption("Write your guess at the other side's view in section 1 first: the rehearsal plays that person.")
        return
    transcript: list[list[str]] = plan.setdefault("rehearsal", [])
    for who, line in transcript[-20:]:
        with st.chat_message("user" if who == "me" else "assistant"):
            st.text(line)
    said = st.chat_input("Say your opening line, or your reply")
    if said and said.strip():
        transcript.append(["me", said.strip()])
        _save(token, plan)  # what I said is kept even if the model fails
        try:
            reply = svc.rehearse(their_view, [(w, t) for w, t in transcript])
        except ParleyError as exc:
            show_error(exc)
            return
        if reply and reply.text:
            transcript.append(["them", reply.text])
            _save(token, plan)
        if reply is None or reply.origin.note:
            st.session_state["_rehearse_notice"] = (
                reply.origin.note
                if reply is not None and reply.origin.note
                else "The LLM coach could not answer this time."
            )
        st.rerun()
    if st.session_state.get("_rehearse_notice"):
        st.caption(shown(st.session_state.pop("_rehearse_notice")))
    if transcript and st.button("Start the rehearsal again", key="rehearse_reset"):
        plan["rehearsal"] = []
        _save(token, plan)
        st.rerun()


def render() -> None:
    if st.session_state.pop("_plan_deleted", False):
        st.toast("The worksheet was deleted.")
    found = _plan()
    if found is None:
        return
    token, plan = found
    svc = resources.service()
    svc.warm_up()  # load the coach (with progress) before the page draws
    st.title("Prepare alone")
    st.caption("Everything here is private to you and saved as you go. Bookmark this page to come back.")
    _delete(token)
    offline_notice(resources.settings().llm_configured)
    st.subheader("1 · What I bring into the room")
    _field(plan, token, "assumptions", "My assumptions", "What do you take for granted about this situation?")
    _field(plan, token, "goals", "My goals")
    _field(plan, token, "expectations", "My expectations", "How do you expect it to go? Expect to be surprised.")
    _field(
        plan,
        token,
        "their_view",
        "My guess at theirs",
        "Their assumptions, goals and expectations, as they might put them.",
    )

    st.subheader("2 · One ask")
    _field(plan, token, "demands", "Everything I want from them, as it comes", height=120)
    if st.button("Shrink to one ask"):
        try:
            r = svc.shrink(str(plan.get("demands", "")))
            plan.update(ask=r.ask, interest=r.interest, parked=r.parked)
            if r.origin.note:
                st.session_state["_shrink_notice"] = r.origin.note
            st.session_state["pl_ask"] = r.ask
            _save(token, plan)
        except ParleyError as exc:
            show_error(exc)
    _field(plan, token, "ask", "My one ask (edit it until it sounds like you)", height=70)
    if st.session_state.get("_shrink_notice"):
        st.caption(shown(st.session_state.pop("_shrink_notice")))
    if plan.get("interest"):
        st.caption(f"Interest it serves: {shown(str(plan['interest']))}")
    if plan.get("parked"):
        st.caption("Parked for later: " + shown("; ".join(plan["parked"])))

    st.subheader("3 · One offer")
    situation = st.text_input(
        "In a sentence, what is the situation?", value=str(plan.get("situation", "")), key="pl_situation"
    )
    their_ask = st.text_input(
        "What do you think they will ask of you?", value=str(plan.get("their_ask", "")), key="pl_their_ask"
    )
    if st.button("Suggest offers"):
        plan.update(situation=situation, their_ask=their_ask)
        _save(token, plan)
        try:
            st.session_state["_pl_offers"] = svc.suggest_offers(
                situation or "a hard conversation", plan.get("goals") or None, their_ask or None
            )
        except ParleyError as exc:
            show_error(exc)
    if st.session_state.get("_pl_offers"):
        offers_list(st.session_state["_pl_offers"], svc.cards)
    _field(plan, token, "offer", "The offer I will make", height=70)

    st.subheader("4 · A non-negotiable?")
    st.caption(NON_NEGOTIABLE_CAUTION)
    _field(plan, token, "non_negotiable", "My one non-negotiable (leave empty if you can)", height=60)

    st.subheader("5 · If we don't agree")
    _field(
        plan,
        token,
        "batna",
        "My best alternative if we don't agree",
        "What will you do if there is no agreement? Knowing it keeps you calm; share it as information, not a threat.",
    )
    walk = svc.cards.get("walk-away-check")
    if walk:
        with st.expander("Walk-away check: is no agreement better here?"):
            st.markdown(walk.body)
    _field(plan, token, "walk_away", "My walk-away check", height=70)

    st.subheader("6 · Tone check")

    def check(text: str) -> DriftVerdict:
        return svc.check_line(text)

    checked = tone_check("prep", check)
    if checked:
        line, verdict, picked = checked
        # every checked line keeps its verdict, so a flagged line carries its flag into the plan
        checks: dict[str, Any] = plan.setdefault("tone_checks", {})
        seen = {"level": verdict.level, "reason": verdict.reason, "reframe": picked}
        if checks.get(line) != seen:
            checks[line] = seen
            _save(token, plan)
        planned = [x.strip() for x in str(plan.get("lines", "")).splitlines()]
        if line not in planned and st.button("Add this line to my plan", key="prep_add_line"):
            _add_line(plan, token, line)
        offer_reframe = verdict.level == "ultimatum" and picked and picked not in planned
        if offer_reframe and st.button("Add the reframe instead", key="prep_add_reframe"):
            _add_line(plan, token, str(picked), replacing=line)
        if verdict.level == "ultimatum" and line in planned:
            st.caption(":material/flag: This line is in your plan with its ultimatum flag.")
    _field(plan, token, "lines", "Lines I plan to say", height=90)
    _rehearse(plan, token, svc)

    st.subheader("My one-page plan")
    md = plan_markdown(plan)
    st.download_button("Download (Markdown)", md, file_name="parley-plan.md", mime="text/markdown")
    made = st.session_state.get("_pl_pdf")
    if (made is None or made[0] != md) and st.button("Make a one-page PDF"):
        with st.spinner("Making the PDF…"):
            made = st.session_state["_pl_pdf"] = (md, markdown_to_pdf(md, one_page=True))
    if made is not None and made[0] == md:  # a PDF of the plan as it is now, never an older one
        st.download_button("Download the PDF", made[1], file_name="parley-plan.pdf", mime="application/pdf")
