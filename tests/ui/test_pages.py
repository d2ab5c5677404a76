"""Fast page tests with Streamlit's AppTest, against a real SQLite file and the real offline coach."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
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


def _open(token: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["t"] = token
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [t.value for t in at.text] + [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [w.value for w in at.warning] + [s.value for s in at.success]
    return "\n".join(str(p) for p in parts)


def test_home_offers_three_ways_in(repo: Repository) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    labels = [b.label for b in at.button]
    assert {"Start preparing", "Create a session", "Create a facilitated session"} <= set(labels)


def test_bad_link_gets_a_clear_error(repo: Repository) -> None:
    at = _open("not-a-real-token")
    assert not at.exception
    assert "not valid" in at.error[0].value


def _session(repo: Repository) -> tuple[int, dict[str, str]]:
    links = repo.create_session("Family visit", ["Sam", "Alex"])
    return links.session_id, links.party_tokens


def test_goals_form_saves_and_mutual_goal_moves_on(repo: Repository) -> None:
    sid, tokens = _session(repo)
    at = _open(tokens["Sam"])
    assert not at.exception
    goal_box = next(t for t in at.text_area if t.label == "My goal")
    goal_box.input("A visit that doesn't wreck our weekend")
    next(b for b in at.button if b.label == "Save my goal").click().run()
    state = repo.load(sid)
    assert list(state.goals.values()) == ["A visit that doesn't wreck our weekend"]
    assert state.party(state.parties[0].id).joined_at is not None


def test_entries_stay_sealed_until_everyone_submits(repo: Repository) -> None:
    sid, tokens = _session(repo)
    state = repo.load(sid)
    sam, alex = (p.id for p in state.parties)
    repo.set_goal(sid, sam, "short visit")
    repo.set_goal(sid, alex, "everyone friendly")
    repo.set_mutual_goal(sid, "a visit we can both enjoy")
    repo.advance(sid, "ask_offer", "goals")
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "My one ask").input("Could you be friendly to everyone?")
    next(t for t in at.text_area if t.label == "My one offer").input("I'll cap the visit at two hours.")
    next(b for b in at.button if b.label == "Seal my ask and offer").click().run()
    assert not at.exception
    assert repo.load(sid).submitted(1) == {sam}
    other = _open(tokens["Alex"])
    assert "cap the visit" not in _texts(other)
    assert "cap the visit" in _texts(_open(tokens["Sam"]))  # Sam sees his own sealed entry
    repo.submit_entry(sid, alex, 1, "Don't seat me next to Ed", "I'll chat to everyone")
    assert "cap the visit" in _texts(_open(tokens["Alex"]))


def _to_discuss(repo: Repository, sam_ask: str = "a", sam_offer: str = "b") -> tuple[int, dict[str, str]]:
    """A session of Sam and Alex with goals set and round 1 revealed, now in discussion."""
    sid, tokens = _session(repo)
    sam, alex = (p.id for p in repo.load(sid).parties)
    repo.set_goal(sid, sam, "x")
    repo.set_goal(sid, alex, "y")
    repo.set_mutual_goal(sid, "make progress")
    repo.advance(sid, "ask_offer", "goals")
    repo.submit_entry(sid, sam, 1, sam_ask, sam_offer)
    repo.submit_entry(sid, alex, 1, "c", "d")
    repo.advance(sid, "discuss", "ask_offer")
    return sid, tokens


def test_ultimatum_is_caught_and_the_person_chooses(repo: Repository) -> None:
    sid, tokens = _to_discuss(repo)
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "Your message").input(
        "Come to the visit or I'm spending the holidays without you."
    )
    next(b for b in at.button if b.label == "Send").click().run()
    assert not at.exception
    assert at.warning and "ultimatum" in at.warning[0].value.lower()
    assert repo.load(sid).messages == ()  # nothing sent yet
    next(b for b in at.button if b.label == "Send the reframe").click().run()
    msgs = repo.load(sid).messages
    assert len(msgs) == 1 and "spending the holidays without you" not in msgs[0].text


def test_user_text_is_shown_as_text_not_html(repo: Repository) -> None:
    sid, tokens = _session(repo)
    state = repo.load(sid)
    sam = state.parties[0].id
    repo.add_message(sid, sam, "<script>alert(1)</script> [click](http://evil.example) ![x](http://evil.example/x.png)")
    at = _open(tokens["Alex"])
    assert any("<script>" in t.value for t in at.text)
    assert not any("evil.example" in m.value for m in at.markdown)


def test_restatement_is_private_until_approved(repo: Repository) -> None:
    sid, tokens = _to_discuss(repo, "Could you tell me before your mother visits?", "I'll plan a nice lunch.")
    at = _open(tokens["Sam"])
    next(b for b in at.button if b.label == "Draft a restatement").click().run()
    assert not at.exception
    draft = next(t for t in at.text_area if t.label.startswith("The restatement"))
    assert draft.value.startswith("Sam is asking")
    assert repo.load(sid).messages == ()  # a draft is not shared
    next(b for b in at.button if b.label == "Share this restatement").click().run()
    (msg,) = repo.load(sid).messages
    assert msg.text.startswith("Restatement: Sam is asking")


def test_prepare_page_explains_that_rehearsal_needs_an_llm(repo: Repository) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    next(b for b in at.button if b.label == "Start preparing").click().run()
    assert not at.exception
    assert any("Rehearsing needs an LLM" in i.value for i in at.info)
