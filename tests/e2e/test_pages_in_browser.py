"""Every page in a real browser at a laptop size (1280x900) and a phone size (390x844).

No button label may be cut off; the offline notice sits in the page, not over it; expanders and
results stay in view while a person works; prepare-alone keeps the raw demands across a reload.
Screenshots of every page go to tests/e2e/screenshots/*.tmp.png (git-ignored) for a person to look at;
the phone view of a party in discussion is kept as tests/e2e/screenshots/phone.png for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.coach import OfflineCoach
from assistant.process.model import Access
from assistant.process.permissions import agreement_version
from assistant.session import SessionService
from assistant.store import Repository
from tests.e2e.test_restart import _start
from tests.e2e.test_session_in_browser import (
    SHOTS,
    WAIT,
    _click,
    _context,
    _fill,
    _free_port,
    _live,
    _see,
    _settled,
    _shot,
    pytestmark,
)

__all__ = ["pytestmark"]

# what each stage's party page says in its own section
HEADINGS = {"goals": "1 · Goals", "ask_offer": "2 · Ask & offer", "discuss": "3 · Discuss", "agree": "4 · Agree"}
HEADINGS["closed"] = "Agreement confirmed by everyone"
SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}

# A button whose label (or the button itself) is wider than the room it has is cut off with an ellipsis.
# Buttons off screen (in a sidebar folded away on a phone) are not looked at.
CUT_OFF = """() => [...document.querySelectorAll('button')]
  .filter(b => { const r = b.getBoundingClientRect();
                 return b.offsetParent !== null && r.width > 0 && r.right > 0 && r.left < window.innerWidth; })
  .filter(b => [b, ...b.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
  .map(b => b.innerText.trim() || b.getAttribute('aria-label') || '?')"""


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory, session_data_dir: Path, coach: OfflineCoach
) -> Iterator[tuple[str, SessionService]]:
    data = tmp_path_factory.mktemp("pages")
    db = f"sqlite:///{data / 'pages.db'}"
    env = {**os.environ, "DATABASE_URL": db, "PARLEY_DATA_DIR": str(session_data_dir)}
    env.pop("OPENAI_API_KEY", None)
    env.pop("OPENAI_BASE_URL", None)
    port = _free_port()
    proc = _start(port, env, data / "app.log")
    try:
        yield f"http://127.0.0.1:{port}", SessionService(Repository.from_url(db), coach)
    finally:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    from tests.e2e.test_session_in_browser import CHROMIUM, FLAGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def _look(page: Any, name: str, size: str) -> None:
    """Settle, check that no label is cut off, and keep a screenshot to look at."""
    _settled(page)
    cut = page.evaluate(CUT_OFF)
    _shot(page, SHOTS / f"{name}-{size}.tmp.png")
    assert not cut, f"{name} at {size} px: button labels cut off: {cut}"


@dataclass(frozen=True)
class Session:
    """A facilitated session set up through the service, as the people in it would have."""

    tokens: dict[str, str]
    fac_token: str
    fac: Access
    tenant: Access
    landlord: Access


def _facilitated(svc: SessionService, title: str) -> Session:
    links = svc.create_session(title, ["Tenant", "Landlord"], facilitator=True)
    assert links.facilitator_token is not None
    tokens = links.party_tokens
    return Session(
        tokens,
        links.facilitator_token,
        svc.resolve(links.facilitator_token),
        svc.resolve(tokens["Tenant"]),
        svc.resolve(tokens["Landlord"]),
    )


def _to_stage(svc: SessionService, s: Session, stage: str) -> None:
    svc.set_goal(s.tenant, "A dry flat before winter")
    svc.set_goal(s.landlord, "Keep a reliable tenant and the costs sane")
    svc.propose_mutual_goal(s.fac, "A dry flat and a tenancy that lasts")
    svc.move_on(s.fac, "ask_offer", "goals")
    if stage == "ask_offer":
        return
    svc.submit_entry(s.tenant, 1, "Could you fix the roof leak this month?", "I'll give the roofer access any day.")
    svc.submit_entry(s.landlord, 1, "Could you air the flat twice a day?", "I'll pay for a dehumidifier.")
    svc.move_on(s.fac, "discuss", "ask_offer")
    svc.send(s.tenant, "The mould came back in the bedroom (again) and my daughter's meds!! ran out early.", "first")
    if stage == "discuss":
        return
    svc.move_on(s.fac, "agree", "discuss")
    svc.add_term(s.landlord, "Have the roof fixed", "from Monday 10 November")
    svc.add_term(s.tenant, "Air the flat twice a day", "every day")
    svc.set_revisit(s.fac, date(2027, 3, 1))
    if stage == "agree":
        return
    version = agreement_version(svc.state(s.fac))
    svc.confirm(s.tenant, version)
    svc.confirm(s.landlord, version)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_page_fits(served: tuple[str, SessionService], browser: Any, size: str) -> None:
    from playwright.sync_api import expect

    url, svc = served
    ctx = _context(browser, viewport=SIZES[size])
    page = ctx.new_page()
    page.goto(url, wait_until="commit")
    _see(page, "Create a facilitated session")  # the page's own words, not the navigation's
    _look(page, "home", size)
    page.goto(f"{url}/prepare", wait_until="commit")
    _see(page, "What I bring into the room")
    _look(page, "prepare", size)
    page.goto(f"{url}/cards", wait_until="commit")
    _see(page, "Name a shared goal")
    _look(page, "cards", size)
    page.goto(f"{url}/session", wait_until="commit")
    _see(page, "Start a shared session")
    _look(page, "session", size)

    for stage in ("goals", "ask_offer", "discuss", "agree", "closed"):
        session = _facilitated(svc, "Mould in flat 3")
        tokens, fac = session.tokens, session.fac_token
        if stage != "goals":
            _to_stage(svc, session, stage)
        page.goto(f"{url}/?t={tokens['Tenant']}", wait_until="commit")
        _see(page, HEADINGS[stage])  # the stage's own section, then the shared record beside it
        _see(page, "Shared record")
        _look(page, f"party-{stage}", size)
        page.goto(f"{url}/?t={fac}", wait_until="commit")
        _see(page, "Facilitating")
        _see(page, "Shared record")  # the last part of the panel
        _look(page, f"facilitator-{stage}", size)
        if stage == "ask_offer":  # the per-field choice after a flagged entry
            page.goto(f"{url}/?t={tokens['Tenant']}", wait_until="commit")
            _fill(page, "My one ask", "Fix the roof by Friday or I stop paying rent.")
            _fill(page, "My one offer", "Give me a dehumidifier or I move out and report you.")
            _click(page, "Seal my ask and offer")
            _see(page, "For each, keep yours or take a reframe")
            _look(page, "party-choose", size)
        if stage == "discuss":  # the drift gate's choice, in the page and in the facilitator's sidebar
            page.goto(f"{url}/?t={tokens['Tenant']}", wait_until="commit")
            _click(page, "Got it")  # the offline notice, read once and put away
            expect(page.get_by_text("The built-in offline coach is answering")).to_have_count(0)
            _fill(page, "Your message", "Fix the roof by Friday or I stop paying rent.")
            _click(page, "Send")
            _see(page, "This may land as an ultimatum")
            _look(page, "party-drift", size)
            if size == "390":
                page.screenshot(path=str(SHOTS / "phone.png"))
            # a context of its own: a sidebar opened on a phone stays open for the pages after it
            fac_page = _context(browser, viewport=SIZES[size]).new_page()
            fac_page.goto(f"{url}/?t={fac}", wait_until="commit")
            if size == "390":  # the sidebar is folded away on a phone: open it
                fac_page.get_by_test_id("stExpandSidebarButton").click(timeout=WAIT)
            _fill(fac_page, "Message", "Sign it by Friday or we are done here.")
            _click(fac_page, "Post")
            _see(fac_page, "This may land as an ultimatum")
            _look(fac_page, "facilitator-drift", size)
            fac_page.context.close()
    ctx.close()


def test_work_in_progress_stays_open_and_in_view(served: tuple[str, SessionService], browser: Any) -> None:
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Care for Mum")
    tokens = session.tokens
    _to_stage(svc, session, "discuss")
    page = _context(browser, viewport=SIZES["1280"]).new_page()
    page.goto(f"{url}/?t={tokens['Tenant']}", wait_until="commit")
    _see(page, "Ideas for a next move")

    # the offline notice is said once, in the page, and goes when dismissed
    notice = page.get_by_text("The built-in offline coach is answering")
    expect(notice).to_have_count(1, timeout=WAIT)
    _click(page, "Got it")
    expect(notice).to_have_count(0, timeout=WAIT)

    # suggested moves stay in view after the click
    _click(page, "Suggest moves")
    expect(page.get_by_test_id("stExpander").filter(has_text="Strategy: ").first).to_be_visible(timeout=WAIT)

    # the restatement box stays open while the person types, and across a redraw caused by another device
    page.get_by_text("Restate my position for the others").click()
    box = _live(page).get_by_label("My position, in my own words", exact=True)
    box.fill("I need the roof fixed before the winter, and I will make access easy.")
    box.press("Tab")  # a rerun
    _settled(page)
    expect(box).to_be_visible(timeout=WAIT)
    svc.leave(session.landlord, "back in a minute")  # the other side leaves: every open page redraws
    _see(page, "The talks look stuck")
    svc.rejoin(session.landlord)
    expect(page.get_by_text("The talks look stuck")).to_have_count(0, timeout=WAIT)
    _settled(page)
    expect(_live(page).get_by_label("My position, in my own words", exact=True)).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stExpander").filter(has_text="Strategy: ").first).to_be_visible(timeout=WAIT)


def test_prepare_keeps_the_demands_list_across_a_reload(served: tuple[str, SessionService], browser: Any) -> None:
    from playwright.sync_api import expect

    url, _svc = served
    page = _context(browser, viewport=SIZES["1280"]).new_page()
    page.goto(f"{url}/prepare", wait_until="commit")
    demands = "fix the leak\nrepaint the bedroom\nstop ignoring my emails"
    _fill(page, "Everything I want from them, as it comes", demands)
    _settled(page)
    assert "plan=" in page.url
    page.reload()
    expect(_live(page).get_by_label("Everything I want from them, as it comes", exact=True)).to_have_value(
        demands, timeout=WAIT
    )
