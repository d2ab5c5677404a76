"""The repository: every read and write of a session, each write one transaction.

Writes lock the session's row first (SELECT ... FOR UPDATE on PostgreSQL, BEGIN IMMEDIATE on
SQLite), so two parties submitting at the same moment both count and a round is revealed once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, select, update
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import IntegrityError, OperationalError

from assistant.errors import ParleyError
from assistant.process import rules
from assistant.process.model import Entry, Message, Party, SessionState, Term
from assistant.store import tables as t
from assistant.store.files import private_sqlite_file

log = logging.getLogger(__name__)
T = TypeVar("T")
TOKEN_BYTES = 32  # 256 bits


class StoreUnavailable(ParleyError):
    """The database could not be reached or stayed locked."""


class StoreCorrupt(ParleyError):
    """The database file is damaged: SQLite cannot read it."""


class UnknownLink(ParleyError):
    """A token that matches no session."""


@dataclass(frozen=True)
class SessionLinks:
    """The tokens made when a session is created: show each only to its person."""

    session_id: int
    party_tokens: dict[str, str]
    facilitator_token: str | None


@dataclass(frozen=True)
class Access:
    """Who a token belongs to."""

    session_id: int
    party_id: int | None  # None: the facilitator
    role: str  # "party" | "facilitator"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def sqlite_path(url: str) -> Path | None:
    """The database file a SQLite URL names (None for memory databases and other engines)."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(name) if name and name != ":memory:" else None


def corrupt_message(path: Path | None) -> str:
    where = str(path) if path else "The database"
    return (
        f"The database file {where} is damaged and cannot be read. Stop Parley, move it aside "
        f"(rename it, with any -wal and -shm file next to it), then restore your latest backup to that "
        "place, or start Parley again to begin with an empty database."
    )


def _is_corrupt(exc: BaseException) -> bool:
    text = str(exc).lower()
    return isinstance(exc, sqlite3.DatabaseError) and (
        "file is not a database" in text or "malformed" in text or "file is encrypted" in text
    )


# statements after which the freed pages must not linger in the WAL: a session or a worksheet deleted
_FORGET = re.compile(r"^\s*DELETE\s+FROM\s+\"?(sessions|plans)\b", re.IGNORECASE)


def make_engine(url: str, busy_timeout: float = 3.0) -> Engine:
    """An engine for SQLite (file, WAL, immediate write locks) or PostgreSQL.

    ``busy_timeout`` is how long one attempt waits for a lock; with the repository's retries a
    write gives up with a clear message after roughly five times that, never half-applied.

    On SQLite, deleted content is overwritten (secure_delete) and, once a session or worksheet is
    deleted, the WAL is checkpointed and truncated, so what was deleted cannot be read back from
    either file. A damaged file raises StoreCorrupt naming it; the traceback goes to the log only.
    """
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        engine = create_engine(url, connect_args={"timeout": busy_timeout, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA secure_delete=ON")
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            except sqlite3.DatabaseError as exc:
                if _is_corrupt(exc):  # whoever catches it logs the chain; people see the message
                    raise StoreCorrupt(corrupt_message(path)) from exc
                raise
            finally:
                cur.close()

        @event.listens_for(engine, "handle_error")
        def _on_error(ctx: ExceptionContext) -> BaseException | None:
            if _is_corrupt(ctx.original_exception):
                return StoreCorrupt(corrupt_message(path))
            return None

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        @event.listens_for(engine, "after_cursor_execute")
        def _after(conn: Connection, _cur: Any, statement: str, *_args: Any) -> None:
            if _FORGET.match(statement):
                conn.info["parley_checkpoint"] = True

        @event.listens_for(engine, "checkin")
        def _on_checkin(dbapi_conn: Any, record: Any) -> None:
            # after the delete is committed and the connection is back in the pool
            if dbapi_conn is None or not record.info.pop("parley_checkpoint", False):
                return
            try:
                busy, _log, _done = dbapi_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                log.warning("could not checkpoint the WAL after a delete (%s); it will be on the next one", exc)
                return
            if busy:
                log.warning("the WAL checkpoint after a delete was blocked by a reader; it will be on the next one")

        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        connect_args={
            "connect_timeout": max(1, int(busy_timeout)),
            "options": f"-c lock_timeout={int(busy_timeout * 1000)}",
        },
    )


class Repository:
    """Sessions, parties, entries, messages and agreements in SQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str, create: bool = True, busy_timeout: float = 3.0) -> Repository:
        path = sqlite_path(url)
        if path is not None:
            private_sqlite_file(path)
        repo = cls(make_engine(url, busy_timeout))
        if create:
            repo.migrate()
        return repo

    def migrate(self) -> None:
        """Bring the schema up to date."""
        from assistant.store.migrations import upgrade

        self._retry(lambda: upgrade(self.engine))

    # ---- plumbing -------------------------------------------------------------------

    def _retry(self, fn: Callable[[], T], attempts: int = 5) -> T:
        delay = 0.05
        for attempt in range(attempts):
            try:
                return fn()
            except OperationalError as exc:
                if attempt == attempts - 1:
                    log.error("database unavailable: %s", exc)
                    raise StoreUnavailable(
                        "The database is busy or unreachable; nothing was changed. Try again in a moment."
                    ) from exc
                time.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    @contextmanager
    def _write(self, session_id: int) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            row = conn.execute(select(t.sessions.c.id).where(t.sessions.c.id == session_id).with_for_update()).first()
            if row is None:
                raise UnknownLink("That session no longer exists. Ask for a new link.")
            yield conn
            conn.execute(
                update(t.sessions).where(t.sessions.c.id == session_id).values(version=t.sessions.c.version + 1)
            )

    def _do(self, session_id: int, fn: Callable[[Connection, SessionState], T]) -> T:
        def run() -> T:
            with self._write(session_id) as conn:
                state = self._load(conn, session_id)
                return fn(conn, state)

        return self._retry(run)

    # ---- sessions and links ---------------------------------------------------------

    def create_session(self, title: str, party_names: list[str], facilitator: bool = False) -> SessionLinks:
        """Create a session and one unguessable invite token per party (and the facilitator)."""
        title = (title or "").replace("\x00", "").strip()
        names = [n.replace("\x00", "").strip() for n in party_names if n and n.strip()]
        if not title:
            raise rules.ProcessError("Give the session a title.")
        if len(title) > 200:
            raise rules.ProcessError("Keep the title under 200 characters.")
        if len(names) < 2:
            raise rules.ProcessError("A shared session needs at least two parties.")
        if len({n.lower() for n in names}) != len(names):
            raise rules.ProcessError("Each party needs a different name.")
        if any(len(n) > 80 for n in names):
            raise rules.ProcessError("Keep each name under 80 characters.")
        tokens = {n: secrets.token_urlsafe(TOKEN_BYTES) for n in names}
        fac = secrets.token_urlsafe(TOKEN_BYTES) if facilitator else None

        def run() -> int:
            with self.engine.begin() as conn:
                sid = conn.execute(
                    insert(t.sessions).values(
                        title=title,
                        stage="goals",
                        round_no=1,
                        version=0,
                        created_at=now(),
                        facilitator_token_hash=hash_token(fac) if fac else None,
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
                for i, name in enumerate(names):
                    conn.execute(
                        insert(t.parties).values(
                            session_id=sid, name=name, position=i, token_hash=hash_token(tokens[name])
                        )
                    )
                return int(sid)

        return SessionLinks(self._retry(run), tokens, fac)

    def resolve(self, token: str | None) -> Access:
        """Who holds this token; the same error for every bad token, so none can be probed."""
        bad = UnknownLink("This link is not valid. Check you copied all of it, or ask for a new one.")
        if not token or not isinstance(token, str) or len(token) > 200:
            raise bad
        digest = hash_token(token)

        def run() -> Access:
            with self.engine.connect() as conn:
                p = conn.execute(
                    select(t.parties.c.id, t.parties.c.session_id, t.parties.c.token_hash).where(
                        t.parties.c.token_hash == digest
                    )
                ).first()
                if p is not None and hmac.compare_digest(p.token_hash, digest):
                    return Access(p.session_id, p.id, "party")
                s = conn.execute(
                    select(t.sessions.c.id, t.sessions.c.facilitator_token_hash).where(
                        t.sessions.c.facilitator_token_hash == digest
                    )
                ).first()
                if s is not None and hmac.compare_digest(s.facilitator_token_hash, digest):
                    return Access(s.id, None, "facilitator")
                raise bad

        return self._retry(run)

    def load(self, session_id: int) -> SessionState:
        def run() -> SessionState:
            with self.engine.connect() as conn:
                return self._load(conn, session_id)

        return self._retry(run)

    def version(self, session_id: int) -> int:
        """A number that changes on every write: cheap polling for live updates."""
        with self.engine.connect() as conn:
            v = conn.execute(select(t.sessions.c.version).where(t.sessions.c.id == session_id)).scalar()
        if v is None:
            raise UnknownLink("That session no longer exists.")
        return int(v)

    def _load(self, conn: Connection, session_id: int) -> SessionState:
        s = conn.execute(select(t.sessions).where(t.sessions.c.id == session_id)).first()
        if s is None:
            raise UnknownLink("That session no longer exists. Ask for a new link.")
        parties = tuple(
            Party(r.id, r.name, r.position, _aware(r.joined_at), _aware(r.left_at))
            for r in conn.execute(
                select(t.parties).where(t.parties.c.session_id == session_id).order_by(t.parties.c.position)
            )
        )
        goals = {r.party_id: r.text for r in conn.execute(select(t.goals).where(t.goals.c.session_id == session_id))}
        entries = tuple(
            Entry(r.party_id, r.round_no, r.ask, r.offer, r.non_negotiable, _aware(r.submitted_at) or now())
            for r in conn.execute(
                select(t.entries).where(t.entries.c.session_id == session_id).order_by(t.entries.c.id)
            )
        )
        revealed = frozenset(
            r.round_no for r in conn.execute(select(t.reveals.c.round_no).where(t.reveals.c.session_id == session_id))
        )
        messages = tuple(
            Message(r.id, r.party_id, r.text, r.level, r.score, _aware(r.created_at) or now(), r.kind)
            for r in conn.execute(
                select(t.messages).where(t.messages.c.session_id == session_id).order_by(t.messages.c.id)
            )
        )
        terms = tuple(
            Term(r.id, r.party_id, r.text, r.by_when)
            for r in conn.execute(select(t.terms).where(t.terms.c.session_id == session_id).order_by(t.terms.c.id))
        )
        confirmed = frozenset(
            r.party_id
            for r in conn.execute(select(t.confirmations.c.party_id).where(t.confirmations.c.session_id == session_id))
        )
        return SessionState(
            id=s.id,
            title=s.title,
            stage=s.stage,
            round_no=s.round_no,
            mutual_goal=s.mutual_goal,
            parties=parties,
            goals=goals,
            entries=entries,
            revealed_rounds=revealed,
            messages=messages,
            terms=terms,
            confirmed=confirmed,
            revisit_on=s.revisit_on,
            has_facilitator=s.facilitator_token_hash is not None,
            version=s.version,
        )

    # ---- private material -----------------------------------------------------------

    def private_notes(self, party_id: int) -> str:
        with self.engine.connect() as conn:
            v = conn.execute(select(t.parties.c.private_notes).where(t.parties.c.id == party_id)).scalar()
        return str(v or "")

    def save_private_notes(self, session_id: int, party_id: int, notes: str) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            state.party(party_id)
            conn.execute(
                update(t.parties)
                .where(t.parties.c.id == party_id)
                .values(private_notes=(notes or "").replace("\x00", "")[:20_000])
            )

        self._do(session_id, fn)

    # ---- the flow -------------------------------------------------------------------

    def join(self, session_id: int, party_id: int) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            if state.party(party_id).joined_at is None:
                conn.execute(update(t.parties).where(t.parties.c.id == party_id).values(joined_at=now()))

        self._do(session_id, fn)

    def leave(self, session_id: int, party_id: int, note: str = "") -> None:
        """A walkout: the party leaves; the others see it."""

        def fn(conn: Connection, state: SessionState) -> None:
            party = state.party(party_id)
            if not party.active:
                return
            conn.execute(update(t.parties).where(t.parties.c.id == party_id).values(left_at=now()))
            text = f"{party.name} left the session." + (f" {note.strip()[:500]}" if note.strip() else "")
            conn.execute(
                insert(t.messages).values(
                    session_id=session_id,
                    party_id=party_id,
                    kind="walkout",
                    text=text,
                    level="ultimatum",
                    score=1.0,
                    created_at=now(),
                )
            )

        self._do(session_id, fn)

    def rejoin(self, session_id: int, party_id: int) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            party = state.party(party_id)
            if party.active:
                return
            conn.execute(update(t.parties).where(t.parties.c.id == party_id).values(left_at=None))
            conn.execute(
                insert(t.messages).values(
                    session_id=session_id,
                    party_id=party_id,
                    kind="return",
                    text=f"{party.name} came back to the session.",
                    level="open",
                    score=0.0,
                    created_at=now(),
                )
            )

        self._do(session_id, fn)

    def set_goal(self, session_id: int, party_id: int, goal: str) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            text = rules.check_goal(state, party_id, goal)
            conn.execute(delete(t.goals).where(t.goals.c.party_id == party_id))
            conn.execute(insert(t.goals).values(party_id=party_id, session_id=session_id, text=text))

        self._do(session_id, fn)

    def set_mutual_goal(self, session_id: int, goal: str) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            text = rules.check_mutual_goal(state, goal)
            conn.execute(update(t.sessions).where(t.sessions.c.id == session_id).values(mutual_goal=text))

        self._do(session_id, fn)

    def submit_entry(
        self, session_id: int, party_id: int, round_no: int, ask: str, offer: str, non_negotiable: str | None = None
    ) -> bool:
        """Seal one party's ask and offer; returns True if this submission revealed the round."""

        def fn(conn: Connection, state: SessionState) -> bool:
            a, o, nn = rules.check_entry(state, party_id, round_no, ask, offer, non_negotiable)
            try:
                conn.execute(
                    insert(t.entries).values(
                        session_id=session_id,
                        party_id=party_id,
                        round_no=round_no,
                        ask=a,
                        offer=o,
                        non_negotiable=nn,
                        submitted_at=now(),
                    )
                )
            except IntegrityError as exc:
                raise rules.ProcessError("You have already submitted your ask and offer for this round.") from exc
            after = self._load(conn, session_id)
            if rules.should_reveal(after, round_no):
                conn.execute(insert(t.reveals).values(session_id=session_id, round_no=round_no, revealed_at=now()))
                return True
            return False

        return self._do(session_id, fn)

    def add_message(
        self,
        session_id: int,
        party_id: int | None,
        text: str,
        level: str = "open",
        score: float = 0.0,
        client_key: str | None = None,
    ) -> int:
        """Add a discussion message; a repeated client_key (a double click, a retry) is stored once."""

        def fn(conn: Connection, state: SessionState) -> int:
            body = rules.check_message(state, party_id, text)
            if client_key:
                existing = conn.execute(
                    select(t.messages.c.id).where(
                        t.messages.c.session_id == session_id, t.messages.c.client_key == client_key
                    )
                ).scalar()
                if existing is not None:
                    return int(existing)
            return int(
                conn.execute(
                    insert(t.messages).values(
                        session_id=session_id,
                        party_id=party_id,
                        text=body,
                        level=level,
                        score=score,
                        client_key=client_key,
                        created_at=now(),
                    )
                ).inserted_primary_key[0]  # type: ignore[index]
            )

        return self._do(session_id, fn)

    def advance(self, session_id: int, to_stage: str, expected_stage: str) -> None:
        """Move to the next stage (or open another round) if the session is still where the caller saw it."""

        def fn(conn: Connection, state: SessionState) -> None:
            if state.stage != expected_stage:
                raise rules.ProcessError("Someone else already moved the session on. Reload to see where it is.")
            rules.check_advance(state, to_stage)
            values: dict[str, Any] = {"stage": to_stage}
            if to_stage == "ask_offer" and state.stage == "discuss":
                values["round_no"] = state.round_no + 1
            conn.execute(
                update(t.sessions)
                .where(t.sessions.c.id == session_id, t.sessions.c.stage == expected_stage)
                .values(**values)
            )

        self._do(session_id, fn)

    def add_term(self, session_id: int, party_id: int, text: str, by_when: str) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            body, when = rules.check_term(state, party_id, text, by_when)
            conn.execute(insert(t.terms).values(session_id=session_id, party_id=party_id, text=body, by_when=when))
            conn.execute(delete(t.confirmations).where(t.confirmations.c.session_id == session_id))

        self._do(session_id, fn)

    def remove_term(self, session_id: int, party_id: int, term_id: int) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            rules._stage(state, "agree", "change the terms")
            conn.execute(
                delete(t.terms).where(
                    t.terms.c.id == term_id, t.terms.c.party_id == party_id, t.terms.c.session_id == session_id
                )
            )
            conn.execute(delete(t.confirmations).where(t.confirmations.c.session_id == session_id))

        self._do(session_id, fn)

    def set_revisit(self, session_id: int, when: date) -> None:
        def fn(conn: Connection, state: SessionState) -> None:
            rules._stage(state, "agree", "set the revisit date")
            conn.execute(update(t.sessions).where(t.sessions.c.id == session_id).values(revisit_on=when))
            conn.execute(delete(t.confirmations).where(t.confirmations.c.session_id == session_id))

        self._do(session_id, fn)

    def confirm(self, session_id: int, party_id: int) -> bool:
        """A party confirms the agreement; returns True when this closed it (all confirmed)."""

        def fn(conn: Connection, state: SessionState) -> bool:
            rules.check_confirm(state, party_id)
            conn.execute(insert(t.confirmations).values(party_id=party_id, session_id=session_id, confirmed_at=now()))
            after = self._load(conn, session_id)
            if all(p.id in after.confirmed for p in after.active_parties):
                conn.execute(update(t.sessions).where(t.sessions.c.id == session_id).values(stage="closed"))
                return True
            return False

        return self._do(session_id, fn)

    def delete_session(self, session_id: int) -> None:
        """Remove a session and everything in it."""

        def run() -> None:
            with self.engine.begin() as conn:
                for table in (t.confirmations, t.terms, t.messages, t.reveals, t.entries, t.goals):
                    conn.execute(delete(table).where(table.c.session_id == session_id))
                conn.execute(delete(t.parties).where(t.parties.c.session_id == session_id))
                conn.execute(delete(t.sessions).where(t.sessions.c.id == session_id))

        self._retry(run)

    # ---- prepare-alone plans ----------------------------------------------------------

    def save_plan(self, token: str, data: dict[str, Any]) -> None:
        digest = hash_token(token)
        body = json.dumps(data, ensure_ascii=False)

        def run() -> None:
            with self.engine.begin() as conn:
                updated = conn.execute(
                    update(t.plans).where(t.plans.c.token_hash == digest).values(data=body, updated_at=now())
                ).rowcount
                if not updated:
                    conn.execute(insert(t.plans).values(token_hash=digest, data=body, updated_at=now(), deleted=False))

        self._retry(run)

    def load_plan(self, token: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            v = conn.execute(select(t.plans.c.data).where(t.plans.c.token_hash == hash_token(token))).scalar()
        return dict(json.loads(v)) if v else {}
