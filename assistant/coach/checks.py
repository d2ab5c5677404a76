"""The checks every generated answer passes before a person sees it, from the offline coach or an LLM.

- a reframe: carries none of the lever, reads as open or firm, does not repeat itself or wrap the original
- an ask: one sentence, a request, no blame, and none of the other demands inside it
- an offer: cites only a strategy card it was given
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.coach.language import tag
from assistant.coach.phrasing import Phrasing

_GENERIC = frozenset(
    [
        "be",
        "have",
        "do",
        "get",
        "make",
        "keep",
        "want",
        "need",
        "thing",
        "stuff",
        "lot",
        "way",
        "time",
        "sort",
        "stop",
        "start",
        "try",
        "let",
        "go",
        "come",
        "take",
        "give",
        "put",
        "could",
        "would",
        "should",
        "please",
        "more",
        "less",
        "really",
        "just",
        "also",
    ]
)


def distinctive_words(text: str) -> set[str]:
    """Content lemmas that say what a demand is about (nouns, verbs, adjectives; not 'want' or 'stop')."""
    return {
        w.lemma.lower()
        for w in tag(text)
        if (w.tag.startswith("NN") or w.tag.startswith("VB") or w.tag.startswith("JJ"))
        and w.lemma.lower() not in _GENERIC
        and len(w.text) > 2
    }


def ask_problem(ask: str, chosen: str, others: Sequence[str], phrasing: Phrasing) -> str | None:
    """Why an ask may not be shown as 'one ask', or None."""
    text = ask.strip()
    if not text:
        return "it is empty"
    if len(re.findall(r"[.!?](?:\s|$)", text.rstrip(".!? ") + ".")) > 1:
        return "it is more than one sentence"
    if len(text.split()) > 40:
        return "it is too long to be one ask"
    if phrasing.blame_pattern.search(text):
        return f"it still blames ('{phrasing.blame_pattern.search(text).group(0)}')"  # type: ignore[union-attr]
    mine = distinctive_words(chosen)
    words = distinctive_words(text)
    for other in others:
        theirs = distinctive_words(other) - mine
        if theirs and len(theirs & words) >= (1 if len(theirs) <= 2 else 2):
            return f"it also carries another demand ('{other}')"
    return None


def ungrounded(cited: Iterable[str], given: Iterable[str]) -> set[str]:
    """The strategy slugs an answer cites that it was not given."""
    return set(cited) - set(given)
