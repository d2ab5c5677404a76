"""The app process killed in the middle of a stage and started again: nothing lost, nothing doubled.

Party A seals an ask and offer in a real browser, the server is killed with SIGKILL, a new one
starts on the same port and database, and A's tab (reloaded) is exactly where it was.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from assistant.config import PROJECT_ROOT
from assistant.session import SessionService
from assistant.store import Repository
from tests.e2e.test_session_in_browser import (
    CHROMIUM,
    FLAGS,
    WAIT,
    _click,
    _context,
    _fill,
    _free_port,
    _see,
    pytestmark,
)

__all__ = ["pytestmark"]


def _start(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "app", "--port", str(port), "--host", "127.0.0.1"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 300  # a generous outer limit: it returns as soon as the server answers
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
    proc.kill()
    raise RuntimeError("the app did not start in time:\n" + log.read_text())


def test_app_killed_mid_stage_resumes_where_it_was(tmp_path: Path, session_data_dir: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    db = f"sqlite:///{tmp_path / 'restart.db'}"
    svc = SessionService(Repository.from_url(db))
    repo = svc.repo
    links = svc.create_session("Restart", ["A", "B"], facilitator=True)
    sid = links.session_id
    fac = svc.resolve(links.facilitator_token)
    acc_a, acc_b = (svc.resolve(links.party_tokens[n]) for n in ("A", "B"))
    a_id = acc_a.party_id
    svc.set_goal(acc_a, "a calmer week")
    svc.set_goal(acc_b, "fewer late calls")
    svc.propose_mutual_goal(fac, "a week that works for both")
    svc.move_on(fac, "ask_offer", "goals")

    env = {**os.environ, "DATABASE_URL": db, "PARLEY_DATA_DIR": str(session_data_dir)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    port = _free_port()
    log = tmp_path / "app.log"
    proc = _start(port, env, log)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            a = _context(browser).new_page()
            a.goto(f"http://127.0.0.1:{port}/?t={links.party_tokens['A']}", wait_until="commit")
            _see(a, "My one ask")  # the first visit loads the coach (it may take minutes)
            _fill(a, "My one ask", "Could you stop calling after nine?")
            _fill(a, "My one offer", "I'll answer messages by lunchtime.")
            _click(a, "Seal my ask and offer")
            _see(a, "Your ask and offer are sealed")
            assert repo.load(sid).submitted(1) == {a_id}

            os.kill(proc.pid, signal.SIGKILL)  # no goodbye: the process just dies
            proc.wait(10)
            proc = _start(port, env, log)

            a.reload()
            _see(a, "calling after nine")  # A's own sealed entry is still there, still A's alone
            expect(a.get_by_label("My one ask", exact=True)).to_have_count(0, timeout=WAIT)
            svc.submit_entry(acc_b, 1, "Could you reply by lunchtime?", "I'll stop calling after nine.")
            _see(a, "reply by lunchtime")  # revealed on A's tab without a reload
            browser.close()
    finally:
        proc.kill()
    state = repo.load(sid)
    assert len([e for e in state.entries if e.party_id == a_id]) == 1  # nothing doubled
    assert state.revealed_rounds == {1} or 1 in state.revealed_rounds
