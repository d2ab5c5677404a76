import json
import re
from pathlib import Path

import pytest

from assistant.coach.drift import EXTRA_TRAINING
from assistant.config import PROJECT_ROOT, Settings
from assistant.errors import KnowledgeError
from assistant.knowledge import KINDS, LEVELS, STRATEGY_SLUGS, load_cards, load_examples, parse_card

SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"


def test_every_strategy_slug_has_a_complete_card(knowledge_dir: Path) -> None:
    cards = {c.slug: c for c in load_cards(knowledge_dir)}
    assert set(STRATEGY_SLUGS) <= set(cards)
    for slug in STRATEGY_SLUGS:
        card = cards[slug]
        assert card.title and card.when and card.cautions and card.offers, slug
        sections = card.sections()
        assert {"What to do", "What to say", "Watch out for"} <= set(sections), slug
        say = sections["What to say"]
        assert len(re.findall(r"^- \*\*", say, re.M)) >= 2, slug
        assert any(not re.search(r"\{\w+\}", o) for o in card.offers), slug


def test_examples_are_balanced_and_valid(knowledge_dir: Path) -> None:
    examples = load_examples(knowledge_dir / "drift_examples.jsonl")
    assert len(examples) >= 400
    counts = {lvl: sum(1 for e in examples if e.level == lvl) for lvl in LEVELS}
    assert min(counts.values()) >= 0.25 * len(examples), counts
    settings = {e.setting for e in examples}
    assert len(settings) >= 10
    for e in examples:
        assert set(e.kinds) <= set(KINDS)
        assert bool(e.kinds) == (e.level == "ultimatum"), e.text


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def _texts(path: Path) -> list[str]:
    """Every text in a JSONL evaluation file: a message's text, or each message of a conversation."""
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if isinstance(row.get("text"), str):
            out.append(row["text"])
        out += [m["text"] for m in row.get("messages") or [] if isinstance(m, dict) and isinstance(m.get("text"), str)]
    return out


def test_eval_sets_do_not_overlap_training(knowledge_dir: Path, settings: Settings) -> None:
    """No evaluation text (our sets, the voices sets, and the real public sets when prepared) is in
    any training file of the drift classifier."""
    train = {_norm(e.text) for e in load_examples(knowledge_dir / "drift_examples.jsonl")}
    hard = {_norm(e.text) for name in EXTRA_TRAINING for e in load_examples(knowledge_dir / name)}
    assert len(hard) >= 700
    datasets = PROJECT_ROOT / "evals" / "datasets"
    files = [datasets / "drift.jsonl", datasets / "drift_holdout.jsonl", datasets / "drift_voices_dev.jsonl"]
    files += sorted(datasets.glob("voices/*.jsonl"))
    files += sorted((settings.real_data_dir / "eval").glob("*.jsonl"))
    texts = [t for f in files for t in _texts(f)]
    assert len(texts) >= 480
    overlap = [t for t in texts if _norm(t) in train | hard]
    assert not overlap, overlap[:5]


@pytest.mark.skipif(not SEEDS.exists(), reason="the source articles are not beside the repository")
def test_cards_do_not_copy_the_source_articles(knowledge_dir: Path) -> None:
    """No run of 8 words from the source articles appears in a card."""

    def grams(text: str) -> set[tuple[str, ...]]:
        words = _norm(text).split()
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    source = set().union(*(grams(p.read_text()) for p in SEEDS.glob("*.txt")))
    for card in load_cards(knowledge_dir):
        copied = grams(card.path.read_text()) & source
        assert not copied, (card.slug, sorted(copied)[:2])


def test_bad_card_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.md"
    bad.write_text("no front matter here")
    with pytest.raises(KnowledgeError, match="front matter"):
        parse_card(bad)
    bad.write_text("---\nslug: x\ntitle: X\nkind: strategy\nstage: prepare\noffers: ['{oops}']\n---\nbody")
    with pytest.raises(KnowledgeError, match="placeholder"):
        parse_card(bad)
