"""What a new user hit on the pages (issue 11), page by page, with AppTest against a real SQLite file."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from assistant.config import PROJECT_ROOT
from assistant.export import plan_markdown
from assistant.knowledge import load_cards
from assistant.store import Repository
from tests.ui.test_pages import APP, TIMEOUT, _open, _session, _texts, _to_discuss, repo

__all__ = ["repo"]

ULTIMATUM_ASK = "Fix the roof by Friday or I stop paying rent."
ULTIMATUM_OFFER = "Give me a dehumidifier or I move out and report you."


def _to_ask_offer(repo: Repository) -> tuple[int, dict[str, str]]:
    sid, tokens = _session(repo)
    sam, alex = (p.id for p in repo.load(sid).parties)
    repo.set_goal(sid, sam, "a dry flat")
    repo.set_goal(sid, alex, "a tenant who stays")
    repo.set_mutual_goal(sid, "a dry flat and a tenant who stays")
    repo.advance(sid, "ask_offer", "goals")
    return sid, tokens


def _seal(at: AppTest, ask: str, offer: str, nn: str = "") -> AppTest:
    next(t for t in at.text_area if t.label == "My one ask").input(ask)
    next(t for t in at.text_area if t.label == "My one offer").input(offer)
    if nn:
        next(t for t in at.text_input if t.label.startswith("My one non-negotiable")).input(nn)
    return next(b for b in at.button if b.label == "Seal my ask and offer").click().run()


# 1 · choices that can be read: keep mine or take the reframe, per field


def test_each_flagged_field_is_chosen_on_its_own(repo: Repository) -> None:
    sid, tokens = _to_ask_offer(repo)
    at = _seal(_open(tokens["Sam"]), ULTIMATUM_ASK, ULTIMATUM_OFFER)
    assert not at.exception
    labels = [b.label for b in at.button]
    assert "Submit with the reframes" not in labels and "Seal with these choices" in labels
    radios = {r.label: r for r in at.radio}
    assert set(radios) == {"For my ask", "For my offer"}
    # nothing is sealed until each flagged field has a choice
    next(b for b in at.button if b.label == "Seal with these choices").click().run()
    assert repo.load(sid).entries == () and "Choose for my ask and my offer" in _texts(at)
    radios = {r.label: r for r in at.radio}
    radios["For my ask"].set_value("Take the reframe")
    radios["For my offer"].set_value("Keep mine")
    next(b for b in at.button if b.label == "Seal with these choices").click().run()
    assert not at.exception
    (entry,) = repo.load(sid).entries
    assert entry.offer == ULTIMATUM_OFFER  # kept as written
    assert entry.ask != ULTIMATUM_ASK and "stop paying rent" not in entry.ask  # the reframe was taken


# 2 · things that vanish or don't say what happened


def test_round_two_says_why_the_non_negotiable_field_is_absent(repo: Repository) -> None:
    sid, tokens = _to_ask_offer(repo)
    sam, alex = (p.id for p in repo.load(sid).parties)
    repo.submit_entry(sid, sam, 1, "Could you fix the roof?", "I'll give access.", "No child sleeps in mould.")
    repo.submit_entry(sid, alex, 1, "Could you air the flat?", "I'll fix the roof.")
    repo.advance(sid, "discuss", "ask_offer")
    repo.advance(sid, "ask_offer", "discuss")
    sam_page, alex_page = _open(tokens["Sam"]), _open(tokens["Alex"])
    assert not sam_page.exception and not alex_page.exception
    assert not any(t.label.startswith("My one non-negotiable") for t in sam_page.text_input)
    assert "one per side, and you already named yours" in _texts(sam_page)
    assert any(t.label.startswith("My one non-negotiable") for t in alex_page.text_input)
    assert "You chose not to name one" in _texts(alex_page)


def test_the_page_says_revealed_once_everyone_has_submitted(repo: Repository) -> None:
    sid, tokens = _to_ask_offer(repo)
    sam, alex = (p.id for p in repo.load(sid).parties)
    repo.submit_entry(sid, sam, 1, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    assert "sealed" in _texts(at) and "Revealed" not in _texts(at)
    repo.submit_entry(sid, alex, 1, "Could you air the flat?", "I'll fix the roof.")
    at = _open(tokens["Sam"])
    assert "**Revealed.**" in _texts(at)
    assert "Your ask and offer are sealed" not in _texts(at)


def test_suggested_moves_stay_in_view(repo: Repository) -> None:
    _sid, tokens = _to_discuss(repo, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    assert "Ideas for a next move" not in [e.label for e in at.expander]  # a section that cannot collapse
    next(b for b in at.button if b.label == "Suggest moves").click().run()
    assert not at.exception
    assert any(e.label.startswith("Strategy: ") for e in at.expander)


# 3 · the offline-coach notice: once, inline, dismissible


def test_offline_notice_is_inline_and_can_be_dismissed(repo: Repository) -> None:
    _sid, tokens = _to_discuss(repo)
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


def test_raw_demands_are_saved_with_the_plan(repo: Repository) -> None:
    at = _prepare()
    demands = "fix the leak\nrepaint the bedroom\nstop ignoring my emails"
    next(t for t in at.text_area if t.label.startswith("Everything I want")).input(demands).run()
    token = at.query_params["plan"]
    token = token[0] if isinstance(token, list) else token
    assert repo.load_plan(token)["demands"] == demands
    # the browser test reloads /prepare?plan=... and finds the list there (tests/e2e)


def test_a_flagged_line_carries_its_flag_into_the_plan(repo: Repository) -> None:
    at = _prepare()
    next(t for t in at.text_input if t.label == "A line you plan to say").input(ULTIMATUM_ASK)
    next(b for b in at.button if b.label == "Check the tone").click().run()
    assert at.warning and "Ultimatum" in at.warning[0].value
    next(b for b in at.button if b.label == "Add this line to my plan").click().run()
    assert not at.exception
    token = at.query_params["plan"]
    plan = repo.load_plan(token[0] if isinstance(token, list) else token)
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


def _to_agree(repo: Repository) -> tuple[int, dict[str, str]]:
    sid, tokens = _to_discuss(repo)
    repo.advance(sid, "agree", "discuss")
    return sid, tokens


def test_terms_placeholder_does_not_invite_from_and_the_agreement_is_dated(repo: Repository) -> None:
    sid, tokens = _to_agree(repo)
    sam = repo.load(sid).parties[0].id
    repo.add_term(sid, sam, "Have the roof fixed", "from Monday 10 November")
    at = _open(tokens["Sam"])
    assert not at.exception
    by_when = next(t for t in at.text_input if t.label == "By when")
    assert "from" not in (by_when.placeholder or "").lower()
    assert "Have the roof fixed (from Monday 10 November)" in _texts(at)
    assert "by from" not in _texts(at)
    today = date.today()
    assert f"Dated {today.day} {today:%B %Y}" in _texts(at)


# 6 · facilitator panel


def _facilitated(repo: Repository) -> tuple[int, dict[str, str], str]:
    links = repo.create_session("Pay review", ["Board", "Director"], facilitator=True)
    assert links.facilitator_token is not None
    return links.session_id, links.party_tokens, links.facilitator_token


def test_empty_equal_time_says_something_human(repo: Repository) -> None:
    _sid, _tokens, fac = _facilitated(repo)
    at = _open(fac)
    assert not at.exception
    assert "Nobody has said anything yet" in _texts(at)
    assert not at.get("arrow_vega_lite_chart")  # no chart of zeros


def test_no_silence_nag_once_the_agreement_is_confirmed(repo: Repository) -> None:
    sid, _tokens, fac = _facilitated(repo)
    board, director = (p.id for p in repo.load(sid).parties)
    repo.set_goal(sid, board, "a fair pay band")
    repo.set_goal(sid, director, "pay that keeps me here")
    repo.set_mutual_goal(sid, "a pay band we both defend")
    repo.advance(sid, "ask_offer", "goals")
    repo.submit_entry(sid, board, 1, "Could you accept a band?", "We'll review yearly.")
    repo.submit_entry(sid, director, 1, "Could the band start at market rate?", "I'll stay two years.")
    repo.advance(sid, "discuss", "ask_offer")
    repo.add_message(sid, board, "We can look at market data together.")
    repo.advance(sid, "agree", "discuss")
    repo.add_term(sid, board, "Publish the band", "Friday 14 November")
    repo.set_revisit(sid, date(2027, 3, 1))
    repo.confirm(sid, board)
    repo.confirm(sid, director)
    at = _open(fac)
    assert not at.exception
    assert repo.load(sid).stage == "closed"
    assert "has not spoken for a while" not in _texts(at)


def test_strategy_cards_show_titles_not_slugs(repo: Repository) -> None:
    _sid, tokens = _to_discuss(repo, "Could you fix the roof?", "I'll give access.")
    at = _open(tokens["Sam"])
    next(b for b in at.button if b.label == "Suggest moves").click().run()
    labels = [e.label for e in at.expander if e.label.startswith("Strategy: ")]
    cards = {c.slug: c.title for c in load_cards(PROJECT_ROOT / "knowledge")}
    assert labels and all(label.removeprefix("Strategy: ") in cards.values() for label in labels)
    assert not any(slug in label for label in labels for slug in cards)
