"""What a new user hit on the pages (issue 11), page by page, with AppTest against a real SQLite file."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
from assistant.export import plan_markdown
from assistant.knowledge import load_cards
from assistant.process.model import Access
from assistant.process.permissions import agreement_version
from assistant.session import SessionService
from tests.ui.test_pages import APP, TIMEOUT, _open, _texts, _to_ask_offer, _to_discuss, repo, svc

__all__ = ["repo", "svc"]

ULTIMATUM_ASK = "Fix the roof by Friday or I stop paying rent."
ULTIMATUM_OFFER = "Give me a dehumidifier or I move out and report you."


def _seal(at: AppTest, ask: str, offer: str, nn: str = "") -> AppTest:
    next(t for t in at.text_area if t.label == "My one ask").input(ask)
    next(t for t in at.text_area if t.label == "My one offer").input(offer)
    if nn:
        next(t for t in at.text_input if t.label.startswith("My one non-negotiable")).input(nn)
    return next(b for b in at.button if b.label == "Seal my ask and offer").click().run()


# 1 · choices that can be read: keep mine or take the reframe, per field


def test_each_flagged_field_is_chosen_on_its_own(svc: SessionService) -> None:
    people, tokens = _to_ask_offer(svc)
    sam = people["Sam"]
    at = _seal(_open(tokens["Sam"]), ULTIMATUM_ASK, ULTIMATUM_OFFER)
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Submit with the reframes" not in labels and "Seal with these choices" in labels
    radios = {r.label: r for r in at.radio}
    assert set(radios) == {"For my ask", "For my offer"}
    # nothing is sealed until each flagged field has a choice
    next(b for b in at.button if b.label == "Seal with these choices").click().run()
    assert svc.state(sam).entries == () and "Choose for my ask and my offer" in _texts(at)
    radios = {r.label: r for r in at.radio}
    # each field offers my own words first, then every phrasing the coach found (shown as text)
    phrasings = list(dict.fromkeys(svc.check_draft(sam, ULTIMATUM_OFFER).reframes))
    assert len(radios["For my offer"].options) == 1 + len(phrasings) >= 3  # several phrasings to pick from
    assert radios["For my ask"].options[0] == radios["For my offer"].options[0] == "Keep mine as I wrote it"
    radios["For my ask"].set_value(0)
    radios["For my offer"].set_value(2)  # the second phrasing, not the first
    next(b for b in at.button if b.label == "Seal with these choices").click().run()
    assert not at.exception
    (entry,) = svc.state(sam).entries
    assert entry.ask == ULTIMATUM_ASK  # kept as written
    assert entry.offer == phrasings[1]  # exactly the phrasing picked
    assert "report you" not in entry.offer


def test_a_message_is_sent_in_the_phrasing_picked_with_its_own_level(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    sam = people["Sam"]
    text = "Agree to three days by Friday or we cancel the office budget."
    phrasings = list(dict.fromkeys(svc.check_draft(sam, text).reframes))
    assert len(phrasings) >= 2
    at = _open(tokens["Sam"])
    next(t for t in at.text_area if t.label == "Your message").input(text)
    next(b for b in at.button if b.label == "Send").click().run()
    (pick,) = at.radio
    assert pick.label.startswith("A reframe that keeps your need") and len(pick.options) == len(phrasings)
    pick.set_value(1)
    next(b for b in at.button if b.label == "Send the reframe").click().run()
    assert not at.exception
    (msg,) = svc.state(sam).messages
    assert msg.text == phrasings[1]  # the phrasing picked, not the first
    assert msg.level == svc.check_draft(sam, msg.text).level  # stored with the level of what was sent


# 2 · things that vanish or don't say what happened


def test_round_two_says_why_the_non_negotiable_field_is_absent(svc: SessionService) -> None:
    people, tokens = _to_ask_offer(svc)
    sam, alex = people["Sam"], people["Alex"]
    svc.submit_entry(sam, 1, "Could you fix the roof?", "I'll give access.", "No child sleeps in mould.")
    svc.submit_entry(alex, 1, "Could you air the flat?", "I'll fix the roof.")
    for to_stage, frm in (("discuss", "ask_offer"), ("ask_offer", "discuss")):
        for acc in (sam, alex):
            svc.move_on(acc, to_stage, frm)
    assert svc.state(sam).round_no == 2
    sam_page, alex_page = _open(tokens["Sam"]), _open(tokens["Alex"])
    assert not sam_page.exception and not alex_page.exception
    assert not any(t.label.startswith("My one non-negotiable") for t in sam_page.text_input)
    assert "one per side, and you already named yours" in _texts(sam_page)
    assert any(t.label.startswith("My one non-negotiable") for t in alex_page.text_input)
    assert "You chose not to name one" in _texts(alex_page)


def test_the_page_says_revealed_once_everyone_has_submitted(svc: SessionService) -> None:
    people, tokens = _to_ask_offer(svc)
    svc.submit_entry(people["Sam"], 1, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    assert "sealed" in _texts(at) and "Revealed" not in _texts(at)
    svc.submit_entry(people["Alex"], 1, "Could you air the flat?", "I'll fix the roof.")
    at = _open(tokens["Sam"])
    assert "**Revealed.**" in _texts(at)
    assert "Your ask and offer are sealed" not in _texts(at)


def test_suggested_moves_stay_in_view(svc: SessionService) -> None:
    _people, tokens = _to_discuss(svc, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    assert "Ideas for a next move" not in [e.label for e in at.expander]  # a section that cannot collapse
    next(b for b in at.button if b.label == "Suggest moves").click().run()
    assert not at.exception
    assert any(e.label.startswith("Strategy: ") for e in at.expander)


# 3 · the offline-coach notice: once, inline, dismissible


def test_offline_notice_is_inline_and_can_be_dismissed(svc: SessionService) -> None:
    _people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    assert not at.toast  # nothing floats over the page
    notices = [c.value for c in at.caption if "offline coach is answering" in c.value]
    assert len(notices) == 1
    next(b for b in at.button if b.label == "Got it").click().run()
    assert not any("offline coach is answering" in c.value for c in at.caption)
    assert not any(b.label == "Got it" for b in at.button)


# 4 · prepare alone


def _prepare() -> AppTest:
    """The prepare-alone page, reached from the home page as a person would."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    next(b for b in at.button if b.label == "Start preparing").click().run()
    return at


def test_raw_demands_are_saved_with_the_plan(svc: SessionService) -> None:
    at = _prepare()
    demands = "fix the leak\nrepaint the bedroom\nstop ignoring my emails"
    next(t for t in at.text_area if t.label.startswith("Everything I want")).input(demands).run()
    token = at.query_params["plan"]
    token = token[0] if isinstance(token, list) else token
    assert svc.load_plan(token)["demands"] == demands
    # the browser test reloads /prepare?plan=... and finds the list there (tests/e2e)


def test_a_flagged_line_carries_its_flag_into_the_plan(svc: SessionService) -> None:
    at = _prepare()
    next(t for t in at.text_input if t.label == "A line you plan to say").input(ULTIMATUM_ASK)
    next(b for b in at.button if b.label == "Check the tone").click().run()
    assert at.warning and "Ultimatum" in at.warning[0].value
    next(b for b in at.button if b.label == "Add this line to my plan").click().run()
    assert not at.exception
    token = at.query_params["plan"]
    plan = svc.load_plan(token[0] if isinstance(token, list) else token)
    assert ULTIMATUM_ASK in plan["lines"]
    flagged = next(line for line in plan_markdown(plan).splitlines() if "stop paying rent" in line)
    assert "may land as an ultimatum" in flagged
    assert next(t for t in at.text_area if t.label == "Lines I plan to say").value.strip() == ULTIMATUM_ASK
    assert "in your plan with its ultimatum flag" in _texts(at)
    # or the person takes the reframe in its place
    next(b for b in at.button if b.label == "Add the reframe instead").click().run()
    lines = next(t for t in at.text_area if t.label == "Lines I plan to say").value
    assert "stop paying rent" not in lines and lines.strip()


# 5 · agreement


def _to_agree(svc: SessionService) -> tuple[dict[str, Access], dict[str, str]]:
    people, tokens = _to_discuss(svc)
    for acc in people.values():
        svc.move_on(acc, "agree", "discuss")
    return people, tokens


def test_terms_placeholder_does_not_invite_from_and_the_agreement_is_dated(svc: SessionService) -> None:
    people, tokens = _to_agree(svc)
    svc.add_term(people["Sam"], "Have the roof fixed", "from Monday 10 November")
    at = _open(tokens["Sam"])
    assert not at.exception
    by_when = next(t for t in at.text_input if t.label == "By when")
    assert "from" not in (by_when.placeholder or "").lower()
    assert "Have the roof fixed (from Monday 10 November)" in _texts(at)
    assert "by from" not in _texts(at)
    today = date.today()
    assert f"Dated {today.day} {today:%B %Y}" in _texts(at)


# 6 · facilitator panel


def _facilitated(svc: SessionService) -> tuple[dict[str, Access], Access, str]:
    """Sam and Alex with a facilitator: their accesses, the facilitator's access and link token."""
    links = svc.create_session("Pay review", ["Sam", "Alex"], facilitator=True)
    assert links.facilitator_token is not None
    people = {n: svc.resolve(t) for n, t in links.party_tokens.items()}
    return people, svc.resolve(links.facilitator_token), links.facilitator_token


def test_empty_equal_time_says_something_human(svc: SessionService) -> None:
    _people, _fac, fac_token = _facilitated(svc)
    at = _open(fac_token)
    assert not at.exception
    assert "Nobody has said anything yet" in _texts(at)
    assert not at.get("arrow_vega_lite_chart")  # no chart of zeros


def test_no_silence_nag_once_the_agreement_is_confirmed(svc: SessionService) -> None:
    people, fac, fac_token = _facilitated(svc)
    sam, alex = people["Sam"], people["Alex"]
    svc.set_goal(sam, "a fair pay band")
    svc.set_goal(alex, "pay that keeps me here")
    svc.propose_mutual_goal(fac, "a pay band we both defend")
    svc.move_on(fac, "ask_offer", "goals")
    svc.submit_entry(sam, 1, "Could you accept a band?", "We'll review yearly.")
    svc.submit_entry(alex, 1, "Could the band start at market rate?", "I'll stay two years.")
    svc.move_on(fac, "discuss", "ask_offer")
    svc.send(sam, "We can look at market data together.", "k1")
    svc.move_on(fac, "agree", "discuss")
    svc.add_term(sam, "Publish the band", "Friday 14 November")
    svc.set_revisit(fac, date(2027, 3, 1))
    version = agreement_version(svc.state(fac))
    svc.confirm(sam, version)
    svc.confirm(alex, version)
    assert svc.state(fac).stage == "closed"
    assert not any("has not spoken" in s.text for s in svc.suggestions(fac))
    at = _open(fac_token)
    assert not at.exception
    assert "has not spoken for a while" not in _texts(at)


def test_strategy_cards_show_titles_not_slugs(svc: SessionService) -> None:
    _people, tokens = _to_discuss(svc, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    next(b for b in at.button if b.label == "Suggest moves").click().run()
    labels = [e.label for e in at.expander if e.label.startswith("Strategy: ")]
    cards = {c.slug: c.title for c in load_cards(PROJECT_ROOT / "knowledge")}
    assert labels and all(label.removeprefix("Strategy: ") in cards.values() for label in labels)
    assert not any(slug in label for label in labels for slug in cards)
