"""Beyond one machine: the card index on a Chroma server, and two app processes sharing one database."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.retrieval.embedding import MiniLMEmbedder
from assistant.retrieval.index import CardIndex
from assistant.session import SessionService
from assistant.store import Repository
from tests.e2e.test_session_in_browser import CHROMIUM, FLAGS, WAIT
from tests.processes import stop

CHROMA = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes], log: Path, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"{url} did not come up:\n{log.read_text()}")


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[int]:
    if not Path(CHROMA).exists():
        pytest.skip("the chroma command is not installed")
    port = _port()
    log = tmp_path / "chroma.log"
    proc = subprocess.Popen(
        [CHROMA, "run", "--path", str(tmp_path / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    _wait(f"http://127.0.0.1:{port}/api/v2/heartbeat", proc, log)
    yield port
    stop(proc)


def test_card_index_on_a_chroma_server(chroma_server: int, tmp_path: Path, embedder: MiniLMEmbedder) -> None:
    s = Settings.from_env(
        {"PARLEY_DATA_DIR": str(tmp_path), "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(chroma_server)}
    )
    index = CardIndex.open(s, embedder)
    hits = index.search("she said the talks are over and left", k=5)
    assert hits and {"face-saving-return", "assess-walkout", "leave-door-open"} & {h.slug for h in hits}
    again = CardIndex.open(s, embedder)
    assert again.ensure() is False  # the server already has this content hash
    assert not (tmp_path / "chroma").exists()  # nothing was written locally


def _app(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PROJECT_ROOT / "assistant" / "ui" / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_two_app_processes_share_one_session(tmp_path: Path, session_data_dir: Path) -> None:
    """Party A on one app process, party B on another; each sees the other's message."""
    from playwright.sync_api import expect, sync_playwright

    url = os.environ.get("PARLEY_TEST_POSTGRES_URL")
    if url:
        import uuid

        from sqlalchemy import create_engine, text

        name = "parley_two_" + uuid.uuid4().hex[:8]
        with create_engine(url, isolation_level="AUTOCOMMIT").connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        db = url.rsplit("/", 1)[0] + "/" + name
    else:
        db = f"sqlite:///{tmp_path / 'shared.db'}"
    svc = SessionService(Repository.from_url(db))
    links = svc.create_session("Two replicas", ["A", "B"], facilitator=True)
    fac = svc.resolve(links.facilitator_token)
    people = {n: svc.resolve(t) for n, t in links.party_tokens.items()}
    for n, acc in people.items():
        svc.set_goal(acc, f"goal {n}")
    svc.propose_mutual_goal(fac, "progress")
    svc.move_on(fac, "ask_offer", "goals")
    for acc in people.values():
        svc.submit_entry(acc, 1, "ask", "offer")
    svc.move_on(fac, "discuss", "ask_offer")
    env = {**os.environ, "DATABASE_URL": db, "PARLEY_DATA_DIR": str(session_data_dir)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    ports = [_port(), _port()]
    procs = [_app(p, env, tmp_path / f"app{p}.log") for p in ports]
    try:
        for p, proc in zip(ports, procs, strict=True):
            _wait(f"http://127.0.0.1:{p}/_stcore/health", proc, tmp_path / f"app{p}.log")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            contexts = [browser.new_context(), browser.new_context()]
            for ctx in contexts:  # one generous outer limit: the test waits on what the page shows, not a budget
                ctx.set_default_timeout(WAIT)
            a, b = (ctx.new_page() for ctx in contexts)
            a.goto(f"http://127.0.0.1:{ports[0]}/?t={links.party_tokens['A']}", wait_until="commit")
            b.goto(f"http://127.0.0.1:{ports[1]}/?t={links.party_tokens['B']}", wait_until="commit")
            for page, text in ((a, "Hello from the first replica"), (b, "And hello from the second")):
                box = page.get_by_label("Your message", exact=True)
                box.wait_for()
                box.fill(text)
                page.get_by_role("button", name="Send", exact=True).click()
            expect(b.get_by_text("Hello from the first replica").first).to_be_visible(timeout=WAIT)
            expect(a.get_by_text("And hello from the second").first).to_be_visible(timeout=WAIT)
            browser.close()
    finally:
        for proc in procs:
            stop(proc)
