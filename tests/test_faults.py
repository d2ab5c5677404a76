"""Faults in the store: a database locked for a moment, or for too long, on SQLite and PostgreSQL.

A write waits out a brief lock and lands once; a lock that outlasts the retries gives a clear
error and changes nothing; the same write then succeeds once the lock is gone.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assistant.coach import OfflineCoach
from assistant.process.model import Access
from assistant.session import SessionService
from assistant.store import Repository
from assistant.store.repository import StoreUnavailable
from tests.test_store import PG


def _session(repo: Repository, coach: OfflineCoach) -> tuple[SessionService, Access]:
    svc = SessionService(repo, coach)
    links = svc.create_session("Locks", ["A", "B"])
    return svc, svc.resolve(links.party_tokens["A"])


def _hold_sqlite_lock(path: Path, seconds: float, held: threading.Event) -> None:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    conn.execute("BEGIN EXCLUSIVE")
    held.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_sqlite_write_waits_out_a_brief_lock(tmp_path: Path, coach: OfflineCoach) -> None:
    db = tmp_path / "locks.db"
    repo = Repository.from_url(f"sqlite:///{db}", busy_timeout=0.3)
    svc, acc = _session(repo, coach)
    sid = acc.session_id
    held = threading.Event()
    locker = threading.Thread(target=_hold_sqlite_lock, args=(db, 0.6, held))
    locker.start()
    held.wait(5)
    svc.send(acc, "Could we meet on Thursday?", "k1")  # retries until the lock is gone
    locker.join()
    assert [m.text for m in repo.load(sid).messages] == ["Could we meet on Thursday?"]


def test_sqlite_reads_of_notes_and_version_wait_out_a_brief_lock(tmp_path: Path, coach: OfflineCoach) -> None:
    """Every read on SQLite begins like a write, so it too must retry (a busy machine once showed a
    party the raw 'database is locked' error where their notes belong)."""
    db = tmp_path / "locks.db"
    repo = Repository.from_url(f"sqlite:///{db}", busy_timeout=0.1)
    svc, acc = _session(repo, coach)
    svc.save_notes(acc, "mine alone")
    version = repo.version(acc.session_id)
    for read, expected in ((lambda: svc.notes(acc), "mine alone"), (lambda: repo.version(acc.session_id), version)):
        held = threading.Event()
        locker = threading.Thread(target=_hold_sqlite_lock, args=(db, 0.3, held))
        locker.start()
        held.wait(5)
        assert read() == expected  # retried until the lock is gone
        locker.join()
    held = threading.Event()
    locker = threading.Thread(target=_hold_sqlite_lock, args=(db, 6.0, held))
    locker.start()
    held.wait(5)
    with pytest.raises(StoreUnavailable):  # a lock that outlasts the retries: a message, not a crash
        svc.notes(acc)
    locker.join()


def test_sqlite_lock_that_outlasts_the_retries_changes_nothing(tmp_path: Path, coach: OfflineCoach) -> None:
    db = tmp_path / "locks.db"
    repo = Repository.from_url(f"sqlite:///{db}", busy_timeout=0.1)
    svc, acc = _session(repo, coach)
    sid = acc.session_id
    before = repo.load(sid)
    held = threading.Event()
    locker = threading.Thread(target=_hold_sqlite_lock, args=(db, 6.0, held))
    locker.start()
    held.wait(5)
    with pytest.raises(StoreUnavailable, match="nothing was changed"):
        svc.send(acc, "Are you there?", "k2")
    locker.join()
    after = repo.load(sid)
    assert after.messages == before.messages and after.version == before.version
    svc.send(acc, "Are you there?", "k2")  # the same send, retried by the person
    svc.send(acc, "Are you there?", "k2")  # and a double click: stored once
    assert [m.text for m in repo.load(sid).messages] == ["Are you there?"]


@pytest.fixture
def pg_url() -> Iterator[str]:
    if not PG:
        pytest.skip("set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL (.ci/run does)")
    name = "parley_faults_" + uuid.uuid4().hex[:8]
    admin = create_engine(PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    yield PG.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as c:
        c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _hold_pg_lock(url: str, seconds: float, held: threading.Event) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE"))
        held.set()
        time.sleep(seconds)
    engine.dispose()


@pytest.mark.parametrize(("seconds", "lands"), [(0.6, True), (6.0, False)])
def test_postgres_lock_brief_or_too_long(pg_url: str, seconds: float, lands: bool, coach: OfflineCoach) -> None:
    repo = Repository.from_url(pg_url, busy_timeout=0.3 if lands else 0.1)
    svc, acc = _session(repo, coach)
    sid = acc.session_id
    held = threading.Event()
    locker = threading.Thread(target=_hold_pg_lock, args=(pg_url, seconds, held))
    locker.start()
    held.wait(5)
    if lands:
        svc.send(acc, "Shall we pause until Monday?", "p1")
    else:
        with pytest.raises(StoreUnavailable, match="nothing was changed"):
            svc.send(acc, "Shall we pause until Monday?", "p1")
    locker.join()
    texts = [m.text for m in repo.load(sid).messages]
    assert texts == (["Shall we pause until Monday?"] if lands else [])
    repo.engine.dispose()
