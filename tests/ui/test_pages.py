"""Fast page tests with Streamlit's AppTest, against a real SQLite file and the real offline coach."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.coach import OfflineCoach
from assistant.config import PROJECT_ROOT
from assistant.process.model import Access
from assistant.session import SessionService
from assistant.store import Repository

APP = str(PROJECT_ROOT / "assistant" / "ui" / "app.py")
TIMEOUT = 120


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_data_dir: Path) -> Iterator[Repository]:
    db = tmp_path / "app.db"
    monkeypatch.setenv("PARLEY_DATA_DIR", str(session_data_dir))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    st.cache_resource.clear()
    yield Repository.from_url(f"sqlite:///{db}")
    st.cache_resource.clear()


@pytest.fixture()
def svc(repo: Repository, coach: OfflineCoach) -> SessionService:
    return SessionService(repo, coach)


def _open(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["t"] = token
    return at.run()


def _plain(body: object) -> str:
    """A Markdown body as a person reads it: the escapes that keep people's text literal taken off."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", str(body)).replace("\u2060", "")


def _texts(at: AppTest) -> str:
    parts = [t.value for t in at.text] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(_plain(p) for p in parts)


def _button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_home_offers_three_ways_in(repo: Repository) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert {"Start preparing", "Create a session", "Create a facilitated session"} <= set(labels)


def test_bad_link_gets_a_clear_error(repo: Repository) -> None:
    at = _open("not-a-real-token")
    assert not at.exception
    assert "not valid" in _plain(at.error[0].value)


def _session(svc: SessionService, facilitator: bool = False) -> tuple[dict[str, Access], dict[str, str], Access | None]:
    links = svc.create_session("Family visit", ["Sam", "Alex"], facilitator=facilitator)
    people = {n: svc.resolve(t) for n, t in links.party_tokens.items()}
    fac = svc.resolve(links.facilitator_token) if links.facilitator_token else None
    return people, links.party_tokens, fac


def test_goals_form_saves_and_mutual_goal_is_proposed_then_accepted(svc: SessionService) -> None:
    people, tokens, _ = _session(svc)
    at = _open(tokens["Sam"])
    assert not at.exception
    goal_box = next(t for t in at.text_area if t.label == "My goal")
    goal_box.input("A visit that doesn't wreck our weekend")
    _button(at, "Save my goal").click().run()
    state = svc.state(people["Sam"])
    assert list(state.goals.values()) == ["A visit that doesn't wreck our weekend"]
    assert state.party(state.parties[0].id).joined_at is not None
    next(t for t in at.text_input if t.label == "Our mutual goal").input("A visit we both enjoy")
    _button(at, "Propose this mutual goal").click().run()
    state = svc.state(people["Sam"])
    assert state.mutual_goal is None and state.mutual_goal_proposal == "A visit we both enjoy"
    alex = _open(tokens["Alex"])
    assert "A visit we both enjoy" in _texts(alex)
    _button(alex, "Accept this mutual goal").click().run()
    assert not alex.exception
    assert svc.state(people["Sam"]).mutual_goal == "A visit we both enjoy"


def _to_ask_offer(svc: SessionService) -> tuple[dict[str, Access], dict[str, str]]:
    people, tokens, _ = _session(svc)
    sam, alex = people["Sam"], people["Alex"]
    svc.set_goal(sam, "short visit")
    svc.set_goal(alex, "everyone friendly")
    svc.propose_mutual_goal(sam, "a visit we can both enjoy")
    svc.accept_mutual_goal(alex, "a visit we can both enjoy")
    svc.move_on(sam, "ask_offer", "goals")
    svc.move_on(alex, "ask_offer", "goals")
    return people, tokens


def test_moving_on_waits_for_every_party(svc: SessionService) -> None:
    people, tokens, _ = _session(svc)
    for acc in people.values():
        svc.set_goal(acc, "a goal")
    svc.propose_mutual_goal(people["Sam"], "make progress")
    svc.accept_mutual_goal(people["Alex"], "make progress")
    at = _open(tokens["Sam"])
    _button(at, "Move on to Ask & offer").click().run()
    assert not at.exception
    assert svc.state(people["Sam"]).stage == "goals"
    assert "waiting for Alex" in _texts(at)
    alex = _open(tokens["Alex"])
    assert "Sam is ready to move on to Ask & offer" in _texts(alex)
    _button(alex, "Move on to Ask & offer").click().run()
    assert svc.state(people["Sam"]).stage == "ask_offer"


def test_entries_stay_sealed_until_everyone_submits(svc: SessionService) -> None:
    people, tokens = _to_ask_offer(svc)
    sam_id = people["Sam"].party_id
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "My one ask").input("Could you be friendly to everyone?")
    next(t for t in at.text_area if t.label == "My one offer").input("I'll cap the visit at two hours.")
    _button(at, "Seal my ask and offer").click().run()
    assert not at.exception
    assert svc.state(people["Sam"]).submitted(1) == {sam_id}
    other = _open(tokens["Alex"])
    assert "cap the visit" not in _texts(other)
    assert "cap the visit" in _texts(_open(tokens["Sam"]))  # Sam sees his own sealed entry
    svc.submit_entry(people["Alex"], 1, "Don't seat me next to Ed", "I'll chat to everyone")
    revealed = _open(tokens["Alex"])
    assert "cap the visit" in _texts(revealed)
    assert "**Revealed.** Round 1's asks and offers are now open to all" in _texts(revealed)
    assert "(sealed" not in _texts(revealed)


def _to_discuss(
    svc: SessionService, sam_ask: str = "a", sam_offer: str = "b"
) -> tuple[dict[str, Access], dict[str, str]]:
    """A session of Sam and Alex with goals set and round 1 revealed, now in discussion."""
    people, tokens = _to_ask_offer(svc)
    svc.submit_entry(people["Sam"], 1, sam_ask, sam_offer)
    svc.submit_entry(people["Alex"], 1, "c", "d")
    for acc in people.values():
        svc.move_on(acc, "discuss", "ask_offer")
    return people, tokens


def test_ultimatum_is_caught_and_the_person_chooses(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "Your message").input(
        "Come to the visit or I'm spending the holidays without you."
    )
    _button(at, "Send").click().run()
    assert not at.exception
    assert at.warning and "ultimatum" in at.warning[0].value.lower()
    assert svc.state(people["Sam"]).messages == ()  # nothing sent yet
    _button(at, "Send the reframe").click().run()
    (msg,) = svc.state(people["Sam"]).messages
    assert "spending the holidays without you" not in msg.text
    assert msg.level == svc.check_draft(people["Sam"], msg.text).level  # the level of what was sent
    assert "Sent." in _texts(at)


def test_a_sent_message_clears_the_box_and_is_stored_once(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "Your message").input("Could we meet on Thursday?")
    _button(at, "Send").click().run()
    assert not at.exception
    assert "Sent." in _texts(at)  # (the box clearing is seen in the real browser: tests/e2e)
    _button(at, "Send").click().run()  # pressed again: the same draft
    assert [m.text for m in svc.state(people["Sam"]).messages] == ["Could we meet on Thursday?"]


def test_other_peoples_text_is_shown_as_text_not_markup(svc: SessionService) -> None:
    people, tokens, _ = _session(svc)
    nasty = "<script>alert(1)</script> [click](http://evil.example) ![x](http://evil.example/x.png)\n==="
    svc.set_goal(people["Sam"], nasty)
    svc.send(people["Sam"], nasty, "k")
    at = _open(tokens["Alex"])
    assert any("<script>" in t.value for t in at.text)
    assert not any("evil.example" in m.value for m in at.markdown)


def test_private_notes_over_the_limit_are_refused_not_cut(svc: SessionService) -> None:
    people, tokens, _ = _session(svc)
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "My notes").input("n" * 20_001)
    _button(at, "Save my notes").click().run()
    assert not at.exception
    assert any("limit is 20,000" in _plain(e.value) for e in at.error)
    assert svc.notes(people["Sam"]) == ""


def test_one_party_cannot_delete_the_session(svc: SessionService) -> None:
    people, tokens, _ = _session(svc)
    at = _open(tokens["Sam"])
    _button(at, "Delete").click().run()
    assert not at.exception
    assert svc.state(people["Alex"]).delete_consents == {people["Sam"].party_id}
    assert "waiting for Alex" in _texts(_open(tokens["Sam"]))


def test_confirming_binds_to_the_version_on_screen(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    sam, alex = people["Sam"], people["Alex"]
    for acc in people.values():
        svc.move_on(acc, "agree", "discuss")
    svc.add_term(sam, "Cap the visit at two hours", "this Sunday")
    from datetime import date

    svc.set_revisit(sam, date(2027, 3, 1))
    at = _open(tokens["Alex"])  # Alex reads version 1
    svc.set_revisit(sam, date(2027, 4, 1))  # Sam changes the date meanwhile
    _button(at, "I confirm this agreement").click().run()
    assert not at.exception
    assert any("changed since you read it" in _plain(e.value) for e in at.error)
    assert svc.state(alex).confirmed == frozenset()
    assert "01 April 2027" in _texts(_open(tokens["Alex"]))


def test_restatement_is_private_until_approved(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc, "Could you tell me before your mother visits?", "I'll plan a nice lunch.")
    at = _open(tokens["Sam"])
    _button(at, "Draft a restatement").click().run()
    assert not at.exception
    draft = next(t for t in at.text_area if t.label.startswith("The restatement"))
    assert draft.value.startswith("Sam is asking")
    assert svc.state(people["Sam"]).messages == ()  # a draft is not shared
    _button(at, "Share this restatement").click().run()
    (msg,) = svc.state(people["Sam"]).messages
    assert msg.text.startswith("Restatement: Sam is asking")


def test_prepare_page_explains_that_rehearsal_needs_an_llm(repo: Repository) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    _button(at, "Start preparing").click().run()
    assert not at.exception
    assert any("Rehearsing needs an LLM" in i.value for i in at.info)


def test_pages_call_only_the_service() -> None:
    """No page reaches the repository or the coach past the session service."""
    ui = PROJECT_ROOT / "assistant" / "ui"
    for page in ui.glob("*.py"):
        code = page.read_text(encoding="utf-8")
        if page.name == "resources.py":
            continue
        assert not re.search(r"\brepo\b|Repository|(?<!assistant)\.coach\.|resources\.coach\(|write_stream", code), (
            page.name
        )
