"""A party's own view of a shared session: their private notes, their actions, the shared record."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

import streamlit as st

from assistant.coach.drift import DriftVerdict
from assistant.errors import ParleyError
from assistant.export import agreement_markdown, long_date, markdown_to_pdf, when_phrase
from assistant.process import NON_NEGOTIABLE_CAUTION, SessionState
from assistant.process.model import STAGE_TITLES, Access
from assistant.process.permissions import MAX_NOTES, agreement_version, move_words, readiness
from assistant.session import UnknownLink
from assistant.textsafe import shown
from assistant.ui import resources
from assistant.ui.components import (
    box,
    client_key,
    drift_gate,
    empty_boxes,
    mutual_goal_suggestion,
    offers_list,
    offline_notice,
    origin_note,
    pick_phrasing,
    plain_stream,
    reframes_of,
    reset_client_key,
    shared_record,
    show_error,
    stage_bar,
)

ENTRY_FIELDS = {"ask": "my ask", "offer": "my offer", "non_negotiable": "my non-negotiable"}
DRAFT_KEYS = {"ask": "ask_draft", "offer": "offer_draft", "non_negotiable": "nn_draft"}  # the boxes' widget keys
KEEP_MINE = "Keep mine as I wrote it"


def _option_label(phrasings: list[str], i: int) -> str:
    """A choice for one field as the radio shows it: my own words, or a phrasing as plain text."""
    return KEEP_MINE if i == 0 else shown(phrasings[i - 1])


def _chosen_text(written: str, phrasings: list[str], pick: int | None) -> str:
    """What is sealed for one field: the person's own words (0, or not flagged) or the phrasing they picked."""
    if not pick or pick > len(phrasings):
        return written
    return phrasings[pick - 1]


def _marker(state: SessionState) -> tuple[object, ...]:
    """What, when it changes on another device, needs the whole page redrawn."""
    return (
        state.stage,
        state.round_no,
        tuple(sorted(state.revealed_rounds)),
        tuple(p.active for p in state.parties),
        tuple(sorted(state.goals)),
        state.mutual_goal,
        state.mutual_goal_proposal,
        tuple(sorted(state.goal_accepted)),
        tuple(sorted(state.ready.items())),
        tuple(sorted(state.delete_consents)),
        agreement_version(state),
        tuple(sorted(state.confirmed)),
        tuple(sorted(state.submitted(state.round_no))),
    )


def marker_key(session_id: int, party_id: int | None) -> str:
    return f"_marker_{session_id}_{party_id}"


@st.fragment(run_every=2)
def live_record(access: Access) -> None:
    """The shared record, refreshed every two seconds without a manual reload."""
    session_id, party_id = access.session_id, access.party_id
    try:
        state = resources.service().state(access)
    except UnknownLink:
        st.rerun(scope="app")  # the session was deleted: redraw the page as the notice alone
    except ParleyError as exc:
        show_error(exc)
        return
    # the page body was drawn from the state remembered by render(); if anything that shapes the
    # body has changed since (on another device, or between the body and this fragment), redraw all
    if st.session_state.get(marker_key(session_id, party_id)) != _marker(state):
        st.session_state[marker_key(session_id, party_id)] = _marker(state)
        st.rerun(scope="app")
    shared_record(state, party_id)


def can_steer(state: SessionState, access: Access) -> bool:
    """The facilitator steers when there is one; otherwise the parties, each saying they are ready."""
    return access.role == "facilitator" or not state.has_facilitator


def _move(state: SessionState, access: Access, to_stage: str) -> None:
    try:
        resources.service().move_on(access, to_stage, state.stage)
    except ParleyError as exc:
        show_error(exc)
        return
    st.rerun()  # who is ready for what is drawn from the state, not from a note that goes stale


def advance_controls(state: SessionState, access: Access) -> None:
    if not can_steer(state, access) or state.stage == "closed":
        return
    party = access.role != "facilitator"
    nxt = {"goals": "ask_offer", "ask_offer": "discuss", "discuss": "agree"}.get(state.stage)
    moves = [(nxt, f"Move on to {STAGE_TITLES[nxt]}", f"adv_{state.stage}")] if nxt else []
    if state.stage == "discuss":
        moves.append(("ask_offer", "Open another ask & offer round", "another"))
    votes = readiness(state) if party else {}
    mine = votes.get(access.party_id) if access.party_id is not None else None
    for to_stage, label, key in moves:
        if mine == to_stage:
            continue  # my choice: said below, with whom it waits for
        if st.button(label, key=key, use_container_width=True):
            _move(state, access, to_stage)
    if votes:
        _readiness_lines(state, access, votes)


def _readiness_lines(state: SessionState, access: Access, votes: dict[int, str]) -> None:
    """Who is ready for what: each party's one current choice, named with what it is for."""
    lines = []
    mine = votes.get(access.party_id) if access.party_id is not None else None
    if mine is not None:
        waiting = [p.name for p in state.active_parties if votes.get(p.id) != mine]
        lines.append(
            f"You are ready to {move_words(state, mine)}"
            + ("; waiting for " + ", ".join(shown(n) for n in waiting) if waiting else "")
            + "."
        )
    for p in state.active_parties:
        if p.id != access.party_id and p.id in votes:
            lines.append(f"{shown(p.name)} is ready to {move_words(state, votes[p.id])}.")
    st.caption(" ".join(lines))
    if len(set(votes.values())) > 1:
        st.caption(
            "You have chosen different next steps. Talk it over, then press the one you agree on: "
            "each person's last choice is the one that counts."
        )


def _notes(access: Access) -> None:
    """The caller's private notes, with save and erase."""
    svc = resources.service()
    try:
        saved = svc.notes(access)
    except ParleyError as exc:  # never offer an empty box that would save over notes it could not read
        show_error(exc)
        return
    notes = st.text_area("My notes", value=saved, height=180, key="private_notes")
    st.caption(f"Up to {MAX_NOTES:,} characters.")
    row = st.container(horizontal=True, wrap=True)  # buttons keep their width and wrap (columns cut labels)
    if row.button("Save my notes", width="content"):
        try:
            svc.save_notes(access, notes)
            st.toast("Saved.")
        except ParleyError as exc:
            show_error(exc)
    if row.button("Erase my notes", key="erase_notes", width="content"):
        try:
            svc.erase_my_notes(access)
        except ParleyError as exc:
            show_error(exc)
            return
        st.session_state.pop("private_notes", None)
        st.rerun()


def _sidebar(state: SessionState, access: Access) -> None:
    svc = resources.service()
    pid = access.party_id
    assert pid is not None
    with st.sidebar:
        st.subheader("Private to you")
        st.caption("Your assumptions, goals and expectations. Never shown to anyone else.")
        _notes(access)
        st.divider()
        if state.party(pid).active and state.stage != "closed":
            # keyed popovers: once this one is gone, the open state it had never passes to the next one
            with st.popover("Leave the session", key="leave_popover"):
                restore = st.session_state.pop("_restore_leave_note", None)
                if restore is not None:  # 'Edit my word' after a drift flag: the words come back
                    st.session_state["leave_note"] = restore
                note = st.text_input("A word for the others (optional)", key="leave_note")
                erase = st.checkbox("Also erase my private notes", key="leave_erase")
                if st.button("Leave now", key="leave_now"):
                    try:
                        # the word is posted to the others: the same drift check as every other send
                        verdict = svc.check_draft(access, note) if note.strip() else None
                        if verdict is not None and verdict.level == "ultimatum":
                            st.session_state["_leave_pending"] = (note, erase, verdict)
                            st.session_state.pop("leave_phrasing", None)
                            st.rerun()
                        svc.leave(access, note, erase_notes=erase)
                        st.rerun()
                    except ParleyError as exc:
                        show_error(exc)
        _delete_control(state, access)


def _leave_choice(access: Access) -> bool:
    """A word for the others that may land as an ultimatum: leave with a reframe, with it as written,
    or edit it. True while the choice is on screen (the rest of the page waits)."""
    pending = st.session_state.get("_leave_pending")
    if not pending:
        return False
    note, erase, verdict = pending
    with st.container(border=True):
        st.warning(
            f"**Your word for the others may land as an ultimatum.** {shown(verdict.reason)} "
            "You have not left yet: choose how to leave, or edit it.",
            icon=":material/warning:",
        )
        st.markdown("**You wrote:**")
        st.text(note)
        picked = pick_phrasing("leave_phrasing", reframes_of(verdict), "A reframe that keeps your need")
        origin_note(verdict.origin)
        word = None
        if picked and st.button("Leave with the reframe", key="leave_reframe", type="primary", width="stretch"):
            word = picked
        if st.button("Leave with mine", key="leave_mine", width="stretch"):
            word = note
        if st.button("Edit my word", key="leave_edit", width="stretch"):
            st.session_state.pop("_leave_pending", None)
            st.session_state["_restore_leave_note"] = note
            st.rerun()
        if word is not None:
            try:
                resources.service().leave(access, word, erase_notes=erase)
            except ParleyError as exc:
                show_error(exc)
                return True
            st.session_state.pop("_leave_pending", None)
            st.rerun()
    return True


def _delete_control(state: SessionState, access: Access) -> None:
    """Deleting the shared record: every party agrees (or the facilitator), never one side alone."""
    svc = resources.service()
    agreed = [p.name for p in state.parties if p.id in state.delete_consents]
    with st.popover("Delete this session", key="delete_popover"):
        if access.party_id is not None and access.party_id in state.delete_consents:
            waiting = [p.name for p in state.parties if p.id not in state.delete_consents]
            st.caption(
                "You agreed to delete it. It is deleted when everyone has: waiting for " + shown(", ".join(waiting))
            )
            if st.button("Keep it after all", key="del_keep"):
                svc.keep_session(access)
                st.rerun()
            return
        if access.role == "facilitator":
            st.caption("Removes the session and everything in it for everyone. This cannot be undone.")
        else:
            st.caption(
                "The session is deleted for everyone only when every party agrees. "
                + ("Agreed so far: " + shown(", ".join(agreed)) if agreed else "Nobody has asked yet.")
            )
        # one press inside the opened popover (a checkbox would rerun the page and close it)
        if st.button("Delete", key="del_btn", type="primary"):
            try:
                outcome = svc.delete_session(access)
            except ParleyError as exc:
                show_error(exc)
                return
            if outcome.done:
                st.query_params.clear()
            st.rerun()


def _goals(state: SessionState, access: Access) -> None:
    svc = resources.service()
    pid = access.party_id
    assert pid is not None
    st.subheader("1 · Goals")
    st.write("State your goal for this conversation. Then, together, name one mutual goal.")
    with st.form("goal_form"):
        goal = st.text_area("My goal", value=state.goals.get(pid, ""), height=80)
        if st.form_submit_button("Save my goal"):
            try:
                svc.set_goal(access, goal)
                st.rerun()
            except ParleyError as exc:
                show_error(exc)
    proposal = state.mutual_goal_proposal
    if proposal:
        with st.container(border=True):
            who = state.party(state.proposal_by).name if state.proposal_by is not None else "Someone"
            st.caption(f"Proposed mutual goal, from {shown(who)}:")
            st.text(proposal)
            waiting = [p.name for p in state.active_parties if p.id not in state.goal_accepted]
            if pid in state.goal_accepted:
                st.caption("You accepted it. Waiting for: " + shown(", ".join(waiting)))
            elif st.button("Accept this mutual goal", key="accept_mutual", type="primary"):
                try:
                    svc.accept_mutual_goal(access, proposal)
                    st.rerun()
                except ParleyError as exc:
                    show_error(exc)
    draft = mutual_goal_suggestion(access, state, "suggest_mutual")
    with st.form("mutual_form"):
        mutual = st.text_input(
            "Our mutual goal",
            value=draft or proposal or state.mutual_goal or "",
            placeholder="If you are far apart: make progress from where we are stuck",
        )
        if st.form_submit_button("Propose this mutual goal"):
            try:
                svc.propose_mutual_goal(access, mutual)
                st.rerun()
            except ParleyError as exc:
                show_error(exc)


def _submit_entry(state: SessionState, access: Access, fields: dict[str, str]) -> None:
    resources.service().submit_entry(
        access, state.round_no, fields["ask"], fields["offer"], fields.get("non_negotiable") or None
    )


def _ask_offer(state: SessionState, access: Access) -> None:
    med = resources.service()
    pid = access.party_id
    assert pid is not None
    st.subheader(f"2 · Ask & offer, round {state.round_no}")
    if state.round_no in state.revealed_rounds:
        st.success(
            f"**Revealed.** Round {state.round_no}'s asks and offers are now open to all: "
            "read them in the shared record.",
            icon=":material/visibility:",
        )
        st.caption(
            "Next comes the discussion, "
            + (
                "when the facilitator moves the session on."
                if state.has_facilitator
                else "once each of you says you are ready."
            )
        )
        return
    if pid in state.submitted(state.round_no):
        waiting = [p.name for p in state.active_parties if p.id not in state.submitted(state.round_no)]
        st.success("Your ask and offer are sealed. Nobody sees them until everyone has submitted.")
        if waiting:
            st.caption("Waiting for: " + shown(", ".join(waiting)))
        return
    st.write(
        "One **ask** (what you need from the other side) and one **offer** (what you will do). "
        "Nobody responds until everyone has had their turn."
    )
    # keyed expanders keep their open/closed state in the session, so a rerun never closes one under a person
    with st.expander("Too many things to ask for? Shrink them to one", key="open_shrink", on_change="rerun"):
        demands = st.text_area("Everything you want, as it comes", key="demands", height=120)
        if st.button("Shrink my demands", key="shrink_btn"):
            try:
                # the suggestion waits beside the ask box: the box is in a form, so what the person
                # typed there is not known here until they seal, and it must never be written over
                st.session_state["_shrunk"] = med.shrink(demands)
            except ParleyError as exc:
                show_error(exc)
        shrunk = st.session_state.get("_shrunk")
        if shrunk:
            r = shrunk
            st.markdown("**One ask:**")
            st.text(r.ask)
            if st.button("Use this as my ask", key="shrink_use"):
                st.session_state["ask_draft"] = r.ask
                st.rerun()
            st.caption("It replaces what is in your ask box; until you press it, your own words stay.")
            st.caption(f"Interest it serves: {shown(r.interest)}")
            if r.parked:
                st.caption("Parked for later: " + shown("; ".join(r.parked)))
    with st.expander("Ideas for an offer", key="open_offers", on_change="rerun"):
        if st.button("Suggest offers", key="offers_btn"):
            try:
                st.session_state["_offers"] = med.moves(access)
            except ParleyError as exc:
                show_error(exc)
        if st.session_state.get("_offers"):
            offers_list(st.session_state["_offers"], med.cards)
    pending = st.session_state.get("_entry_pending")
    if pending:
        fields, pending_flags = pending
        flagged: dict[str, DriftVerdict] = pending_flags
        st.warning(
            "Some of what you wrote may land as an ultimatum. For each, keep yours or take a reframe.",
            icon=":material/warning:",
        )
        picks: dict[str, int | None] = {}
        options: dict[str, list[str]] = {}
        for name, verdict in flagged.items():
            what = ENTRY_FIELDS[name]
            with st.container(border=True):
                st.markdown(f"**{what.capitalize()}:** {shown(verdict.reason)}")
                st.text(f"You wrote: {fields[name]}")
                phrasings = reframes_of(verdict)
                options[name] = phrasings
                if phrasings:
                    # one choice per field: my words, or one of the coach's phrasings (shown as text)
                    picks[name] = st.radio(
                        f"For {what}",
                        range(len(phrasings) + 1),
                        index=None,
                        format_func=partial(_option_label, phrasings),
                        key=f"entry_pick_{name}",
                    )
                    origin_note(verdict.origin)
                else:
                    picks[name] = 0
        chosen = None
        if st.button("Seal with these choices", key="entry_choose", type="primary", use_container_width=True):
            missing = [ENTRY_FIELDS[k] for k, v in picks.items() if v is None]
            if missing:
                st.error("Choose for " + " and ".join(missing) + ": keep yours or take a reframe.")
            else:
                chosen = {k: _chosen_text(v, options.get(k, []), picks.get(k)) for k, v in fields.items()}
        if st.button("Back to editing", key="entry_edit", use_container_width=True):
            st.session_state.pop("_entry_pending", None)
            # the boxes were not drawn while the choices showed, so Streamlit dropped their values:
            # give the words back exactly as they were sealed
            st.session_state["_entry_restore"] = fields
            st.rerun()
        if chosen is not None:
            try:
                _submit_entry(state, access, chosen)
                st.session_state.pop("_entry_pending", None)
                st.rerun()
            except ParleyError as exc:
                show_error(exc)
        return
    has_nn = state.non_negotiable_of(pid) is not None
    restore: dict[str, str] | None = st.session_state.pop("_entry_restore", None)
    if restore is not None:  # set before the boxes are drawn, so they show it
        for name, key in DRAFT_KEYS.items():
            st.session_state[key] = restore.get(name, "")
    with st.form("entry_form"):
        ask = st.text_area("My one ask", key="ask_draft", height=70)
        offer = st.text_area("My one offer", key="offer_draft", height=70)
        nn = ""
        if has_nn:
            st.caption(
                ":material/lock: No non-negotiable this round: there is one per side, "
                "and you already named yours (it is in the shared record)."
            )
        else:
            st.caption(NON_NEGOTIABLE_CAUTION)
            if state.round_no > 1:
                st.caption("You chose not to name one in an earlier round. You still may, once, if truly needed.")
            nn = st.text_input("My one non-negotiable (optional, only if truly needed)", key="nn_draft")
        sent = st.form_submit_button("Seal my ask and offer", type="primary")
    if sent:
        fields = {"ask": ask, "offer": offer, "non_negotiable": nn}
        try:
            flagged = {}
            for name, value in fields.items():
                if value.strip():
                    v = med.check_draft(access, value)
                    if v.level == "ultimatum":
                        flagged[name] = v
            if flagged:
                st.session_state["_entry_pending"] = (fields, flagged)
                for name in ENTRY_FIELDS:  # choices made for an earlier draft
                    st.session_state.pop(f"entry_pick_{name}", None)
                st.rerun()
            _submit_entry(state, access, fields)
            st.rerun()
        except ParleyError as exc:
            show_error(exc)


def _restate(state: SessionState, access: Access) -> None:
    """The coach restates my position fairly; only I see the draft, and nothing is shared until I approve."""
    med = resources.service()
    pid = access.party_id
    assert pid is not None
    mine = [e for e in state.entries if e.party_id == pid]
    default = f"{mine[-1].ask} {mine[-1].offer}" if mine else ""
    with st.expander("Restate my position for the others", key="open_restate", on_change="rerun"):
        st.caption(
            "The coach puts your position calmly in the third person. Only you see the draft until you share it."
        )
        position = st.text_area("My position, in my own words", value=default, key="restate_src", height=80)
        if st.button("Draft a restatement", key="restate_btn"):
            try:
                said = med.restate(access, position)
                st.session_state["restate_draft"] = said.text
                origin_note(said.origin)
            except ParleyError as exc:
                show_error(exc)
        if st.session_state.get("restate_draft"):
            draft = st.text_area("The restatement (edit it until it is right)", key="restate_draft", height=80)
            if st.button("Share this restatement", key="restate_share", type="primary"):
                try:
                    med.share_restatement(access, draft, client_key("restate"))
                    reset_client_key("restate")
                    st.session_state.pop("restate_draft", None)
                    st.rerun()
                except ParleyError as exc:
                    show_error(exc)


def _discuss(state: SessionState, access: Access) -> None:
    med = resources.service()
    st.subheader("3 · Discuss")
    st.write("Respond to each other's asks and offers, and look for the trade.")

    def check(text: str) -> DriftVerdict:
        return med.check_draft(access, text)

    def send(text: str, key: str) -> None:
        med.send(access, text, key)

    drift_gate("msg", check, send, label="Your message")
    _restate(state, access)
    with st.container(border=True):  # not an expander: its results must stay in view after the click
        st.markdown("**Ideas for a next move**")
        if st.button("Suggest moves", key="moves_btn"):
            st.session_state["_moves"] = med.moves(access)
        if st.session_state.get("_moves"):
            origin_note(st.session_state["_moves"][0].origin)
            offers_list(st.session_state["_moves"], med.cards)
        question = st.text_input("Or ask the coach about your next move", key="coach_q")
        if st.button("Ask", key="coach_ask") and question.strip():
            try:
                plain_stream(med.stream_suggestion(access, question))
            except ParleyError as exc:
                show_error(exc)


def _agree(state: SessionState, access: Access) -> None:
    svc = resources.service()
    pid = access.party_id
    assert pid is not None
    st.subheader("4 · Agree")
    st.caption(f"Dated {long_date(date.today())}")
    names = {p.id: p.name for p in state.parties}
    version = agreement_version(state)
    for p in state.parties:
        st.markdown(f"**{shown(p.name)} commits to:**")
        mine = [t for t in state.terms if t.party_id == p.id]
        for term in mine:
            # a row that wraps: the button keeps its own width (a fixed column cut "Remove" to "Re…")
            row = st.container(horizontal=True, vertical_alignment="center", wrap=True)
            row.text(f"{term.text} ({when_phrase(term.by_when)})", width="stretch")
            if p.id == pid and state.stage == "agree" and row.button("Remove", key=f"rm_{term.id}", width="content"):
                try:
                    svc.remove_term(access, term.id)
                    st.rerun()
                except ParleyError as exc:
                    show_error(exc)
        if not mine:
            st.caption("nothing yet")
    if state.revisit_on:
        st.markdown(f"**Revisit on:** {state.revisit_on:%d %B %Y}")
    if state.stage == "closed":
        revisit_note = f" You agreed to revisit it on {state.revisit_on:%d %B %Y}." if state.revisit_on else ""
        st.success(
            "Agreement confirmed by everyone. The record is read-only now; download it below." + revisit_note,
            icon=":material/task_alt:",
        )
    if state.stage == "agree":
        with st.form("term_form"):
            text = st.text_input("I will…", key=box("term_form", "text"))
            by_when = st.text_input("By when", placeholder="e.g. Friday 14 November", key=box("term_form", "when"))
            added = st.form_submit_button("Add my commitment")
        if added:
            try:
                svc.add_term(access, text, by_when)
            except ParleyError as exc:  # refused: the commitment stays in its boxes as typed
                show_error(exc)
            else:
                empty_boxes("term_form")
                st.rerun()
        # empty until a date is set (a placeholder date looked set); keyed by the agreement's date,
        # so a date set on another device is what the field shows
        revisit = st.date_input(
            "Revisit this agreement on",
            value=state.revisit_on,
            key=f"revisit_{state.revisit_on}",
        )
        if state.revisit_on is None:
            st.caption(
                "No revisit date yet: pick one (e.g. "
                + f"{date.today() + timedelta(days=90):%d %B %Y}) and press 'Set the revisit date'."
            )
        elif revisit != state.revisit_on:
            st.caption(
                f"Not set yet: the agreement says {state.revisit_on:%d %B %Y}. "
                "Setting your date resets every confirmation."
            )
        if revisit is not None and revisit != state.revisit_on and st.button("Set the revisit date"):
            try:
                svc.set_revisit(access, revisit)
                st.rerun()
            except ParleyError as exc:
                show_error(exc)
        confirmed = [names[x] for x in state.confirmed]
        st.caption(
            f"Agreement version {version} · any change resets every confirmation · confirmed by: "
            + (shown(", ".join(confirmed)) if confirmed else "nobody yet")
        )
        # a confirmation is of the version the person was shown: the one drawn before this click
        seen = st.session_state.get(f"_agreement_seen_{state.id}", version)
        st.session_state[f"_agreement_seen_{state.id}"] = version
        if pid not in state.confirmed and st.button("I confirm this agreement", type="primary"):
            try:
                svc.confirm(access, seen, revisit_shown=revisit)
                st.rerun()
            except ParleyError as exc:
                show_error(exc)
    exports(state)


def exports(state: SessionState) -> None:
    """The record as Markdown and PDF, always of the version on screen (a change makes a new PDF).

    Stacked full-width buttons, so the labels fit in the sidebar too."""
    version = agreement_version(state)
    md = agreement_markdown(state, date.today())
    st.download_button(
        "Download as Markdown",
        md,
        file_name=f"parley-agreement-{version}.md",
        mime="text/markdown",
        key="dl_md",
        use_container_width=True,
    )
    made = st.session_state.get("_pdf")
    if (made is None or made[0] != md) and st.button("Make a PDF", key="pdf_btn", use_container_width=True):
        with st.spinner("Making the PDF…"):
            made = st.session_state["_pdf"] = (md, markdown_to_pdf(md))
    if made is not None and made[0] == md:  # a PDF of the record as it is now, never an older one
        st.download_button(
            "Download the PDF",
            made[1],
            file_name=f"parley-agreement-{version}.pdf",
            mime="application/pdf",
            key="dl_pdf",
            use_container_width=True,
        )


def _impasse(access: Access) -> None:
    med = resources.service()
    why = med.impasse(access)
    if not why:
        return
    with st.container(border=True):
        st.warning(f"The talks look stuck: {shown(why)}", icon=":material/explore:")
        if st.button("Suggest impasse moves", key="impasse_btn"):
            st.session_state["_impasse_moves"] = med.moves(access)
        if st.session_state.get("_impasse_moves"):
            offers_list(st.session_state["_impasse_moves"], med.cards)


def render(access: Access) -> None:
    svc = resources.service()
    try:
        state = svc.state(access)
    except ParleyError as exc:
        show_error(exc)
        return
    pid = access.party_id
    assert pid is not None
    me = state.party(pid)
    if me.joined_at is None:
        svc.join(access)
    st.session_state[marker_key(state.id, pid)] = _marker(state)  # what this drawing of the page shows
    st.title(shown(state.title))
    st.caption(f"You are **{shown(me.name)}** · only you see your notes and your sealed entries")
    stage_bar(state)
    _sidebar(state, access)
    if not me.active:
        st.info("You left this session. The others can see that you left.")
        if st.button("Come back to the session", type="primary"):
            svc.rejoin(access)
            st.rerun()
        live_record(access)
        return
    if _leave_choice(access):
        return
    svc.warm_up()  # load the coach (with progress) before any coaching call
    _impasse(access)
    left, right = st.columns([3, 2])
    with left:
        if state.stage in ("ask_offer", "discuss"):  # where the coach speaks
            offline_notice(resources.settings().llm_configured)
        if state.stage == "goals":
            _goals(state, access)
        elif state.stage == "ask_offer":
            _ask_offer(state, access)
        elif state.stage == "discuss":
            _discuss(state, access)
        else:
            _agree(state, access)
        advance_controls(state, access)
    with right:
        st.subheader("Shared record")
        live_record(access)
