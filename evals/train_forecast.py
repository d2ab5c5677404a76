"""Train the conversation breakdown forecast on one real corpus; check it on others it never saw.

    .venv/bin/python -m evals.train_forecast [--real-data DIR] [--dry-run]

Reads the prepared real sets (evals/real_data.py; the folder is `Settings.real_data_dir`): trains a
logistic regression on ``train/*.jsonl`` (choosing C by 5-fold cross-validation there, never on an
evaluation set), reports accuracy and AUC on every ``eval/*.jsonl``, and writes the weights to
``knowledge/forecast_model.json`` and the figures to ``evals/results/forecast.md``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

from assistant.coach.drift import DriftDetector
from assistant.coach.forecast import (
    BreakdownForecast,
    feature_names,
    forecast_features,
    forecast_path,
)
from assistant.config import PROJECT_ROOT, Settings
from assistant.knowledge import examples_path
from assistant.retrieval.embedding import shared_embedder

RESULTS = PROJECT_ROOT / "evals" / "results"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def featurise(drift: DriftDetector, convs: list[dict[str, Any]]) -> np.ndarray:
    """Conversation features exactly as check_conversation computes them (the word model's
    probabilities per message, no embedding)."""
    rows = []
    for c in convs:
        texts = [m["text"] for m in c["messages"]]
        rows.append(forecast_features(texts, drift.word_probabilities(texts), [m["speaker"] for m in c["messages"]]))
    return np.asarray(rows, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, c: float, trained_on: str) -> BreakdownForecast:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    # balanced classes: the training corpora are not exactly balanced, and the cut-off at 0.5 should
    # mean "more likely than not" on a balanced set rather than carry one corpus's base rate
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit((x - mean) / scale, y)
    return BreakdownForecast(
        tuple(feature_names()), mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]), trained_on
    )


def scores(model: BreakdownForecast, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    risk = np.array([model.risk(row) for row in x])
    return {
        "n": len(y),
        "accuracy": round(float(((risk >= 0.5) == y).mean()), 3),
        "auc": round(float(roc_auc_score(y, risk)), 3),
        "flagged_rate": round(float((risk >= 0.5).mean()), 3),
    }


def choose_c(x: np.ndarray, y: np.ndarray) -> tuple[float, dict[float, float]]:
    """C by 5-fold cross-validated AUC on the training corpus alone."""
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    results: dict[float, float] = {}
    for c in (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1):
        aucs = []
        for tr, te in folds.split(x, y):
            m = fit(x[tr], y[tr], c, "cv")
            aucs.append(roc_auc_score(y[te], [m.risk(r) for r in x[te]]))
        results[c] = round(float(np.mean(aucs)), 3)
    return max(results, key=lambda k: results[k]), results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real-data", type=Path, default=None)
    ap.add_argument("--dry-run", action="store_true", help="report only; do not write the weights")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    root = args.real_data or settings.real_data_dir
    # the message classifier exactly as the app builds it (the same examples, hard negatives and voices),
    # so the word probabilities the forecast learns from are the ones check_conversation will give it;
    # no forecast is loaded: this is where one is made (featurise reads only the word model)
    drift = DriftDetector.from_knowledge(
        shared_embedder(settings.embedding_model_path, settings.tokenizer_dir),
        examples_path(settings.knowledge_dir),
        settings.cache_dir,
        with_forecast=False,
    )
    train_files = sorted((root / "train").glob("*.jsonl"))
    if not train_files:
        print(f"No training conversations under {root / 'train'}; prepare them with `python -m evals.real_data`.")
        return 1
    train = [c for f in train_files for c in read_jsonl(f)]
    x = featurise(drift, train)
    y = np.array([bool(c["broke_down"]) for c in train])
    best_c, cv = choose_c(x, y)
    sources = sorted({c["source"] for c in train})
    model = fit(x, y, best_c, ", ".join(sources))
    report: dict[str, Any] = {"trained_on": sources, "n_train": len(train), "C": best_c, "cv_auc": cv, "eval": {}}
    lines = [f"trained on {sources} (n={len(train)}), C={best_c} by 5-fold CV AUC {cv}"]
    for f in sorted((root / "eval").glob("*.jsonl")):
        convs = read_jsonl(f)
        if not convs or "messages" not in convs[0]:
            continue  # the labelled single messages
        s = scores(model, featurise(drift, convs), np.array([bool(c["broke_down"]) for c in convs]))
        report["eval"][f.stem] = s
        lines.append(
            f"  held-out {f.stem}: accuracy {s['accuracy']:.3f}, AUC {s['auc']:.3f} (n={s['n']}, flagged {s['flagged_rate']:.2f})"
        )
    top = np.argsort(-np.abs(model.coef))[:12]
    lines.append("  strongest weights: " + ", ".join(f"{model.names[i]} {model.coef[i]:+.2f}" for i in top))
    print("\n".join(lines))
    if not args.dry_run:
        path = forecast_path(settings.knowledge_dir)
        path.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "forecast.json").write_text(json.dumps(report, indent=2) + "\n")
        (RESULTS / "forecast.md").write_text("# Breakdown forecast\n\n```\n" + "\n".join(lines) + "\n```\n")
        print(f"weights written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
