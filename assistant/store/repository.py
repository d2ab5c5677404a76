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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, select, update
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import IntegrityError, OperationalError

from assistant.errors import ParleyError
from assistant.process.model import Access, Entry, Message, Party, SessionState, Term
from assistant.process.permissions import agreement_version
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


class AlreadyStored(ParleyError):
    """A row that may exist once was written twice (two tabs at the same moment)."""


@dataclass(frozen=True)
class SessionLinks:
    """The tokens made when a session is created: show each only to its person."""

    session_id: int
    party_tokens: dict[str, str]
    facilitator_token: str | None


__all__ = ["Access", "AlreadyStored", "Repository", "SessionLinks", "StoreUnavailable", "Tx", "UnknownLink"]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _short(text: str | None) -> str:
    """What a consent to a text is recorded against: a digest of exactly that text."""
    return hashlib.sha256((text or "").encode("utf-8", "replace")).hexdigest()[:32]


def consent_subject(text: str | None) -> str:
    return _short(text)


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

    def create_session(self, title: str, names: list[str], facilitator: bool = False) -> SessionLinks:
        """Store a session (title and names already checked) with one unguessable token per person."""
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

        def run() -> Any:
            with self.engine.connect() as conn:
                return conn.execute(select(t.sessions.c.version).where(t.sessions.c.id == session_id)).scalar()

        v = self._retry(run)
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
        confirmations = {
            r.party_id: r.agreement_version or ""
            for r in conn.execute(
                select(t.confirmations.c.party_id, t.confirmations.c.agreement_version).where(
                    t.confirmations.c.session_id == session_id
                )
            )
        }
        consents = list(
            conn.execute(
                select(t.consents.c.party_id, t.consents.c.kind, t.consents.c.subject).where(
                    t.consents.c.session_id == session_id
                )
            )
        )
        proposal = s.mutual_goal_proposal
        state = SessionState(
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
            revisit_on=s.revisit_on,
            has_facilitator=s.facilitator_token_hash is not None,
            version=s.version,
            mutual_goal_proposal=proposal,
            proposal_by=s.mutual_goal_proposed_by,
            goal_accepted=frozenset(r.party_id for r in consents if r.kind == "goal" and r.subject == _short(proposal)),
            ready={r.party_id: r.subject for r in consents if r.kind == "ready"},
            delete_consents=frozenset(r.party_id for r in consents if r.kind == "delete"),
            confirmations=confirmations,
        )
        current = agreement_version(state)
        return replace(state, confirmed=frozenset(p for p, v in confirmations.items() if v == current))

    # ---- private material -----------------------------------------------------------

    def private_notes(self, party_id: int) -> str:
        """A party's own notes. Retried like every read: on SQLite a read waits behind a write's lock."""

        def run() -> str:
            with self.engine.connect() as conn:
                v = conn.execute(select(t.parties.c.private_notes).where(t.parties.c.id == party_id)).scalar()
            return str(v or "")

        return self._retry(run)

    # ---- writes: one locked transaction each -------------------------------------------

    def atomic(self, session_id: int, fn: Callable[[Tx], T]) -> T:
        """Run ``fn`` in one transaction holding the session's row lock, retried on lock timeouts.

        ``fn`` gets the state as loaded under the lock and the writes it may make; whatever it
        raises rolls everything back.
        """

        def run() -> T:
            with self._write(session_id) as conn:
                return fn(Tx(self, conn, session_id))

        return self._retry(run)

    # ---- prepare-alone plans ----------------------------------------------------------

    def create_plan(self, token: str) -> None:
        def run() -> None:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(t.plans).values(token_hash=hash_token(token), data="{}", updated_at=now(), deleted=False)
                )

        self._retry(run)

    def save_plan(self, token: str, data: dict[str, Any]) -> bool:
        """Save an existing plan; False when no plan has that key."""
        digest = hash_token(token)
        body = json.dumps(data, ensure_ascii=False)

        def run() -> bool:
            with self.engine.begin() as conn:
                return bool(
                    conn.execute(
                        update(t.plans).where(t.plans.c.token_hash == digest).values(data=body, updated_at=now())
                    ).rowcount
                )

        return self._retry(run)

    def load_plan(self, token: str) -> dict[str, Any] | None:
        """The plan saved under this key, or None when there is none."""

        def run() -> dict[str, Any] | None:
            with self.engine.connect() as conn:
                v = conn.execute(select(t.plans.c.data).where(t.plans.c.token_hash == hash_token(token))).scalar()
            return None if v is None else dict(json.loads(v))

        return self._retry(run)

    def delete_plan(self, token: str) -> bool:
        def run() -> bool:
            with self.engine.begin() as conn:
                return bool(conn.execute(delete(t.plans).where(t.plans.c.token_hash == hash_token(token))).rowcount)

        return self._retry(run)


class Tx:
    """The writes one locked transaction may make. It persists; it decides nothing."""

    def __init__(self, repo: Repository, conn: Connection, session_id: int) -> None:
        self._repo = repo
        self.conn = conn
        self.session_id = session_id
        self.state = repo._load(conn, session_id)

    def reload(self) -> SessionState:
        self.state = self._repo._load(self.conn, self.session_id)
        return self.state

    def set_session(self, **values: Any) -> None:
        """Columns of the session row: stage, round_no, mutual_goal, mutual_goal_proposal, ..."""
        self.conn.execute(update(t.sessions).where(t.sessions.c.id == self.session_id).values(**values))

    def set_party(self, party_id: int, **values: Any) -> None:
        self.conn.execute(
            update(t.parties)
            .where(t.parties.c.id == party_id, t.parties.c.session_id == self.session_id)
            .values(**values)
        )

    def put_goal(self, party_id: int, text: str) -> None:
        self.conn.execute(delete(t.goals).where(t.goals.c.party_id == party_id))
        self.conn.execute(insert(t.goals).values(party_id=party_id, session_id=self.session_id, text=text))

    def put_consent(self, party_id: int, kind: str, subject: str) -> None:
        self.conn.execute(delete(t.consents).where(t.consents.c.party_id == party_id, t.consents.c.kind == kind))
        self.conn.execute(
            insert(t.consents).values(
                session_id=self.session_id, party_id=party_id, kind=kind, subject=subject, created_at=now()
            )
        )

    def drop_consents(self, kind: str, party_id: int | None = None) -> None:
        q = delete(t.consents).where(t.consents.c.session_id == self.session_id, t.consents.c.kind == kind)
        if party_id is not None:
            q = q.where(t.consents.c.party_id == party_id)
        self.conn.execute(q)

    def put_entry(self, party_id: int, round_no: int, ask: str, offer: str, non_negotiable: str | None) -> None:
        try:
            self.conn.execute(
                insert(t.entries).values(
                    session_id=self.session_id,
                    party_id=party_id,
                    round_no=round_no,
                    ask=ask,
                    offer=offer,
                    non_negotiable=non_negotiable,
                    submitted_at=now(),
                )
            )
        except IntegrityError as exc:
            raise AlreadyStored("That was already saved; reload the page to see it.") from exc

    def put_reveal(self, round_no: int) -> None:
        self.conn.execute(insert(t.reveals).values(session_id=self.session_id, round_no=round_no, revealed_at=now()))

    def find_message(self, client_key: str) -> int | None:
        v = self.conn.execute(
            select(t.messages.c.id).where(
                t.messages.c.session_id == self.session_id, t.messages.c.client_key == client_key
            )
        ).scalar()
        return None if v is None else int(v)

    def put_message(
        self,
        party_id: int | None,
        text: str,
        level: str,
        score: float,
        kind: str = "message",
        client_key: str | None = None,
    ) -> int:
        return int(
            self.conn.execute(
                insert(t.messages).values(
                    session_id=self.session_id,
                    party_id=party_id,
                    kind=kind,
                    text=text,
                    level=level,
                    score=score,
                    client_key=client_key,
                    created_at=now(),
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )

    def put_term(self, party_id: int, text: str, by_when: str) -> None:
        self.conn.execute(
            insert(t.terms).values(session_id=self.session_id, party_id=party_id, text=text, by_when=by_when)
        )

    def drop_term(self, party_id: int, term_id: int) -> bool:
        return bool(
            self.conn.execute(
                delete(t.terms).where(
                    t.terms.c.id == term_id, t.terms.c.party_id == party_id, t.terms.c.session_id == self.session_id
                )
            ).rowcount
        )

    def drop_confirmations(self) -> None:
        self.conn.execute(delete(t.confirmations).where(t.confirmations.c.session_id == self.session_id))

    def put_confirmation(self, party_id: int, version: str) -> None:
        self.conn.execute(
            insert(t.confirmations).values(
                party_id=party_id, session_id=self.session_id, confirmed_at=now(), agreement_version=version
            )
        )

    def delete_session(self) -> None:
        """Remove the session and everything in it."""
        sid = self.session_id
        for table in (t.consents, t.confirmations, t.terms, t.messages, t.reveals, t.entries, t.goals):
            self.conn.execute(delete(table).where(table.c.session_id == sid))
        self.conn.execute(delete(t.parties).where(t.parties.c.session_id == sid))
        self.conn.execute(delete(t.sessions).where(t.sessions.c.id == sid))
