"""Scorers: pure functions from predictions and gold labels to figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.knowledge import LEVELS

REQUEST = re.compile(
    r"^(?:could you|would you|can you|will you|please|i'm asking|i am asking|i'd like|could we|"
    r"would you be willing|can we|could i|can i|could (?:the|our|my|your|management|staff)\b)\b",
    re.I,
)
BLAME = re.compile(
    r"\byou (?:always|never)\b|\byou're always\b|\byou are always\b|"
    r":\s*(?:you|your)\b",  # quoting the complaint back ("...on this: you forgot my birthday")
    re.I,
)
# "keepinging" is a gerund made twice; "bringing", "ringing", "swinging" are words
MALFORMED = re.compile(
    r"\b(?!(?:br|s|sw|r|st|str|cl|fl|sl|wr|spr|w|d|z)inging\b)\w*inging\b|\s[,;]|\b(?:and|or|but|that|so)\?$|(?<![\w'])i(?![\w'])",
    re.I,
)


def classification_report(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LEVELS) -> dict[str, Any]:
    """Per-label precision, recall, F1, a confusion matrix (rows gold, columns predicted), macro-F1."""
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    per: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = confusion[lab][lab]
        fp = sum(confusion[g][lab] for g in labels if g != lab)
        fn = sum(confusion[lab][p] for p in labels if p != lab)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[lab] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": tp + fn,
        }
    macro = sum(v["f1"] for v in per.values()) / len(labels)
    accuracy = sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / max(1, len(gold))
    return {
        "per_level": per,
        "macro_f1": round(macro, 3),
        "accuracy": round(accuracy, 3),
        "confusion": confusion,
        "n": len(gold),
    }


def shrink_checks(ask: str, source: str, priority: str | None) -> dict[str, bool]:
    """The shrink pass criteria for one case."""
    body = ask.strip()
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", body) if s.strip()]
    checks = {
        "one_sentence": len(sentences) == 1 and 3 <= len(body.split()) <= 45,
        "request": bool(REQUEST.match(body)),
        "no_blame": not BLAME.search(body),
        "well_formed": not MALFORMED.search(body.replace(" I ", " ").replace("I'", "")),
    }
    if priority:
        checks["honours_priority"] = priority.lower() in source.lower()
    return checks


def top_k_hit(expected: Sequence[str], ranked: Sequence[str], k: int = 3) -> bool:
    """True when any expected slug is among the first k."""
    return any(slug in ranked[:k] for slug in expected)


def offer_grounded(offer: dict[str, str], known_slugs: set[str], retrieved: set[str]) -> bool:
    """An offer is grounded when its slug is a real card that retrieval returned, and it is filled in."""
    return (
        offer.get("slug") in known_slugs
        and offer.get("slug") in retrieved
        and bool(offer.get("text"))
        and "{" not in offer["text"]
    )


_CLUMSY = re.compile(
    r"\{|\b(\w+) \1\b|\d %|\b(?:on|about|at|for|to reach|toward) (?:keep|get|stay|protect|avoid|save|reach|decide|settle|"
    r"win|finish|be|make|not be|not take)\b",
    re.I,
)
_SPEAKS_AS_LEAVER = re.compile(r"\bfor walking out\b|\bwhen I left\b", re.I)
_OTHER_LEFT = re.compile(r"\b(?!I\b)\w+ (?:\w+ )?(?:walked|stormed|hung up)|\b(?:he|she|they) left\b")
IMPASSE_ONLY = {"face-saving-return", "leave-door-open", "let-time-pass", "assess-walkout", "change-negotiators"}


def offer_fits(text: str, slug: str, situation: str, impasse: bool) -> dict[str, bool]:
    """Quality checks beyond grounding: it reads well, and it fits the situation and the speaker's side."""
    return {
        "fluent": not _CLUMSY.search(text),
        "right_kind": impasse or slug not in IMPASSE_ONLY,
        "right_side": not (_SPEAKS_AS_LEAVER.search(text) and _OTHER_LEFT.search(situation)),
    }


def roc_auc(gold: Sequence[bool], scores: Sequence[float]) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random negative
    (ties count half). 0.5 when either class is missing."""
    pos = [s for g, s in zip(gold, scores, strict=True) if g]
    neg = [s for g, s in zip(gold, scores, strict=True) if not g]
    if not pos or not neg:
        return 0.5
    ranked = sorted((s, i) for i, s in enumerate([*pos, *neg]))
    ranks = [0.0] * len(ranked)
    i = 0
    while i < len(ranked):
        j = i
        while j + 1 < len(ranked) and ranked[j + 1][0] == ranked[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[ranked[k][1]] = (i + j) / 2 + 1
        i = j + 1
    pos_rank_sum = sum(ranks[: len(pos)])
    return (pos_rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def ultimatum_report(gold: Sequence[str], pred: Sequence[str], warm: Sequence[bool]) -> dict[str, Any]:
    """Ultimatum precision and recall, and how warm offers were read (false alarms, open or firm)."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == "ultimatum" and p == "ultimatum")
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != "ultimatum" and p == "ultimatum")
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == "ultimatum" and p != "ultimatum")
    warm_pred = [p for p, w in zip(pred, warm, strict=True) if w]
    return {
        "n": len(gold),
        "ultimatums": tp + fn,
        "ultimatum_precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        "ultimatum_recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
        "false_alarms": fp,
        "warm_n": len(warm_pred),
        "warm_false_alarm_rate": round(sum(p == "ultimatum" for p in warm_pred) / max(1, len(warm_pred)), 3),
        "warm_open_rate": round(sum(p == "open" for p in warm_pred) / max(1, len(warm_pred)), 3),
    }
