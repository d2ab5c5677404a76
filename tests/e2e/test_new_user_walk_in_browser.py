"""What a new user hit in a real browser walk, where only a real browser shows it."""

from __future__ import annotations

from datetime import date
from typing import Any

from assistant.process.permissions import agreement_version
from assistant.session import SessionService
from tests.e2e.test_pages_in_browser import SIZES, _facilitated, _to_stage, browser, served
from tests.e2e.test_session_in_browser import WAIT, _click, _context, _fill, _live, _see, _settled, pytestmark

__all__ = ["browser", "pytestmark", "served"]


def test_edit_after_a_drift_flag_gives_the_message_back(served: tuple[str, SessionService], browser: Any) -> None:
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Edit keeps words")
    _to_stage(svc, session, "discuss")
    page = _context(browser, viewport=SIZES["1280"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Tenant']}", wait_until="commit")
    _fill(page, "Your message", "Could we meet on Thursday?")
    _click(page, "Send")
    _see(page, "Sent.")
    text = "Fix the roof by Friday or I stop paying rent."
    box = _live(page).get_by_label("Your message", exact=True)
    box.wait_for(timeout=WAIT)
    box.fill(text)  # typed, then Send pressed straight away (no Tab first)
    _click(page, "Send")
    _see(page, "This may land as an ultimatum")
    page.wait_for_timeout(6000)  # the shared record refreshes itself meanwhile (every two seconds)
    _click(page, "Edit")
    _settled(page)
    page.wait_for_timeout(6000)  # and after: the words stay through the record's own refreshes
    _settled(page)
    expect(_live(page).get_by_label("Your message", exact=True)).to_have_value(text, timeout=WAIT)
    page.context.close()


def test_after_leaving_on_a_phone_no_delete_popup_is_open(served: tuple[str, SessionService], browser: Any) -> None:
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Leave on a phone")
    _to_stage(svc, session, "discuss")
    page = _context(browser, viewport=SIZES["390"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Tenant']}", wait_until="commit")
    _see(page, "3 · Discuss")
    page.get_by_test_id("stExpandSidebarButton").click(timeout=WAIT)
    page.get_by_role("button", name="Leave the session").click(timeout=WAIT)  # a popover: its label carries an icon
    _click(page, "Leave now")
    _see(page, "You left this session")
    _settled(page)
    page.wait_for_timeout(3000)  # the shared record redraws itself meanwhile
    _settled(page)
    expect(page.get_by_test_id("stPopoverBody")).to_have_count(0, timeout=WAIT)
    expect(page.get_by_role("button", name="Delete", exact=True)).not_to_be_visible(timeout=WAIT)
    page.context.close()


def test_confirming_with_a_date_typed_but_not_set_is_refused(served: tuple[str, SessionService], browser: Any) -> None:
    url, svc = served
    session = _facilitated(svc, "Revisit typed not set")
    _to_stage(svc, session, "agree")  # the facilitator set the revisit date to 1 March 2027
    svc.confirm(session.tenant, agreement_version(svc.state(session.tenant)))
    page = _context(browser, viewport=SIZES["1280"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Landlord']}", wait_until="commit")
    _see(page, "4 · Agree")
    _settled(page)
    _live(page).get_by_test_id("stDateInput").get_by_role("spinbutton").first.click(timeout=WAIT)
    page.keyboard.type("20270310")  # a new date typed, and confirm pressed straight away
    _click(page, "I confirm this agreement")
    _see(page, "Press 'Set the revisit date' to propose yours")
    state = svc.state(session.landlord)
    assert state.stage == "agree" and state.revisit_on == date(2027, 3, 1)
    assert session.landlord.party_id not in state.confirmed
    page.context.close()


def test_shrinking_again_keeps_an_ask_typed_by_hand(served: tuple[str, SessionService], browser: Any) -> None:
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Shrink twice")
    _to_stage(svc, session, "ask_offer")
    page = _context(browser, viewport=SIZES["1280"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Tenant']}", wait_until="commit")
    page.get_by_text("Too many things to ask for?").click(timeout=WAIT)
    _settled(page)  # opening the expander reruns the page: words typed during that run can be redrawn away
    _fill(page, "Everything you want, as it comes", "fix the roof\nrepaint the bedroom\nanswer my emails")
    _settled(page)  # the list reaches the server on blur: a click during that rerun can be lost
    _click(page, "Shrink my demands")
    _settled(page)
    _click(page, "Use this as my ask")
    _settled(page)
    ask = _live(page).get_by_label("My one ask", exact=True)
    expect(ask).not_to_have_value("", timeout=WAIT)
    mine = "Could you fix the roof before the first frost?"
    ask.fill(mine)  # edited by hand, not sealed yet
    _fill(page, "Everything you want, as it comes", "answer my emails\nrepaint the bedroom")
    _settled(page)
    _click(page, "Shrink my demands")
    _settled(page)
    expect(_live(page).get_by_label("My one ask", exact=True)).to_have_value(mine, timeout=WAIT)
    page.context.close()


def test_refused_words_come_back_in_their_box(served: tuple[str, SessionService], browser: Any) -> None:
    """Refused words stay in their box, and the next submit is of what the box then shows."""
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Refused words come back")
    _to_stage(svc, session, "discuss")
    page = _context(browser, viewport=SIZES["390"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Tenant']}", wait_until="commit")
    pasted = "The damp is back in the bedroom and nobody answers my emails about it. " * 30  # over 2,000
    _fill(page, "Your message", pasted)
    _click(page, "Send")
    _see(page, "keep it under 2,000")
    _settled(page)
    expect(_live(page).get_by_label("Your message", exact=True)).to_have_value(pasted, timeout=WAIT)
    _fill(page, "Your message", "Could someone look at the bedroom wall this week?")
    _click(page, "Send")
    _see(page, "Sent.")
    mine = [m.text for m in svc.state(session.tenant).messages if m.party_id == session.tenant.party_id]
    assert mine[-1] == "Could someone look at the bedroom wall this week?"  # not the refused paste again
    page.context.close()


def test_a_refused_commitment_comes_back_in_its_box(served: tuple[str, SessionService], browser: Any) -> None:
    """A commitment refused for want of a date stays as typed, the next press sends it, and then the box is empty."""
    from playwright.sync_api import expect

    url, svc = served
    session = _facilitated(svc, "Refused commitment comes back")
    _to_stage(svc, session, "agree")
    page = _context(browser, viewport=SIZES["390"]).new_page()
    page.goto(f"{url}/?t={session.tokens['Tenant']}", wait_until="commit")
    _see(page, "4 · Agree")
    _settled(page)
    _fill(page, "I will…", "Open the windows every morning")
    _click(page, "Add my commitment")  # no 'by when' yet
    _see(page, "'by when' is empty")
    _settled(page)
    expect(_live(page).get_by_label("I will…", exact=True)).to_have_value(
        "Open the windows every morning", timeout=WAIT
    )
    _fill(page, "By when", "from Monday")
    _click(page, "Add my commitment")
    _see(page, "Open the windows every morning (from Monday)")
    terms = [(t.text, t.by_when) for t in svc.state(session.tenant).terms if t.party_id == session.tenant.party_id]
    assert ("Open the windows every morning", "from Monday") in terms
    expect(_live(page).get_by_label("I will…", exact=True)).to_have_value("", timeout=WAIT)  # emptied once added
    page.context.close()
