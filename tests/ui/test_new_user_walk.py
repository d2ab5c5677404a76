"""What a new user hit in a real browser walk (issue: new-user walk), re-walked with AppTest."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from assistant.process.model import Access
from assistant.process.permissions import agreement_version
from assistant.process.rules import ProcessError
from assistant.session import SessionService
from tests.ui.test_pages import _open, _texts, _to_ask_offer, _to_discuss, repo, svc

__all__ = ["repo", "svc"]

ULTIMATUM_ASK = "Fix the roof by Friday or I stop paying rent."
ULTIMATUM_OFFER = "Give me a dehumidifier or I move out and report you."
ULTIMATUM_MSG = "Come to the visit or I'm spending the holidays without you."


def _area(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(t for t in at.text_area if t.label == label)


def _click(at: AppTest, label: str) -> AppTest:
    return next(b for b in at.button if b.label == label).click().run()


def _shrink_into_the_ask(at: AppTest) -> str:
    """Shrink a short list and take the suggestion as the ask; the ask it wrote."""
    _area(at, "Everything you want, as it comes").input("fix the roof\nrepaint the bedroom\nanswer my emails")
    _click(at, "Shrink my demands")
    _click(at, "Use this as my ask")
    shrunk = str(_area(at, "My one ask").value)
    assert shrunk.strip()
    return shrunk


# 1 · back to editing gives the words back


def test_back_to_editing_keeps_the_ask_and_offer_as_written(svc: SessionService) -> None:
    _people, tokens = _to_ask_offer(svc)
    at = _open(tokens["Sam"])
    _shrink_into_the_ask(at)
    _area(at, "My one ask").input(ULTIMATUM_ASK)
    _area(at, "My one offer").input(ULTIMATUM_OFFER)
    _click(at, "Seal my ask and offer")
    assert "Seal with these choices" in [b.label for b in at.button]
    _click(at, "Back to editing")
    assert not at.exception
    assert _area(at, "My one ask").value == ULTIMATUM_ASK
    assert _area(at, "My one offer").value == ULTIMATUM_OFFER
    assert "is empty" not in _texts(at)


def test_back_to_editing_keeps_an_ask_the_shrink_tool_filled_in(svc: SessionService) -> None:
    _people, tokens = _to_ask_offer(svc)
    at = _open(tokens["Sam"])
    shrunk = _shrink_into_the_ask(at)
    _area(at, "My one offer").input(ULTIMATUM_OFFER)
    _click(at, "Seal my ask and offer")
    _click(at, "Back to editing")
    assert not at.exception
    assert _area(at, "My one ask").value == shrunk
    assert _area(at, "My one offer").value == ULTIMATUM_OFFER


# 2 · edit after a drift flag gives the message back


def test_edit_after_a_drift_flag_keeps_the_message(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    _area(at, "Your message").input(ULTIMATUM_MSG)
    _click(at, "Send")
    assert at.warning and "ultimatum" in at.warning[0].value.lower()
    _click(at, "Edit")
    assert not at.exception
    assert _area(at, "Your message").value == ULTIMATUM_MSG
    assert svc.state(people["Sam"]).messages == ()


def test_edit_twice_after_drift_flags_keeps_the_message(svc: SessionService) -> None:
    _people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    _area(at, "Your message").input(ULTIMATUM_MSG)
    _click(at, "Send")
    _click(at, "Edit")
    second = ULTIMATUM_MSG + " I mean it."
    _area(at, "Your message").input(second)
    _click(at, "Send")
    assert at.warning
    _click(at, "Edit")
    assert _area(at, "Your message").value == second


# 3 · a confirmation is of the terms and revisit date on screen


def _to_agree(svc: SessionService) -> tuple[dict[str, Access], dict[str, str]]:
    people, tokens = _to_discuss(svc)
    for acc in people.values():
        svc.move_on(acc, "agree", "discuss")
    svc.add_term(people["Sam"], "Cap the visit at two hours", "this Sunday")
    return people, tokens


def test_a_changed_revisit_date_can_be_set_and_never_confirmed_unset(svc: SessionService) -> None:
    people, tokens = _to_agree(svc)
    sam, alex = people["Sam"], people["Alex"]
    svc.set_revisit(sam, date(2027, 3, 3))
    svc.confirm(sam, agreement_version(svc.state(sam)))
    at = _open(tokens["Alex"])
    (field,) = at.date_input
    field.set_value(date(2027, 3, 10)).run()
    assert not at.exception
    assert "Set the revisit date" in [b.label for b in at.button]
    _click(at, "I confirm this agreement")  # the field says 10 March; the agreement says 3 March
    assert not at.exception
    assert svc.state(alex).stage == "agree" and alex.party_id not in svc.state(alex).confirmed
    assert any("10 March 2027" in e.value and "Set the revisit date" in e.value for e in at.error)
    _click(at, "Set the revisit date")
    state = svc.state(alex)
    assert state.revisit_on == date(2027, 3, 10) and state.confirmed == frozenset()  # Sam confirms again


def test_confirm_while_the_field_differs_is_refused_by_the_service(svc: SessionService) -> None:
    people, _tokens = _to_agree(svc)
    sam = people["Sam"]
    svc.set_revisit(sam, date(2027, 3, 3))
    version = agreement_version(svc.state(sam))
    with pytest.raises(ProcessError, match="Set the revisit date"):
        svc.confirm(sam, version, revisit_shown=date(2027, 3, 10))
    assert svc.state(sam).confirmed == frozenset()
    assert svc.confirm(sam, version, revisit_shown=date(2027, 3, 3)) is False


def test_no_revisit_date_yet_is_shown_as_empty(svc: SessionService) -> None:
    _people, tokens = _to_agree(svc)
    at = _open(tokens["Sam"])
    (field,) = at.date_input
    assert field.value is None  # no placeholder date that looks set
    assert "No revisit date yet" in _texts(at)


# 4 · other people's names and words are shown as text, never as markup

SAM_MARKUP = "Sam <b>bold</b>"
ALEX_MARKUP = "**Alex**"


def _markdown_bodies(at: AppTest) -> list[str]:
    """Every element whose body Streamlit renders as Markdown."""
    kinds = ("markdown", "caption", "error", "warning", "info", "success", "title", "subheader", "header")
    return [str(e.value) for kind in kinds for e in at.get(kind)] + [str(b.label) for b in at.button]


def test_names_are_escaped_wherever_they_are_shown(svc: SessionService) -> None:
    links = svc.create_session("Names as typed", [SAM_MARKUP, ALEX_MARKUP], facilitator=True)
    assert links.facilitator_token is not None
    people = {n: svc.resolve(t) for n, t in links.party_tokens.items()}
    sam, alex = people[SAM_MARKUP], people[ALEX_MARKUP]
    pages: list[AppTest] = []
    at = _open(links.party_tokens[SAM_MARKUP])
    _click(at, "Delete")  # the delete popover names who agreed
    fac = _open(links.facilitator_token)
    _click(fac, "Move on to Ask & offer")  # refused: 'Waiting for a goal from ...' names both
    assert fac.error
    pages += [at, fac]
    svc.set_goal(sam, "a goal")
    svc.set_goal(alex, "a goal")
    svc.propose_mutual_goal(sam, "make progress")
    pages.append(_open(links.party_tokens[ALEX_MARKUP]))  # 'Proposed mutual goal, from ...'
    facilitator = svc.resolve(links.facilitator_token)
    svc.propose_mutual_goal(facilitator, "make progress")
    svc.move_on(facilitator, "ask_offer", "goals")
    svc.submit_entry(sam, 1, "Could you call?", "I'll write.")
    pages.append(_open(links.party_tokens[SAM_MARKUP]))  # 'Waiting for: ...'
    svc.leave(alex, "bye")
    pages.append(_open(links.party_tokens[SAM_MARKUP]))  # 'The talks look stuck: ... left'
    pages.append(_open(links.facilitator_token))
    for page in pages:
        assert not page.exception
        for body in _markdown_bodies(page):
            assert ALEX_MARKUP not in body and "<b>" not in body, body
    assert any("Waiting for a goal from" in e.value for e in fac.error)


# 5 · Parley never takes sides: no party is singled out to the others


DEV_HARD = ["Sign it by Friday or we are done here.", "This is my final offer: take it or leave it."]
PRIYA_HARD = ["Agree to three days by Friday or we cancel the office budget.", "We're done talking."]


def _dev_and_priya(svc: SessionService) -> tuple[dict[str, Access], dict[str, str]]:
    links = svc.create_session("Office days", ["Dev", "Priya"])
    people = {n: svc.resolve(t) for n, t in links.party_tokens.items()}
    for acc in people.values():
        svc.set_goal(acc, "a goal")
    svc.propose_mutual_goal(people["Dev"], "make progress")
    svc.accept_mutual_goal(people["Priya"], "make progress")
    for acc in people.values():
        svc.move_on(acc, "ask_offer", "goals")
    svc.submit_entry(people["Dev"], 1, "Could you come in twice?", "I'll move the standup.")
    svc.submit_entry(people["Priya"], 1, "Could we start at ten?", "I'll come in on Tuesdays.")
    for acc in people.values():
        svc.move_on(acc, "discuss", "ask_offer")
    return people, links.party_tokens


def test_the_stuck_notice_names_nobody_and_drift_tags_go_only_to_the_sender(svc: SessionService) -> None:
    people, tokens = _dev_and_priya(svc)
    dev, priya = people["Dev"], people["Priya"]
    for i, (d, p) in enumerate(zip(DEV_HARD, PRIYA_HARD, strict=True)):
        svc.send(dev, d, f"d{i}")
        svc.send(priya, p, f"p{i}")
    assert all(
        m.level == "ultimatum" for m in svc.state(svc.resolve(tokens["Dev"])).messages if m.party_id == dev.party_id
    )
    for me, other in (("Priya", "Dev"), ("Dev", "Priya")):
        at = _open(tokens[me])
        assert not at.exception
        stuck = [w.value for w in at.warning if "The talks look stuck" in w.value]
        assert stuck and not any(other in w or me in w for w in stuck), stuck
        tags = [c.value for c in at.caption if "read as an ultimatum" in c.value]
        assert tags and all(c.startswith(me) for c in tags), tags  # only my own messages carry the tag
    # the service does not hand a party the others' drift labels either
    assert {m.level for m in svc.state(priya).messages if m.party_id != priya.party_id} == {""}


def test_no_stuck_notice_once_the_agreement_is_confirmed(svc: SessionService) -> None:
    people, tokens = _dev_and_priya(svc)
    dev, priya = people["Dev"], people["Priya"]
    for i, d in enumerate(DEV_HARD):
        svc.send(dev, d, f"d{i}")
    assert "The talks look stuck" in _texts(_open(tokens["Priya"]))
    for acc in people.values():
        svc.move_on(acc, "agree", "discuss")
    svc.add_term(dev, "Move the standup to ten", "Monday")
    svc.set_revisit(dev, date(2027, 3, 3))
    version = agreement_version(svc.state(dev))
    svc.confirm(dev, version)
    svc.confirm(priya, version)
    at = _open(tokens["Priya"])
    assert "Agreement confirmed by everyone" in _texts(at)
    assert "The talks look stuck" not in _texts(at)


# 6 · the word left on a walkout gets the same drift check as every other send


def test_a_walkout_word_is_checked_before_it_is_posted(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    sam = people["Sam"]
    at = _open(tokens["Sam"])
    next(t for t in at.text_input if t.label.startswith("A word for the others")).input(ULTIMATUM_MSG)
    _click(at, "Leave now")
    assert not at.exception
    assert svc.state(sam).party(sam.party_id or 0).active  # nothing posted yet: the person chooses
    assert any("may land as an ultimatum" in w.value for w in at.warning)
    _click(at, "Leave with the reframe")
    assert not at.exception
    state = svc.state(sam)
    assert not state.party(sam.party_id or 0).active
    (walkout,) = [m for m in state.messages if m.kind == "walkout"]
    assert "spending the holidays without you" not in walkout.text and walkout.text.startswith("Sam left")


def test_a_calm_walkout_word_is_posted_at_once(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    sam = people["Sam"]
    at = _open(tokens["Sam"])
    next(t for t in at.text_input if t.label.startswith("A word for the others")).input("I need a break; back soon.")
    _click(at, "Leave now")
    assert not at.exception
    (walkout,) = [m for m in svc.state(sam).messages if m.kind == "walkout"]
    assert walkout.text == "Sam left the session. I need a break; back soon."


# 8 · a 'ready' says what it is for, and a later choice replaces an earlier one


def test_ready_votes_say_what_for_and_never_contradict(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    sam, alex = people["Sam"], people["Alex"]
    svc.move_on(sam, "agree", "discuss")
    svc.move_on(sam, "ask_offer", "discuss")  # Sam changes his mind: another round
    assert set(svc.state(sam).ready.values()) == {"discuss#1>ask_offer"}  # the later vote replaced the earlier
    at = _open(tokens["Alex"])
    text = _texts(at)
    assert "Sam is ready to open another ask & offer round" in text
    assert "said they are ready." not in text  # never a 'ready' without what for
    _click(at, "Move on to Agree")
    assert not at.exception
    assert svc.state(alex).stage == "discuss"
    text = _texts(at)
    assert "You are ready to move on to Agree" in text and "Sam is ready to open another ask & offer round" in text
    assert "You said you are ready. Waiting for" not in text
    assert "different next steps" in text  # says how to get unstuck
    _click(at, "Open another ask & offer round")  # Alex joins Sam: the later choice counts
    assert svc.state(alex).stage == "ask_offer" and svc.state(alex).round_no == 2


# 9 · shrinking again never writes over an ask the person wrote


def test_shrinking_again_asks_before_replacing_the_ask(svc: SessionService) -> None:
    _people, tokens = _to_ask_offer(svc)
    at = _open(tokens["Sam"])
    suggested = _shrink_into_the_ask(at)
    # (the person edits the box by hand: a form keeps those words in the browser until the seal, tests/e2e)
    _area(at, "Everything you want, as it comes").input("answer my emails\nrepaint the bedroom")
    _click(at, "Shrink my demands")
    assert not at.exception
    assert _area(at, "My one ask").value == suggested  # nothing written into the box
    second = next(t.value for t in at.text if t.value != suggested and t.value.startswith("Could you"))
    _click(at, "Use this as my ask")  # replaced only when the person says so
    assert _area(at, "My one ask").value == second


# 10 · a refused send gives the words back, and the next one is sent as typed

LONG_PASTE = "I have been thinking about the visits all week and I feel nobody listens to me. " * 30


def test_a_message_over_the_limit_stays_in_the_box_and_the_next_one_is_sent_as_typed(svc: SessionService) -> None:
    people, tokens = _to_discuss(svc)
    at = _open(tokens["Sam"])
    _area(at, "Your message").input(LONG_PASTE)
    _click(at, "Send")
    assert not at.exception
    assert any("keep it under" in e.value for e in at.error)
    assert _area(at, "Your message").value == LONG_PASTE  # the pasted words are still there to shorten
    _area(at, "Your message").input("Could we meet on Sunday instead?")
    _click(at, "Send")
    assert not at.exception and not at.error
    (msg,) = svc.state(people["Sam"]).messages
    assert msg.text == "Could we meet on Sunday instead?"  # not the refused paste sent again


# (a refused commitment: the form empties itself in the browser, so tests/e2e walks it)
