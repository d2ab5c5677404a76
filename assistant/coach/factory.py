"""Which coach a person gets: the offline coach, or an LLM coach that falls back to it."""

from __future__ import annotations

import threading

from assistant.coach.offline import OfflineCoach
from assistant.coach.protocol import Coach
from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.retrieval.index import Progress

_shared: dict[str, OfflineCoach] = {}
_lock = threading.Lock()


def shared_offline_coach(settings: Settings, progress: Progress | None = None) -> OfflineCoach:
    """One OfflineCoach per process and knowledge folder (loading takes a couple of seconds)."""
    key = f"{settings.knowledge_dir}|{settings.chroma_dir}|{settings.chroma_host}"
    with _lock:
        coach = _shared.get(key)
        if coach is None:
            coach = OfflineCoach(settings, progress=progress)
            _shared[key] = coach
        return coach


def make_coach(settings: Settings, choice: str = "auto", progress: Progress | None = None) -> Coach:
    """The coach to use: "offline", "llm" (an error if none is configured), or "auto" (llm when configured)."""
    if choice not in {"auto", "offline", "llm"}:
        raise ConfigError(f"Unknown coach {choice!r}: use offline, llm or auto.")
    offline = shared_offline_coach(settings, progress=progress)
    if choice == "offline" or (choice == "auto" and not settings.llm_configured):
        return offline
    from assistant.coach.llm_coach import LLMCoach
    from assistant.llm.chat import make_chat_model

    return LLMCoach(make_chat_model(settings), offline)
