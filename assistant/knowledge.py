"""The knowledge cards (one markdown file per strategy or stage) and the labelled drift examples."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.errors import KnowledgeError

LEVELS = ("open", "firm", "ultimatum")
KINDS = (
    "threat",
    "final-offer",
    "walkout",
    "deadline-penalty",
    "non-negotiable-list",
    "veiled-threat",
    "cut-off",
)
STRATEGY_SLUGS = (
    "prepare-assumptions",
    "state-goals",
    "ask-and-offer",
    "crystallize-ask",
    "one-non-negotiable",
    "equal-time",
    "flush-out-interests",
    "leave-door-open",
    "face-saving-return",
    "apologize",
    "gracious-move",
    "let-time-pass",
    "keep-issues-open",
    "introduce-new-element",
    "change-negotiators",
    "team-without-authority",
    "neutral-third-party",
    "strengthen-batna",
    "assess-walkout",
    "walk-away-check",
    "recommit-process",
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
OFFER_SLOTS = frozenset({"ask_action", "goal"})


@dataclass(frozen=True)
class Card:
    """One knowledge card: a strategy or a stage of the process."""

    slug: str
    title: str
    kind: str
    stage: str
    impasse: bool
    when: tuple[str, ...]
    cautions: tuple[str, ...]
    signals: tuple[str, ...]
    offers: tuple[str, ...]
    body: str
    path: Path

    def sections(self) -> dict[str, str]:
        """The body split by its `## ` headings."""
        out: dict[str, str] = {}
        current = "Overview"
        lines: list[str] = []
        for line in self.body.splitlines():
            if line.startswith("## "):
                if lines:
                    out[current] = "\n".join(lines).strip()
                current, lines = line[3:].strip(), []
            else:
                lines.append(line)
        if lines:
            out[current] = "\n".join(lines).strip()
        return {k: v for k, v in out.items() if v}


@dataclass(frozen=True)
class Example:
    """A labelled message for the drift classifier."""

    text: str
    level: str
    setting: str
    kinds: tuple[str, ...]


def _str_list(meta: dict[str, object], key: str, path: Path) -> tuple[str, ...]:
    value = meta.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{path.name}: `{key}` must be a list of strings; fix the card.")
    return tuple(value)


def parse_card(path: Path) -> Card:
    """Parse one card file; raise KnowledgeError naming the file and the fix."""
    text = path.read_text(encoding="utf-8")
    parts = text.split("---", 2)
    if len(parts) < 3 or parts[0].strip():
        raise KnowledgeError(f"{path.name}: a card starts with YAML front matter between '---'.")
    try:
        meta = yaml.safe_load(parts[1])
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{path.name}: front matter is not valid YAML ({exc}).") from exc
    if not isinstance(meta, dict):
        raise KnowledgeError(f"{path.name}: front matter must be a mapping.")
    for key in ("slug", "title", "kind", "stage"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise KnowledgeError(f"{path.name}: front matter needs a `{key}`.")
    offers = _str_list(meta, "offers", path)
    for offer in offers:
        unknown = set(_PLACEHOLDER.findall(offer)) - OFFER_SLOTS
        if unknown:
            raise KnowledgeError(f"{path.name}: offer uses unknown placeholder(s) {unknown}.")
    return Card(
        slug=meta["slug"].strip(),
        title=meta["title"].strip(),
        kind=meta["kind"].strip(),
        stage=meta["stage"].strip(),
        impasse=bool(meta.get("impasse", False)),
        when=_str_list(meta, "when", path),
        cautions=_str_list(meta, "cautions", path),
        signals=_str_list(meta, "signals", path),
        offers=offers,
        body=parts[2].strip(),
        path=path,
    )


def cards_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir / "cards"


@lru_cache(maxsize=8)
def load_cards(knowledge_dir: Path) -> tuple[Card, ...]:
    """All cards under ``knowledge_dir/cards``, sorted by slug."""
    folder = cards_dir(knowledge_dir)
    files = sorted(folder.glob("*.md"))
    if not files:
        raise KnowledgeError(f"No knowledge cards in {folder}; the repository's knowledge/ is needed.")
    cards = tuple(parse_card(f) for f in files)
    slugs = [c.slug for c in cards]
    if len(set(slugs)) != len(slugs):
        raise KnowledgeError("Two knowledge cards share a slug; slugs must be unique.")
    return cards


def cards_by_slug(knowledge_dir: Path) -> dict[str, Card]:
    return {c.slug: c for c in load_cards(knowledge_dir)}


def content_hash(knowledge_dir: Path) -> str:
    """A hash of every card file's name and bytes: the index rebuilds when it changes."""
    digest = hashlib.sha256()
    for f in sorted(cards_dir(knowledge_dir).glob("*.md")):
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def examples_path(knowledge_dir: Path) -> Path:
    return knowledge_dir / "drift_examples.jsonl"


def load_examples(path: Path) -> list[Example]:
    """Labelled drift examples (JSONL: text, level, setting, kinds)."""
    if not path.is_file():
        raise KnowledgeError(f"No labelled drift examples at {path}; the repository's knowledge/ folder has them.")
    out: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            level = row["level"]
            if level not in LEVELS:
                raise ValueError(f"unknown level {level!r}")
            out.append(
                Example(
                    text=str(row["text"]),
                    level=level,
                    setting=str(row.get("setting", "")),
                    kinds=tuple(row.get("kinds") or ()),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise KnowledgeError(f"{path.name} line {n}: {exc}; fix or remove the line.") from exc
    return out
