"""The store and the process rules against a real SQLite file (and PostgreSQL when PARLEY_TEST_POSTGRES_URL is set)."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from assistant.process import ProcessError, visible_entries
from assistant.store import Repository
from assistant.store.repository import UnknownLink

PG = os.environ.get("PARLEY_TEST_POSTGRES_URL")


def _pg_repo() -> Iterator[Repository]:
    assert PG
    from sqlalchemy import create_engine

    name = "parley_test_" + uuid.uuid4().hex[:8]
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG.rsplit("/", 1)[0] + "/" + name
    repo = Repository.from_url(url)
    yield repo
    repo.engine.dispose()
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    if request.param == "sqlite":
        yield Repository.from_url(f"sqlite:///{tmp_path / 'parley.db'}")
    else:
        if not PG:
            pytest.skip("set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL (.ci/run does)")
        yield from _pg_repo()


def _to_ask_offer(repo: Repository) -> tuple[int, int, int, dict[str, str]]:
    links = repo.create_session("Office days", ["Founders", "Staff"], facilitator=True)
    sid = links.session_id
    acc_a = repo.resolve(links.party_tokens["Founders"])
    acc_b = repo.resolve(links.party_tokens["Staff"])
    assert acc_a.party_id is not None and acc_b.party_id is not None
    repo.set_goal(sid, acc_a.party_id, "Some in-person days to review visual work together")
    repo.set_goal(sid, acc_b.party_id, "Keep flexibility and avoid long commutes")
    with pytest.raises(ProcessError, match="mutual goal"):
        repo.advance(sid, "ask_offer", "goals")
    repo.set_mutual_goal(sid, "A return-to-office plan everyone can live with")
    repo.advance(sid, "ask_offer", "goals")
    return sid, acc_a.party_id, acc_b.party_id, links.party_tokens


def test_a_whole_session(repo: Repository) -> None:
    sid, a, b, _ = _to_ask_offer(repo)
    assert repo.submit_entry(sid, a, 1, "Two office days a week", "Later start on office days") is False
    state = repo.load(sid)
    assert [e.party_id for e in visible_entries(state, b)] == []  # sealed from B
    assert [e.party_id for e in visible_entries(state, None)] == []  # and from the facilitator
    assert [e.party_id for e in visible_entries(state, a)] == [a]
    assert repo.submit_entry(sid, b, 1, "Birthdays at home", "Three days in high season", "No Fridays") is True
    state = repo.load(sid)
    assert {e.party_id for e in visible_entries(state, b)} == {a, b}
    repo.advance(sid, "discuss", "ask_offer")
    repo.add_message(sid, a, "Could we try it for a quarter?")
    repo.advance(sid, "ask_offer", "discuss")  # another round
    assert repo.load(sid).round_no == 2
    with pytest.raises(ProcessError, match="Round 1 is closed"):
        repo.submit_entry(sid, a, 1, "stale tab", "stale")
    repo.submit_entry(sid, a, 2, "Review in March", "Fund better air conditioning")
    with pytest.raises(ProcessError, match="second is not allowed"):
        repo.submit_entry(sid, b, 2, "x", "y", "No Mondays either")
    repo.submit_entry(sid, b, 2, "Keep birthdays", "Bring homemade treats")
    repo.advance(sid, "discuss", "ask_offer")
    repo.advance(sid, "agree", "discuss")
    repo.add_term(sid, a, "Later start on office days", "from 1 June")
    repo.add_term(sid, b, "Two office days a week", "from 1 June")
    with pytest.raises(ProcessError, match="revisit"):
        repo.confirm(sid, a)
    repo.set_revisit(sid, date(2027, 3, 1))
    assert repo.confirm(sid, a) is False
    assert repo.confirm(sid, b) is True
    state = repo.load(sid)
    assert state.stage == "closed"
    with pytest.raises(ProcessError, match="read-only"):
        repo.add_message(sid, a, "one more thing")


def test_simultaneous_submissions_both_count_and_reveal_once(repo: Repository) -> None:
    sid, a, b, _ = _to_ask_offer(repo)
    results: list[bool] = []
    errors: list[Exception] = []
    barrier = threading.Barrier(2)

    def submit(pid: int) -> None:
        barrier.wait()
        try:
            results.append(repo.submit_entry(sid, pid, 1, f"ask {pid}", f"offer {pid}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=submit, args=(p,)) for p in (a, b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert sorted(results) == [False, True]
    state = repo.load(sid)
    assert state.submitted(1) == {a, b} and state.revealed_rounds == {1}


def test_tokens_are_private_and_unguessable(repo: Repository) -> None:
    links = repo.create_session("Rota", ["Ana", "Ben"], facilitator=True)
    assert len({*links.party_tokens.values(), links.facilitator_token}) == 3
    assert all(len(tok) >= 43 for tok in links.party_tokens.values())  # 256 bits, url-safe
    assert repo.resolve(links.facilitator_token).role == "facilitator"
    for bad in ["", "x", links.party_tokens["Ana"][:-1], links.party_tokens["Ana"] + "x", "' OR 1=1 --", None]:
        with pytest.raises(UnknownLink):
            repo.resolve(bad)


def test_one_ask_not_a_list_and_messages_are_idempotent(repo: Repository) -> None:
    sid, a, _b, _ = _to_ask_offer(repo)
    with pytest.raises(ProcessError, match="not a list"):
        repo.submit_entry(sid, a, 1, "1. more pay\n2. less overtime\n3. parking", "ok")
    with pytest.raises(ProcessError, match="empty"):
        repo.submit_entry(sid, a, 1, "   ", "ok")
    repo.submit_entry(sid, a, 1, "more pay", "ok")
    with pytest.raises(ProcessError, match="already submitted"):
        repo.submit_entry(sid, a, 1, "again", "again")
    m1 = repo.add_message(sid, a, "hello", client_key="k1")
    m2 = repo.add_message(sid, a, "hello", client_key="k1")
    assert m1 == m2 and len(repo.load(sid).messages) == 1


def test_walkout_and_return_and_delete(repo: Repository) -> None:
    sid, _a, b, _ = _to_ask_offer(repo)
    repo.leave(sid, b, "I need a break.")
    state = repo.load(sid)
    assert not state.party(b).active and state.messages[-1].kind == "walkout"
    with pytest.raises(ProcessError, match="left the session"):
        repo.submit_entry(sid, b, 1, "x", "y")
    repo.rejoin(sid, b)
    assert repo.load(sid).party(b).active
    repo.delete_session(sid)
    with pytest.raises(UnknownLink):
        repo.load(sid)
