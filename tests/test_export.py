"""Exports: Markdown that reads as written, terms with their timing, a dated agreement, a one-page plan PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.export import agreement_markdown, markdown_to_pdf, plan_markdown, when_phrase
from assistant.session import SessionService
from assistant.store import Repository

# A full plan as a tenant might write it before talking to a landlord about mould: every field filled.
FULL_PLAN = {
    "assumptions": (
        "The landlord (tenant-friendly on paper) thinks the mould is our fault for drying clothes inside. "
        "I assume he will not pay for a dehumidifier, and that he reads every complaint as a threat to sue."
    ),
    "goals": "A dry flat by winter; my daughter's asthma meds!! are running out faster since the mould came back.",
    "expectations": "He will start defensive, then talk money. Expect to be surprised: he may already know about the leak.",
    "their_view": (
        "He assumes we ventilate too little; his goal is to keep costs down and keep a reliable tenant; "
        "he expects me to ask for a rent cut."
    ),
    "demands": "fix the leak\nrepaint the bedroom\nrent cut\nstop ignoring my emails",
    "ask": "Could you have the roof leak over the bedroom fixed before the end of the month?",
    "interest": "a healthy home for my daughter",
    "parked": ["repaint the bedroom", "a rent cut for the months with mould", "answers to emails within a week"],
    "offer": "I'll give the roofer access any weekday and air the flat twice a day, and log the humidity for you.",
    "non_negotiable": "No child sleeps in the mouldy bedroom.",
    "batna": "Report it to the council's housing team and ask for an inspection; move my daughter to the living room.",
    "walk_away": "If he refuses any repair, the council route is better than another month of waiting.",
    "lines": (
        "Fix the roof by Friday or I stop paying rent.\n"
        "I want us both to come out of this with a dry flat and a tenant who stays.\n"
        "What would make a repair this month possible for you?"
    ),
    "tone_checks": {
        "Fix the roof by Friday or I stop paying rent.": {
            "level": "ultimatum",
            "reason": "It ties a demand to a deadline and a penalty.",
            "reframe": "Could we get the roof fixed this month? It matters a lot for my daughter's health.",
        }
    },
}


def test_plan_markdown_escapes_for_markdown_not_for_streamlit() -> None:
    md = plan_markdown(FULL_PLAN)
    assert "meds!!" in md and "(tenant-friendly on paper)" in md
    assert "\\!" not in md and "\\(" not in md and "\\)" not in md


def test_markdown_still_neutralises_formatting_links_and_html() -> None:
    plan = {"goals": "<b>bold</b> [click](http://evil.example) ![x](http://evil.example/x.png) *now*\n# not a heading"}
    md = plan_markdown(plan)
    assert "\\<b\\>" in md and "\\[click\\]" in md and "!\\[x\\]" in md and "\\*now\\*" in md
    assert "\n# not a heading" not in md and "\\# not a heading" in md


def test_a_line_flagged_as_an_ultimatum_keeps_its_flag_in_the_plan() -> None:
    md = plan_markdown(FULL_PLAN)
    flagged = next(line for line in md.splitlines() if "stop paying rent" in line)
    assert "may land as an ultimatum" in flagged and "Could we get the roof fixed this month?" in flagged
    calm = next(line for line in md.splitlines() if "dry flat and a tenant" in line)
    assert "ultimatum" not in calm


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as poppler reads it."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, count + 1)
    ]


needs_poppler = pytest.mark.skipif(
    not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo, pdftotext) is not installed"
)


@needs_poppler
def test_the_one_page_plan_fits_one_page(tmp_path: Path) -> None:
    pages = _pages(markdown_to_pdf(plan_markdown(FULL_PLAN), one_page=True), tmp_path)
    assert len(pages) == 1
    text = " ".join(pages[0].split())
    assert "Lines I plan to say" in text and "What would make a repair this month possible" in text
    assert "meds!!" in text and "\\" not in text


@needs_poppler
def test_a_heading_is_never_left_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    # several pages of sections one to five lines long, so headings fall at every height on a page
    long = "\n".join(
        f"## Section {i}\n" + "\n".join(f"Line {j} of section {i}." for j in range(i % 5 + 1)) for i in range(120)
    )
    pages = _pages(markdown_to_pdf("# Record\n" + long), tmp_path)
    assert len(pages) > 1
    for page in pages[:-1]:
        last = [line.strip() for line in page.splitlines() if line.strip()][-1]
        assert not last.startswith("Section"), f"a heading ends the page: {last!r}"


def test_terms_read_by_when_without_doubling_the_preposition() -> None:
    assert when_phrase("Friday 14 November") == "by Friday 14 November"
    assert when_phrase("from Monday 10 November") == "from Monday 10 November"
    assert when_phrase("By the end of the month") == "By the end of the month"
    assert when_phrase("every Friday") == "every Friday"


def test_agreement_markdown_is_dated_and_prints_terms_cleanly(tmp_path: Path) -> None:
    svc = SessionService(Repository.from_url(f"sqlite:///{tmp_path / 'a.db'}"))
    links = svc.create_session("Mould (flat 3)", ["Tenant", "Landlord"], facilitator=True)
    assert links.facilitator_token is not None
    fac = svc.resolve(links.facilitator_token)
    tenant, landlord = (svc.resolve(links.party_tokens[n]) for n in ("Tenant", "Landlord"))
    svc.set_goal(tenant, "a dry flat")
    svc.set_goal(landlord, "a tenant who stays")
    svc.propose_mutual_goal(fac, "a dry flat and a tenant who stays")
    svc.move_on(fac, "ask_offer", "goals")
    svc.submit_entry(tenant, 1, "Could you fix the roof?", "I'll give access.")
    svc.submit_entry(landlord, 1, "Could you air the flat?", "I'll fix the roof.")
    svc.move_on(fac, "discuss", "ask_offer")
    svc.move_on(fac, "agree", "discuss")
    svc.add_term(landlord, "Have the roof fixed", "from Monday 10 November")
    md = agreement_markdown(svc.state(fac), date(2026, 11, 23))
    assert "Date: 23 November 2026" in md
    assert "(from Monday 10 November)" in md and "by from" not in md
    assert "Mould (flat 3)" in md  # parentheses are not escaped in a Markdown file
