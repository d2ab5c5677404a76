"""Exports: the agreement record and the prepare-alone plan, as Markdown and as PDF."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from assistant.process import SessionState, visible_entries
from assistant.process.model import STAGE_TITLES
from assistant.process.permissions import agreement_version

_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
)


# Characters that start Markdown formatting anywhere in a line. `!` and `(` need no escape: an image or
# a link needs a `[` first, and that is escaped. Underscores inside a word are not emphasis.
_MD_INLINE = re.compile(r"[\\`*\[\]<>~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# What makes a line a heading, quote, list item, rule or table when it starts a line.
_MD_LINE_START = re.compile(r"^(\s*)(?:([#>+|=-])|(\d+)([.)]))")
_LEADING_PREPOSITION = re.compile(
    r"^(?:by|from|on|until|till|before|after|within|in|at|every|each|starting|as of)\b", re.I
)


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return m.group(1) + "\\" + m.group(2)
    return m.group(1) + m.group(3) + "\\" + m.group(4)


def _md_escape(text: str) -> str:
    """Escape text for a Markdown file so it reads as written: no formatting, no links, no HTML.

    Only what would change the meaning is escaped, so the file still reads cleanly as plain text
    (`meds!!` and `(tenant)` stay as they are).
    """
    out = []
    for line in text.splitlines() or [""]:
        line = _MD_INLINE.sub(lambda m: "\\" + m.group(0), line)
        out.append(_MD_LINE_START.sub(_escape_line_start, line))
    return "  \n".join(out)


def long_date(day: date) -> str:
    """23 November 2026."""
    return f"{day.day} {day:%B %Y}"


def when_phrase(by_when: str) -> str:
    """A term's timing as a phrase: "by Friday", and "from 1 June" as written (never "by from 1 June")."""
    text = by_when.strip()
    return text if _LEADING_PREPOSITION.match(text) else f"by {text}"


def agreement_markdown(state: SessionState, today: date | None = None) -> str:
    """The session's shared record: goals, revealed rounds, and the agreement, with its version and date."""
    names = {p.id: p.name for p in state.parties}
    day = today or date.today()
    lines = [f"# Agreement: {_md_escape(state.title)}", ""]
    lines.append(f"Date: {long_date(day)}")
    lines += ["", f"Status: {STAGE_TITLES[state.stage]}"]
    lines += ["", f"Agreement version {agreement_version(state)}, exported on {day.isoformat()}"]
    if state.mutual_goal:
        lines += ["", f"**Mutual goal:** {_md_escape(state.mutual_goal)}"]
    if state.goals:
        lines += ["", "## Goals"]
        lines += [f"- **{_md_escape(names[pid])}:** {_md_escape(g)}" for pid, g in state.goals.items()]
    revealed = visible_entries(state, None)
    for rnd in sorted({e.round_no for e in revealed}):
        lines += ["", f"## Round {rnd}: asks and offers"]
        for e in (x for x in revealed if x.round_no == rnd):
            lines.append(
                f"- **{_md_escape(names[e.party_id])}** asks: {_md_escape(e.ask)}; offers: {_md_escape(e.offer)}"
            )
            if e.non_negotiable:
                lines.append(f"  - non-negotiable: {_md_escape(e.non_negotiable)}")
    lines += ["", "## Terms (who does what, by when)"]
    if state.terms:
        lines += [
            f"- **{_md_escape(names[t.party_id])}:** {_md_escape(t.text)} ({_md_escape(when_phrase(t.by_when))})"
            for t in state.terms
        ]
    else:
        lines.append("- none yet")
    lines += ["", f"Revisit on: {state.revisit_on.isoformat() if state.revisit_on else 'not set'}"]
    lines += ["", "## Confirmed by"]
    lines += [f"- {_md_escape(p.name)}: {'yes' if p.id in state.confirmed else 'not yet'}" for p in state.parties]
    return "\n".join(lines) + "\n"


PLAN_FIELDS = (
    ("assumptions", "My assumptions"),
    ("goals", "My goals"),
    ("expectations", "My expectations"),
    ("their_view", "My guess at their assumptions, goals and expectations"),
    ("ask", "My one ask"),
    ("interest", "The interest behind it"),
    ("parked", "Parked for later"),
    ("offer", "An offer I could make"),
    ("non_negotiable", "My non-negotiable (if truly needed)"),
    ("batna", "My best alternative if we don't agree"),
    ("walk_away", "Walk-away check"),
    ("lines", "Lines I plan to say"),
)


def _flag(line: str, checks: dict[str, Any]) -> str:
    """A line as the tone check last judged it: an ultimatum keeps its flag (and the reframe) in the plan."""
    verdict = checks.get(line.strip())
    if not isinstance(verdict, dict) or verdict.get("level") != "ultimatum":
        return ""
    out = " (tone check: may land as an ultimatum"
    if verdict.get("reframe"):
        out += f"; try: {verdict['reframe']}"
    return out + ")"


def plan_markdown(plan: dict[str, Any]) -> str:
    """The prepare-alone plan on one page."""
    title = str(plan.get("title") or "My plan for a hard conversation")
    checks = plan.get("tone_checks") or {}
    lines = [f"# {_md_escape(title)}", ""]
    for key, label in PLAN_FIELDS:
        value = plan.get(key)
        if not value:
            continue
        lines.append(f"## {label}")
        if isinstance(value, list):
            lines += [f"- {_md_escape(str(v))}" for v in value]
        elif key == "lines":
            lines += [f"- {_md_escape(x.strip() + _flag(x, checks))}" for x in str(value).splitlines() if x.strip()]
        else:
            lines.append(_md_escape(str(value)))
        lines.append("")
    return "\n".join(lines)


_UNESCAPE = re.compile(r"\\(.)")


def _pdf(markdown: str, body: float) -> Any:
    """Lay the Markdown out at one body size; a heading never sits alone at the foot of a page."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    font = next((f for f in _FONT_CANDIDATES if f.is_file()), None)
    if font:
        pdf.add_font("Body", "", str(font))
        family = "Body"
    else:
        family = "Helvetica"

    def clean(s: str) -> str:
        s = _UNESCAPE.sub(r"\1", s.replace("**", "").rstrip())
        if font is None:
            s = s.encode("latin-1", "replace").decode("latin-1")
        return s

    line_h = body * 0.55
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def keep_with_next(height: float) -> None:
        if pdf.get_y() + height + 2 * line_h > pdf.page_break_trigger:
            pdf.add_page()

    for line in markdown.splitlines():
        if line.startswith("# "):
            pdf.set_font(family, size=body * 1.6)
            pdf.multi_cell(width, body * 0.9, clean(line[2:]), new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            keep_with_next(body * 0.7 + 1.5)
            pdf.set_font(family, size=body * 1.18)
            pdf.ln(body * 0.15)
            pdf.multi_cell(width, body * 0.7, clean(line[3:]), new_x="LMARGIN", new_y="NEXT")
        elif line.strip():
            pdf.set_font(family, size=body)
            text = clean(line.strip())
            if text.startswith("- "):
                text = ("• " if font else "- ") + text[2:]
            pdf.multi_cell(width, line_h, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(body * 0.15)
    return pdf


def markdown_to_pdf(markdown: str, one_page: bool = False) -> bytes:
    """A simple PDF of a Markdown record (headings, bullets, paragraphs).

    one_page: set the text smaller, step by step, until it fits one A4 page (down to 8 pt; past
    that it runs on to a second page rather than become unreadable).
    """
    sizes = (11.0, 10.0, 9.5, 9.0, 8.5, 8.0) if one_page else (11.0,)
    pdf = None
    for size in sizes:
        pdf = _pdf(markdown, size)
        if pdf.pages_count == 1:
            break
    assert pdf is not None
    return bytes(pdf.output())
