"""Making people's text safe to show: never rendered as HTML, links or images."""

from __future__ import annotations

_MD_SPECIAL = "\\`*_[]()<>#!|~$"


def md_escape(text: str) -> str:
    """Escape text for Markdown so it shows literally."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in _MD_SPECIAL else ch)
    return "".join(out)
