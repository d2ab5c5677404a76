"""Who may do what, and doing it once with what was seen: every hole of issue 10 through the
service pages use, on a real SQLite file and a real PostgreSQL (PARLEY_TEST_POSTGRES_URL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.coach import OfflineCoach
from assistant.process import ProcessError
from assistant.process.model import Access
from assistant.process.permissions import MAX_NOTES, agreement_version
from assistant.session import SessionService, UnknownPlan
from assistant.store import Repository
from assistant.store.repository import UnknownLink
from tests.test_store import PG, _pg_repo


@pytest.fixture(params=["sqlite", "postgres"])
def svc(request: pytest.FixtureRequest, tmp_path: Path, coach: OfflineCoach) -> Iterator[SessionService]:
    if request.param == "sqlite":
        yield SessionService(Repository.from_url(f"sqlite:///{tmp_path / 'parley.db'}"), coach)
    else:
        if not PG:
            pytest.skip("set PARLEY_TEST_POSTGRES_URL to run against PostgreSQL (.ci/run does)")
        for repo in _pg_repo():
            yield SessionService(repo, coach)


def _start(
    svc: SessionService, facilitator: bool = False, names: tuple[str, ...] = ("Ana", "Ben")
) -> tuple[dict[str, Access], Access | None]:
    links = svc.create_session("Office days", list(names), facilitator=facilitator)
    people = {n: svc.resolve(tok) for n, tok in links.party_tokens.items()}
    fac = svc.resolve(links.facilitator_token) if links.facilitator_token else None
    return people, fac


def _goals(svc: SessionService, people: dict[str, Access], fac: Access | None = None) -> None:
    for name, acc in people.items():
        svc.set_goal(acc, f"{name} wants a plan")
    if fac:
        svc.propose_mutual_goal(fac, "make progress")
    else:
        first, *rest = people.values()
        svc.propose_mutual_goal(first, "make progress")
        for acc in rest:
            svc.accept_mutual_goal(acc, "make progress")


def _everyone_moves(svc: SessionService, people: dict[str, Access], to: str, frm: str) -> None:
    for acc in people.values():
        svc.move_on(acc, to, frm)


def _to_agree(svc: SessionService, people: dict[str, Access]) -> None:
    _goals(svc, people)
    _everyone_moves(svc, people, "ask_offer", "goals")
    for acc in people.values():
        svc.submit_entry(acc, 1, "an ask", "an offer")
    _everyone_moves(svc, people, "discuss", "ask_offer")
    _everyone_moves(svc, people, "agree", "discuss")


# ---- who may do what ----------------------------------------------------------------------


def test_one_party_cannot_delete_the_session_for_everyone(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    out = svc.delete_session(ana)
    assert not out.done and out.waiting == ("Ben",)
    assert svc.state(ben).title == "Office days"  # still there for Ben
    svc.keep_session(ana)  # Ana takes it back: Ben alone cannot delete either
    assert not svc.delete_session(ben).done
    assert svc.delete_session(ana).done  # both agreed
    with pytest.raises(UnknownLink):
        svc.state(ben)


def test_the_facilitator_deletes_but_not_a_confirmed_agreement(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    _goals(svc, people, fac)
    for to, frm in (("ask_offer", "goals"),):
        svc.move_on(fac, to, frm)
    for acc in people.values():
        svc.submit_entry(acc, 1, "an ask", "an offer")
    svc.move_on(fac, "discuss", "ask_offer")
    svc.move_on(fac, "agree", "discuss")
    svc.add_term(people["Ana"], "Two office days", "from June")
    svc.set_revisit(fac, date(2027, 3, 1))
    for acc in people.values():
        svc.confirm(acc, agreement_version(svc.state(acc)))
    assert svc.state(fac).stage == "closed"
    with pytest.raises(ProcessError, match="confirmed agreement stays"):
        svc.delete_session(fac)
    assert not svc.delete_session(people["Ana"]).done  # one side cannot either
    assert svc.delete_session(people["Ben"]).done  # every party agreed


def test_facilitator_alone_deletes_an_open_session(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    assert svc.delete_session(fac).done
    with pytest.raises(UnknownLink):
        svc.state(people["Ana"])


def test_without_a_facilitator_moving_on_needs_every_active_party(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    _goals(svc, people)
    out = svc.move_on(ana, "ask_offer", "goals")
    assert not out.done and out.waiting == ("Ben",)
    assert svc.state(ana).stage == "goals"
    assert svc.move_on(ben, "ask_offer", "goals").done
    assert svc.state(ana).stage == "ask_offer"


def test_a_ready_for_another_move_does_not_count(svc: SessionService) -> None:
    people, _ = _start(svc)
    _goals(svc, people)
    _everyone_moves(svc, people, "ask_offer", "goals")
    for acc in people.values():
        svc.submit_entry(acc, 1, "an ask", "an offer")
    _everyone_moves(svc, people, "discuss", "ask_offer")
    svc.move_on(people["Ana"], "agree", "discuss")
    assert not svc.move_on(people["Ben"], "ask_offer", "discuss").done  # Ben wants another round, not agree
    assert svc.state(people["Ana"]).stage == "discuss"


def test_in_a_facilitated_session_only_the_facilitator_moves_on(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    _goals(svc, people, fac)
    with pytest.raises(ProcessError, match="facilitator moves the session on"):
        svc.move_on(people["Ana"], "ask_offer", "goals")
    assert svc.move_on(fac, "ask_offer", "goals").done


def test_the_mutual_goal_is_proposed_by_one_and_accepted_by_the_others(svc: SessionService) -> None:
    people, _ = _start(svc, names=("Ana", "Ben", "Cy"))
    ana, ben, cy = people["Ana"], people["Ben"], people["Cy"]
    out = svc.propose_mutual_goal(ana, "A plan we can all live with")
    assert not out.done and set(out.waiting) == {"Ben", "Cy"}
    state = svc.state(ben)
    assert state.mutual_goal is None and state.mutual_goal_proposal == "A plan we can all live with"
    with pytest.raises(ProcessError, match="changed since you read it"):
        svc.accept_mutual_goal(ben, "something else")
    assert not svc.accept_mutual_goal(ben, "A plan we can all live with").done
    assert svc.accept_mutual_goal(cy, "A plan we can all live with").done
    assert svc.state(ana).mutual_goal == "A plan we can all live with"


def test_a_new_proposal_resets_acceptances(svc: SessionService) -> None:
    people, _ = _start(svc, names=("Ana", "Ben", "Cy"))
    svc.propose_mutual_goal(people["Ana"], "first idea")
    svc.accept_mutual_goal(people["Ben"], "first idea")
    svc.propose_mutual_goal(people["Cy"], "second idea")
    assert not svc.accept_mutual_goal(people["Ben"], "second idea").done  # Ana has not accepted it
    assert svc.state(people["Ana"]).goal_accepted == {people["Cy"].party_id, people["Ben"].party_id}


def test_the_facilitator_records_the_mutual_goal(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    assert svc.propose_mutual_goal(fac, "make progress").done
    assert svc.state(people["Ana"]).mutual_goal == "make progress"


def test_a_party_leaves_and_erases_their_own_notes(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana = people["Ana"]
    svc.save_notes(ana, "what I really think")
    svc.leave(ana, "I need a break.", erase_notes=True)
    assert svc.notes(ana) == ""
    assert not svc.state(ana).party(ana.party_id or 0).active
    svc.save_notes(ana, "again")
    svc.erase_my_notes(ana)
    assert svc.notes(ana) == ""


def test_sealed_entries_of_others_never_reach_a_viewer(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    _goals(svc, people, fac)
    svc.move_on(fac, "ask_offer", "goals")
    svc.submit_entry(people["Ana"], 1, "ANA-SEALED ask", "ANA-SEALED offer")
    for viewer in (people["Ben"], fac):
        state = svc.state(viewer)
        assert "ANA-SEALED" not in repr(state)
        assert state.submitted(1) == {people["Ana"].party_id}  # that she sealed is not a secret
    assert "ANA-SEALED" in repr(svc.state(people["Ana"]))


def test_a_worksheet_key_is_made_by_the_server(svc: SessionService) -> None:
    key = svc.new_plan()
    assert len(key) >= 32  # 192 bits, url-safe
    svc.save_plan(key, {"batna": "I take the other job"})
    assert svc.load_plan(key) == {"batna": "I take the other job"}
    for made_up in ["mine", "a" * 40, key[:-1] + ("A" if key[-1] != "A" else "B"), "", None]:
        with pytest.raises(UnknownPlan, match="not known here"):
            svc.load_plan(made_up)
    with pytest.raises(UnknownPlan):
        svc.save_plan("a" * 40, {"batna": "planted"})
    with pytest.raises(UnknownPlan):
        svc.load_plan("a" * 40)  # saving did not create it
    svc.delete_plan(key)
    with pytest.raises(UnknownPlan):
        svc.load_plan(key)


# ---- doing it once, with what was seen ----------------------------------------------------


def test_a_send_is_stored_once_per_draft(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana = people["Ana"]
    first = svc.send(ana, "Could we meet on Thursday?", "draft-1")
    again = svc.send(ana, "Could we meet on Thursday?", "draft-1")
    assert first == again and len(svc.state(ana).messages) == 1


def test_a_reframe_is_stored_with_its_own_level(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana = people["Ana"]
    original = "Sign it by Friday or I walk out and you will never hear from me again."
    verdict = svc.check_draft(ana, original)
    assert verdict.level == "ultimatum" and verdict.reframe
    svc.send(ana, verdict.reframe, "draft-2")
    (msg,) = svc.state(ana).messages
    assert msg.text == verdict.reframe
    assert msg.level == svc.check_draft(ana, verdict.reframe).level != "ultimatum"


def test_a_confirmation_is_of_the_version_seen(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    _to_agree(svc, people)
    svc.add_term(ana, "Later start on office days", "from 1 June")
    svc.set_revisit(ana, date(2027, 3, 1))
    seen_by_ben = agreement_version(svc.state(ben))
    svc.confirm(ana, agreement_version(svc.state(ana)))
    svc.set_revisit(ana, date(2027, 4, 1))  # Ana changes the date while Ben reads
    state = svc.state(ben)
    assert state.confirmed == frozenset()  # the change reset Ana's confirmation
    with pytest.raises(ProcessError, match="changed since you read it"):
        svc.confirm(ben, seen_by_ben)
    assert svc.confirm(ben, agreement_version(state)) is False  # Ana must confirm the new version too
    svc.add_term(ben, "Two office days", "from 1 June")
    assert svc.state(ana).confirmed == frozenset()
    v = agreement_version(svc.state(ana))
    assert svc.confirm(ana, v) is False
    assert svc.confirm(ben, v) is True
    state = svc.state(ana)
    assert state.stage == "closed"
    with pytest.raises(ProcessError, match="read-only"):
        svc.add_term(ana, "one more", "later")
    with pytest.raises(ProcessError, match="read-only"):
        svc.set_revisit(ben, date(2028, 1, 1))


def test_removing_a_term_resets_confirmations_and_only_ones_own(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    _to_agree(svc, people)
    svc.add_term(ana, "Later start", "June")
    svc.set_revisit(ana, date(2027, 3, 1))
    svc.confirm(ana, agreement_version(svc.state(ana)))
    (term,) = svc.state(ana).terms
    with pytest.raises(ProcessError, match="only your own"):
        svc.remove_term(ben, term.id)
    svc.remove_term(ana, term.id)
    assert svc.state(ben).confirmed == frozenset()


def test_a_walkout_does_not_strand_a_sealed_round(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    _goals(svc, people)
    _everyone_moves(svc, people, "ask_offer", "goals")
    assert svc.submit_entry(ana, 1, "an ask", "an offer") is False
    svc.leave(ben, "I need a break.")
    state = svc.state(ana)
    assert 1 in state.revealed_rounds  # everyone still present has sealed
    assert svc.move_on(ana, "discuss", "ask_offer").done  # the only active party is ready


def test_over_long_input_is_refused_with_the_limit_named(svc: SessionService) -> None:
    people, _ = _start(svc)
    ana = people["Ana"]
    svc.save_notes(ana, "kept")
    with pytest.raises(ProcessError, match="limit is 20,000"):
        svc.save_notes(ana, "x" * (MAX_NOTES + 1))
    assert svc.notes(ana) == "kept"  # nothing cut, nothing half-saved
    with pytest.raises(ProcessError, match="limit is 500"):
        svc.leave(ana, "y" * 501)
    assert svc.state(ana).party(ana.party_id or 0).active
    key = svc.new_plan()
    with pytest.raises(ProcessError, match="limit is 20,000"):
        svc.save_plan(key, {"batna": "z" * 20_001})
    with pytest.raises(ProcessError, match="2,000"):
        svc.set_goal(ana, "g" * 2_001)


def test_the_facilitator_cannot_act_as_a_party(svc: SessionService) -> None:
    people, fac = _start(svc, facilitator=True)
    assert fac is not None
    with pytest.raises(ProcessError, match="Only a party"):
        svc.set_goal(fac, "mine")
    with pytest.raises(ProcessError, match="Only a party"):
        svc.save_notes(fac, "mine")
    other, _ = _start(svc)
    stranger = Access(other["Ana"].session_id, people["Ana"].party_id, "party")  # a party id of another session
    with pytest.raises(ProcessError, match="does not belong"):
        svc.set_goal(stranger, "mine")


def test_the_export_is_of_the_current_version_and_dated(svc: SessionService) -> None:
    from assistant.export import agreement_markdown

    people, _ = _start(svc)
    ana, ben = people["Ana"], people["Ben"]
    _to_agree(svc, people)
    svc.add_term(ana, "Later start", "June")
    before = agreement_markdown(svc.state(ben), today=date(2026, 11, 23))
    svc.add_term(ben, "Two office days", "June")
    after = agreement_markdown(svc.state(ben), today=date(2026, 11, 24))
    assert agreement_version(svc.state(ben)) in after and agreement_version(svc.state(ben)) not in before
    assert "Two office days" in after and "exported on 2026-11-24" in after
