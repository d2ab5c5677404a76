"""Making people's text safe to show: never rendered as HTML, links or images."""

from __future__ import annotations

import re
import string

_MD_SPECIAL = "\\`*_[]()<>#!|~$"


def md_escape(text: str) -> str:
    """Escape text for Markdown so it shows literally."""
    out = []
    for ch in text:
        out.append("\\" + ch if ch in _MD_SPECIAL else ch)
    return "".join(out)


_PUNCT = frozenset(string.punctuation)  # CommonMark lets a backslash escape every one of these
_WORD_JOINER = "\u2060"  # invisible; splits the patterns Markdown turns into links after parsing
_WWW = re.compile(r"(?i)\b(www)(?=\\\.)")


def shown(text: str) -> str:
    """Someone's text for a Markdown element (a title, a label, a caption), shown exactly as typed.

    One line (no heading or list can form from a later line such as ``===``); every ASCII punctuation
    mark escaped (no emphasis, link, image, HTML, table or math); an invisible word joiner after
    ``:`` and ``@`` and inside ``www.``, because bare URLs, e-mail addresses, icons and colour
    directives are found in the parsed text, where backslashes no longer are.
    """
    out: list[str] = []
    for ch in " ".join(str(text).split()):
        out.append("\\" + ch if ch in _PUNCT else ch)
        if ch in ":@":
            out.append(_WORD_JOINER)
    return _WWW.sub(r"\1" + _WORD_JOINER, "".join(out))
