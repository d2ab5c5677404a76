"""The coach: what the assistant says (drift, reframes, asks, offers, strategies, positions).

- ``protocol``: the ``Coach`` protocol, and ``Origin`` (which coach answered, and why)
- ``offline``: ``OfflineCoach``, the embedded default
- ``llm_coach``: ``LLMCoach``, checked against the offline coach's rules, falling back to it
- ``factory``: ``make_coach`` and the shared offline coach
- ``checks``: the checks every generated answer passes before a person sees it
- ``phrasing``: templates and word lists, as data (knowledge/phrasing.yaml)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.coach.factory import make_coach, shared_offline_coach
    from assistant.coach.offline import OfflineCoach
    from assistant.coach.protocol import Coach, Origin, Said

__all__ = ["Coach", "OfflineCoach", "Origin", "Said", "make_coach", "shared_offline_coach"]
_WHERE = {
    "Coach": "protocol",
    "Origin": "protocol",
    "Said": "protocol",
    "OfflineCoach": "offline",
    "make_coach": "factory",
    "shared_offline_coach": "factory",
}


def __getattr__(name: str) -> Any:
    """Import lazily, so importing one coach module does not load every model."""
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"assistant.coach.{_WHERE[name]}"), name)
    raise AttributeError(name)
