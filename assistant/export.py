"""Exports: the agreement record and the prepare-alone plan, as Markdown and as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from assistant.process import SessionState, visible_entries
from assistant.process.model import STAGE_TITLES
from assistant.process.permissions import agreement_version
from assistant.textsafe import md_escape as _md_escape

_FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
)


def agreement_markdown(state: SessionState, today: date | None = None) -> str:
    """The session's shared record: goals, revealed rounds, and the agreement, with its version and date."""
    names = {p.id: p.name for p in state.parties}
    lines = [f"# Agreement: {_md_escape(state.title)}", ""]
    lines.append(f"Status: {STAGE_TITLES[state.stage]}")
    lines.append(f"Agreement version {agreement_version(state)}, exported on {(today or date.today()).isoformat()}")
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
            f"- **{_md_escape(names[t.party_id])}:** {_md_escape(t.text)} (by {_md_escape(t.by_when)})"
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


def plan_markdown(plan: dict[str, Any]) -> str:
    """The prepare-alone plan on one page."""
    title = str(plan.get("title") or "My plan for a hard conversation")
    lines = [f"# {_md_escape(title)}", ""]
    for key, label in PLAN_FIELDS:
        value = plan.get(key)
        if not value:
            continue
        lines.append(f"## {label}")
        if isinstance(value, list):
            lines += [f"- {_md_escape(str(v))}" for v in value]
        else:
            lines.append(_md_escape(str(value)))
        lines.append("")
    return "\n".join(lines)


def markdown_to_pdf(markdown: str) -> bytes:
    """A simple PDF of a Markdown record (headings, bullets, paragraphs)."""
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
        s = s.replace("\\", "").replace("**", "")
        if font is None:
            s = s.encode("latin-1", "replace").decode("latin-1")
        return s

    width = pdf.w - pdf.l_margin - pdf.r_margin
    for line in markdown.splitlines():
        if line.startswith("# "):
            pdf.set_font(family, size=18)
            pdf.multi_cell(width, 10, clean(line[2:]), new_x="LMARGIN", new_y="NEXT")
        elif line.startswith("## "):
            pdf.set_font(family, size=13)
            pdf.ln(2)
            pdf.multi_cell(width, 8, clean(line[3:]), new_x="LMARGIN", new_y="NEXT")
        elif line.strip():
            pdf.set_font(family, size=11)
            text = clean(line.strip())
            if text.startswith("- "):
                text = "• " + text[2:] if font else "- " + text[2:]
            pdf.multi_cell(width, 6, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(2)
    return bytes(pdf.output())
