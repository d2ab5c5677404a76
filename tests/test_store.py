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

from assistant.coach import OfflineCoach
from assistant.process import ProcessError, visible_entries
from assistant.process.model import Access
from assistant.process.permissions import agreement_version
from assistant.session import SessionService
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


@pytest.fixture()
def svc(repo: Repository, coach: OfflineCoach) -> SessionService:
    return SessionService(repo, coach)


def _to_ask_offer(svc: SessionService) -> tuple[Access, Access, Access, dict[str, str]]:
    links = svc.create_session("Office days", ["Founders", "Staff"], facilitator=True)
    a = svc.resolve(links.party_tokens["Founders"])
    b = svc.resolve(links.party_tokens["Staff"])
    fac = svc.resolve(links.facilitator_token)
    svc.set_goal(a, "Some in-person days to review visual work together")
    svc.set_goal(b, "Keep flexibility and avoid long commutes")
    with pytest.raises(ProcessError, match="mutual goal"):
        svc.move_on(fac, "ask_offer", "goals")
    svc.propose_mutual_goal(fac, "A return-to-office plan everyone can live with")
    svc.move_on(fac, "ask_offer", "goals")
    return a, b, fac, links.party_tokens


def test_a_whole_session(svc: SessionService) -> None:
    a, b, fac, _ = _to_ask_offer(svc)
    assert svc.submit_entry(a, 1, "Two office days a week", "Later start on office days") is False
    state = svc.repo.load(a.session_id)
    assert [e.party_id for e in visible_entries(state, b.party_id)] == []  # sealed from B
    assert [e.party_id for e in visible_entries(state, None)] == []  # and from the facilitator
    assert [e.party_id for e in visible_entries(state, a.party_id)] == [a.party_id]
    assert svc.submit_entry(b, 1, "Birthdays at home", "Three days in high season", "No Fridays") is True
    state = svc.state(b)
    assert {e.party_id for e in visible_entries(state, b.party_id)} == {a.party_id, b.party_id}
    svc.move_on(fac, "discuss", "ask_offer")
    svc.send(a, "Could we try it for a quarter?", "k0")
    svc.move_on(fac, "ask_offer", "discuss")  # another round
    assert svc.state(a).round_no == 2
    with pytest.raises(ProcessError, match="Round 1 is closed"):
        svc.submit_entry(a, 1, "stale tab", "stale")
    svc.submit_entry(a, 2, "Review in March", "Fund better air conditioning")
    with pytest.raises(ProcessError, match="second is not allowed"):
        svc.submit_entry(b, 2, "x", "y", "No Mondays either")
    svc.submit_entry(b, 2, "Keep birthdays", "Bring homemade treats")
    svc.move_on(fac, "discuss", "ask_offer")
    svc.move_on(fac, "agree", "discuss")
    svc.add_term(a, "Later start on office days", "from 1 June")
    svc.add_term(b, "Two office days a week", "from 1 June")
    with pytest.raises(ProcessError, match="revisit"):
        svc.confirm(a, agreement_version(svc.state(a)))
    svc.set_revisit(fac, date(2027, 3, 1))
    v = agreement_version(svc.state(a))
    assert svc.confirm(a, v) is False
    assert svc.confirm(b, v) is True
    assert svc.state(a).stage == "closed"
    with pytest.raises(ProcessError, match="read-only"):
        svc.send(a, "one more thing", "k1")


def test_simultaneous_submissions_both_count_and_reveal_once(svc: SessionService) -> None:
    a, b, _fac, _ = _to_ask_offer(svc)
    results: list[bool] = []
    errors: list[Exception] = []
    barrier = threading.Barrier(2)

    def submit(acc: Access) -> None:
        barrier.wait()
        try:
            results.append(svc.submit_entry(acc, 1, f"ask {acc.party_id}", f"offer {acc.party_id}"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=submit, args=(p,)) for p in (a, b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert sorted(results) == [False, True]
    state = svc.state(a)
    assert state.submitted(1) == {a.party_id, b.party_id} and state.revealed_rounds == {1}


def test_tokens_are_private_and_unguessable(repo: Repository) -> None:
    links = repo.create_session("Rota", ["Ana", "Ben"], facilitator=True)
    assert len({*links.party_tokens.values(), links.facilitator_token}) == 3
    assert all(len(tok) >= 43 for tok in links.party_tokens.values())  # 256 bits, url-safe
    assert repo.resolve(links.facilitator_token).role == "facilitator"
    for bad in ["", "x", links.party_tokens["Ana"][:-1], links.party_tokens["Ana"] + "x", "' OR 1=1 --", None]:
        with pytest.raises(UnknownLink):
            repo.resolve(bad)


def test_one_ask_not_a_list_and_messages_are_idempotent(svc: SessionService) -> None:
    a, _b, _fac, _ = _to_ask_offer(svc)
    with pytest.raises(ProcessError, match="not a list"):
        svc.submit_entry(a, 1, "1. more pay\n2. less overtime\n3. parking", "ok")
    with pytest.raises(ProcessError, match="empty"):
        svc.submit_entry(a, 1, "   ", "ok")
    svc.submit_entry(a, 1, "more pay", "ok")
    with pytest.raises(ProcessError, match="already submitted"):
        svc.submit_entry(a, 1, "again", "again")
    m1 = svc.send(a, "hello", "k1")
    m2 = svc.send(a, "hello", "k1")
    assert m1 == m2 and len(svc.state(a).messages) == 1


def test_walkout_and_return_and_delete(svc: SessionService) -> None:
    _a, b, fac, _ = _to_ask_offer(svc)
    svc.leave(b, "I need a break.")
    state = svc.state(b)
    assert not state.party(b.party_id or 0).active and state.messages[-1].kind == "walkout"
    with pytest.raises(ProcessError, match="left the session"):
        svc.submit_entry(b, 1, "x", "y")
    svc.rejoin(b)
    assert svc.state(b).party(b.party_id or 0).active
    assert svc.delete_session(fac).done
    with pytest.raises(UnknownLink):
        svc.state(b)


def test_the_schema_migrates_from_the_first_revision(tmp_path: Path) -> None:
    """A database made at revision 0001, with a confirmation in it, upgrades in place."""
    from alembic import command
    from sqlalchemy import create_engine

    from assistant.store.migrations import alembic_config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(
            text(
                "INSERT INTO sessions (id, title, stage, round_no, version, created_at) "
                "VALUES (1, 'Old', 'agree', 1, 0, '2026-01-01')"
            )
        )
        conn.execute(
            text("INSERT INTO parties (id, session_id, name, position, token_hash) VALUES (1, 1, 'A', 0, 'h')")
        )
        conn.execute(text("INSERT INTO confirmations (party_id, session_id, confirmed_at) VALUES (1, 1, '2026-01-01')"))
    repo = Repository.from_url(url)
    state = repo.load(1)
    assert state.title == "Old" and state.confirmed == frozenset()  # an unversioned confirmation is asked again
    assert state.mutual_goal_proposal is None and state.delete_consents == frozenset()
