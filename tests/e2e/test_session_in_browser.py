"""A whole shared session in a real browser: party A, party B and a facilitator, each in their own context.

Debian's Chromium driven by Playwright; the test starts the app itself on a free local port.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Every wait is for something the page shows; this is only the outer limit, generous because a busy
# machine (a build running, two cores shared by many processes) can take minutes to redraw a page.
WAIT = 600_000

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def e2e_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e2e") / "e2e.db"


@pytest.fixture(scope="module")
def app_url(e2e_db: Path, session_data_dir: Path) -> Iterator[str]:
    data = e2e_db.parent
    port = _free_port()
    env = {**os.environ, "PARLEY_DATA_DIR": str(session_data_dir), "DATABASE_URL": f"sqlite:///{e2e_db}"}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    log = (data / "app.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "app", "--port", str(port), "--host", "127.0.0.1"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300  # a generous outer limit: it returns as soon as the server answers
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
        if proc.poll() is not None:
            raise RuntimeError((data / "app.log").read_text())
    else:
        proc.kill()
        raise RuntimeError("the app did not start in time:\n" + (data / "app.log").read_text())
    yield url
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


def _context(browser: Any, **kwargs: Any) -> Any:
    """A browser context whose every action, navigation and expectation has the same generous outer limit."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT)
    ctx = browser.new_context(**kwargs)
    ctx.set_default_timeout(WAIT)
    ctx.set_default_navigation_timeout(WAIT)
    return ctx


def _live(page: object) -> object:
    """Elements Streamlit has drawn in this run, not the stale copies it keeps on screen while redrawing."""
    return page.locator('[data-testid="stElementContainer"]:not([data-stale="true"])')  # type: ignore[attr-defined]


def _fill(page: object, label: str, text: str) -> None:
    box = _live(page).get_by_label(label, exact=True)  # type: ignore[attr-defined]
    box.wait_for(timeout=WAIT)
    box.fill(text)
    box.press("Tab")


def _click(page: object, name: str) -> None:
    """Click a button, ignoring the stale copy Streamlit keeps on screen while a rerun is drawing."""
    _live(page).get_by_role("button", name=name, exact=True).click(timeout=WAIT)  # type: ignore[attr-defined]


def _settled(page: object) -> None:
    """Wait until Streamlit has finished drawing: no run in progress, no stale copies, fonts loaded."""
    from playwright.sync_api import expect

    # the app says whether its script is running (a run that has only begun shows no status widget yet)
    app = page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]')  # type: ignore[attr-defined]
    expect(app).to_have_count(1, timeout=WAIT)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)  # type: ignore[attr-defined]
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=WAIT)  # type: ignore[attr-defined]
    page.wait_for_function("document.fonts.status === 'loaded'", timeout=WAIT)  # type: ignore[attr-defined]
    # charts draw after their element exists: wait until each has drawn something
    page.wait_for_function(  # type: ignore[attr-defined]
        "[...document.querySelectorAll('[data-testid=stVegaLiteChart]')].every(c => c.querySelector('canvas, svg'))",
        timeout=WAIT,
    )


def _shot(page: Any, path: Path) -> None:
    """The whole page from the top: Streamlit scrolls inside its own container, so grow the window to fit."""
    _settled(page)
    viewport = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stSidebarContent]')]"
        ".map(e => e.scrollHeight), window.innerHeight)"
    )
    page.set_viewport_size({"width": viewport["width"], "height": min(int(height), 8000)})
    _settled(page)
    page.screenshot(path=str(path))
    page.set_viewport_size(viewport)


def _type_date(page: Any, digits: str) -> None:
    """Type a date (yyyymmdd) into the revisit field; it is committed when the field loses focus."""
    _live(page).get_by_test_id("stDateInput").get_by_role("spinbutton").first.click(timeout=WAIT)
    page.keyboard.type(digits)
    page.keyboard.press("Escape")  # the calendar that opens as one types
    page.get_by_text("Revisit this agreement on").click(timeout=WAIT)


def _see(page: object, text: str, timeout: int = WAIT) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_text(text).first).to_be_visible(timeout=timeout)  # type: ignore[attr-defined]


def test_whole_session(app_url: str, browser: object, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    SHOTS.mkdir(exist_ok=True)
    ctx = {
        name: _context(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)
        for name in ("A", "B", "F", "home")
    }
    home = ctx["home"].new_page()
    home.goto(app_url, wait_until="commit")
    _see(home, "Create a facilitated session")  # the page's own words, not the navigation's
    _shot(home, SHOTS / "home.png")

    # create a facilitated session through the UI and read the private links
    _click(home, "Create a facilitated session")
    _fill(home, "What is the session about?", "Office days")
    _fill(home, "First party's name", "Founders")
    _fill(home, "Second party's name", "Staff")
    _click(home, "Create session")
    _see(home, "Session created")
    expect(home.locator("code").filter(has_text="?t=")).to_have_count(3, timeout=WAIT)
    codes = [c.inner_text() for c in home.locator("code").all()]
    links = [c.strip() for c in codes if "?t=" in c]
    assert len(links) == 3
    link_a, link_b, link_f = links
    assert len(set(links)) == 3

    a, b, f = (ctx[k].new_page() for k in ("A", "B", "F"))
    a.goto(link_a, wait_until="commit")
    b.goto(link_b, wait_until="commit")
    f.goto(link_f, wait_until="commit")
    for page in (a, b, f):
        _see(page, "Office days")
    for page in (a, b):
        _see(page, "My goal")  # the first visit loads the coach (it may take minutes)

    # goals and the mutual goal
    _fill(a, "My goal", "Some in-person days to review visual work together")
    _click(a, "Save my goal")
    _fill(b, "My goal", "Keep flexibility and avoid long commutes")
    _click(b, "Save my goal")
    _see(f, "avoid long commutes")
    _fill(f, "Mutual goal", "A return-to-office plan everyone can live with")
    _click(f, "Set the mutual goal")
    _see(a, "A return-to-office plan everyone can live with")
    _click(f, "Move on to Ask & offer")

    # round 1: sealed until both submit
    _see(a, "My one ask")
    _fill(a, "My one ask", "Could you come in two days a week for the design reviews?")
    _fill(a, "My one offer", "We will start office days at ten.")
    _click(a, "Seal my ask and offer")
    _see(a, "Your ask and offer are sealed")
    b.reload()
    _see(b, "My one ask")
    assert b.get_by_text("design reviews").count() == 0  # B cannot see A's entry yet
    _see(f, "Drift over time")
    _see(f, "Suggested next moves")
    _shot(f, SHOTS / "facilitator.png")
    assert f.get_by_text("design reviews").count() == 0
    _fill(b, "My one ask", "Could birthdays be guaranteed home days?")
    _fill(b, "My one offer", "We will come in three days in the busy season.")
    _click(b, "Seal my ask and offer")
    _see(b, "design reviews")  # revealed to all at once
    _see(a, "birthdays be guaranteed")
    _see(f, "birthdays be guaranteed")
    _click(f, "Move on to Discuss")

    # a drifting message is caught and reframed
    _see(a, "Your message")
    _fill(a, "Your message", "Agree to three days by Friday or we cancel the office budget.")
    _click(a, "Send")
    _see(a, "This may land as an ultimatum")
    _click(a, "Send the reframe")
    _see(b, "agree to three days by Friday")  # the need arrives on B's device without a reload
    expect(b.get_by_text("cancel the office budget")).to_have_count(0)  # and the threat does not
    _shot(a, SHOTS / "party.png")

    # a second round
    _click(f, "Open another ask & offer round")
    _see(a, "round 2")
    _fill(a, "My one ask", "Could we review the plan in March?")
    _fill(a, "My one offer", "We will upgrade the air conditioning.")
    _click(a, "Seal my ask and offer")
    _see(b, "round 2")
    _fill(b, "My one ask", "Could Fridays stay remote?")
    _fill(b, "My one offer", "We will bring homemade treats for office events.")
    _click(b, "Seal my ask and offer")
    _see(f, "homemade treats")
    _click(f, "Move on to Discuss")
    _see(f, "Move on to Agree")
    _click(f, "Move on to Agree")

    # agreement
    for page, term in ((a, "Start office days at ten"), (b, "Two office days a week")):
        _see(page, "I will…")
        _fill(page, "I will…", term)
        _fill(page, "By when", "from 1 June")
        _click(page, "Add my commitment")
        _see(page, term)
    _see(a, "No revisit date yet")  # an empty field, not a placeholder date that looks set
    _type_date(a, "20270303")
    _click(a, "Set the revisit date")
    expect(a.get_by_role("button", name="Set the revisit date")).to_have_count(0, timeout=WAIT)
    _see(b, "Two office days a week")
    b.reload()
    _click(a, "I confirm this agreement")
    _see(a, "confirmed by: Founders")
    _see(b, "confirmed by: Founders")
    _click(b, "I confirm this agreement")
    _see(a, "Agreement confirmed")
    _shot(a, SHOTS / "agreement.png")
    with a.expect_download() as dl:
        _live(a).get_by_role("button", name=re.compile("Download as Markdown")).click()  # type: ignore[attr-defined]
    path = tmp_path / "agreement.md"
    dl.value.save_as(path)
    text = path.read_text()
    assert "Start office days at ten" in text and "Two office days a week" in text and "Revisit on: 20" in text
    assert "(from 1 June)" in text and "by from" not in text and "Date: " in text
    expect(a.get_by_role("button", name="I confirm this agreement")).to_have_count(0)

    prep = ctx["home"].new_page()
    prep.goto(f"{app_url}/prepare", wait_until="commit")
    _see(prep, "What I bring into the room")
    _shot(prep, SHOTS / "prepare.png")


def test_people_at_odds_in_the_browser(app_url: str, e2e_db: Path, browser: object) -> None:
    """Other people's text stays text; a walkout does not strand a sealed round; Send clears the box."""
    from playwright.sync_api import expect

    from assistant.session import SessionService
    from assistant.store import Repository

    svc = SessionService(Repository.from_url(f"sqlite:///{e2e_db}"))
    links = svc.create_session("Rent http://evil.example/t", ["Ana", "Ben ![](http://evil.example/n.png)"])
    ana, ben = (svc.resolve(t) for t in links.party_tokens.values())
    svc.set_goal(ana, "A fair rent")
    svc.set_goal(ben, "Keep the flat\n===\nsee http://evil.example/g and www.evil.example")
    svc.propose_mutual_goal(ben, "Stay **friends** http://evil.example/m")
    svc.accept_mutual_goal(ana, "Stay **friends** http://evil.example/m")
    svc.move_on(ana, "ask_offer", "goals")
    svc.move_on(ben, "ask_offer", "goals")
    (token_a,) = (t for n, t in links.party_tokens.items() if n == "Ana")
    (token_b,) = (t for n, t in links.party_tokens.items() if n != "Ana")

    a = _context(browser, viewport={"width": 1400, "height": 1000}).new_page()  # type: ignore[attr-defined]
    b = _context(browser, viewport={"width": 1400, "height": 1000}).new_page()  # type: ignore[attr-defined]
    a.goto(f"{app_url}/?t={token_a}", wait_until="commit")
    b.goto(f"{app_url}/?t={token_b}", wait_until="commit")
    for page in (a, b):
        _see(page, "My one ask")  # the first visit loads the coach (it may take minutes)
    _fill(a, "My one ask", "Could the rent stay as it is until June?")
    _fill(a, "My one offer", "I can pay for new paint in the hall.")
    _click(a, "Seal my ask and offer")
    _see(a, "Your ask and offer are sealed")

    # Ben walks out without sealing, leaving a word with a link in it
    b.get_by_role("button", name="Leave the session").click(timeout=WAIT)
    _fill(b, "A word for the others (optional)", "bye [see](http://evil.example/w) http://evil.example/w2")
    _click(b, "Leave now")
    _see(a, "Revealed.")  # on Ana's screen without a reload
    expect(a.get_by_text("(sealed: only you can see yours)")).to_have_count(0, timeout=WAIT)
    _click(a, "Move on to Discuss")  # the only active party is ready: it moves

    # Send stores once, clears the box and says so
    _fill(a, "Your message", "Could we talk about the hall next week?")
    _click(a, "Send")
    _see(a, "Sent.")
    expect(_live(a).get_by_label("Your message", exact=True)).to_have_value("", timeout=WAIT)  # type: ignore[attr-defined]
    _click(a, "Send")  # again, on the empty box
    _settled(a)
    assert [m.text for m in svc.state(ana).messages if m.kind == "message"] == [
        "Could we talk about the hall next week?"
    ]

    # everything Ben wrote is on Ana's screen, as text
    for visible in ("evil.example/t", "evil.example/g", "evil.example/m", "evil.example/w2", "Keep the flat"):
        _see(a, visible)
    _settled(a)
    links = a.locator("a[href*='evil.example'], img[src*='evil.example']")  # type: ignore[attr-defined]
    assert links.count() == 0, links.evaluate_all("els => els.map(e => e.parentElement.outerHTML.slice(0, 300))")
    assert a.locator("h1, h2, h3, h4, h5, h6").filter(has_text="Keep the flat").count() == 0  # type: ignore[attr-defined]
    assert a.locator("strong").filter(has_text="friends").count() == 0  # type: ignore[attr-defined]
    _shot(a, SHOTS / "plain-text.png")


def test_a_worksheet_link_is_made_by_the_server(app_url: str, browser: object) -> None:
    page = _context(browser).new_page()  # type: ignore[attr-defined]
    page.goto(f"{app_url}/prepare?plan=a-link-someone-made-up-by-hand-0123456789", wait_until="commit")
    _see(page, "not known here")
    assert page.get_by_label("My best alternative if we don't agree", exact=True).count() == 0
    _click(page, "Start a new worksheet")
    _see(page, "What I bring into the room")
    _settled(page)
    key = page.url.split("plan=", 1)[1]
    assert len(key) >= 32  # made by the server
    page.get_by_role("button", name="Delete this worksheet").click(timeout=WAIT)
    _see(page, "The link stops working")
    page.get_by_role("button", name="Delete the worksheet", exact=True).click(timeout=WAIT)  # type: ignore[attr-defined]
    _settled(page)
    page.goto(f"{app_url}/prepare?plan={key}", wait_until="commit")
    _see(page, "not known here")
