"""The coach's phrasing data (knowledge/phrasing.yaml): templates, lever words, blame words, priority cues."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.errors import KnowledgeError


@dataclass(frozen=True)
class Phrasing:
    """Templates and word lists the offline coach phrases with; loaded once per knowledge folder."""

    reframes: dict[str, list[str]]
    fallback_with_topic: str
    fallback: str
    worry_plain_default: str
    invite_after_request: str
    invite_after_statement: str
    rest_open: str
    lever_words: tuple[str, ...]
    blame_words: tuple[str, ...]
    priority_cues: tuple[str, ...]
    interests: dict[str, str]
    topics: dict[str, frozenset[str]]

    @property
    def lever_pattern(self) -> re.Pattern[str]:
        return _words_pattern(self.lever_words)

    @property
    def blame_pattern(self) -> re.Pattern[str]:
        return _words_pattern(self.blame_words)

    @property
    def priority_pattern(self) -> re.Pattern[str]:
        return _words_pattern(self.priority_cues)


@lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in ordered)
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.I)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@lru_cache(maxsize=4)
def load_phrasing(path: Path) -> Phrasing:
    """Read and validate the phrasing file; a clear error names what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"Cannot read the coach's phrasing file {path}: {exc}. Restore it from git.") from exc
    try:
        reframe = data["reframe"]
        phrasing = Phrasing(
            reframes={str(k): [str(t) for t in v] for k, v in reframe["by_kind"].items()},
            fallback_with_topic=str(reframe["fallback_with_topic"]),
            fallback=str(reframe["fallback"]),
            worry_plain_default=str(reframe["worry_plain_default"]),
            invite_after_request=str(reframe["invite_after_request"]),
            invite_after_statement=str(reframe["invite_after_statement"]),
            rest_open=str(reframe["rest_open"]),
            lever_words=tuple(str(w).lower() for w in data["lever_words"]),
            blame_words=tuple(str(w).lower() for w in data["blame_words"]),
            priority_cues=tuple(str(w).lower() for w in data["priority_cues"]),
            interests={str(k): str(v) for k, v in data["interests"].items()},
            topics={str(k): frozenset(str(w).lower() for w in v) for k, v in data["topics"].items()},
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"The phrasing file {path} is missing {exc}; restore it from git.") from exc
    if "{topic}" not in phrasing.fallback_with_topic or placeholders(phrasing.fallback):
        raise KnowledgeError(f"The fallback reframes in {path} must use {{topic}} and nothing else respectively.")
    return phrasing
