"""What a new user hit in a real browser walk (issue: new-user walk), re-walked with AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

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


# 1 · back to editing gives the words back


def test_back_to_editing_keeps_the_ask_and_offer_as_written(svc: SessionService) -> None:
    _people, tokens = _to_ask_offer(svc)
    at = _open(tokens["Sam"])
    _area(at, "Everything you want, as it comes").input("fix the roof\nrepaint the bedroom\nanswer my emails")
    _click(at, "Shrink my demands")
    shrunk = _area(at, "My one ask").value
    assert shrunk.strip()
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
    _area(at, "Everything you want, as it comes").input("fix the roof\nrepaint the bedroom\nanswer my emails")
    _click(at, "Shrink my demands")
    shrunk = _area(at, "My one ask").value
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
