"""Load run: concurrent sessions of two parties, each party sending messages through the same code
path the pages use (drift check, store write, reveal), against SQLite and PostgreSQL.

Reports messages per second, p50/p95 latency from send to visible to the other party, and
counts of lost and duplicated messages (which must be zero).
"""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from assistant.coach import OfflineCoach
from assistant.process import ProcessError
from assistant.process.model import Access
from assistant.process.permissions import ready_for
from assistant.session import SessionService
from assistant.store import Repository


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def run_load(url: str, coach: OfflineCoach, sessions: int = 25, messages: int = 40) -> dict[str, Any]:
    repo = Repository.from_url(url)
    svc = SessionService(repo, coach)
    sent_at: dict[str, float] = {}
    seen_at: dict[str, float] = {}
    lock = threading.Lock()
    errors: list[str] = []
    setups = []
    for i in range(sessions):
        links = svc.create_session(f"load {i}", ["A", "B"])
        setups.append((links.session_id, [svc.resolve(t) for t in links.party_tokens.values()]))
    texts = [
        "Could we try alternating weekends for a month?",
        "I need an answer by Thursday because the venue needs numbers.",
        "Sign it by Friday or I'm keeping the deposit.",
        "What matters most to you about the holidays?",
    ]
    stop = threading.Event()

    def party(access: Access) -> None:
        pid = access.party_id or 0
        try:
            svc.set_goal(access, f"goal of {pid}")
            while (st := svc.state(access)).stage == "goals":
                with contextlib.suppress(ProcessError):  # the other party got there first
                    if len(st.goals) == 2 and not st.mutual_goal and not st.mutual_goal_proposal:
                        svc.propose_mutual_goal(access, "make progress")
                    elif st.mutual_goal_proposal and pid not in st.goal_accepted:
                        svc.accept_mutual_goal(access, st.mutual_goal_proposal)
                    elif st.mutual_goal and pid not in ready_for(st, "ask_offer"):
                        svc.move_on(access, "ask_offer", "goals")
                time.sleep(0.01)
            svc.submit_entry(access, 1, f"ask {pid}", f"offer {pid}")
            while 1 not in svc.state(access).revealed_rounds:
                time.sleep(0.01)
            for n in range(messages):
                text = texts[(pid + n) % len(texts)] + f" #{n}"
                key = uuid.uuid4().hex
                with lock:
                    sent_at[key] = time.perf_counter()
                svc.send(access, text, key)  # the service checks drift and stores the level
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    def watcher(sid: int) -> None:
        from sqlalchemy import select

        from assistant.store import tables as t

        while not stop.is_set():
            with repo.engine.connect() as conn:
                rows = conn.execute(select(t.messages.c.client_key).where(t.messages.c.session_id == sid)).all()
            now = time.perf_counter()
            with lock:
                for (key,) in rows:
                    if key and key not in seen_at:
                        seen_at[key] = now
            time.sleep(0.05)

    watchers = [threading.Thread(target=watcher, args=(sid,)) for sid, _ in setups]
    parties = [threading.Thread(target=party, args=(acc,)) for _sid, accs in setups for acc in accs]
    for w in watchers:
        w.start()
    started = time.perf_counter()
    for p in parties:
        p.start()
    for p in parties:
        p.join()
    elapsed = time.perf_counter() - started
    time.sleep(0.3)
    stop.set()
    for w in watchers:
        w.join()
    from sqlalchemy import func, select

    from assistant.store import tables as t

    with repo.engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(t.messages)).scalar() or 0
        distinct = conn.execute(select(func.count(func.distinct(t.messages.c.client_key)))).scalar() or 0
        reveals = conn.execute(select(func.count()).select_from(t.reveals)).scalar() or 0
    latencies = [(seen_at[k] - sent_at[k]) * 1000 for k in sent_at if k in seen_at]
    repo.engine.dispose()
    return {
        "sessions": sessions,
        "parties": 2 * sessions,
        "messages_sent": len(sent_at),
        "messages_per_s": round(len(sent_at) / elapsed, 1),
        "visible_ms_p50": round(statistics.median(latencies), 1) if latencies else None,
        "visible_ms_p95": round(_pct(latencies, 0.95), 1),
        "lost": len(sent_at) - len([k for k in sent_at if k in seen_at]),
        "duplicated": stored - distinct,
        "reveals": reveals,
        "errors": errors[:5],
    }


def sqlite_url() -> str:
    return f"sqlite:///{Path(tempfile.mkdtemp(prefix='parley-load-')) / 'load.db'}"
