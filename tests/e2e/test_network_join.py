"""Joining from another device, and nothing fetched from elsewhere: the app served beyond localhost.

`parley app --host 0.0.0.0` prints the local and the network address; a session created from
localhost hands out invite links on the network address; two browser contexts join through it and
see each other's goals. Every page, loaded in the real browser, requests nothing from any host but
the one it was opened on (the favicon included). Only addresses of this machine are contacted.
"""

from __future__ import annotations

import ipaddress
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from assistant.config import PROJECT_ROOT
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


def _own_network_address() -> str | None:
    """A non-loopback IPv4 address of one of this machine's own interfaces, from `hostname -I`."""
    try:
        out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for word in out.split():
        try:
            ip = ipaddress.ip_address(word)
        except ValueError:
            continue
        if ip.version == 4 and not ip.is_loopback and not ip.is_link_local:
            return word
    return None


class App:
    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log

    @property
    def output(self) -> str:
        return self.log.read_text()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, session_data_dir: Path) -> Iterator[App]:
    data = tmp_path_factory.mktemp("net")
    port = _free_port()
    env = {**os.environ, "PARLEY_DATA_DIR": str(session_data_dir), "DATABASE_URL": f"sqlite:///{data / 'net.db'}"}
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "PARLEY_PUBLIC_URL"):
        env.pop(name, None)
    log = data / "app.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "app", "--port", str(port), "--host", "0.0.0.0"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 300  # a generous outer limit: it returns as soon as the server answers
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
    else:
        proc.kill()
        raise RuntimeError("the app did not start in time:\n" + log.read_text())
    yield App(proc, port, log)
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def test_no_page_requests_anything_from_another_host(app: App, browser: object) -> None:
    from playwright.sync_api import expect

    base = f"http://127.0.0.1:{app.port}"
    ctx = _context(browser)
    requested: list[str] = []
    ctx.on("request", lambda req: requested.append(req.url))
    page = ctx.new_page()
    for path, text in (("/", "Prepare alone"), ("/prepare", "What I bring"), ("/session", "Start a shared session")):
        page.goto(base + path, wait_until="commit")
        _see(page, text)  # the first page to need the coach waits for it to load (it may take minutes)
        page.wait_for_load_state("networkidle")
    icon = page.locator("link[rel~='icon']").first
    expect(icon).to_have_count(1, timeout=WAIT)
    href = icon.get_attribute("href") or ""
    assert href.startswith(("data:", "/", base, "./")), f"the favicon comes from {href}"
    page.goto(base + "/cards", wait_until="commit")
    page.wait_for_load_state("networkidle")
    elsewhere = sorted(
        {u for u in requested if not u.startswith(("data:", "blob:")) and urlsplit(u).hostname != "127.0.0.1"}
    )
    assert requested and not elsewhere, f"requests left this machine: {elsewhere}"
    ctx.close()


def test_a_second_device_joins_through_the_network_address(app: App, browser: object) -> None:
    from playwright.sync_api import expect

    address = _own_network_address()
    if address is None:
        pytest.skip("this machine has no non-loopback IPv4 address (hostname -I), so there is no network to join on")
    network = f"http://{address}:{app.port}"
    # make run / parley app says where to reach it, locally and from another device
    assert f"http://localhost:{app.port}" in app.output and network in app.output, app.output

    home = _context(browser).new_page()
    home.goto(
        f"http://127.0.0.1:{app.port}/session", wait_until="commit"
    )  # the host creates the session on their own machine
    _fill(home, "What is the session about?", "Shared car")
    _fill(home, "First party's name", "Rui")
    _fill(home, "Second party's name", "Mei")
    _click(home, "Create session")
    _see(home, "Session created")
    expect(home.locator("code").filter(has_text="?t=")).to_have_count(2, timeout=WAIT)
    links = [c.inner_text().strip() for c in home.locator("code").all() if "?t=" in c.inner_text()]
    assert len(links) == 2 and all(link.startswith(network + "/?t=") for link in links), links

    devices = [_context(browser) for _ in links]
    seen: list[str] = []
    for ctx in devices:
        ctx.on("request", lambda req: seen.append(req.url))
    rui, mei = (ctx.new_page() for ctx in devices)
    rui.goto(links[0], wait_until="commit")
    mei.goto(links[1], wait_until="commit")
    for page in (rui, mei):
        _see(page, "Shared car")
    _fill(rui, "My goal", "Use the car on weekdays for work")
    _click(rui, "Save my goal")
    _see(mei, "Use the car on weekdays")  # over the network address, on the other device, without a reload
    _fill(mei, "My goal", "Keep weekends for family trips")
    _click(mei, "Save my goal")
    _see(rui, "Keep weekends for family trips")
    hosts = {urlsplit(u).hostname for u in seen if re.match(r"https?://", u)}
    assert hosts == {address}, hosts
    for ctx in devices:
        ctx.close()
